//! Light stemmers that remove one inflectional suffix, the longest of a list that leaves a
//! long enough stem: Hindi and Bengali.
//!
//! - Hindi: the suffixes of Ramanathan and Rao, "A Lightweight Stemmer for Hindi" (EACL 2003
//!   workshop on computational linguistics for South Asian languages): the endings of
//!   nouns (number and case: `-ों`, `-ियां`), adjectives (`-ी`, `-े`) and verbs (`-ता`,
//!   `-ेगा`, `-ाएंगी`...), the longest removed. The words are normalized first
//!   (chandrabindu written as anusvara, see `normalize/indic.rs`); the list has both forms for
//!   words that are not. At least three characters stay (`पढ़ेगा` → `पढ`, the nukta removed
//!   by the normalizer; `पति` "husband" stays).
//! - Bengali: in the manner of Islam, Uddin and Khan, "A Light Weight Stemmer for Bengali and
//!   its Use in Spelling Checker" (BRAC University, 2007): one suffix of a list, the longest,
//!   provided two letters stay (vowel signs not counted). The list is that of the Bengali inflections of news text:
//!   classifiers (`-টি`, `-টা`, `-গুলো`), plurals (`-রা`, `-দের`), cases (`-কে`, `-র`, `-ের`,
//!   `-তে`, `-য়`, locative `-ে`, and `-েকে` after a stem ending in `-ে`) and their combinations (`-টির`, `-গুলোর`), the emphatic
//!   particles (`-ই`, `-ও`), and the verb's person and tense endings (`-ছেন`, `-েছে`, `-লেন`,
//!   `-বে`, `-তে`, the verbal noun's `-া`, `-ার`).
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

/// The Hindi stem of a normalized word: at least three characters stay (`पति` "husband"
/// stays, where two would make it `पत`, as `पता` "address" is; retrieval on NTREX's Hindi,
/// MRR@10: 0.587 against 0.583 with two).
pub(super) fn hindi(word: &str) -> Cow<'_, str> {
    Cow::Borrowed(strip_longest(word, HINDI, |stem| stem.chars().count() >= 3))
}

/// The Bengali stem of a normalized word: at least two letters stay, vowel signs and other
/// signs not counted (`মেয়ে` "girl" is `মেয়`, as `মেয়েরা` "girls" is, not `মে` "May"; `কাল`
/// stays). Retrieval on NTREX's Bengali, MRR@10: 0.566 against 0.565 counting two characters
/// of any kind.
pub(super) fn bengali(word: &str) -> Cow<'_, str> {
    Cow::Borrowed(strip_longest(word, BENGALI, |stem| {
        stem.chars().filter(|&c| !is_bengali_sign(c)).count() >= 2
    }))
}

/// Whether `c` is a sign of the Bengali script, written with a letter (a vowel sign, the
/// virama, the nukta, anusvara, chandrabindu, visarga, the au length mark), not a letter.
fn is_bengali_sign(c: char) -> bool {
    matches!(c, '\u{0981}'..='\u{0983}' | '\u{09BC}' | '\u{09BE}'..='\u{09CD}' | '\u{09D7}' | '\u{09E2}'..='\u{09E3}')
}

/// `word` without the longest suffix of `suffixes` whose removal leaves a stem that `keeps`
/// accepts.
fn strip_longest<'a>(word: &'a str, suffixes: &[&str], keeps: impl Fn(&str) -> bool) -> &'a str {
    let mut best: Option<&str> = None;
    for suffix in suffixes {
        if let Some(stem) = word.strip_suffix(suffix)
            && best.is_none_or(|b| stem.len() < b.len())
            && keeps(stem)
        {
            best = Some(stem);
        }
    }
    best.unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family(stem: fn(&str) -> Cow<'_, str>, words: &[&str]) {
        let first = stem(words[0]);
        for word in &words[1..] {
            assert_eq!(stem(word), first, "{word} and {}", words[0]);
        }
    }

    /// The forms of a Hindi noun, adjective or verb share a stem.
    #[test]
    fn hindi_inflections() {
        family(hindi, &["लड़का", "लड़के", "लड़कों"]); // boy, boys
        family(hindi, &["किताब", "किताबें", "किताबों"]); // book
        family(hindi, &["अच्छा", "अच्छी", "अच्छे"]); // good
        family(hindi, &["पढ़ता", "पढ़ती", "पढ़ते", "पढ़ेगा", "पढ़ेंगे", "पढ़ना"]); // read
        family(hindi, &["लड़कियां", "लड़कियों", "लड़की"]); // girl(s)
        assert_eq!(hindi("किताबों"), "किताब");
        // Three characters stay: "husband" is not "address" (पता → पत), "servant" not
        // "nine".
        for word in ["पति", "नौकर", "ने", "की"] {
            assert_eq!(hindi(word), word);
        }
        assert_ne!(hindi("पति"), hindi("पता"));
    }

    /// The forms of a Bengali noun (classifier, plural, case) or verb share a stem.
    #[test]
    fn bengali_inflections() {
        family(bengali, &["বই", "বইটি", "বইগুলো", "বইয়ের", "বইগুলোর"]); // book
        family(bengali, &["দেশ", "দেশে", "দেশের", "দেশগুলো", "দেশকে"]); // country
        family(bengali, &["শিক্ষক", "শিক্ষকরা", "শিক্ষকদের", "শিক্ষকের"]); // teacher
        family(
            bengali,
            &["বল", "বলেন", "বলেছেন", "বলছে", "বলবে", "বলতে", "বলা"],
        ); // say
        family(bengali, &["ছেলে", "ছেলেরা", "ছেলেকে", "ছেলের"]); // boy
        family(bengali, &["মেয়ে", "মেয়েরা", "মেয়েকে"]); // girl
        assert_eq!(bengali("ঢাকায়"), "ঢাকা"); // in Dhaka
        // Two letters stay, a vowel sign not counted as one: "girl" is not "May", "time"
        // stays, "he" and "river" too.
        assert_ne!(bengali("মেয়ে"), "মে");
        for word in ["কাল", "সে", "নদী"] {
            assert_eq!(bengali(word), word);
        }
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
