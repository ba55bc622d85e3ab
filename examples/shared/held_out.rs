//! The held-out lines of language detection's evaluation, shared by `examples/detect_eval.rs`
//! and `tools/lingua-compare`, so that both read the very same lines.
//!
//! Every line of `corpus/ntrex/<code>.txt` (NTREX-128 lines 1, 8, 15, ... of each language,
//! which the model never saw), labelled by the file name; for the languages NTREX lacks, the
//! paragraphs of `corpus/udhr/<code>.txt` whose line number is 1 mod 7 and that have at least
//! 40 bytes (not the headings), also never trained on.

use std::fs;
use std::path::Path;

use wordmill::Lang;

/// lingua's 75 languages (its high-accuracy mode): what the web test covers.
pub const LINGUA75: [&str; 75] = [
    "afr", "sqi", "ara", "hye", "aze", "eus", "bel", "ben", "nob", "bos", "bul", "cat", "cmn",
    "hrv", "ces", "dan", "nld", "eng", "epo", "est", "fin", "fra", "lug", "kat", "deu", "ell",
    "guj", "heb", "hin", "hun", "isl", "ind", "gle", "ita", "jpn", "kaz", "kor", "lat", "lav",
    "lit", "mkd", "msa", "mri", "mar", "mon", "nno", "pes", "pol", "por", "pan", "ron", "rus",
    "srp", "sna", "slk", "slv", "som", "sot", "spa", "swa", "swe", "tgl", "tam", "tel", "tha",
    "tso", "tsn", "tur", "ukr", "urd", "vie", "cym", "xho", "yor", "zul",
];

/// The three ways a line is tested: whole, first 2 words, first 5 words.
pub const KINDS: [(&str, usize); 3] = [("sentence", 0), ("2 words", 2), ("5 words", 5)];

/// A line whole (`words` 0), or its first `words` words (split at white space).
pub fn snippet(line: &str, words: usize) -> String {
    if words == 0 {
        return line.to_owned();
    }
    line.split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Pairs of words in a row from inside a line: words 3 and 4, 6 and 7, 9 and 10, 12 and 13
/// (split at white space, as they come: a name, a comma or a quotation mark with them).
/// Nearer to a web test's word pairs than a news line's first two words, which are its
/// subject more often than not (a name, `The minister`); a line gives at most four, so that
/// long lines do not outweigh short ones.
#[allow(dead_code)] // (detect_eval's and lingua-compare's)
pub fn inner_pairs(line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..words.len().saturating_sub(1))
        .step_by(3)
        .take(4)
        .map(|i| format!("{} {}", words[i], words[i + 1]))
        .collect()
}

/// The fewest inner pairs a language's lines must give for its accuracy on them to count in
/// a mean: languages written without spaces between words (Japanese, Chinese, Cantonese,
/// Tibetan) give a few dozen, mostly names in Latin letters, and so do the eight languages
/// tested on a handful of UDHR paragraphs.
#[allow(dead_code)] // (detect_eval's and lingua-compare's)
pub const MIN_INNER_PAIRS: usize = 100;

/// Refuses a folder of text that does not exist: its languages would silently have no lines
/// (or the UDHR's instead), and the figures would look like an evaluation.
#[allow(dead_code)] // (detect_eval's, span_eval's and lingua-compare's)
pub fn check_folders(folders: &[(&str, &Path)]) -> Result<(), String> {
    for (option, folder) in folders {
        if !folder.is_dir() {
            return Err(format!("{option} {}: no such folder", folder.display()));
        }
    }
    Ok(())
}

/// A line number mod 7, for `--lines`: 0 to 6.
#[allow(dead_code)] // (detect_eval's)
pub fn line_mod_7(value: &str) -> Result<usize, String> {
    match value.trim().parse::<usize>() {
        Ok(n) if n < 7 => Ok(n),
        _ => Err(format!("{value:?}: a line number mod 7 is 0 to 6")),
    }
}

/// The held-out lines of every language wordmill names, `(code, lines)`: those of `ntrex`
/// (only the lines whose 1-based number mod 7 is in `keep`, all when it is empty), else the
/// held-out UDHR paragraphs of `udhr`.
pub fn held_out_lines(ntrex: &Path, udhr: &Path, keep: &[usize]) -> Vec<(String, Vec<String>)> {
    let mut langs = Vec::new();
    for lang in Lang::all() {
        let code = lang.code();
        let mut lines = read_lines(&ntrex.join(format!("{code}.txt")), keep);
        if lines.is_empty() {
            lines = read_lines(&udhr.join(format!("{code}.txt")), &[1]);
            lines.retain(|l| is_paragraph(l));
        }
        if !lines.is_empty() {
            langs.push((code.to_owned(), lines));
        }
    }
    langs
}

/// Every UDHR paragraph of at least 40 bytes of each language of `udhr`: text unlike news,
/// for a model trained without the UDHR (`tools/langid-train --udhr-lines none`), to see
/// how what it learnt from news carries over.
#[allow(dead_code)] // (detect_eval's; span_eval and lingua-compare share the module)
pub fn udhr_paragraphs(udhr: &Path) -> Vec<(String, Vec<String>)> {
    Lang::all()
        .map(|lang| {
            let mut lines = read_lines(&udhr.join(format!("{}.txt", lang.code())), &[]);
            lines.retain(|l| is_paragraph(l));
            (lang.code().to_owned(), lines)
        })
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
}

/// Whether a UDHR line is a paragraph, not a heading ("Article 12", "IV"): headings are no
/// language in particular.
fn is_paragraph(line: &str) -> bool {
    line.len() >= 40
}

fn read_lines(path: &Path, keep: &[usize]) -> Vec<String> {
    fs::read_to_string(path)
        .map(|t| {
            t.lines()
                .enumerate()
                .filter(|(i, l)| {
                    (keep.is_empty() || keep.contains(&((i + 1) % 7))) && !l.trim().is_empty()
                })
                .map(|(_, l)| l.to_owned())
                .collect()
        })
        .unwrap_or_default()
}
