//! Language detection on corpus/ documents of several lengths: wordmill's bounded detection
//! (document language, and spans) beside plain whatlang on the whole document, in the same
//! group. `all` is documents of each of the 120 languages of corpus/ntrex in turn.
//!
//! `cargo bench --bench detect`. Each iteration detects one document (cycling through all
//! documents of that length), so criterion's time is the time per document: wordmill's stays
//! flat as documents grow, whatlang's grows with them. Throughput is MB/s of input.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wordmill::Lang;
use wordmill::detect::Detector;

fn detection(c: &mut Criterion) {
    let detector = Detector::new();
    // One language per script: runs need no identification at all.
    let langs: Vec<Lang> = ["eng", "ara", "rus"]
        .iter()
        .map(|code| code.parse().unwrap())
        .collect();
    let allowlisted = Detector::new().allowlist(langs);
    let plain = Detector::whatlang_only();
    let cases: [(&str, &[usize]); 4] = [
        ("latin", &[256, 1 << 10, 4 << 10, 16 << 10, 64 << 10]),
        ("arabic", &[1 << 10, 16 << 10]),
        ("cyrillic", &[1 << 10, 16 << 10]),
        ("all", &[1 << 10]),
    ];
    for (script, sizes) in cases {
        for &size in sizes {
            let docs = if script == "all" {
                common::documents_of_every_language(size)
            } else {
                common::documents(script, size)
            };
            let bytes: usize = docs.iter().map(String::len).sum();
            let mut group = c.benchmark_group(format!("detect/{script}/{}", label(size)));
            group.throughput(Throughput::Bytes((bytes / docs.len()) as u64));
            let mut i = 0;
            let mut next = || {
                i = (i + 1) % docs.len();
                black_box(docs[i].as_str())
            };
            group.bench_function("wordmill", |b| b.iter(|| detector.detect(next())));
            group.bench_function("wordmill-spans", |b| {
                b.iter(|| detector.detect_spans(next()))
            });
            group.bench_function("wordmill-spans-allowlist-eng-ara-rus", |b| {
                b.iter(|| allowlisted.detect_spans(next()))
            });
            group.bench_function("whatlang-whole", |b| b.iter(|| plain.detect(next())));
            group.finish();
        }
    }
}

fn label(size: usize) -> String {
    if size >= 1024 {
        format!("{}KiB", size / 1024)
    } else {
        format!("{size}B")
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = detection
}
criterion_main!(benches);
