//! Tokenization: Unicode word boundaries (UAX #29, Unicode 17), zero-copy tokens with their
//! byte spans.
//!
//! ```
//! use wordmill::tokenize::{Tokenizer, TokenKind};
//!
//! let text = "Oman’s GDP grew 3.5% in 2024.";
//! let tokens: Vec<_> = Tokenizer::new().tokens(text).collect();
//! let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
//! assert_eq!(words, ["Oman’s", "GDP", "grew", "3.5", "in", "2024"]);
//! assert_eq!(tokens[3].kind, TokenKind::Number);
//! // Every token borrows from the input and knows where it came from.
//! assert_eq!(&text[tokens[0].span.range()], "Oman’s");
//! ```
//!
//! The boundaries are exactly those of Unicode's word-boundary rules (tested against every
//! line of Unicode 17's WordBreakTest), and the tokens are the segments with a letter or a
//! digit, as `unicode-segmentation`'s `unicode_word_indices` gives them. Options add tokens
//! those rules do not know: URLs, e-mail addresses, hashtags, @mentions, emoji, and CJK
//! bigrams.
//!
//! Speed comes from not asking the rules where they cannot matter: a run of letters and
//! digits never holds a boundary, so runs are consumed whole (ASCII sixteen bytes at a time)
//! and the rules are only consulted where a run ends. No token allocates.

mod props;
mod segment;
mod special;
mod tables;
mod window;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::normalize::{Folder, WindowFold};

pub(crate) use props::decode;
use props::{ALPHABETIC, ASCII_WORD, EXT_PICT, NUMERIC, WB_MASK, props, skip_ascii_gap, wb};
pub use segment::Segments;
use segment::{REGIONAL_INDICATOR, SegmentFlags, segment_end, segment_start_at_or_before};
use special::Pending;
#[cfg(all(test, target_arch = "x86_64"))]
pub(crate) use window::Avx512;
use window::Window;

/// A half-open byte range `start..end` in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The span as a range, to slice the original text with.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters, possibly with digits and inner punctuation: `Oman`, `Oman’s`, `e.g`, `G20`.
    Word,
    /// Digits with inner separators and no letters: `2024`, `3.14`, `1,000`, `٣٤٥`.
    Number,
    /// A URL: `https://example.com/a?b=c`, `www.example.com` ([`Tokenizer::urls`]).
    Url,
    /// An e-mail address: `info@example.com` ([`Tokenizer::emails`]).
    Email,
    /// A hashtag with its `#`: `#Oman2040` ([`Tokenizer::hashtags`]).
    Hashtag,
    /// A mention with its `@`: `@OmanVision` ([`Tokenizer::mentions`]).
    Mention,
    /// An emoji, with its modifiers and joined sequence: `👍🏽`, `🇴🇲` ([`Tokenizer::emoji`]).
    Emoji,
}

/// One token: a slice of the input, where it is, and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token<'a> {
    /// The token's text, borrowed from the input.
    pub text: &'a str,
    /// Where the token is in the input: `&input[token.span.range()] == token.text`.
    pub span: Span,
    /// Word, number, ...
    pub kind: TokenKind,
}

/// How scripts written without spaces (Chinese, Japanese) become tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum CjkMode {
    /// As UAX #29 says: one token per Han ideograph and per hiragana, katakana runs whole.
    /// Thai, Lao, Khmer and Myanmar likewise come out one character (with its marks) at a time.
    #[default]
    Characters,
    /// Overlapping pairs of adjacent Han, hiragana, katakana and hangul characters, and a
    /// lone character alone, as Lucene's CJKBigramFilter makes them: `東京都` → `東京`, `京都`.
    Bigrams,
    /// Words found with dictionaries (ICU4X's `icu_segmenter`) in runs of Chinese, Japanese,
    /// Thai, Lao, Khmer and Myanmar: `東京都に住む` → `東京`, `都`, `に`, `住む`. Needs the
    /// `icu` cargo feature.
    #[cfg(feature = "icu")]
    Dictionary,
}

