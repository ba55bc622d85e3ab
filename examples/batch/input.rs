//! Finds the documents under the paths given and reads them one at a time, so that memory
//! holds one batch of documents, never the corpus.
//!
//! Every problem becomes a [`Document`] whose text is an error: a path that does not exist,
//! a folder or file that cannot be read, bytes that are not text, a malformed JSON line. The
//! caller writes an error record for it and goes on.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use crate::output::io_message;
use crate::{InputArgs, InputFormat};

/// Documents longer than this are refused (an error record) rather than risk running out of
/// memory; one document is held whole in memory while it is analysed.
pub const MAX_DOCUMENT_BYTES: u64 = 1 << 30;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// One input document, or why it could not be read.
#[derive(Debug)]
pub struct Document {
    /// The document's id: the JSON id field, else the path (and line) it came from.
    pub id: String,
    /// The file it came from (`-` for stdin), for error records.
    pub file: Arc<str>,
    /// Its line in that file, for line-based inputs.
    pub line: Option<u64>,
    /// Its text, or what went wrong.
    pub text: Result<String, String>,
    /// Something the user should know about a document that was analysed anyway.
    pub warning: Option<String>,
    /// Input bytes this document took, for progress and throughput.
    pub bytes: u64,
}

impl Document {
    /// Where the document is: FILE or FILE:LINE.
    pub fn location(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.to_string(),
        }
    }

    fn failed(id: String, file: Arc<str>, line: Option<u64>, error: String) -> Document {
        Document {
            id,
            file,
            line,
            text: Err(error),
            warning: None,
            bytes: 0,
        }
    }
}

/// How the lines or the whole of one input become documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    /// The whole input is one document.
    Whole,
    /// Each line is a document.
    Lines,
    /// Each non-blank line is a JSON object holding a document.
    JsonLines,
}

/// The documents of every input, in order: paths in the order given, folders recursively in
/// file name order, lines in file order.
pub struct Documents {
    args: InputArgs,
    roots: std::vec::IntoIter<PathBuf>,
    walk: Option<(PathBuf, walkdir::IntoIter)>,
    reader: Option<LineReader>,
}

impl Documents {
    pub fn new(args: InputArgs) -> Documents {
        let roots = args.paths.clone().into_iter();
        Documents {
            args,
            roots,
            walk: None,
            reader: None,
        }
    }

    fn layout_of(&self, path: &Path) -> Layout {
        let json = match self.args.input_format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto => has_extension(path, &["jsonl", "ndjson"]),
        };
        match (json, self.args.lines) {
            (true, _) => Layout::JsonLines,
            (false, true) => Layout::Lines,
            (false, false) => Layout::Whole,
        }
    }

    /// Opens one file: a whole-file document is returned, a line-based file becomes the
    /// current reader.
    fn open(&mut self, path: &Path, id: String) -> Option<Document> {
        let file_name: Arc<str> = path.display().to_string().into();
        let layout = self.layout_of(path);
        let opened = File::open(path).and_then(|f| {
            let meta = f.metadata()?;
            if meta.is_dir() {
                return Err(io::Error::other("is a folder"));
            }
            Ok((f, meta.len()))
        });
        let (file, len) = match opened {
            Ok(opened) => opened,
            Err(e) => {
                let error = format!("cannot read: {}", io_message(&e));
                return Some(Document::failed(id, file_name, None, error));
            }
        };
        if layout == Layout::Whole {
            if len > MAX_DOCUMENT_BYTES {
                let error = format!(
                    "{len} bytes, more than the {MAX_DOCUMENT_BYTES} bytes one document may have: split it, or use --lines if it holds one document per line"
                );
                return Some(Document::failed(id, file_name, None, error));
            }
            let mut bytes = Vec::with_capacity(len as usize);
            // Special files (devices, pipes) say nothing of their size: read one byte past the
            // limit to know.
            let error = match (&file).take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes) {
                Ok(n) if n as u64 <= MAX_DOCUMENT_BYTES => {
                    return Some(whole_document(id, file_name, bytes, self.args.strict));
                }
                Ok(_) => format!(
                    "more than the {MAX_DOCUMENT_BYTES} bytes one document may have: split it, or use --lines if it holds one document per line"
                ),
                Err(e) => format!("cannot read: {}", io_message(&e)),
            };
            return Some(Document::failed(id, file_name, None, error));
        }
        self.reader = Some(LineReader {
            input: Box::new(BufReader::with_capacity(1 << 20, file)),
            file: file_name,
            id_prefix: id,
            json: layout == Layout::JsonLines,
            line: 0,
            done: false,
        });
        None
    }

    fn open_stdin(&mut self) -> Option<Document> {
        let mut input = BufReader::with_capacity(1 << 20, io::stdin());
        let json = match self.args.input_format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto => match input.fill_buf() {
                Ok(head) => starts_like_json(head),
                Err(e) => {
                    let error = format!("cannot read: {}", io_message(&e));
                    return Some(Document::failed("-".into(), "-".into(), None, error));
                }
            },
        };
        let layout = match (json, self.args.lines) {
            (true, _) => Layout::JsonLines,
            (false, true) => Layout::Lines,
            (false, false) => Layout::Whole,
        };
        if layout == Layout::Whole {
            let mut bytes = Vec::new();
            let read = input.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes);
            return Some(match read {
                Err(e) => Document::failed(
                    "-".into(),
                    "-".into(),
                    None,
                    format!("cannot read: {}", io_message(&e)),
                ),
                Ok(n) if n as u64 > MAX_DOCUMENT_BYTES => Document::failed(
                    "-".into(),
                    "-".into(),
                    None,
                    format!(
                        "stdin holds more than the {MAX_DOCUMENT_BYTES} bytes one document may have: use --lines or JSON Lines"
                    ),
                ),
                Ok(_) => whole_document("-".into(), "-".into(), bytes, self.args.strict),
            });
        }
        self.reader = Some(LineReader {
            input: Box::new(input),
            file: "-".into(),
            id_prefix: "-".into(),
            json: layout == Layout::JsonLines,
            line: 0,
            done: false,
        });
        None
    }
}

