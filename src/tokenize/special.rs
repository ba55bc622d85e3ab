//! The tokenizer's options beyond UAX #29: URLs, e-mail addresses, hashtags, mentions and
//! CJK bigrams. They run only when asked for, so the default loop never pays for them.

use super::ascii::NON_ASCII;
use super::{RawToken, TokenKind, Tokens};
use crate::unicode::utf8::{char_start_before, decode};
use crate::unicode::{
    ALPHABETIC, NUMERIC, UNSPACED_HAN, UNSPACED_HANGUL, UNSPACED_HIRAGANA, UNSPACED_KATAKANA,
    WB_MASK, props, unspaced_script, wb,
};

/// Tokens found ahead of the one being returned (the bigrams of a run), in order.
#[derive(Clone, Debug, Default)]
pub(super) struct Pending {
    tokens: Vec<RawToken>,
    next: usize,
    /// Character starts of a CJK run, kept to be reused run after run.
    starts: Vec<usize>,
}

impl Pending {
    #[inline]
    pub(super) fn pop(&mut self) -> Option<RawToken> {
        let token = self.tokens.get(self.next).copied()?;
        self.next += 1;
        if self.next == self.tokens.len() {
            self.tokens.clear();
            self.next = 0;
        }
        Some(token)
    }
}

/// Applies the options to a word segment: returns the token to emit, or `None` to drop the
/// segment (its bigrams are then pending).
pub(super) fn refine(tokens: &mut Tokens<'_>, segment: RawToken) -> Option<RawToken> {
    let o = tokens.options;
    let bytes = tokens.text.as_bytes();
    if o.specials && segment.kind != TokenKind::Emoji {
        let start = segment.start;
        if o.urls
            && let Some(end) = url_end(bytes, start)
        {
            tokens.pos = end;
            return Some(special(start, end, TokenKind::Url));
        }
        if o.emails
            && let Some(end) = email_end(bytes, start)
        {
            tokens.pos = end;
            return Some(special(start, end, TokenKind::Email));
        }
        if start > 0
            && (o.hashtags && bytes[start - 1] == b'#' || o.mentions && bytes[start - 1] == b'@')
            && !word_char_before(bytes, start - 1)
        {
            let kind = if bytes[start - 1] == b'#' {
                TokenKind::Hashtag
            } else {
                TokenKind::Mention
            };
            return Some(special(start - 1, segment.end, kind));
        }
    }
    if o.bigrams && is_cjk(bytes, segment) {
        return bigrams(tokens, segment);
    }
    #[cfg(feature = "icu")]
    if o.dictionary && in_scripts(bytes, segment, DICTIONARY_SCRIPTS) {
        return dictionary::words(tokens, segment);
    }
    Some(segment)
}

fn special(start: usize, end: usize, kind: TokenKind) -> RawToken {
    RawToken {
        start,
        end,
        kind,
        flags: NON_ASCII,
    }
}

/// True when the character before `pos` is a letter, digit or `_` (so `C#` is no hashtag).
fn word_char_before(bytes: &[u8], pos: usize) -> bool {
    if pos == 0 {
        return false;
    }
    let (cp, _) = decode(bytes, char_start_before(bytes, pos));
    let p = props(cp);
    p & (ALPHABETIC | NUMERIC) != 0 || p & WB_MASK == wb::EXTEND_NUM_LET
}

/// End of a URL starting at `start` with a scheme or `www.`, trailing punctuation left out.
fn url_end(bytes: &[u8], start: usize) -> Option<usize> {
    const PREFIXES: [&[u8]; 5] = [b"https://", b"http://", b"ftp://", b"mailto:", b"www."];
    let rest = &bytes[start..];
    let prefix = PREFIXES
        .iter()
        .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p))?;
    let mut end = start + prefix.len();
    while end < bytes.len() {
        let (cp, len) = decode(bytes, end);
        let c = char::from_u32(cp).unwrap_or(' ');
        let stop = c.is_whitespace()
            || c.is_control()
            || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
            || matches!(
                c,
                '“' | '”' | '‘' | '’' | '«' | '»' | '、' | '。' | '，' | '،'
            );
        if stop {
            break;
        }
        end += len;
    }
    // Punctuation that ends the sentence, not the URL; closing brackets only when unopened.
    // The brackets are counted once and kept up to date as the end moves back.
    let count = |b: u8| bytes[start..end].iter().filter(|&&x| x == b).count();
    let (mut round, mut square) = (
        count(b'(') as isize - count(b')') as isize,
        count(b'[') as isize - count(b']') as isize,
    );
    while end > start + prefix.len() {
        let trim = match bytes[end - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' => true,
            b')' if round < 0 => {
                round += 1;
                true
            }
            b']' if square < 0 => {
                square += 1;
                true
            }
            _ => false,
        };
        if !trim {
            break;
        }
        end -= 1;
    }
    (end > start + prefix.len()).then_some(end)
}