/// Splits text into tokens at Unicode word boundaries (UAX #29).
///
/// Spaces, punctuation and symbols are not tokens. By default the tokens are the words and
/// numbers, exactly as UAX #29 bounds them; the options recognize more kinds:
///
/// ```
/// use wordmill::tokenize::{Tokenizer, TokenKind};
///
/// let tokenizer = Tokenizer::new().urls(true).emails(true).hashtags(true).mentions(true).emoji(true);
/// let text = "Read https://omannews.om/a?id=7 or mail desk@omannews.om #Oman2040 @MOFAOman 👍🏽";
/// let kinds: Vec<(&str, TokenKind)> = tokenizer.tokens(text).map(|t| (t.text, t.kind)).collect();
/// assert_eq!(kinds, [
///     ("Read", TokenKind::Word),
///     ("https://omannews.om/a?id=7", TokenKind::Url),
///     ("or", TokenKind::Word),
///     ("mail", TokenKind::Word),
///     ("desk@omannews.om", TokenKind::Email),
///     ("#Oman2040", TokenKind::Hashtag),
///     ("@MOFAOman", TokenKind::Mention),
///     ("👍🏽", TokenKind::Emoji),
/// ]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tokenizer {
    urls: bool,
    emails: bool,
    hashtags: bool,
    mentions: bool,
    emoji: bool,
    cjk: CjkMode,
}

impl Tokenizer {
    /// A tokenizer with the default options: words and numbers only, UAX #29 exactly.
    pub fn new() -> Tokenizer {
        Tokenizer::default()
    }

    /// URLs with a scheme (`https://`, `http://`, `ftp://`, `mailto:`) or starting with
    /// `www.` become one [`TokenKind::Url`] token, without trailing punctuation and closing
    /// brackets they did not open (default off).
    pub fn urls(mut self, on: bool) -> Self {
        self.urls = on;
        self
    }

    /// E-mail addresses become one [`TokenKind::Email`] token (default off).
    pub fn emails(mut self, on: bool) -> Self {
        self.emails = on;
        self
    }

    /// `#` followed by a word, not preceded by a letter or digit (`C#` is not a hashtag),
    /// becomes one [`TokenKind::Hashtag`] token including the `#` (default off).
    pub fn hashtags(mut self, on: bool) -> Self {
        self.hashtags = on;
        self
    }

    /// `@` followed by a word, not preceded by a letter or digit, becomes one
    /// [`TokenKind::Mention`] token including the `@` (default off).
    pub fn mentions(mut self, on: bool) -> Self {
        self.mentions = on;
        self
    }

    /// Emoji (pictographs and flags, with their modifiers and ZWJ sequences) become
    /// [`TokenKind::Emoji`] tokens (default off: they are not words).
    pub fn emoji(mut self, on: bool) -> Self {
        self.emoji = on;
        self
    }

    /// How Chinese and Japanese become tokens (default [`CjkMode::Characters`]).
    pub fn cjk(mut self, mode: CjkMode) -> Self {
        self.cjk = mode;
        self
    }