impl Iterator for Documents {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        loop {
            if let Some(reader) = &mut self.reader {
                match reader.next_document(&self.args) {
                    Some(doc) => return Some(doc),
                    None => self.reader = None,
                }
            }
            if let Some((root, walk)) = &mut self.walk {
                match walk.next() {
                    Some(Ok(entry)) => {
                        let path = entry.path();
                        if entry.file_type().is_dir()
                            || !has_extension(path, &["txt", "jsonl", "ndjson"])
                        {
                            continue;
                        }
                        let id = path
                            .strip_prefix(&*root)
                            .unwrap_or(path)
                            .display()
                            .to_string();
                        let path = path.to_owned();
                        if let Some(doc) = self.open(&path, id) {
                            return Some(doc);
                        }
                    }
                    Some(Err(e)) => {
                        let path = e.path().unwrap_or(root).to_owned();
                        let error = match e.io_error() {
                            Some(io) => format!("cannot read: {}", io_message(io)),
                            None => format!("cannot read: {e}"),
                        };
                        let name = path.display().to_string();
                        return Some(Document::failed(name.clone(), name.into(), None, error));
                    }
                    None => self.walk = None,
                }
                continue;
            }
            let root = self.roots.next()?;
            if root.as_os_str() == "-" {
                if let Some(doc) = self.open_stdin() {
                    return Some(doc);
                }
                continue;
            }
            match fs::metadata(&root) {
                Ok(meta) if meta.is_dir() => {
                    let walk = walkdir::WalkDir::new(&root)
                        .follow_links(true)
                        .sort_by_file_name()
                        .into_iter();
                    self.walk = Some((root, walk));
                }
                Ok(_) => {
                    let id = root.display().to_string();
                    if let Some(doc) = self.open(&root, id) {
                        return Some(doc);
                    }
                }
                Err(e) => {
                    let name = root.display().to_string();
                    let error = format!("cannot read: {}", io_message(&e));
                    return Some(Document::failed(name.clone(), name.into(), None, error));
                }
            }
        }
    }
}

/// The bytes the inputs hold, for a progress bar with an end; `None` when stdin is one of
/// them.
pub fn total_size(paths: &[PathBuf]) -> Option<u64> {
    let mut total = 0;
    for root in paths {
        if root.as_os_str() == "-" {
            return None;
        }
        for entry in walkdir::WalkDir::new(root)
            .follow_links(true)
            .into_iter()
            .flatten()
        {
            let path = entry.path();
            let named = path == root.as_path() || has_extension(path, &["txt", "jsonl", "ndjson"]);
            if named && entry.file_type().is_file() {
                total += entry.metadata().map_or(0, |m| m.len());
            }
        }
    }
    Some(total)
}

/// Reads a line-based input (text lines or JSON Lines) one document at a time.
struct LineReader {
    input: Box<dyn BufRead + Send>,
    file: Arc<str>,
    id_prefix: String,
    /// JSON Lines, else text lines.
    json: bool,
    line: u64,
    done: bool,
}