/// End of an e-mail address whose local part starts at `start`.
fn email_end(bytes: &[u8], start: usize) -> Option<usize> {
    let is_local =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let mut at = start;
    while at < bytes.len() && at - start <= 64 && is_local(bytes[at]) {
        at += 1;
    }
    if at == start || bytes.get(at) != Some(&b'@') || bytes[at - 1] == b'.' {
        return None;
    }
    // Domain: labels of letters, digits and inner hyphens, separated by dots, at least two,
    // the last (the top-level domain) of two or more letters.
    let mut pos = at + 1;
    let mut labels = 0;
    let mut end = None;
    loop {
        let label_start = pos;
        while pos < bytes.len() && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] == b'-') {
            pos += 1;
        }
        let label = &bytes[label_start..pos];
        if label.is_empty() || label[0] == b'-' || label[label.len() - 1] == b'-' {
            break;
        }
        labels += 1;
        if labels >= 2 && label.len() >= 2 && label.iter().all(u8::is_ascii_alphabetic) {
            end = Some(pos);
        }
        if pos + 1 < bytes.len() && bytes[pos] == b'.' && bytes[pos + 1].is_ascii_alphanumeric() {
            pos += 1;
        } else {
            break;
        }
    }
    end
}

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

/// Script classes (see `unspaced_script`) the dictionary option segments: Han, hiragana,
/// katakana, Thai, Lao, Khmer, Myanmar.
#[cfg(feature = "icu")]
const DICTIONARY_SCRIPTS: &[u8] = &[1, 2, 3, 5, 6, 7, 8];

/// A word segment whose characters (marks aside) are all of these script classes.
fn in_scripts(bytes: &[u8], segment: RawToken, classes: &[u8]) -> bool {
    if segment.flags & NON_ASCII == 0 || segment.kind != TokenKind::Word {
        return false;
    }
    let mut pos = segment.start;
    while pos < segment.end {
        let (cp, len) = decode(bytes, pos);
        let is_mark = wb::is(props(cp) & WB_MASK, wb::IGNORABLE);
        let class = char::from_u32(cp).map_or(0, unspaced_script);
        if !is_mark && !classes.contains(&class) {
            return false;
        }
        pos += len;
    }
    true
}

/// The end of the run of adjacent segments, starting with `first`, that `belongs` accepts;
/// the position is left after the run.
fn run_of(
    tokens: &mut Tokens<'_>,
    first: RawToken,
    mut belongs: impl FnMut(&[u8], RawToken) -> bool,
    mut each: impl FnMut(RawToken),
) -> usize {
    let bytes = tokens.text.as_bytes();
    let mut end = first.end;
    each(first);
    loop {
        let before = tokens.pos;
        match tokens.next_word_segment() {
            Some(next) if next.start == end && belongs(bytes, next) => {
                each(next);
                end = next.end;
            }
            Some(_) => {
                // Not part of the run: read it again on the next call, options and all.
                tokens.pos = before;
                break;
            }
            None => break,
        }
    }
    end
}

#[cfg(feature = "icu")]
mod dictionary {
    use icu_segmenter::WordSegmenter;
    use icu_segmenter::options::WordBreakInvariantOptions;

    use super::super::ascii::NON_ASCII;
    use super::super::{RawToken, TokenKind, Tokens};
    use super::{DICTIONARY_SCRIPTS, in_scripts, run_of};
    use crate::unicode::{ALPHABETIC, NUMERIC};

    /// Segments the run of Chinese, Japanese or South-East Asian text that starts with
    /// `first` with ICU4X's dictionaries, queues its words and returns the first.
    pub(super) fn words(tokens: &mut Tokens<'_>, first: RawToken) -> Option<RawToken> {
        let end = run_of(
            tokens,
            first,
            |b, s| in_scripts(b, s, DICTIONARY_SCRIPTS),
            |_| {},
        );
        let text = &tokens.text[first.start..end];
        let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
        let mut previous = 0;
        for boundary in segmenter.segment_str(text) {
            let word = &text[previous..boundary];
            if boundary > previous && word.chars().any(char::is_alphanumeric) {
                let numeric = word.chars().all(|c| !c.is_alphabetic());
                tokens.pending.tokens.push(RawToken {
                    start: first.start + previous,
                    end: first.start + boundary,
                    kind: if numeric {
                        TokenKind::Number
                    } else {
                        TokenKind::Word
                    },
                    flags: NON_ASCII | if numeric { NUMERIC } else { ALPHABETIC },
                });
            }
            previous = boundary;
        }
        tokens.pending.pop()
    }
}

