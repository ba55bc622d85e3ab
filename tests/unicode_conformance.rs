//! Conformance with Unicode's official test files, verbatim as Unicode publishes them and
//! committed in tests/data/ucd/ (see SOURCES.md there; never a hand-edited copy): WordBreakTest-17.0.0.txt (the toolchain's Unicode version),
//! NormalizationTest-18.0.0.txt (unicode-normalization 0.1.26 implements 18.0) and
//! CaseFolding-18.0.0.txt.

use std::fs;
use std::path::PathBuf;

use unicode_normalization::UnicodeNormalization;
use wordmill::Lang;
use wordmill::normalize::{Normalizer, UnicodeForm};
use wordmill::tokenize::{CjkMode, Tokenizer};

mod segment_support;

fn ucd_file(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/ucd")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}. Unicode's test files are committed in tests/data/ucd/.",
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
        // The tokens are the segments with a letter or a digit (but for those that begin with
        // white space or punctuation, and with U+202F cut off their ends: `token_of`), found
        // by the 64-byte windows
        // as well as by the rules: the line alone, and repeated past several windows (a line
        // break starts every copy afresh, WB3a, WB3b).
        let words: Vec<String> = expected
            .iter()
            .filter_map(|s| segment_support::token_of(s).map(str::to_owned))
            .collect();
        let tokens = |text: &str| -> Vec<String> {
            Tokenizer::new()
                .cjk(CjkMode::Characters)
                .tokens(text)
                .map(|t| t.text.to_owned())
                .collect()
        };
        if tokens(&text) != words {
            failures.push(format!(
                "{line}\n  tokens {:?}, expected {words:?}",
                tokens(&text)
            ));
        }
        let repeated = format!("{text}\n").repeat(8);
        if tokens(&repeated)
            != words
                .iter()
                .cycle()
                .take(8 * words.len())
                .cloned()
                .collect::<Vec<_>>()
        {
            failures.push(format!("{line}\n  tokens of the line repeated differ"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures in {} lines:\n{}",
        failures.len(),
        lines.len(),
        failures.join("\n")
    );
}

/// A sequence of hex code points ("0044 0307") as a string.
fn hex_string(field: &str) -> String {
    field.split_whitespace().map(hex_char).collect()
}

/// The normalizer with every folding off: the Unicode normalization form alone.
fn form_only(form: UnicodeForm) -> Normalizer {
    Normalizer::new()
        .unicode_form(form)
        .case_fold(false)
        .fold_punctuation(false)
        .fold_width(false)
        .fold_digits(false)
        .language_rules(false)
}

#[test]
fn nfc_and_nfkc_match_every_line_of_normalization_test() {
    let file = ucd_file("NormalizationTest-18.0.0.txt");
    assert!(file.starts_with("# NormalizationTest-18.0.0.txt"));
    let (nfc, nfkc) = (form_only(UnicodeForm::Nfc), form_only(UnicodeForm::Nfkc));
    let norm = |n: &Normalizer, s: &str| n.normalize(s, Lang::UND).into_owned();
    let mut part1 = std::collections::HashSet::new();
    let mut part = "";
    let mut lines = 0;
    let mut failures = Vec::new();
    for line in data_lines(&file) {
        if let Some(name) = line.strip_prefix('@') {
            part = if name.starts_with("Part1") { "1" } else { "" };
            continue;
        }
        let c: Vec<String> = line.split(';').take(5).map(hex_string).collect();
        lines += 1;
        if part == "1" {
            part1.insert(c[0].chars().next().expect("one character"));
        }
        // The conformance requirements of NormalizationTest.txt's header.
        let nfc_ok = [&c[0], &c[1], &c[2]].iter().all(|x| norm(&nfc, x) == c[1])
            && [&c[3], &c[4]].iter().all(|x| norm(&nfc, x) == c[3]);
        let nfkc_ok = c.iter().all(|x| norm(&nfkc, x) == c[3]);
        if !(nfc_ok && nfkc_ok) {
            failures.push(line.to_owned());
        }
    }
    assert!(lines > 19_000, "every line: {lines}");
    assert!(
        failures.is_empty(),
        "{} lines fail, first: {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    // Every character not in Part 1 is its own NFC and NFKC.
    for ch in (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|ch| !part1.contains(ch))
    {
        let s = ch.to_string();
        assert_eq!(norm(&nfc, &s), s, "NFC of U+{:04X}", ch as u32);
        assert_eq!(norm(&nfkc, &s), s, "NFKC of U+{:04X}", ch as u32);
    }
}

#[test]
fn case_folding_matches_every_line_of_case_folding() {
    let file = ucd_file("CaseFolding-18.0.0.txt");
    assert!(file.starts_with("# CaseFolding-18.0.0.txt"));
    let turkish: Lang = "tur".parse().unwrap();
    let turkish_folding = Normalizer::new()
        .fold_punctuation(false)
        .fold_width(false)
        .fold_digits(false)
        .language_rules(false);
    let folding = turkish_folding.clone();
    let (mut checked, mut newer) = (0, Vec::new());
    for line in data_lines(&file) {
        let fields: Vec<&str> = line.split(';').map(str::trim).collect();
        let (code, status, mapping) = (hex_char(fields[0]), fields[1], hex_string(fields[2]));
        match status {
            // Full folding: common and full mappings (not the simple ones, S).
            "C" | "F" => {
                // Unicode 18 adds letters the toolchain's Unicode 17 does not know: std's
                // tables (Unicode 17) call them unassigned, neither cased nor alphabetic.
                if !code.is_alphabetic() && !code.is_lowercase() && !code.is_uppercase() {
                    newer.push(code);
                    continue;
                }
                // Terms are in NFC: the folding, composed. (Letters without a precomposed
                // capital, such as `ǰ`, fold to their decomposition and so stay as they are.)
                let composed: String = mapping.nfc().collect();
                assert_eq!(
                    folding.normalize(&code.to_string(), Lang::UND),
                    composed,
                    "U+{:04X}",
                    code as u32
                );
                checked += 1;
            }
            // Turkic: I and İ, for Turkish and Azerbaijani.
            "T" => {
                let folded = turkish_folding
                    .normalize(&code.to_string(), turkish)
                    .into_owned();
                assert_eq!(folded, mapping, "Turkic U+{:04X}", code as u32);
            }
            _ => {}
        }
    }
    assert!(checked > 1_500, "{checked}");
    // Listed so that a change is seen: the letters new in Unicode 18.
    assert!(
        newer.len() < 60,
        "{} lines of Unicode 18 letters: {newer:?}",
        newer.len()
    );
    eprintln!(
        "case folding: {checked} lines checked, {} Unicode 18 letters left out",
        newer.len()
    );
}