    /// The tokens of `text`, in order.
    pub fn tokens<'a>(&self, text: &'a str) -> Tokens<'a> {
        let specials = self.urls || self.emails || self.hashtags || self.mentions;
        #[cfg(feature = "icu")]
        let dictionary = self.cjk == CjkMode::Dictionary;
        #[cfg(not(feature = "icu"))]
        let dictionary = false;
        let bigrams = self.cjk == CjkMode::Bigrams;
        // The options find tokens across segments and move the position themselves: they
        // work with the segmenter only.
        let refines = specials || bigrams || dictionary;
        Tokens {
            text,
            pos: 0,
            options: Options {
                refines,
                specials,
                urls: self.urls,
                emails: self.emails,
                hashtags: self.hashtags,
                mentions: self.mentions,
                emoji: self.emoji,
                bigrams,
                #[cfg(feature = "icu")]
                dictionary,
            },
            pending: Pending::default(),
            window: Window::default(),
            fold: None,
            scalar_until: if refines { usize::MAX } else { 0 },
            scalar_span: MIN_SCALAR_SPAN,
        }
    }

    /// Calls `f` with each token of `text` and its normalized form, the term
    /// `normalizer.normalize(token.text, lang)` gives, in one pass: the tokenizer's windows
    /// fold their text as they find tokens, so most terms are slices of a folded window and
    /// cost next to nothing; the others are normalized into a buffer reused from token to
    /// token (only tokens that need Unicode composition, and diacritic stripping, allocate).
    ///
    /// ```
    /// use wordmill::normalize::Normalizer;
    /// use wordmill::tokenize::Tokenizer;
    /// use wordmill::Lang;
    ///
    /// let mut terms = Vec::new();
    /// Tokenizer::new().for_each_normalized("Oman’s GDP, ΣΥΝΟΜΙΛΙΕΣ", &Normalizer::new(), Lang::UND, |token, term| {
    ///     terms.push((token.text.to_owned(), term.to_owned()));
    /// });
    /// assert_eq!(terms[0], ("Oman’s".to_owned(), "oman's".to_owned()));
    /// assert_eq!(terms[1].1, "gdp");
    /// assert_eq!(terms[2].1, "συνομιλιεσ");
    /// ```
    pub fn for_each_normalized<'t>(
        &self,
        text: &'t str,
        normalizer: &crate::normalize::Normalizer,
        lang: crate::Lang,
        f: impl FnMut(Token<'t>, &str),
    ) {
        Self::normalize_tokens(self.tokens(text), normalizer, lang, f);
    }

    /// [`for_each_normalized`](Self::for_each_normalized) for tokens already made.
    fn normalize_tokens<'t>(
        mut tokens: Tokens<'t>,
        normalizer: &crate::normalize::Normalizer,
        lang: crate::Lang,
        mut f: impl FnMut(Token<'t>, &str),
    ) {
        let mut buffer = String::new();
        if normalizer.strips_diacritics() {
            while let Some(raw) = tokens.next_raw() {
                let token = tokens.token(raw);
                f(
                    token,
                    normalizer.normalize_to(token.text, lang, &mut buffer),
                );
            }
            return;
        }
        let folder = normalizer.folder(lang);
        tokens.fold_with(&folder);
        while let Some(raw) = tokens.next_raw_slow() {
            let token = tokens.token(raw);
            f(token, tokens.folded_form(&raw, &folder, &mut buffer));
            // The hot loop: the other tokens of the window just built, most of them folded
            // with it (none when the folder cannot fold windows: Turkic I, no case folding).
            while let Some((raw, run)) = tokens.window.pop_with_run() {
                let token = tokens.token(raw);
                let term = match tokens.window.folded_run(&raw, run) {
                    Some(folded) => folded,
                    None => folder.fold_token(
                        token.text,
                        raw.is_ascii(),
                        raw.has_ascii_upper(),
                        &mut buffer,
                    ),
                };
                f(token, term);
            }
        }
    }

    /// Every word-boundary segment of `text`, words, spaces and punctuation alike, with its
    /// byte offset: the raw UAX #29 segmentation the tokens are taken from.
    ///
    /// ```
    /// let segments: Vec<(usize, &str)> = wordmill::tokenize::Tokenizer::segments("Hi, all").collect();
    /// assert_eq!(segments, [(0, "Hi"), (2, ","), (3, " "), (4, "all")]);
    /// ```
    pub fn segments(text: &str) -> Segments<'_> {
        Segments::new(text)
    }
}

#[derive(Clone, Copy, Debug)]
struct Options {
    /// Some option changes the segments into other tokens (`special::refine`).
    refines: bool,
    specials: bool,
    urls: bool,
    emails: bool,
    hashtags: bool,
    mentions: bool,
    emoji: bool,
    bigrams: bool,
    #[cfg(feature = "icu")]
    dictionary: bool,
}

/// Iterator over the tokens of a text; see [`Tokenizer::tokens`].
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    options: Options,
    pending: Pending,
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

const MIN_SCALAR_SPAN: usize = 16;
const MAX_SCALAR_SPAN: usize = 1024;

/// A token as the tokenizer's loop finds it, with what it learnt of it on the way.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawToken {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// For words and numbers: whether the token is all ASCII and whether it has an ASCII
    /// capital, which lets normalization skip its own scan.
    pub flags: SegmentFlags,
}

