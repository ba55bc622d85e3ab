//! Language-detection accuracy on labelled news sentences, with thresholds a regression would
//! trip, and the agreement of bounded-cost detection with whole-document detection.
//!
//! The sentences are corpus/ntrex: lines 1, 8, 15, ... of NTREX-128, 286 per language, the
//! label being the file name. The evidence model was built from the *other* NTREX lines, so
//! these are held out. `cargo run --release --example detect_eval -- --per-language` prints
//! the full table.

use std::fs;
use std::path::{Path, PathBuf};

use wordmill::detect::Detector;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// (language code, its lines) for the 64 NTREX languages whatlang knows.
fn labelled() -> Vec<(String, Vec<String>)> {
    let mut files: Vec<(String, Vec<String>)> = fs::read_dir(corpus().join("ntrex"))
        .expect("corpus/ntrex is in the repository")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let code = path.file_stem()?.to_str()?.to_owned();
            (path.extension()? == "txt" && whatlang::Lang::from_code(code.as_str()).is_some()).then(
                || {
                    let text = fs::read_to_string(&path).unwrap();
                    (code, text.lines().map(String::from).collect())
                },
            )
        })
        .collect();
    files.sort();
    files
}

fn snippet(line: &str, words: usize) -> String {
    line.split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Accuracy (%) of wordmill and of plain whatlang on the given way of cutting the lines.
struct Score {
    wordmill: f64,
    whatlang: f64,
}

fn score(files: &[(String, Vec<String>)], cut: impl Fn(&str) -> String) -> Score {
    let detector = Detector::new();
    let (mut ours, mut theirs, mut total) = (0usize, 0usize, 0usize);
    for (code, lines) in files {
        for line in lines {
            let text = cut(line);
            total += 1;
            ours += usize::from(detector.detect(&text).lang.code() == code);
            theirs += usize::from(whatlang::detect_lang(&text).is_some_and(|l| l.code() == code));
        }
    }
    Score {
        wordmill: 100.0 * ours as f64 / total as f64,
        whatlang: 100.0 * theirs as f64 / total as f64,
    }
}

#[test]
fn the_sample_has_the_64_whatlang_languages() {
    let files = labelled();
    assert_eq!(files.len(), 64);
    assert!(files.iter().all(|(_, lines)| lines.len() == 286));
    assert!(!files.iter().any(|(code, _)| code == "kaz"));
}

/// Asserts wordmill's accuracy is at least `floor` % and `margin` points above whatlang's.
fn assert_accuracy(what: &str, s: Score, floor: f64, margin: f64) {
    assert!(s.wordmill >= floor, "{what}: wordmill {:.2} %", s.wordmill);
    assert!(
        s.wordmill >= s.whatlang + margin,
        "{what}: wordmill {:.2} % vs whatlang {:.2} %",
        s.wordmill,
        s.whatlang
    );
}

// The floors sit a little under what wordmill measures (99.7, 88.2 and 97.9 %; whatlang 97.0,
// 68.3 and 87.7 %), so that a drop is a regression; the issue asks for 98.5 % on sentences and
// 10 points over whatlang on snippets.

#[test]
fn whole_sentences() {
    assert_accuracy("sentences", score(&labelled(), str::to_owned), 99.0, 2.0);
}

#[test]
fn first_two_words() {
    let s = score(&labelled(), |line| snippet(line, 2));
    assert_accuracy("first two words", s, 84.0, 14.0);
}

#[test]
fn first_five_words() {
    let s = score(&labelled(), |line| snippet(line, 5));
    assert_accuracy("first five words", s, 96.5, 10.0);
}

#[test]
fn close_languages_are_told_apart() {
    // The groups whatlang confuses most; Galician, Bosnian and Malay are not whatlang
    // languages, so their neighbours stand for them.
    let groups: [&[&str]; 9] = [
        &["dan", "nob", "swe"],
        &["spa", "cat", "por"],
        &["rus", "ukr", "bul", "bel"],
        &["srp", "mkd", "bul"],
        &["ara", "pes", "urd"],
        &["ind", "tgl"],
        &["hrv", "slv"],
        &["ces", "slk"],
        &["hin", "mar", "nep"],
    ];
    let mut codes = groups.concat();
    codes.sort_unstable();
    codes.dedup();
    let files = labelled();
    for code in codes {
        let mine: Vec<(String, Vec<String>)> =
            files.iter().filter(|(c, _)| c == code).cloned().collect();
        let sentences = score(&mine, str::to_owned);
        assert_accuracy(&format!("{code} sentences"), sentences, 95.0, 0.0);
        let five = score(&mine, |line| snippet(line, 5));
        assert_accuracy(&format!("{code} first five words"), five, 75.0, 0.0);
    }
}

/// Lines of a file joined into documents of at least `bytes` bytes.
fn documents(lines: &[String], bytes: usize) -> Vec<String> {
    let mut docs = Vec::new();
    let mut current = String::new();
    for line in lines {
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

#[test]
fn bounded_detection_agrees_with_whole_document_detection() {
    let bounded = Detector::new();
    let whole = Detector::new().sample_bytes(usize::MAX).unwrap();
    let mut docs: Vec<String> = Vec::new();
    for (_, lines) in labelled() {
        for bytes in [1 << 10, 1 << 12, 1 << 14, usize::MAX] {
            docs.extend(documents(&lines, bytes));
        }
    }
    for entry in fs::read_dir(corpus().join("seeds")).unwrap() {
        docs.push(fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let agree = docs
        .iter()
        .filter(|d| bounded.detect(d).lang == whole.detect(d).lang)
        .count();
    let share = 100.0 * agree as f64 / docs.len() as f64;
    assert!(docs.len() > 4000);
    assert!(share >= 99.0, "{agree} of {} documents agree", docs.len());
}
