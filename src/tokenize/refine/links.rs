//! URLs, e-mail addresses, hashtags and mentions: tokens that span several word tokens and
//! the punctuation between them.

use super::super::ascii::NON_ASCII;
use super::super::{RawToken, TokenKind, Tokens};
use super::Refined;
use crate::unicode::utf8::{char_start_before, decode};
use crate::unicode::{
    ALPHABETIC, NUMERIC, UNSPACED_HAN, UNSPACED_HANGUL, UNSPACED_KATAKANA, WB_MASK, props,
    unspaced_script, wb,
};

/// A URL starting at the token (`https://`, `www.`, ...): the tokens it covers are dropped.
pub(super) fn url(tokens: &mut Tokens<'_>, segment: RawToken) -> Refined {
    spanning(tokens, segment, TokenKind::Url, |bytes| {
        url_end(bytes, segment.start).map(|end| (segment.start, end))
    })
}

/// An e-mail address whose local part starts at the token (or at the symbols before it, see
/// [`local_part_start`]), or after its `mailto:` (UAX #29 joins `mailto:john` into one word,
/// a colon between letters): the tokens it covers are dropped.
pub(super) fn email(tokens: &mut Tokens<'_>, segment: RawToken) -> Refined {
    const MAILTO: &[u8] = b"mailto:";
    let skipped_to = tokens.skipped_to;
    spanning(tokens, segment, TokenKind::Email, |bytes| {
        let from = |start: usize| email_end(bytes, start).map(|end| (start, end));
        let after = segment.start + MAILTO.len();
        if bytes
            .get(segment.start..after)
            .is_some_and(|s| s.eq_ignore_ascii_case(MAILTO))
        {
            return from(after);
        }
        let start = local_part_start(bytes, segment.start, skipped_to);
        // When the symbols made the local part too long (over 64 bytes), the address from the
        // word on may still be one.
        from(start).or_else(|| {
            (start < segment.start)
                .then(|| from(segment.start))
                .flatten()
        })
    })
}

/// Where a local part that reaches the word token at `word` begins: with the symbols before
/// the token that a local part may begin with and UAX #29 leaves out of words (`+news@`,
/// `-bounce@`, `%x@`, `_-x@`: `_` alone is no word), unless a letter or digit of any script
/// (or `_` joined to one) comes before them (the address then began in a word before, which
/// was no address: the rest from `word` is read as one, as Lucene reads
/// `john..doe@example.com`), nor before `skipped_to` (a token already made).
fn local_part_start(bytes: &[u8], word: usize, skipped_to: usize) -> usize {
    let mut start = word;
    while start > skipped_to && matches!(bytes[start - 1], b'+' | b'-' | b'%' | b'_') {
        start -= 1;
    }
    if start < word && start > skipped_to && word_char_before(bytes, start) {
        return word;
    }
    start
}

/// A token of `kind` over what `found` finds in the text (its start and end), if it does, in
/// place of the word tokens it covers.
fn spanning(
    tokens: &mut Tokens<'_>,
    segment: RawToken,
    kind: TokenKind,
    found: impl FnOnce(&[u8]) -> Option<(usize, usize)>,
) -> Refined {
    if segment.kind == TokenKind::Emoji {
        return Refined::Unchanged;
    }
    match found(tokens.text.as_bytes()) {
        Some((start, end)) => {
            tokens.skip_to(end);
            Refined::Token(special(start, end, kind))
        }
        None => Refined::Unchanged,
    }
}

/// The token with the `#` or `@` before it, when that is not after a letter or digit, and
/// with the characters of scripts written without spaces that follow it: there a word token
/// is one character (Han, kana) or a cluster (Thai), and `#東京オリンピック` is one hashtag.
pub(super) fn tag(
    tokens: &mut Tokens<'_>,
    segment: RawToken,
    hashtags: bool,
    mentions: bool,
) -> Refined {
    let bytes = tokens.text.as_bytes();
    let start = segment.start;
    // The `#` must not belong to a token already made (a URL may end with one).
    if segment.kind == TokenKind::Emoji || start == 0 || start - 1 < tokens.skipped_to {
        return Refined::Unchanged;
    }
    let kind = match bytes[start - 1] {
        b'#' if hashtags => TokenKind::Hashtag,
        b'@' if mentions => TokenKind::Mention,
        _ => return Refined::Unchanged,
    };
    if word_char_before(bytes, start - 1) {
        return Refined::Unchanged;
    }
    let end = tag_end(bytes, segment.end);
    // A hashtag names something: `#5` and `#1` are numbers, as Twitter reads them (`#2024年`
    // is a tag).
    if kind == TokenKind::Hashtag && segment.kind == TokenKind::Number && end == segment.end {
        return Refined::Unchanged;
    }
    if end > segment.end {
        tokens.skip_to(end);
    }
    Refined::Token(special(start - 1, end, kind))
}

/// How far a hashtag or mention whose first segment ends at `pos` reaches: over the letters
/// of scripts written without spaces (not Hangul, whose words are whole segments) that
/// follow, with their marks. Not over Latin letters or digits: `#日本https://...` keeps its
/// URL, `#東京foo@bar.om` its address. (A mark never follows the segment itself: a word
/// segment ends before no mark, UAX #29's rule WB4; so a mark here follows such a letter.)
fn tag_end(bytes: &[u8], mut pos: usize) -> usize {
    while pos < bytes.len() {
        let (cp, len) = decode(bytes, pos);
        if !is_unspaced(cp) && !is_mark(cp) {
            break;
        }
        pos += len;
    }
    pos
}

