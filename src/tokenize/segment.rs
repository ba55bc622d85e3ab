//! UAX #29 word boundaries (Unicode 17), written for speed: runs of word characters are
//! consumed without looking at the rules, ASCII sixteen bytes at a time, and the rules are
//! only consulted where a run ends.

use super::ascii::{NON_ASCII, ascii_flags, scan_ascii_word};
use crate::unicode::utf8::{char_start_before, decode};
use crate::unicode::{ALPHABETIC, EXT_PICT, NUMERIC, WB_MASK, props, wb};

/// What a segment holds, as a union of its characters' properties: `ALPHABETIC`,
/// `NUMERIC`, `EXT_PICT`, `NON_ASCII`, `ASCII_UPPER`, [`REGIONAL_INDICATOR`]; and where it
/// may hold what is no part of a word: [`OUTSIDE_WORD_HEAD`], [`CONNECTOR_AT_EDGE`].
pub(crate) type SegmentFlags = u8;

/// Marks a segment with regional indicators (a flag emoji).
pub(crate) const REGIONAL_INDICATOR: u8 = 0x04;

/// Marks a segment whose first character can begin no word: white space, punctuation or a
/// symbol (not a letter, digit, mark, joiner or `_`). Such a segment holds a letter only when
/// marks follow that character (WB4 joins them to it: ` ุ`, `،ً`), or after a ZWJ a
/// pictograph that is a letter (WB3c: `,` ZWJ `ℹnfo`): the tokenizer cuts it off.
pub(crate) const OUTSIDE_WORD_HEAD: u8 = 0x08;

/// Marks a segment that begins with a connector beyond ASCII (ExtendNumLet: U+202F, `‿`), or
/// ends with a connector (`_` too), but for the marks after it: where the tokenizer looks
/// for a narrow no-break space (U+202F) to cut off.
pub(crate) const CONNECTOR_AT_EDGE: u8 = 0x10;

const _: () = {
    use super::ascii::{ASCII_UPPER, NON_ASCII};
    use crate::unicode::{ALPHABETIC, EXT_PICT, NUMERIC};
    let flags = [
        ALPHABETIC,
        NUMERIC,
        EXT_PICT,
        NON_ASCII,
        ASCII_UPPER,
        REGIONAL_INDICATOR,
        OUTSIDE_WORD_HEAD,
        CONNECTOR_AT_EDGE,
    ];
    let mut seen = 0u8;
    let mut i = 0;
    while i < flags.len() {
        assert!(
            flags[i].count_ones() == 1 && seen & flags[i] == 0,
            "flags share a bit"
        );
        seen |= flags[i];
        i += 1;
    }
};

/// The property byte of the character at `pos` and its length; ASCII without a table lookup
/// of the code point.
#[inline(always)]
fn char_props(bytes: &[u8], pos: usize) -> (u8, u8, usize) {
    let b = bytes[pos];
    if b < 0x80 {
        (ASCII_PROPS[b as usize], ascii_flags(b), 1)
    } else {
        let (cp, len) = decode(bytes, pos);
        let p = props(cp);
        (p, (p & (ALPHABETIC | NUMERIC | EXT_PICT)) | NON_ASCII, len)
    }
}

/// The Word_Break values of ASCII, from the Unicode table at compile time.
static ASCII_PROPS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = props(b as u32) & WB_MASK;
        b += 1;
    }
    t
};

/// Word characters and the marks WB4 lets into a word (not ZWJ, which WB3c needs to see).
const WORD_OR_MARK: u32 = wb::WORD | wb::set(&[wb::EXTEND, wb::FORMAT]);

/// The Word_Break values that may begin a word (with the letters and digits of other values:
/// ideographs, kana, Thai): word characters, Katakana, and a mark or joiner that begins the
/// text or follows a line break.
const WORD_HEAD: u32 = wb::WORD | wb::IGNORABLE | wb::set(&[wb::KATAKANA]);

/// Whether a character of these properties begins no word: white space, punctuation, a
/// symbol (what [`OUTSIDE_WORD_HEAD`] flags).
#[inline]
pub(crate) fn begins_no_word(p: u8) -> bool {
    p & (ALPHABETIC | NUMERIC) == 0 && !wb::is(p & WB_MASK, WORD_HEAD)
}

