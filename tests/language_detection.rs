//! Language-detection accuracy on labelled news sentences, with thresholds a regression would
//! trip, and the agreement of bounded-cost detection with whole-document detection.
//!
//! The sentences are corpus/ntrex: lines 1, 8, 15, ... of NTREX-128, 286 per language for
//! its 120 languages, the label being the file name. The model was built from the *other*
//! NTREX lines, so these are held out. `cargo run --release --example detect_eval --
//! --per-language` prints the full table, with the UDHR languages NTREX lacks.

use std::fs;
use std::path::{Path, PathBuf};

use wordmill::Lang;
use wordmill::detect::Detector;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// (language code, its lines) for the 120 NTREX languages.
fn labelled() -> Vec<(String, Vec<String>)> {
    let mut files: Vec<(String, Vec<String>)> = fs::read_dir(corpus().join("ntrex"))
        .expect("corpus/ntrex is in the repository")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let code = path.file_stem()?.to_str()?.to_owned();
            (path.extension()? == "txt").then(|| {
                let text = fs::read_to_string(&path).unwrap();
                (code, text.lines().map(String::from).collect())
            })
        })
        .collect();
    files.sort();
    files
}

/// The languages whatlang knows, of those files.
fn whatlang_languages(files: &[(String, Vec<String>)]) -> Vec<(String, Vec<String>)> {
    files
        .iter()
        .filter(|(code, _)| whatlang::Lang::from_code(code.as_str()).is_some())
        .cloned()
        .collect()
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
fn the_sample_has_the_120_ntrex_languages() {
    let files = labelled();
    assert_eq!(files.len(), 120);
    assert!(files.iter().all(|(_, lines)| lines.len() == 286));
    assert!(files.iter().all(|(code, _)| code.parse::<Lang>().is_ok()));
    assert_eq!(whatlang_languages(&files).len(), 64);
}

/// Asserts wordmill's accuracy is at least `floor` %.
fn assert_floor(what: &str, wordmill: f64, floor: f64) {
    assert!(wordmill >= floor, "{what}: wordmill {wordmill:.2} %");
}

/// Asserts wordmill's accuracy is at least `floor` % and `margin` points above whatlang's.
fn assert_accuracy(what: &str, s: Score, floor: f64, margin: f64) {
    assert_floor(what, s.wordmill, floor);
    assert!(
        s.wordmill >= s.whatlang + margin,
        "{what}: wordmill {:.2} % vs whatlang {:.2} %",
        s.wordmill,
        s.whatlang
    );
}

// The floors sit a little under what wordmill measures, so that a drop is a regression: over
// the 120 languages 98.3, 84.6 and 95.6 % (sentence, 2 words, 5 words); over whatlang's 64,
// 99.0, 87.4 and 96.9 % (whatlang 97.0, 68.2 and 87.8 %). Over whatlang's languages the
// model is a little below the detector it replaced (99.7, 88.2 and 97.9 %): the price of
// their new neighbours (Croatian has Bosnian and Serbian in Latin letters beside it,
// Indonesian Malay, Zulu Xhosa, Ndebele and Swati, Persian Dari, Arabic Hassaniya), which
// the old detector could not name at all.

#[test]
fn whole_sentences() {
    let files = labelled();
    assert_floor(
        "sentences, 120 languages",
        score(&files, str::to_owned).wordmill,
        98.0,
    );
    let s = score(&whatlang_languages(&files), str::to_owned);
    assert_accuracy("sentences, whatlang's 64", s, 98.5, 1.5);
}

#[test]
fn first_two_words() {
    let files = labelled();
    let two = |line: &str| snippet(line, 2);
    assert_floor("2 words, 120 languages", score(&files, two).wordmill, 83.5);
    let s = score(&whatlang_languages(&files), two);
    assert_accuracy("2 words, whatlang's 64", s, 86.5, 15.0);
}

#[test]
fn first_five_words() {
    let files = labelled();
    let five = |line: &str| snippet(line, 5);
    assert_floor("5 words, 120 languages", score(&files, five).wordmill, 95.0);
    let s = score(&whatlang_languages(&files), five);
    assert_accuracy("5 words, whatlang's 64", s, 96.0, 8.0);
}

#[test]
fn close_languages_are_told_apart() {
    // (language, floor for sentences, floor for the first five words), by group of close
    // languages. The hardest pairs differ in a few words per sentence (NTREX's Bosnian and
    // Croatian are both ijekavian standard; 45 of 1,997 lines are the same in both) or share
    // most of their written vocabulary (Dari and Persian); the priors favour the more
    // written language on short text.
    let floors: &[(&str, f64, f64)] = &[
        ("dan", 96.0, 85.0),
        ("nob", 98.0, 85.0),
        ("nno", 94.0, 75.0),
        ("swe", 98.0, 93.0),
        ("spa", 97.0, 92.0),
        ("cat", 98.0, 93.0),
        ("por", 97.0, 90.0),
        ("glg", 95.0, 75.0),
        ("rus", 98.0, 96.0),
        ("ukr", 98.0, 96.0),
        ("bul", 98.0, 95.0),
        ("bel", 98.0, 96.0),
        ("mkd", 98.0, 96.0),
        ("srp", 98.0, 94.0),
        ("hrv", 75.0, 60.0),
        ("bos", 45.0, 30.0),
        ("slv", 98.0, 93.0),
        ("ces", 98.0, 94.0),
        ("slk", 97.0, 93.0),
        ("ind", 93.0, 80.0),
        ("msa", 90.0, 75.0),
        ("tgl", 98.0, 97.0),
        ("ara", 98.0, 95.0),
        ("mey", 89.0, 75.0),
        ("pes", 95.0, 90.0),
        ("prs", 75.0, 45.0),
        ("urd", 98.0, 97.0),
        ("hin", 98.0, 97.0),
        ("mar", 98.0, 96.0),
        ("nep", 98.0, 95.0),
        ("kaz", 98.0, 95.0),
        ("kir", 98.0, 97.0),
        ("tat", 98.0, 96.0),
        ("bak", 98.0, 96.0),
        ("mon", 98.0, 97.0),
        ("zul", 88.0, 78.0),
        ("xho", 92.0, 82.0),
        ("ssw", 95.0, 90.0),
        ("nde", 92.0, 78.0),
        ("tsn", 98.0, 92.0),
        ("sot", 98.0, 89.0),
        ("ltz", 98.0, 93.0),
        ("deu", 98.0, 96.0),
        ("fao", 97.0, 93.0),
        ("isl", 98.0, 96.0),
    ];
    let files = labelled();
    let mut low = Vec::new();
    for &(code, sentence_floor, five_floor) in floors {
        let mine: Vec<(String, Vec<String>)> =
            files.iter().filter(|(c, _)| c == code).cloned().collect();
        assert_eq!(mine.len(), 1, "{code}");
        let sentences = score(&mine, str::to_owned).wordmill;
        let five = score(&mine, |line| snippet(line, 5)).wordmill;
        if sentences < sentence_floor || five < five_floor {
            low.push(format!("{code}: {sentences:.1} % / {five:.1} %"));
        }
    }
    assert!(low.is_empty(), "below their floors: {low:?}");
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
    assert!(docs.len() > 8000);
    assert!(share >= 99.0, "{agree} of {} documents agree", docs.len());
}

#[test]
fn esperanto_and_latin_are_not_taken_for_romance_languages() {
    // Sentences of everyday and classical text, unlike the UDHR that once alone taught the
    // model these two languages (Esperanto came out Spanish or Catalan). `ĉ ĝ ĥ ĵ ŝ ŭ` are
    // Esperanto's own letters.
    assert_each_detected(&[
        ("epo", "Mi ne scias, kie li loĝas nun."),
        ("epo", "La registaro ankoraŭ ne decidis pri la nova leĝo."),
        ("epo", "Bonvolu elekti almenaŭ unu dosieron."),
        ("epo", "Ĉu vi parolas Esperanton?"),
        (
            "lat",
            "Senatus populusque Romanus bellum Carthaginiensibus indixit.",
        ),
        ("lat", "Quid agis, amice? Omnia bene sunt."),
    ]);
}

/// Asserts that each text is detected as the language of its code.
#[track_caller]
fn assert_each_detected(cases: &[(&str, &str)]) {
    let detector = Detector::new();
    for &(code, text) in cases {
        assert_eq!(detector.detect(text).lang.code(), code, "{text}");
    }
}

#[test]
fn everyday_serbian_in_cyrillic_is_not_macedonian_or_belarusian() {
    // Serbian's `ја сам` ("I am"), `хвала` and `лепо` (ekavian "nicely") against Macedonian's
    // `јас сум`, `благодарам` and `многу`: the words of short everyday text, which Serbian
    // learns from a word list in Cyrillic letters as Macedonian does.
    assert_each_detected(&[
        ("srp", "Хвала лепо"),
        ("srp", "Ја сам из Београда"),
        ("srp", "Видимо се сутра"),
        ("srp", "Где је станица?"),
        ("mkd", "Јас сум студент"),
        ("mkd", "Благодарам многу"),
        ("mkd", "Како се викаш?"),
    ]);
}
