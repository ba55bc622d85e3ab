//! The streaming loop, three stages that overlap: a reader thread reads and parses the input
//! and cuts it into bounded batches; the analysis threads analyse a batch in parallel (each
//! document under the panic guard); a writer thread serializes its records and writes them
//! in input order, reports progress and errors, and merges the batch's statistics into the
//! total when the run prints or writes them. Bounded channels join the stages, so memory holds
//! a few batches and the vocabulary, whatever the size of the corpus, and the output is the
//! same whatever the number of threads or the size of a batch.

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

use crate::files::{self, Committed, FolderLocks, OutputFile, Refusal};
use crate::guard::Guard;
use crate::input::{self, Document, Documents};
use crate::output::{self, Sink, io_message};
use crate::report::Reporter;
use crate::stats::NameHash;
use crate::{AnalyzeArgs, InputArgs, NormalForm, Outcome, refusals, signals, stats};

/// A batch is cut when its text (with a fixed cost per document) reaches this size, whatever
/// its number of documents.
const BATCH_BYTES: usize = 16 << 20;

/// Records are written to the output this many bytes at a time.
const BUFFER_BYTES: usize = 64 << 10;

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
    let cjk: CjkMode = a.cjk.parse().map_err(|e| format!("--cjk: {e}"))?;
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
        // Without --output the records go to stdout: another output written there (by a name
        // of it, or of the file or pipe it is) would be one more line among the records. A
        // device (/dev/null, a terminal) may take both.
        if out.output.is_none()
            && let Some((option, path)) = named
                .iter()
                .find(|(_, path)| files::is_stdout(path) && !files::is_device(path))
        {
            return Err(Stop::Refused(format!(
                "{option} {} is where the standard output goes, which has the records: write it elsewhere, or the records with --output",
                path.display()
            )));
        }
        // Records sent by the shell into an input (`batch corpus/ > corpus/records.jsonl`,
        // `batch --lines a.txt >> a.txt`) would be read back as documents, their records
        // again, without end: refused as --output there is. All outputs are checked at
        // once: one walk of each input folder.
        let stdout = match out.output {
            None => refusals::stdout_is_no_input(&args.input.paths).map_err(Stop::Refused)?,
            Some(_) => None,
        };
        let mut checked = named.clone();
        if let Some(path) = &stdout {
            checked.push(("the standard output", path));
        }
        refusals::check_outputs(&args.input.paths, &checked, &crate::input::EXTENSIONS)
            .map_err(Stop::Refused)?;
        // A usage error, as an output that is a folder is: refused before any file is made.
        if let Some(dir) = out
            .stats_dir
            .as_deref()
            .filter(|d| d.symlink_metadata().is_ok() && !d.is_dir())
        {
            return Err(Stop::Refused(format!(
                "--stats-dir {}: not a folder (something else has that name): name a folder, new or existing",
                dir.display()
            )));
        }
        // `batch merge` reads every .json file of the folder: one written there beside the
        // shares would be counted with them, the corpus twice.
        if let Some(dir) = out.stats_dir.as_deref() {
            let absolute_dir = files::absolute(dir);
            // A file and a folder of one name: found out only when the file is written, after
            // the whole run.
            if let Some((option, _)) = named
                .iter()
                .find(|(_, path)| refusals::output_places(path).contains(&absolute_dir))
            {
                return Err(Stop::Refused(format!(
                    "{option} and --stats-dir name the same place ({}): the one is a file, the other a folder",
                    dir.display()
                )));
            }
            let read_by_merge = |place: &Path| {
                let name = place.file_name().and_then(|n| n.to_str()).unwrap_or("");
                files::folder_of(place) == absolute_dir
                    && name.ends_with(".json")
                    && !name.starts_with('.')
            };
            // The outputs named, and stdout's file (`> shards/records.json`, where the
            // system names it): the shell has made that one already.
            for (option, path) in &checked {
                if refusals::output_places(path)
                    .iter()
                    .any(|p| read_by_merge(p))
                {
                    let made = if stdout.as_deref() == Some(*path) {
                        " (and remove the file the shell made there)"
                    } else {
                        ""
                    };
                    return Err(Stop::Refused(format!(
                        "{option} {} is in --stats-dir {}, whose .json files `batch merge` reads as statistics: write it elsewhere{made}",
                        path.display(),
                        dir.display()
                    )));
                }
            }
        }
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
    fn complete(
        mut self,
        total: &CorpusStats,
        analysis: &str,
        name: Option<(u64, u64)>,
    ) -> Result<(), Stop> {
        self.sink.finish()?;
        let mut files = Vec::new();
        let mut replaced = None;
        for (file, name) in [(self.stats, None), (self.stats_dir, name)] {
            let Some(mut file) = file else { continue };
            if let Some((documents, hash)) = name {
                let dir = file.path().parent().unwrap_or(Path::new("."));
                let path = stats::file_in(dir, documents, hash);
                // A share of no documents (an empty partition) is the same file whichever run
                // wrote it: replacing it is no news, and every empty partition would say so.
                // It is still written, so that each run leaves its file and merge finds one.
                replaced = (documents > 0 && path.exists()).then(|| path.clone());
                file.set_path(path);
            }
            stats::write_json(&mut file, total, Some(analysis))?;
            file.finish()?;
            files.push(file);
        }
        // Renamed one run after another: a pair is never half this run's.
        let locks = FolderLocks::take(self.sink.file().into_iter().chain(&files));
        for file in self.sink.file().into_iter().chain(&files) {
            file.check_renamable()?;
        }
        // A rename that fails all the same (its temporary file removed by another program,
        // the folder's permissions changed meanwhile) takes back the files this run created
        // before it: a pair is whole or not there.
        let mut committed = Vec::new();
        let sink = self.sink;
        let rename_all = || -> io::Result<()> {
            committed.extend(sink.commit()?);
            for file in files {
                committed.push(file.commit()?);
            }
            Ok(())
        };
        if let Err(e) = rename_all() {
            committed.into_iter().for_each(Committed::take_back);
            return Err(e.into());
        }
        drop(locks);
        if let Some(path) = replaced {
            // A retried worker, as the name is meant for, or another input of the same ids
            // and texts (chunks of repeated lines without ids): said even with --quiet, as
            // merge then counts such input once.
            say!(
                "batch: replaced {}: an earlier run read the same ids and texts (if that was other input, give documents ids unique across the corpus)",
                path.display()
            );
        }
        Ok(())
    }
}

