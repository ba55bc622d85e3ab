//! Language-detection accuracy of wordmill and of plain whatlang on the same labelled lines.
//!
//! ```text
//! cargo run --release --example detect_eval            # corpus/ntrex, the held-out sample
//! cargo run --release --example detect_eval -- --per-language
//! ```
//!
//! Every line of `corpus/ntrex/<code>.txt` is a news sentence in language `<code>` (Kazakh is
//! left out: whatlang cannot name it). Each line is detected whole, and as snippets of its
//! first two and first five words (split at whitespace). An undetermined answer counts as
//! wrong. `--dir` and `--lines` evaluate other NTREX lines, e.g. the full files with
//! `--lines 0` (line numbers mod 7) to tune on lines a model was not trained on.
//!
//! Then, for bounded cost: the lines of each file joined into documents of 1, 4 and 16 KiB and
//! whole files; how often detection on samples of at most 1 KiB per run gives the language
//! that detection on the whole document gives.

use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use wordmill::detect::Detector;

#[derive(Parser)]
#[command(about = "Language-detection accuracy, wordmill against plain whatlang.")]
struct Args {
    /// Folder of `<code>.txt` files, one labelled sentence per line.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ntrex"))]
    dir: PathBuf,
    /// Only lines whose 1-based number mod 7 is one of these (comma-separated).
    #[arg(long, value_delimiter = ',')]
    lines: Vec<usize>,
    /// Print a row per language.
    #[arg(long)]
    per_language: bool,
    /// Print the most frequent confusions.
    #[arg(long)]
    confusions: bool,
}

/// The three ways a line is tested: whole, first 2 words, first 5 words.
const KINDS: [(&str, usize); 3] = [("sentence", 0), ("2 words", 2), ("5 words", 5)];

#[derive(Default, Clone, Copy)]
struct Tally {
    lines: usize,
    /// Right answers per kind, wordmill then whatlang.
    wordmill: [usize; 3],
    whatlang: [usize; 3],
    /// Undetermined answers per kind (wordmill).
    undetermined: [usize; 3],
}

fn snippet(line: &str, words: usize) -> String {
    if words == 0 {
        return line.to_owned();
    }
    line.split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ")
}

