//! What normalization adds to tokenization, measured so that the host's changes of speed do
//! not decide it: the tokenizer alone and the tokenizer with wordmill's normalizer fused in
//! (the two loops of `benches/normalize.rs`) run in alternation, and each keeps its best time.
//!
//! `cargo bench --bench normalize_overhead` prints, per script, both speeds and the time
//! normalization adds. (Criterion times one loop after the other, seconds apart; on a host
//! whose speed moves by 10 to 30 % from one moment to the next, the ratio of two such figures
//! can even come out below zero.) With `-- --test`, as CI runs the benches, each loop runs
//! once.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use wordmill::Lang;
use wordmill::normalize::Normalizer;
use wordmill::tokenize::Tokenizer;

/// Rounds of each loop per script: enough for both to meet a fast phase of the host.
const ROUNDS: usize = 200;

fn main() {
    let test_mode = std::env::args().any(|arg| arg == "--test");
    let rounds = if test_mode { 1 } else { ROUNDS };
    let tokenizer = Tokenizer::new();
    let normalizer = Normalizer::new();
    if test_mode {
        println!("normalize_overhead: test mode, one run of each loop (its figures mean nothing)");
    } else {
        println!("normalize_overhead: best of {rounds} alternating runs, MB/s of input text");
    }
    for (group, codes) in common::SCRIPTS {
        let text = common::text(group);
        // The language the pipeline would pass: the group's first, or none for mixed text.
        let lang = codes.first().map_or(Lang::UND, |c| c.parse().unwrap());
        let (mut tokenizing, mut normalizing) = (Duration::MAX, Duration::MAX);
        for _ in 0..rounds {
            let start = Instant::now();
            let total: usize = tokenizer
                .tokens(black_box(&text))
                .map(|t| t.text.len() + t.kind as usize)
                .sum();
            black_box(total);
            tokenizing = tokenizing.min(start.elapsed());

            let start = Instant::now();
            let mut total = 0;
            tokenizer.for_each_normalized(black_box(&text), &normalizer, lang, |t, term| {
                total += term.len() + t.kind as usize;
            });
            black_box(total);
            normalizing = normalizing.min(start.elapsed());
        }
        let speed = |time: Duration| text.len() as f64 / time.as_secs_f64() / 1e6;
        println!(
            "{group:>9}: tokenize {:7.1} MB/s, tokenize + wordmill normalizer {:7.1} MB/s, \
             added time {:+.1} %",
            speed(tokenizing),
            speed(normalizing),
            (normalizing.as_secs_f64() / tokenizing.as_secs_f64() - 1.0) * 100.0
        );
    }
}