/// The JSON Lines fields must be three different fields: one JSON field cannot be the text
/// and the language.
fn check_fields(input: &InputArgs) -> Result<(), String> {
    let fields = [
        ("--text-field", Some(&input.text_field)),
        ("--id-field", Some(&input.id_field)),
        ("--lang-field", input.lang_field.as_ref()),
    ];
    for (i, (option, field)) in fields.iter().enumerate() {
        for (other, same) in &fields[i + 1..] {
            if let (Some(field), Some(same)) = (field, same)
                && field == same
            {
                return Err(format!(
                    "{option} and {other} name the same field {field:?}: each must be a field of its own"
                ));
            }
        }
    }
    Ok(())
}

fn analyze(args: &AnalyzeArgs) -> Result<Outcome, Stop> {
    let out_args = &args.output;
    // Options that cannot make a pipeline are refused before any file is opened.
    let pipeline = pipeline(args).map_err(Stop::Refused)?;
    check_fields(&args.input).map_err(Stop::Refused)?;
    // Inputs that would give documents twice, then outputs that would destroy inputs:
    // refused before anything is read or written.
    refusals::check_inputs(&args.input.paths).map_err(Stop::Refused)?;
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
    let report = Reporter::new(out_args.quiet, total_bytes);

    let batch_size = args.analysis.batch_size as usize;
    // One batch waits while another is analysed, and one analysed batch while another is
    // written: reading, analysis and writing overlap, and memory holds at most five batches.
    let (sender, batches) = mpsc::sync_channel::<Vec<Document>>(1);
    let documents = Documents::new(args.input.clone());
    let name_hash = out_args.stats_dir.is_some().then(NameHash::new);
    let reader = thread::Builder::new()
        .name("reader".into())
        .spawn(move || read_batches(documents, batch_size, sender, name_hash))
        .map_err(|e| Stop::Failed(format!("cannot start the reader thread: {e}")))?;
    let (to_writer, analysed) = mpsc::sync_channel::<Analysed>(1);
    // The written batches' analyses come back to be filled again: a document's analysis
    // then allocates nothing (see `recyclable`, which also bounds what they hold).
    let (recycle, recycled) = mpsc::channel::<Vec<Analysis>>();
    let (top, tokens) = (out_args.top, out_args.tokens);
    let writer = thread::Builder::new()
        .name("writer".into())
        .spawn(move || {
            let mut writer = Writer {
                sink: outputs.sink,
                report,
                total: CorpusStats::new(),
                keep_stats,
                top,
                tokens,
            };
            let written = analysed.into_iter().try_for_each(|(batch, analyses)| {
                writer.write(&batch, &analyses)?;
                // An error here means the analysis is over: nothing to recycle for.
                let _ = recycle.send(recyclable(&batch, analyses));
                Ok::<(), Stop>(())
            });
            (writer, outputs.stats, outputs.stats_dir, written)
        })
        .map_err(|e| Stop::Failed(format!("cannot start the writer thread: {e}")))?;

    let mut spare: Vec<Analysis> = Vec::new();
    for batch in batches {
        spare.extend(recycled.try_iter().flatten());
        // One analysis per document, recycled where the writer has sent some back.
        let mut fill: Vec<Analysis> = spare.split_off(spare.len().saturating_sub(batch.len()));
        fill.resize_with(batch.len(), Analysis::default);
        let analyses: Vec<Result<Analysis, String>> = pool.install(|| {
            batch
                .par_iter()
                .zip(fill)
                .map(|(doc, mut analysis)| match &doc.text {
                    Ok(text) => guard
                        .analyze_into(text, doc.lang, &mut analysis)
                        .map(|()| analysis),
                    // Its record is its own error; an empty String allocates nothing.
                    Err(_) => Err(String::new()),
                })
                .collect()
        });
        if to_writer.send((batch, analyses)).is_err() {
            break; // the writer stopped, and says why below
        }
    }
    drop(to_writer);
    let (writer, stats, stats_dir, written) = writer
        .join()
        .map_err(|_| Stop::Failed("the writer thread failed".into()))?;
    // (A stopped writer drops its channel, which stops the reader at its next batch.)
    written?;
    let (documents, hash) = match reader.join() {
        Ok(result) => result,
        Err(_) => return Err(Stop::Failed("the reader thread failed".into())),
    };
    let Writer {
        sink,
        report,
        total,
        ..
    } = writer;
    let outputs = Outputs {
        sink,
        stats,
        stats_dir,
    };
    let analysis = args.analysis.term_options();
    outputs.complete(&total, &analysis, hash.map(|hash| (documents, hash)))?;
    report.summary(&total);
    Ok(if report.failed == 0 || out_args.allow_failures {
        Outcome::Success
    } else {
        Outcome::SomeFailed
    })
}

