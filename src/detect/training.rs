//! What the tool that builds the detection model (`tools/langid-train`) shares with
//! detection: the words of a text, their features and their script, and the model format's
//! constants. Enabled by the `langid-training` feature, which only that tool turns on; not a
//! stable API.

use super::chars::{class, script_of_slot};
use super::rules::script_langs;
use super::words;
use crate::Script;

/// The kinds of feature: n-grams of order `n` are kind `n - 1`, whole words [`WORD_KIND`],
/// pairs of words in a row [`PAIR_KIND`].
pub const KINDS: usize = words::KINDS;
/// The kind of a whole-word feature.
pub const WORD_KIND: usize = words::WORD_KIND;
/// The kind of a feature of two words in a row.
pub const PAIR_KIND: usize = words::PAIR_KIND;
/// The first bytes of a model.
pub const MAGIC: &[u8; 4] = super::model::MAGIC;
/// The model format's version.
pub const VERSION: u32 = super::model::VERSION;

/// Calls `word` with each word of `text`, as detection reads it.
pub fn for_each_word(text: &str, buf: &mut Vec<char>, word: impl FnMut(&[char])) {
    words::for_each_word(text, buf, word);
}

/// Calls `feature(kind, hash)` for every feature of a word, as detection looks them up.
pub fn for_each_feature(word: &[char], feature: impl FnMut(usize, u64)) {
    words::word_features(word, feature);
}

/// The hash of a whole word.
pub fn word_hash(word: &[char]) -> u64 {
    words::word_hash(word)
}

/// The hash of the pair of two words in a row, from their [`word_hash`]es.
pub fn pair_hash(first: u64, second: u64) -> u64 {
    words::pair_hash(first, second)
}

/// The script of a word: that of its letters, `None` when they are of several scripts (a
/// Cyrillic word typed with a Latin `o` is no evidence of either script's n-grams) or of
/// none that detection tells apart.
pub fn word_script(word: &[char]) -> Option<Script> {
    let mut found = None;
    for slot in word.iter().map(|&c| class(c).slot()).filter(|&s| s != 0) {
        match found {
            None => found = Some(slot),
            Some(f) if f == slot => {}
            Some(_) => return None,
        }
    }
    found.and_then(script_of_slot)
}

/// The scripts the model covers: those that several of wordmill's languages share (Han
/// aside: its languages are told apart by rules).
pub fn model_scripts() -> Vec<Script> {
    (1..=super::chars::DETECTED.len() as u8)
        .filter(|&slot| script_langs(slot).len() > 1)
        .filter_map(script_of_slot)
        .filter(|&s| s != Script::Han)
        .collect()
}
