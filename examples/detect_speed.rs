//! Detection's start-up and its cost per document, for measurements the benchmarks cannot
//! make (criterion warms up first) or cannot make repeatably (on a shared machine).
//!
//! ```text
//! cargo run --release --example detect_speed -- first
//! cargo run --release --example detect_speed -- loop latin 3     # 3 passes over 1 KiB documents
//! valgrind --tool=callgrind target/release/examples/detect_speed loop latin 1
//! ```
//!
//! `first` times the first detection of a process: reading the built-in model and building
//! the character table on first use, then one detection (the budget is 20 ms), and a second
//! one for comparison. `loop GROUP PASSES [spans]` detects every 1 KiB document of a group of
//! corpus/ntrex (`latin`, `arabic`, `cyrillic`, or `all`: every language in turn) PASSES
//! times, with `detect` or, given `spans`, `detect_spans`, and prints the time per document:
//! the difference of the instruction counts of two PASSES values under callgrind, divided by
//! the documents, is the cost per document without the set-up.

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use wordmill::detect::Detector;

/// The corpus files of each group (as benches/common has them).
fn files(group: &str) -> Vec<String> {
    let codes: &[&str] = match group {
        "latin" => &[
            "eng", "deu", "fra", "spa", "ita", "por", "nld", "pol", "ces", "tur", "swe", "fin",
            "hun", "ron", "vie",
        ],
        "arabic" => &["ara", "pes", "urd"],
        "cyrillic" => &["rus", "ukr", "bul", "bel", "mkd", "srp"],
        "all" => &[],
        other => refuse(&format!(
            "unknown group {other}: latin, arabic, cyrillic or all"
        )),
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/ntrex");
    let mut names: Vec<String> = if codes.is_empty() {
        fs::read_dir(&dir)
            .map(|d| {
                d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .filter(|n| n.ends_with(".txt"))
                    .collect()
            })
            .unwrap_or_default()
    } else {
        codes.iter().map(|c| format!("{c}.txt")).collect()
    };
    names.sort();
    names
        .iter()
        .filter_map(|n| fs::read_to_string(dir.join(n)).ok())
        .collect()
}

/// Each file's lines joined into documents of at least 1 KiB.
fn documents(group: &str) -> Vec<String> {
    let mut docs = Vec::new();
    for text in files(group) {
        let mut current = String::new();
        for line in text.lines() {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line);
            if current.len() >= 1024 {
                docs.push(std::mem::take(&mut current));
            }
        }
    }
    docs
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("first") | None => {
            let text = "Le ministre a rencontré son homologue à Mascate pour parler du commerce.";
            let start = Instant::now();
            let detector = Detector::new();
            let found = detector.detect(black_box(text));
            let first = start.elapsed();
            let start = Instant::now();
            let again = detector.detect(black_box(text));
            let second = start.elapsed();
            assert_eq!(found.lang, again.lang);
            println!(
                "first detection (model, tables, detector, one text): {:.2} ms; the next: {:.1} µs ({})",
                first.as_secs_f64() * 1e3,
                second.as_secs_f64() * 1e6,
                found.lang
            );
        }
        Some("loop") => {
            let group = args.get(1).map_or("latin", String::as_str);
            let passes: usize = match args.get(2).map(|p| p.parse()) {
                None => 1,
                Some(Ok(passes)) => passes,
                Some(Err(_)) => refuse(&format!("{:?}: a number of passes", args[2])),
            };
            let spans = match args.get(3).map(String::as_str) {
                None => false,
                Some("spans") => true,
                Some(other) => refuse(&format!("{other:?}: only `spans` may follow the passes")),
            };
            let docs = documents(group);
            let detector = Detector::new();
            let bytes: usize = docs.iter().map(String::len).sum();
            let start = Instant::now();
            let mut found = 0usize;
            for _ in 0..passes {
                for doc in &docs {
                    let lang = if spans {
                        detector.detect_spans(black_box(doc)).0.lang
                    } else {
                        detector.detect(black_box(doc)).lang
                    };
                    found += usize::from(!lang.is_undetermined());
                }
            }
            let seconds = start.elapsed().as_secs_f64();
            println!(
                "{group}: {} documents × {passes}, {:.2} µs per document, {:.1} MB/s ({found} determined)",
                docs.len(),
                seconds * 1e6 / (docs.len() * passes).max(1) as f64,
                (bytes * passes) as f64 / seconds / 1e6
            );
        }
        Some("-h" | "--help") => println!("{USAGE}"),
        Some(other) => refuse(&format!("unknown command {other}: {USAGE}")),
    }
}

const USAGE: &str = "usage: detect_speed first | loop GROUP [PASSES [spans]]";

/// Says what is wrong and exits with 2, as a usage error.
fn refuse(message: &str) -> ! {
    eprintln!("detect_speed: {message}");
    std::process::exit(2);
}
