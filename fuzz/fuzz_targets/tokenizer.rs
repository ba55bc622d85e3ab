//! Differential fuzzing of wordmill's tokenizer against unicode-segmentation as the oracle.
//!
//! `cargo fuzz run tokenizer` (see fuzz/README.md). Checks, for any UTF-8 input:
//! - the word-boundary segments equal `split_word_bound_indices`, and the tokens of
//!   `CjkMode::Characters` equal `unicode_word_indices` made wordmill's tokens as
//!   tests/tokenizer_differential.rs makes them (no segment that begins with white space or
//!   punctuation, no U+202F at a token's ends: `segment_support::token_of`), except where a
//!   ZWJ precedes an Extended_Pictographic (where unicode-segmentation departs from UAX #29's
//!   WB6);
//! - every token of every option set is a slice of the input, in order (CJK bigrams overlap
//!   by design, so with them, as by default, only the starts must not go back);
//! - the terms of the fused tokenize-and-normalize loop (whose windows fold their text in
//!   bulk) equal normalizing each token on its own, under a language and options the input's
//!   length picks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;
use wordmill::Lang;
use wordmill::normalize::{Normalizer, UnicodeForm};
use wordmill::tokenize::{CjkMode, Tokenizer};

#[path = "../../tests/segment_support/mod.rs"]
mod segment_support;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let characters = Tokenizer::new().cjk(CjkMode::Characters);
    check_spans(&characters, text, false);
    check_spans(&Tokenizer::new(), text, true);
    check_fused_normalization(text);
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
    let ours: Vec<(usize, &str)> = characters
        .tokens(text)
        .map(|t| (t.span.start(), t.text))
        .collect();
    let theirs: Vec<(usize, &str)> = text
        .unicode_word_indices()
        .filter_map(|(at, word)| segment_support::token_at(at, word))
        .collect();
    assert_eq!(ours, theirs, "tokens of {text:?}");
});

/// Tokens in order, each after the one before; only CJK bigrams (with `overlapping`) share
/// a character with their neighbour (and what UAX #29 attaches to it).
fn check_spans(tokenizer: &Tokenizer, text: &str, overlapping: bool) {
    let mut previous: Option<(usize, usize)> = None;
    for token in tokenizer.tokens(text) {
        let (start, end) = (token.span.start(), token.span.end());
        assert!(start < end);
        if let Some((before_start, before_end)) = previous {
            assert!(
                start > before_start,
                "a token again or out of order in {text:?}"
            );
            let shared = || &text[start..before_end];
            // One character (a letter, or a symbol of a katakana run: `ダ㍀㍀`) and those
            // UAX #29 attaches to it, as the oracle reads them (WB4: marks, which may be
            // alphabetic too, as in `보\u{947}`, a hangul syllable with a Devanagari vowel
            // sign; format characters; ZWJ): each of those makes one segment with a `!` before
            // it.
            let attaches = |c: char| format!("!{c}").split_word_bounds().count() == 1;
            let one_character = || {
                let mut chars = shared().chars();
                chars.next().is_some_and(|c| !attaches(c)) && chars.all(attaches)
            };
            assert!(
                start >= before_end || (overlapping && one_character()),
                "overlapping tokens in {text:?}"
            );
        }
        assert_eq!(&text[token.span.range()], token.text);
        previous = Some((start, end));
    }
}

fn check_fused_normalization(text: &str) {
    let langs = ["und", "tur", "ara", "pes", "vie", "rus", "ell", "heb"];
    let lang: Lang = langs[text.len() % langs.len()]
        .parse()
        .expect("a known language");
    let normalizer = match text.len() % 3 {
        0 => Normalizer::new(),
        1 => Normalizer::new().unicode_form(UnicodeForm::Nfkc),
        _ => Normalizer::new().fold_punctuation(false).russian_yo(true),
    };
    // UAX #29's tokens, which the windows fold, and the default's (bigrams and dictionary
    // words go through the refiners).
    for tokenizer in [Tokenizer::new().cjk(CjkMode::Characters), Tokenizer::new()] {
        let mut fused = Vec::new();
        tokenizer.for_each_normalized(text, &normalizer, lang, |token, term| {
            fused.push((token.span.start(), term.to_owned()));
        });
        let one_by_one: Vec<(usize, String)> = tokenizer
            .tokens(text)
            .map(|token| {
                (
                    token.span.start(),
                    normalizer.normalize(token.text, lang).into_owned(),
                )
            })
            .collect();
        assert_eq!(
            fused,
            one_by_one,
            "fused normalization of {text:?} in {lang:?} ({:?})",
            tokenizer.cjk_mode()
        );
    }
}
