//! Bytes to documents: the batch tool's input decoding, without files, folders or options.
//!
//! A whole input ([`decode_whole`]) or each line of a line-based input ([`Lines`]) becomes
//! one [`Decoded`]: a text, or the reason it is not one. Nothing here panics, whatever the
//! bytes, and nothing here reads or writes files, so the fuzz target
//! `fuzz/fuzz_targets/batch_input.rs` includes this file as it is (`#[path]`).
//!
//! The rules:
//! - UTF-8 as it is; invalid bytes replaced by U+FFFD with a warning, or refused with
//!   `strict`.
//! - A UTF-8 byte order mark is dropped at the start of an input, and at the start of every
//!   JSON line (files joined with `cat` keep theirs).
//! - An input that starts with a UTF-16 byte order mark (`FF FE` or `FE FF`) is refused
//!   whole: its lines cannot even be found without decoding it.
//! - Text with a NUL byte is refused as binary (or UTF-16 without a byte order mark). In
//!   JSON a raw NUL is invalid JSON; an escaped one (`\u0000`) is a character of the text
//!   and analysed like any other.
//! - A JSON line holds exactly one JSON object; the text field must be a string and the id
//!   field a string or a number. Other values are skipped while parsing, never built (a
//!   100 MB array in the text field costs no memory), and their type is named in the error.
//! - A line longer than [`MAX_DOCUMENT_BYTES`] is read to its end but not kept: an error.

use std::io::{self, BufRead};

use wordmill::Lang;

use crate::json_line;

/// What to do with UTF-16 text, which the tool does not read.
pub const CONVERT_UTF16: &str = "convert it first: iconv -f UTF-16 -t UTF-8";

/// Documents longer than this are refused (an error record) rather than risk running out of
/// memory; one document is held whole in memory while it is analysed.
pub const MAX_DOCUMENT_BYTES: u64 = 1 << 30;

pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// What the bytes of one document decoded to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The id the document gave itself (JSON Lines' id field), if any.
    pub id: Option<String>,
    /// Its text, or why there is none.
    pub text: Result<String, String>,
    /// What the user should know about a text that is analysed anyway.
    pub warnings: Vec<String>,
    /// The language its JSON Lines' language field gave, if any (see `Options::lang_field`;
    /// a value that names none is a warning).
    pub lang: Option<Lang>,
}

impl Decoded {
    pub fn error(id: Option<String>, error: String) -> Decoded {
        Decoded {
            id,
            text: Err(error),
            warnings: Vec::new(),
            lang: None,
        }
    }
}

/// How JSON lines and text are read.
#[derive(Clone, Debug)]
pub struct Options {
    /// Refuse invalid UTF-8 instead of replacing it.
    pub strict: bool,
    /// JSON Lines: the field that holds the text.
    pub text_field: String,
    /// JSON Lines: the field that holds the id.
    pub id_field: String,
    /// JSON Lines: the field that holds the document's language code, if one is read.
    pub lang_field: Option<String>,
}

/// A whole input (a file, or stdin) as one document.
pub fn decode_whole(mut bytes: Vec<u8>, strict: bool) -> Decoded {
    if let Some(error) = utf16_error(&bytes) {
        return Decoded::error(None, error);
    }
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    decode_text(bytes, strict)
}

/// The error for an input that starts with a UTF-16 byte order mark, if it does.
pub fn utf16_error(head: &[u8]) -> Option<String> {
    let order = match head {
        [0xFF, 0xFE, ..] => "FF FE, little-endian",
        [0xFE, 0xFF, ..] => "FE FF, big-endian",
        _ => return None,
    };
    Some(format!(
        "UTF-16 text (byte order mark {order}), not UTF-8: {CONVERT_UTF16}"
    ))
}

