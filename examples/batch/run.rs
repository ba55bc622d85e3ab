//! The streaming loop: a reader thread cuts the input into bounded batches; each batch is
//! analysed in parallel (each document under the panic guard), its records serialized in
//! parallel and written in input order, its statistics merged into the total when the run
//! prints or writes them. Memory holds a few batches and the vocabulary, whatever the size
//! of the corpus.

use std::io::{self, Write};
use std::path::Path;
use std::sync::mpsc;
use std::thread;

use rayon::prelude::*;
use wordmill::detect::Detector;
use wordmill::normalize::{Normalizer, UnicodeForm};
use wordmill::tf::CorpusStats;
use wordmill::tokenize::{CjkMode, Tokenizer};
use wordmill::{Analysis, Pipeline};

use crate::files::{self, OutputFile, Refusal};
use crate::guard::Guard;
use crate::input::{self, Document, Documents};
use crate::output::{self, Sink, io_message};
use crate::report::Reporter;
use crate::stats::NameHash;
use crate::{AnalyzeArgs, CjkArg, NormalForm, Outcome, signals, stats};

/// A batch is cut when its text reaches this size, whatever its number of documents.
const BATCH_BYTES: usize = 16 << 20;

/// Records serialized together by one task.
const SERIALIZE_CHUNK: usize = 64;

/// With --tokens, the records of documents longer than this are serialized straight into
/// the output rather than into a buffer first: such a record is several times its text.
const DIRECT_BYTES: usize = 1 << 20;

/// Why a run stopped before its end.
pub enum Stop {
    /// The reader of stdout went away (`| head`): stop without a word.
    BrokenPipe,
    /// The arguments cannot work (exit code 2): said to the user before anything is read.
    Refused(String),
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

impl From<Refusal> for Stop {
    fn from(refusal: Refusal) -> Stop {
        match refusal {
            Refusal::Usage(message) => Stop::Refused(message),
            Refusal::Io(e) => Stop::from(e),
        }
    }
}

/// A serialization error: the output's, or the record's own.
fn serialization_stop(e: serde_json::Error) -> Stop {
    if e.io_error_kind().is_some() {
        Stop::from(io::Error::from(e))
    } else {
        Stop::Failed(format!("cannot serialize a record: {e}"))
    }
}

/// Analyses everything the arguments name and says how it went.
pub fn analyze_command(args: &AnalyzeArgs) -> Outcome {
    match analyze(args) {
        Ok(outcome) => outcome,
        Err(Stop::BrokenPipe) => Outcome::Stopped,
        Err(Stop::Refused(message)) => {
            say!("batch: {message}");
            Outcome::Refused
        }
        Err(Stop::Failed(message)) => {
            say!("batch: stopped: {message}");
            Outcome::Stopped
        }
    }
}

/// The pipeline the options describe, or why they cannot make one.
fn pipeline(args: &AnalyzeArgs) -> Result<Pipeline, String> {
    let a = &args.analysis;
    let form = match (a.normalize, a.nfkc) {
        (NormalForm::Nfkc, _) | (_, true) => UnicodeForm::Nfkc,
        (NormalForm::Nfc, false) => UnicodeForm::Nfc,
    };
    let normalizer = Normalizer::new()
        .unicode_form(form)
        .strip_diacritics(a.strip_diacritics)
        .case_fold(!a.no_case_fold)
        .fold_punctuation(!a.no_fold_punctuation)
        .fold_width(!a.no_fold_width)
        .fold_digits(!a.no_fold_digits)
        .language_rules(!a.no_language_rules)
        .teh_marbuta(a.teh_marbuta)
        .russian_yo(a.russian_yo);
    let cjk = match a.cjk {
        CjkArg::Auto => CjkMode::Auto,
        CjkArg::Characters => CjkMode::Characters,
        CjkArg::Bigrams => CjkMode::Bigrams,
        #[cfg(feature = "icu")]
        CjkArg::Dictionary => CjkMode::Dictionary,
        #[cfg(not(feature = "icu"))]
        CjkArg::Dictionary => {
            return Err("--cjk dictionary needs wordmill built with its `icu` feature".into());
        }
    };
    let tokenizer = Tokenizer::new()
        .cjk(cjk)
        .urls(a.urls)
        .emails(a.emails)
        .hashtags(a.hashtags)
        .mentions(a.mentions)
        .emoji(a.emoji);
    let mut detector = Detector::new();
    if let Some(p) = a.min_confidence {
        detector = detector.min_confidence(p).map_err(|e| e.to_string())?;
    }
    let mut builder = Pipeline::builder()
        .detector(detector)
        .languages(a.lang_allow.iter().copied())
        .tokenizer(tokenizer)
        .normalizer(normalizer)
        .stemming(!a.no_stem)
        .remove_stopwords(!a.keep_stopwords)
        .bigrams(a.bigrams)
        .keep_tokens(args.output.tokens);
    if let Some(lang) = a.fallback_lang {
        builder = builder.fallback_language(lang);
    }
    Ok(builder.build())
}

/// The files the run writes, opened before anything is read: a run that cannot write its
/// outputs or would destroy its inputs stops at once.
struct Outputs {
    sink: Sink,
    stats: Option<OutputFile>,
    stats_dir: Option<OutputFile>,
}

impl Outputs {
    fn open(args: &AnalyzeArgs) -> Result<Outputs, Stop> {
        let out = &args.output;
        let named: Vec<(&str, &Path)> = [("--output", &out.output), ("--stats", &out.stats)]
            .into_iter()
            .filter_map(|(option, path)| Some((option, path.as_deref()?)))
            .collect();
        files::check_outputs(&args.input.paths, &named).map_err(Stop::Refused)?;
        if !named.is_empty() || out.stats_dir.is_some() {
            // Before the first temporary file exists. Without it an interrupted run only
            // leaves litter: no reason to refuse the run.
            let _ = signals::remove_temporaries_when_interrupted();
        }
        let sink = Sink::new(out.output.as_deref())?;
        let stats = out.stats.as_deref().map(OutputFile::create).transpose()?;
        let stats_dir = match &out.stats_dir {
            Some(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| {
                    Stop::Failed(format!(
                        "cannot create the folder {}: {}",
                        dir.display(),
                        io_message(&e)
                    ))
                })?;
                // Named when the input is known; made now to know that the folder is writable.
                Some(OutputFile::in_folder(dir)?)
            }
            None => None,
        };
        Ok(Outputs {
            sink,
            stats,
            stats_dir,
        })
    }

