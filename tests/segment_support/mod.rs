#![allow(dead_code)] // each user takes part of it
//! The token wordmill makes of a UAX #29 segment, for the tests that hold its tokenizer to
//! another's segments (tests/tokenizer_differential.rs and fuzz/fuzz_targets/tokenizer.rs:
//! unicode-segmentation's; tests/unicode_conformance.rs: WordBreakTest's). Written from the
//! rules as the tokenizer's documentation states them, on Unicode's own
//! WordBreakProperty.txt (the file the tokenizer's tables are generated from, in
//! tools/unicode-tables/ucd/), not on the tokenizer's tables.

use std::sync::OnceLock;

/// The token of `segment`, if it makes one: a segment with a letter or a digit, without what
/// UAX #29 joined to its ends that is no part of a word, each such character with the marks,
/// format characters and joiners after it: at its head, white space, punctuation or a symbol
/// (a mark on a space or a comma, ` ุ`, `،ً`, is no word); at either end, the narrow no-break
/// space U+202F (French typography's, inside guillemets). None when no letter or digit is
/// left.
pub fn token_of(segment: &str) -> Option<&str> {
    let alnum = |s: &str| s.chars().any(char::is_alphanumeric);
    if !alnum(segment) {
        return None;
    }
    let joined = |c: char| matches!(word_break(c), "Extend" | "Format" | "ZWJ");
    let mut s = segment;
    let mut cut = false;
    loop {
        let c = s.chars().next()?;
        let begins_words = c.is_alphanumeric()
            || matches!(
                word_break(c),
                "ALetter" | "Hebrew_Letter" | "Numeric" | "Katakana" | "ExtendNumLet"
            )
            || (!cut && joined(c)); // a mark that begins the text
        if begins_words && c != '\u{202F}' {
            break;
        }
        cut = true;
        s = s[c.len_utf8()..].trim_start_matches(joined);
    }
    while let Some(rest) = s.trim_end_matches(joined).strip_suffix('\u{202F}') {
        cut = true;
        s = rest;
    }
    (!s.is_empty() && (!cut || alnum(s))).then_some(s)
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
    assert_eq!(
        token_of("\u{202F}\u{2068}Bonjour\u{2069}\u{202F}"),
        Some("Bonjour\u{2069}")
    );
    assert_eq!(token_of("mot\u{202F}\u{AD}"), Some("mot"));
    assert_eq!(token_of(",\u{200D}\u{2139}nfo"), Some("\u{2139}nfo"));
    assert_eq!(token_of("."), None);
}
