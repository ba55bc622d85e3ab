//! The fast path of the tokenizer: 64 bytes at a time, with bit masks.
//!
//! Within text made of "simple" characters, UAX #29 reduces to this: letters, digits and `_`
//! always join each other; a mid-word mark joins when the characters on both sides are
//! letters (`:` `.` `'` `’`) or digits (`,` `;` `.` `'`); katakana join katakana; an ideograph
//! or a kana or Thai letter (Word_Break Other, but a letter) is a token by itself; everything
//! else breaks on both sides. So a window's tokens are the runs of set bits of
//! `T = letters | digits | _ | (mid & letter before & letter after) | ...`, the runs of
//! katakana, and the single characters, found with shifts and counted out with
//! `trailing_zeros`: no branch per byte, one per token.
//!
//! Combining marks go with the character before them (WB4), and Hebrew letters are letters
//! whose quote rules are checked apart. Characters the masks cannot express (ZWJ, emoji,
//! regional indicators, line breaks, marks after a space...) end the window before them, and
//! the rule-by-rule segmenter takes over there.
//!
//! When tokens are normalized as they come, a window also folds its text in bulk (see
//! `normalize::WindowFold`): most terms are then slices of its folded copy.

use super::ascii::{ASCII_UPPER, NON_ASCII};
use super::segment::segment_start_at_or_before;
use super::{RawToken, TokenKind};
#[cfg(any(not(target_arch = "x86_64"), wordmill_portable))]
use crate::arch::Portable;
#[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
use crate::arch::{Avx512, Sse2};
use crate::arch::{Lanes, WIDTH};
use crate::fold::WindowFold;
use crate::unicode::utf8::{decode, multi_byte_len, two_byte};
use crate::unicode::{ALPHABETIC, EXT_PICT, NUMERIC, WB_MASK, props, wb};

/// How many characters of three or four bytes a window may decode one by one before it hands
/// the text after it to the rule-by-rule segmenter (see `Built::complex_at`).
const SLOW_WINDOW: u32 = 8;

/// How a character takes part in the masks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// Word_Break ALetter: joins letters, digits and `_`.
    Letter,
    /// Word_Break Numeric.
    Digit,
    /// A letter of Word_Break Other (an ideograph, a hiragana, a Thai letter): a token alone.
    Single,
    /// Word_Break Katakana: joins katakana.
    Kana,
    MidLetter,
    MidNumLet,
    MidNum,
    /// Word_Break Extend or Format (WB4): part of the character before it. The window takes
    /// it when that character is a letter, a digit or a single-character token.
    Mark,
    /// Breaks on both sides and is no word: spaces, most punctuation and symbols.
    Gap,
    /// Anything the masks cannot express: the window stops before it.
    Complex,
}

const fn class_of(p: u8) -> Class {
    let alnum = p & (ALPHABETIC | NUMERIC) != 0;
    let pictograph = p & EXT_PICT != 0;
    match p & WB_MASK {
        wb::ALETTER => Class::Letter,
        wb::NUMERIC => Class::Digit,
        wb::KATAKANA => Class::Kana,
        wb::MID_LETTER => Class::MidLetter,
        wb::MID_NUM_LET => Class::MidNumLet,
        wb::MID_NUM => Class::MidNum,
        wb::OTHER if alnum && !pictograph => Class::Single,
        wb::OTHER | wb::WSEG_SPACE | wb::NEWLINE if !alnum && !pictograph => Class::Gap,
        wb::EXTEND | wb::FORMAT if !pictograph => Class::Mark,
        // Emoji (WB3c, and the emoji option), ZWJ (WB3c), line breaks, Hebrew (WB7a to WB7c;
        // the two-byte Hebrew letters are handled apart, see `TWO_BYTE_CODE`), regional
        // indicators (WB15, WB16), ExtendNumLet beyond `_`.
        _ => Class::Complex,
    }
}

// What a property byte means to the window, precomputed for all 256 property bytes.
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const SINGLE: u8 = 4;
const KANA: u8 = 8;
const ALPHA: u8 = 16;
const NUM: u8 = 32;
const MID: u8 = 64;
const COMPLEX: u8 = 128;
/// Both bits, which no other class sets together.
const MARK: u8 = MID | COMPLEX;