/// Collects the run of adjacent CJK segments that starts with `first`, queues its bigrams and
/// returns the first.
fn bigrams(tokens: &mut Tokens<'_>, first: RawToken) -> Option<RawToken> {
    let bytes = tokens.text.as_bytes();
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
    tokens.pending.pop()
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

#[cfg(test)]
mod tests {
    use super::super::{CjkMode, Tokenizer};
    use super::*;

    fn texts(tokenizer: &Tokenizer, text: &str) -> Vec<(String, TokenKind)> {
        tokenizer
            .tokens(text)
            .map(|t| (t.text.to_owned(), t.kind))
            .collect()
    }

    fn words(tokenizer: &Tokenizer, text: &str) -> Vec<String> {
        tokenizer.tokens(text).map(|t| t.text.to_owned()).collect()
    }

    #[test]
    fn urls_without_trailing_punctuation() {
        let t = Tokenizer::new().urls(true);
        assert_eq!(
            words(&t, "See https://en.wikipedia.org/wiki/Oman_(country)."),
            ["See", "https://en.wikipedia.org/wiki/Oman_(country)"]
        );
        assert_eq!(words(&t, "(www.omanobserver.om)"), ["www.omanobserver.om"]);
        assert_eq!(words(&t, "http:// x"), ["http", "x"]);
        assert_eq!(
            words(&t, "https://ar.wikipedia.org/wiki/عمان، ثم"),
            ["https://ar.wikipedia.org/wiki/عمان", "ثم"]
        );
    }

    #[test]
    fn trimming_a_url_is_linear() {
        // A million closing parentheses: each trimmed once, not recounted every time.
        let text = format!("http://a{}", ")".repeat(1_000_000));
        let t = Tokenizer::new().urls(true);
        assert_eq!(words(&t, &text), ["http://a"]);
        let balanced = "http://x.om/a_(b) and";
        assert_eq!(words(&t, balanced)[0], "http://x.om/a_(b)");
    }

    #[test]
    fn emails() {
        let t = Tokenizer::new().emails(true);
        assert_eq!(
            texts(&t, "Write to first.last+news@mofa.gov.om today."),
            [
                ("Write".to_owned(), TokenKind::Word),
                ("to".to_owned(), TokenKind::Word),
                ("first.last+news@mofa.gov.om".to_owned(), TokenKind::Email),
                ("today".to_owned(), TokenKind::Word),
            ]
        );
        // No top-level domain: not an address.
        assert_eq!(words(&t, "a@b"), ["a", "b"]);
    }

    #[test]
    fn hashtags_and_mentions() {
        let t = Tokenizer::new().hashtags(true).mentions(true);
        assert_eq!(
            texts(&t, "#Oman C# @MOFA_Oman a@b"),
            [
                ("#Oman".to_owned(), TokenKind::Hashtag),
                ("C".to_owned(), TokenKind::Word),
                ("@MOFA_Oman".to_owned(), TokenKind::Mention),
                ("a".to_owned(), TokenKind::Word),
                ("b".to_owned(), TokenKind::Word),
            ]
        );
    }

    #[cfg(feature = "icu")]
    #[test]
    fn dictionary_words_for_chinese_japanese_and_thai() {
        let t = Tokenizer::new().cjk(CjkMode::Dictionary);
        // "Oman's capital is Muscat": 阿曼 (Oman) and 马斯喀特 (Muscat) are words.
        let zh = words(&t, "阿曼的首都是马斯喀特。");
        assert!(zh.contains(&"阿曼".to_owned()), "{zh:?}");
        assert!(zh.contains(&"首都".to_owned()), "{zh:?}");
        // "I live in Tokyo": 東京 is a word, not two characters.
        let ja = words(&t, "私は東京に住んでいます");
        assert!(ja.contains(&"東京".to_owned()), "{ja:?}");
        // "I love Thailand": ฉัน (I), รัก (love), then Thailand, in words, not letters.
        let th = words(&t, "ฉันรักประเทศไทย");
        assert_eq!(th[..2], ["ฉัน", "รัก"], "{th:?}");
        assert!(th.iter().all(|w| w.chars().count() > 1), "{th:?}");
        // Latin around the run is untouched.
        assert_eq!(words(&t, "Oman 阿曼 Muscat")[0], "Oman");
        assert_eq!(words(&t, "Oman 阿曼 Muscat").last().unwrap(), "Muscat");
    }

    #[test]
    fn cjk_bigrams_like_lucene() {
        let t = Tokenizer::new().cjk(CjkMode::Bigrams);
        assert_eq!(
            words(&t, "東京都に住む"),
            ["東京", "京都", "都に", "に住", "住む"]
        );
        assert_eq!(words(&t, "阿曼 is 国"), ["阿曼", "is", "国"]);
        assert_eq!(words(&t, "テレビ"), ["テレ", "レビ"]);
        assert_eq!(words(&t, "한국어 문서"), ["한국", "국어", "문서"]);
        // Bigrams stop at punctuation.
        assert_eq!(words(&t, "阿曼。苏丹"), ["阿曼", "苏丹"]);
    }
}
