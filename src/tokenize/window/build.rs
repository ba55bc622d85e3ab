//! Building a window, in four steps: classify its 64 bytes (the lanes' vectors and, for the
//! common scripts, [`bulk`]); look at the other multi-byte characters one by one ([`Look`]);
//! find the runs that are tokens ([`Look::runs`]); keep the runs whose end is decided
//! ([`Runs::emitted`]), and fold the window when tokens are normalized as they come.
//!
//! Every step is `#[inline(always)]`: they are one loop body, compiled once per lanes (and
//! with AVX-512 enabled in `build_avx512`).

use super::bulk::bulk;
use super::classes::{
    ALPHA, CLASS_CODE, COMPLEX, Class, LETTER, MARK, MID, Multi, NOT_HERE, SLOW_WINDOW,
    TWO_BYTE_CODE, class_of, south_asian_entry,
};
use super::{Built, Window};
use crate::arch::{Lanes, Masks, WIDTH};
use crate::fold::WindowFold;
use crate::tokenize::segment::segment_start_at_or_before;
use crate::unicode::utf8::{decode, multi_byte_len, two_byte};
use crate::unicode::{props, unspaced_script};

impl Window {
    /// Finds the tokens of the window of `bytes` at `start` with `lanes`; see
    /// [`Window::build`].
    #[inline(always)]
    pub(super) fn build_with<L: Lanes>(
        &mut self,
        lanes: L,
        bytes: &[u8],
        start: usize,
        fold: Option<&WindowFold>,
        notes_unspaced: bool,
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
        let mut look = Look::new(if at_end { text_end } else { WIDTH }, notes_unspaced);
        // (Apart from the look, whose array of wide marks keeps it in memory: these masks stay
        // in registers.)
        let mut multi = Multi::default();
        // Multi-byte characters of the common scripts are classified in bulk (see `BULK`);
        // the others are decoded one by one.
        let mut leads = m.leads;
        if leads != 0 {
            leads &= !bulk(lanes, chunk, loaded, leads, &mut multi);
        }
        look.decode(&mut multi, chunk, leads, start);
        let runs = look.runs(&multi, chunk, &m, start, text_end);
        let (starts, emitted, next) = runs.emitted(bytes, start, text_end)?;
        self.base = start;
        self.starts = starts;
        // Every start kept has its end kept: `pop_folded` relies on it.
        self.ends = runs.ends & emitted;
        self.alphabetic = m.letters | runs.alphabetic;
        self.numeric = m.digits | runs.numeric;
        self.uppers = m.uppers;
        self.non_ascii = m.non_ascii;
        // Folding the window is the normalizer's work: plain tokenizing does without.
        match fold {
            Some(fold) => self.fold(lanes, fold, chunk, loaded, &m, &runs, text_end),
            None => self.not_folded = !0,
        }
        Some(Built {
            next,
            complex_at: runs.complex_at,
            // (Within the window's valid bytes: bulk classification looks past them, decoding
            // one by one stops there, and windows of every lanes compare equal.)
            unspaced: (multi.unspaced | look.unspaced) & runs.valid,
        })
    }