static CLASS_CODE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut p = 0;
    while p < 256 {
        let props = p as u8;
        let mut code = match class_of(props) {
            Class::Letter => LETTER,
            Class::Digit => DIGIT,
            Class::Single => SINGLE,
            Class::Kana => KANA,
            Class::MidLetter | Class::MidNumLet | Class::MidNum => MID,
            Class::Mark => MARK,
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

/// [`CLASS_CODE`] of every code point below U+0800, the two-byte characters, except that
/// Hebrew letters (U+05D0 to U+05F2, lead byte D7) are letters here: they join like letters
/// but for WB7a to WB7c, which `Window::build` checks apart.
static TWO_BYTE_CODE: [u8; 0x800] = {
    let mut table = [0u8; 0x800];
    let mut cp = 0;
    while cp < 0x800 {
        let p = props(cp as u32);
        table[cp] = if p & WB_MASK == wb::HEBREW_LETTER {
            LETTER | ALPHA
        } else {
            CLASS_CODE[p as usize]
        };
        cp += 1;
    }
    table
};

/// The code points of [`SOUTH_ASIAN_CODE`].
const SOUTH_ASIAN: std::ops::Range<u32> = 0x0900..0x1800;

/// What [`SOUTH_ASIAN_CODE`] holds for the blocks the window leaves to the segmenter.
const NOT_HERE: u8 = 0xFF;

/// [`CLASS_CODE`] of the three-byte code points from U+0900 to U+17FF whose scripts make
/// tokens of a character or two (Thai, Lao, Ethiopic, Khmer), where a lookup here keeps the
/// window going instead of handing the text to the segmenter. The rest of the range is
/// [`NOT_HERE`]: the scripts of India and Sri Lanka and Myanmar, whose long words, each
/// restarting a window, go faster through the segmenter, and the blocks between (Tibetan,
/// Georgian, Hangul Jamo, Cherokee...), decoded one by one as before.
static SOUTH_ASIAN_CODE: [u8; 0xF00] = {
    let mut table = [NOT_HERE; 0xF00];
    let mut i = 0;
    while i < table.len() {
        let cp = SOUTH_ASIAN.start + i as u32;
        let kept = (cp >= 0x0E00 && cp < 0x0F00) // Thai, Lao
            || (cp >= 0x1200 && cp < 0x13A0) // Ethiopic
            || (cp >= 0x1780 && cp < 0x1800); // Khmer
        if kept {
            table[i] = CLASS_CODE[props(cp) as usize];
        }
        i += 1;
    }
    table
};

/// The [`SOUTH_ASIAN_CODE`] entry of code point `cp` (`None` outside the table).
#[inline(always)]
fn south_asian_entry(cp: u32) -> Option<u8> {
    let i = cp.wrapping_sub(SOUTH_ASIAN.start) as usize;
    SOUTH_ASIAN_CODE.get(i).copied()
}

/// True when the character at `pos` is of a script whose text windows leave to the
/// rule-by-rule segmenter (see [`SOUTH_ASIAN_CODE`]).
#[inline]
pub(super) fn leaves_to_the_rules(bytes: &[u8], pos: usize) -> bool {
    let three_bytes = bytes.get(pos).is_some_and(|&b| b & 0xF0 == 0xE0) && pos + 3 <= bytes.len();
    three_bytes && south_asian_entry(decode(bytes, pos).0) == Some(NOT_HERE)
}

/// The runs of a window still to hand out, and what they hold.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// With a [`WindowFold`], the window's bytes folded: ASCII capitals lowercased, and the
    /// other characters whose folded form has the same length replaced by it.
    lower: [u8; WIDTH],
    /// The bytes whose folded form `lower` does not hold: the first bytes of multi-byte
    /// characters left unfolded, and the bytes past the end of the text; all of them for a
    /// window built without a [`WindowFold`] or after `forget_folding`.
    not_folded: u64,
    /// AVX-512, where the CPU has it (detected when the window is made, once per text).
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    avx512: Option<Avx512>,
}

impl Default for Window {
    fn default() -> Self {
        Window {
            base: 0,
            starts: 0,
            ends: 0,
            alphabetic: 0,
            numeric: 0,
            uppers: 0,
            non_ascii: 0,
            lower: [0; WIDTH],
            not_folded: !0,
            #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
            avx512: Avx512::detect(),
        }
    }
}

impl Window {
    /// A window that never uses AVX-512, as on a CPU without it.
    #[cfg(test)]
    pub(super) fn without_avx512() -> Window {
        Window {
            #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
            avx512: None,
            ..Window::default()
        }
    }
}

/// What building a window achieved.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Built {
    /// Where tokenizing continues after the window's runs.
    pub next: usize,
    /// Position of the first character the window could not take (`None` when it took
    /// everything up to its width).
    pub complex_at: Option<usize>,
}

/// Masks of the multi-byte characters of a window, by class (every byte of a character).
#[derive(Default, Debug, PartialEq, Eq)]
struct Multi {
    letters: u64,
    digits: u64,
    alphabetic: u64,
    numeric: u64,
    kana: u64,
    /// First and last bytes of the single-character tokens.
    single_starts: u64,
    single_ends: u64,
}