/// Text bytes: valid UTF-8 as it is, anything else replaced by U+FFFD with a warning, or
/// refused when `strict`. Bytes with a NUL are refused: they are binary files or UTF-16, and
/// analysing them would only produce noise.
pub fn decode_text(bytes: Vec<u8>, strict: bool) -> Decoded {
    if let Some(at) = memchr::memchr(0, &bytes) {
        let error = format!(
            "binary data, not text (NUL byte at offset {at}); if it is UTF-16 text, {CONVERT_UTF16}"
        );
        return Decoded::error(None, error);
    }
    let (text, warning) = match utf8(bytes, strict) {
        Ok(decoded) => decoded,
        Err(error) => return Decoded::error(None, error),
    };
    Decoded {
        id: None,
        text: Ok(text),
        warnings: warning.into_iter().collect(),
        lang: None,
    }
}

/// Bytes as UTF-8, lossily unless `strict`; the warning says what was replaced.
fn utf8(bytes: Vec<u8>, strict: bool) -> Result<(String, Option<String>), String> {
    // simdutf8 checks sixteen or more bytes at a step, where the standard library's check
    // goes a character at a time through text that is not ASCII (five to ten times slower
    // on Cyrillic, Arabic, Hindi or Chinese lines); the standard library's error, which says
    // where, is asked for only when the text is not UTF-8.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just checked that `bytes` is UTF-8.
        return Ok((unsafe { String::from_utf8_unchecked(bytes) }, None));
    }
    let e = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, None)),
        Err(e) => e,
    };
    let at = e.utf8_error().valid_up_to();
    if strict {
        return Err(format!(
            "not valid UTF-8 (invalid byte at offset {at}): convert it to UTF-8, or run without --strict to replace invalid bytes with U+FFFD"
        ));
    }
    let bytes = e.into_bytes();
    let invalid = bytes
        .utf8_chunks()
        .filter(|c| !c.invalid().is_empty())
        .count();
    let warning = format!(
        "not valid UTF-8 (first invalid byte at offset {at}): {invalid} invalid sequence(s) replaced by U+FFFD"
    );
    Ok((String::from_utf8_lossy(&bytes).into_owned(), Some(warning)))
}

/// One JSON line (without its line end) as a document; `None` for a blank line, which holds
/// no document.
pub fn decode_json_line(mut bytes: Vec<u8>, options: &Options) -> Option<Decoded> {
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let (json, warning) = match utf8(bytes, options.strict) {
        Ok(decoded) => decoded,
        Err(error) => return Some(Decoded::error(None, error)),
    };
    let mut decoded = json_line::parse(&json, options);
    if let (Ok(_), Some(warning)) = (&decoded.text, warning) {
        decoded.warnings.push(warning);
    }
    Some(decoded)
}

/// One line of a line-based input.
#[derive(Debug, PartialEq, Eq)]
pub struct Line {
    /// Its number, from 1.
    pub number: u64,
    /// Input bytes it took, line end included.
    pub bytes: u64,
    pub decoded: Decoded,
}

/// Reads a line-based input (text lines or JSON Lines) one document at a time.
pub struct Lines<R> {
    input: R,
    /// JSON Lines, else text lines.
    json: bool,
    /// Lines longer than this are refused.
    limit: u64,
    line: u64,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(input: R, json: bool) -> Lines<R> {
        Lines::with_limit(input, json, MAX_DOCUMENT_BYTES)
    }

    /// Lines longer than `limit` bytes (line end excluded) are refused.
    pub fn with_limit(input: R, json: bool, limit: u64) -> Lines<R> {
        Lines {
            input,
            json,
            limit,
            line: 0,
            done: false,
        }
    }

    /// Lines read so far.
    pub fn lines_read(&self) -> u64 {
        self.line
    }

