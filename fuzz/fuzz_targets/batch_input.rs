//! Fuzzing of the batch tool's input decoding: bytes of a file or of stdin as one document,
//! as text lines and as JSON Lines.
//!
//! `cargo fuzz run batch_input` (see fuzz/README.md). The decoding modules of
//! `examples/batch` are included as they are (they use neither files nor clap). The first
//! byte of the input picks the options (bit 0: `--strict`; bit 1: a line limit of 16 bytes
//! instead of 1 GiB, so that over-long lines are met; bit 2: `--lang-field lang`), the rest
//! is the input. Checks:
//! - nothing panics;
//! - every line yields exactly one document or error, counted here independently: every line
//!   of a text input; every line of JSON Lines but the blank ones (only ASCII blanks after
//!   an optional UTF-8 BOM, and not over the limit); one error for an input that starts with
//!   a UTF-16 byte order mark; line numbers and consumed bytes add up;
//! - texts are valid UTF-8, and valid UTF-8 text without NUL bytes comes out unchanged;
//! - a JSON line that serde_json reads as an object with a string text field and a string or
//!   number id gives that text and id (or the duplicate-field error; serde_json's `Value`
//!   keeps the last of duplicates), and one it cannot read as a JSON value gives an error
//!   (unless it is deeper than `Value`'s recursion limit, which skipping does not have);
//! - decoding the same bytes twice gives the same result;
//! - telling JSON Lines from text after a first line of something else answers for any
//!   bytes, yes only when every later non-blank line starts an object.
#![no_main]

#[allow(dead_code)]
#[path = "../../examples/batch/decode.rs"]
mod decode;
#[allow(dead_code)]
#[path = "../../examples/batch/json_line.rs"]
mod json_line;

use decode::{Decoded, Line, Lines, MAX_DOCUMENT_BYTES, Options, UTF8_BOM};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, input)) = data.split_first() else {
        return;
    };
    let options = Options {
        strict: mode & 1 != 0,
        text_field: "text".into(),
        id_field: "id".into(),
        lang_field: (mode & 4 != 0).then(|| "lang".into()),
    };
    let limit = if mode & 2 != 0 {
        16
    } else {
        MAX_DOCUMENT_BYTES
    };

    // Telling stdin's format: whatever the bytes, an answer; records after a first line of
    // something else only when every later non-blank line opens an object.
    for ended in [false, true] {
        if decode::json_lines_after_first(input, ended) {
            let body = strip_bom(input);
            let lines = body.split(|&b| b == b'\n').map(<[u8]>::trim_ascii);
            assert!(
                lines
                    .filter(|l| !l.is_empty())
                    .skip(1)
                    .all(|l| l[0] == b'{')
            );
        }
    }

    let whole = decode::decode_whole(input.to_vec(), options.strict);
    assert_eq!(whole, decode::decode_whole(input.to_vec(), options.strict));
    if is_utf16(input) {
        assert!(whole.text.is_err(), "UTF-16 is refused");
    } else {
        check_text(&whole, strip_bom(input));
    }

    for json in [false, true] {
        let lines = decode_lines(input, json, limit, &options);
        assert_eq!(lines, decode_lines(input, json, limit, &options), "twice");
        let expected = expected_lines(input, json, limit);
        let numbers: Vec<u64> = lines.iter().map(|l| l.number).collect();
        assert_eq!(numbers, expected, "one document or error per line");
        if !json && !is_utf16(input) {
            let consumed: u64 = lines.iter().map(|l| l.bytes).sum();
            assert_eq!(consumed, input.len() as u64, "every byte is read");
        }
        if is_utf16(input) {
            continue;
        }
        let raw = raw_lines(input);
        for line in &lines {
            let bytes = raw[line.number as usize - 1];
            if line_length(bytes) as u64 > limit {
                assert!(line.decoded.text.is_err(), "over the limit");
                continue;
            }
            let content = &bytes[..line_length(bytes)];
            if json {
                check_json(&line.decoded, strip_bom(content));
            } else {
                let content = if line.number == 1 {
                    strip_bom(content)
                } else {
                    content
                };
                check_text(&line.decoded, content);
            }
        }
    }
});

