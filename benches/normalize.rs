//! What normalization adds to tokenization, per script: the tokenizer alone, the tokenizer
//! with wordmill's normalizer fused in (`Tokenizer::for_each_normalized`), and the baselines
//! written the obvious way (`to_lowercase`, and NFKC then `to_lowercase`, per token), in one
//! group.
//!
//! `cargo bench --bench normalize`; each group reports MB/s of input text.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unicode_normalization::UnicodeNormalization;
use wordmill::normalize::Normalizer;
use wordmill::tokenize::{CjkMode, Tokenizer};

fn normalization(c: &mut Criterion) {
    // One token per ideograph, as UAX #29 says: what normalization adds to the windows'
    // tokens (the default CJK mode's bigrams take CJK text to the segmenter).
    let tokenizer = Tokenizer::new().cjk(CjkMode::Characters);
    let normalizer = Normalizer::new();
    for (group_name, codes) in common::SCRIPTS {
        let text = common::text(group_name);
        let lang = common::group_lang(codes);
        let mut group = c.benchmark_group(format!("normalize/{group_name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("tokenize", |b| {
            b.iter(|| common::tokenize_loop(&tokenizer, &text))
        });
        group.bench_function("tokenize+wordmill", |b| {
            b.iter(|| common::normalize_loop(&tokenizer, &text, &normalizer, lang))
        });
        group.bench_function("tokenize+to_lowercase", |b| {
            b.iter(|| {
                tokenizer
                    .tokens(black_box(&text))
                    .map(|t| t.text.to_lowercase().len() + t.kind as usize)
                    .sum::<usize>()
            })
        });
        group.bench_function("tokenize+nfkc+to_lowercase", |b| {
            b.iter(|| {
                tokenizer
                    .tokens(black_box(&text))
                    .map(|t| {
                        t.text.nfkc().collect::<String>().to_lowercase().len() + t.kind as usize
                    })
                    .sum::<usize>()
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = normalization
}
criterion_main!(benches);
