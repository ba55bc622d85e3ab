//! Light stemmers that remove one inflectional suffix, the longest of a list that leaves a
//! long enough stem: Hindi and Bengali.
//!
//! - Hindi: the suffixes of Ramanathan and Rao, "A Lightweight Stemmer for Hindi" (EACL 2003
//!   workshop on computational linguistics for South Asian languages): the endings of
//!   nouns (number and case: `-ों`, `-ियां`), adjectives (`-ी`, `-े`) and verbs (`-ता`,
//!   `-ेगा`, `-ाएंगी`...), the longest removed. The words are normalized first
//!   (chandrabindu written as anusvara, see `normalize/indic.rs`); the list has both forms for
//!   words that are not. At least two characters stay (`पढ़ेगा`, normalized `पढेगा`, →
//!   `पढ`), three after a one-character suffix (`पति` "husband" stays).
//! - Bengali: in the manner of Islam, Uddin and Khan, "A Light Weight Stemmer for Bengali and
//!   its Use in Spelling Checker" (BRAC University, 2007): one suffix of a list, the longest,
//!   provided two characters stay. The list is that of the Bengali inflections of news text:
//!   classifiers (`-টি`, `-টা`, `-গুলো`), plurals (`-রা`, `-দের`), cases (`-কে`, `-র`, `-ের`,
//!   `-তে`, `-য়`, locative `-ে`, and `-েকে` after a stem ending in `-ে`) and their
//!   combinations (`-টির`, `-গুলোর`), the emphatic particles (`-ই`, `-ও`), and the verb's
//!   person and tense endings (`-ছেন`, `-েছে`, `-লেন`, `-বে`, `-তে`, the verbal noun's `-া`,
//!   `-ার`).
//!
//! Each stem is a part of the word, so they never allocate.

use std::borrow::Cow;

/// Hindi suffixes (Ramanathan and Rao's, with chandrabindu and with anusvara: the normalizer
/// writes the first as the second, a word given as it is may have either).
const HINDI: &[&str] = &[
    // One character.
    "ो",
    "े",
    "ू",
    "ु",
    "ी",
    "ि",
    "ा",
    // Two.
    "कर",
    "ाओ",
    "िए",
    "ाई",
    "ाए",
    "ने",
    "नी",
    "ना",
    "ते",
    "ीं",
    "ती",
    "ता",
    "ां",
    "ाँ",
    "ों",
    "ें",
    // Three.
    "ाकर",
    "ाइए",
    "ाईं",
    "ाया",
    "ेगी",
    "ेगा",
    "ोगी",
    "ोगे",
    "ाने",
    "ाना",
    "ाते",
    "ाती",
    "ाता",
    "तीं",
    "ाओं",
    "ाएं",
    "ुओं",
    "ुएं",
    "ुआं",
    // Four.
    "ाएगी",
    "ाएगा",
    "ाओगी",
    "ाओगे",
    "एंगी",
    "ेंगी",
    "एंगे",
    "ेंगे",
    "ूंगी",
    "ूंगा",
    "ातीं",
    "नाओं",
    "नाएं",
    "ताओं",
    "ताएं",
    "ियां",
    "ियाँ",
    "ियों",
    // Five.
    "ाएंगी",
    "ाएंगे",
    "ाऊंगी",
    "ाऊंगा",
    "ाइयां",
    "ाइयाँ",
    "ाइयों",
];

/// Bengali suffixes.
const BENGALI: &[&str] = &[
    // Classifiers and plurals, with the cases after them.
    "টা",
    "টি",
    "টো",
    "খানা",
    "খানি",
    "গুলো",
    "গুলি",
    "গুলা",
    "রা",
    "েরা",
    "দের",
    "েদের",
    "গণ",
    "সমূহ",
    "টার",
    "টির",
    "টাকে",
    "টিকে",
    "টাতে",
    "টিতে",
    "গুলোর",
    "গুলির",
    "গুলোকে",
    "গুলিকে",
    "গুলোতে",
    "গুলিতে",
    "দেরকে",
    "সমূহের",
    // Cases.
    "কে",
    "রে",
    "র",
    "ের",
    "এর",
    "তে",
    "েতে",
    "য়",
    "য়ে",
    "য়ের",
    "েকে",
    "ে",
    "েও",
    "েই",
    // Emphatic particles.
    "ই",
    "ও",
    "রই",
    "েরই",
    "তেই",
    "কেই",
    // Verbs: person and tense endings.
    "া",
    "ার",
    "ানো",
    "ানোর",
    "ো",
    "েন",
    "ছি",
    "ছে",
    "ছেন",
    "ছিল",
    "ছিলেন",
    "ছিলাম",
    "েছি",
    "েছে",
    "েছেন",
    "েছিল",
    "েছিলেন",
    "েছিলাম",
    "ল",
    "লো",
    "লাম",
    "লেন",
    "লে",
    "বে",
    "বেন",
    "বো",
    "ব",
    "তেন",
    "তাম",
    "তো",
];