impl RawToken {
    /// The token is ASCII (and no special token, whose flags are not tracked).
    #[inline]
    pub(crate) fn is_ascii(&self) -> bool {
        self.flags & props::NON_ASCII == 0
            && matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// The token has an ASCII capital letter.
    #[inline]
    pub(crate) fn has_ascii_upper(&self) -> bool {
        self.flags & props::ASCII_UPPER != 0
    }
}

impl<'a> Tokens<'a> {
    /// The next token with its flags.
    #[inline(always)]
    pub(crate) fn next_raw(&mut self) -> Option<RawToken> {
        // The hot path: the next run of the current window. (With options on, no window is
        // ever built and this is `None`.)
        if let Some(token) = self.window.pop() {
            return Some(token);
        }
        self.next_raw_slow()
    }

    #[inline]
    fn next_raw_slow(&mut self) -> Option<RawToken> {
        if let Some(token) = self.pending.pop() {
            return Some(token);
        }
        if !self.options.refines {
            // Returned as it comes: copying the token through a local first cost a
            // store-forwarding stall per token (its kind and flags written as bytes, read back
            // as a word).
            return self.next_word_segment();
        }
        loop {
            let segment = self.next_word_segment()?;
            if let Some(token) = special::refine(self, segment) {
                return Some(token);
            }
        }
    }

