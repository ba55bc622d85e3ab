//! Finds the documents under the paths given and reads them one at a time, so that memory
//! holds one batch of documents, never the corpus. How bytes become text is `decode`'s
//! business; this module finds, opens and walks.
//!
//! Every problem becomes a [`Document`] whose text is an error: a path that does not exist,
//! a folder or file that cannot be read, a special file met in a folder, bytes that are not
//! text, a malformed JSON line. The caller writes an error record for it and goes on.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use wordmill::Lang;

use crate::decode::{self, Decoded, Lines, MAX_DOCUMENT_BYTES, Options};
use crate::files::names_stdin;
use crate::links::Links;
use crate::output::io_message;
use crate::{InputArgs, InputFormat};

/// The extensions of the files a folder's documents are in.
pub const EXTENSIONS: [&str; 3] = ["txt", "jsonl", "ndjson"];

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
    /// What the user should know about a document that was analysed anyway.
    pub warnings: Vec<String>,
    /// The language its source gives (`--lang-field`): it is analysed in it, undetected.
    pub lang: Option<Lang>,
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

    pub(crate) fn failed(id: String, file: Arc<str>, line: Option<u64>, error: String) -> Document {
        Document {
            id,
            file,
            line,
            text: Err(error),
            warnings: Vec::new(),
            lang: None,
            bytes: 0,
        }
    }

    /// A document decoded from `bytes` input bytes; its id is its own, else `id`.
    fn decoded(
        decoded: Decoded,
        id: String,
        file: Arc<str>,
        line: Option<u64>,
        bytes: u64,
    ) -> Document {
        Document {
            id: decoded.id.unwrap_or(id),
            file,
            line,
            text: decoded.text,
            warnings: decoded.warnings,
            lang: decoded.lang,
            bytes,
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

impl Layout {
    fn new(json: bool, lines: bool) -> Layout {
        match (json, lines) {
            (true, _) => Layout::JsonLines,
            (false, true) => Layout::Lines,
            (false, false) => Layout::Whole,
        }
    }
}

/// The documents of every input, in order: paths in the order given, folders recursively in
/// file name order, lines in file order.
pub struct Documents {
    args: InputArgs,
    options: Options,
    roots: std::vec::IntoIter<PathBuf>,
    walk: Option<(PathBuf, walkdir::IntoIter)>,
    reader: Option<LineReader>,
    /// The second names of files read once already.
    links: Links,
}

impl Documents {
    pub fn new(args: InputArgs) -> Documents {
        let roots = args.paths.clone().into_iter();
        let options = Options {
            strict: args.strict,
            text_field: args.text_field.clone(),
            id_field: args.id_field.clone(),
            lang_field: args.lang_field.clone(),
        };
        Documents {
            links: Links::new(&args.paths),
            args,
            options,
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
        Layout::new(json, self.args.lines)
    }

    /// Opens one file (`through_link`: met through a symbolic link in a folder): a
    /// whole-file document is returned, a line-based file becomes the current reader.
    fn open(&mut self, path: &Path, id: String, through_link: bool) -> Option<Document> {
        let file_name: Arc<str> = path.display().to_string().into();
        let mut layout = self.layout_of(path);
        let opened = File::open(path).and_then(|f| {
            let meta = f.metadata()?;
            if meta.is_dir() {
                return Err(io::Error::other("is a folder"));
            }
            Ok((f, meta))
        });
        let (file, len, is_regular) = match opened {
            Ok((file, meta)) => {
                if let Some(first) = self
                    .links
                    .read_before(&meta, path, through_link, &file_name)
                {
                    let error = format!(
                        "the same file as {first} (a link, or another name for it): skipped, its documents are read once"
                    );
                    return Some(Document::failed(id, file_name, None, error));
                }
                (file, meta.len(), meta.is_file())
            }
            Err(e) => {
                let error = format!("cannot read: {}", io_message(&e));
                return Some(Document::failed(id, file_name, None, error));
            }
        };
        // A pipe, a device or another name of stdin (`<(cmd)`, `/dev/stdin`) has no name that
        // says its format: its content tells, as `-`'s does.
        let mut input: Box<dyn Read + Send> = Box::new(file);
        if matches!(self.args.input_format, InputFormat::Auto)
            && !has_extension(path, &EXTENSIONS)
            && (!is_regular || crate::files::names_stdin(path))
        {
            let mut reader = BufReader::with_capacity(1 << 20, input);
            let mut head = Vec::new();
            match tell_json(&mut reader, &mut head) {
                Ok(json) => layout = Layout::new(json, self.args.lines),
                Err(e) => {
                    let error = format!("cannot read: {}", io_message(&e));
                    return Some(Document::failed(id, file_name, None, error));
                }
            }
            input = Box::new(io::Cursor::new(head).chain(reader));
        }
        if layout != Layout::Whole {
            let input = Box::new(BufReader::with_capacity(1 << 20, input));
            self.reader = Some(LineReader {
                lines: Lines::new(input, layout == Layout::JsonLines),
                file: file_name,
                id_prefix: id,
            });
            return None;
        }
        if len > MAX_DOCUMENT_BYTES {
            let error = format!(
                "{len} bytes, more than the {MAX_DOCUMENT_BYTES} bytes one document may have: split it, or use --lines if it holds one document per line"
            );
            return Some(Document::failed(id, file_name, None, error));
        }
        let mut bytes = Vec::with_capacity(len as usize);
        // Special files (devices, pipes) say nothing of their size: read one byte past the
        // limit to know.
        let error = match input.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes) {
            Ok(n) if n as u64 <= MAX_DOCUMENT_BYTES => {
                let decoded = decode::decode_whole(bytes, self.args.strict);
                return Some(Document::decoded(decoded, id, file_name, None, n as u64));
            }
            Ok(_) => format!(
                "more than the {MAX_DOCUMENT_BYTES} bytes one document may have: split it, or use --lines if it holds one document per line"
            ),
            Err(e) => format!("cannot read: {}", io_message(&e)),
        };
        Some(Document::failed(id, file_name, None, error))
    }

    fn open_stdin(&mut self) -> Option<Document> {
        let mut stdin = BufReader::with_capacity(1 << 20, io::stdin());
        let stdin_failed =
            |error: String| Some(Document::failed("-".into(), "-".into(), None, error));
        // What was read to tell the format, given back in front of the rest.
        let mut head = Vec::new();
        let json = match self.args.input_format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto => match tell_json(&mut stdin, &mut head) {
                Ok(json) => json,
                Err(e) => return stdin_failed(format!("cannot read: {}", io_message(&e))),
            },
        };
        let input = io::Cursor::new(head).chain(stdin);
        if Layout::new(json, self.args.lines) != Layout::Whole {
            self.reader = Some(LineReader {
                lines: Lines::new(Box::new(input), json),
                file: "-".into(),
                id_prefix: "-".into(),
            });
            return None;
        }
        let mut bytes = Vec::new();
        match input.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes) {
            Err(e) => stdin_failed(format!("cannot read: {}", io_message(&e))),
            Ok(n) if n as u64 > MAX_DOCUMENT_BYTES => stdin_failed(format!(
                "stdin holds more than the {MAX_DOCUMENT_BYTES} bytes one document may have: use --lines or JSON Lines"
            )),
            Ok(n) => {
                let decoded = decode::decode_whole(bytes, self.args.strict);
                Some(Document::decoded(
                    decoded,
                    "-".into(),
                    "-".into(),
                    None,
                    n as u64,
                ))
            }
        }
    }

    /// The next document of the folder being walked; `None` when it is done.
    fn next_in_folder(&mut self) -> Option<Document> {
        loop {
            let (root, walk) = self.walk.as_mut()?;
            let entry = match walk.next() {
                Some(Ok(entry)) => entry,
                Some(Err(e)) => {
                    let path = e.path().unwrap_or(root).to_owned();
                    let error = match e.io_error() {
                        Some(io) => format!("cannot read: {}", io_message(io)),
                        None => format!("cannot read: {e}"),
                    };
                    let id = id_in_folder(self.args.paths.len(), root, &path);
                    let name = path.display().to_string();
                    return Some(Document::failed(id, name.into(), None, error));
                }
                None => {
                    self.walk = None;
                    return None;
                }
            };
            let path = entry.path();
            let kind = entry.file_type();
            let through_link = self.links.through_link(&entry);
            if kind.is_dir() || !has_extension(path, &EXTENSIONS) {
                continue;
            }
            let id = id_in_folder(self.args.paths.len(), root, path);
            if !kind.is_file() {
                // Opening a named pipe would wait for a writer, a device could be endless:
                // what a folder holds besides files is named, not read.
                let error = format!(
                    "not a regular file ({}): skipped; name it on the command line to read it",
                    special_kind(&kind)
                );
                let name = path.display().to_string();
                return Some(Document::failed(id, name.into(), None, error));
            }
            if through_link && let Some(target) = self.links.read_by_its_own_name(path) {
                // Its documents get their records under the target's own name.
                let error = format!(
                    "a link to {}, which this run reads under that name: skipped, its documents are read once",
                    target.display()
                );
                let name = path.display().to_string();
                return Some(Document::failed(id, name.into(), None, error));
            }
            let path = path.to_owned();
            if let Some(doc) = self.open(&path, id, through_link) {
                return Some(doc);
            }
            if self.reader.is_some() {
                return None; // the caller reads its lines, then comes back
            }
        }
    }
}