impl Multi {
    #[inline(always)]
    fn add(&mut self, code: u8, lead: u64, len: usize) {
        let bits = match len {
            2 => lead | (lead << 1),
            3 => lead | (lead << 1) | (lead << 2),
            _ => lead | (lead << 1) | (lead << 2) | (lead << 3),
        };
        let when = |flag: u8| 0u64.wrapping_sub(u64::from(code & flag != 0));
        self.letters |= bits & when(LETTER);
        self.digits |= bits & when(DIGIT);
        self.kana |= bits & when(KANA);
        self.alphabetic |= bits & when(ALPHA);
        self.numeric |= bits & when(NUM);
        self.single_starts |= lead & when(SINGLE);
        self.single_ends |= (lead << (len - 1)) & when(SINGLE);
    }
}

impl Window {
    /// The next run, as a token.
    #[inline(always)]
    pub(super) fn pop(&mut self) -> Option<RawToken> {
        self.next_run().map(|(token, _)| token)
    }

    /// The next run, as a token, and its folded form when the window holds it: unless one of
    /// its characters was left unfolded, the run's bytes in the window's folded copy.
    #[inline(always)]
    pub(super) fn pop_folded(&mut self) -> Option<(RawToken, Option<&str>)> {
        let (token, run) = self.next_run()?;
        if self.not_folded & run != 0 {
            return Some((token, None));
        }
        // A run lies in the window: it starts at a set bit of `starts` and ends at the first
        // set bit of `ends` from there, and `build` leaves every start its end (the runs it
        // finds are disjoint, each with its first and last bit, and it keeps only the starts
        // below the first run whose end it drops). (A bounds check here cost 3 to 4 % of
        // normalizing Latin text, and so did a clamp.)
        let (from, to) = (token.start - self.base, token.end - self.base);
        debug_assert!(from < to && to <= WIDTH);
        debug_assert!(std::str::from_utf8(&self.lower[from..to]).is_ok());
        // SAFETY: `from < to <= WIDTH` for a run of this window (above); the folded bytes of
        // a run are UTF-8 (see `folded`).
        let folded = unsafe { std::str::from_utf8_unchecked(self.lower.get_unchecked(from..to)) };
        Some((token, Some(folded)))
    }

    /// The next run of the window, as a token, with the bits of its bytes.
    #[inline(always)]
    fn next_run(&mut self) -> Option<(RawToken, u64)> {
        while self.starts != 0 {
            let a = self.starts.trailing_zeros();
            self.starts &= self.starts - 1;
            let e = (self.ends >> a).trailing_zeros() + a;
            debug_assert!(e < 64, "a run of the window without its end");
            let run = (u64::MAX >> (63 - e)) & (u64::MAX << a);
            let has = |mask: u64| u8::from(mask & run != 0);
            let (alpha, num) = (has(self.alphabetic), has(self.numeric));
            if alpha | num == 0 {
                continue; // only `_` or letter-like symbols: a segment, but not a word
            }
            let token = RawToken {
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
            };
            return Some((token, run));
        }
        None
    }

    /// Finds the tokens of the window at `start`, a word boundary. Returns `None` when the
    /// window can decide nothing (a complex character or a long token right at `start`).
    #[inline]
    pub(super) fn build(
        &mut self,
        bytes: &[u8],
        start: usize,
        fold: Option<&WindowFold>,
    ) -> Option<Built> {
        #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
        {
            if let Some(lanes) = self.avx512 {
                // SAFETY: `lanes` exists only where the CPU has the features.
                return unsafe { self.build_avx512(lanes, bytes, start, fold) };
            }
            self.build_with(Sse2, bytes, start, fold)
        }
        #[cfg(any(not(target_arch = "x86_64"), wordmill_portable))]
        self.build_with(Portable, bytes, start, fold)
    }

    /// [`build_with`](Self::build_with) compiled for AVX-512, where the window's comparisons
    /// are one instruction each and give bit masks directly.
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
    fn build_avx512(
        &mut self,
        lanes: Avx512,
        bytes: &[u8],
        start: usize,
        fold: Option<&WindowFold>,
    ) -> Option<Built> {
        self.build_with(lanes, bytes, start, fold)
    }

