//! Everything the tool tells the user, on stderr: a progress bar when stderr is a terminal,
//! warnings and errors (the first few of each; all of them are in the records), and the
//! summary that ends the run.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use wordmill::tf::{CorpusStats, TermFrequency};

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
        self.bar.suspend(|| say!("{line}"));
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
                say!(
                    "batch: {} of {} failed",
                    self.failed,
                    counted(self.documents, "document")
                );
            }
            return;
        }
        let secs = self.started.elapsed().as_secs_f64();
        let rate = |n: f64| if secs > 0.0 { n / secs } else { 0.0 };
        say!(
            "batch: {}: {} analysed, {} failed, {} with warnings",
            counted(self.documents, "document"),
            self.analysed,
            self.failed,
            self.warned
        );
        let size = if self.bytes < 1_000_000 {
            format!("{:.1} kB", self.bytes as f64 / 1e3)
        } else {
            format!("{:.1} MB", self.bytes as f64 / 1e6)
        };
        say!(
            "batch: {size} in {:.2} s: {:.0} documents/s, {:.2} MB/s",
            secs,
            rate(self.documents as f64),
            rate(self.bytes as f64) / 1e6
        );
        say!(
            "batch: {}, {} distinct",
            counted(stats.term_count(), "term"),
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
            say!("batch: documents per language: {}{more}", shown.join(", "));
        }
        let top: Vec<String> = top_by_document_frequency(stats, 10)
            .into_iter()
            .map(|(term, f)| format!("{term} ({})", f.documents))
            .collect();
        if !top.is_empty() {
            say!("batch: top terms by document frequency: {}", top.join(", "));
        }
        if self.failed > 0 {
            let listed = self.errors.len();
            let which = if listed as u64 == self.failed {
                String::new()
            } else {
                format!("; the first {listed}")
            };
            say!(
                "batch: {} failed (error records in the output){which}:",
                self.failed
            );
            for e in &self.errors {
                say!("  {e}");
            }
        }
    }
}

/// `n` and `noun`, plural unless `n` is 1: "1 document", "2 documents".
pub fn counted(n: impl Into<u64>, noun: &str) -> String {
    match n.into() {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// The document's place, and its id when that says something more, fit for a terminal: the
/// file name and id cut (see [`shown`]), the line number always there.
fn where_is(doc: &Document) -> String {
    let mut place = shown(&doc.file, SHOWN_CHARS);
    if let Some(line) = doc.line {
        place.push_str(&format!(":{line}"));
    }
    // An id made of the location (`news.txt:3`, or `sub/news.txt:3` in a folder) says
    // nothing more; one that only ends the same way (id `2` on line 12) does.
    let location = doc.location();
    let made_of_location = location
        .strip_suffix(doc.id.as_str())
        .is_some_and(|before| {
            before.is_empty() || before.ends_with(['/', std::path::MAIN_SEPARATOR])
        });
    if made_of_location {
        place
    } else {
        format!("{place} (id {})", shown(&doc.id, SHOWN_CHARS))
    }
}

/// Longest id or file name shown on stderr, in characters; the records carry them whole.
const SHOWN_CHARS: usize = 200;

// How stderr shows a text (`shown`) is the decoding's too, for the warnings of a record:
// there, so that the fuzz target of the decoding includes it.
pub use crate::decode::shown;

/// The `k` terms found in most documents, ties broken by occurrences, then alphabetically,
/// as `CorpusStats::top_by_document_frequency` ranks them, but with a heap of `k` terms
/// instead of a list of every term: the summary costs no memory per term.
fn top_by_document_frequency(stats: &CorpusStats, k: usize) -> Vec<(&str, TermFrequency)> {
    // Greater is better: more documents, more occurrences, earlier in the alphabet.
    type Rank<'a> = (u64, u64, Reverse<&'a str>);
    // The worst term kept is on top, to be replaced by a better one.
    let mut kept: BinaryHeap<Reverse<Rank>> = BinaryHeap::with_capacity(k + 1);
    for (term, f) in stats.terms() {
        let rank = (f.documents, f.occurrences, Reverse(term));
        if kept.len() < k {
            kept.push(Reverse(rank));
        } else if kept.peek().is_some_and(|worst| rank > worst.0) {
            kept.pop();
            kept.push(Reverse(rank));
        }
    }
    kept.into_sorted_vec()
        .into_iter()
        .map(|Reverse((documents, occurrences, Reverse(term)))| {
            (
                term,
                TermFrequency {
                    documents,
                    occurrences,
                },
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wordmill::Lang;
    use wordmill::tf::TermCounts;

    #[test]
    fn ids_on_stderr_cannot_forge_lines_or_colours() {
        assert_eq!(
            shown("evil\u{1b}[31mRED\nbatch: 0 failed", 200),
            "evil\\u{1b}[31mRED\\nbatch: 0 failed"
        );
        // A backslash written out stays apart from the character it would name; bidi
        // controls are escaped too.
        assert_eq!(shown("a\\nb", 200), "a\\\\nb");
        assert_eq!(shown("\u{202E}txt", 200), "\\u{202e}txt");
        assert_eq!(shown("Muscat", 200), "Muscat");
        let long = "é".repeat(1000);
        assert_eq!(shown(&long, 200), format!("{}…", "é".repeat(200)));
        // A long file name is cut, its line number kept.
        let doc = Document::failed("id".into(), "x".repeat(500).into(), Some(7), String::new());
        assert!(
            where_is(&doc).ends_with("…:7 (id id)"),
            "{}",
            where_is(&doc)
        );
    }

    #[test]
    fn an_id_is_shown_unless_made_of_the_location() {
        let at = |id: &str, file: &str, line| {
            where_is(&Document::failed(
                id.into(),
                file.into(),
                line,
                String::new(),
            ))
        };
        assert_eq!(at("news.txt:3", "news.txt", Some(3)), "news.txt:3");
        assert_eq!(
            at("sub/a.txt:3", "corpus/sub/a.txt", Some(3)),
            "corpus/sub/a.txt:3"
        );
        assert_eq!(at("a.jsonl", "a.jsonl", None), "a.jsonl");
        // Ids of their own that only end as the location does.
        assert_eq!(at("2", "idsuf.jsonl", Some(12)), "idsuf.jsonl:12 (id 2)");
        assert_eq!(at("2", "news.jsonl", Some(2)), "news.jsonl:2 (id 2)");
        assert_eq!(at("l:1", "all.jsonl", Some(1)), "all.jsonl:1 (id l:1)");
    }

    #[test]
    fn the_bounded_top_is_the_library_top() {
        // Many ties: few distinct frequencies over many terms.
        let mut stats = CorpusStats::new();
        let mut seed = 7u64;
        for doc in 0..300 {
            let mut terms = Vec::new();
            for _ in 0..20 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                terms.push(format!("t{}", (seed >> 33) % 97));
            }
            let lang = if doc % 3 == 0 {
                Lang::UND
            } else {
                "eng".parse().unwrap()
            };
            stats.add_document(
                lang,
                &TermCounts::from_terms(terms.iter().map(String::as_str)),
            );
        }
        for k in [0, 1, 10, 96, 97, 200] {
            assert_eq!(
                top_by_document_frequency(&stats, k),
                stats.top(k, wordmill::tf::RankBy::DocumentFrequency),
                "k = {k}"
            );
        }
        assert!(top_by_document_frequency(&CorpusStats::new(), 10).is_empty());
    }
}
