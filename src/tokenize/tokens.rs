//! The tokenizer's loop: [`Tokens`], which finds tokens 64 bytes at a time with windows
//! where it can and with the rule-by-rule segmenter where it cannot, and hands them out with
//! what it learnt of them on the way ([`RawToken`]).

use super::ascii::{self, ASCII_WORD, skip_ascii_gap};
use super::refine::{self, Pending, PendingSlot, Refiners};
use super::segment::{
    CONNECTOR_AT_EDGE, OUTSIDE_WORD_HEAD, REGIONAL_INDICATOR, SegmentFlags, begins_no_word,
    segment_end, segment_start_at_or_before,
};
use super::window::{self, Window};
use super::{Span, Token, TokenKind};
use crate::fold::WindowFold;
use crate::unicode::utf8::{char_start_before, decode};
use crate::unicode::{ALPHABETIC, EXT_PICT, NUMERIC, WB_MASK, props, unspaced_script, wb};

/// What the options ask of the loop.
#[derive(Clone, Copy, Debug)]
pub(super) struct Options {
    /// The options that refine word tokens (see `refine`), in order.
    pub(super) refiners: Refiners,
    /// The refiners of the CJK modes, appended to `refiners` when the loop first meets a
    /// character of their scripts (see [`Tokens::arm`]): until then they would leave every
    /// token as it is, and text without such characters (most text) keeps the fastest path.
    pub(super) unspaced: Refiners,
    /// Emoji are tokens.
    pub(super) emoji: bool,
}

/// Iterator over the tokens of a text; see [`Tokenizer::tokens`](super::Tokenizer::tokens).
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
    pub(super) options: Options,
    pub(super) pending: PendingSlot,
    /// A word token read ahead (by a refiner collecting a run) and put back.
    lookahead: Option<RawToken>,
    /// Where the last token that spans several segments (a URL, an address, a tag) ended:
    /// the text before belongs to a token already made.
    pub(super) skipped_to: usize,
    /// Tokens found 64 bytes at a time (see `window.rs`).
    window: Window,
    /// How windows fold their text, when the tokens are normalized as they come.
    fold: Option<WindowFold>,
    /// Before this position the rule-by-rule segmenter works, not the window: text where
    /// windows keep stopping at characters they cannot take (marks, ideographs, ...).
    scalar_until: usize,
    /// How far the segmenter goes after the next stopped window; grows while windows keep
    /// stopping early, so that such text does not pay for windows that achieve little.
    scalar_span: usize,
}

impl<'a> Tokens<'a> {
    pub(super) fn new(text: &'a str, options: Options) -> Tokens<'a> {
        Tokens {
            text,
            pos: 0,
            options,
            pending: PendingSlot(Pending::from_thread()),
            lookahead: None,
            skipped_to: 0,
            window: Window::default(),
            fold: None,
            scalar_until: 0,
            scalar_span: MIN_SCALAR_SPAN,
        }
    }
}

const MIN_SCALAR_SPAN: usize = 16;
const MAX_SCALAR_SPAN: usize = 1024;

/// A token as the tokenizer's loop finds it, with what it learnt of it on the way.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawToken {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
    /// For words and numbers: whether the token is all ASCII and whether it has an ASCII
    /// capital, which lets normalization skip its own scan.
    pub(crate) flags: SegmentFlags,
}

impl RawToken {
    /// The token is ASCII (and no special token, whose flags are not tracked).
    #[inline]
    pub(crate) fn is_ascii(&self) -> bool {
        self.flags & ascii::NON_ASCII == 0
            && matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// The token has an ASCII capital letter.
    #[inline]
    pub(crate) fn has_ascii_upper(&self) -> bool {
        self.flags & ascii::ASCII_UPPER != 0
    }
}

impl<'a> Tokens<'a> {
    /// The next token with its flags.
    #[inline(always)]
    pub(crate) fn next_raw(&mut self) -> Option<RawToken> {
        // The hot path: the next run of the current window. (With refiners, every token goes
        // through them: the window holds its runs back, see `Window::pop_held`.)
        if let Some(token) = self.window.pop() {
            return Some(token);
        }
        self.next_raw_slow()
    }

