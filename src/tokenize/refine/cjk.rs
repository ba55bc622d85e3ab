//! CJK bigrams, as Lucene's CJKBigramFilter makes them: overlapping pairs of the characters
//! of a run of Han, kana and hangul, and a lone character alone.

use super::super::ascii::NON_ASCII;
use super::super::{RawToken, TokenKind, Tokens};
use super::{Refined, in_scripts, run_of};
use crate::unicode::utf8::decode;
use crate::unicode::{
    ALPHABETIC, UNSPACED_HAN, UNSPACED_HANGUL, UNSPACED_HIRAGANA, UNSPACED_KATAKANA, WB_MASK,
    props, wb,
};

/// A segment of Han, hiragana, katakana or hangul characters only.
fn is_cjk(bytes: &[u8], segment: RawToken) -> bool {
    in_scripts(
        bytes,
        segment,
        &[
            UNSPACED_HAN,
            UNSPACED_HIRAGANA,
            UNSPACED_KATAKANA,
            UNSPACED_HANGUL,
        ],
    )
}

/// Collects the run of adjacent CJK tokens that starts with `first` and queues its bigrams.
pub(super) fn bigrams(tokens: &mut Tokens<'_>, first: RawToken) -> Refined {
    let bytes = tokens.text.as_bytes();
    if !is_cjk(bytes, first) {
        return Refined::Unchanged;
    }
    // Character starts (a character with its marks) of the whole run, and its end.
    let mut starts = std::mem::take(&mut tokens.pending.starts);
    starts.clear();
    let end = run_of(tokens, first, is_cjk, |segment| {
        push_characters(bytes, segment, &mut starts)
    });
    // Bigram i covers characters i and i + 1: from the start of one to the end of the next.
    starts.push(end);
    let pending = &mut tokens.pending.tokens;
    if starts.len() == 2 {
        pending.push(cjk_token(starts[0], end));
    } else {
        pending.extend(starts.windows(3).map(|w| cjk_token(w[0], w[2])));
    }
    tokens.pending.starts = starts;
    Refined::Queued
}

fn push_characters(bytes: &[u8], segment: RawToken, starts: &mut Vec<usize>) {
    let mut pos = segment.start;
    while pos < segment.end {
        let (cp, len) = decode(bytes, pos);
        if !wb::is(props(cp) & WB_MASK, wb::IGNORABLE) || pos == segment.start {
            starts.push(pos);
        }
        pos += len;
    }
}

fn cjk_token(start: usize, end: usize) -> RawToken {
    RawToken {
        start,
        end,
        kind: TokenKind::Word,
        flags: NON_ASCII | ALPHABETIC,
    }
}