impl LineReader {
    fn next_document(&mut self, args: &InputArgs) -> Option<Document> {
        while !self.done {
            let mut buf = Vec::with_capacity(256);
            let read = read_line(&mut self.input, &mut buf, MAX_DOCUMENT_BYTES);
            let line_no = self.line + 1;
            let id = format!("{}:{line_no}", self.id_prefix);
            let (consumed, complete) = match read {
                Ok((0, _)) => {
                    self.done = true;
                    return None;
                }
                Ok(read) => read,
                Err(e) => {
                    // The rest of the input cannot be trusted to be where it seems to be.
                    self.done = true;
                    let error = format!("cannot read after line {}: {}", self.line, io_message(&e));
                    return Some(Document::failed(
                        id,
                        self.file.clone(),
                        Some(line_no),
                        error,
                    ));
                }
            };
            self.line = line_no;
            if !complete {
                let error = format!(
                    "line {line_no} is longer than the {MAX_DOCUMENT_BYTES} bytes one document may have"
                );
                let mut doc = Document::failed(id, self.file.clone(), Some(line_no), error);
                doc.bytes = consumed as u64;
                return Some(doc);
            }
            trim_line_end(&mut buf);
            if line_no == 1 && buf.starts_with(UTF8_BOM) {
                buf.drain(..UTF8_BOM.len());
            }
            let mut doc = if self.json {
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue; // blank lines separate nothing and hold no document
                }
                self.json_document(buf, id, line_no, args)
            } else {
                let (text, warning) = decode(buf, args.strict, true);
                Document {
                    id,
                    file: self.file.clone(),
                    line: Some(line_no),
                    text,
                    warning,
                    bytes: 0,
                }
            };
            doc.bytes = consumed as u64;
            return Some(doc);
        }
        None
    }

    fn json_document(&self, buf: Vec<u8>, id: String, line: u64, args: &InputArgs) -> Document {
        let failed =
            |id: String, error: String| Document::failed(id, self.file.clone(), Some(line), error);
        let (decoded, warning) = decode(buf, args.strict, false);
        let json = match decoded {
            Ok(json) => json,
            Err(e) => return failed(id, e),
        };
        let fields = Fields {
            text: &args.text_field,
            id: &args.id_field,
        };
        let (text, doc_id) =
            match fields.deserialize(&mut serde_json::Deserializer::from_str(&json)) {
                Ok(found) => found,
                Err(e) => return failed(id, format!("invalid JSON: {e}")),
            };
        let id = match doc_id {
            None => id,
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => {
                return failed(
                    id,
                    format!(
                        "field {:?} is {}: ids must be strings or numbers (choose the field with --id-field)",
                        args.id_field,
                        kind_of(&other)
                    ),
                );
            }
        };
        let text = match text {
            Some(Value::String(s)) => s,
            None => {
                return failed(
                    id,
                    format!(
                        "no {:?} field: name the field that holds the text with --text-field",
                        args.text_field
                    ),
                );
            }
            Some(other) => {
                return failed(
                    id,
                    format!(
                        "field {:?} is {}, not a string: name the field that holds the text with --text-field",
                        args.text_field,
                        kind_of(&other)
                    ),
                );
            }
        };
        Document {
            id,
            file: self.file.clone(),
            line: Some(line),
            text: Ok(text),
            warning,
            bytes: 0,
        }
    }
}

/// A whole file (or stdin) as one document.
fn whole_document(id: String, file: Arc<str>, mut bytes: Vec<u8>, strict: bool) -> Document {
    let len = bytes.len() as u64;
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    let (text, warning) = decode(bytes, strict, true);
    Document {
        id,
        file,
        line: None,
        text,
        warning,
        bytes: len,
    }
}

/// Turns bytes into text: valid UTF-8 as it is, anything else replaced by U+FFFD with a
/// warning, or refused when `strict`. Text inputs (`text_input`) with NUL bytes are refused:
/// they are binary files or UTF-16, and analysing them would only produce noise.
fn decode(
    bytes: Vec<u8>,
    strict: bool,
    text_input: bool,
) -> (Result<String, String>, Option<String>) {
    let nul = if text_input {
        bytes.iter().position(|&b| b == 0)
    } else {
        None
    };
    if let Some(at) = nul {
        let error = format!(
            "binary data, not text (NUL byte at offset {at}); if it is UTF-16 text, convert it first: iconv -f UTF-16 -t UTF-8"
        );
        return (Err(error), None);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (Ok(text), None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            if strict {
                let error = format!(
                    "not valid UTF-8 (invalid byte at offset {at}): convert it to UTF-8, or run without --strict to replace invalid bytes with U+FFFD"
                );
                return (Err(error), None);
            }
            let bytes = e.into_bytes();
            let invalid = bytes
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            let warning = format!(
                "not valid UTF-8 (first invalid byte at offset {at}): {invalid} invalid sequence(s) replaced by U+FFFD"
            );
            (
                Ok(String::from_utf8_lossy(&bytes).into_owned()),
                Some(warning),
            )
        }
    }
}