/// ASCII bytes after which a word always ends: all but letters, digits, `_` and the
/// punctuation that can join two letters or digits.
static ENDS_WORD: [bool; 128] = {
    let mut t = [true; 128];
    let mut b = 0;
    while b < 128 {
        let v = ASCII_PROPS[b];
        if wb::is(v, wb::WORD)
            || wb::is(v, wb::MID_LETTER_Q)
            || wb::is(v, wb::MID_NUM_Q)
            || v == wb::DOUBLE_QUOTE
        {
            t[b] = false;
        }
        b += 1;
    }
    t
};

/// The Word_Break value of the next character at or after `pos` that WB4 does not ignore.
#[inline]
fn next_effective(bytes: &[u8], mut pos: usize) -> Option<u8> {
    while pos < bytes.len() {
        let (p, _, len) = char_props(bytes, pos);
        let value = p & WB_MASK;
        if !wb::is(value, wb::IGNORABLE) {
            return Some(value);
        }
        pos += len;
    }
    None
}

/// End of the word-boundary segment that starts at `start` (a boundary, `< bytes.len()`),
/// and what the segment holds.
#[inline]
pub(crate) fn segment_end(bytes: &[u8], start: usize) -> (usize, SegmentFlags) {
    let (p0, mut flags, len0) = char_props(bytes, start);
    let first = p0 & WB_MASK;
    if begins_no_word(p0) {
        flags |= OUTSIDE_WORD_HEAD;
    }
    if first == wb::EXTEND_NUM_LET && bytes[start] >= 0x80 {
        flags |= CONNECTOR_AT_EDGE;
    }
    // What the segment's last character but marks (`prev`) adds to its flags.
    let end_flags = |prev: u8| {
        if prev == wb::EXTEND_NUM_LET {
            CONNECTOR_AT_EDGE
        } else {
            0
        }
    };
    let mut pos = start + len0;
    match first {
        // WB3, WB3a: CR LF stays together; nothing else joins a line break.
        wb::CR => {
            if bytes.get(pos) == Some(&b'\n') {
                pos += 1;
            }
            return (pos, flags);
        }
        wb::LF | wb::NEWLINE => return (pos, flags),
        wb::REGIONAL_INDICATOR => flags |= REGIONAL_INDICATOR,
        _ => {}
    }
    // The previous character as WB4 sees it (ignorables skipped), and as it really is.
    let mut prev = first;
    let mut raw_prev = first;
    // WB15, WB16: whether the regional indicators before are an odd run.
    let mut odd_regional = first == wb::REGIONAL_INDICATOR;
    loop {
        if wb::is(prev, wb::WORD) {
            // Inside a word every letter, digit, `_` and mark joins (WB4, WB5, WB8 to WB10,
            // WB13a, WB13b): consume such runs without consulting the rules.
            loop {
                let (end, run_flags) = scan_ascii_word(bytes, pos);
                if end > pos {
                    flags |= run_flags;
                    prev = ASCII_PROPS[bytes[end - 1] as usize];
                    raw_prev = prev;
                    pos = end;
                }
                let before = pos;
                while pos < bytes.len() && bytes[pos] >= 0x80 {
                    let (cp, len) = decode(bytes, pos);
                    let p = props(cp);
                    let value = p & WB_MASK;
                    if !wb::is(value, WORD_OR_MARK) {
                        break;
                    }
                    flags |= (p & (ALPHABETIC | NUMERIC)) | NON_ASCII;
                    if !wb::is(value, wb::IGNORABLE) {
                        prev = value;
                    }
                    raw_prev = value;
                    pos += len;
                }
                if pos == before || pos >= bytes.len() || !wb::is(prev, wb::WORD) {
                    break;
                }
            }
            // The common end of a word: an ASCII space or punctuation that is not mid-word.
            match bytes.get(pos) {
                None => return (pos, flags | end_flags(prev)),
                Some(&b) if b < 0x80 && ENDS_WORD[b as usize] => {
                    return (pos, flags | end_flags(prev));
                }
                _ => {}
            }
        }
        if pos >= bytes.len() {
            return (pos, flags | end_flags(prev));
        }
        let (p, char_flags, len) = char_props(bytes, pos);
        let value = p & WB_MASK;
        if wb::is(value, wb::LINE_BREAK) {
            return (pos, flags | end_flags(prev)); // WB3b
        }
        let mut next_prev = value;
        // WB3c, WB3d
        let join = if (raw_prev == wb::ZWJ && p & EXT_PICT != 0)
            || (raw_prev == wb::WSEG_SPACE && value == wb::WSEG_SPACE)
        {
            true
        } else if wb::is(value, wb::IGNORABLE) {
            next_prev = prev; // WB4
            true
        } else {
            match value {
                wb::ALETTER | wb::HEBREW_LETTER | wb::NUMERIC => {
                    // WB5, WB8 to WB10, WB13b
                    wb::is(prev, wb::WORD)
                }
                wb::EXTEND_NUM_LET => {
                    // WB13a
                    wb::is(prev, wb::WORD) || prev == wb::KATAKANA
                }
                wb::KATAKANA => {
                    // WB13, WB13b
                    prev == wb::KATAKANA || prev == wb::EXTEND_NUM_LET
                }
                wb::MID_LETTER | wb::MID_NUM_LET | wb::SINGLE_QUOTE | wb::MID_NUM => {
                    let after = next_effective(bytes, pos + len);
                    let letters = wb::is(prev, wb::AHLETTER)
                        && wb::is(value, wb::MID_LETTER_Q)
                        && after.is_some_and(|a| wb::is(a, wb::AHLETTER)); // WB6, WB7
                    let digits = prev == wb::NUMERIC
                        && wb::is(value, wb::MID_NUM_Q)
                        && after == Some(wb::NUMERIC); // WB11, WB12
                    if letters || digits {
                        next_prev = prev;
                        true
                    } else {
                        // WB7a
                        prev == wb::HEBREW_LETTER && value == wb::SINGLE_QUOTE
                    }
                }
                wb::DOUBLE_QUOTE => {
                    // WB7b, WB7c
                    let join = prev == wb::HEBREW_LETTER
                        && next_effective(bytes, pos + len) == Some(wb::HEBREW_LETTER);
                    if join {
                        next_prev = prev;
                    }
                    join
                }
                wb::REGIONAL_INDICATOR => {
                    // WB15, WB16
                    let join = prev == wb::REGIONAL_INDICATOR && odd_regional;
                    odd_regional = !join;
                    join
                }
                _ => false, // WB999
            }
        };
        if !join {
            return (pos, flags | end_flags(prev));
        }
        if value == wb::REGIONAL_INDICATOR {
            flags |= REGIONAL_INDICATOR;
        } else if !wb::is(value, wb::IGNORABLE) {
            odd_regional = false;
        }
        flags |= char_flags;
        prev = next_prev;
        raw_prev = value;
        pos += len;
    }
}

/// Iterator over every word-boundary segment of a text (words, spaces, punctuation): the
/// reference segmentation the token fast paths must agree with.
#[derive(Clone, Debug)]
pub struct Segments<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Segments<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Segments { text, pos: 0 }
    }
}

impl<'a> Iterator for Segments<'a> {
    /// Byte offset of the segment and its text.
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let (end, _) = segment_end(self.text.as_bytes(), start);
        self.pos = end;
        Some((start, &self.text[start..end]))
    }
}

/// Moves a character start `r` back to where its segment starts, when it is inside a run of
/// spaces (WB3d) or between CR and LF (WB3): between two characters that are neither letters,
/// digits, marks nor mid-word punctuation, the only places that are no boundary.
pub(crate) fn segment_start_at_or_before(bytes: &[u8], mut r: usize, floor: usize) -> usize {
    let value_at = |i: usize| props(decode(bytes, i).0) & WB_MASK;
    while r > floor {
        let here = value_at(r);
        let before_start = char_start_before(bytes, r);
        let before = value_at(before_start);
        let joined = (here == wb::WSEG_SPACE && before == wb::WSEG_SPACE)
            || (here == wb::LF && before == wb::CR);
        if !joined {
            break;
        }
        r = before_start;
    }
    r
}
