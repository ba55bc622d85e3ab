//! The fast path of the tokenizer: 64 bytes at a time, with bit masks.
//!
//! Within text made of "simple" characters (ASCII; letters and digits whose Word_Break is
//! ALetter or Numeric; mid-word punctuation; spaces and punctuation that always break), UAX #29
//! reduces to this: letters, digits and `_` always join each other, and a mid-word mark joins
//! when the characters on both sides are letters (`:` `.` `'` `’`) or digits (`,` `;` `.` `'`).
//! So a window's tokens are the runs of set bits of
//! `T = letters | digits | _ | (mid & letter before & letter after) | ...`, found with shifts and
//! counted out with `trailing_zeros`: no branch per byte, one per token.
//!
//! Any other character (marks, format characters, Hebrew, katakana, ideographs, emoji, ...)
//! ends the window before it, and the rule-by-rule segmenter takes over there.

use super::props::props_const;
use super::props::{
    ALPHABETIC, ASCII_UPPER, EXT_PICT, NON_ASCII, NUMERIC, WB_MASK, char_start_before, decode,
    props, wb,
};
use super::{RawToken, TokenKind};

const WIDTH: usize = 64;

/// How a character takes part in the masks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    MidLetter,
    MidNumLet,
    MidNum,
    /// Breaks on both sides and is no word: spaces, most punctuation and symbols.
    Gap,
    /// Anything the masks cannot express: the window stops before it.
    Complex,
}

const fn class_of(p: u8) -> Class {
    let alnum = p & (ALPHABETIC | NUMERIC) != 0;
    match p & WB_MASK {
        wb::ALETTER => Class::Letter,
        wb::NUMERIC => Class::Digit,
        wb::MID_LETTER => Class::MidLetter,
        wb::MID_NUM_LET => Class::MidNumLet,
        wb::MID_NUM => Class::MidNum,
        // An alphabetic or pictographic "Other" (an ideograph, a Thai letter, an emoji) is a
        // segment of its own that may be a token: leave it to the segmenter.
        wb::OTHER | wb::WSEG_SPACE | wb::NEWLINE if !alnum && p & EXT_PICT == 0 => Class::Gap,
        _ => Class::Complex,
    }
}

// What a property byte means to the window, precomputed for all 256 property bytes.
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const ALPHA: u8 = 4;
const NUM: u8 = 8;
const MID: u8 = 16;
const COMPLEX: u8 = 32;

static CLASS_CODE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut p = 0;
    while p < 256 {
        let props = p as u8;
        let mut code = match class_of(props) {
            Class::Letter => LETTER,
            Class::Digit => DIGIT,
            Class::MidLetter | Class::MidNumLet | Class::MidNum => MID,
            Class::Gap => 0,
            Class::Complex => COMPLEX,
        };
        if props & ALPHABETIC != 0 {
            code |= ALPHA;
        }
        if props & NUMERIC != 0 {
            code |= NUM;
        }
        table[p] = code;
        p += 1;
    }
    table
};

/// [`CLASS_CODE`] of every code point below U+0800, the two-byte characters.
static TWO_BYTE_CODE: [u8; 0x800] = {
    let mut table = [0u8; 0x800];
    let mut cp = 0;
    while cp < 0x800 {
        table[cp] = CLASS_CODE[props_const(cp as u32) as usize];
        cp += 1;
    }
    table
};

/// The runs of a window still to hand out, and what they hold.
#[derive(Clone, Debug, Default)]
pub(super) struct Window {
    base: usize,
    /// Start bits of the runs not yet handed out.
    starts: u64,
    /// Last-byte bits of all runs.
    ends: u64,
    /// Alphabetic characters (what makes a run a word).
    alphabetic: u64,
    /// Numeric characters (what makes a run without letters a number).
    numeric: u64,
    uppers: u64,
    non_ascii: u64,
}

