//! Throughput of the whole pipeline on ~1 KB news documents per script, with 1 and 2
//! threads, in one group per script beside its baselines:
//!
//! - `wordmill`: a new pipeline for each measured pass, so that its per-thread word memo
//!   starts empty (what a run over new text costs);
//! - `wordmill-warm`: the same pipeline pass after pass (its memo knows the words);
//! - `wordmill-warm-reused`: the same, streaming as an indexer would: each thread fills one
//!   `Analysis` again and again (`Pipeline::analyze_into`) and adds it to its statistics,
//!   instead of allocating an analysis per document and keeping them all (the batch tool
//!   recycles its written analyses to the same end);
//! - `wordmill-warm-characters`, `-bigrams`, `-dictionary`: the same with the other CJK modes
//!   (the default is `auto`);
//! - `wordmill-whatlang-whole`: wordmill with plain whatlang on the whole document as its
//!   language detection;
//! - `naive`: whatlang, NFKC, lowercase, `unicode_words`, Snowball, a `HashMap`, written the
//!   obvious way;
//! - `alyze-en`: alyze 0.2's analyzer with lowercasing and English Snowball stemming (no
//!   detection, no counting: less work than the others do).
//!
//! `cargo bench --bench pipeline`; each group reports MB/s of input text.

mod common;

use std::hint::black_box;
use std::time::Duration;

use alyze::analyze::{
    AnalysisOptions, Analyzer, ReusableBuffer, StemmingLanguage, TokenizerOptions,
};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use wordmill::detect::Detector;
use wordmill::tf::CorpusStats;
use wordmill::tokenize::{CjkMode, Tokenizer};
use wordmill::{Analysis, Pipeline};

use common::naive::naive;

fn pipelines(c: &mut Criterion) {
    let new_pipeline = || Pipeline::builder().keep_tokens(false).build();
    let pipeline = new_pipeline();
    let alyze = Analyzer::new(AnalysisOptions {
        tokenizer: TokenizerOptions::UAX29Word(Default::default()),
        maximum_token_length: None,
        case_sensitive: false,
        stopword_removal: None,
        stemming: Some(StemmingLanguage::English),
        ascii_folding: false,
    });
    let whatlang_whole = Pipeline::builder()
        .keep_tokens(false)
        .detector(Detector::whatlang_only())
        .build();
    let pools: Vec<(usize, rayon::ThreadPool)> = [1, 2]
        .into_iter()
        .map(|n| {
            (
                n,
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .unwrap(),
            )
        })
        .collect();
    let cjk_pipelines: Vec<(CjkMode, Pipeline)> = common::other_cjk_modes()
        .into_iter()
        .map(|mode| {
            let tokenizer = Tokenizer::new().cjk(mode);
            let pipeline = Pipeline::builder().keep_tokens(false).tokenizer(tokenizer);
            (mode, pipeline.build())
        })
        .collect();
    for (group_name, _) in common::SCRIPTS {
        let docs = common::documents(group_name, 1024);
        let bytes: usize = docs.iter().map(String::len).sum();
        let mut group = c.benchmark_group(format!("pipeline/{group_name}"));
        group.throughput(Throughput::Bytes(bytes as u64));
        // The other CJK modes beside the default, one thread, the pipeline reused pass after
        // pass (compare with wordmill-warm).
        for (mode, pipeline) in &cjk_pipelines {
            group.bench_function(format!("wordmill-warm-{mode}/1-thread"), |b| {
                b.iter(|| {
                    pools[0]
                        .1
                        .install(|| pipeline.analyze_batch(black_box(&docs)))
                })
            });
        }
        for (threads, pool) in &pools {
            group.bench_function(format!("wordmill/{threads}-thread"), |b| {
                b.iter_batched(
                    new_pipeline,
                    |fresh| pool.install(|| fresh.analyze_batch(black_box(&docs))),
                    BatchSize::PerIteration,
                )
            });
            group.bench_function(format!("wordmill-warm/{threads}-thread"), |b| {
                b.iter(|| pool.install(|| pipeline.analyze_batch(black_box(&docs))))
            });
            group.bench_function(format!("wordmill-warm-reused/{threads}-thread"), |b| {
                b.iter(|| pool.install(|| analyze_reused(&pipeline, black_box(&docs))))
            });
            group.bench_function(format!("wordmill-whatlang-whole/{threads}-thread"), |b| {
                b.iter(|| pool.install(|| whatlang_whole.analyze_batch(black_box(&docs))))
            });
            group.bench_function(format!("alyze-en/{threads}-thread"), |b| {
                b.iter(|| {
                    pool.install(|| {
                        black_box(&docs)
                            .par_iter()
                            .map_init(ReusableBuffer::new, |buffer, doc| {
                                let mut length = 0;
                                alyze.analyze(doc, buffer, |token| {
                                    length += token.text.len();
                                    true
                                });
                                length
                            })
                            .sum::<usize>()
                    })
                })
            });
            group.bench_function(format!("naive/{threads}-thread"), |b| {
                b.iter(|| {
                    pool.install(|| {
                        black_box(&docs)
                            .par_iter()
                            .map(|d| naive(d))
                            .collect::<Vec<_>>()
                    })
                })
            });
        }
        group.finish();
    }
}

/// The statistics of `docs`, each document analysed into one `Analysis` per rayon job, reused.
fn analyze_reused(pipeline: &Pipeline, docs: &[String]) -> CorpusStats {
    // One share per thread, as the library counts `analyze_batch`'s statistics.
    let threads = rayon::current_num_threads().max(1);
    docs.par_chunks(docs.len().div_ceil(threads).max(1))
        .map(|share| {
            let (mut analysis, mut stats) = (Analysis::default(), CorpusStats::new());
            for doc in share {
                pipeline.analyze_into(doc, &mut analysis);
                stats.add_document(analysis.lang(), &analysis.terms);
            }
            stats
        })
        .reduce(CorpusStats::new, CorpusStats::merged)
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = pipelines
}
criterion_main!(benches);