    /// The next document, `None` at the end. A read error ends the input: its position
    /// cannot be trusted any more.
    pub fn next_line(&mut self, options: &Options) -> Option<io::Result<Line>> {
        while !self.done {
            let mut buf = Vec::with_capacity(256);
            let (consumed, complete) = match read_line(&mut self.input, &mut buf, self.limit) {
                Ok((0, _)) => {
                    self.done = true;
                    return None;
                }
                Ok(read) => read,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            if self.line == 0 && buf == UTF8_BOM {
                // A byte order mark alone, without a line end, is an empty input (it is
                // dropped at the start of an input), which has no line.
                self.done = true;
                return None;
            }
            self.line += 1;
            let number = self.line;
            let line = |decoded| {
                Some(Ok(Line {
                    number,
                    bytes: consumed as u64,
                    decoded,
                }))
            };
            if number == 1
                && let Some(error) = utf16_error(&buf)
            {
                // Its "lines" would be cut at bytes that are halves of characters.
                self.done = true;
                return line(Decoded::error(None, error));
            }
            if !complete {
                let error = format!(
                    "line {number} is longer than the {} bytes one document may have",
                    self.limit
                );
                return line(Decoded::error(None, error));
            }
            trim_line_end(&mut buf);
            if self.json {
                match decode_json_line(buf, options) {
                    Some(decoded) => return line(decoded),
                    None => continue, // blank lines separate nothing and hold no document
                }
            }
            if number == 1 && buf.starts_with(UTF8_BOM) {
                buf.drain(..UTF8_BOM.len());
            }
            return line(decode_text(buf, options.strict));
        }
        None
    }
}

/// Bytes kept of a line too long to keep: enough to recognise a byte order mark.
const KEPT_OF_LONG_LINES: usize = 2;

/// Reads up to and including the next `\n` into `buf`, keeping at most `limit` bytes and
/// a line end; a longer line is consumed to its end but not kept: its bytes are freed at
/// once, all but the first [`KEPT_OF_LONG_LINES`]. Returns the bytes consumed and whether
/// the line was kept whole.
pub fn read_line(
    input: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: u64,
) -> io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut complete = true;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            if complete && line_length(buf) as u64 > limit {
                keep_head(buf, &[]);
                return Ok((consumed, false));
            }
            return Ok((consumed, complete));
        }
        let (chunk, found) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        // Room for the line, its `\n` and a `\r` before it.
        if complete && (buf.len() + chunk.len()) as u64 <= limit.saturating_add(2) {
            buf.extend_from_slice(chunk);
        } else if complete {
            complete = false;
            keep_head(buf, chunk);
        }
        let n = chunk.len();
        input.consume(n);
        consumed += n;
        if found {
            if complete && line_length(buf) as u64 > limit {
                complete = false;
                keep_head(buf, &[]);
            }
            return Ok((consumed, complete));
        }
        if complete && buf.len() as u64 > limit.saturating_add(1) {
            // Over the limit even if a `\r\n` follows.
            complete = false;
            keep_head(buf, &[]);
        }
    }
}

/// Replaces `buf` with the first bytes of `buf` and `more`, in a new small allocation.
fn keep_head(buf: &mut Vec<u8>, more: &[u8]) {
    let head: Vec<u8> = buf
        .iter()
        .chain(more)
        .take(KEPT_OF_LONG_LINES)
        .copied()
        .collect();
    *buf = head;
}

/// A line's length without its line end.
fn line_length(line: &[u8]) -> usize {
    let mut end = line.len();
    if end > 0 && line[end - 1] == b'\n' {
        end -= 1;
        if end > 0 && line[end - 1] == b'\r' {
            end -= 1;
        }
    }
    end
}

fn trim_line_end(buf: &mut Vec<u8>) {
    buf.truncate(line_length(buf));
}

