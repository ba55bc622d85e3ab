//! Records, and where they go.
//!
//! A record is a plain struct serialized with serde: a new field of the analysis (per-span
//! languages, scores...) is one more field here.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};
use wordmill::Analysis;
use wordmill::detect::LanguageSpan;
use wordmill::tokenize::{Span, TokenKind};

use crate::files::{Committed, OutputFile, Refusal};
use crate::input::Document;

pub use crate::files::io_message;

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
    pub tokens: Option<Tokens<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<&'a str>,
}

/// The tokens of an analysis, serialized one by one as they are read: a document of
/// millions of tokens needs no second list of them.
pub struct Tokens<'a>(&'a Analysis);

impl Serialize for Tokens<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let analysis = self.0;
        let mut seq = serializer.serialize_seq(Some(analysis.tokens.len()))?;
        for token in &analysis.tokens {
            seq.serialize_element(&TokenRecord {
                span: token.span,
                term: analysis.term_of(token),
                kind: token.kind,
            })?;
        }
        seq.end()
    }
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

/// Writes the document's record and a newline to `out`: its analysis, or its error (the
/// document's own, or its analysis's).
pub fn write_record(
    out: &mut impl Write,
    doc: &Document,
    analysis: &Result<Analysis, String>,
    top: usize,
    with_tokens: bool,
) -> serde_json::Result<()> {
    let error = match (&doc.text, analysis) {
        (Ok(_), Ok(a)) => {
            serde_json::to_writer(&mut *out, &record(doc, a, top, with_tokens))?;
            return out.write_all(b"\n").map_err(serde_json::Error::io);
        }
        (Err(error), _) | (Ok(_), Err(error)) => error,
    };
    let record = ErrorRecord {
        id: &doc.id,
        file: &doc.file,
        line: doc.line,
        error,
    };
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
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
        tokens: with_tokens.then_some(Tokens(a)),
        warnings: doc.warnings.iter().map(String::as_str).collect(),
    }
}

/// Where records go: stdout, or a file (see `files`).
pub enum Sink {
    /// (Not a `StdoutLock`: the writer thread writes, and a lock cannot move to it. The
    /// buffer takes the lock once per 64 KiB.)
    Stdout(BufWriter<io::Stdout>),
    File(OutputFile),
}

impl Sink {
    pub fn new(path: Option<&Path>) -> Result<Sink, Refusal> {
        Ok(match path {
            None if crate::closed_streams::stdout_was_closed() => {
                return Err(Refusal::Usage(STDOUT_CLOSED.into()));
            }
            None => Sink::Stdout(BufWriter::with_capacity(1 << 16, io::stdout())),
            Some(path) => Sink::File(OutputFile::create(path)?),
        })
    }

    /// Writes out everything: after this only a file's rename is left.
    pub fn finish(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush().map_err(on_stdout),
            Sink::File(file) => file.finish(),
        }
    }

    /// The file records go to, if not stdout.
    pub fn file(&self) -> Option<&OutputFile> {
        match self {
            Sink::Stdout(_) => None,
            Sink::File(file) => Some(file),
        }
    }

    /// Gives a file its name (see [`OutputFile::commit`]).
    pub fn commit(self) -> io::Result<Option<Committed>> {
        match self {
            Sink::Stdout(mut out) => out.flush().map_err(on_stdout).map(|()| None),
            Sink::File(file) => file.commit().map(Some),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf).map_err(on_stdout),
            Sink::File(file) => file.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.write_all(buf).map_err(on_stdout),
            Sink::File(file) => file.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush().map_err(on_stdout),
            Sink::File(file) => file.flush(),
        }
    }
}

/// A write error of stdout, saying so as a file's errors name the file (`stopped: standard
/// output: No space left on device`). Its kind is kept: a closed pipe stops the run quietly.
fn on_stdout(e: io::Error) -> io::Error {
    crate::files::with_path(e, std::path::Path::new("standard output"))
}

/// Why records are not written to a stdout that was closed when the run started.
pub const STDOUT_CLOSED: &str =
    "standard output is closed: what is written to it would be lost; redirect it or name a file";
