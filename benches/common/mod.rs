#![allow(dead_code)] // each bench uses part of these inputs
//! Benchmark inputs, all from corpus/ so that a fresh clone measures the same text.

pub mod naive;

use std::fs;
use std::path::{Path, PathBuf};

/// The corpus files of each script group.
pub const SCRIPTS: [(&str, &[&str]); 5] = [
    (
        "latin",
        &[
            "eng", "deu", "fra", "spa", "ita", "por", "nld", "pol", "ces", "tur", "swe", "fin",
            "hun", "ron", "vie",
        ],
    ),
    ("arabic", &["ara", "pes", "urd"]),
    ("cyrillic", &["rus", "ukr", "bul", "bel", "mkd", "srp"]),
    ("cjk", &["cmn", "jpn", "kor"]),
    ("mixed", &[]),
];

fn corpus_file(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The 65 languages the benchmarks' mixed text and statistics are made of: the NTREX sample
/// as it was before it grew to 120 languages (whatlang's 64 and Kazakh), so that figures stay
/// comparable with earlier runs.
pub const BENCH_LANGUAGES: [&str; 65] = [
    "afr", "amh", "ara", "aze", "bel", "ben", "bul", "cat", "ces", "cmn", "cym", "dan", "deu",
    "ell", "eng", "est", "fin", "fra", "guj", "heb", "hin", "hrv", "hun", "hye", "ind", "ita",
    "jpn", "kan", "kat", "kaz", "khm", "kor", "lav", "lit", "mal", "mar", "mkd", "mya", "nep",
    "nld", "nob", "pan", "pes", "pol", "por", "ron", "rus", "sin", "slk", "slv", "sna", "spa",
    "srp", "swe", "tam", "tel", "tgl", "tha", "tuk", "tur", "ukr", "urd", "uzb", "vie", "zul",
];

/// The files of the NTREX sample (corpus/ntrex/*.txt) of [`BENCH_LANGUAGES`], in name order.
pub fn ntrex_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/ntrex");
    BENCH_LANGUAGES
        .iter()
        .map(|code| dir.join(format!("{code}.txt")))
        .collect()
}

/// The lines of a script group's news text. `mixed` interleaves the first 30 lines of every
/// language of [`BENCH_LANGUAGES`], so that scripts change from line to line.
pub fn lines(group: &str) -> Vec<String> {
    let codes = SCRIPTS
        .iter()
        .find(|(g, _)| *g == group)
        .expect("known group")
        .1;
    if !codes.is_empty() {
        return codes
            .iter()
            .flat_map(|c| {
                corpus_file(&format!("ntrex/{c}.txt"))
                    .lines()
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .collect();
    }
    let all: Vec<Vec<String>> = ntrex_files()
        .iter()
        .map(|path| {
            let text =
                fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            text.lines().take(30).map(String::from).collect()
        })
        .collect();
    (0..30)
        .flat_map(|i| all.iter().filter_map(move |lines| lines.get(i).cloned()))
        .collect()
}

/// A script group's text as one string.
pub fn text(group: &str) -> String {
    lines(group).join("\n")
}

/// A script group's text cut into documents of about `bytes` bytes (whole lines).
pub fn documents(group: &str, bytes: usize) -> Vec<String> {
    let mut docs = Vec::new();
    let mut current = String::new();
    for line in lines(group) {
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(&line);
        if current.len() >= bytes {
            docs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        docs.push(current);
    }
    docs
}

/// Documents of about `bytes` bytes (whole lines) of every language of corpus/ntrex (120),
/// one language after the other in turn, each document of one language.
pub fn documents_of_every_language(bytes: usize) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/ntrex");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let per_file: Vec<Vec<String>> = files
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path).unwrap();
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
            docs
        })
        .collect();
    let most = per_file.iter().map(Vec::len).max().unwrap_or(0);
    (0..most)
        .flat_map(|i| per_file.iter().filter_map(move |docs| docs.get(i).cloned()))
        .collect()
}

/// The CJK modes of this build other than the default (`Auto`), measured beside it.
pub fn other_cjk_modes() -> Vec<wordmill::tokenize::CjkMode> {
    use wordmill::tokenize::CjkMode;
    #[cfg_attr(not(feature = "icu"), allow(unused_mut))]
    let mut modes = vec![CjkMode::Characters, CjkMode::Bigrams];
    #[cfg(feature = "icu")]
    modes.push(CjkMode::Dictionary);
    modes
}

/// The language a script group's text is normalized in, as the pipeline would pass it: the
/// group's first, or none for mixed text.
pub fn group_lang(codes: &[&str]) -> wordmill::Lang {
    codes.first().map_or(wordmill::Lang::UND, |c| {
        c.parse().expect("a known language")
    })
}

/// The tokenizer loop the normalization benches compare with: every token looked at.
pub fn tokenize_loop(tokenizer: &wordmill::tokenize::Tokenizer, text: &str) -> usize {
    tokenizer
        .tokens(std::hint::black_box(text))
        .map(|t| t.text.len() + t.kind as usize)
        .sum()
}

/// The same loop with wordmill's normalizer fused in: every token and its term looked at.
pub fn normalize_loop(
    tokenizer: &wordmill::tokenize::Tokenizer,
    text: &str,
    normalizer: &wordmill::normalize::Normalizer,
    lang: wordmill::Lang,
) -> usize {
    let mut total = 0;
    tokenizer.for_each_normalized(std::hint::black_box(text), normalizer, lang, |t, term| {
        total += term.len() + t.kind as usize;
    });
    total
}