    /// Writes the statistics, then gives every file its name, only once all are complete:
    /// a run that stops before leaves none of them.
    fn complete(mut self, total: &CorpusStats, name: Option<(u64, u64)>) -> Result<(), Stop> {
        self.sink.finish()?;
        let mut files = Vec::new();
        for (file, name) in [(self.stats, None), (self.stats_dir, name)] {
            let Some(mut file) = file else { continue };
            if let Some((documents, hash)) = name {
                let dir = file.path().parent().unwrap_or(Path::new("."));
                file.set_path(stats::file_in(dir, documents, hash));
            }
            stats::write_json(&mut file, total)?;
            file.finish()?;
            files.push(file);
        }
        self.sink.commit()?;
        for file in files {
            file.commit()?;
        }
        Ok(())
    }
}

fn analyze(args: &AnalyzeArgs) -> Result<Outcome, Stop> {
    let out_args = &args.output;
    // Options that cannot make a pipeline are refused before any file is opened.
    let pipeline = pipeline(args).map_err(Stop::Refused)?;
    let outputs = Outputs::open(args)?;
    let guard = Guard::new(&pipeline);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.analysis.threads.map_or(0, usize::from))
        .build()
        .map_err(|e| Stop::Failed(format!("cannot start the analysis threads: {e}")))?;
    // Statistics cost memory in proportion to the vocabulary: kept only when they are
    // written or shown in the summary.
    let keep_stats = out_args.stats.is_some() || out_args.stats_dir.is_some() || !out_args.quiet;
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
    let name_hash = out_args.stats_dir.is_some().then(NameHash::new);
    let reader = thread::Builder::new()
        .name("reader".into())
        .spawn(move || read_batches(documents, batch_size, sender, name_hash))
        .map_err(|e| Stop::Failed(format!("cannot start the reader thread: {e}")))?;

    let mut outputs = outputs;
    let mut total = CorpusStats::new();
    for batch in batches {
        let analyses: Vec<Result<Analysis, String>> = pool.install(|| {
            batch
                .par_iter()
                .map(|doc| match &doc.text {
                    Ok(text) => guard.analyze(text),
                    // Its record is its own error; an empty String allocates nothing.
                    Err(_) => Err(String::new()),
                })
                .collect()
        });
        write_records(&mut outputs.sink, &batch, &analyses, args, &pool)?;
        for (doc, analysis) in batch.iter().zip(&analyses) {
            match (&doc.text, analysis) {
                (Ok(_), Ok(_)) => {
                    report.analysed += 1;
                    if let Some(warning) = &doc.warning {
                        report.warning(doc, warning);
                    }
                }
                (Err(error), _) | (Ok(_), Err(error)) => report.error(doc, error),
            }
        }
        if keep_stats {
            total.merge(&pool.install(|| batch_stats(&analyses)));
        }
        let bytes = batch.iter().map(|d| d.bytes).sum();
        report.advance(batch.len() as u64, bytes);
    }
    let (documents, hash) = match reader.join() {
        Ok(result) => result,
        Err(_) => return Err(Stop::Failed("the reader thread failed".into())),
    };
    outputs.complete(&total, hash.map(|hash| (documents, hash)))?;
    report.summary(&total);
    Ok(if report.failed == 0 || out_args.allow_failures {
        Outcome::Success
    } else {
        Outcome::SomeFailed
    })
}

