//! Records, and the files they go to.
//!
//! A record is a plain struct serialized with serde: a new field of the analysis (per-span
//! languages, scores...) is one more field here.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use tempfile::NamedTempFile;
use wordmill::Analysis;
use wordmill::detect::LanguageSpan;
use wordmill::tokenize::{Span, TokenKind};

use crate::input::Document;

/// The record of an analysed document.
#[derive(Serialize)]
pub struct Record<'a> {
    pub id: &'a str,
    /// ISO 639-3 code, `und` when undetermined.
    pub lang: &'static str,
    /// The main script, when the text has letters.
    pub script: Option<&'static str>,
    pub confidence: f64,
    pub reliable: bool,
    /// The language of each part of the document: one span unless it mixes languages.
    pub spans: &'a [LanguageSpan],
    /// Word and number tokens, stop words included.
    pub token_count: usize,
    /// Distinct terms.
    pub term_count: usize,
    /// The most frequent terms with their counts, most frequent first.
    pub top_terms: Vec<(&'a str, u32)>,
    /// Every token, with --tokens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenRecord<'a>>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<&'a str>,
}

/// One token of a document: where it is (byte offsets in the document's text), the term it
/// became and its kind.
#[derive(Serialize)]
pub struct TokenRecord<'a> {
    pub span: Span,
    pub term: &'a str,
    pub kind: TokenKind,
}

/// The record of a document that could not be analysed.
#[derive(Serialize)]
pub struct ErrorRecord<'a> {
    pub id: &'a str,
    pub file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    pub error: &'a str,
}

/// Appends the document's record and a newline to `out`: its analysis, or its error.
pub fn write_record(
    out: &mut Vec<u8>,
    doc: &Document,
    analysis: Option<&Analysis>,
    top: usize,
    with_tokens: bool,
) -> serde_json::Result<()> {
    match (&doc.text, analysis) {
        (Ok(_), Some(a)) => serde_json::to_writer(&mut *out, &record(doc, a, top, with_tokens))?,
        (Err(error), _) => serde_json::to_writer(
            &mut *out,
            &ErrorRecord {
                id: &doc.id,
                file: &doc.file,
                line: doc.line,
                error,
            },
        )?,
        (Ok(_), None) => serde_json::to_writer(
            &mut *out,
            &ErrorRecord {
                id: &doc.id,
                file: &doc.file,
                line: doc.line,
                error: "internal error: the document was not analysed",
            },
        )?,
    }
    out.push(b'\n');
    Ok(())
}

fn record<'a>(doc: &'a Document, a: &'a Analysis, top: usize, with_tokens: bool) -> Record<'a> {
    Record {
        id: &doc.id,
        lang: a.detection.lang.code(),
        script: a.detection.script.map(|s| s.name()),
        confidence: a.detection.confidence,
        reliable: a.detection.reliable,
        spans: &a.spans,
        token_count: a.token_count,
        term_count: a.terms.len(),
        top_terms: a.terms.top(top),
        tokens: with_tokens.then(|| {
            a.tokens
                .iter()
                .map(|t| TokenRecord {
                    span: t.span,
                    term: a.term_of(t),
                    kind: t.kind,
                })
                .collect()
        }),
        warnings: doc.warning.as_deref().into_iter().collect(),
    }
}

/// Where records go: stdout, or a file written under a temporary name and renamed when
/// complete.
pub enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File {
        writer: BufWriter<NamedTempFile>,
        path: PathBuf,
    },
}

impl Sink {
    pub fn new(path: Option<&Path>) -> io::Result<Sink> {
        Ok(match path {
            None => Sink::Stdout(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
            Some(path) => Sink::File {
                writer: BufWriter::with_capacity(1 << 16, temporary_beside(path)?),
                path: path.to_owned(),
            },
        })
    }

    /// Flushes everything and, for a file, gives it its name.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut out) => out.flush(),
            Sink::File { writer, path } => {
                let file = writer
                    .into_inner()
                    .map_err(|e| with_path(e.into_error(), &path))?;
                persist(file, &path)
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::File { writer, .. } => writer.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.write_all(buf),
            Sink::File { writer, .. } => writer.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File { writer, .. } => writer.flush(),
        }
    }
}

/// A new temporary file in `path`'s folder (`.NAME.XXXXXX.part`), deleted unless persisted.
pub fn temporary_beside(path: &Path) -> io::Result<NamedTempFile> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Like a file made by `create`, not tempfile's private 0600.
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    builder.tempfile_in(dir).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!(
                "cannot create {}: {} (its folder must exist and be writable)",
                path.display(),
                io_message(&e)
            ),
        )
    })
}

/// Writes a file whole or not at all: into `file`, a temporary file made by
/// [`temporary_beside`] (so in the same folder), renamed to `path` when done.
pub fn write_atomically(
    mut file: NamedTempFile,
    path: &Path,
    write: impl FnOnce(&mut BufWriter<&mut NamedTempFile>) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, &mut file);
    write(&mut out).map_err(|e| with_path(e, path))?;
    out.flush().map_err(|e| with_path(e, path))?;
    drop(out);
    persist(file, path)
}

/// Ends a write into `file`, a temporary file made by [`temporary_beside`]: syncs it to disk
/// and renames it to `path`. An error names `path`.
fn persist(file: NamedTempFile, path: &Path) -> io::Result<()> {
    file.as_file().sync_all().map_err(|e| with_path(e, path))?;
    file.persist(path)
        .map(drop)
        .map_err(|e| with_path(e.error, path))
}

/// The error, saying which file it was about.
pub fn with_path(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {}", path.display(), io_message(&e)))
}

/// An I/O error without Rust's "(os error N)" suffix and what follows it.
pub fn io_message(e: &io::Error) -> String {
    let message = e.to_string();
    match message.find(" (os error") {
        Some(i) => message[..i].to_owned(),
        None => message,
    }
}
