//! Tokenization: Unicode word boundaries (UAX #29), zero-copy tokens with their byte spans.
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

use std::ops::Range;

use serde::{Deserialize, Serialize};
use unicode_segmentation::{UnicodeSegmentation, UnicodeWordIndices};

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

/// Splits text into word and number tokens at Unicode word boundaries (UAX #29).
///
/// Spaces, punctuation and symbols are not tokens. Scripts written without spaces
/// (Chinese, Japanese, Thai, ...) come out one character (grapheme) at a time, as UAX #29
/// says, rather than as one giant token.
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {
    _private: (),
}

impl Tokenizer {
    /// A tokenizer with the default options.
    pub fn new() -> Tokenizer {
        Tokenizer::default()
    }

    /// The tokens of `text`, in order.
    pub fn tokens<'a>(&self, text: &'a str) -> Tokens<'a> {
        Tokens {
            inner: text.unicode_word_indices(),
        }
    }
}

/// Iterator over the tokens of a text; see [`Tokenizer::tokens`].
#[derive(Debug)]
pub struct Tokens<'a> {
    inner: UnicodeWordIndices<'a>,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let (start, text) = self.inner.next()?;
        Some(Token {
            text,
            span: Span::new(start, start + text.len()),
            kind: kind_of(text),
        })
    }
}

/// A segment is a number when it has no letters; UAX #29 only joins digits with
/// separators (`,` `.` `'` ...) that sit between two digits, so no further check is needed.
fn kind_of(segment: &str) -> TokenKind {
    if segment
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return TokenKind::Number;
    }
    if segment.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else {
        TokenKind::Number
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&str, TokenKind)> {
        Tokenizer::new()
            .tokens(text)
            .map(|t| (t.text, t.kind))
            .collect()
    }

    #[test]
    fn splits_on_spaces_and_punctuation() {
        let got: Vec<_> = texts("Hello, world! (Again.)")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(got, ["Hello", "world", "Again"]);
    }

    #[test]
    fn keeps_apostrophes_and_decimal_points_inside() {
        assert_eq!(
            texts("Oman’s 3.14 1,000 can't"),
            [
                ("Oman’s", TokenKind::Word),
                ("3.14", TokenKind::Number),
                ("1,000", TokenKind::Number),
                ("can't", TokenKind::Word),
            ]
        );
    }

    #[test]
    fn dashes_separate_words() {
        let got: Vec<_> = texts("Oman–Dagestan Oman-Russia")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(got, ["Oman", "Dagestan", "Oman", "Russia"]);
    }

    #[test]
    fn arabic_indic_digits_are_numbers() {
        assert_eq!(texts("٣٤٥"), [("٣٤٥", TokenKind::Number)]);
    }

    #[test]
    fn arabic_words_keep_their_harakat() {
        let got: Vec<_> = texts("سلطنة عُمان").into_iter().map(|t| t.0).collect();
        assert_eq!(got, ["سلطنة", "عُمان"]);
    }

    #[test]
    fn han_is_one_token_per_character() {
        let got: Vec<_> = texts("阿曼苏丹国").into_iter().map(|t| t.0).collect();
        assert_eq!(got, ["阿", "曼", "苏", "丹", "国"]);
    }

    #[test]
    fn empty_and_blank_text_have_no_tokens() {
        assert!(texts("").is_empty());
        assert!(texts(" \n\t ... ").is_empty());
    }

    #[test]
    fn spans_slice_the_input() {
        let text = "  Muscat, 12 نوفمبر 2025 ";
        for token in Tokenizer::new().tokens(text) {
            assert_eq!(&text[token.span.range()], token.text);
        }
    }
}
