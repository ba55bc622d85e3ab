//! Arabic light stemming: light10 of Larkey, Ballesteros and Connell ("Improving Stemming for
//! Arabic Information Retrieval: Light Stemming and Co-occurrence Analysis", SIGIR 2002;
//! "Light Stemming for Arabic Information Retrieval", in Arabic Computational Morphology,
//! Springer 2007).
//!
//! Light stemming removes the few affixes that are almost always affixes, and leaves the rest
//! of the word alone: the conjunction و ("and"), the definite article ال alone or after a
//! one-letter preposition or conjunction (بال كال فال وال, and لل), and a short list of
//! suffixes (duals and plurals, feminine endings, possessive pronouns). Unlike a root or
//! Snowball's stemmer it does not remove a leading ف, ب, ك or ل on its own: those letters
//! begin many words (فريق "team", فرنسا "France", بلد "country", كتاب "book"), and taking
//! them off makes a word that is not one (ريق, رنسا).
//!
//! One change to light10: a suffix is removed only when at least three letters remain (light10
//! asks for two), since nearly every Arabic root has three: else عمان (Oman) loses ان as if it
//! were a dual ending and becomes عم ("uncle"), apart from العماني (Omani) → عمان.
//!
//! On the retrieval evaluation (`examples/retrieval_eval.rs`, NTREX-128) this stemmer, light10
//! as published and Snowball's Arabic stemmer retrieve alike (MRR@10 0.551, 0.550, 0.552 on
//! the committed sample; 0.570, 0.572, 0.576 on all of NTREX: within the noise), and Snowball's
//! with its lone-letter prefixes put back does worse (0.550, 0.567). `Stemmer::snowball` still
//! gives Snowball's.
//!
//! The word is expected normalized as [`Normalizer`](crate::normalize::Normalizer) makes
//! Arabic (alef forms as bare alef, alef maksura as yeh, no harakat or tatweel), as light10
//! normalizes it first. The stem is always a part of the word, so it never allocates.

use std::borrow::Cow;

/// The definite article, alone or after a one-letter particle, in the order light10 tries
/// them; removed when at least two letters remain.
const ARTICLES: [&str; 6] = ["ال", "وال", "بال", "كال", "فال", "لل"];

/// The suffixes, in light10's order; each removed once, when at least three letters remain.
const SUFFIXES: [&str; 10] = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"];

/// The light10 stem of a normalized Arabic word.
pub(super) fn stem(word: &str) -> Cow<'_, str> {
    let mut stem = word;
    // "And": when three letters or more remain.
    if let Some(rest) = stem.strip_prefix('و')
        && letters(rest) >= 3
    {
        stem = rest;
    }
    for article in ARTICLES {
        if let Some(rest) = stem.strip_prefix(article)
            && letters(rest) >= 2
        {
            stem = rest;
            break;
        }
    }
    for suffix in SUFFIXES {
        if let Some(rest) = stem.strip_suffix(suffix)
            && letters(rest) >= 3
        {
            stem = rest;
        }
    }
    Cow::Borrowed(stem)
}

fn letters(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn light(word: &str) -> String {
        stem(word).into_owned()
    }

    /// Words that begin with ف, ب, ك or ل keep it: it is a letter of the word.
    #[test]
    fn a_leading_letter_of_the_word_stays() {
        assert_eq!(light("فريق"), "فريق"); // team
        assert_eq!(light("فرنسا"), "فرنسا"); // France
        assert_eq!(light("فنادق"), "فنادق"); // hotels
        assert_eq!(light("بلد"), "بلد"); // country
        assert_eq!(light("كتاب"), "كتاب"); // book
    }

    /// "The team", "and the team", "in the team", "so the team": one term, فريق.
    #[test]
    fn the_article_and_its_particles_go() {
        for word in ["الفريق", "والفريق", "بالفريق", "فالفريق", "كالفريق"]
        {
            assert_eq!(light(word), "فريق", "{word}");
        }
        assert_eq!(light("للفريق"), "فريق"); // for the team
        assert_eq!(light("وفريق"), "فريق"); // and a team
    }

    /// Plural, dual, feminine and pronoun endings go; the rest of the word stays.
    #[test]
    fn inflectional_suffixes_go() {
        assert_eq!(light("المعلمون"), "معلم"); // the teachers (masculine plural)
        assert_eq!(light("معلمين"), "معلم"); // teachers (oblique)
        assert_eq!(light("معلمات"), "معلم"); // teachers (feminine plural)
        assert_eq!(light("معلمة"), "معلم"); // teacher (feminine)
        assert_eq!(light("كتابها"), "كتاب"); // her book
        assert_eq!(light("الروسية"), "روس"); // the Russian (feminine adjective)
        assert_eq!(light("الروسي"), "روس"); // the Russian
    }

    /// Stems keep three letters, as roots have: Oman and Omani are one term, not "uncle".
    #[test]
    fn short_words_keep_their_letters() {
        assert_eq!(light("عمان"), "عمان"); // Oman
        assert_eq!(light("العماني"), "عمان"); // the Omani
        assert_eq!(light("العمانية"), "عمان");
        assert_eq!(light("وال"), "وال");
        assert_eq!(light("ولد"), "ولد"); // boy: و is a letter here, two would remain
        assert_eq!(light("في"), "في");
        assert_eq!(light("ها"), "ها");
        assert_eq!(light(""), "");
    }

    proptest::proptest! {
        /// Any text: the stem is a part of the word, empty only for an empty word.
        #[test]
        fn the_stem_is_a_part_of_the_word(word in "[اوبكفلهيةنتدعمر]{0,8}|\\PC{0,8}") {
            let stem = stem(&word);
            proptest::prop_assert!(word.contains(&*stem));
            proptest::prop_assert_eq!(stem.is_empty(), word.is_empty());
        }
    }
}
