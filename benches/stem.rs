//! Stemming: wordmill's stemmer beside every Rust build of the Snowball algorithms
//! (rust-stemmers 1.2, waken_snowball 0.1, snowball_stemmers_rs 1.0, snowstem 0.1), one group
//! per algorithm, on the distinct words of the language's corpus/ntrex file (or, for languages
//! without one, the words of tests/data/snowball/). Throughput is in bytes of those words.
//!
//! `cargo bench --bench stem` (or `-- stem/greek` for one algorithm)

#[path = "common/stemmers.rs"]
mod stemmers;

use std::collections::BTreeSet;
use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wordmill::Lang;
use wordmill::stem::Stemmer;

/// Runs of letters and combining marks, lowercased, as the pipeline's words roughly are.
fn words_of(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_alphabetic() || is_mark(c)))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

/// Combining marks of the scripts measured here (vowel signs of Devanagari and Tamil, Hebrew
/// points, Arabic harakat, combining diacritics).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{591}'..='\u{5c7}' | '\u{64b}'..='\u{65f}'
        | '\u{900}'..='\u{903}' | '\u{93a}'..='\u{94f}' | '\u{b82}' | '\u{bbe}'..='\u{bcd}'
        | '\u{200c}' | '\u{200d}')
}

fn words(algorithm: &str, code: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Ok(text) = fs::read_to_string(root.join("corpus/ntrex").join(format!("{code}.txt"))) {
        return words_of(&text).into_iter().collect();
    }
    let sample = root
        .join("tests/data/snowball")
        .join(format!("{algorithm}.tsv"));
    fs::read_to_string(sample)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split('\t').nth(1).map(String::from))
        .collect()
}

fn stem(c: &mut Criterion) {
    for (algorithm, code) in stemmers::ALGORITHMS {
        let words = words(algorithm, code);
        if words.is_empty() {
            continue;
        }
        let bytes: usize = words.iter().map(String::len).sum();
        let mut group = c.benchmark_group(format!("stem/{algorithm}"));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(20);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(2));
        if let Some(stemmer) = Lang::from_code(code).and_then(Stemmer::for_lang) {
            group.bench_function("wordmill", |b| {
                b.iter(|| words.iter().for_each(|w| drop(black_box(stemmer.stem(w)))))
            });
        }
        for krate in stemmers::CRATES {
            let Some(f) = stemmers::stemmer(krate, algorithm) else {
                continue;
            };
            group.bench_function(krate, |b| {
                b.iter(|| words.iter().for_each(|w| drop(black_box(f(w)))))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, stem);
criterion_main!(benches);