/// Whether an input looks like JSON Lines: its first non-blank character is `{`.
pub fn starts_like_json(head: &[u8]) -> bool {
    let head = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Whether `head`, the start of an input whose first line is not a JSON object, is JSON Lines
/// all the same: every non-blank line after the first is an object (starts with `{` and ends
/// with `}`; the last one may be cut where `head` ends, unless `ended` says the input ended
/// there), and there is at least one. A stream of records whose first line is a comment or
/// the end of a record cut by a shard is; a text whose lines all look like that is not one
/// to read as a single document either.
pub fn json_lines_after_first(head: &[u8], ended: bool) -> bool {
    let head = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    let mut lines = head
        .split(|&b| b == b'\n')
        .map(|line| line.trim_ascii())
        .filter(|line| !line.is_empty())
        .skip(1)
        .peekable();
    if lines.peek().is_none() {
        return false;
    }
    while let Some(line) = lines.next() {
        let last = lines.peek().is_none();
        let whole = ended || !last || head.ends_with(b"\n");
        if !line.starts_with(b"{") || (whole && !line.ends_with(b"}")) {
            return false;
        }
    }
    true
}

/// Whether `bytes` hold nothing but ASCII white space after a byte order mark, if any.
pub fn is_blank(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// `text` as stderr shows it: escaped as Rust's `{:?}` escapes a string (control, format and
/// bidi characters, backslashes and quotes: an id's ESC sequence or newline must not recolour
/// the terminal or forge a line of the report, and a backslash written out stays apart from
/// what it would name), cut after `max_chars` characters with `…`.
pub fn shown(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max_chars {
            out.push('…');
            break;
        }
        out.extend(c.escape_debug());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options {
            strict: false,
            text_field: "text".into(),
            id_field: "id".into(),
            lang_field: None,
        }
    }

    fn all_lines(input: &[u8], json: bool, limit: u64) -> Vec<Line> {
        let mut lines = Lines::with_limit(input, json, limit);
        std::iter::from_fn(|| lines.next_line(&options()))
            .map(|l| l.unwrap())
            .collect()
    }

    #[test]
    fn long_lines_are_consumed_but_not_kept() {
        let mut input: &[u8] = b"short\nthis one is long\nend";
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut input, &mut buf, 8).unwrap(), (6, true));
        assert_eq!(buf, b"short\n");
        buf.clear();
        assert_eq!(read_line(&mut input, &mut buf, 8).unwrap(), (17, false));
        assert_eq!(buf, b"th", "the rest freed at once");
        assert!(buf.capacity() <= KEPT_OF_LONG_LINES);
        buf.clear();
        assert_eq!(read_line(&mut input, &mut buf, 8).unwrap(), (3, true));
        assert_eq!(buf, b"end");
        buf.clear();
        assert_eq!(read_line(&mut input, &mut buf, 8).unwrap(), (0, true));
    }

    #[test]
    fn the_limit_is_on_the_line_without_its_end() {
        for (input, kept) in [
            (&b"12345678\r\n"[..], true),
            (b"12345678\n", true),
            (b"12345678", true),
            (b"123456789\n", false),
            (b"12345678\r\r\n", false),
            (b"123456789", false),
            (b"12345678\r", false),
        ] {
            let lines = all_lines(input, false, 8);
            assert_eq!(lines.len(), 1);
            assert_eq!(lines[0].decoded.text.is_ok(), kept, "{input:?}");
            assert_eq!(lines[0].bytes, input.len() as u64);
        }
    }

    #[test]
    fn invalid_utf8_is_replaced_or_refused() {
        let bytes = b"caf\xE9 and th\xE9".to_vec();
        let decoded = decode_text(bytes.clone(), false);
        assert_eq!(decoded.text.unwrap(), "caf\u{FFFD} and th\u{FFFD}");
        assert!(decoded.warnings[0].contains("2 invalid sequence(s)"));
        let decoded = decode_text(bytes, true);
        assert!(decoded.text.unwrap_err().contains("offset 3"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let decoded = decode_whole(b"\x7fELF\x02\x01\x00\x00".to_vec(), false);
        assert!(decoded.text.unwrap_err().contains("binary"));
    }

    #[test]
    fn a_utf16_byte_order_mark_is_refused_even_without_nul_bytes() {
        // 中文 in UTF-16LE, then in UTF-16BE: no NUL byte in either.
        for bytes in [
            &b"\xFF\xFE\x2D\x4E\x87\x65"[..],
            b"\xFE\xFF\x4E\x2D\x65\x87",
        ] {
            let error = decode_whole(bytes.to_vec(), false).text.unwrap_err();
            assert!(error.starts_with("UTF-16 text"), "{error}");
            // A line-based input is one error, whatever its "lines".
            let mut input = bytes.to_vec();
            input.extend_from_slice(b"\n\x0A\x4E\n");
            // Also when the first line is over the limit (found by fuzzing).
            for (json, limit) in [(false, 100), (true, 100), (false, 4), (true, 4)] {
                let lines = all_lines(&input, json, limit);
                assert_eq!(lines.len(), 1);
                let error = lines[0].decoded.text.as_ref().unwrap_err();
                assert!(error.contains("UTF-16"), "{error}");
            }
        }
    }

    #[test]
    fn utf8_byte_order_marks() {
        let whole = decode_whole(b"\xEF\xBB\xBFMuscat".to_vec(), true);
        assert_eq!(whole.text.unwrap(), "Muscat");
        // Text lines: only the input's own.
        let lines = all_lines(b"\xEF\xBB\xBFa\n\xEF\xBB\xBFb\n", false, 100);
        assert_eq!(lines[0].decoded.text.as_deref(), Ok("a"));
        assert_eq!(lines[1].decoded.text.as_deref(), Ok("\u{FEFF}b"));
        // JSON Lines: every line's, as when files are joined with cat; a line holding only
        // a byte order mark is blank.
        let input = b"\xEF\xBB\xBF{\"text\":\"a\"}\n\xEF\xBB\xBF\n\xEF\xBB\xBF{\"text\":\"b\"}\n";
        let lines = all_lines(input, true, 100);
        let texts: Vec<_> = lines.iter().map(|l| l.decoded.text.clone()).collect();
        assert_eq!(texts, [Ok("a".into()), Ok("b".into())]);
        assert_eq!(lines[1].number, 3);
    }

    #[test]
    fn records_after_a_first_line_of_something_else_are_json_lines() {
        let records = b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n";
        for first in [&b"// comment\n"[..], b"\"x\"\n", b"xt\":\"cut\"}\n\n"] {
            assert!(json_lines_after_first(&[first, records].concat(), true));
        }
        // The last record cut where the head ends, the input going on; CRLF line ends.
        assert!(json_lines_after_first(
            b"#\n{\"text\":\"a\"}\r\n{\"te",
            false
        ));
        assert!(!json_lines_after_first(b"#\n{\"text\":\"a\"}\n{\"te", true));
        // Text, even with lines that start with a brace; a pretty-printed array.
        assert!(!json_lines_after_first(b"Muscat, Oman\n", true));
        assert!(!json_lines_after_first(
            b"Notes\n{draft} The minister.\n",
            true
        ));
        assert!(!json_lines_after_first(
            b"Title\n{aside}\nLast line.\n",
            true
        ));
        assert!(!json_lines_after_first(
            b"[\n{\"a\": 1},\n{\"a\": 2}\n]\n",
            true
        ));
    }

    #[test]
    fn stdin_sniffing() {
        assert!(starts_like_json(b"  \n{\"text\":1}"));
        assert!(starts_like_json(b"\xEF\xBB\xBF{}"));
        assert!(!starts_like_json(b"Plain text {not json}"));
        assert!(!starts_like_json(b""));
        assert!(is_blank(b"") && is_blank(b" \n\r\n\t") && is_blank(b"\xEF\xBB\xBF\n"));
        assert!(!is_blank(b"\n x") && !is_blank(b"\xEF\xBB"));
    }

    #[test]
    fn every_line_is_one_document_and_blank_json_lines_none() {
        let input = b"{\"text\":\"a\"}\n\n  \r\n{bad\n\xff\n{\"text\":\"b\"}";
        let lines = all_lines(input, true, 100);
        let numbers: Vec<u64> = lines.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 4, 5, 6]);
        let bytes: u64 = all_lines(input, false, 100).iter().map(|l| l.bytes).sum();
        assert_eq!(bytes, input.len() as u64);
        assert_eq!(all_lines(input, false, 100).len(), 6);
    }
}
