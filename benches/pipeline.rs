//! Throughput of the whole pipeline on ~1 KB news documents per script, with 1 and 2
//! threads, beside the same pipeline with plain whatlang on the whole document as its
//! language detection (`whatlang-whole`), and a naive pipeline written the obvious way, in
//! the same group.
//!
//! `cargo bench --bench pipeline`; each group reports MB/s of input text.

mod common;

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;
use wordmill::Pipeline;
use wordmill::detect::Detector;

/// whatlang → NFKC → lowercase → unicode_words → Snowball stem → HashMap, as one would
/// write it first.
fn naive(text: &str) -> HashMap<String, u32> {
    let lang = whatlang::detect_lang(text);
    let algorithm = match lang {
        Some(whatlang::Lang::Eng) => Some(rust_stemmers::Algorithm::English),
        Some(whatlang::Lang::Deu) => Some(rust_stemmers::Algorithm::German),
        Some(whatlang::Lang::Fra) => Some(rust_stemmers::Algorithm::French),
        Some(whatlang::Lang::Spa) => Some(rust_stemmers::Algorithm::Spanish),
        Some(whatlang::Lang::Ita) => Some(rust_stemmers::Algorithm::Italian),
        Some(whatlang::Lang::Por) => Some(rust_stemmers::Algorithm::Portuguese),
        Some(whatlang::Lang::Nld) => Some(rust_stemmers::Algorithm::Dutch),
        Some(whatlang::Lang::Tur) => Some(rust_stemmers::Algorithm::Turkish),
        Some(whatlang::Lang::Swe) => Some(rust_stemmers::Algorithm::Swedish),
        Some(whatlang::Lang::Fin) => Some(rust_stemmers::Algorithm::Finnish),
        Some(whatlang::Lang::Hun) => Some(rust_stemmers::Algorithm::Hungarian),
        Some(whatlang::Lang::Ron) => Some(rust_stemmers::Algorithm::Romanian),
        Some(whatlang::Lang::Ara) => Some(rust_stemmers::Algorithm::Arabic),
        Some(whatlang::Lang::Rus) => Some(rust_stemmers::Algorithm::Russian),
        _ => None,
    };
    let stemmer = algorithm.map(rust_stemmers::Stemmer::create);
    let normalized: String = text.nfkc().collect::<String>().to_lowercase();
    let mut counts = HashMap::new();
    for word in normalized.unicode_words() {
        let term = match &stemmer {
            Some(s) => s.stem(word).into_owned(),
            None => word.to_owned(),
        };
        *counts.entry(term).or_insert(0) += 1;
    }
    counts
}

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
    for (group_name, _) in common::SCRIPTS {
        let docs = common::documents(group_name, 1024);
        let bytes: usize = docs.iter().map(String::len).sum();
        let mut group = c.benchmark_group(format!("pipeline/{group_name}"));
        group.throughput(Throughput::Bytes(bytes as u64));
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