    #[inline]
    pub(crate) fn next_raw_slow(&mut self) -> Option<RawToken> {
        if let Some(token) = self.pending.pop() {
            return Some(token);
        }
        if self.options.refiners.is_empty() {
            // Returned as it comes: copying the token through a local first cost a
            // store-forwarding stall per token (its kind and flags written as bytes, read back
            // as a word). (Should this find the first character of the CJK modes' scripts,
            // `find_word_segment` refines the token itself: see `arm`.)
            debug_assert!(self.lookahead.is_none(), "only refiners put tokens back");
            return self.find_word_segment();
        }
        self.next_refined()
    }

    /// The next token, through the refiners.
    fn next_refined(&mut self) -> Option<RawToken> {
        loop {
            let segment = self.next_word_segment()?;
            if let Some(token) = refine::refine(self, segment) {
                return Some(token);
            }
        }
    }

    /// Appends the CJK modes' refiners to the others, for the rest of the text (see
    /// `Options::unspaced`): every token the loop hands out from now on goes through them
    /// (those before held no character of their scripts, which these refiners would have
    /// left as they were). Returns whether there were no refiners before: then the caller,
    /// `find_word_segment`, was called by [`next_raw_slow`](Self::next_raw_slow) to return its
    /// segment as it is, and must refine it itself. (With other refiners, the caller is
    /// their loop, which will refine the segment.)
    #[cold]
    fn arm(&mut self) -> bool {
        let had_none = self.options.refiners.is_empty();
        for refiner in std::mem::take(&mut self.options.unspaced).into_iter() {
            self.options.refiners.push(refiner);
        }
        had_none
    }

    /// Puts back a word token read ahead: the next one [`next_word_segment`] gives.
    ///
    /// [`next_word_segment`]: Self::next_word_segment
    pub(super) fn put_back(&mut self, token: RawToken) {
        debug_assert!(self.lookahead.is_none());
        self.lookahead = Some(token);
    }

    /// Drops the tokens before `end` (a word boundary: the end of a URL or an e-mail address
    /// that spans them); tokenizing goes on from there.
    pub(super) fn skip_to(&mut self, end: usize) {
        self.skipped_to = end;
        self.lookahead = None;
        self.window.drop_runs();
        self.pos = end;
    }

    /// The next segment that is a token before the options: a word, a number, or with
    /// [`Tokenizer::emoji`](super::Tokenizer::emoji), an emoji.
    #[inline]
    pub(super) fn next_word_segment(&mut self) -> Option<RawToken> {
        if let Some(token) = self.lookahead.take() {
            return Some(token);
        }
        self.find_word_segment()
    }

