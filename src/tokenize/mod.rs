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
//! digit, as `unicode-segmentation`'s `unicode_word_indices` gives them (but where that
//! crate departs from the rules: it joins `a’` + ZWJ + `🙂` into one word, which WB3c, WB4
//! and WB6 keep apart, as ICU4X does; but for a segment that begins with white space or
//! punctuation, a mark on a space or a comma, which is no word; and with the narrow
//! no-break spaces that French typography puts inside guillemets, which UAX #29 lets into a
//! word for Mongolian, cut off a word's ends). Options add tokens
//! those rules do not know: URLs, e-mail addresses, hashtags, @mentions, emoji, and CJK
//! bigrams.
//!
//! Speed comes from not asking the rules where they cannot matter: a run of letters and
//! digits never holds a boundary, so runs are consumed whole (ASCII sixteen bytes at a time)
//! and the rules are only consulted where a run ends. No token allocates.

mod ascii;
mod refine;
mod segment;
mod tokens;
mod window;

use std::ops::Range;

use serde::{Deserialize, Serialize};

#[cfg(feature = "icu")]
use crate::unicode::{
    UNSPACED_HAN, UNSPACED_HIRAGANA, UNSPACED_KATAKANA, UNSPACED_KHMER, UNSPACED_LAO,
    UNSPACED_MYANMAR, UNSPACED_THAI,
};
use refine::{Refiner, Refiners};
pub use segment::Segments;
use tokens::Options;

/// Those of them `CjkMode::Auto` segments with dictionaries (it makes bigrams of Han and
/// kana).
#[cfg(feature = "icu")]
const SOUTH_EAST_ASIAN_SCRIPTS: [u8; 4] = [
    UNSPACED_THAI,
    UNSPACED_LAO,
    UNSPACED_KHMER,
    UNSPACED_MYANMAR,
];

/// The script classes `CjkMode::Dictionary` segments with dictionaries: Han, kana and those
/// of South-East Asia (not hangul: Korean has spaces).
#[cfg(feature = "icu")]
const DICTIONARY_SCRIPTS: [u8; 7] = [
    UNSPACED_HAN,
    UNSPACED_HIRAGANA,
    UNSPACED_KATAKANA,
    UNSPACED_THAI,
    UNSPACED_LAO,
    UNSPACED_KHMER,
    UNSPACED_MYANMAR,
];
pub(crate) use tokens::RawToken;
pub use tokens::Tokens;

/// A half-open byte range `start..end` in the original text, never reversed: `start <= end`
/// always holds, so [`len`](Span::len) cannot underflow. Serializes as
/// `{"start": .., "end": ..}`; a reversed range does not deserialize.
///
/// ```
/// use wordmill::tokenize::Span;
///
/// let text = "Oman’s capital";
/// let span = Span::new(0, 8);
/// assert_eq!(&text[span.range()], "Oman’s");
/// assert_eq!((span.start(), span.end(), span.len()), (0, 8, 8));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// The span `start..end`.
    ///
    /// # Panics
    ///
    /// When `end < start`, as slicing with such a range does.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "a span ends before it starts: {start}..{end}");
        Span { start, end }
    }

    /// The span `start..end` of ends the caller knows to be in order (a token's, found by
    /// the tokenizer): the check is for debug builds.
    #[inline(always)]
    pub(crate) fn ordered(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "a span ends before it starts: {start}..{end}");
        Span { start, end }
    }

    /// Byte offset of the first byte.
    #[inline]
    pub fn start(self) -> usize {
        self.start
    }

    /// Byte offset one past the last byte.
    #[inline]
    pub fn end(self) -> usize {
        self.end
    }

    /// The span as a range, to slice the original text with.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[inline]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename = "Span")]
        struct Raw {
            start: usize,
            end: usize,
        }
        let Raw { start, end } = Raw::deserialize(deserializer)?;
        if start > end {
            return Err(serde::de::Error::custom(format_args!(
                "a span ends before it starts: {start}..{end}"
            )));
        }
        Ok(Span { start, end })
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