    #[inline(always)]
    fn build_with<L: Lanes>(
        &mut self,
        lanes: L,
        bytes: &[u8],
        start: usize,
        fold: Option<&WindowFold>,
    ) -> Option<Built> {
        let at_end = start + WIDTH >= bytes.len();
        let mut padded = [b' '; WIDTH];
        let chunk: &[u8; WIDTH] = if at_end {
            padded[..bytes.len() - start].copy_from_slice(&bytes[start..]);
            &padded
        } else {
            bytes[start..start + WIDTH].try_into().ok()?
        };
        let loaded = lanes.load(chunk);
        let m = lanes.classify(loaded);
        let text_end = bytes.len() - start;
        let mut limit = if at_end { text_end } else { WIDTH };
        let mut complex_at = None;

        // Multi-byte characters of the common scripts are classified in bulk (see `BULK`);
        // the others are decoded one by one.
        let mut multi = Multi::default();
        let mut leads = m.leads;
        if leads != 0 {
            leads &= !bulk(lanes, chunk, loaded, leads, &mut multi);
        }
        // Multi-byte mid-word marks (`’`, `·`, `،`, `，`): their joins are decided after the
        // masks.
        let mut wide_mids: [(u32, u32, Class); 8] = [(0, 0, Class::Gap); 8];
        let mut wide_count = 0;
        let mut plain_letters = 0u64;
        let mut plain_letters_3 = 0u64;
        // Every byte of the marks (WB4), and of the Hebrew letters.
        let mut marks = 0u64;
        let mut hebrew = 0u64;
        let mut long_decoded = 0;
        while leads != 0 {
            let p = leads.trailing_zeros() as usize;
            leads &= leads - 1;
            if p >= limit {
                break;
            }
            // (`& 63`: positions in the window, which lets the compiler drop bounds checks.)
            let b0 = chunk[p & 63];
            let len = multi_byte_len(b0);
            if p + len > limit {
                limit = p; // cut by the window's end: next window
                break;
            }
            let cp = if len == 2 {
                two_byte(b0, chunk[(p + 1) & 63])
            } else {
                decode(chunk, p).0
            };
            let code = if len == 2 {
                // Two-byte characters (Hebrew, Armenian, the rest of Arabic...) in one step.
                TWO_BYTE_CODE[cp as usize & 0x7FF]
            } else if let Some(code) = south_asian_entry(cp).filter(|&code| code != NOT_HERE) {
                code
            } else {
                long_decoded += 1;
                CLASS_CODE[props(cp) as usize]
            };
            if code == LETTER | ALPHA && len < 4 {
                // The common case, expanded after the loop.
                if len == 2 {
                    plain_letters |= 1 << p;
                    if b0 == 0xD7 {
                        hebrew |= 3 << p;
                    }
                } else {
                    plain_letters_3 |= 1 << p;
                }
                continue;
            }
            multi.add(code, 1 << p, len);
            if code & (MID | COMPLEX) == 0 {
                continue;
            }
            if code & MARK == MARK {
                marks |= (u64::MAX >> (64 - len)) << p;
                continue;
            }
            if code & COMPLEX != 0 || wide_count == wide_mids.len() {
                limit = p;
                if code & COMPLEX != 0 {
                    complex_at = Some(start + p);
                }
                break;
            }
            wide_mids[wide_count] = (p as u32, len as u32, class_of(props(cp)));
            wide_count += 1;
        }
        multi.add(LETTER | ALPHA, plain_letters, 2);
        multi.add(LETTER | ALPHA, plain_letters_3, 3);
        let mut letters = m.letters | multi.letters;
        let mut digits = m.digits | multi.digits;
        // Characters the masks take but whose context only the rules can judge: the window
        // ends before the first of them. `_` next to katakana joins it (WB13a, WB13b).
        let mut to_rules = ((multi.kana << 1) | (multi.kana >> 1)) & m.underscores;
        // The bytes of single-character tokens, with their marks.
        let mut singles = multi.single_starts;
        if marks != 0 {
            // A run of marks belongs to the character before it (WB4): a letter's marks are
            // letter, a digit's digit, a single character's part of its token. Adding a run's
            // first bit to the run carries through it: the runs so seeded are the bits the sum
            // clears.
            let seeded_by = |seeds: u64| marks & !marks.wrapping_add((seeds << 1) & marks);
            let of_letters = seeded_by(letters);
            let of_digits = seeded_by(digits);
            let of_singles = seeded_by(multi.single_ends);
            letters |= of_letters;
            digits |= of_digits;
            hebrew |= seeded_by(hebrew);
            multi.single_ends = (multi.single_ends | of_singles) & !(of_singles >> 1);
            singles |= of_singles;
            // Marks after anything else (a space, a kana, a mid-word mark...).
            to_rules |= marks & !(of_letters | of_digits | of_singles);
        }
        if hebrew != 0 {
            // A Hebrew letter (with its marks) takes a `'` after it (WB7a), and a `"` between
            // two of them (WB7b, WB7c).
            to_rules |= quotes_among(chunk, (hebrew << 1) & !hebrew);
        }
        if to_rules != 0 {
            let p = to_rules.trailing_zeros() as usize;
            if p < limit {
                limit = p;
                complex_at = Some(start + p);
            }
        }
        if complex_at.is_none() && long_decoded >= SLOW_WINDOW {
            // Text of three-byte characters no bulk range or table knows (Indic scripts,
            // Myanmar, Tibetan...): the rule-by-rule segmenter is faster on it than windows
            // decoding one by one.
            complex_at = Some(start + limit);
        }
        // A wide mark whose right-hand neighbour is not in the window cannot be decided, nor can
        // the run before it: end the window before it. (At the end of the text, the end is its
        // neighbour.)
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
        let letters = letters & valid;
        let digits = digits & valid;
        // Mid-word marks: both neighbours letters (WB6, WB7) or digits (WB11, WB12).
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
        let word_bits = (letters | digits | m.underscores | joined) & valid;
        let kana = multi.kana & valid;
        let starts =
            (word_bits & !(word_bits << 1)) | (kana & !(kana << 1)) | (multi.single_starts & valid);
        let ends =
            (word_bits & !(word_bits >> 1)) | (kana & !(kana >> 1)) | (multi.single_ends & valid);

        // A bit is decided when the byte after it is known: bits below `limit - 1`; at the end
        // of the text, all of them.
        let ends_text = limit == text_end;
        let decided = if ends_text {
            limit + 1
        } else {
            limit.saturating_sub(1)
        };
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
        self.base = start;
        self.starts = emitted_starts;
        // Every start kept has its end kept: `folded_run` relies on it.
        self.ends = ends & emitted;
        self.alphabetic = m.letters | multi.alphabetic;
        self.numeric = m.digits | multi.numeric;
        self.uppers = m.uppers;
        self.non_ascii = m.non_ascii;
        // Folding the window is the normalizer's work: plain tokenizing does without.
        match fold {
            Some(fold) => {
                lanes.lowercase(chunk, loaded, m.uppers, &mut self.lower);
                let past_the_text = if text_end >= WIDTH { 0 } else { !0 << text_end };
                // Only the characters of the window's tokens are folded: the others (quotes,
                // dashes, no-break spaces, text past `limit`) are marked unfolded, and a token
                // holding one, if any, is folded on its own.
                let in_tokens = m.leads & (word_bits | kana | (singles & valid));
                // Where a three-byte joiner would lie inside a word.
                let inner = (word_bits << 1)
                    & word_bits
                    & (word_bits >> 1)
                    & (word_bits >> 2)
                    & (word_bits >> 3);
                let lower = &mut self.lower;
                let unsettled = match in_tokens {
                    0 => 0,
                    leads => match lanes.closer_look(fold.summaries(), loaded, leads) {
                        Some(marked) => fold.settle(chunk, lower, marked, leads, inner),
                        None => fold.fold(chunk, lower, leads, inner),
                    },
                };
                self.not_folded = past_the_text | (m.leads & !in_tokens) | unsettled;
            }
            None => self.not_folded = !0,
        }
        Some(Built { next, complex_at })
    }

