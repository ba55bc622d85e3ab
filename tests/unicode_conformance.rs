//! Conformance with Unicode's official test files, verbatim as the crates that publish them
//! carry them, fetched by `scripts/fetch-unicode-data` into tests/data/ucd/ (never a
//! hand-edited copy): WordBreakTest-17.0.0.txt (the toolchain's Unicode version),
//! NormalizationTest-18.0.0.txt (unicode-normalization 0.1.26 implements 18.0) and
//! CaseFolding-18.0.0.txt.

use std::fs;
use std::path::PathBuf;

use unicode_segmentation::UnicodeSegmentation;
use wordmill::tokenize::Tokenizer;

fn ucd_file(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/ucd")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}. Run scripts/fetch-unicode-data first: it fetches Unicode's test files.",
            path.display()
        )
    })
}

/// The data lines of a UCD file: comments and blank lines dropped.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

fn hex_char(hex: &str) -> char {
    char::from_u32(u32::from_str_radix(hex, 16).expect("hex")).expect("scalar value")
}

/// A WordBreakTest line ("÷ 0041 × 0308 ÷ 0020 ÷") as its text and the segments it implies.
fn parse_break_line(line: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut segments = Vec::new();
    let mut current = String::new();
    for item in line.split_whitespace() {
        match item {
            "÷" => {
                if !current.is_empty() {
                    segments.push(std::mem::take(&mut current));
                }
            }
            "×" => {}
            hex => {
                let c = hex_char(hex);
                text.push(c);
                current.push(c);
            }
        }
    }
    (text, segments)
}

#[test]
fn word_boundaries_match_every_line_of_word_break_test() {
    let file = ucd_file("WordBreakTest-17.0.0.txt");
    assert!(file.starts_with("# WordBreakTest-17.0.0.txt"));
    let lines: Vec<&str> = data_lines(&file).collect();
    assert_eq!(lines.len(), 1944, "every line of the file");
    let mut failures = Vec::new();
    let mut crate_failures = 0;
    for &line in &lines {
        let (text, expected) = parse_break_line(line);
        let ours: Vec<String> = Tokenizer::segments(&text)
            .map(|(_, s)| s.to_owned())
            .collect();
        if ours != expected {
            failures.push(format!(
                "{line}\n  expected {expected:?}\n  got      {ours:?}"
            ));
        }
        let theirs: Vec<String> = text.split_word_bounds().map(str::to_owned).collect();
        crate_failures += usize::from(theirs != expected);
    }
    assert!(
        failures.is_empty(),
        "{} of {} lines differ:\n{}",
        failures.len(),
        lines.len(),
        failures.join("\n")
    );
    // For the record: unicode-segmentation misses WB3c (ZWJ before a pictograph) here.
    eprintln!("unicode-segmentation fails {crate_failures} lines of WordBreakTest");
}