    /// [`next_word_segment`](Self::next_word_segment) but for a token put back, which only
    /// refiners do: without refiners, the loop calls this directly (the look at the token
    /// put back cost 2 % of tokenizing Latin text).
    #[inline]
    fn find_word_segment(&mut self) -> Option<RawToken> {
        let bytes = self.text.as_bytes();
        // (Asked once a window, not once a token.)
        let refining = !self.options.refiners.is_empty();
        loop {
            let token = if refining {
                self.window.pop_held()
            } else {
                self.window.pop()
            };
            if token.is_some() {
                return token;
            }
            if self.pos >= bytes.len() {
                return None;
            }
            if self.pos >= self.scalar_until {
                // Windows note the characters that arm the CJK modes' refiners only while
                // some wait.
                let notes = !self.options.unspaced.is_empty();
                if let Some(built) = self
                    .window
                    .build(bytes, self.pos, self.fold.as_ref(), notes)
                {
                    self.pos = built.next;
                    match built.complex_at {
                        Some(at) => self.leave_to_the_rules(at),
                        None => self.scalar_span = MIN_SCALAR_SPAN,
                    }
                    if built.unspaced != 0 && !self.options.unspaced.is_empty() && self.arm() {
                        return self.next_refined();
                    }
                    continue;
                }
                self.leave_to_the_rules(self.pos);
            }
            let mut start = self.pos;
            let b = bytes[start];
            if b < 0x80 && !ASCII_WORD[b as usize] {
                // ASCII spaces and punctuation are segments of their own (or runs of spaces,
                // or CR LF) and never words: skip them all at once.
                let next = skip_ascii_gap(bytes, start);
                if next >= bytes.len() {
                    self.pos = bytes.len();
                    return None;
                }
                if next < self.scalar_until
                    && bytes[start..next].contains(&b'\n')
                    && !window::leaves_to_the_rules(bytes, next)
                {
                    // A new line may be in another script (multilingual text is often
                    // multilingual line by line): unless it starts in a script that windows
                    // leave to the rules, let windows try again at once.
                    self.scalar_until = next;
                }
                // A mark, format character or ZWJ attaches to the last of them (WB4), and a
                // wide space to a run of spaces (WB3d): then the rules start from that one.
                let joins_gap = bytes[next] >= 0x80
                    && wb::is(
                        props(decode(bytes, next).0) & WB_MASK,
                        wb::IGNORABLE | wb::set(&[wb::WSEG_SPACE]),
                    );
                start = if joins_gap {
                    segment_start_at_or_before(bytes, next - 1, start)
                } else {
                    next
                };
            }
            let (mut end, mut flags) = segment_end(bytes, start);
            self.pos = end;
            // What UAX #29 may have joined to a word that is no part of it (`word_within`).
            let head_outside = flags & OUTSIDE_WORD_HEAD != 0;
            let joined_at_edge = flags & (OUTSIDE_WORD_HEAD | CONNECTOR_AT_EDGE) != 0;
            flags &= !(OUTSIDE_WORD_HEAD | CONNECTOR_AT_EDGE);
            if joined_at_edge && flags & (ALPHABETIC | NUMERIC) != 0 {
                let emoji = self.options.emoji && flags & (EXT_PICT | REGIONAL_INDICATOR) != 0;
                if head_outside && emoji {
                    // A mark on an emoji (`🇴🇲` and a vowel sign) leaves it an emoji.
                    flags &= !(ALPHABETIC | NUMERIC);
                } else {
                    match word_within(bytes, start, end) {
                        Some(word) => (start, end) = word,
                        None => continue,
                    }
                }
            }
            let kind = if flags & ALPHABETIC != 0 {
                TokenKind::Word
            } else if flags & NUMERIC != 0 {
                TokenKind::Number
            } else if self.options.emoji
                && (flags & (EXT_PICT | REGIONAL_INDICATOR) != 0
                    || is_symbol_keycap(&bytes[start..end]))
            {
                // UAX #29 joins a space or a symbol and the ZWJ after it to the pictograph
                // that follows (WB3c, WB4): the emoji starts at the pictograph.
                if flags & (EXT_PICT | REGIONAL_INDICATOR) != 0 {
                    start = emoji_start(bytes, start, end);
                }
                TokenKind::Emoji
            } else {
                continue;
            };
            let token = RawToken {
                start,
                end,
                kind,
                flags,
            };
            if flags & ascii::NON_ASCII != 0
                && !self.options.unspaced.is_empty()
                && self
                    .text
                    .get(start..end)
                    .is_some_and(|token| token.chars().any(|c| unspaced_script(c) != 0))
                && self.arm()
            {
                return refine::refine(self, token).or_else(|| self.next_refined());
            }
            return Some(token);
        }
    }

    /// Lets the rule-by-rule segmenter work from `at` on for a while, longer each time in a
    /// row that windows stop early.
    #[inline]
    fn leave_to_the_rules(&mut self, at: usize) {
        self.scalar_until = at + self.scalar_span;
        self.scalar_span = (self.scalar_span * 2).min(MAX_SCALAR_SPAN);
    }

    /// The CJK modes' refiners at work from the first token (see `Options::unspaced`).
    #[cfg(test)]
    pub(super) fn armed_from_the_start(mut self) -> Self {
        let _ = self.arm();
        self
    }

    /// The same tokens from windows built without AVX-512, as on a CPU without it.
    #[cfg(test)]
    pub(super) fn with_portable_lanes(mut self) -> Self {
        self.window = Window::with_lanes(crate::arch::WindowLanes::Portable);
        self
    }