/// How scripts written without spaces between words become tokens: Chinese, Japanese and
/// Korean (whose words UAX #29 does not find: one token per ideograph, hiragana one at a
/// time, whole runs of katakana and of hangul), and Thai, Lao, Khmer and Myanmar (one
/// character at a time).
///
/// Serializes as `"auto"`, `"characters"`, `"bigrams"` or `"dictionary"`. A build without
/// the `icu` feature refuses `"dictionary"` with an error that says which feature it needs.
///
/// The default, [`Auto`](CjkMode::Auto), is what retrieves best: on the retrieval evaluation
/// (`examples/retrieval_eval.rs`, BM25 over NTREX-128 news), bigrams beat dictionary words
/// and single characters for Chinese, Japanese and Korean, and dictionary words beat single
/// characters for Thai by far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum CjkMode {
    /// Bigrams for Han, kana and hangul, as [`Bigrams`](CjkMode::Bigrams), and dictionary
    /// words for Thai, Lao, Khmer and Myanmar, as `Dictionary` (in a
    /// build without the `icu` feature, those stay one character at a time): `東京都` →
    /// `東京`, `京都`; `ทีมรับ` → `ทีม`, `รับ`. The default.
    #[default]
    Auto,
    /// As UAX #29 says: one token per Han ideograph and per hiragana, katakana and hangul
    /// runs whole. Thai, Lao, Khmer and Myanmar likewise come out one character (with its
    /// marks) at a time.
    Characters,
    /// Overlapping pairs of adjacent Han, hiragana, katakana and hangul characters, and a
    /// lone character alone, as Lucene's CJKBigramFilter makes them: `東京都` → `東京`, `京都`.
    /// Hangul that UAX #29 joins to Latin letters or digits is cut from them first
    /// (`LG전자는` → `LG`, `전자`, `자는`), and after digits a counter followed by a particle is
    /// a word of its own (`3월에` → `3`, `월`, `에`).
    Bigrams,
    /// Words found with dictionaries (ICU4X's `icu_segmenter`) in runs of Chinese, Japanese,
    /// Thai, Lao, Khmer and Myanmar: `東京都に住む` → `東京`, `都`, `に`, `住む`. Needs the
    /// `icu` cargo feature (on by default).
    #[cfg(feature = "icu")]
    Dictionary,
}

impl std::fmt::Display for CjkMode {
    /// The name it serializes as, which [`FromStr`](std::str::FromStr) reads.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CjkMode::Auto => "auto",
            CjkMode::Characters => "characters",
            CjkMode::Bigrams => "bigrams",
            #[cfg(feature = "icu")]
            CjkMode::Dictionary => "dictionary",
        })
    }
}

impl std::str::FromStr for CjkMode {
    type Err = crate::Error;

