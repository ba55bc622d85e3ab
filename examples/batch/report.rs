//! Everything the tool tells the user, on stderr: a progress bar when stderr is a terminal,
//! warnings and errors (the first few of each; all of them are in the records), and the
//! summary that ends the run.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use wordmill::tf::CorpusStats;

use crate::input::Document;

/// Messages of one kind printed before the rest are only counted.
const SHOWN: usize = 20;

pub struct Reporter {
    bar: ProgressBar,
    quiet: bool,
    started: Instant,
    pub documents: u64,
    pub analysed: u64,
    pub failed: u64,
    pub warned: u64,
    pub bytes: u64,
    /// The first errors, for the summary.
    errors: Vec<String>,
}

impl Reporter {
    /// `total_bytes`: the size of the input when known, for a bar with an end.
    pub fn new(quiet: bool, total_bytes: Option<u64>) -> Reporter {
        let visible = !quiet && std::io::stderr().is_terminal();
        let bar = if !visible {
            ProgressBar::hidden()
        } else if let Some(total) = total_bytes {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {elapsed_precise} [{wide_bar}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} {msg} (eta {eta})",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar
        } else {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {elapsed_precise} {decimal_bytes} {decimal_bytes_per_sec} {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        };
        bar.enable_steady_tick(Duration::from_millis(200));
        Reporter {
            bar,
            quiet,
            started: Instant::now(),
            documents: 0,
            analysed: 0,
            failed: 0,
            warned: 0,
            bytes: 0,
            errors: Vec::new(),
        }
    }

    fn print(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    pub fn warning(&mut self, doc: &Document, warning: &str) {
        self.warned += 1;
        if self.quiet {
            return;
        }
        if self.warned <= SHOWN as u64 {
            self.print(&format!("batch: warning: {}: {warning}", where_is(doc)));
        } else if self.warned == SHOWN as u64 + 1 {
            self.print("batch: more warnings: see the records' \"warnings\" fields");
        }
    }

    pub fn error(&mut self, doc: &Document, error: &str) {
        self.failed += 1;
        let line = format!("{}: {error}", where_is(doc));
        if self.failed <= SHOWN as u64 {
            self.print(&format!("batch: error: {line}"));
            self.errors.push(line);
        } else if self.failed == SHOWN as u64 + 1 {
            self.print("batch: more errors: see the error records");
        }
    }

    pub fn advance(&mut self, documents: u64, bytes: u64) {
        self.documents += documents;
        self.bytes += bytes;
        self.bar.inc(bytes);
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        self.bar.set_message(format!(
            "{} docs, {:.0} docs/s",
            self.documents,
            self.documents as f64 / secs
        ));
    }

    /// The last words of the run.
    pub fn summary(&self, stats: &CorpusStats) {
        self.bar.finish_and_clear();
        if self.quiet {
            if self.failed > 0 {
                eprintln!(
                    "batch: {} of {} documents failed",
                    self.failed, self.documents
                );
            }
            return;
        }
        let secs = self.started.elapsed().as_secs_f64();
        let rate = |n: f64| if secs > 0.0 { n / secs } else { 0.0 };
        eprintln!(
            "batch: {} documents: {} analysed, {} failed, {} with warnings",
            self.documents, self.analysed, self.failed, self.warned
        );
        let size = if self.bytes < 1_000_000 {
            format!("{:.1} kB", self.bytes as f64 / 1e3)
        } else {
            format!("{:.1} MB", self.bytes as f64 / 1e6)
        };
        eprintln!(
            "batch: {size} in {:.2} s: {:.0} documents/s, {:.2} MB/s",
            secs,
            rate(self.documents as f64),
            rate(self.bytes as f64) / 1e6
        );
        eprintln!(
            "batch: {} terms, {} distinct",
            stats.tokens(),
            stats.vocabulary_size()
        );
        let mut languages: Vec<(String, u64)> = stats
            .languages()
            .iter()
            .map(|(lang, s)| (lang.code().to_owned(), s.documents))
            .collect();
        languages.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        if !languages.is_empty() {
            let shown: Vec<String> = languages
                .iter()
                .take(12)
                .map(|(l, n)| format!("{l} {n}"))
                .collect();
            let more = if languages.len() > 12 {
                format!(" and {} more", languages.len() - 12)
            } else {
                String::new()
            };
            eprintln!("batch: documents per language: {}{more}", shown.join(", "));
        }
        let top: Vec<String> = stats
            .top_by_document_frequency(10)
            .into_iter()
            .map(|(term, f)| format!("{term} ({})", f.documents))
            .collect();
        if !top.is_empty() {
            eprintln!("batch: top terms by document frequency: {}", top.join(", "));
        }
        if self.failed > 0 {
            eprintln!(
                "batch: {} failed (error records in the output); the first:",
                self.failed
            );
            for e in &self.errors {
                eprintln!("  {e}");
            }
        }
    }
}

/// The document's place, and its id when that says something more.
fn where_is(doc: &Document) -> String {
    let location = doc.location();
    if location.ends_with(&doc.id) {
        location
    } else {
        format!("{location} (id {})", doc.id)
    }
}