    /// Folds the characters of the window's tokens into `lower` (see `crate::fold`).
    #[allow(clippy::too_many_arguments)] // (one step of one loop body, inlined)
    #[inline(always)]
    fn fold<L: Lanes>(
        &mut self,
        lanes: L,
        fold: &WindowFold,
        chunk: &[u8; WIDTH],
        loaded: L::Loaded,
        m: &Masks,
        runs: &Runs,
        text_end: usize,
    ) {
        lanes.lowercase(chunk, loaded, m.uppers, &mut self.lower);
        let past_the_text = if text_end >= WIDTH { 0 } else { !0 << text_end };
        // Only the characters of the window's tokens are folded: the others (quotes, dashes,
        // no-break spaces, text past `limit`) are marked unfolded, and a token holding one, if
        // any, is folded on its own.
        let word_bits = runs.word_bits;
        let in_tokens = m.leads & (word_bits | runs.kana | (runs.singles & runs.valid));
        // Where a three-byte joiner would lie inside a word.
        let inner =
            (word_bits << 1) & word_bits & (word_bits >> 1) & (word_bits >> 2) & (word_bits >> 3);
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
}

/// What a window's look at its multi-byte characters finds, and where the window must stop.
struct Look {
    /// Multi-byte mid-word marks (`’`, `·`, `،`, `，`): position, length and class; their joins
    /// are decided after the masks.
    wide_mids: [(u32, u32, Class); 8],
    wide_count: usize,
    /// Every byte of the combining marks (WB4), and of the Hebrew letters.
    marks: u64,
    hebrew: u64,
    /// Three-byte characters that no bulk range or table knew.
    long_decoded: u32,
    /// The first bytes of the characters of the CJK modes' scripts decoded here (see
    /// `Built::unspaced`), when the window notes them.
    unspaced: u64,
    notes_unspaced: bool,
    /// Where the window's bytes stop counting (its width, the text's end, or before a
    /// character it cannot take).
    limit: usize,
    /// The first character the window could not take, as a position in the text.
    complex_at: Option<usize>,
}

impl Look {
    #[inline(always)]
    fn new(limit: usize, notes_unspaced: bool) -> Look {
        Look {
            wide_mids: [(0, 0, Class::Gap); 8],
            wide_count: 0,
            marks: 0,
            hebrew: 0,
            long_decoded: 0,
            unspaced: 0,
            notes_unspaced,
            limit,
            complex_at: None,
        }
    }

