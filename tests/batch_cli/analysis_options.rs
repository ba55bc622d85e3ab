//! The batch tool's options for the tokenizer, the normalizer and the detector: each reaches
//! the pipeline and changes the terms as the library's option does.

use std::fs;

use crate::{run, temp, terms_of};

/// The terms (sorted) of `text` as one document analysed with `args`.
fn terms(text: &str, args: &[&str]) -> Vec<String> {
    let dir = temp();
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let mut all = vec!["a.txt", "--top", "100"];
    all.extend_from_slice(args);
    let out = run(dir.path(), &all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    terms_of(&out.records()[0])
}

#[test]
fn cjk_modes() {
    // Tokyo Metropolis: bigrams by default, as Lucene's CJKAnalyzer.
    let text = "東京都";
    assert_eq!(terms(text, &["--keep-stopwords"]), ["京都", "東京"]);
    assert_eq!(
        terms(text, &["--cjk", "characters", "--keep-stopwords"]),
        ["京", "東", "都"]
    );
    assert_eq!(
        terms(text, &["--cjk", "bigrams", "--keep-stopwords"]),
        ["京都", "東京"]
    );
    // Thai: dictionary words, not letters ("The team won"), with the `icu` feature; and
    // dictionary words for Japanese too ("live in Tokyo"), where auto makes bigrams.
    if cfg!(feature = "icu") {
        let words = terms("東京都に住む", &["--cjk", "dictionary", "--keep-stopwords"]);
        assert!(words.contains(&"東京".to_owned()) && words.contains(&"住む".to_owned()));
        assert!(!words.contains(&"京都".to_owned()), "no bigrams: {words:?}");
        assert_eq!(terms("ทีมชนะ", &["--keep-stopwords"]), ["ชนะ", "ทีม"]);
        assert_eq!(
            terms("ทีมชนะ", &["--cjk", "dictionary", "--keep-stopwords"]),
            ["ชนะ", "ทีม"]
        );
    } else {
        let dir = temp();
        fs::write(dir.path().join("a.txt"), "ทีมชนะ").unwrap();
        let out = run(dir.path(), &["a.txt", "--cjk", "dictionary"]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(out.stderr.contains("`icu` feature"), "{}", out.stderr);
    }
}

#[test]
fn special_tokens_on_request() {
    let text = "Mail desk@omannews.om or read https://omannews.om/a #Oman2040 @MOFAOman 👍";
    let plain = terms(text, &["--lang-allow", "eng", "--no-stem"]);
    // Word by word: "https", "omannews.om", "oman2040"...
    assert!(plain.contains(&"https".to_owned()), "{plain:?}");
    assert!(!plain.iter().any(|t| t.contains('@') || t.contains('#')));
    let special = terms(
        text,
        &[
            "--lang-allow",
            "eng",
            "--no-stem",
            "--urls",
            "--emails",
            "--hashtags",
            "--mentions",
            "--emoji",
        ],
    );
    for term in [
        "desk@omannews.om",
        "https://omannews.om/a",
        "#oman2040",
        "@mofaoman",
        "👍",
    ] {
        assert!(special.contains(&term.to_owned()), "{term} in {special:?}");
    }
}

#[test]
fn normalizer_options() {
    let fr = ["--lang-allow", "fra", "--no-stem", "--keep-stopwords"];
    assert_eq!(terms("Café", &fr), ["café"]);
    let stripped: Vec<&str> = fr.iter().copied().chain(["--strip-diacritics"]).collect();
    assert_eq!(terms("Café", &stripped), ["cafe"]);
    let nfkc: Vec<&str> = fr.iter().copied().chain(["--nfkc"]).collect();
    assert_eq!(terms("ﬁnance", &nfkc), ["finance"]);
    let cased: Vec<&str> = fr.iter().copied().chain(["--no-case-fold"]).collect();
    assert_eq!(terms("Café", &cased), ["Café"]);
    // Arabic: harakat go by default, stay without the language rules.
    let ar = ["--lang-allow", "ara", "--no-stem", "--keep-stopwords"];
    assert_eq!(terms("عُمان", &ar), ["عمان"]);
    let no_rules: Vec<&str> = ar.iter().copied().chain(["--no-language-rules"]).collect();
    assert_eq!(terms("عُمان", &no_rules), ["عُمان"]);
    let teh: Vec<&str> = ar.iter().copied().chain(["--teh-marbuta"]).collect();
    assert_eq!(terms("سنة", &teh), ["سنه"]);
}

/// The folds on by default, each turned off by its flag; and Russian ё, off by default.
#[test]
fn folding_options() {
    let with = |base: &[&'static str], flag: &'static str| -> Vec<&'static str> {
        base.iter().copied().chain([flag]).collect()
    };
    let en = ["--lang-allow", "eng", "--no-stem", "--keep-stopwords"];
    assert_eq!(terms("Oman’s", &en), ["oman's"]);
    assert_eq!(
        terms("Oman’s", &with(&en, "--no-fold-punctuation")),
        ["oman’s"]
    );
    assert_eq!(terms("Ｏｍａｎ", &en), ["oman"]);
    // (Full-width letters are still case-folded: only their width stays.)
    assert_eq!(
        terms("Ｏｍａｎ", &with(&en, "--no-fold-width")),
        ["ｏｍａｎ"]
    );
    let ar = ["--lang-allow", "ara", "--no-stem", "--keep-stopwords"];
    assert_eq!(terms("عام ٢٠٢٥", &ar), ["2025", "عام"]);
    assert_eq!(
        terms("عام ٢٠٢٥", &with(&ar, "--no-fold-digits")),
        ["عام", "٢٠٢٥"]
    );
    let ru = ["--lang-allow", "rus", "--no-stem", "--keep-stopwords"];
    assert_eq!(terms("ёлка", &ru), ["ёлка"]);
    assert_eq!(terms("ёлка", &with(&ru, "--russian-yo")), ["елка"]);
}

#[test]
fn word_bigrams_and_the_fallback_language() {
    let text = "Oman and Russia held talks.";
    let with = terms(text, &["--bigrams"]);
    assert!(with.contains(&"oman russia".to_owned()), "{with:?}");
    // Two letters are too few to detect: undetermined, unless a fallback is given.
    let dir = temp();
    fs::write(dir.path().join("a.txt"), "ok").unwrap();
    let lang = |args: &[&str]| {
        let mut all = vec!["a.txt"];
        all.extend_from_slice(args);
        run(dir.path(), &all).records()[0]["lang"].clone()
    };
    assert_eq!(lang(&[]), "und");
    assert_eq!(lang(&["--fallback-lang", "eng"]), "eng");
    // A few Han characters are Chinese at confidence 0.6 (the detector's rule for Han
    // without kana, under eight characters): asking for more leaves them undetermined.
    fs::write(dir.path().join("a.txt"), "马斯喀特").unwrap();
    let record = |args: &[&str]| {
        let mut all = vec!["a.txt"];
        all.extend_from_slice(args);
        run(dir.path(), &all).records()[0].clone()
    };
    let unsure = record(&[]);
    assert_eq!(unsure["lang"], "cmn");
    assert_eq!(unsure["confidence"], 0.6);
    assert_eq!(record(&["--min-confidence", "0.5"])["lang"], "cmn");
    assert_eq!(record(&["--min-confidence", "0.7"])["lang"], "und");
    // Nothing is sure enough above 1: a bad value is a usage error.
    let out = run(dir.path(), &["a.txt", "--min-confidence", "1.5"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}