/// Reads up to and including the next `\n` into `buf`, keeping at most `limit` bytes; a
/// longer line is consumed to its end but not kept. Returns the bytes consumed and whether
/// the line was kept whole.
fn read_line(input: &mut dyn BufRead, buf: &mut Vec<u8>, limit: u64) -> io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut complete = true;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((consumed, complete));
        }
        let (chunk, found) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        if complete && (buf.len() + chunk.len()) as u64 <= limit + 1 {
            buf.extend_from_slice(chunk);
        } else {
            complete = false;
            buf.clear();
        }
        let n = chunk.len();
        input.consume(n);
        consumed += n;
        if found {
            return Ok((consumed, complete));
        }
    }
}

fn trim_line_end(buf: &mut Vec<u8>) {
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
}

/// Whether stdin looks like JSON Lines: its first non-blank character is `{`.
fn starts_like_json(head: &[u8]) -> bool {
    let head = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads the text and id fields of a JSON object and skips the others without building
/// them.
struct Fields<'a> {
    text: &'a str,
    id: &'a str,
}

impl<'de> DeserializeSeed<'de> for Fields<'_> {
    type Value = (Option<Value>, Option<Value>);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Fields<'_> {
    type Value = (Option<Value>, Option<Value>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut text, mut id) = (None, None);
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.text {
                if text.is_some() {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate field {key:?}"
                    )));
                }
                text = Some(map.next_value::<Value>()?);
            } else if key == self.id {
                if id.is_some() {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate field {key:?}"
                    )));
                }
                id = Some(map.next_value::<Value>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok((text, id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_consumed_but_not_kept() {
        let mut input: &[u8] = b"short\nthis one is long\nend";
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut input, &mut buf, 8).unwrap(), (6, true));
        assert_eq!(buf, b"short\n");
        buf.clear();
        assert_eq!(read_line(&mut input, &mut buf, 8).unwrap(), (17, false));
        buf.clear();
        assert_eq!(read_line(&mut input, &mut buf, 8).unwrap(), (3, true));
        assert_eq!(buf, b"end");
        buf.clear();
        assert_eq!(read_line(&mut input, &mut buf, 8).unwrap(), (0, true));
    }

    #[test]
    fn invalid_utf8_is_replaced_or_refused() {
        let bytes = b"caf\xE9 and th\xE9".to_vec();
        let (text, warning) = decode(bytes.clone(), false, true);
        assert_eq!(text.unwrap(), "caf\u{FFFD} and th\u{FFFD}");
        assert!(warning.unwrap().contains("2 invalid sequence(s)"));
        let (text, _) = decode(bytes, true, true);
        assert!(text.unwrap_err().contains("offset 3"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let (text, _) = decode(b"\x7fELF\x02\x01\x00\x00".to_vec(), false, true);
        assert!(text.unwrap_err().contains("binary"));
    }

    #[test]
    fn stdin_sniffing() {
        assert!(starts_like_json(b"  \n{\"text\":1}"));
        assert!(starts_like_json(b"\xEF\xBB\xBF{}"));
        assert!(!starts_like_json(b"Plain text {not json}"));
        assert!(!starts_like_json(b""));
    }

    #[test]
    fn only_the_two_fields_are_read() {
        let fields = Fields {
            text: "body",
            id: "key",
        };
        let json = r#"{"key":7,"other":{"deep":[1,2]},"body":"Muscat"}"#;
        let (text, id) = fields
            .deserialize(&mut serde_json::Deserializer::from_str(json))
            .unwrap();
        assert_eq!(text, Some(Value::String("Muscat".into())));
        assert_eq!(id, Some(Value::from(7)));
        let fields = Fields {
            text: "body",
            id: "key",
        };
        assert!(
            fields
                .deserialize(&mut serde_json::Deserializer::from_str("[1]"))
                .is_err()
        );
    }
}
