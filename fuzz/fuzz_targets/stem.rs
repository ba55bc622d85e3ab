//! Fuzzing of every wordmill stemmer (every language `Stemmer::languages()` lists).
//!
//! `cargo fuzz run stem -- -dict=stem.dict` (see fuzz/README.md). For any UTF-8 input, the
//! whole input and each of its whitespace-separated words, in every stemmer:
//! - no panic (rust-stemmers 1.2's Greek stemmer panicked on words such as `ισαισα`);
//! - a non-empty stem for a non-empty word;
//! - the same stem on a second call, and from a second stemmer of the same language;
//! - a word longer than `MAX_STEMMED_BYTES` comes back unchanged.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use wordmill::stem::{MAX_STEMMED_BYTES, Stemmer};

fn stemmers() -> &'static [Stemmer] {
    static STEMMERS: OnceLock<Vec<Stemmer>> = OnceLock::new();
    STEMMERS.get_or_init(|| Stemmer::languages().filter_map(Stemmer::for_lang).collect())
}

fn check(stemmer: &Stemmer, word: &str) {
    let stem = stemmer.stem(word);
    assert!(
        word.is_empty() || !stem.is_empty(),
        "{}: {word:?}",
        stemmer.algorithm()
    );
    assert_eq!(
        stemmer.stem(word),
        stem,
        "{}: {word:?}",
        stemmer.algorithm()
    );
    if word.len() > MAX_STEMMED_BYTES {
        assert_eq!(stem, word);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for stemmer in stemmers() {
        check(stemmer, text);
        // The case-folded form, as the pipeline gives it.
        check(stemmer, &text.to_lowercase());
        for word in text.split_whitespace() {
            check(stemmer, word);
        }
    }
    // A fresh stemmer stems as the shared one does.
    let index = data.len() % stemmers().len();
    let fresh = Stemmer::for_lang(stemmers()[index].lang()).unwrap();
    assert_eq!(fresh.stem(text), stemmers()[index].stem(text));
});