/// Statistics of a batch's analysed documents, counted in parallel.
fn batch_stats(analyses: &[Result<Analysis, String>]) -> CorpusStats {
    analyses
        .par_iter()
        .filter_map(|a| a.as_ref().ok())
        .fold(CorpusStats::new, |mut stats, a| {
            stats.add_document(a.lang(), &a.terms);
            stats
        })
        .reduce(CorpusStats::new, CorpusStats::merged)
}

/// What a serializing task made: records, or a document whose record is written at its
/// turn straight into the output.
enum Piece<'a> {
    Records(Vec<u8>),
    Direct(&'a Document, &'a Result<Analysis, String>),
}

/// Writes the batch's records in input order, serialized in parallel.
fn write_records(
    sink: &mut Sink,
    batch: &[Document],
    analyses: &[Result<Analysis, String>],
    args: &AnalyzeArgs,
    pool: &rayon::ThreadPool,
) -> Result<(), Stop> {
    let (top, tokens) = (args.output.top, args.output.tokens);
    let direct = |doc: &Document| tokens && doc.text.as_ref().is_ok_and(|t| t.len() > DIRECT_BYTES);
    let pairs: Vec<(&Document, &Result<Analysis, String>)> = batch.iter().zip(analyses).collect();
    let chunks = pool.install(|| {
        pairs
            .par_chunks(SERIALIZE_CHUNK)
            .map(|chunk| {
                let mut pieces = Vec::new();
                let mut buf = Vec::with_capacity(chunk.len() * 512);
                for &(doc, analysis) in chunk {
                    if direct(doc) {
                        pieces.push(Piece::Records(std::mem::take(&mut buf)));
                        pieces.push(Piece::Direct(doc, analysis));
                    } else {
                        output::write_record(&mut buf, doc, analysis, top, tokens)?;
                    }
                }
                pieces.push(Piece::Records(buf));
                Ok(pieces)
            })
            .collect::<serde_json::Result<Vec<Vec<Piece>>>>()
    });
    for piece in chunks.map_err(serialization_stop)?.into_iter().flatten() {
        match piece {
            Piece::Records(records) => sink.write_all(&records)?,
            Piece::Direct(doc, analysis) => {
                output::write_record(sink, doc, analysis, top, tokens)
                    .map_err(serialization_stop)?;
            }
        }
    }
    Ok(())
}

/// Sends the documents in batches of at most `batch_size` documents and about
/// [`BATCH_BYTES`] of text; returns how many documents there were and, with `name_hash`,
/// the hash of their ids and texts that names the statistics file of --stats-dir.
fn read_batches(
    documents: Documents,
    batch_size: usize,
    sender: mpsc::SyncSender<Vec<Document>>,
    mut name_hash: Option<NameHash>,
) -> (u64, Option<u64>) {
    let mut count = 0;
    let mut batch = Vec::with_capacity(batch_size);
    let mut bytes = 0;
    for doc in documents {
        count += 1;
        if let Some(hash) = &mut name_hash {
            hash.add(&doc);
        }
        if let Ok(text) = &doc.text {
            bytes += text.len();
        }
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
    (count, name_hash.map(NameHash::finish))
}
