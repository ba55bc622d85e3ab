//! Dictionary words of Chinese, Japanese, Thai, Lao, Khmer and Myanmar, through ICU4X's
//! `icu_segmenter` (the `icu` feature).

use std::sync::OnceLock;

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};

use super::super::ascii::NON_ASCII;
use super::super::{RawToken, TokenKind, Tokens};
use super::{Refined, in_scripts, run_of};
use crate::unicode::{ALPHABETIC, NUMERIC, WB_MASK, props, wb};

/// Segments the run of tokens of `scripts` (Chinese, Japanese or South-East Asian text) that
/// starts with `first` with ICU4X's dictionaries, and queues its words.
pub(super) fn words(tokens: &mut Tokens<'_>, first: RawToken, scripts: &[u8]) -> Refined {
    if !in_scripts(tokens.text.as_bytes(), first, scripts) {
        return Refined::Unchanged;
    }
    let end = run_of(tokens, first, |b, s| in_scripts(b, s, scripts), |_| {});
    let text = &tokens.text[first.start..end];
    // Made once: finding the compiled dictionaries costs thousands of instructions, which
    // Thai text paid again for every run of its script.
    static SEGMENTER: OnceLock<WordSegmenterBorrowed<'static>> = OnceLock::new();
    let segmenter = SEGMENTER
        .get_or_init(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));
    let mut previous = 0;
    for boundary in segmenter.segment_str(text) {
        // No word starts with a mark: ICU4X's dictionaries break before one that follows no
        // letter they know (`๐ั`, a vowel sign on a digit), which UAX #29 (WB4) attaches to
        // the character before, as the same text after another script is segmented.
        if text[boundary..]
            .chars()
            .next()
            .is_some_and(|c| wb::is(props(c as u32) & WB_MASK, wb::IGNORABLE))
        {
            continue;
        }
        let word = &text[previous..boundary];
        // The generated property table, not the standard library's search of its tables
        // (the same Unicode 17 properties, `props`' tests check): Thai text asks for every
        // character.
        let props = |c: char| props(c as u32);
        if boundary > previous && word.chars().any(|c| props(c) & (ALPHABETIC | NUMERIC) != 0) {
            let numeric = word.chars().all(|c| props(c) & ALPHABETIC == 0);
            tokens.pending.tokens.push(RawToken {
                start: first.start + previous,
                end: first.start + boundary,
                kind: if numeric {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
                flags: NON_ASCII | if numeric { NUMERIC } else { ALPHABETIC },
            });
        }
        previous = boundary;
    }
    Refined::Queued
}