/// A batch of documents and their analyses, in input order.
type Analysed = (Vec<Document>, Vec<Result<Analysis, String>>);

/// A written analysis is recycled when it holds at most this many bytes beyond four times
/// its document's text: an analysis keeps the capacity of the largest document it held, so
/// one that held a long document and now holds a short one is let go, and the recycled
/// analyses hold memory in proportion to the documents in flight (at most this times the
/// documents of a few batches, beyond the text).
const RECYCLED_SLACK_BYTES: usize = 4 << 10;

/// The written analyses of a batch (of the documents `batch`) worth sending back to be
/// filled with other documents: their term tables, term text and spans are then allocated
/// once, not once per document (and not freed on the writer's thread, the allocator's slower
/// path).
fn recyclable(batch: &[Document], analysed: Vec<Result<Analysis, String>>) -> Vec<Analysis> {
    batch
        .iter()
        .zip(analysed)
        .filter_map(|(doc, analysis)| {
            let analysis = analysis.ok()?;
            let text = doc.text.as_ref().map_or(0, String::len);
            (analysis.heap_size() <= text.saturating_mul(4) + RECYCLED_SLACK_BYTES)
                .then_some(analysis)
        })
        .collect()
}

/// The writer thread's state: where records go, what the user is told, the statistics.
struct Writer {
    sink: Sink,
    report: Reporter,
    total: CorpusStats,
    keep_stats: bool,
    top: usize,
    tokens: bool,
}

