//! Corpus statistics files: written whole or not at all, and merged exactly.
//!
//! The file is `wordmill::tf::CorpusStats` as JSON. Its terms are sorted, so statistics of
//! the same documents are the same bytes however they were split up and merged.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;
use wordmill::tf::CorpusStats;

use crate::Outcome;
use crate::output::{temporary_beside, write_atomically};

/// Writes `stats` as JSON to `path` through `file`, a temporary file in the same folder.
pub fn write(file: NamedTempFile, path: &Path, stats: &CorpusStats) -> io::Result<()> {
    write_atomically(file, path, |out| write_json(out, stats))
}

/// Writes `stats` as one line of JSON.
fn write_json(out: &mut impl Write, stats: &CorpusStats) -> io::Result<()> {
    serde_json::to_writer(&mut *out, stats)?;
    out.write_all(b"\n")
}

/// The file in `dir` for the statistics of an input with this many documents and this
/// content hash. The same input gets the same name: a worker that runs again replaces its
/// own file instead of adding a second one.
pub fn file_in(dir: &Path, documents: u64, hash: u64) -> PathBuf {
    dir.join(format!("stats-{documents}-{hash:016x}.json"))
}

/// Reads one statistics file.
pub fn read(path: &Path) -> Result<CorpusStats, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_slice(&bytes).map_err(|e| {
        format!(
            "{}: not a wordmill statistics file ({e}); statistics files are written by --stats, --stats-dir or merge",
            path.display()
        )
    })
}

/// The statistics files named by `inputs`: files as given, folders' `*.json` files (not
/// hidden ones: those are unfinished writes) in name order.
fn files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        let meta =
            fs::metadata(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
        if !meta.is_dir() {
            files.push(input.clone());
            continue;
        }
        let mut found = Vec::new();
        for entry in
            fs::read_dir(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?
        {
            let path = entry
                .map_err(|e| format!("cannot read {}: {e}", input.display()))?
                .path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.ends_with(".json") && !name.starts_with('.') && path.is_file() {
                found.push(path);
            }
        }
        if found.is_empty() {
            return Err(format!(
                "{}: no statistics files (*.json) in this folder",
                input.display()
            ));
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// `batch merge`: adds up the statistics files and writes the sum, or writes nothing when
/// one of them cannot be read.
pub fn merge_command(inputs: &[PathBuf], output: Option<&Path>, quiet: bool) -> Outcome {
    // Fail on an unwritable output before reading anything.
    let temporary = match output.map(temporary_beside).transpose() {
        Ok(temporary) => temporary,
        Err(e) => {
            eprintln!("batch merge: {e}");
            return Outcome::Stopped;
        }
    };
    let files = match files(inputs) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("batch merge: {e}");
            return Outcome::SomeFailed;
        }
    };
    let mut total = CorpusStats::new();
    let mut failed = 0;
    for path in &files {
        match read(path) {
            Ok(stats) => total.merge(&stats),
            Err(e) => {
                eprintln!("batch merge: {e}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        eprintln!(
            "batch merge: {failed} of {} files could not be read; nothing was written",
            files.len()
        );
        return Outcome::SomeFailed;
    }
    let written = match (output, temporary) {
        (Some(path), Some(file)) => write(file, path, &total),
        _ => {
            let mut out = io::stdout().lock();
            write_json(&mut out, &total).and_then(|()| out.flush())
        }
    };
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("batch merge: cannot write the statistics: {e}");
        }
        return Outcome::Stopped;
    }
    if !quiet {
        eprintln!(
            "batch merge: {} files: {} documents, {} terms, {} distinct",
            files.len(),
            total.documents(),
            total.tokens(),
            total.vocabulary_size()
        );
    }
    Outcome::Success
}