    /// From now on the window's folded bytes are not those of the tokens still to come
    /// (the folding changed): [`folded`](Self::folded) gives nothing until the next window.
    pub(super) fn forget_folding(&mut self) {
        self.not_folded = !0;
    }

    /// The folded form of the text `start..end` (whole characters) when this window holds
    /// it: the range lies in the window's folded copy and none of its characters was left
    /// unfolded. Derived from the window alone, so any range may be asked for: one of an
    /// earlier window, or one found before the folding changed, gets `None`.
    ///
    /// # Safety
    ///
    /// `start` and `end` must be character boundaries of the text the window was built from
    /// (as the ends of its tokens are).
    #[inline(always)]
    pub(super) unsafe fn folded(&self, start: usize, end: usize) -> Option<&str> {
        // (Before the window, `from` wraps to a huge number.)
        let (from, to) = (start.wrapping_sub(self.base), end.wrapping_sub(self.base));
        if from >= to || to > WIDTH {
            return None;
        }
        let range = (u64::MAX >> (WIDTH - (to - from))) << from;
        if self.not_folded & range != 0 {
            return None;
        }
        let bytes = &self.lower[from..to];
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: `lower` holds the window's bytes with ASCII letters lowercased and some whole
        // characters replaced by characters of the same total length, so a range that starts
        // and ends at character boundaries of the text (the caller's promise) is UTF-8 in it
        // too.
        Some(unsafe { std::str::from_utf8_unchecked(bytes) })
    }
}