fn pct(n: usize, of: usize) -> f64 {
    100.0 * n as f64 / of.max(1) as f64
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let mut codes: Vec<String> = fs::read_dir(&args.dir)
        .map_err(|e| format!("{}: {e}", args.dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".txt").map(String::from))
        .filter(|code| whatlang::Lang::from_code(code.as_str()).is_some())
        .collect();
    codes.sort();
    let detector = Detector::new();
    let mut rows = Vec::new();
    let mut confusions: Vec<((String, String), usize)> = Vec::new();
    let (mut wordmill_time, mut whatlang_time) = (0.0, 0.0);
    for code in &codes {
        let text = fs::read_to_string(args.dir.join(format!("{code}.txt")))?;
        let mut tally = Tally::default();
        for (i, line) in text.lines().enumerate() {
            if !args.lines.is_empty() && !args.lines.contains(&((i + 1) % 7)) {
                continue;
            }
            tally.lines += 1;
            for (k, &(_, words)) in KINDS.iter().enumerate() {
                let sample = snippet(line, words);
                let start = Instant::now();
                let ours = detector.detect(&sample).lang;
                wordmill_time += start.elapsed().as_secs_f64();
                let start = Instant::now();
                let theirs = whatlang::detect_lang(&sample);
                whatlang_time += start.elapsed().as_secs_f64();
                if ours.code() == code {
                    tally.wordmill[k] += 1;
                } else {
                    let key = (format!("{code} {}", KINDS[k].0), ours.code().to_owned());
                    match confusions.iter_mut().find(|(c, _)| *c == key) {
                        Some(entry) => entry.1 += 1,
                        None => confusions.push((key, 1)),
                    }
                }
                if ours.is_undetermined() {
                    tally.undetermined[k] += 1;
                }
                if theirs.is_some_and(|l| l.code() == code) {
                    tally.whatlang[k] += 1;
                }
            }
        }
        rows.push((code.clone(), tally));
    }
    let mut total = Tally::default();
    for (_, t) in &rows {
        total.lines += t.lines;
        for k in 0..3 {
            total.wordmill[k] += t.wordmill[k];
            total.whatlang[k] += t.whatlang[k];
            total.undetermined[k] += t.undetermined[k];
        }
    }
    println!(
        "{} languages, {} lines each way, from {}",
        rows.len(),
        total.lines,
        args.dir.display()
    );
    println!(
        "accuracy %: wordmill / whatlang, per way of testing \
         (\"und\": share left undetermined by wordmill)\n"
    );
    let header = KINDS
        .iter()
        .map(|(name, _)| format!("{name:>17}"))
        .collect::<String>();
    println!("{:<8}{header}", "lang");
    let row = |name: &str, t: &Tally| {
        let cells: String = (0..3)
            .map(|k| {
                format!(
                    "{:>17}",
                    format!(
                        "{:.1} / {:.1}",
                        pct(t.wordmill[k], t.lines),
                        pct(t.whatlang[k], t.lines)
                    )
                )
            })
            .collect();
        println!("{name:<8}{cells}");
    };
    if args.per_language {
        for (code, t) in &rows {
            row(code, t);
        }
        println!();
    }
    row("overall", &total);
    let und: Vec<String> = (0..3)
        .map(|k| format!("{:.2}%", pct(total.undetermined[k], total.lines)))
        .collect();
    println!("{:<8}{}", "und", und.join(" / "));
    let lines = (3 * total.lines).max(1) as f64;
    println!(
        "\ntime per detection: wordmill {:.1} µs, whatlang {:.1} µs (release build; mean over all \
         three ways)",
        wordmill_time / lines * 1e6,
        whatlang_time / lines * 1e6
    );
    agreement(&args, &codes)?;
    if args.confusions {
        confusions.sort_by_key(|c| std::cmp::Reverse(c.1));
        println!("\nmost frequent wordmill errors:");
        for ((what, got), n) in confusions.iter().take(40) {
            println!("  {what} -> {got}: {n}");
        }
    }
    Ok(())
}

/// Lines joined into documents of at least `bytes` bytes.
fn documents(text: &str, bytes: usize) -> Vec<String> {
    let mut docs = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(line);
        if current.len() >= bytes {
            docs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        docs.push(current);
    }
    docs
}

/// Bounded against whole-document detection, per document size.
fn agreement(args: &Args, codes: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let bounded = Detector::new();
    let whole = Detector::new().sample_bytes(usize::MAX)?;
    println!(
        "\nbounded (1 KiB per run) against whole-document detection, {} files:",
        codes.len()
    );
    println!(
        "{:>10} {:>6} {:>22} {:>24}",
        "document", "docs", "same as whole wordmill", "same as whole whatlang"
    );
    for (name, bytes) in [
        ("1 KiB", 1 << 10),
        ("4 KiB", 1 << 12),
        ("16 KiB", 1 << 14),
        ("file", usize::MAX),
    ] {
        let (mut docs, mut same, mut same_whatlang) = (0, 0, 0);
        for code in codes {
            let text = fs::read_to_string(args.dir.join(format!("{code}.txt")))?;
            for doc in documents(&text, bytes) {
                docs += 1;
                let lang = bounded.detect(&doc).lang;
                same += usize::from(lang == whole.detect(&doc).lang);
                same_whatlang +=
                    usize::from(whatlang::detect_lang(&doc).map(|l| l.code()) == Some(lang.code()));
            }
        }
        println!(
            "{name:>10} {docs:>6} {:>21.2}% {:>23.2}%",
            pct(same, docs),
            pct(same_whatlang, docs)
        );
    }
    Ok(())
}