impl Iterator for Documents {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        loop {
            if let Some(reader) = &mut self.reader {
                match reader.next_document(&self.options) {
                    Some(doc) => return Some(doc),
                    None => self.reader = None,
                }
            }
            if self.walk.is_some() {
                if let Some(doc) = self.next_in_folder() {
                    return Some(doc);
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
                // Stdin by another name (`/dev/stdin < corpus/`) is read as a file, as `-`
                // is: a folder there is an error, not walked (beside the folder it is, its
                // files would be read twice).
                Ok(meta) if meta.is_dir() && !names_stdin(&root) => {
                    let walk = walkdir::WalkDir::new(&root)
                        .follow_links(true)
                        .sort_by_file_name()
                        .into_iter();
                    self.walk = Some((root, walk));
                }
                // Named on the command line, anything is read, like `cat` does: a named
                // pipe waits for its writer.
                Ok(_) => {
                    let id = root.display().to_string();
                    if let Some(doc) = self.open(&root, id, false) {
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

/// What a file that is neither a regular file nor a folder is.
fn special_kind(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    if kind.is_symlink() {
        return "a broken symbolic link";
    }
    "a special file"
}

/// Reads a line-based input, file or stdin, one document at a time.
struct LineReader {
    lines: Lines<Box<dyn BufRead + Send>>,
    file: Arc<str>,
    id_prefix: String,
}

impl LineReader {
    fn next_document(&mut self, options: &Options) -> Option<Document> {
        match self.lines.next_line(options)? {
            Ok(line) => {
                let id = line_id(&self.id_prefix, line.number);
                Some(Document::decoded(
                    line.decoded,
                    id,
                    self.file.clone(),
                    Some(line.number),
                    line.bytes,
                ))
            }
            Err(e) => {
                let read = self.lines.lines_read();
                let number = read + 1;
                let error = format!("cannot read after line {read}: {}", io_message(&e));
                let id = line_id(&self.id_prefix, number);
                Some(Document::failed(id, self.file.clone(), Some(number), error))
            }
        }
    }
}

/// The id of a file found in the folder `root`, one of `inputs` inputs: its path relative to
/// the folder; with several inputs, as found from the folder named (`fa/x.txt`), so that two
/// folders' `x.txt` do not share an id.
fn id_in_folder(inputs: usize, root: &Path, path: &Path) -> String {
    match inputs {
        1 => path.strip_prefix(root).unwrap_or(path),
        _ => path,
    }
    .display()
    .to_string()
}

/// `PREFIX:NUMBER`, the id of a line's document, built without the formatting machinery
/// (`format!` for each line was a fifth of the reader's time on short lines).
fn line_id(prefix: &str, number: u64) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(number);
    let mut id = String::with_capacity(prefix.len() + 1 + digits.len());
    id.push_str(prefix);
    id.push(':');
    id.push_str(digits);
    id
}

/// The bytes the inputs hold, for a progress bar with an end; `None` when stdin is one of
/// them.
pub fn total_size(paths: &[PathBuf]) -> Option<u64> {
    let mut total = 0;
    for root in paths {
        if names_stdin(root) {
            return None;
        }
        for entry in walkdir::WalkDir::new(root)
            .follow_links(true)
            .into_iter()
            .flatten()
        {
            let path = entry.path();
            let named = path == root.as_path() || has_extension(path, &EXTENSIONS);
            if named && entry.file_type().is_file() {
                total += entry.metadata().map_or(0, |m| m.len());
            }
        }
    }
    Some(total)
}

pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Bytes of stdin read to tell JSON Lines from text when its first line does not.
const SNIFFED_BYTES: usize = 64 << 10;

/// Whether a stream without a name that says its format (stdin, a pipe, a device) holds
/// JSON Lines, from its first bytes, which are left in `head` to be read again. A stream that
/// holds nothing but white space tells neither: it is read as JSON Lines, which gives no
/// document, rather than as one empty text (a shard of a JSON Lines stream that came out
/// blank would add a document to the statistics).
fn tell_json(input: &mut impl BufRead, head: &mut Vec<u8>) -> io::Result<bool> {
    read_head(input, head)?;
    let blank = head.len() as u64 <= MAX_DOCUMENT_BYTES && decode::is_blank(head);
    if decode::starts_like_json(head) || blank {
        return Ok(true);
    }
    // A stream of JSON Lines whose first line is something else (a comment, a shard cut
    // mid-record) must not become one text: its other lines decide.
    let ended = fill_head(input, head, SNIFFED_BYTES, |_| false)?;
    Ok(decode::json_lines_after_first(head, ended))
}

/// Reads `input` into `head` up to its first byte that is neither white space nor a byte of a
/// leading byte order mark, or to its end: what tells JSON Lines from text. One read is not
/// enough: a pipe gives what its writer has written so far, which may be a blank line or the
/// BOM alone. A blank head is bounded by the most one document may hold (and one byte).
fn read_head(input: &mut impl BufRead, head: &mut Vec<u8>) -> io::Result<()> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let told = |head: &[u8]| {
        let rest = match head.strip_prefix(BOM) {
            Some(rest) => rest,
            None if BOM.starts_with(head) => return false,
            None => head,
        };
        rest.iter().any(|b| !b.is_ascii_whitespace())
    };
    let limit = usize::try_from(MAX_DOCUMENT_BYTES + 1).unwrap_or(usize::MAX);
    fill_head(input, head, limit, told).map(|_| ())
}

/// Reads on from `input` into `head` until `told` says it holds enough, it holds `limit`
/// bytes, or the input ends; true when it ended.
fn fill_head(
    input: &mut impl BufRead,
    head: &mut Vec<u8>,
    limit: usize,
    told: impl Fn(&[u8]) -> bool,
) -> io::Result<bool> {
    while !told(head) && head.len() < limit {
        let read = match input.fill_buf() {
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if read.is_empty() {
            return Ok(true);
        }
        let n = read.len().min(limit - head.len());
        head.extend_from_slice(&read[..n]);
        input.consume(n);
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::line_id;

    #[test]
    fn line_ids_are_file_colon_number() {
        assert_eq!(line_id("news.txt", 1), "news.txt:1");
        assert_eq!(line_id("a:b", 0), "a:b:0");
        assert_eq!(line_id("", u64::MAX), ":18446744073709551615");
    }
}
