//! Language-detection accuracy on held-out lines, per language, with the confusions:
//! wordmill and plain whatlang on the same lines.
//!
//! ```text
//! cargo run --release --example detect_eval                      # summaries
//! cargo run --release --example detect_eval -- --per-language --confusions 20
//! ```
//!
//! The lines: every line of `corpus/ntrex/<code>.txt` (NTREX-128 lines 1, 8, 15, ... of each
//! language, which the model never saw: it is trained on the others), labelled by the file
//! name; and for the languages NTREX lacks (Latin, Esperanto, Ganda, Tsonga, Akan, Javanese,
//! Yiddish, Northern Sotho), the paragraphs of `corpus/udhr/<code>.txt` whose line number is
//! 1 mod 7 and that have at least 40 bytes (not the headings), also never trained on. Each
//! line is detected whole, and as snippets of its first two and first five words (split at
//! whitespace), and as pairs of words from inside it (words 3 and 4, 6 and 7, ... up to four
//! pairs a line: `held_out::inner_pairs`; their means leave out the languages whose lines give
//! fewer than 100 pairs, written without spaces or tested on a few UDHR paragraphs). An
//! undetermined answer counts as wrong. Accuracy is the mean over languages of each
//! language's accuracy, for all languages, for the 75 of lingua's high-accuracy mode (what
//! the issue's web test covers) and for the 57 of those that whatlang knows.
//! Serbian is also tested in Latin letters (its lines transliterated), as a row of its own.
//! With `--udhr-all`, every language is tested on all its UDHR paragraphs instead: text
//! unlike news, for a model trained without the UDHR (the recipe is in docs/detection.md).
//!
//! Then, for bounded cost: the NTREX lines of each file joined into documents of 1, 4 and
//! 16 KiB and whole files; how often detection on samples of at most 1 KiB per run gives the
//! language that reading everything gives.

#[path = "shared/held_out.rs"]
mod held_out;

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use held_out::{
    KINDS, LINGUA75, MIN_INNER_PAIRS, held_out_lines, inner_pairs, snippet, udhr_paragraphs,
};
use wordmill::Lang;
use wordmill::detect::Detector;

#[derive(Parser)]
#[command(about = "Language-detection accuracy on held-out lines, per language.")]
struct Args {
    /// Folder of `<code>.txt` files, one labelled sentence per line.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ntrex"))]
    dir: PathBuf,
    /// UDHR text for the languages `--dir` lacks (lines 1 mod 7 of at least 40 bytes).
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/udhr"))]
    udhr: PathBuf,
    /// Only lines of `--dir` whose 1-based number mod 7 is one of these (comma-separated);
    /// all by default (corpus/ntrex holds the held-out lines only).
    #[arg(long, value_delimiter = ',', value_parser = held_out::line_mod_7)]
    lines: Vec<usize>,
    /// Print a row per language.
    #[arg(long)]
    per_language: bool,
    /// Print this many of the most frequent confusions of wordmill, per way of testing.
    #[arg(long, default_value_t = 0)]
    confusions: usize,
    /// Skip the bounded-against-whole comparison.
    #[arg(long)]
    no_agreement: bool,
    /// Test on every UDHR paragraph of `--udhr` (of at least 40 bytes) instead: text unlike
    /// news. Meant for a model built without the UDHR (`langid-train --udhr-lines none` into
    /// src/detect/model.bin, then this, then `git checkout src/detect/model.bin`); the
    /// built-in model has read most of these paragraphs.
    #[arg(long)]
    udhr_all: bool,
}

/// The systems compared.
const SYSTEMS: [&str; 2] = ["wordmill", "whatlang"];

/// A labelled test set: (label, lines) per language.
struct TestSet {
    langs: Vec<(String, Vec<String>)>,
}

/// The ways a line is tested: [`KINDS`], then its inner pairs of words.
const WAYS: usize = KINDS.len() + 1;

/// The names of the ways, as the tables head them.
const WAY_NAMES: [&str; WAYS] = ["sentence", "2 words", "5 words", "inner pairs"];

#[derive(Default, Clone)]
struct Tally {
    lines: usize,
    /// Right answers per system and way.
    right: [[usize; WAYS]; 2],
    /// Snippets tested per way: a line each for [`KINDS`], up to four for the inner pairs.
    tested: [usize; WAYS],
}

impl Tally {
    /// Accuracy in % of `system` tested the `way`th way.
    fn pct(&self, system: usize, way: usize) -> f64 {
        pct(self.right[system][way], self.tested[way])
    }

    /// Whether the `way`th way tested enough snippets to count: any line for [`KINDS`],
    /// [`MIN_INNER_PAIRS`] for the inner pairs.
    fn counts(&self, way: usize) -> bool {
        let least = if way < KINDS.len() {
            1
        } else {
            MIN_INNER_PAIRS
        };
        self.tested[way] >= least
    }

