#![allow(dead_code)] // each user takes part of it
//! The token wordmill makes of a UAX #29 segment, for the tests that hold its tokenizer to
//! another's segments (tests/tokenizer_differential.rs and fuzz/fuzz_targets/tokenizer.rs:
//! unicode-segmentation's; tests/unicode_conformance.rs: WordBreakTest's). Written from the
//! rules as the tokenizer's documentation states them, on Unicode's own
//! WordBreakProperty.txt (the file the tokenizer's tables are generated from, in
//! tools/unicode-tables/ucd/), not on the tokenizer's tables.

use std::sync::OnceLock;

/// The token of `segment`, if it makes one: a segment with a letter or a digit, unless it
/// begins with a character that begins no word (white space, punctuation, a symbol: marks
/// that WB4 joined to it are no word), with the narrow no-break spaces (U+202F) at its ends
/// cut off (no token when marks alone follow one).
pub fn token_of(segment: &str) -> Option<&str> {
    if !segment.chars().any(char::is_alphanumeric) {
        return None;
    }
    let first = segment.chars().next()?;
    let begins_words = first.is_alphanumeric()
        || matches!(
            word_break(first),
            "ALetter"
                | "Hebrew_Letter"
                | "Numeric"
                | "Katakana"
                | "ExtendNumLet"
                | "Extend"
                | "Format"
                | "ZWJ"
        );
    if !begins_words {
        return None;
    }
    let trimmed = segment.trim_start_matches('\u{202F}');
    if trimmed.len() != segment.len()
        && trimmed
            .chars()
            .next()
            .is_none_or(|c| matches!(word_break(c), "Extend" | "Format" | "ZWJ"))
    {
        return None;
    }
    Some(trimmed.trim_end_matches('\u{202F}'))
}

/// [`token_of`] the segment at byte `at` of a text, with the token's own offset there: what
/// the tokenizer gives of a segment of `unicode_word_indices`.
pub fn token_at(at: usize, segment: &str) -> Option<(usize, &str)> {
    let token = token_of(segment)?;
    Some((
        at + (token.as_ptr() as usize - segment.as_ptr() as usize),
        token,
    ))
}

/// The Word_Break value of `c` (`"Other"` when the file lists none).
fn word_break(c: char) -> &'static str {
    static RANGES: OnceLock<Vec<(u32, u32, &'static str)>> = OnceLock::new();
    let ranges = RANGES.get_or_init(|| {
        // (Relative to this file, so that the fuzz crate finds it too.)
        let text = include_str!("../../tools/unicode-tables/ucd/WordBreakProperty.txt");
        let mut ranges: Vec<(u32, u32, &str)> = text
            .lines()
            .filter_map(|line| {
                let data = line.split('#').next()?.trim();
                let (range, value) = data.split_once(';')?;
                let (first, last) = range
                    .trim()
                    .split_once("..")
                    .unwrap_or((range.trim(), range.trim()));
                let hex = |h: &str| u32::from_str_radix(h, 16).ok();
                Some((hex(first)?, hex(last)?, value.trim()))
            })
            .collect();
        ranges.sort_unstable();
        ranges
    });
    let cp = u32::from(c);
    match ranges.binary_search_by(|&(first, _, _)| first.cmp(&cp)) {
        Ok(i) => ranges[i].2,
        Err(0) => "Other",
        Err(i) if cp <= ranges[i - 1].1 => ranges[i - 1].2,
        Err(_) => "Other",
    }
}

#[test]
fn segments_and_their_tokens() {
    assert_eq!(token_of("Oman"), Some("Oman"));
    assert_eq!(token_of("_foo"), Some("_foo"));
    assert_eq!(token_of("\u{64b}"), Some("\u{64b}")); // a mark that begins the text
    assert_eq!(token_of(" \u{e38}"), None);
    assert_eq!(token_of("\u{a0}\u{e38}"), None);
    assert_eq!(token_of("\u{60c}\u{64b}"), None); // Arabic comma and fathatan
    assert_eq!(token_of("\u{202F}Bonjour\u{202F}"), Some("Bonjour"));
    assert_eq!(token_of("10\u{202F}000"), Some("10\u{202F}000"));
    assert_eq!(token_of("\u{202F}\u{e38}"), None);
    assert_eq!(token_of("."), None);
}
