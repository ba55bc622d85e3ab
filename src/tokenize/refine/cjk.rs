//! CJK bigrams, as Lucene's CJKBigramFilter makes them: overlapping pairs of the characters
//! of a run of Han, kana and hangul, and a lone character alone. Unlike Lucene's, a word of
//! hangul joined to Latin letters or digits (`LG전자는`, `2024년`) is cut where the script
//! changes first, so that its hangul is bigrammed too.

use super::super::ascii::{NON_ASCII, ascii_flags};
use super::super::{RawToken, TokenKind, Tokens};
use super::{Refined, in_scripts, run_of};
use crate::unicode::utf8::{char_start_before, decode};
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
/// between letters or digits at its edges. After digits, when a particle follows the hangul's
/// first syllable, that syllable is a word of its own, the counter of the number (`월` "month"
/// of `3월에`, `일` "day", `년` "year", `명` "people"), and the rest is bigrammed apart (`에`),
/// as Korean analyzers cut them: a query `3월` then finds `3월에`. A counter of two syllables
/// stays a bigram (`3시간` "3 hours" → `시간`). Other words are not this refiner's.
fn mixed_hangul(tokens: &mut Tokens<'_>, segment: RawToken) -> Refined {
    if segment.flags & NON_ASCII == 0 || segment.kind != TokenKind::Word {
        return Refined::Unchanged;
    }
    let bytes = tokens.text.as_bytes();
    let word = &bytes[segment.start..segment.end];
    if !may_hold_hangul(word) {
        return Refined::Unchanged;
    }
    let mut starts = std::mem::take(&mut tokens.pending.starts);
    let pending = &mut tokens.pending.tokens;
    // The part being read: where it starts, whether it is hangul, and whether the part before
    // it was a number.
    let (mut part_start, mut in_hangul, mut after_number) = (segment.start, None::<bool>, false);
    let mut any_hangul = false;
    let mut flush = |start: usize, end: usize, hangul: bool, after_number: bool| -> bool {
        if hangul {
            starts.clear();
            push_characters(bytes, cjk_token(start, end), &mut starts);
            starts.push(end);
            // Character starts and the end: the counter after a number is a word of its own
            // when a particle follows it, the rest a run of its own (`3월부터` → `월`, `부터`);
            // else the run is bigrammed whole (`3시간` → `시간`, `3개월` → `개월`).
            let mut run = &starts[..];
            if after_number && run.len() > 2 && starts_a_particle(decode(bytes, run[1]).0) {
                pending.push(cjk_token(run[0], run[1]));
                run = &run[1..];
            }
            if run.len() == 2 {
                pending.push(cjk_token(run[0], run[1]));
            } else {
                pending.extend(run.windows(3).map(|w| cjk_token(w[0], w[2])));
            }
            false
        } else {
            let part = other_part(bytes, start, end);
            pending.extend(part);
            part.is_some_and(|p| p.kind == TokenKind::Number && p.end == end)
        }
    };
    let mut pos = segment.start;
    while pos < segment.end {
        let (cp, len) = decode(bytes, pos);
        // A mark or joiner stays with the character before it.
        if !wb::is(props(cp) & WB_MASK, wb::IGNORABLE) {
            let hangul = is_hangul(cp);
            any_hangul |= hangul;
            if in_hangul.is_some_and(|h| h != hangul) {
                after_number = flush(part_start, pos, !hangul, after_number);
                part_start = pos;
            }
            in_hangul = Some(hangul);
        }
        pos += len;
    }
    // (A word without hangul was never cut: it stays as it is.)
    if let Some(hangul) = in_hangul.filter(|_| any_hangul) {
        flush(part_start, segment.end, hangul, after_number);
    }
    starts.clear();
    tokens.pending.starts = starts;
    if tokens.pending.tokens.is_empty() {
        return Refined::Unchanged;
    }
    Refined::Queued
}

/// A syllable that begins a particle or ending after a noun: 에 (에서, 에는), 은 는 이 가 을 를
/// 의 도 로 과 와 만 께, 으 (으로), 부 (부터), 까 (까지), 엔.
fn starts_a_particle(cp: u32) -> bool {
    char::from_u32(cp).is_some_and(|c| "에은는이가을를의도로과와만께으부까엔".contains(c))
}

/// A hangul syllable or jamo; not the fillers, which stand for an empty sound and are
/// invisible (U+115F, U+1160, U+3164, U+FFA0).
fn is_hangul(cp: u32) -> bool {
    !is_filler(cp) && char::from_u32(cp).map(unspaced_script) == Some(UNSPACED_HANGUL)
}

/// The hangul fillers: letters to Unicode, but invisible, and no part of a word.
fn is_filler(cp: u32) -> bool {
    matches!(cp, 0x115F | 0x1160 | 0x3164 | 0xFFA0)
}

/// True when `word` may hold hangul: the first two bytes of some hangul character's UTF-8
/// (jamo E1 84–87, compatibility jamo E3 84–86, jamo extended A EA A5, syllables EA B0 to
/// ED 9E, jamo extended B ED 9E–9F, half-width EF BE–BF). Words of other scripts, Amharic,
/// Georgian and kana among them, pass without being decoded.
fn may_hold_hangul(word: &[u8]) -> bool {
    word.windows(2).any(|pair| match *pair {
        [0xE1, b] => (0x84..=0x87).contains(&b),
        [0xE3, b] => (0x84..=0x86).contains(&b),
        [0xEA, b] => b == 0xA5 || b >= 0xB0,
        [0xEB | 0xEC, _] => true,
        [0xED, b] => b <= 0x9F,
        [0xEF, b] => b >= 0xBE,
        _ => false,
    })
}

/// The token of a part of a word that is not hangul, trimmed of what is neither a letter nor
/// a digit at its edges, with the marks on it (`3.5배` → `3.5`); none when nothing is left.
fn other_part(bytes: &[u8], mut start: usize, mut end: usize) -> Option<RawToken> {
    let is_mark = |cp: u32| wb::is(props(cp) & WB_MASK, wb::IGNORABLE);
    let alnum = |cp: u32| !is_mark(cp) && !is_filler(cp) && props(cp) & (ALPHABETIC | NUMERIC) != 0;
    while start < end {
        let (cp, len) = decode(bytes, start);
        if alnum(cp) {
            break;
        }
        start += len;
    }
    while end > start {
        // The last character that is not a mark: kept with its marks if a letter or digit.
        let mut base = char_start_before(bytes, end);
        while base > start && is_mark(decode(bytes, base).0) {
            base = char_start_before(bytes, base);
        }
        if alnum(decode(bytes, base).0) {
            break;
        }
        end = base;
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