/// The bits of `candidates` whose byte is an ASCII quote, `'` or `"`.
fn quotes_among(chunk: &[u8; WIDTH], mut candidates: u64) -> u64 {
    let mut quotes = 0;
    while candidates != 0 {
        let p = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        if matches!(chunk[p & 63], b'\'' | b'"') {
            quotes |= 1 << p;
        }
    }
    quotes
}

/// Classifies into `multi` the multi-byte characters (of `leads`) whose class their bytes'
/// ranges tell, a vector at a time: Latin-1 and Latin Extended letters, Cyrillic, CJK
/// ideographs, kana and Hangul. Returns their lead bits. A test checks every code point these
/// ranges take against the Unicode tables. Characters cut by the window's end are left to the
/// caller, and so are the scripts whose letters share lead bytes with marks and punctuation
/// (Greek, Arabic, Hebrew...), which the caller decodes one by one.
#[inline(always)]
fn bulk<L: Lanes>(
    lanes: L,
    chunk: &[u8; WIDTH],
    loaded: L::Loaded,
    leads: u64,
    multi: &mut Multi,
) -> u64 {
    if !L::BULK {
        return 0; // every multi-byte character takes the one-by-one path
    }
    let range = |lo: u8, hi: u8| lanes.high_range(loaded, lo, hi);
    let eq = |b: u8| range(b, b);
    // Leads of characters that end inside the window.
    let fits2 = leads & !(1 << 63);
    let fits3 = leads & !(3 << 62);
    // The scripts of the first and the last multi-byte character decide which groups run: a
    // window is mostly of one script, and what a group misses is decoded one by one.
    let first = chunk[leads.trailing_zeros() as usize];
    let last = chunk[63 - leads.leading_zeros() as usize];
    let wanted = |lo: u8, hi: u8| (lo..=hi).contains(&first) || (lo..=hi).contains(&last);
    let mut classified = 0u64;
    let mut add = |code: u8, hits: u64, len: usize| {
        multi.add(code, hits, len);
        classified |= hits;
    };
    if wanted(0xC3, 0xD3) {
        // Latin Extended-A and -B, IPA (C4 to CA), Cyrillic (D0, D1, D3): the lead byte says.
        add(
            LETTER | ALPHA,
            (range(0xC4, 0xCA) | range(0xD0, 0xD1) | eq(0xD3)) & fits2,
            2,
        );
        // Latin-1 letters, but for × (C3 97) and ÷ (C3 B7).
        let not_letter = (eq(0x97) | eq(0xB7)) >> 1;
        add(LETTER | ALPHA, eq(0xC3) & !not_letter & fits2, 2);
    }
    if wanted(0xCE, 0xCF) {
        // Greek and Coptic letters U+0388 to U+03F5 and U+03F7 to U+03FF, but for the holes of
        // U+038B, U+038D and U+03A2: CE 88..8A, 8C, 8E..A1, A3..BF; CF 80..B5, B7..BF.
        let greek = (eq(0xCE)
            & ((range(0x88, 0x8A) | eq(0x8C) | range(0x8E, 0xA1) | range(0xA3, 0xBF)) >> 1))
            | (eq(0xCF) & ((range(0x80, 0xB5) | range(0xB7, 0xBF)) >> 1));
        add(LETTER | ALPHA, greek & fits2, 2);
    }
    if wanted(0xD8, 0xDB) {
        // Arabic letters U+0620 to U+064A, U+0671 to U+06D3 but for U+06D4: D8 A0..BF,
        // D9 80..8A, DA, DB 80..93 (U+0680 to U+06D3). Harakat, digits and punctuation share
        // these lead bytes and are decoded one by one.
        let arabic = (eq(0xD8) & (range(0xA0, 0xBF) >> 1))
            | (eq(0xD9) & (range(0x80, 0x8A) >> 1))
            | eq(0xDA)
            | (eq(0xDB) & (range(0x80, 0x93) >> 1));
        add(LETTER | ALPHA, arabic & fits2, 2);
    }
    // Latin Extended Additional U+1E00 to U+1EFF (Vietnamese, whose windows start and end
    // with letters of any of C3 to C6 and E1): E1 B8..BB. Georgian Mkhedruli U+10D0 to U+10FA:
    // E1 83 90..BA.
    let e1 = eq(0xE1) & fits3;
    if e1 != 0 {
        let latin = range(0xB8, 0xBB) >> 1;
        let georgian = (eq(0x83) >> 1) & (range(0x90, 0xBA) >> 2);
        add(LETTER | ALPHA, e1 & (latin | georgian), 3);
    }
    if wanted(0xE3, 0xED) {
        // CJK ideographs U+4E00 to U+9FFF: E4 B8..BF, E5 to E9.
        let han = range(0xE5, 0xE9) | (eq(0xE4) & (range(0xB8, 0xBF) >> 1));
        add(SINGLE | ALPHA, han & fits3, 3);
        // Hangul syllables U+AC00 to U+D79F: EA B0..BF, EB, EC, ED 80..9D.
        let hangul = range(0xEB, 0xEC)
            | (eq(0xEA) & (range(0xB0, 0xBF) >> 1))
            | (eq(0xED) & (range(0x80, 0x9D) >> 1));
        add(LETTER | ALPHA, hangul & fits3, 3);
        let e3 = eq(0xE3) & fits3;
        if e3 != 0 {
            let (s81, s82, s83) = (eq(0x81) >> 1, eq(0x82) >> 1, eq(0x83) >> 1);
            // Hiragana U+3041 to U+3096.
            let hiragana = (s81 & (range(0x81, 0xBF) >> 2)) | (s82 & (range(0x80, 0x96) >> 2));
            add(SINGLE | ALPHA, e3 & hiragana, 3);
            // Katakana U+30A1 to U+30FA, U+30FC to U+30FF.
            let katakana = (s82 & (range(0xA1, 0xBF) >> 2))
                | (s83 & ((range(0x80, 0xBA) | range(0xBC, 0xBF)) >> 2));
            add(KANA | ALPHA, e3 & katakana, 3);
        }
    }
    classified
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`bulk`] with the lanes of this CPU: SSE2, and AVX-512 where it has it, which must agree.
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    fn bulk_on_every_path(chunk: &[u8; WIDTH], leads: u64, multi: &mut Multi) -> u64 {
        let hits = bulk(Sse2, chunk, Sse2.load(chunk), leads, multi);
        if let Some(lanes) = Avx512::detect() {
            let mut other = Multi::default();
            let other_hits = bulk(lanes, chunk, lanes.load(chunk), leads, &mut other);
            assert_eq!((other_hits, &other), (hits, &*multi), "AVX-512 vs SSE2");
        }
        hits
    }

    /// Pieces of text whose windows take every branch of `build`: scripts of the bulk groups
    /// and of the one-by-one path, marks, mid-word punctuation, Hebrew quotes, complex
    /// characters, line breaks.
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    const PIECES: &[&str] = &[
        "a", "Z", "7", "_", " ", ".", ",", ":", ";", "'", "\"", "\n", "é", "É", "×", "ß", "ŋ", "ǅ",
        "ω", "Ά", "϶", "Ж", "ё", "ӧ", "س", "ً", "،", "١", "ـ", "ש", "\u{5B4}", "न", "्", "ภ",
        "\u{E34}", "ệ", "ქ", "東", "の", "テ", "ー", "한", "’", "·", "，", "\u{301}", "\u{200D}",
        "\u{200C}", "🙂", "🇫", "\u{FE0F}", "\u{A0}", "—", "𝐀", "\r\n", "Ệ", "Ḁ", "ỿ", "Ἀ", "Σ",
        "İ", "Ё", "\u{AD}", "ｶ", "ﬁ",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// Windows come out the same whichever lanes build them (AVX-512 where the CPU has
        /// it, SSE2), from any piece of the text, with folding (under several normalizers and
        /// languages) and without. (The portable lanes classify no multi-byte character in
        /// bulk, so their windows may stop elsewhere: CI runs every test with them alone,
        /// `--cfg wordmill_portable`.)
        #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
        #[test]
        fn windows_are_the_same_with_every_lanes(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 1..48),
            first_piece in 0..48usize,
            fold in any::<bool>(),
            which in 0..5usize,
        ) {
            use crate::normalize::{Normalizer, UnicodeForm};
            let text: String = pieces.concat();
            let start: usize =
                pieces[..first_piece.min(pieces.len() - 1)].iter().map(|p| p.len()).sum();
            let bytes = text.as_bytes();
            let (normalizer, lang) = [
                (Normalizer::new(), "und"),
                (Normalizer::new(), "tur"),
                (Normalizer::new(), "ara"),
                (Normalizer::new().unicode_form(UnicodeForm::Nfkc), "vie"),
                (Normalizer::new().case_fold(false).fold_punctuation(false), "rus"),
            ][which]
                .clone();
            let folder = normalizer.folder(lang.parse().expect("a known language"));
            let window_fold = folder.window_fold().filter(|_| fold);
            let built = |lanes: &dyn Fn(&mut Window) -> Option<Built>| {
                let mut window = Window::default();
                let built = lanes(&mut window);
                (window, built)
            };
            let sse2 = built(&|w| w.build_with(Sse2, bytes, start, window_fold.as_ref()));
            if let Some(lanes) = Avx512::detect() {
                // SAFETY: `lanes` exists only where the CPU has the features.
                let avx512 = built(&|w| unsafe {
                    w.build_avx512(lanes, bytes, start, window_fold.as_ref())
                });
                prop_assert_eq!(&avx512, &sse2);
            }
        }
    }

    #[test]
    fn windows_leave_indic_scripts_and_myanmar_to_the_rules_but_not_thai() {
        let leaves = |text: &str| leaves_to_the_rules(text.as_bytes(), 0);
        for text in ["नमस्ते", "বাংলা", "தமிழ்", "മലയാളം", "සිංහල", "မြန်မာ"]
        {
            assert!(leaves(text), "{text}");
        }
        for text in [
            "ภาษา",
            "ພາສາ",
            "ភាសា",
            "ቋንቋ",
            "word",
            "слово",
            "كلمة",
            "東京",
        ] {
            assert!(!leaves(text), "{text}");
        }
    }

    // (Elsewhere no multi-byte character is classified in bulk.)
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    #[test]
    fn bulk_agrees_with_the_unicode_tables_on_every_two_and_three_byte_character() {
        let mut classified = 0;
        for c in ('\u{80}'..='\u{FFFF}').filter(|c| c.len_utf8() > 1) {
            let mut chunk = [b' '; WIDTH];
            // Alone in the window, and preceded by a character of its script so that its group
            // runs.
            let text = format!("{c}{c}");
            chunk[..text.len()].copy_from_slice(text.as_bytes());
            let leads: u64 = (0..WIDTH)
                .filter(|&i| chunk[i] >= 0xC0)
                .map(|i| 1 << i)
                .sum();
            let mut multi = Multi::default();
            let hits = bulk_on_every_path(&chunk, leads, &mut multi);
            if hits & 1 == 0 {
                continue;
            }
            classified += 1;
            let code = CLASS_CODE[props(c as u32) as usize];
            let len = c.len_utf8();
            let all = (1u64 << len) - 1;
            let expect = |flag: u8, mask: u64| {
                assert_eq!(
                    code & flag != 0,
                    mask & all == all,
                    "{c:?} U+{:04X} flag {flag}",
                    c as u32
                )
            };
            expect(LETTER, multi.letters);
            expect(DIGIT, multi.digits);
            expect(KANA, multi.kana);
            expect(ALPHA, multi.alphabetic);
            expect(NUM, multi.numeric);
            assert_eq!(
                code & SINGLE != 0,
                multi.single_starts & 1 == 1,
                "{c:?} single"
            );
            assert_eq!(code & (MID | COMPLEX), 0, "{c:?}");
        }
        assert!(classified > 30_000, "{classified}");
    }

    // (Elsewhere no multi-byte character is classified in bulk.)
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    #[test]
    fn bulk_classification_finds_the_characters() {
        // Groups run for the scripts of a window's first and last characters; Arabic digits
        // and punctuation, Hebrew and Devanagari are decoded one by one.
        let samples: [(&str, &[&str], &[&str]); 10] = [
            ("Ça ×÷ ŋ", &["Ç", "ŋ"], &["×", "÷"]),
            ("ω λόγος ϶", &["ω", "λ", "ό"], &["϶"]),
            ("Мир ӧ", &["М", "и", "р", "ӧ"], &[]),
            ("سلام، ١٢ یک", &["س", "ل", "ی", "ک"], &["،", "١"]),
            ("Việt Nam ở", &["ệ", "ở"], &[]),
            ("ქართული", &["ქ", "ა", "ლ"], &[]),
            ("שלום नमस्ते", &[], &["ש", "न", "्"]),
            (
                "東京のテレビ、",
                &["東", "京", "の", "テ", "レ", "ビ"],
                &["、"],
            ),
            ("한국어 문서", &["한", "국", "어", "문", "서"], &[]),
            ("ЖЁ", &["Ж", "Ё"], &[]),
        ];
        for (text, classified, others) in samples {
            let mut chunk = [b' '; WIDTH];
            chunk[..text.len()].copy_from_slice(text.as_bytes());
            let leads: u64 = (0..WIDTH)
                .filter(|&i| chunk[i] >= 0xC0)
                .map(|i| 1 << i)
                .sum();
            let mut multi = Multi::default();
            let hits = bulk_on_every_path(&chunk, leads, &mut multi);
            let at = |s: &str| text.find(s).unwrap();
            for c in classified {
                assert_ne!(hits >> at(c) & 1, 0, "{c} in {text}");
            }
            for c in others {
                assert_eq!(hits >> at(c) & 1, 0, "{c} in {text}");
            }
        }
    }
}
