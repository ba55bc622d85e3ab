//! The streaming loop: a reader thread cuts the input into bounded batches; each batch is
//! analysed in parallel with `Pipeline::analyze_batch`, its records serialized in parallel
//! and written in input order, its statistics merged into the total. Memory holds a few
//! batches and the vocabulary, whatever the size of the corpus.

use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Write};
use std::sync::mpsc;
use std::thread;

use rayon::prelude::*;
use wordmill::normalize::{Normalizer, UnicodeForm};
use wordmill::tf::CorpusStats;
use wordmill::{Analysis, Pipeline};

use crate::input::{self, Document, Documents};
use crate::output::{self, Sink, io_message, temporary_beside};
use crate::report::Reporter;
use crate::{AnalyzeArgs, NormalForm, Outcome, stats};

/// A batch is cut when its text reaches this size, whatever its number of documents.
const BATCH_BYTES: usize = 16 << 20;

/// Records serialized together by one task.
const SERIALIZE_CHUNK: usize = 64;

/// Why a run stopped before its end.
enum Stop {
    /// The reader of stdout went away (`| head`): stop without a word.
    BrokenPipe,
    /// Anything else: said to the user.
    Failed(String),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Stop::BrokenPipe
        } else {
            Stop::Failed(e.to_string())
        }
    }
}

/// Analyses everything the arguments name and says how it went.
pub fn analyze_command(args: &AnalyzeArgs) -> Outcome {
    match analyze(args) {
        Ok(outcome) => outcome,
        Err(Stop::BrokenPipe) => Outcome::Stopped,
        Err(Stop::Failed(message)) => {
            eprintln!("batch: stopped: {message}");
            Outcome::Stopped
        }
    }
}

fn pipeline(args: &AnalyzeArgs) -> Pipeline {
    let a = &args.analysis;
    let form = match a.normalize {
        NormalForm::Nfc => UnicodeForm::Nfc,
        NormalForm::Nfkc => UnicodeForm::Nfkc,
    };
    Pipeline::builder()
        .languages(a.lang_allow.iter().copied())
        .normalizer(Normalizer::new().unicode_form(form))
        .stemming(!a.no_stem)
        .remove_stopwords(!a.keep_stopwords)
        .keep_tokens(args.output.tokens)
        .build()
}

fn analyze(args: &AnalyzeArgs) -> Result<Outcome, Stop> {
    let out_args = &args.output;
    let pipeline = pipeline(args);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.analysis.threads.map_or(0, usize::from))
        .build()
        .map_err(|e| Stop::Failed(format!("cannot start the analysis threads: {e}")))?;
    // Fail on unwritable outputs before reading anything.
    let mut sink = Sink::new(out_args.output.as_deref())?;
    let stats_file = out_args
        .stats
        .as_deref()
        .map(temporary_beside)
        .transpose()?;
    let stats_dir_file = match &out_args.stats_dir {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| {
                Stop::Failed(format!(
                    "cannot create the folder {}: {}",
                    dir.display(),
                    io_message(&e)
                ))
            })?;
            // Named when the input is known; made now to know that the folder is writable.
            Some(temporary_beside(&dir.join("stats.json"))?)
        }
        None => None,
    };
    let total_bytes = if out_args.quiet || !std::io::IsTerminal::is_terminal(&io::stderr()) {
        None
    } else {
        input::total_size(&args.input.paths)
    };
    let mut report = Reporter::new(out_args.quiet, total_bytes);

    let batch_size = args.analysis.batch_size as usize;
    // One batch waits while another is analysed: reading overlaps analysis, and memory
    // holds at most three batches.
    let (sender, batches) = mpsc::sync_channel::<Vec<Document>>(1);
    let documents = Documents::new(args.input.clone());
    let reader = thread::Builder::new()
        .name("reader".into())
        .spawn(move || read_batches(documents, batch_size, sender))
        .map_err(|e| Stop::Failed(format!("cannot start the reader thread: {e}")))?;

    let mut total = CorpusStats::new();
    let mut buffer = Vec::new();
    for batch in batches {
        let texts: Vec<&str> = batch
            .iter()
            .filter_map(|d| d.text.as_deref().ok())
            .collect();
        let analysed = pool.install(|| pipeline.analyze_batch(&texts));
        let mut analyses = analysed.documents.iter();
        let pairs: Vec<(&Document, Option<&Analysis>)> = batch
            .iter()
            .map(|d| (d, d.text.as_ref().ok().and_then(|_| analyses.next())))
            .collect();
        let chunks = pool.install(|| {
            pairs
                .par_chunks(SERIALIZE_CHUNK)
                .map(|chunk| {
                    let mut buf = Vec::with_capacity(chunk.len() * 512);
                    for (doc, analysis) in chunk {
                        output::write_record(
                            &mut buf,
                            doc,
                            *analysis,
                            out_args.top,
                            out_args.tokens,
                        )?;
                    }
                    Ok(buf)
                })
                .collect::<serde_json::Result<Vec<Vec<u8>>>>()
        });
        let chunks = chunks.map_err(|e| Stop::Failed(format!("cannot serialize a record: {e}")))?;
        for doc in &batch {
            match &doc.text {
                Ok(_) => {
                    report.analysed += 1;
                    if let Some(warning) = &doc.warning {
                        report.warning(doc, warning);
                    }
                }
                Err(error) => report.error(doc, error),
            }
        }
        buffer.clear();
        for chunk in &chunks {
            buffer.extend_from_slice(chunk);
        }
        sink.write_all(&buffer)?;
        total.merge(&analysed.stats);
        let bytes = batch.iter().map(|d| d.bytes).sum();
        report.advance(batch.len() as u64, bytes);
    }
    let (documents, hash) = match reader.join() {
        Ok(result) => result,
        Err(_) => return Err(Stop::Failed("the reader thread failed".into())),
    };
    sink.finish()?;
    if let (Some(path), Some(file)) = (&out_args.stats, stats_file) {
        stats::write(file, path, &total)?;
    }
    if let (Some(dir), Some(file)) = (&out_args.stats_dir, stats_dir_file) {
        stats::write(file, &stats::file_in(dir, documents, hash), &total)?;
    }
    report.summary(&total);
    Ok(if report.failed == 0 || out_args.allow_failures {
        Outcome::Success
    } else {
        Outcome::SomeFailed
    })
}

/// Sends the documents in batches of at most `batch_size` documents and about
/// [`BATCH_BYTES`] of text; returns how many documents there were and a hash of their ids
/// and texts, which names the statistics file of --stats-dir.
fn read_batches(
    documents: Documents,
    batch_size: usize,
    sender: mpsc::SyncSender<Vec<Document>>,
) -> (u64, u64) {
    let mut hasher = DefaultHasher::new();
    let mut count = 0;
    let mut batch = Vec::with_capacity(batch_size);
    let mut bytes = 0;
    for doc in documents {
        count += 1;
        hasher.write(doc.id.as_bytes());
        hasher.write_u8(0xff);
        match &doc.text {
            Ok(text) => {
                hasher.write(text.as_bytes());
                bytes += text.len();
            }
            Err(error) => hasher.write(error.as_bytes()),
        }
        hasher.write_u8(0xff);
        batch.push(doc);
        if batch.len() >= batch_size || bytes >= BATCH_BYTES {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(batch_size));
            bytes = 0;
            if sender.send(full).is_err() {
                break; // the writer stopped
            }
        }
    }
    if !batch.is_empty() {
        // An error here means the writer stopped, and says so itself.
        let _ = sender.send(batch);
    }
    (count, hasher.finish())
}