    /// The same tokens from windows built without AVX-512, as on a CPU without it.
    #[cfg(test)]
    pub(super) fn without_avx512(mut self) -> Self {
        self.window = Window::with_lanes(crate::arch::WindowLanes::sse2());
        self
    }

    /// Folds the text of the windows to come with `fold` (none: windows do not fold), so
    /// that [`window_folded`](Self::window_folded) finds most terms made.
    pub(crate) fn fold_with(&mut self, fold: Option<WindowFold>) {
        self.fold = fold;
        self.window.forget_folding();
    }

    /// The folded form of a word or number that the current window holds folded (see
    /// [`fold_with`](Self::fold_with)); `None` for other tokens, and for tokens the window
    /// did not settle, which the normalizer must fold on its own.
    ///
    /// # Safety
    ///
    /// `raw` must have been found by this `Tokens` (its ends are then character boundaries
    /// of the text, which the window needs).
    #[inline]
    pub(crate) unsafe fn window_folded(&self, raw: &RawToken) -> Option<&str> {
        if !matches!(raw.kind, TokenKind::Word | TokenKind::Number) {
            return None;
        }
        debug_assert!(self.text.is_char_boundary(raw.start) && self.text.is_char_boundary(raw.end));
        // SAFETY: a raw token of this text starts and ends at character boundaries (the
        // caller's promise), which is what `Window::folded` needs.
        unsafe { self.window.folded(raw.start, raw.end) }
    }

    /// The token `raw` found by [`next_raw`](Self::next_raw) or
    /// [`next_raw_slow`](Self::next_raw_slow).
    ///
    /// # Safety
    ///
    /// `raw` must have been found by this `Tokens`.
    #[inline(always)]
    pub(crate) unsafe fn token(&self, raw: RawToken) -> Token<'a> {
        // SAFETY: the caller's promise is `token_in`'s.
        unsafe { token_in(self.text, raw) }
    }

    /// The next token of the window just built and, unless one of its characters was left
    /// unfolded, its folded form (see [`fold_with`](Self::fold_with)); else (`Err`) its raw
    /// form, whose flags the normalizer folds it with. The hot loop of the fused tokenize
    /// and fold, without a bounds check or a look at the window's range. `None` when the
    /// window has no token left (then [`next_raw_slow`](Self::next_raw_slow) goes on).
    #[inline(always)]
    pub(crate) fn pop_folded(&mut self) -> Option<(Token<'a>, Result<&str, RawToken>)> {
        // (With refiners, the window holds its runs back and this finds none: every token
        // goes through them.)
        let text = self.text;
        let (raw, folded) = self.window.pop_folded()?;
        // SAFETY: the window's runs are found in this text.
        let token = unsafe { token_in(text, raw) };
        // (An unfolded run's token has all its flags: see `Window::pop_folded`.)
        Some((token, folded.ok_or(raw)))
    }
}

/// The token `raw` stands for in `text`.
///
/// # Safety
///
/// `raw` must have been found in `text` by a [`Tokens`] (so that it starts and ends at
/// character boundaries of the text): at segment boundaries, which the segmenter only puts
/// between characters, or at `#`, `@` and URL and e-mail ends, which are ASCII.
#[inline]
unsafe fn token_in(text: &str, raw: RawToken) -> Token<'_> {
    debug_assert!(text.is_char_boundary(raw.start) && text.is_char_boundary(raw.end));
    Token {
        // SAFETY: `raw` lies on character boundaries of the text (the caller's promise).
        text: unsafe { text.get_unchecked(raw.start..raw.end) },
        span: Span::ordered(raw.start, raw.end),
        kind: raw.kind,
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        let raw = self.next_raw()?;
        // SAFETY: `raw` was found in this text by this loop.
        Some(unsafe { token_in(self.text, raw) })
    }
}

/// Where the emoji of the segment `start..end` begins: at its first pictograph or regional
/// indicator (a segment that has one, so always before `end`).
fn emoji_start(bytes: &[u8], mut start: usize, end: usize) -> usize {
    while start < end {
        let (cp, len) = decode(bytes, start);
        let p = props(cp);
        if p & EXT_PICT != 0 || p & WB_MASK == wb::REGIONAL_INDICATOR {
            break;
        }
        start += len;
    }
    start
}