    /// [`Tally::pct`] in a table cell `width` wide: `-` for a way that does not count.
    fn cell(&self, system: usize, way: usize, width: usize, decimals: usize) -> String {
        match self.counts(way) {
            true => format!("{:>width$.decimals$}", self.pct(system, way)),
            false => format!("{:>width$}", "-"),
        }
    }
}

fn pct(n: usize, of: usize) -> f64 {
    100.0 * n as f64 / of.max(1) as f64
}

/// NTREX lines per language, and UDHR held-out paragraphs for the languages without them;
/// with `--udhr-all`, every UDHR paragraph of every language instead.
fn test_set(args: &Args) -> TestSet {
    let mut langs = if args.udhr_all {
        udhr_paragraphs(&args.udhr)
    } else {
        held_out_lines(&args.dir, &args.udhr, &args.lines)
    };
    // Serbian in Latin letters: its held-out lines transliterated.
    if let Some((_, serbian)) = langs.iter().find(|(c, _)| c == "srp") {
        let latin = serbian.iter().map(|l| serbian_to_latin(l)).collect();
        langs.push(("srp-Latn".to_owned(), latin));
    }
    TestSet { langs }
}

/// Serbian Cyrillic to Latin, letter by letter.
fn serbian_to_latin(text: &str) -> String {
    const PAIRS: [(char, &str); 30] = [
        ('а', "a"),
        ('б', "b"),
        ('в', "v"),
        ('г', "g"),
        ('д', "d"),
        ('ђ', "đ"),
        ('е', "e"),
        ('ж', "ž"),
        ('з', "z"),
        ('и', "i"),
        ('ј', "j"),
        ('к', "k"),
        ('л', "l"),
        ('љ', "lj"),
        ('м', "m"),
        ('н', "n"),
        ('њ', "nj"),
        ('о', "o"),
        ('п', "p"),
        ('р', "r"),
        ('с', "s"),
        ('т', "t"),
        ('ћ', "ć"),
        ('у', "u"),
        ('ф', "f"),
        ('х', "h"),
        ('ц', "c"),
        ('ч', "č"),
        ('џ', "dž"),
        ('ш', "š"),
    ];
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        match PAIRS.iter().find(|(cyr, _)| *cyr == lower) {
            Some((_, latin)) if lower == c => out.push_str(latin),
            Some((_, latin)) => {
                let mut chars = latin.chars();
                out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                out.push_str(chars.as_str());
            }
            None => out.push(c),
        }
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    if let Err(e) = held_out::check_folders(&[("--dir", &args.dir), ("--udhr", &args.udhr)]) {
        eprintln!("detect_eval: {e}");
        std::process::exit(2);
    }
    let set = test_set(&args);
    let systems = [Detector::new(), Detector::whatlang_only()];
    let mut rows: Vec<(String, Tally)> = Vec::new();
    let mut confusions: [BTreeMap<(String, String), usize>; WAYS] = Default::default();
    let mut seconds = [0.0f64; 2];
    for (code, lines) in &set.langs {
        let label = code.strip_suffix("-Latn").unwrap_or(code);
        let mut tally = Tally {
            lines: lines.len(),
            ..Tally::default()
        };
        for line in lines {
            let firsts = KINDS.iter().enumerate();
            let firsts = firsts.map(|(k, &(_, words))| (k, snippet(line, words)));
            let pairs = inner_pairs(line)
                .into_iter()
                .map(|pair| (KINDS.len(), pair));
            for (k, sample) in firsts.chain(pairs) {
                let first = k < KINDS.len();
                tally.tested[k] += 1;
                for (s, detector) in systems.iter().enumerate() {
                    let start = Instant::now();
                    let found = detector.detect(&sample).lang;
                    if first {
                        seconds[s] += start.elapsed().as_secs_f64();
                    }
                    if found.code() == label {
                        tally.right[s][k] += 1;
                    } else if s == 0 {
                        let key = (code.clone(), found.code().to_owned());
                        *confusions[k].entry(key).or_default() += 1;
                    }
                }
            }
        }
        rows.push((code.clone(), tally));
    }
    let total_lines: usize = rows.iter().map(|(_, t)| t.lines).sum();
    let sources = if args.udhr_all {
        format!("{} (every paragraph)", args.udhr.display())
    } else {
        format!(
            "{} (all lines) and {} (lines 1 mod 7)",
            args.dir.display(),
            args.udhr.display()
        )
    };
    println!(
        "{} test sets, {total_lines} lines each way: {sources}\n",
        rows.len()
    );
    if args.per_language {
        per_language(&rows);
    }
    summaries(&rows);
    let detections = (3 * total_lines).max(1) as f64;
    println!(
        "\ntime per detection (mean over the three ways): {}",
        SYSTEMS
            .iter()
            .zip(seconds)
            .map(|(name, s)| format!("{name} {:.1} µs", s / detections * 1e6))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if args.confusions > 0 {
        for (k, kind) in WAY_NAMES.iter().enumerate() {
            let mut pairs: Vec<_> = confusions[k].iter().collect();
            pairs.sort_by_key(|(pair, n)| (std::cmp::Reverse(**n), (*pair).clone()));
            let list: Vec<String> = pairs
                .iter()
                .take(args.confusions)
                .map(|((truth, got), n)| format!("{truth}→{got} {n}"))
                .collect();
            println!(
                "\nwordmill's most frequent errors, {kind}: {}",
                list.join(", ")
            );
        }
    }
    if !args.no_agreement {
        agreement(&args)?;
    }
    Ok(())
}

/// One row per test set: accuracy per way of testing, per system.
fn per_language(rows: &[(String, Tally)]) {
    println!(
        "accuracy % per language, {} ({}):",
        SYSTEMS.join(" | "),
        WAY_NAMES.join(" / ")
    );
    for (code, t) in rows {
        let cells: Vec<String> = (0..SYSTEMS.len())
            .map(|s| {
                (0..WAYS)
                    .map(|k| t.cell(s, k, 5, 1))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let name = Lang::from_code(code.get(..3).unwrap_or(code)).map_or("", |l| l.english_name());
        println!(
            "{code:<9}{name:<20}{:>4} lines  {}",
            t.lines,
            cells.join(" | ")
        );
    }
    println!();
}

/// Whether a test set's code is of a group of languages.
type Member<'a> = dyn Fn(&str) -> bool + 'a;

/// Mean per-language accuracy over all languages, lingua's 75 and whatlang's 57 (for the
/// inner pairs, over the languages whose lines give at least [`MIN_INNER_PAIRS`]; the
/// count column is of the others).
fn summaries(rows: &[(String, Tally)]) {
    let all = |c: &str| !c.ends_with("-Latn");
    let lingua = |c: &str| LINGUA75.contains(&c);
    let whatlang57 = |c: &str| LINGUA75.contains(&c) && whatlang::Lang::from_code(c).is_some();
    let sets: [(&str, &Member<'_>); 3] = [
        ("all", &all),
        ("lingua's 75", &lingua),
        ("whatlang's 57", &whatlang57),
    ];
    let ways: Vec<String> = WAY_NAMES.iter().map(|w| format!("{w:>12}")).collect();
    println!(
        "{:<15}{:>6}  {:<16}{}",
        "languages",
        "count",
        "system",
        ways.concat()
    );
    for (name, member) in &sets {
        let chosen: Vec<&Tally> = rows
            .iter()
            .filter(|(c, _)| member(c))
            .map(|(_, t)| t)
            .collect();
        for (s, system) in SYSTEMS.iter().enumerate() {
            let means: Vec<String> = (0..WAYS)
                .map(|k| {
                    let tested = chosen.iter().filter(|t| t.counts(k));
                    let (sum, n) = tested.fold((0.0, 0), |(sum, n), t| (sum + t.pct(s, k), n + 1));
                    format!("{:>12.2}", sum / f64::from(n.max(1)))
                })
                .collect();
            println!(
                "{name:<15}{:>6}  {system:<16}{}",
                chosen.len(),
                means.concat()
            );
        }
    }
    if let Some((_, t)) = rows.iter().find(|(c, _)| c == "srp-Latn") {
        let cells: Vec<String> = (0..WAYS).map(|k| t.cell(0, k, 12, 2)).collect();
        println!(
            "{:<15}{:>6}  {:<16}{}",
            "srp in Latin",
            1,
            SYSTEMS[0],
            cells.concat()
        );
    }
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
fn agreement(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let bounded = Detector::new();
    let whole = Detector::new().sample_bytes(usize::MAX)?;
    let mut files: Vec<PathBuf> = fs::read_dir(&args.dir)?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    println!(
        "\nbounded (1 KiB per run) against reading everything, {} files:",
        files.len()
    );
    println!(
        "{:>10} {:>6} {:>12} {:>14}",
        "document", "docs", "same answer", "right (label)"
    );
    for (name, bytes) in [
        ("1 KiB", 1 << 10),
        ("4 KiB", 1 << 12),
        ("16 KiB", 1 << 14),
        ("file", usize::MAX),
    ] {
        let (mut docs, mut same, mut right) = (0, 0, 0);
        for path in &files {
            let code = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let text = fs::read_to_string(path)?;
            for doc in documents(&text, bytes) {
                docs += 1;
                let lang = bounded.detect(&doc).lang;
                same += usize::from(lang == whole.detect(&doc).lang);
                right += usize::from(lang.code() == code);
            }
        }
        println!(
            "{name:>10} {docs:>6} {:>11.2}% {:>13.2}%",
            pct(same, docs),
            pct(right, docs)
        );
    }
    Ok(())
}