/// A letter of a script written without spaces, Hangul aside.
fn is_unspaced(cp: u32) -> bool {
    let class = char::from_u32(cp).map_or(0, unspaced_script);
    class != 0 && class != UNSPACED_HANGUL && props(cp) & ALPHABETIC != 0
}

fn special(start: usize, end: usize, kind: TokenKind) -> RawToken {
    RawToken {
        start,
        end,
        kind,
        flags: NON_ASCII,
    }
}

/// True when the character before `pos` is a letter, digit or `_` (so `C#` is no hashtag),
/// its marks passed over: `cafe\u{301}#tag` as `café#tag`, Thai's tone marks and an Indic
/// virama as the letters they sit on.
fn word_char_before(bytes: &[u8], mut pos: usize) -> bool {
    while pos > 0 {
        pos = char_start_before(bytes, pos);
        let cp = decode(bytes, pos).0;
        if is_mark(cp) {
            continue;
        }
        let p = props(cp);
        return p & (ALPHABETIC | NUMERIC) != 0 || p & WB_MASK == wb::EXTEND_NUM_LET;
    }
    false
}

/// End of a URL starting at `start` with a scheme or `www.`, trailing punctuation left out.
fn url_end(bytes: &[u8], start: usize) -> Option<usize> {
    const PREFIXES: [&[u8]; 5] = [b"https://", b"http://", b"ftp://", b"mailto:", b"www."];
    let rest = &bytes[start..];
    let prefix = PREFIXES
        .iter()
        .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p))?;
    let mut end = start + prefix.len();
    // Whether the host is read (up to its first `/`), and the last character was an ASCII
    // letter or digit.
    let (mut in_host, mut after_ascii) = (prefix[prefix.len() - 1] != b':', false);
    while end < bytes.len() {
        let (cp, len) = decode(bytes, end);
        let c = char::from_u32(cp).unwrap_or(' ');
        if c.is_whitespace()
            || c.is_control()
            || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
            || ends_url(c)
            // Invisible, but a break between words (typed where a script has no spaces).
            || c == '\u{200B}'
            || (after_ascii && runs_on_into_text(c, in_host))
        {
            break;
        }
        in_host &= c != '/';
        after_ascii = c.is_ascii_alphanumeric();
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

/// Whether `c`, after an ASCII letter or digit of a URL, is the sentence going on rather than
/// the URL: in its host, any letter of a script written without spaces or of Korean
/// (`访问https://example.com了解更多`; a host of those letters, as `例子.中国`, is read whole);
/// in its path, where a name may mix ASCII and Han or katakana (`/wiki/JR東日本`,
/// `/wiki/ASCII文字コード`), the letters a sentence goes on with: hiragana (Japanese particles,
/// `/guideをご覧ください`), Hangul (Korean's, `/news에서`), Thai, Lao, Khmer, Myanmar.
fn runs_on_into_text(c: char, in_host: bool) -> bool {
    match unspaced_script(c) {
        0 => false,
        _ if in_host => true,
        UNSPACED_HAN | UNSPACED_KATAKANA => false,
        _ => true,
    }
}

/// Punctuation that no URL holds but sentences put after one: of Latin-1 (`¡`, `«`, `»`,
/// `¿`), General Punctuation's dashes, quotation marks, ellipsis and the like (U+2010 to
/// U+2027, U+2030 to U+205E), CJK's (`、`, `。`, `「`, `〜`, not the letters `々` `〆` `〇`),
/// the full-width and small forms (`！`, `？`, `（`), and the stops and commas of Arabic,
/// Devanagari, Ethiopic and Armenian. Joiners are not among them (a Persian path holds
/// ZWNJ), nor letters or numbers (`Artículo_1º`): an internationalised URL keeps them.
fn ends_url(c: char) -> bool {
    matches!(c,
        '¡' | '«' | '»' | '¿'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{3030}' | '\u{303D}'
        | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE6F}'
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '،' | '؛' | '؟' | '۔' | '।' | '॥' | '።' | '፣' | '፤' | '՝' | '։')
}

/// End of an e-mail address whose local part starts at `start`: letters, digits and `. _ % +
/// - '` (`o'neill@example.com`), no two dots in a row, no dot at its end.
fn email_end(bytes: &[u8], start: usize) -> Option<usize> {
    let is_local =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-' | b'\'');
    let mut at = start;
    // At most 64 bytes (RFC 5321): a longer run is no local part.
    while at < bytes.len() && at - start <= 64 && is_local(bytes[at]) {
        at += 1;
    }
    let local = &bytes[start..at];
    if local.is_empty()
        || local.len() > 64
        || bytes.get(at) != Some(&b'@')
        || local.ends_with(b".")
        || local.windows(2).any(|pair| pair == b"..")
    {
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
    // A mark after the domain's last letter belongs to that letter (`example.co\u{308}m`,
    // `example.com\u{301}.org`): the domain is not ASCII, and cut there it would be another
    // address. No address then; its words stay words.
    end.filter(|&end| !mark_at(bytes, end))
}

/// Whether a combining mark, a joiner or a format character begins at `pos`.
fn mark_at(bytes: &[u8], pos: usize) -> bool {
    pos < bytes.len() && bytes[pos] >= 0x80 && is_mark(decode(bytes, pos).0)
}

/// A combining mark, a joiner or a format character: what UAX #29 attaches to the character
/// before it (rule WB4).
fn is_mark(cp: u32) -> bool {
    wb::is(props(cp) & WB_MASK, wb::IGNORABLE)
}
