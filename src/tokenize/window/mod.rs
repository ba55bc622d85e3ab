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
//! `crate::fold`): most terms are then slices of its folded copy.
//!
//! The module's parts: `classes.rs` (what each character is to a window), `bulk.rs`
//! (classifying common scripts a vector at a time), `build.rs` (building a window); the lanes
//! themselves (SSE2, AVX-512, portable) are in `crate::arch`.

mod build;
mod bulk;
mod classes;
#[cfg(test)]
mod tests;

pub(crate) use classes::leaves_to_the_rules;

use super::ascii::{ASCII_UPPER, NON_ASCII};
use super::{RawToken, TokenKind};
#[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
use crate::arch::{Avx512, Sse2};
use crate::arch::{Portable, WIDTH, WindowLanes};
use crate::fold::WindowFold;
use crate::unicode::utf8::is_joiner;
use crate::unicode::{ALPHABETIC, NUMERIC};

/// The runs of a window still to hand out, and what they hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Window {
    base: usize,
    /// Start bits of the runs not yet handed out.
    starts: u64,
    /// Start bits of runs held back from [`pop`](Self::pop) for the refiners (see
    /// [`pop_held`](Self::pop_held)).
    held: u64,
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
    /// The lanes windows are built with (the best the CPU has, chosen when the window is
    /// made, once per text).
    lanes: WindowLanes,
}

impl Default for Window {
    fn default() -> Self {
        Window {
            base: 0,
            starts: 0,
            held: 0,
            ends: 0,
            alphabetic: 0,
            numeric: 0,
            uppers: 0,
            non_ascii: 0,
            lower: [0; WIDTH],
            not_folded: !0,
            lanes: WindowLanes::chosen(),
        }
    }
}

