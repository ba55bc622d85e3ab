//! Corpus statistics of text files, one document per line, built in parallel and streamed
//! file by file so that memory holds one file's text, its analyses and the statistics, not
//! the corpus.
//!
//! `batch --lines FILES --stats stats.json` computes the same statistics (as JSON); this
//! example adds what measuring them needs: `--repeat` (a larger corpus from the same files),
//! `--binary` (the binary format, written, read back and compared) and a report of their
//! size, heap and the process's peak memory; also `--bigrams` and `--whole-files`.
//!
//! ```text
//! cargo run --release --example term_stats -- corpus/ntrex/*.txt --json stats.json --binary stats.bin
//! cargo run --release --example term_stats -- /path/to/ntrex/*.txt --repeat 37   # ~1 GB of text
//! ```
//!
//! Prints documents, tokens, vocabulary, (term, language) pairs, the statistics' heap size,
//! time and throughput, and the peak resident memory of the process (Linux).

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use wordmill::Pipeline;
use wordmill::tf::{CorpusStats, RankBy};

#[derive(Parser)]
#[command(about = "Corpus statistics of text files, one document per line.")]
struct Args {
    /// Text files; every line is a document.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Read the files this many times, to measure memory on a larger corpus.
    #[arg(long, default_value_t = 1)]
    repeat: usize,
    /// Count word bigrams too.
    #[arg(long)]
    bigrams: bool,
    /// Each file is one document instead of one per line.
    #[arg(long)]
    whole_files: bool,
    /// Write the statistics as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Write the statistics in wordmill's binary format to this file.
    #[arg(long)]
    binary: Option<PathBuf>,
    /// How many top terms to show for the corpus and each of the largest languages.
    #[arg(long, default_value_t = 8)]
    top: usize,
}

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("term_stats: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let pipeline = Pipeline::builder()
        .keep_tokens(false)
        .bigrams(args.bigrams)
        .build();
    let start = Instant::now();
    let mut stats = CorpusStats::new();
    let mut bytes = 0usize;
    for _ in 0..args.repeat {
        for path in &args.files {
            let raw = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            // Invalid UTF-8 is replaced, not dropped: every line stays a document.
            let text = String::from_utf8_lossy(&raw);
            bytes += text.len();
            let documents: Vec<&str> = if args.whole_files {
                vec![&text]
            } else {
                text.lines().collect()
            };
            stats.merge(&pipeline.analyze_batch(&documents).stats);
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    report(&stats, bytes, seconds, args.top);

    if let Some(path) = &args.json {
        let json = serde_json::to_vec(&stats).map_err(|e| e.to_string())?;
        fs::write(path, &json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("JSON: {} bytes -> {}", json.len(), path.display());
    }
    if let Some(path) = &args.binary {
        let binary = stats.to_bytes();
        fs::write(path, &binary).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("binary: {} bytes -> {}", binary.len(), path.display());
        // Reading it back must give the same statistics.
        let loaded = CorpusStats::from_bytes(&fs::read(path).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
        if loaded != stats {
            return Err("the binary statistics did not read back equal".into());
        }
    }
    if let Some(peak) = peak_rss_kib() {
        println!("peak resident memory: {:.1} MiB", peak as f64 / 1024.0);
    }
    Ok(())
}

fn report(stats: &CorpusStats, bytes: usize, seconds: f64, top: usize) {
    let pairs: usize = stats
        .languages()
        .keys()
        .filter_map(|l| stats.language(*l))
        .map(|l| l.vocabulary_size())
        .sum();
    let vocabulary = stats.vocabulary_size();
    let term_bytes: usize = stats.vocabulary().iter().map(str::len).sum();
    println!(
        "{:.1} MB of text, {} documents, {} tokens, {} languages, in {seconds:.2} s ({:.1} MB/s)",
        bytes as f64 / 1e6,
        stats.documents(),
        stats.term_count(),
        stats.languages().len(),
        bytes as f64 / 1e6 / seconds
    );
    println!(
        "vocabulary: {vocabulary} terms ({term_bytes} bytes of text), {pairs} (term, language) pairs, average document length {:.2}",
        stats.average_document_length()
    );
    let mib = |bytes: usize| bytes as f64 / (1 << 20) as f64;
    println!(
        "statistics heap: {:.1} MiB ({:.0} bytes per term), of which the vocabulary {:.1} MiB",
        mib(stats.heap_size()),
        stats.heap_size() as f64 / vocabulary.max(1) as f64,
        mib(stats.vocabulary().heap_size()),
    );
    let terms = |list: Vec<(&str, wordmill::tf::TermFrequency)>| {
        list.iter()
            .map(|(t, f)| format!("{t} ({})", f.documents))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "top terms by document frequency: {}",
        terms(stats.top(top, RankBy::DocumentFrequency))
    );
    let mut largest: Vec<_> = stats.languages().iter().collect();
    largest.sort_by(|a, b| b.1.documents.cmp(&a.1.documents).then(a.0.cmp(b.0)));
    for (lang, _) in largest.into_iter().take(3) {
        if let Some(view) = stats.language(*lang) {
            println!(
                "  {lang}: {} documents, {} terms: {}",
                view.documents(),
                view.vocabulary_size(),
                terms(view.top(top, RankBy::DocumentFrequency))
            );
        }
    }
}

/// The process's peak resident set size, from /proc (Linux only).
fn peak_rss_kib() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