    /// Decodes the multi-byte characters of `leads` (of the window at `start`) one by one.
    #[inline(always)]
    fn decode(&mut self, multi: &mut Multi, chunk: &[u8; WIDTH], mut leads: u64, start: usize) {
        let mut plain_letters = 0u64;
        let mut plain_letters_3 = 0u64;
        while leads != 0 {
            let p = leads.trailing_zeros() as usize;
            leads &= leads - 1;
            if p >= self.limit {
                break;
            }
            // (`& 63`: positions in the window, which lets the compiler drop bounds checks.)
            let b0 = chunk[p & 63];
            let len = multi_byte_len(b0);
            if p + len > self.limit {
                self.limit = p; // cut by the window's end: next window
                break;
            }
            let cp = if len == 2 {
                two_byte(b0, chunk[(p + 1) & 63])
            } else {
                let cp = decode(chunk, p).0;
                if self.notes_unspaced
                    && char::from_u32(cp).is_some_and(|c| unspaced_script(c) != 0)
                {
                    self.unspaced |= 1 << p;
                }
                cp
            };
            let code = if len == 2 {
                // Two-byte characters (Hebrew, Armenian, the rest of Arabic...) in one step.
                TWO_BYTE_CODE[cp as usize & 0x7FF]
            } else if let Some(code) = south_asian_entry(cp).filter(|&code| code != NOT_HERE) {
                code
            } else {
                self.long_decoded += 1;
                CLASS_CODE[props(cp) as usize]
            };
            if code == LETTER | ALPHA && len < 4 {
                // The common case, expanded after the loop.
                if len == 2 {
                    plain_letters |= 1 << p;
                    if b0 == 0xD7 {
                        self.hebrew |= 3 << p;
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
                self.marks |= (u64::MAX >> (64 - len)) << p;
                continue;
            }
            if code & COMPLEX != 0 || self.wide_count == self.wide_mids.len() {
                self.limit = p;
                if code & COMPLEX != 0 {
                    self.complex_at = Some(start + p);
                }
                break;
            }
            self.wide_mids[self.wide_count] = (p as u32, len as u32, class_of(props(cp)));
            self.wide_count += 1;
        }
        multi.add(LETTER | ALPHA, plain_letters, 2);
        multi.add(LETTER | ALPHA, plain_letters_3, 3);
    }

    /// The window's runs: the words, numbers and katakana runs the masks make, and the
    /// characters that are tokens alone, with the marks (WB4) and mid-word punctuation (WB6,
    /// WB7, WB11, WB12) that join them.
    #[inline(always)]
    fn runs(
        &self,
        multi: &Multi,
        chunk: &[u8; WIDTH],
        m: &Masks,
        start: usize,
        text_end: usize,
    ) -> Runs {
        // (By reference, and the fields changed here copied: taking the `Look` by value
        // copied its 96 bytes of wide marks, and read back as one vector the masks just
        // written one by one, a store-forwarding stall: 8 % of building Latin windows.)
        let (marks, long_decoded) = (self.marks, self.long_decoded);
        let (mut hebrew, mut limit, mut complex_at) = (self.hebrew, self.limit, self.complex_at);
        let mut single_ends = multi.single_ends;
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
            let of_singles = seeded_by(single_ends);
            letters |= of_letters;
            digits |= of_digits;
            hebrew |= seeded_by(hebrew);
            single_ends = (single_ends | of_singles) & !(of_singles >> 1);
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
        let wide_mids = &self.wide_mids[..self.wide_count];
        // A wide mark whose right-hand neighbour is not in the window cannot be decided, nor can
        // the run before it: end the window before it. (At the end of the text, the end is its
        // neighbour.)
        for &(p, len, _) in wide_mids {
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
        let joined = mid_word_joins(m, wide_mids, letters, digits);
        let word_bits = (letters | digits | m.underscores | joined) & valid;
        let kana = multi.kana & valid;
        let starts =
            (word_bits & !(word_bits << 1)) | (kana & !(kana << 1)) | (multi.single_starts & valid);
        let ends = (word_bits & !(word_bits >> 1)) | (kana & !(kana >> 1)) | (single_ends & valid);
        Runs {
            word_bits,
            kana,
            singles,
            valid,
            starts,
            ends,
            limit,
            complex_at,
            // (Bulk classification looks past `limit`, decoding one by one stops there: the
            // bits past it mean nothing, and are cleared so that windows compare equal.)
            alphabetic: multi.alphabetic & valid,
            numeric: multi.numeric & valid,
        }
    }
}

/// The mid-word marks that join their neighbours: both letters (WB6, WB7) or both digits
/// (WB11, WB12).
#[inline(always)]
fn mid_word_joins(m: &Masks, wide_mids: &[(u32, u32, Class)], letters: u64, digits: u64) -> u64 {
    let letter_around = (letters << 1) & (letters >> 1);
    let digit_around = (digits << 1) & (digits >> 1);
    let mut joined = ((m.colons | m.dots) & letter_around) | ((m.commas | m.dots) & digit_around);
    for &(p, len, class) in wide_mids {
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
    joined
}

/// The runs of a window.
struct Runs {
    /// Bytes of words and numbers (letters, digits, `_`, joined marks).
    word_bits: u64,
    kana: u64,
    /// Bytes of the single-character tokens, with their marks.
    singles: u64,
    /// The bytes before `limit`.
    valid: u64,
    /// First and last bytes of every run.
    starts: u64,
    ends: u64,
    limit: usize,
    complex_at: Option<usize>,
    /// Alphabetic and numeric multi-byte characters.
    alphabetic: u64,
    numeric: u64,
}

impl Runs {
    /// The runs whose end is decided, the window can hand out: (their start bits, the bits
    /// before which ends are decided, where tokenizing continues after them). `None` when
    /// none is: a token as long as the window, or a window undecided from its start.
    #[inline(always)]
    fn emitted(&self, bytes: &[u8], start: usize, text_end: usize) -> Option<(u64, u64, usize)> {
        let limit = self.limit;
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
        let pending_ends = self.ends & !emitted;
        let mut emitted_starts = self.starts;
        let next = if pending_ends != 0 {
            // The first run not emitted starts the next window: the highest start at or below
            // its end.
            let e = pending_ends.trailing_zeros();
            let a = 63 - (self.starts & (u64::MAX >> (63 - e))).leading_zeros();
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
        Some((emitted_starts, emitted, next))
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