/// The Hindi stem of a normalized word: at least two characters stay, three after a
/// suffix of one (a vowel sign: `पति` "husband" stays, where it would be `पत`, as `पता`
/// "address" is; `पढ़ता` "reads", normalized `पढता`, is `पढ`).
pub(super) fn hindi(word: &str) -> Cow<'_, str> {
    Cow::Borrowed(strip_longest(word, HINDI, |stem, suffix| {
        let min = if suffix.chars().count() == 1 { 3 } else { 2 };
        stem.chars().count() >= min
    }))
}

/// The Bengali stem of a normalized word: at least two characters stay.
pub(super) fn bengali(word: &str) -> Cow<'_, str> {
    Cow::Borrowed(strip_longest(word, BENGALI, |stem, _| {
        stem.chars().count() >= 2
    }))
}

/// `word` without the longest suffix of `suffixes` whose removal leaves a stem that `keeps`
/// accepts (given the stem and the suffix).
fn strip_longest<'a>(
    word: &'a str,
    suffixes: &[&str],
    keeps: impl Fn(&str, &str) -> bool,
) -> &'a str {
    let mut best: Option<&str> = None;
    for suffix in suffixes {
        if let Some(stem) = word.strip_suffix(suffix)
            && best.is_none_or(|b| stem.len() < b.len())
            && keeps(stem, suffix)
        {
            best = Some(stem);
        }
    }
    best.unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stems of `words` as the pipeline makes them: normalized first (the nukta removed,
    /// chandrabindu written as anusvara).
    fn stems(code: &str, words: &[&str]) -> Vec<String> {
        let lang = code.parse().unwrap();
        let normalizer = crate::normalize::Normalizer::new();
        let stem = if code == "hin" { hindi } else { bengali };
        words
            .iter()
            .map(|w| stem(&normalizer.normalize(w, lang)).into_owned())
            .collect()
    }

    fn family(code: &str, words: &[&str]) {
        let stems = stems(code, words);
        for (word, stem) in words.iter().zip(&stems) {
            assert_eq!(stem, &stems[0], "{word} and {}", words[0]);
        }
    }

    /// The forms of a Hindi noun, adjective or verb share a stem.
    #[test]
    fn hindi_inflections() {
        family("hin", &["लड़का", "लड़के", "लड़कों"]); // boy, boys
        family("hin", &["किताब", "किताबें", "किताबों"]); // book
        family("hin", &["अच्छा", "अच्छी", "अच्छे"]); // good
        family("hin", &["पढ़ता", "पढ़ती", "पढ़ते", "पढ़ेगा", "पढ़ेंगे", "पढ़ना"]); // read
        family("hin", &["करता", "करती", "करते", "करेगा"]); // do
        family("hin", &["लड़कियां", "लड़कियों", "लड़की"]); // girl(s)
        assert_eq!(stems("hin", &["किताबों"]), ["किताब"]);
        // Three characters stay after a vowel sign: "husband" is not "address" (पता → पत).
        // Two after longer suffixes; short words stay.
        assert_eq!(stems("hin", &["पति", "ने", "की"]), ["पति", "ने", "की"]);
        assert_ne!(stems("hin", &["पति"]), stems("hin", &["पता"]));
    }

    /// The forms of a Bengali noun (classifier, plural, case) or verb share a stem.
    #[test]
    fn bengali_inflections() {
        family("ben", &["বই", "বইটি", "বইগুলো", "বইয়ের", "বইগুলোর"]); // book
        family("ben", &["দেশ", "দেশে", "দেশের", "দেশগুলো", "দেশকে"]); // country
        family("ben", &["শিক্ষক", "শিক্ষকরা", "শিক্ষকদের", "শিক্ষকের"]); // teacher
        family(
            "ben",
            &["বল", "বলেন", "বলেছেন", "বলছে", "বলবে", "বলতে", "বলা"],
        ); // say
        family("ben", &["মা", "মাকে", "মায়ের"]); // mother
        // A stem in -ে before a case: "to the boy" as "the boys".
        family("ben", &["ছেলেরা", "ছেলেকে", "ছেলের"]); // boy
        assert_eq!(stems("ben", &["ঢাকায়"]), ["ঢাকা"]); // in Dhaka
        // Two characters stay.
        assert_eq!(stems("ben", &["সে", "নদী"]), ["সে", "নদী"]);
    }

    proptest::proptest! {
        /// Devanagari and Bengali letters and signs (so that suffixes are often there to
        /// strip), and any text: the stem is a start of the word, empty only for an empty
        /// word.
        #[test]
        fn the_stem_is_a_start_of_the_word(
            word in "[\\u{0900}-\\u{097F}]{0,10}|[\\u{0980}-\\u{09FF}]{0,10}|\\PC{0,10}"
        ) {
            for stem in [hindi(&word), bengali(&word)] {
                proptest::prop_assert!(word.starts_with(&*stem));
                proptest::prop_assert_eq!(stem.is_empty(), word.is_empty());
            }
        }
    }
}