    /// The next segment that is a token before the options: a word, a number, or with
    /// [`Tokenizer::emoji`], an emoji.
    #[inline]
    fn next_word_segment(&mut self) -> Option<RawToken> {
        let bytes = self.text.as_bytes();
        loop {
            if let Some(token) = self.window.pop() {
                return Some(token);
            }
            if self.pos >= bytes.len() {
                return None;
            }
            if self.pos >= self.scalar_until {
                if let Some(built) = self.window.build(bytes, self.pos, self.fold.as_ref()) {
                    self.pos = built.next;
                    match built.complex_at {
                        Some(at) => self.leave_to_the_rules(at),
                        None => self.scalar_span = MIN_SCALAR_SPAN,
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
                    && !self.options.refines
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
            let (end, flags) = segment_end(bytes, start);
            self.pos = end;
            let kind = if flags & ALPHABETIC != 0 {
                TokenKind::Word
            } else if flags & NUMERIC != 0 {
                TokenKind::Number
            } else if self.options.emoji && flags & (EXT_PICT | REGIONAL_INDICATOR) != 0 {
                TokenKind::Emoji
            } else {
                continue;
            };
            return Some(RawToken {
                start,
                end,
                kind,
                flags,
            });
        }
    }

    /// Lets the rule-by-rule segmenter work from `at` on for a while, longer each time in a
    /// row that windows stop early.
    #[inline]
    fn leave_to_the_rules(&mut self, at: usize) {
        self.scalar_until = at + self.scalar_span;
        self.scalar_span = (self.scalar_span * 2).min(MAX_SCALAR_SPAN);
    }

    /// The same tokens from windows built without AVX-512, as on a CPU without it.
    #[cfg(test)]
    fn without_avx512(mut self) -> Self {
        self.window = Window::without_avx512();
        self
    }

    /// Folds the text of the windows to come as `folder` does, so that [`folded_form`]
    /// finds most terms made (see `Window::lower`).
    ///
    /// [`folded_form`]: Self::folded_form
    pub(crate) fn fold_with(&mut self, folder: &Folder<'_>) {
        self.fold = folder.window_fold();
        self.window.forget_folding();
    }

    /// The token case-folded and normalized (diacritic removal aside): made with its window
    /// when the window could (see [`fold_with`](Self::fold_with)), else by the folder, which
    /// learns from the token's flags whether it is ASCII and has capitals.
    #[inline]
    pub(crate) fn folded_form<'s>(
        &'s self,
        raw: &RawToken,
        folder: &Folder<'_>,
        buffer: &'s mut String,
    ) -> &'s str {
        if let Some(folded) = self.window_folded(raw) {
            return folded;
        }
        let word = &self.text[raw.start..raw.end];
        folder.fold_token(word, raw.is_ascii(), raw.has_ascii_upper(), buffer)
    }

    /// The folded form of a word or number that the current window holds folded (see
    /// [`fold_with`](Self::fold_with)); `None` for other tokens.
    #[inline]
    fn window_folded(&self, raw: &RawToken) -> Option<&str> {
        if !matches!(raw.kind, TokenKind::Word | TokenKind::Number) {
            return None;
        }
        self.window.folded(raw.start, raw.end)
    }

    #[inline]
    fn token(&self, raw: RawToken) -> Token<'a> {
        debug_assert!(self.text.is_char_boundary(raw.start) && self.text.is_char_boundary(raw.end));
        Token {
            // SAFETY: tokens start and end where characters do: at segment boundaries, which
            // the segmenter only puts between characters, or at `#`, `@` and URL and e-mail
            // ends, which are ASCII.
            text: unsafe { self.text.get_unchecked(raw.start..raw.end) },
            span: Span::new(raw.start, raw.end),
            kind: raw.kind,
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        let raw = self.next_raw()?;
        Some(self.token(raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of text for the properties below: several scripts, cases and folds, marks,
    /// mid-word punctuation, complex characters, line breaks.
    const PIECES: &[&str] = &[
        "Oman",
        "ÉTÉ",
        "été",
        " ",
        ", ",
        ".",
        "'",
        "’",
        "\n",
        "42",
        "3.14",
        "_",
        "Ж",
        "Ёлка",
        "السلطان",
        "أ",
        "ً",
        "١٢",
        "می‌شود",
        "می‌",
        "\u{200C}",
        "שָׁלוֹם",
        "Ἀθῆναι",
        "ΣΟΦΙΑ",
        "Việt",
        "Ệ",
        "東京",
        "テレビ",
        "한국",
        "ภาษา",
        "नमस्ते",
        "İstanbul",
        "ﬁ",
        "Ａ",
        "\u{301}",
        "\u{200D}",
        "🙂",
        "🇴🇲",
        "—",
        "\u{A0}",
        "\r\n",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Tokens and fused terms are the same whether windows use AVX-512 or not (on a CPU
        /// with AVX-512 both paths run here; elsewhere both are the one path).
        #[test]
        fn tokens_and_terms_do_not_depend_on_avx512(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 1..120),
            which in 0..4usize,
        ) {
            let text = pieces.concat();
            let tokenizer = Tokenizer::new();
            let spans = |tokens: Tokens<'_>| tokens.map(|t| t.span).collect::<Vec<_>>();
            prop_assert_eq!(
                spans(tokenizer.tokens(&text)),
                spans(tokenizer.tokens(&text).without_avx512())
            );
            let normalizer = crate::normalize::Normalizer::new();
            let language = lang(["und", "ara", "tur", "vie"][which]);
            let terms = |tokens: Tokens<'_>| {
                let mut terms = Vec::new();
                Tokenizer::normalize_tokens(tokens, &normalizer, language, |token, term| {
                    terms.push((token.span, term.to_owned()));
                });
                terms
            };
            let fused = terms(tokenizer.tokens(&text));
            prop_assert_eq!(&fused, &terms(tokenizer.tokens(&text).without_avx512()));
            // And both are what normalizing each token on its own gives.
            let one_by_one: Vec<(Span, String)> = tokenizer
                .tokens(&text)
                .map(|t| (t.span, normalizer.normalize(t.text, language).into_owned()))
                .collect();
            prop_assert_eq!(fused, one_by_one);
        }
    }

    fn texts(text: &str) -> Vec<(&str, TokenKind)> {
        Tokenizer::new()
            .tokens(text)
            .map(|t| (t.text, t.kind))
            .collect()
    }

    fn word_texts(text: &str) -> Vec<&str> {
        texts(text).into_iter().map(|t| t.0).collect()
    }

    fn words(tokenizer: &Tokenizer, text: &str) -> Vec<String> {
        tokenizer.tokens(text).map(|t| t.text.to_owned()).collect()
    }

    #[test]
    fn splits_on_spaces_and_punctuation() {
        let got = word_texts("Hello, world! (Again.)");
        assert_eq!(got, ["Hello", "world", "Again"]);
    }

    #[test]
    fn keeps_apostrophes_and_decimal_points_inside() {
        assert_eq!(
            texts("Oman’s 3.14 1,000 can't U.S. e.g."),
            [
                ("Oman’s", TokenKind::Word),
                ("3.14", TokenKind::Number),
                ("1,000", TokenKind::Number),
                ("can't", TokenKind::Word),
                ("U.S", TokenKind::Word),
                ("e.g", TokenKind::Word),
            ]
        );
    }

    #[test]
    fn dashes_separate_words() {
        let got = word_texts("Oman–Dagestan Oman-Russia");
        assert_eq!(got, ["Oman", "Dagestan", "Oman", "Russia"]);
    }

    #[test]
    fn arabic_indic_digits_are_numbers() {
        assert_eq!(
            texts("٣٤٥ ١٬٠٠٠"),
            [("٣٤٥", TokenKind::Number), ("١٬٠٠٠", TokenKind::Number)]
        );
    }

    #[test]
    fn arabic_words_keep_their_harakat() {
        let got = word_texts("سلطنة عُمان، وروسيا");
        assert_eq!(got, ["سلطنة", "عُمان", "وروسيا"]);
    }

    /// Repeats `text` past the 64-byte windows, so that both the windows and the rules see it.
    fn repeated(text: &str) -> Vec<String> {
        let long = format!("{text} ").repeat(8);
        let all: Vec<String> = texts(&long).into_iter().map(|t| t.0.to_owned()).collect();
        let one: Vec<String> = texts(text).into_iter().map(|t| t.0.to_owned()).collect();
        assert_eq!(
            all,
            one.iter()
                .cycle()
                .take(8 * one.len())
                .cloned()
                .collect::<Vec<_>>(),
            "{text}"
        );
        one
    }

    #[test]
    fn marks_belong_to_the_letter_before_them() {
        assert_eq!(repeated("नमस्ते दुनिया"), ["नमस्ते", "दुनिया"]);
        assert_eq!(repeated("ภาษาไทย"), ["ภ", "า", "ษ", "า", "ไ", "ท", "ย"]);
        assert_eq!(repeated("ที่นี่"), ["ที่", "นี่"]); // Thai letters keep their marks
        assert_eq!(repeated("می‌خواهم"), ["می‌خواهم"]); // ZWNJ inside a Persian word
        assert_eq!(repeated("co\u{AD}operate"), ["co\u{AD}operate"]); // soft hyphen
        assert_eq!(repeated("l\u{301}'a"), ["l\u{301}'a"]); // the mark is seen through (WB4)
    }

    #[test]
    fn hebrew_quotes_follow_the_hebrew_rules() {
        // An apostrophe after a Hebrew letter belongs to the word (WB7a); a double quote
        // between Hebrew letters joins them (WB7b, WB7c): acronyms such as צה"ל.
        assert_eq!(repeated("ג'ירפה"), ["ג'ירפה"]);
        assert_eq!(repeated("שלום' עולם"), ["שלום'", "עולם"]);
        assert_eq!(repeated("צה\"ל"), ["צה\"ל"]);
        assert_eq!(repeated("צה״ל"), ["צה״ל"]);
        assert_eq!(repeated("שָׁלוֹם' \"א\""), ["שָׁלוֹם'", "א"]);
    }

    #[test]
    fn han_is_one_token_per_character_and_katakana_runs_are_whole() {
        let got = word_texts("阿曼苏丹国");
        assert_eq!(got, ["阿", "曼", "苏", "丹", "国"]);
        let got = word_texts("オマーンの首都");
        assert_eq!(got, ["オマーン", "の", "首", "都"]);
    }

    #[test]
    fn empty_and_blank_text_have_no_tokens() {
        assert!(texts("").is_empty());
        assert!(texts(" \n\t ... \r\n  ").is_empty());
    }

    #[test]
    fn a_mark_after_punctuation_stays_with_it() {
        // U+064B (fathatan) is alphabetic and attaches to the comma before it (WB4), so the
        // segment ",ً" holds a letter and is a token, as unicode_word_indices has it.
        assert_eq!(word_texts("a ,\u{64B} b"), ["a", ",\u{64B}", "b"]);
        assert_eq!(texts("a  \u{64B}")[1].0, "  \u{64B}");
    }

    #[test]
    fn zwj_before_a_pictograph_joins_as_unicode_says() {
        // WB3c: no break between ZWJ and an Extended_Pictographic.
        assert_eq!(texts("a\u{200D}🛑")[0].0, "a\u{200D}🛑");
    }

    #[test]
    fn spans_slice_the_input() {
        let text = "  Muscat, 12 نوفمبر 2025 \u{1F600} e\u{301}t\u{e9}";
        for token in Tokenizer::new().tokens(text) {
            assert_eq!(&text[token.span.range()], token.text);
        }
    }

    /// Characters that fold to shorter ones (`’` → `'`, Arabic-Indic digits, full-width
    /// letters), which windows leave to the normalizer, give the terms of normalizing.
    #[test]
    fn characters_that_fold_to_shorter_ones_give_their_terms() {
        let text = "l’homme d’État ٢٠٢٥ Ｏｍａｎ’s ﬁnal";
        for without_avx512 in [false, true] {
            let mut tokens = Tokenizer::new().tokens(text);
            if without_avx512 {
                tokens = tokens.without_avx512();
            }
            let mut terms = Vec::new();
            let normalizer = crate::normalize::Normalizer::new();
            Tokenizer::normalize_tokens(tokens, &normalizer, lang("fra"), |_, term| {
                terms.push(term.to_owned());
            });
            assert_eq!(terms, ["l'homme", "d'état", "2025", "oman's", "final"]);
        }
    }

    /// The pipeline changes the folding where the language changes, possibly inside a
    /// window: the tokens still to come are folded the new way.
    #[test]
    fn a_change_of_folding_applies_to_the_rest_of_the_window() {
        use crate::normalize::Normalizer;
        let normalizer = Normalizer::new();
        let (arabic, persian) = (
            normalizer.folder(lang("ara")),
            normalizer.folder(lang("pes")),
        );
        let text = "الوزير يلتقي الوزير";
        let mut tokens = Tokenizer::new().tokens(text);
        let mut buffer = String::new();
        tokens.fold_with(&arabic);
        let first = tokens.next_raw().unwrap();
        assert_eq!(tokens.folded_form(&first, &arabic, &mut buffer), "الوزير");
        tokens.fold_with(&persian);
        // The token found before the change, then the next one: Persian yeh (U+06CC).
        assert_eq!(tokens.folded_form(&first, &persian, &mut buffer), "الوزیر");
        let second = tokens.next_raw().unwrap();
        assert_eq!(tokens.folded_form(&second, &persian, &mut buffer), "یلتقی");
    }

    fn lang(code: &str) -> crate::Lang {
        code.parse().unwrap()
    }

    /// Found by the fuzzer: with options on, windows are never used, not even after a line
    /// break (the options find tokens across segments and move the position themselves).
    #[test]
    fn options_keep_tokens_in_order_across_lines() {
        let text = "M\na www.MM__.\u{65794}Mi lk\u{e}! www.\u{65794}M";
        let tokenizer = Tokenizer::new().urls(true).emails(true).hashtags(true);
        let starts: Vec<usize> = tokenizer.tokens(text).map(|t| t.span.start).collect();
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
        // A line break ends every token: the text's tokens are its lines' tokens.
        let whole: Vec<&str> = tokenizer.tokens(text).map(|t| t.text).collect();
        let by_line: Vec<&str> = text
            .lines()
            .flat_map(|line| tokenizer.tokens(line).map(|t| t.text))
            .collect();
        assert_eq!(whole, by_line);
    }

    #[test]
    fn flags_tell_ascii_and_capitals() {
        let mut tokens = Tokenizer::new().tokens("oman Oman été 42 x_y ÉTÉ");
        let got: Vec<(bool, bool)> = std::iter::from_fn(|| tokens.next_raw())
            .map(|t| (t.is_ascii(), t.has_ascii_upper()))
            .collect();
        assert_eq!(
            got,
            [
                (true, false),
                (true, true),
                (false, false),
                (true, false),
                (true, false),
                (false, true)
            ]
        );
    }

    #[test]
    fn emoji_are_tokens_on_request() {
        let t = Tokenizer::new().emoji(true);
        assert_eq!(words(&t, "ok 👍🏽 🇴🇲🇷🇺 👨‍👩‍👧"), ["ok", "👍🏽", "🇴🇲", "🇷🇺", "👨‍👩‍👧"]);
        assert_eq!(words(&Tokenizer::new(), "ok 👍🏽"), ["ok"]);
    }
}
