//! CJK bigrams, as Lucene's CJKBigramFilter makes them: overlapping pairs of the characters
//! of a run of Han, kana and hangul, and a lone character alone. Unlike Lucene's, a word of
//! hangul joined to Latin letters or digits (`LG전자는`, `2024년`) is cut where the script
//! changes first, so that its hangul is bigrammed too.

use super::super::ascii::{NON_ASCII, ascii_flags};
use super::super::{RawToken, TokenKind, Tokens};
use super::{Refined, in_scripts, run_of};
use crate::unicode::utf8::decode;
use crate::unicode::{
    ALPHABETIC, NUMERIC, UNSPACED_HAN, UNSPACED_HANGUL, UNSPACED_HIRAGANA, UNSPACED_KATAKANA,
    WB_MASK, props, unspaced_script, wb,
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
        return mixed_hangul(tokens, first);
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

/// A word of hangul and other letters or digits: UAX #29 joins them (hangul is ALetter), as
/// in `LG전자는` "LG Electronics (topic)", `3월에` "in March", `2024년` "the year 2024". Each
/// part becomes tokens of its own: the hangul's bigrams (`전자`, `자는`; a lone syllable alone),
/// the rest as the word or number it is (`LG`, `2024`), without the punctuation UAX #29 keeps
/// between letters or digits at its edges. Other words are not this refiner's.
fn mixed_hangul(tokens: &mut Tokens<'_>, segment: RawToken) -> Refined {
    if segment.flags & NON_ASCII == 0 || segment.kind != TokenKind::Word {
        return Refined::Unchanged;
    }
    let bytes = tokens.text.as_bytes();
    let is_hangul = |cp: u32| char::from_u32(cp).map(unspaced_script) == Some(UNSPACED_HANGUL);
    // Quick refusal: most words hold no hangul.
    let mut pos = segment.start;
    let mut any = false;
    while pos < segment.end {
        let (cp, len) = decode(bytes, pos);
        any |= is_hangul(cp);
        pos += len;
    }
    if !any {
        return Refined::Unchanged;
    }
    let mut starts = std::mem::take(&mut tokens.pending.starts);
    let pending = &mut tokens.pending.tokens;
    let mut pos = segment.start;
    // The part being read: its start, and whether it is hangul.
    let mut part = (segment.start, None::<bool>);
    while pos <= segment.end {
        let (hangul, len) = if pos == segment.end {
            (None, 0)
        } else {
            let (cp, len) = decode(bytes, pos);
            if wb::is(props(cp) & WB_MASK, wb::IGNORABLE) {
                // A mark or joiner stays with the character before it.
                pos += len;
                continue;
            }
            (Some(is_hangul(cp)), len)
        };
        if part.1.is_some() && hangul != part.1 {
            match part.1 {
                Some(true) => {
                    starts.clear();
                    push_characters(bytes, cjk_token(part.0, pos), &mut starts);
                    starts.push(pos);
                    if starts.len() == 2 {
                        pending.push(cjk_token(starts[0], pos));
                    } else {
                        pending.extend(starts.windows(3).map(|w| cjk_token(w[0], w[2])));
                    }
                }
                _ => pending.extend(other_part(bytes, part.0, pos)),
            }
            part.0 = pos;
        }
        part.1 = hangul;
        pos += len.max(1);
    }
    starts.clear();
    tokens.pending.starts = starts;
    if tokens.pending.tokens.is_empty() {
        return Refined::Unchanged;
    }
    Refined::Queued
}

/// The token of a part of a word that is not hangul, trimmed of what is neither a letter nor
/// a digit at its edges (`3.5배` → `3.5`); none when nothing is left.
fn other_part(bytes: &[u8], mut start: usize, mut end: usize) -> Option<RawToken> {
    let alnum = |cp: u32| props(cp) & (ALPHABETIC | NUMERIC) != 0;
    while start < end {
        let (cp, len) = decode(bytes, start);
        if alnum(cp) {
            break;
        }
        start += len;
    }
    while end > start {
        let mut last = end - 1;
        while last > start && bytes[last] & 0xC0 == 0x80 {
            last -= 1;
        }
        let (cp, _) = decode(bytes, last);
        if alnum(cp) || wb::is(props(cp) & WB_MASK, wb::IGNORABLE) {
            break;
        }
        end = last;
    }
    if start == end {
        return None;
    }
    // The flags the tokenizer gives a word: normalization reads them.
    let mut flags = 0;
    let mut pos = start;
    while pos < end {
        let (cp, len) = decode(bytes, pos);
        flags |= if cp < 0x80 {
            ascii_flags(cp as u8)
        } else {
            NON_ASCII | props(cp) & (ALPHABETIC | NUMERIC)
        };
        pos += len;
    }
    Some(RawToken {
        start,
        end,
        kind: if flags & ALPHABETIC == 0 {
            TokenKind::Number
        } else {
            TokenKind::Word
        },
        flags,
    })
}