/// Whether `segment` is the keycap emoji of `#` or `*`: the symbol, the emoji variation
/// selector U+FE0F (which may be left out) and U+20E3 COMBINING ENCLOSING KEYCAP (`#️⃣`).
/// Its properties make it no word, number or pictograph, and no window takes a mark after a
/// symbol: it always comes here. (A digit's keycap, `9️⃣`, is the number its digit is, in
/// the windows as here: UAX #29 joins `1️⃣0️⃣` into one number.)
fn is_symbol_keycap(segment: &[u8]) -> bool {
    matches!(
        segment,
        [b'#' | b'*', 0xE2, 0x83, 0xA3] | [b'#' | b'*', 0xEF, 0xB8, 0x8F, 0xE2, 0x83, 0xA3]
    )
}

/// U+202F NARROW NO-BREAK SPACE, which UAX #29 lets into a word (ExtendNumLet, WB13a, WB13b).
const NARROW_NO_BREAK_SPACE: &[u8] = "\u{202F}".as_bytes();

/// The word within the segment `start..end`, which holds a letter or a digit: the segment
/// without what UAX #29 joined to its ends that is no part of a word, each such character
/// with the marks, format characters and joiners after it (WB4). `None` when no letter or
/// digit is left.
///
/// - At its head: white space, punctuation or a symbol ([`OUTSIDE_WORD_HEAD`]). A mark on a
///   space or a comma (` ุ`, a Thai vowel sign cut from its consonant, as text from PDF
///   files often has it; `،ً`) is a segment with a letter in it but no word: its term would
///   begin with a space or a comma. ICU gives such a segment no word status, and Lucene
///   makes no token of it. (Letters after it are kept: `,` ZWJ `ℹnfo`, which WB3c joins, is
///   `ℹnfo`.)
/// - At either end: U+202F. UAX #29 makes it part of a word for Mongolian, whose suffixes it
///   sets off (`ᠮᠣᠩᠭᠣᠯ` U+202F `ᠤᠨ` is one word), but French typography puts it inside
///   guillemets and before `:` `;` `!` `?`: `«` U+202F `Bonjour` U+202F `»` is one segment,
///   `dit` U+202F `:` another, and their terms would hold a space the same word typed
///   without it has not. Within a word it stays, as Unicode wants it.
#[inline]
fn word_within(bytes: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
    let (mut s, mut e) = (start, end);
    let mut cut = false;
    loop {
        let (cp, len) = decode(bytes, s);
        if !(bytes[s..e].starts_with(NARROW_NO_BREAK_SPACE) || begins_no_word(props(cp))) {
            break;
        }
        cut = true;
        s = after_ignorables(bytes, s + len, e);
        if s >= e {
            return None;
        }
    }
    loop {
        // The end without the marks, format characters and joiners that close it.
        let mut before = e;
        while before > s {
            let at = char_start_before(bytes, before);
            if !wb::is(props(decode(bytes, at).0) & WB_MASK, wb::IGNORABLE) {
                break;
            }
            before = at;
        }
        if !bytes[s..before].ends_with(NARROW_NO_BREAK_SPACE) {
            break;
        }
        cut = true;
        e = before - NARROW_NO_BREAK_SPACE.len();
    }
    let alnum = |at: usize| props(decode(bytes, at).0) & (ALPHABETIC | NUMERIC) != 0;
    let has_alnum = || (s..e).filter(|&at| bytes[at] & 0xC0 != 0x80).any(alnum);
    (s < e && (!cut || has_alnum())).then_some((s, e))
}

/// Where the marks, format characters and joiners from `at` on end (before `end`).
#[inline]
fn after_ignorables(bytes: &[u8], mut at: usize, end: usize) -> usize {
    while at < end {
        let (cp, len) = decode(bytes, at);
        if !wb::is(props(cp) & WB_MASK, wb::IGNORABLE) {
            break;
        }
        at += len;
    }
    at
}