    /// A mode by the name it serializes as: `"auto"`, `"characters"`, `"bigrams"` or
    /// `"dictionary"` (an error that names the `icu` feature in a build without it).
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name {
            "auto" => Ok(CjkMode::Auto),
            "characters" => Ok(CjkMode::Characters),
            "bigrams" => Ok(CjkMode::Bigrams),
            #[cfg(feature = "icu")]
            "dictionary" => Ok(CjkMode::Dictionary),
            #[cfg(not(feature = "icu"))]
            "dictionary" => Err(crate::Error::InvalidConfig(
                "CJK mode \"dictionary\" needs wordmill built with its `icu` feature".into(),
            )),
            other => Err(crate::Error::InvalidConfig(format!(
                "unknown CJK mode {other:?}: expected \"auto\", \"characters\", \"bigrams\" or \"dictionary\""
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for CjkMode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

/// Splits text into tokens at Unicode word boundaries (UAX #29).
///
/// Spaces, punctuation and symbols are not tokens. By default the tokens are the words and
/// numbers, as UAX #29 bounds them, except in scripts written without spaces, whose words
/// it does not find: there the default [`CjkMode`] makes bigrams (Chinese, Japanese, Korean)
/// and dictionary words (Thai, Lao, Khmer, Myanmar). The options recognize more kinds:
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
    /// A tokenizer with the default options: words and numbers only, with [`CjkMode::Auto`].
    pub fn new() -> Tokenizer {
        Tokenizer::default()
    }

    /// URLs with a scheme (`https://`, `http://`, `ftp://`, `mailto:`) or starting with
    /// `www.` become one [`TokenKind::Url`] token, without trailing punctuation and closing
    /// brackets they did not open (default off). A URL ends at whitespace, at punctuation
    /// that is not ASCII (`。`, `！`, `…`, `—`, `«`, `؟`, `।`), at a zero-width space, where
    /// the ASCII letters or digits of its host run into Chinese, Japanese, Korean, Thai...
    /// letters (`访问https://example.com了解`), and where those of its path run into the
    /// letters a sentence goes on with (hiragana, Hangul, Thai...: `/guideをご覧`, but
    /// `/wiki/JR東日本` is whole); other letters, as an internationalised URL's path, are its
    /// own (`/wiki/東京`).
    ///
    /// ```
    /// use wordmill::tokenize::{TokenKind, Tokenizer};
    /// let t = Tokenizer::new().urls(true);
    /// let url = t.tokens("详见https://x.om/a！谢谢").find(|t| t.kind == TokenKind::Url);
    /// assert_eq!(url.map(|t| t.text), Some("https://x.om/a"));
    /// ```
    pub fn urls(mut self, on: bool) -> Self {
        self.urls = on;
        self
    }

    /// E-mail addresses become one [`TokenKind::Email`] token (default off).
    pub fn emails(mut self, on: bool) -> Self {
        self.emails = on;
        self
    }

    /// `#` followed by a word (not a number: `#5` is the number 5), not preceded by a letter
    /// or digit (`C#` is not a hashtag, nor is `café#tag`, however `é` is composed),
    /// becomes one [`TokenKind::Hashtag`] token including the `#` (default off). In scripts
    /// written without spaces the tag runs over all their letters that follow
    /// (`#東京オリンピック`, `#ไทยแลนด์`), not one character.
    pub fn hashtags(mut self, on: bool) -> Self {
        self.hashtags = on;
        self
    }

    /// `@` followed by a word, not preceded by a letter or digit, becomes one
    /// [`TokenKind::Mention`] token including the `@` (default off); as a hashtag, over all
    /// the letters of a script written without spaces that follow (`@田中`).
    pub fn mentions(mut self, on: bool) -> Self {
        self.mentions = on;
        self
    }

    /// Emoji (pictographs, flags and the keycaps `#️⃣` and `*️⃣`, with their modifiers and
    /// ZWJ sequences) become [`TokenKind::Emoji`] tokens (default off: they are not words).
    /// A digit's keycap (`9️⃣`) stays the number its digit is, as UAX #29 segments it
    /// (`1️⃣0️⃣` is one number). An emoji starts at its pictograph: the space or symbol
    /// and ZWJ before it, which UAX #29 joins to it, are not part of it.
    pub fn emoji(mut self, on: bool) -> Self {
        self.emoji = on;
        self
    }

    /// How Chinese, Japanese, Korean, Thai, Lao, Khmer and Myanmar become tokens (default
    /// [`CjkMode::Auto`]).
    ///
    /// ```
    /// use wordmill::tokenize::{CjkMode, Tokenizer};
    ///
    /// let words = |t: Tokenizer, text| t.tokens(text).map(|t| t.text).collect::<Vec<_>>();
    /// assert_eq!(words(Tokenizer::new(), "東京都"), ["東京", "京都"]);
    /// assert_eq!(words(Tokenizer::new().cjk(CjkMode::Characters), "東京都"), ["東", "京", "都"]);
    /// ```
    pub fn cjk(mut self, mode: CjkMode) -> Self {
        self.cjk = mode;
        self
    }

    /// How this tokenizer turns Chinese, Japanese, Korean and South-East Asian scripts into
    /// tokens.
    pub fn cjk_mode(&self) -> CjkMode {
        self.cjk
    }

    /// The tokens of `text`, in order.
    pub fn tokens<'a>(&self, text: &'a str) -> Tokens<'a> {
        let mut refiners = Refiners::default();
        if self.urls {
            refiners.push(Refiner::Url);
        }
        if self.emails {
            refiners.push(Refiner::Email);
        }
        if self.hashtags || self.mentions {
            refiners.push(Refiner::Tags {
                hashtags: self.hashtags,
                mentions: self.mentions,
            });
        }
        // The refiners of the CJK modes wait for the first character of their scripts (most
        // text has none): until the tokenizer's loop finds one, it takes its fastest path.
        let mut unspaced = Refiners::default();
        match self.cjk {
            CjkMode::Characters => {}
            CjkMode::Bigrams => unspaced.push(Refiner::Bigrams),
            #[cfg(feature = "icu")]
            CjkMode::Dictionary => unspaced.push(Refiner::Dictionary {
                scripts: &DICTIONARY_SCRIPTS,
            }),
            CjkMode::Auto => {
                unspaced.push(Refiner::Bigrams);
                #[cfg(feature = "icu")]
                unspaced.push(Refiner::Dictionary {
                    scripts: &SOUTH_EAST_ASIAN_SCRIPTS,
                });
            }
        }
        Tokens::new(
            text,
            Options {
                refiners,
                unspaced,
                emoji: self.emoji,
            },
        )
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
        crate::fold::for_each_normalized(self.tokens(text), normalizer, lang, f);
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

#[cfg(test)]
mod tests;
