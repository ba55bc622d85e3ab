//! The naive pipeline, written the obvious way, that wordmill's is measured against (in
//! benches/pipeline.rs and examples/naive_batch.rs): whatlang on the whole text → NFKC →
//! `to_lowercase` → `unicode_words` → Snowball stem → `HashMap<String, u32>`.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// The language whatlang finds, and the term counts.
pub fn naive(text: &str) -> (Option<whatlang::Lang>, HashMap<String, u32>) {
    let lang = whatlang::detect_lang(text);
    let algorithm = match lang {
        Some(whatlang::Lang::Eng) => Some(rust_stemmers::Algorithm::English),
        Some(whatlang::Lang::Deu) => Some(rust_stemmers::Algorithm::German),
        Some(whatlang::Lang::Fra) => Some(rust_stemmers::Algorithm::French),
        Some(whatlang::Lang::Spa) => Some(rust_stemmers::Algorithm::Spanish),
        Some(whatlang::Lang::Ita) => Some(rust_stemmers::Algorithm::Italian),
        Some(whatlang::Lang::Por) => Some(rust_stemmers::Algorithm::Portuguese),
        Some(whatlang::Lang::Nld) => Some(rust_stemmers::Algorithm::Dutch),
        Some(whatlang::Lang::Tur) => Some(rust_stemmers::Algorithm::Turkish),
        Some(whatlang::Lang::Swe) => Some(rust_stemmers::Algorithm::Swedish),
        Some(whatlang::Lang::Fin) => Some(rust_stemmers::Algorithm::Finnish),
        Some(whatlang::Lang::Hun) => Some(rust_stemmers::Algorithm::Hungarian),
        Some(whatlang::Lang::Ron) => Some(rust_stemmers::Algorithm::Romanian),
        Some(whatlang::Lang::Ara) => Some(rust_stemmers::Algorithm::Arabic),
        Some(whatlang::Lang::Rus) => Some(rust_stemmers::Algorithm::Russian),
        _ => None,
    };
    let stemmer = algorithm.map(rust_stemmers::Stemmer::create);
    let normalized: String = text.nfkc().collect::<String>().to_lowercase();
    let mut counts = HashMap::new();
    for word in normalized.unicode_words() {
        let term = match &stemmer {
            Some(s) => s.stem(word).into_owned(),
            None => word.to_owned(),
        };
        *counts.entry(term).or_insert(0) += 1;
    }
    (lang, counts)
}
