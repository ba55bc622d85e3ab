//! Differential fuzzing of wordmill's tokenizer against unicode-segmentation as the oracle.
//!
//! `cargo fuzz run tokenizer` (see fuzz/README.md). Checks, for any UTF-8 input:
//! - the word-boundary segments equal `split_word_bound_indices`, and the tokens equal
//!   `unicode_word_indices`, except where a ZWJ precedes an Extended_Pictographic (where
//!   unicode-segmentation departs from UAX #29's WB6; see tests/tokenizer_differential.rs);
//! - every token of every option set is a slice of the input, in order (CJK bigrams overlap
//!   by design, so with options only the starts must not go back).
#![no_main]

use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;
use wordmill::tokenize::{CjkMode, Tokenizer};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check_spans(&Tokenizer::new(), text, false);
    check_spans(
        &Tokenizer::new()
            .urls(true)
            .emails(true)
            .hashtags(true)
            .mentions(true)
            .emoji(true)
            .cjk(CjkMode::Bigrams),
        text,
        true,
    );
    if text.contains('\u{200D}') {
        return; // the documented difference; WordBreakTest decides those cases
    }
    let ours: Vec<(usize, &str)> = Tokenizer::segments(text).collect();
    let theirs: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
    assert_eq!(ours, theirs, "segments of {text:?}");
    let ours: Vec<(usize, &str)> = Tokenizer::new()
        .tokens(text)
        .map(|t| (t.span.start, t.text))
        .collect();
    let theirs: Vec<(usize, &str)> = text.unicode_word_indices().collect();
    assert_eq!(ours, theirs, "tokens of {text:?}");
});

fn check_spans(tokenizer: &Tokenizer, text: &str, overlapping: bool) {
    let (mut previous_start, mut previous_end) = (0, 0);
    for token in tokenizer.tokens(text) {
        assert!(token.span.start < token.span.end);
        assert!(token.span.start >= if overlapping { previous_start } else { previous_end });
        assert_eq!(&text[token.span.range()], token.text);
        (previous_start, previous_end) = (token.span.start, token.span.end);
    }
}