/// What building a window achieved.
pub(super) struct Built {
    /// Where tokenizing continues after the window's runs.
    pub next: usize,
    /// Position of the first character the window could not take (`None` when it took
    /// everything up to its width).
    pub complex_at: Option<usize>,
}

impl Window {
    /// The next run, as a token.
    #[inline(always)]
    pub(super) fn pop(&mut self) -> Option<RawToken> {
        while self.starts != 0 {
            let a = self.starts.trailing_zeros();
            self.starts &= self.starts - 1;
            let e = (self.ends >> a).trailing_zeros() + a;
            let run = (u64::MAX >> (63 - e)) & (u64::MAX << a);
            let has = |mask: u64| u8::from(mask & run != 0);
            let (alpha, num) = (has(self.alphabetic), has(self.numeric));
            if alpha | num == 0 {
                continue; // only `_` or letter-like symbols: a segment, but not a word
            }
            return Some(RawToken {
                start: self.base + a as usize,
                end: self.base + e as usize + 1,
                kind: if alpha != 0 {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                },
                flags: (alpha * ALPHABETIC)
                    | (num * NUMERIC)
                    | (has(self.uppers) * ASCII_UPPER)
                    | (has(self.non_ascii) * NON_ASCII),
            });
        }
        None
    }

    /// Finds the tokens of the window at `start`, a word boundary. Returns `None` when the
    /// window can decide nothing (a complex character or a long token right at `start`).
    #[inline]
    pub(super) fn build(&mut self, bytes: &[u8], start: usize) -> Option<Built> {
        let at_end = start + WIDTH >= bytes.len();
        let mut padded = [b' '; WIDTH];
        let chunk: &[u8; WIDTH] = if at_end {
            padded[..bytes.len() - start].copy_from_slice(&bytes[start..]);
            &padded
        } else {
            bytes[start..start + WIDTH].try_into().ok()?
        };
        let m = classify(chunk);
        // Word_Break ALetter and Numeric, which decide the boundaries; Alphabetic and Numeric,
        // which decide what a segment is. Some ALetter characters (`¸`, `˂`) are neither.
        let mut letters = m.letters;
        let mut digits = m.digits;
        let mut alphabetic = m.letters;
        let mut numeric = m.digits;
        let mut limit = if at_end { bytes.len() - start } else { WIDTH };
        let mut complex_at = None;
        // Multi-byte mid-word marks (`’`, `·`, `،`...): their joins are decided after the masks.
        let mut wide_mids: [(u32, u32, Class); 4] = [(0, 0, Class::Gap); 4];
        let mut wide_count = 0;

        // Two-byte letters and digits of the common scripts are classified in bulk (see
        // `BULK`); only the other multi-byte characters are decoded one by one.
        let (bulk_letters, bulk_digits) = if m.leads != 0 {
            bulk_two_byte(chunk, m.leads)
        } else {
            (0, 0)
        };
        letters |= bulk_letters | (bulk_letters << 1);
        alphabetic |= bulk_letters | (bulk_letters << 1);
        digits |= bulk_digits | (bulk_digits << 1);
        numeric |= bulk_digits | (bulk_digits << 1);
        if !at_end && (bulk_letters | bulk_digits) >> 63 == 1 {
            limit = 63; // its second byte is in the next window
        }
        let mut leads = m.leads & !(bulk_letters | bulk_digits);
        while leads != 0 {
            let p = leads.trailing_zeros() as usize;
            leads &= leads - 1;
            if p >= limit {
                break;
            }
            let b0 = chunk[p];
            let len = 2 + usize::from(b0 >= 0xE0) + usize::from(b0 >= 0xF0);
            if p + len > limit {
                limit = p; // cut by the window's end: next window
                break;
            }
            let cp = if len == 2 {
                (u32::from(b0 & 0x1F) << 6) | u32::from(chunk[p + 1] & 0x3F)
            } else {
                decode(chunk, p).0
            };
            let bits = (u64::MAX >> (64 - len)) << p;
            // Two-byte characters (the Arabic, Hebrew, Greek, Armenian... blocks) in one step.
            let code = match TWO_BYTE_CODE.get(cp as usize) {
                Some(&code) => code,
                None => CLASS_CODE[props(cp) as usize],
            };
            let when = |flag: u8| 0u64.wrapping_sub(u64::from(code & flag != 0)) & bits;
            letters |= when(LETTER);
            digits |= when(DIGIT);
            alphabetic |= when(ALPHA);
            numeric |= when(NUM);
            if code & (MID | COMPLEX) == 0 {
                continue;
            }
            if code & COMPLEX != 0 {
                limit = p;
                complex_at = Some(start + p);
                break;
            }
            if wide_count == wide_mids.len() {
                limit = p; // too many to track: the next window takes the rest
                break;
            }
            wide_mids[wide_count] = (p as u32, len as u32, class_of(props(cp)));
            wide_count += 1;
        }

        // A wide mark whose right-hand neighbour is not in the window cannot be decided, nor can
        // the run before it: end the window before it. (At the end of the text, the end is its
        // neighbour.)
        let text_end = bytes.len() - start;
        for &(p, len, _) in &wide_mids[..wide_count] {
            let p = p as usize;
            if p + len as usize >= limit && limit != text_end {
                limit = limit.min(p);
            }
        }
        let valid = if limit >= WIDTH {
            !0
        } else {
            (1u64 << limit) - 1
        };
        let (letters, digits) = (letters & valid, digits & valid);
        // ASCII mid-word marks: both neighbours letters (WB6, WB7) or digits (WB11, WB12).
        let letter_around = (letters << 1) & (letters >> 1);
        let digit_around = (digits << 1) & (digits >> 1);
        let mut joined =
            ((m.colons | m.dots) & letter_around) | ((m.commas | m.dots) & digit_around);
        for &(p, len, class) in &wide_mids[..wide_count] {
            let (before, after) = (p.wrapping_sub(1), p + len);
            let bit = |mask: u64, i: u32| i < 64 && mask >> i & 1 == 1;
            let letter_join = matches!(class, Class::MidLetter | Class::MidNumLet)
                && bit(letters, before)
                && bit(letters, after);
            let digit_join = matches!(class, Class::MidNum | Class::MidNumLet)
                && bit(digits, before)
                && bit(digits, after);
            if letter_join || digit_join {
                joined |= ((1u64 << len) - 1) << p;
            }
        }
        let token_bits = (letters | digits | m.underscores | joined) & valid;

        // A bit is decided when the byte after it is known: bits below `limit - 1`; at the end
        // of the text, all of them.
        let ends_text = limit == text_end;
        let decided = if ends_text {
            limit + 1
        } else {
            limit.saturating_sub(1)
        };
        let starts = token_bits & !(token_bits << 1);
        let ends = token_bits & !(token_bits >> 1);
        // A run is emitted when the byte after its last one is decided: last byte < decided - 1.
        let n = decided.saturating_sub(1);
        let emitted = if n >= WIDTH { !0 } else { (1u64 << n) - 1 };
        let pending_ends = ends & !emitted;
        let mut emitted_starts = starts;
        let next = if pending_ends != 0 {
            // The first run not emitted starts the next window: the highest start at or below
            // its end.
            let e = pending_ends.trailing_zeros();
            let a = 63 - (starts & (u64::MAX >> (63 - e))).leading_zeros();
            if a == 0 {
                return None; // a token as long as the window, or undecided from the start
            }
            emitted_starts &= (1u64 << a) - 1;
            start + a as usize
        } else if ends_text {
            bytes.len()
        } else {
            // Everything before `decided` is settled and holds no token: restart there, at a
            // character start, and not inside a run of spaces or a CR LF (WB3d, WB3).
            let mut r = start + decided;
            while r > start && bytes[r] & 0xC0 == 0x80 {
                r -= 1;
            }
            r = segment_start_at_or_before(bytes, r, start);
            if r == start {
                return None;
            }
            r
        };
        *self = Window {
            base: start,
            starts: emitted_starts,
            ends: ends & emitted,
            alphabetic,
            numeric,
            uppers: m.uppers,
            non_ascii: m.non_ascii,
        };
        Some(Built { next, complex_at })
    }
}