impl Window {
    /// A window built with these lanes, to compare them in tests.
    #[cfg(test)]
    pub(super) fn with_lanes(lanes: WindowLanes) -> Window {
        Window {
            lanes,
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
    /// The first bytes of the window's characters of the scripts of the CJK modes (Han,
    /// kana, hangul, Thai, Lao, Khmer, Myanmar: see `unicode::unspaced_script`), bits of the
    /// window, from what its build classified and decoded anyway: at least those of the
    /// tokens it found (it may know more, past them), which the tokenizer's loop arms the
    /// CJK refiners with.
    pub unspaced: u64,
}

/// A run of a window: its first and last byte, their bits, and whether it holds a letter or
/// a digit.
struct Run {
    first: u32,
    last: u32,
    bits: u64,
    alpha: bool,
    num: bool,
}

impl Window {
    /// The next run, as a token.
    #[inline(always)]
    pub(super) fn pop(&mut self) -> Option<RawToken> {
        self.next_run().map(|run| self.token_of(&run))
    }

    /// The next run, as a token, and its folded form when the window holds it: unless one of
    /// its characters was left unfolded, the run's bytes in the window's folded copy. A
    /// folded run's token carries only its kind's flags, the normalizer needing no more; an
    /// unfolded one has all its flags, with which the normalizer folds it on its own.
    /// (Leaving the flags of folded runs uncomputed keeps them out of the hot loop: computing
    /// them for every token cost a tenth of normalizing Latin text.)
    #[inline(always)]
    pub(super) fn pop_folded(&mut self) -> Option<(RawToken, Option<&str>)> {
        let run = self.next_run()?;
        if self.not_folded & run.bits != 0 {
            return Some((self.token_of(&run), None));
        }
        // A run lies in the window: it starts at a set bit of `starts` and ends at the first
        // set bit of `ends` from there, and `build` leaves every start its end (the runs it
        // finds are disjoint, each with its first and last bit, and it keeps only the starts
        // below the first run whose end it drops). (A bounds check here cost 3 to 4 % of
        // normalizing Latin text, and so did a clamp.)
        let (from, to) = (run.first as usize, run.last as usize + 1);
        debug_assert!(from < to && to <= WIDTH);
        debug_assert!(std::str::from_utf8(&self.lower[from..to]).is_ok());
        // SAFETY: `from < to <= WIDTH` for a run of this window (above); the folded bytes of
        // a run are UTF-8 (see `folded`).
        let folded = unsafe { std::str::from_utf8_unchecked(self.lower.get_unchecked(from..to)) };
        Some((self.kind_token(&run), Some(folded)))
    }

    /// The next run, as a token, of those held back from [`pop`](Self::pop): a tokenizer with
    /// refiners takes every token through them, and holding the window's runs back (then
    /// `pop` finds none) spares the loop without refiners a look at them per token (5 % of
    /// tokenizing Latin text).
    #[inline]
    pub(super) fn pop_held(&mut self) -> Option<RawToken> {
        self.held |= std::mem::take(&mut self.starts);
        std::mem::swap(&mut self.starts, &mut self.held);
        let token = self.pop();
        std::mem::swap(&mut self.starts, &mut self.held);
        token
    }

    /// The next run of the window that is a word or a number.
    #[inline(always)]
    fn next_run(&mut self) -> Option<Run> {
        while self.starts != 0 {
            let first = self.starts.trailing_zeros();
            self.starts &= self.starts - 1;
            let last = (self.ends >> first).trailing_zeros() + first;
            debug_assert!(last < 64, "a run of the window without its end");
            let bits = (u64::MAX >> (63 - last)) & (u64::MAX << first);
            let (alpha, num) = (self.alphabetic & bits != 0, self.numeric & bits != 0);
            if alpha | num {
                return Some(Run {
                    first,
                    last,
                    bits,
                    alpha,
                    num,
                });
            }
            // (Only `_` or letter-like symbols: a segment, but not a word.)
        }
        None
    }

    /// The token of `run`, with all its flags.
    #[inline(always)]
    fn token_of(&self, run: &Run) -> RawToken {
        let has = |mask: u64| u8::from(mask & run.bits != 0);
        let mut token = self.kind_token(run);
        token.flags |= (has(self.uppers) * ASCII_UPPER) | (has(self.non_ascii) * NON_ASCII);
        token
    }

    /// The token of `run` with only its kind's flags (see [`pop_folded`](Self::pop_folded)).
    #[inline(always)]
    fn kind_token(&self, run: &Run) -> RawToken {
        let kind = if run.alpha {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        RawToken {
            start: self.base + run.first as usize,
            end: self.base + run.last as usize + 1,
            kind,
            flags: (u8::from(run.alpha) * ALPHABETIC) | (u8::from(run.num) * NUMERIC),
        }
    }

    /// Finds the tokens of the window at `start`, a word boundary. Returns `None` when the
    /// window can decide nothing (a complex character or a long token right at `start`).
    /// With `notes_unspaced`, `Built::unspaced` also has the characters of the scripts
    /// written without spaces that the window decodes one by one: a search of the script
    /// ranges per Thai, Tibetan or Ethiopic character, which only waiting refiners need.
    #[inline]
    pub(super) fn build(
        &mut self,
        bytes: &[u8],
        start: usize,
        fold: Option<&WindowFold>,
        notes_unspaced: bool,
    ) -> Option<Built> {
        match self.lanes {
            #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
            // SAFETY: an `Avx512` exists only where the CPU has the features.
            WindowLanes::Avx512(lanes) => unsafe {
                self.build_avx512(lanes, bytes, start, fold, notes_unspaced)
            },
            #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
            WindowLanes::Sse2 => self.build_with(Sse2, bytes, start, fold, notes_unspaced),
            WindowLanes::Portable => self.build_with(Portable, bytes, start, fold, notes_unspaced),
        }
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
        notes_unspaced: bool,
    ) -> Option<Built> {
        self.build_with(lanes, bytes, start, fold, notes_unspaced)
    }

    /// Drops the runs not yet handed out (the text they are in is read again).
    pub(super) fn drop_runs(&mut self) {
        self.starts = 0;
        self.held = 0;
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
        // A token cut out of a run (a CJK bigram, a dictionary word) may end or start at a
        // joiner the window kept as inside a word; the normalizer trims it from a token's
        // edge (`한국\u{200C}` of `한국\u{200C}보` is `한국`).
        if is_joiner(
            bytes
                .get(bytes.len().saturating_sub(3)..)
                .unwrap_or_default(),
        ) || is_joiner(bytes.get(..3).unwrap_or_default())
        {
            return None;
        }
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: `lower` holds the window's bytes with ASCII letters lowercased and some whole
        // characters replaced by characters of the same total length, so a range that starts
        // and ends at character boundaries of the text (the caller's promise) is UTF-8 in it
        // too.
        Some(unsafe { std::str::from_utf8_unchecked(bytes) })
    }
}
