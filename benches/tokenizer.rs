//! Throughput of the tokenizer loop per script, beside the Rust baselines in the same group.
//!
//! `cargo bench --bench tokenizer`; each group reports MB/s of input text. `wordmill` uses the
//! best lanes of this CPU (AVX-512 where it has it), `wordmill-sse2` SSE2 (every x86-64 CPU),
//! `wordmill-portable` the portable lanes other architectures run (eight bytes at a time in a
//! `u64`; its ASCII scans stay SSE2 here: `WORDMILL_PORTABLE=1 cargo bench` builds the
//! portable code alone).

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unicode_segmentation::UnicodeSegmentation;
use wordmill::__private::{LanesChoice, choose_lanes};
use wordmill::tokenize::Tokenizer;

fn tokenizers(c: &mut Criterion) {
    let tokenizer = Tokenizer::new();
    for (group_name, _) in common::SCRIPTS {
        let text = common::text(group_name);
        let mut group = c.benchmark_group(format!("tokenize/{group_name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        // Each consumes what it finds (positions, lengths, kinds) so that nothing is optimized
        // away that a user of the tokens would need.
        for (name, lanes) in [
            ("wordmill", LanesChoice::Best),
            ("wordmill-sse2", LanesChoice::Sse2),
            ("wordmill-portable", LanesChoice::Portable),
        ] {
            choose_lanes(lanes);
            group.bench_function(name, |b| {
                b.iter(|| {
                    tokenizer
                        .tokens(black_box(&text))
                        .map(|t| t.span.start() + t.text.len() + t.kind as usize)
                        .sum::<usize>()
                })
            });
        }
        choose_lanes(LanesChoice::Best);
        // The other CJK modes beside the default (auto): they change Han, kana and hangul,
        // and Thai, Lao, Khmer and Myanmar, and what path the rest of the text takes.
        for mode in common::other_cjk_modes() {
            let tokenizer = Tokenizer::new().cjk(mode);
            group.bench_function(format!("wordmill/{mode}"), |b| {
                b.iter(|| {
                    tokenizer
                        .tokens(black_box(&text))
                        .map(|t| t.span.start() + t.text.len() + t.kind as usize)
                        .sum::<usize>()
                })
            });
        }
        group.bench_function("unicode_word_indices", |b| {
            b.iter(|| {
                black_box(&text)
                    .unicode_word_indices()
                    .map(|(start, word)| start + word.len())
                    .sum::<usize>()
            })
        });
        group.bench_function("alyze", |b| {
            b.iter(|| {
                let mut total = 0usize;
                let mut start = 0;
                alyze::uax29::word::tokenize(black_box(&text), Default::default(), |end, props| {
                    if props.is_word_like() && end > start {
                        total += start + (end - start);
                    }
                    start = end;
                    true
                });
                total
            })
        });
        group.bench_function("split_whitespace", |b| {
            b.iter(|| {
                black_box(&text)
                    .split_whitespace()
                    .map(str::len)
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
    targets = tokenizers
}
criterion_main!(benches);
