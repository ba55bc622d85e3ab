//! Fuzzing `Normalizer` under several option sets and languages.
//!
//! `cargo fuzz run normalizer` (see fuzz/README.md). The first byte picks the options and the
//! language; the rest, decoded lossily, is normalized whole and token by token. Checks:
//! - normalizing is idempotent, and the result is in the promised normal form (NFC or NFKC);
//! - a token with a letter or a digit never loses all of them, and no token becomes empty;
//! - `normalize_to` (the buffer-reusing form) gives what `normalize` gives;
//! - the tokenizer's fused loop, whose windows fold text in bulk, gives the same terms.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;
use wordmill::Lang;
use wordmill::normalize::{Normalizer, UnicodeForm};
use wordmill::tokenize::{CjkMode, Tokenizer};

const LANGS: [&str; 12] = [
    "und", "eng", "tur", "aze", "ara", "pes", "urd", "rus", "ell", "heb", "hin", "ben",
];

fn normalizer(pick: u8) -> Normalizer {
    match pick % 5 {
        0 => Normalizer::new(),
        1 => Normalizer::new()
            .unicode_form(UnicodeForm::Nfkc)
            .strip_diacritics(true)
            .teh_marbuta(true)
            .russian_yo(true),
        2 => Normalizer::new().case_fold(false).fold_punctuation(false),
        3 => Normalizer::new()
            .fold_punctuation(false)
            .language_rules(false)
            .russian_yo(true)
            .strip_diacritics(true),
        _ => Normalizer::new()
            .unicode_form(UnicodeForm::Nfkc)
            .fold_width(false)
            .fold_digits(false),
    }
}

fn check(normalizer: &Normalizer, lang: Lang, token: &str) {
    let once = normalizer.normalize(token, lang);
    if !token.is_empty() {
        assert!(!once.is_empty(), "{token:?} emptied");
    }
    // A letter or digit stays one, unless Unicode's compatibility mapping itself makes it a
    // mark (the halfwidth voiced sound marks U+FF9E, U+FF9F → U+3099, U+309A; Greek
    // ypogegrammeni; Arabic isolated harakat forms): found by this target with "\u{fffd}ﾞ".
    let keeps_a_letter = |c: char| c.is_alphanumeric() && c.nfkc().any(char::is_alphanumeric);
    if token.chars().any(keeps_a_letter) {
        assert!(
            once.chars().any(char::is_alphanumeric),
            "{token:?} lost its letters and digits: {once:?}"
        );
    }
    let normal = match normalizer.form() {
        UnicodeForm::Nfc => unicode_normalization::is_nfc(&once),
        UnicodeForm::Nfkc => unicode_normalization::is_nfkc(&once),
    };
    assert!(
        normal,
        "{token:?} → {once:?} is not in {:?}",
        normalizer.form()
    );
    let twice = normalizer.normalize(&once, lang);
    assert_eq!(
        twice, once,
        "not idempotent on {token:?} in {lang} with {normalizer:?}"
    );
    let mut buffer = String::from("left over");
    assert_eq!(normalizer.normalize_to(token, lang, &mut buffer), once);
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let normalizer = normalizer(pick);
    let lang: Lang = LANGS[usize::from(pick / 5) % LANGS.len()]
        .parse()
        .expect("known");
    check(&normalizer, lang, &text);
    // Characters: the windows fold (the CJK modes take text of those scripts to the
    // segmenter).
    let tokenizer = Tokenizer::new().cjk(CjkMode::Characters);
    let mut fused = Vec::new();
    tokenizer.for_each_normalized(
        &text,
        &normalizer.clone().strip_diacritics(false),
        lang,
        |t, term| {
            fused.push((t.span, term.to_owned()));
        },
    );
    let plain = normalizer.clone().strip_diacritics(false);
    let one_by_one: Vec<_> = tokenizer
        .tokens(&text)
        .map(|t| {
            check(&normalizer, lang, t.text);
            (t.span, plain.normalize(t.text, lang).into_owned())
        })
        .collect();
    assert_eq!(fused, one_by_one, "fused terms of {text:?} in {lang}");
});
