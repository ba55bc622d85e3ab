//! Throughput of the whole pipeline on ~1 KB news documents per script, with 1 and 2
//! threads, beside the same pipeline with plain whatlang on the whole document as its
//! language detection (`whatlang-whole`), and a naive pipeline written the obvious way, in
//! the same group.
//!
//! `cargo bench --bench pipeline`; each group reports MB/s of input text.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use wordmill::Pipeline;
use wordmill::detect::Detector;
use wordmill::tokenize::{CjkMode, Tokenizer};

use common::naive::naive;

fn pipelines(c: &mut Criterion) {
    let pipeline = Pipeline::builder().keep_tokens(false).build();
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
    #[cfg_attr(not(feature = "icu"), allow(unused_mut))]
    let mut cjk_modes = vec![
        ("characters", CjkMode::Characters),
        ("bigrams", CjkMode::Bigrams),
    ];
    #[cfg(feature = "icu")]
    cjk_modes.push(("dictionary", CjkMode::Dictionary));
    let cjk_pipelines: Vec<(&str, Pipeline)> = cjk_modes
        .into_iter()
        .map(|(name, mode)| {
            let tokenizer = Tokenizer::new().cjk(mode);
            let pipeline = Pipeline::builder().keep_tokens(false).tokenizer(tokenizer);
            (name, pipeline.build())
        })
        .collect();
    for (group_name, _) in common::SCRIPTS {
        let docs = common::documents(group_name, 1024);
        let bytes: usize = docs.iter().map(String::len).sum();
        let mut group = c.benchmark_group(format!("pipeline/{group_name}"));
        group.throughput(Throughput::Bytes(bytes as u64));
        // The CJK modes beside the default (which is one of them), one thread.
        for (name, pipeline) in &cjk_pipelines {
            group.bench_function(format!("wordmill-{name}/1-thread"), |b| {
                b.iter(|| {
                    pools[0]
                        .1
                        .install(|| pipeline.analyze_batch(black_box(&docs)))
                })
            });
        }
        for (threads, pool) in &pools {
            group.bench_function(format!("wordmill/{threads}-thread"), |b| {
                b.iter(|| pool.install(|| pipeline.analyze_batch(black_box(&docs))))
            });
            group.bench_function(format!("wordmill-whatlang-whole/{threads}-thread"), |b| {
                b.iter(|| pool.install(|| whatlang_whole.analyze_batch(black_box(&docs))))
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

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = pipelines
}
criterion_main!(benches);