fn decode_lines(input: &[u8], json: bool, limit: u64, options: &Options) -> Vec<Line> {
    let mut lines = Lines::with_limit(input, json, limit);
    std::iter::from_fn(|| lines.next_line(options))
        .map(|l| l.expect("a slice cannot fail to read"))
        .collect()
}

fn is_utf16(input: &[u8]) -> bool {
    input.starts_with(b"\xFF\xFE") || input.starts_with(b"\xFE\xFF")
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes)
}

/// The input's lines, each with its `\n` if it has one.
fn raw_lines(input: &[u8]) -> Vec<&[u8]> {
    input.split_inclusive(|&b| b == b'\n').collect()
}

/// A line's length without its `\n` or `\r\n`.
fn line_length(line: &[u8]) -> usize {
    match line {
        [.., b'\r', b'\n'] => line.len() - 2,
        [.., b'\n'] => line.len() - 1,
        _ => line.len(),
    }
}

/// The numbers of the lines that must give a document or an error.
fn expected_lines(input: &[u8], json: bool, limit: u64) -> Vec<u64> {
    if is_utf16(input) {
        return vec![1];
    }
    let mut numbers = Vec::new();
    for (i, line) in raw_lines(input).into_iter().enumerate() {
        let content = &line[..line_length(line)];
        let blank = strip_bom(content).iter().all(u8::is_ascii_whitespace);
        if !json || content.len() as u64 > limit || !blank {
            numbers.push(i as u64 + 1);
        }
    }
    numbers
}

/// A text document: valid UTF-8, and the bytes themselves when they were valid UTF-8
/// without NUL.
fn check_text(decoded: &Decoded, bytes: &[u8]) {
    match (&decoded.text, std::str::from_utf8(bytes)) {
        (Ok(text), _) => {
            assert!(std::str::from_utf8(text.as_bytes()).is_ok());
            assert!(!bytes.contains(&0), "NUL bytes are refused");
            if let Ok(original) = std::str::from_utf8(bytes) {
                assert_eq!(text, original, "valid text comes out unchanged");
                assert!(decoded.warnings.is_empty());
            } else {
                assert!(!decoded.warnings.is_empty(), "lossy decoding is told");
            }
        }
        (Err(_), Ok(original)) => assert!(original.contains('\0'), "refused valid text"),
        (Err(_), Err(_)) => {}
    }
}

/// A JSON line against serde_json's own reading of it.
fn check_json(decoded: &Decoded, bytes: &[u8]) {
    if let Ok(text) = &decoded.text {
        assert!(std::str::from_utf8(text.as_bytes()).is_ok());
    }
    if std::str::from_utf8(bytes).is_err() {
        return; // decoded lossily (or refused): serde_json would refuse the raw bytes
    }
    let value = match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(value) => value,
        Err(e) => {
            // `Value` recurses, the tool skips with a loop: depth may tell them apart. And
            // `Value` refuses a number out of f64's range anywhere, where the tool skips
            // fields other than the text and id unread (found by this target): both are
            // valid JSON, so the tool may take the line.
            let message = e.to_string();
            if !message.contains("recursion limit") && !message.contains("number out of range") {
                assert!(decoded.text.is_err(), "serde_json: {e}");
            }
            return;
        }
    };
    let expected_id = match value.get("id") {
        None => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(_) => {
            assert!(decoded.text.is_err(), "a wrong id");
            return;
        }
    };
    let duplicate = |d: &Decoded| {
        d.text
            .as_ref()
            .is_err_and(|e| e.contains("duplicate field"))
    };
    match value.get("text") {
        Some(serde_json::Value::String(text)) if value.is_object() => {
            if !duplicate(decoded) {
                assert_eq!(decoded.text.as_ref(), Ok(text), "the text field");
                assert_eq!(decoded.id, expected_id, "the id field");
            }
        }
        _ => assert!(decoded.text.is_err(), "no text: {value}"),
    }
}