/// Moves a character start `r` back to where its segment starts, when it is inside a run of
/// spaces (WB3d) or between CR and LF (WB3): among the characters a window takes, the only
/// places between two characters that are no boundary.
fn segment_start_at_or_before(bytes: &[u8], mut r: usize, floor: usize) -> usize {
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

/// Two-byte characters classified in bulk, by lead byte and a range of second bytes: all are
/// ALetter and Alphabetic (`digit` false) or Numeric (`digit` true); a test checks every one
/// against the Unicode tables. Grouped by script, so that a window pays only for the scripts
/// it has.
struct Bulk {
    /// The lead bytes, a range.
    leads: (u8, u8),
    /// The second bytes, a range; `(0x80, 0xBF)` takes them all.
    seconds: (u8, u8),
    digit: bool,
}

const fn letters(leads: (u8, u8), seconds: (u8, u8)) -> Bulk {
    Bulk {
        leads,
        seconds,
        digit: false,
    }
}

const fn digits(leads: (u8, u8), seconds: (u8, u8)) -> Bulk {
    Bulk {
        leads,
        seconds,
        digit: true,
    }
}

const ANY: (u8, u8) = (0x80, 0xBF);

/// Script groups: the lead bytes that call for them, and their rules.
const BULK: [((u8, u8), &[Bulk]); 4] = [
    // Latin-1 letters (not × ÷), Latin Extended-A and -B, IPA.
    (
        (0xC3, 0xCA),
        &[
            letters((0xC3, 0xC3), (0x80, 0x96)),
            letters((0xC3, 0xC3), (0x98, 0xB6)),
            letters((0xC3, 0xC3), (0xB8, 0xBF)),
            letters((0xC4, 0xCA), ANY),
        ],
    ),
    // Greek.
    (
        (0xCE, 0xCF),
        &[
            letters((0xCE, 0xCE), (0x8E, 0xA1)),
            letters((0xCE, 0xCE), (0xA3, 0xBF)),
            letters((0xCF, 0xCF), (0x80, 0xB5)),
            letters((0xCF, 0xCF), (0xB7, 0xBF)),
        ],
    ),
    // Cyrillic.
    (
        (0xD0, 0xD3),
        &[letters((0xD0, 0xD1), ANY), letters((0xD3, 0xD3), ANY)],
    ),
    // Arabic, with Persian and Urdu letters, and Arabic-Indic and Persian digits.
    (
        (0xD8, 0xDB),
        &[
            letters((0xD8, 0xD8), (0xA0, 0xBF)),
            letters((0xD9, 0xD9), (0x80, 0x8A)),
            letters((0xD9, 0xD9), (0xAE, 0xAF)),
            letters((0xD9, 0xD9), (0xB1, 0xBF)),
            letters((0xDA, 0xDA), ANY),
            letters((0xDB, 0xDB), (0x80, 0x93)),
            digits((0xD9, 0xD9), (0xA0, 0xA9)),
            digits((0xDB, 0xDB), (0xB0, 0xB9)),
        ],
    ),
];

/// Lead bytes (of `leads`) of two-byte letters and digits that [`BULK`] classifies.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn bulk_two_byte(chunk: &[u8; WIDTH], leads: u64) -> (u64, u64) {
    use std::arch::x86_64::*;
    let (mut letter_leads, mut digit_leads) = (0u64, 0u64);
    // SAFETY (all blocks below): SSE2 is part of x86_64; loads read 16 bytes at 16i of the
    // 64-byte array, unaligned.
    let load = |i: usize| unsafe { _mm_loadu_si128(chunk.as_ptr().add(16 * i).cast()) };
    let in_range = |v: __m128i, lo: u8, hi: u8| unsafe {
        // Bytes 0x80 to 0xBF compare as -128 to -65, in order, and below every ASCII byte; so
        // a range starting at 0x80 needs only its upper bound.
        debug_assert!((0x80..0xFF).contains(&lo) && lo <= hi && hi < 0xFF);
        let below = _mm_cmplt_epi8(v, _mm_set1_epi8((hi as i8).wrapping_add(1)));
        if lo == 0x80 {
            below
        } else {
            _mm_and_si128(
                below,
                _mm_cmpgt_epi8(v, _mm_set1_epi8((lo as i8).wrapping_sub(1))),
            )
        }
    };
    let bits = |x: __m128i, i: usize| unsafe { (_mm_movemask_epi8(x) as u32 as u64) << (16 * i) };
    let vectors = [load(0), load(1), load(2), load(3)];
    // The scripts of the first and the last multi-byte character decide which groups run:
    // a window is mostly of one script, and what a group misses is decoded one by one.
    let first = chunk[leads.trailing_zeros() as usize];
    let last = chunk[63 - leads.leading_zeros() as usize];
    for &((first_lead, last_lead), rules) in &BULK {
        if !(first_lead..=last_lead).contains(&first) && !(first_lead..=last_lead).contains(&last) {
            continue;
        }
        for rule in rules {
            let (mut lead, mut second) = (0u64, 0u64);
            for (i, &v) in vectors.iter().enumerate() {
                lead |= bits(in_range(v, rule.leads.0, rule.leads.1), i);
                if rule.seconds != ANY {
                    second |= bits(in_range(v, rule.seconds.0, rule.seconds.1), i);
                }
            }
            // Second bytes after a lead byte are 0x80 to 0xBF by UTF-8 itself.
            let hit = if rule.seconds == ANY {
                lead
            } else {
                lead & (second >> 1)
            };
            if rule.digit {
                digit_leads |= hit;
            } else {
                letter_leads |= hit;
            }
        }
        // A lead in the last byte has its second byte in the next window: not classified here.
    }
    (letter_leads & leads, digit_leads & leads)
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn bulk_two_byte(_chunk: &[u8; WIDTH], _leads: u64) -> (u64, u64) {
    (0, 0) // every multi-byte character takes the one-by-one path
}

/// Bit masks of 64 bytes: bit i describes byte i.
struct Masks {
    letters: u64,
    uppers: u64,
    digits: u64,
    underscores: u64,
    non_ascii: u64,
    /// Bytes that start a multi-byte character.
    leads: u64,
    /// `:` (MidLetter).
    colons: u64,
    /// `.` and `'` (MidNumLet and Single_Quote).
    dots: u64,
    /// `,` and `;` (MidNum).
    commas: u64,
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn classify(chunk: &[u8; WIDTH]) -> Masks {
    use std::arch::x86_64::*;
    let mut m = Masks {
        letters: 0,
        uppers: 0,
        digits: 0,
        underscores: 0,
        non_ascii: 0,
        leads: 0,
        colons: 0,
        dots: 0,
        commas: 0,
    };
    for i in 0..4 {
        // SAFETY: SSE2 is part of x86_64; the load reads bytes 16i..16i+16 of the 64-byte
        // array, unaligned.
        unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().add(16 * i).cast());
            let range = |lo: u8, hi: u8, x: __m128i| {
                _mm_and_si128(
                    _mm_cmpgt_epi8(x, _mm_set1_epi8(lo as i8 - 1)),
                    _mm_cmplt_epi8(x, _mm_set1_epi8(hi as i8 + 1)),
                )
            };
            let eq = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
            let bits = |x: __m128i| (_mm_movemask_epi8(x) as u32 as u64) << (16 * i);
            let lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
            m.letters |= bits(range(b'a', b'z', lower));
            m.uppers |= bits(range(b'A', b'Z', v));
            m.digits |= bits(range(b'0', b'9', v));
            m.underscores |= bits(eq(b'_'));
            let high = bits(v);
            m.non_ascii |= high;
            // Lead bytes are 0xC0 and above: as signed bytes, -64 and above.
            m.leads |= bits(_mm_cmpgt_epi8(v, _mm_set1_epi8(-65))) & high;
            m.colons |= bits(eq(b':'));
            m.dots |= bits(_mm_or_si128(eq(b'.'), eq(b'\'')));
            m.commas |= bits(_mm_or_si128(eq(b','), eq(b';')));
        }
    }
    m
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn classify(chunk: &[u8; WIDTH]) -> Masks {
    let mut m = Masks {
        letters: 0,
        uppers: 0,
        digits: 0,
        underscores: 0,
        non_ascii: 0,
        leads: 0,
        colons: 0,
        dots: 0,
        commas: 0,
    };
    for (i, &b) in chunk.iter().enumerate() {
        let bit = 1u64 << i;
        if b.is_ascii_alphabetic() {
            m.letters |= bit;
        }
        if b.is_ascii_uppercase() {
            m.uppers |= bit;
        }
        if b.is_ascii_digit() {
            m.digits |= bit;
        }
        match b {
            b'_' => m.underscores |= bit,
            b':' => m.colons |= bit,
            b'.' | b'\'' => m.dots |= bit,
            b',' | b';' => m.commas |= bit,
            0x80.. => {
                m.non_ascii |= bit;
                if b >= 0xC0 {
                    m.leads |= bit;
                }
            }
            _ => {}
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_rules_agree_with_the_unicode_tables() {
        for ((first_lead, last_lead), rules) in BULK {
            for rule in rules {
                assert!(first_lead <= rule.leads.0 && rule.leads.1 <= last_lead);
                for (lead, second) in (rule.leads.0..=rule.leads.1)
                    .flat_map(|l| (rule.seconds.0..=rule.seconds.1).map(move |s| (l, s)))
                {
                    let cp = (u32::from(lead & 0x1F) << 6) | u32::from(second & 0x3F);
                    let p = props(cp);
                    if rule.digit {
                        assert_eq!(p & WB_MASK, wb::NUMERIC, "U+{cp:04X}");
                        assert_ne!(p & NUMERIC, 0, "U+{cp:04X}");
                    } else {
                        assert_eq!(p & WB_MASK, wb::ALETTER, "U+{cp:04X}");
                        assert_ne!(p & ALPHABETIC, 0, "U+{cp:04X}");
                    }
                }
            }
        }
    }

    #[test]
    fn bulk_classification_finds_the_leads() {
        // Groups run for the scripts of a window's first and last characters.
        let samples: [(&str, &[&str], &[&str]); 5] = [
            ("Ça ×÷ ŋ", &["Ç", "ŋ"], &["×", "÷"]),
            ("ω λόγος", &["ω", "λ", "ό", "γ", "ο", "ς"], &[]),
            ("Мир ӧ", &["М", "и", "р", "ӧ"], &[]),
            ("سلام، ١٢ یک", &["س", "ل", "ا", "م", "ی", "ک"], &["،"]),
            ("١٢", &[], &[]),
        ];
        for (text, letters, others) in samples {
            let mut chunk = [b' '; WIDTH];
            chunk[..text.len()].copy_from_slice(text.as_bytes());
            let leads: u64 = (0..WIDTH)
                .filter(|&i| chunk[i] >= 0xC0)
                .map(|i| 1 << i)
                .sum();
            let (letter_leads, digit_leads) = bulk_two_byte(&chunk, leads);
            let at = |s: &str| text.find(s).unwrap();
            for letter in letters {
                assert_ne!(letter_leads >> at(letter) & 1, 0, "{letter} in {text}");
            }
            for other in others {
                assert_eq!(
                    (letter_leads | digit_leads) >> at(other) & 1,
                    0,
                    "{other} in {text}"
                );
            }
            for digit in ["١", "٢"].iter().filter(|d| text.contains(**d)) {
                assert_ne!(digit_leads >> at(digit) & 1, 0, "{digit} in {text}");
            }
        }
    }
}
