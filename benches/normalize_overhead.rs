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

use wordmill::normalize::Normalizer;
use wordmill::tokenize::{CjkMode, Tokenizer};

/// Rounds of each loop per script: enough for both to meet a fast phase of the host.
const ROUNDS: usize = 200;

fn main() {
    let test_mode = std::env::args().any(|arg| arg == "--test");
    let rounds = if test_mode { 1 } else { ROUNDS };
    // One token per ideograph, as UAX #29 says: what normalization adds to the windows'
    // tokens (the default CJK mode's bigrams take CJK text to the segmenter).
    let tokenizer = Tokenizer::new().cjk(CjkMode::Characters);
    let normalizer = Normalizer::new();
    if test_mode {
        println!("normalize_overhead: test mode, one run of each loop (its figures mean nothing)");
    } else {
        println!("normalize_overhead: best of {rounds} alternating runs, MB/s of input text");
    }
    for (group, codes) in common::SCRIPTS {
        let text = common::text(group);
        let lang = common::group_lang(codes);
        let (mut tokenizing, mut normalizing) = (Duration::MAX, Duration::MAX);
        for _ in 0..rounds {
            let start = Instant::now();
            black_box(common::tokenize_loop(&tokenizer, &text));
            tokenizing = tokenizing.min(start.elapsed());

            let start = Instant::now();
            black_box(common::normalize_loop(&tokenizer, &text, &normalizer, lang));
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