impl Writer {
    /// Writes a batch's records in input order, reports its documents and counts them.
    fn write(
        &mut self,
        batch: &[Document],
        analyses: &[Result<Analysis, String>],
    ) -> Result<(), Stop> {
        write_records(&mut self.sink, batch, analyses, self.top, self.tokens)?;
        for (doc, analysis) in batch.iter().zip(analyses) {
            match (&doc.text, analysis) {
                (Ok(_), Ok(a)) => {
                    self.report.analysed += 1;
                    if !doc.warnings.is_empty() {
                        self.report.warning(doc, &doc.warnings.join("; "));
                    }
                    if self.keep_stats {
                        self.total.add_document(a.lang(), &a.terms);
                    }
                }
                (Err(error), _) | (Ok(_), Err(error)) => self.report.error(doc, error),
            }
        }
        let bytes = batch.iter().map(|d| d.bytes).sum();
        self.report.advance(batch.len() as u64, bytes);
        Ok(())
    }
}

/// Writes the batch's records in input order. A record goes through a buffer, written when
/// it holds about 64 KiB, except with --tokens the record of a long document, which is
/// serialized straight into the output (such a record is several times its text).
fn write_records(
    sink: &mut Sink,
    batch: &[Document],
    analyses: &[Result<Analysis, String>],
    top: usize,
    tokens: bool,
) -> Result<(), Stop> {
    let direct = |doc: &Document| tokens && doc.text.as_ref().is_ok_and(|t| t.len() > DIRECT_BYTES);
    let mut buf = Vec::with_capacity(BUFFER_BYTES + 4096);
    for (doc, analysis) in batch.iter().zip(analyses) {
        if direct(doc) {
            sink.write_all(&buf)?;
            buf.clear();
            output::write_record(&mut *sink, doc, analysis, top, tokens)
                .map_err(serialization_stop)?;
            continue;
        }
        match (&doc.text, analysis) {
            // The common record, written by hand (the same bytes, a fraction of the cost).
            (Ok(_), Ok(analysis)) if !tokens => {
                crate::record_json::push_record(&mut buf, doc, analysis, top);
            }
            _ => output::write_record(&mut buf, doc, analysis, top, tokens)
                .map_err(serialization_stop)?,
        }
        if buf.len() >= BUFFER_BYTES {
            sink.write_all(&buf)?;
            buf.clear();
        }
    }
    sink.write_all(&buf)?;
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
    // Room for a batch is made as it fills: --batch-size may be in the billions (batches also
    // end at BATCH_BYTES), and reserving it up front aborted the process. Four times the
    // default batch size is reserved at most: more grows by doubling, as rarely as that.
    let room = batch_size.min(4096);
    let mut batch = Vec::with_capacity(room);
    let mut bytes = 0;
    for doc in documents {
        count += 1;
        if let Some(hash) = &mut name_hash {
            hash.add(&doc);
        }
        // A document's text and what it costs besides (its id, its place in the batch):
        // documents with no text must end batches too, whatever --batch-size says.
        bytes += match &doc.text {
            Ok(text) => text.len(),
            Err(error) => error.len(),
        } + doc.id.len()
            + size_of::<Document>();
        batch.push(doc);
        if batch.len() >= batch_size || bytes >= BATCH_BYTES {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(room));
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
