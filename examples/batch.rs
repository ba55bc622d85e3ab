//! Batch-analyses every text file under the given files and folders.
//!
//! ```text
//! cargo run --release --example batch -- corpus/
//! ```
//!
//! Prints one JSON line per document on stdout, in path order, and a corpus summary on
//! stderr (or as JSON to `--stats FILE`).

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use serde::Serialize;
use wordmill::detect::LanguageSpan;
use wordmill::tf::CorpusStats;
use wordmill::{Analysis, Pipeline};

/// Documents analysed in parallel at a time: bounds memory, keeps both cores busy.
const CHUNK: usize = 256;

#[derive(Parser)]
#[command(
    version,
    about = "Analyse text files with wordmill: one JSON line per document."
)]
struct Args {
    /// Files and folders to analyse (folders recursively, every file one document).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// How many top terms each record lists.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Write the corpus statistics as JSON to this file.
    #[arg(long)]
    stats: Option<PathBuf>,
}

/// One input document: where it came from and its text, or why it could not be read.
struct Document {
    id: String,
    text: Result<String, String>,
}

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    lang: &'a str,
    confidence: f64,
    /// The language of each part of the document (one span unless it mixes languages).
    spans: &'a [LanguageSpan],
    tokens: usize,
    top_terms: Vec<(&'a str, u32)>,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: &'a str,
    error: &'a str,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        // The reader went away (`| head`): nothing left to do.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("batch: {e}");
            ExitCode::from(2)
        }
    }
}

/// Analyses everything and returns the number of documents that failed.
fn run(args: &Args) -> io::Result<usize> {
    let files = discover(&args.paths)?;
    let pipeline = Pipeline::builder().keep_tokens(false).build();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut stats = CorpusStats::new();
    let mut failed = 0;
    for chunk in files.chunks(CHUNK) {
        let documents: Vec<Document> = chunk.iter().map(|(id, path)| read(id, path)).collect();
        let texts: Vec<&str> = documents
            .iter()
            .map(|d| d.text.as_deref().unwrap_or(""))
            .collect();
        let batch = pipeline.analyze_batch(&texts);
        for (doc, analysis) in documents.iter().zip(&batch.documents) {
            match &doc.text {
                Ok(_) => write_record(&mut out, &doc.id, analysis, args.top)?,
                Err(e) => {
                    failed += 1;
                    eprintln!("batch: {}: {e}", doc.id);
                    serde_json::to_writer(
                        &mut out,
                        &ErrorRecord {
                            id: &doc.id,
                            error: e,
                        },
                    )?;
                    out.write_all(b"\n")?;
                }
            }
        }
        stats.merge(&batch.stats);
    }
    out.flush()?;
    summarize(&stats, files.len(), failed);
    if let Some(path) = &args.stats {
        let file = BufWriter::new(fs::File::create(path)?);
        serde_json::to_writer(file, &stats)?;
    }
    Ok(failed)
}

fn write_record(out: &mut impl Write, id: &str, analysis: &Analysis, top: usize) -> io::Result<()> {
    let record = Record {
        id,
        lang: analysis.detection.lang.code(),
        confidence: analysis.detection.confidence,
        spans: &analysis.spans,
        tokens: analysis.token_count,
        top_terms: analysis.terms.top(top),
    };
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n")
}

/// Every file under `paths`, with its id: the path relative to the folder given, sorted.
fn discover(paths: &[PathBuf]) -> io::Result<Vec<(String, PathBuf)>> {
    let mut files = Vec::new();
    for root in paths {
        let meta = fs::metadata(root)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", root.display())))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(root, &mut found)?;
            found.sort();
            for path in found {
                let id = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                files.push((id, path));
            }
        } else {
            files.push((root.display().to_string(), root.clone()));
        }
    }
    Ok(files)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    let entries = fs::read_dir(dir)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            found.push(path);
        }
    }
    Ok(())
}

fn read(id: &str, path: &Path) -> Document {
    let text = match fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(text),
            Err(e) => {
                eprintln!("batch: {id}: not valid UTF-8, invalid bytes replaced by U+FFFD");
                Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
            }
        },
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    };
    Document {
        id: id.to_owned(),
        text,
    }
}

fn summarize(stats: &CorpusStats, files: usize, failed: usize) {
    eprintln!(
        "\n{} documents ({failed} failed), {} terms, {} distinct",
        files,
        stats.tokens(),
        stats.vocabulary_size()
    );
    let languages: Vec<String> = stats
        .languages()
        .iter()
        .map(|(lang, s)| format!("{lang} {}", s.documents))
        .collect();
    eprintln!("documents per language: {}", languages.join(", "));
    let top: Vec<String> = stats
        .top_by_document_frequency(20)
        .into_iter()
        .map(|(term, f)| format!("{term} ({})", f.documents))
        .collect();
    eprintln!("top terms by document frequency: {}", top.join(", "));
}
