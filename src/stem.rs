//! Stemming (Snowball, through rust-stemmers) and stop words, per language.
//!
//! ```
//! use wordmill::stem::{Stemmer, StopWords};
//! use wordmill::normalize::Normalizer;
//! use wordmill::Lang;
//!
//! let english: Lang = "eng".parse()?;
//! let stemmer = Stemmer::for_lang(english).expect("Snowball has English");
//! assert_eq!(stemmer.stem("discussions"), "discuss");
//! assert_eq!(stemmer.stem("oman's"), "oman");
//!
//! let stop = StopWords::for_lang(english, &Normalizer::new()).expect("a list for English");
//! assert!(stop.contains("the"));
//! assert!(!stop.contains("oman"));
//!
//! // Languages without a Snowball stemmer pass through unstemmed.
//! assert!(Stemmer::for_lang("pol".parse()?).is_none());
//! # Ok::<(), wordmill::Error>(())
//! ```

use std::borrow::Cow;
use std::fmt;

use hashbrown::HashSet;
use rust_stemmers::Algorithm;

use crate::Lang;
use crate::normalize::Normalizer;

/// A Snowball stemmer for one language.
pub struct Stemmer {
    lang: Lang,
    inner: rust_stemmers::Stemmer,
}

impl fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Stemmer").field("lang", &self.lang).finish()
    }
}

/// The Snowball algorithm rust-stemmers ships for a language.
fn algorithm(lang: Lang) -> Option<Algorithm> {
    Some(match lang.code() {
        "ara" => Algorithm::Arabic,
        "dan" => Algorithm::Danish,
        "nld" => Algorithm::Dutch,
        "eng" => Algorithm::English,
        "fin" => Algorithm::Finnish,
        "fra" => Algorithm::French,
        "deu" => Algorithm::German,
        "ell" => Algorithm::Greek,
        "hun" => Algorithm::Hungarian,
        "ita" => Algorithm::Italian,
        "nob" => Algorithm::Norwegian,
        "por" => Algorithm::Portuguese,
        "ron" => Algorithm::Romanian,
        "rus" => Algorithm::Russian,
        "spa" => Algorithm::Spanish,
        "swe" => Algorithm::Swedish,
        "tam" => Algorithm::Tamil,
        "tur" => Algorithm::Turkish,
        _ => return None,
    })
}

impl Stemmer {
    /// The stemmer for `lang`, or `None` when rust-stemmers has no algorithm for it.
    pub fn for_lang(lang: Lang) -> Option<Stemmer> {
        algorithm(lang).map(|a| Stemmer {
            lang,
            inner: rust_stemmers::Stemmer::create(a),
        })
    }

    /// The languages that have a stemmer (18: Arabic, Danish, Dutch, English, ... Turkish).
    pub fn languages() -> impl Iterator<Item = Lang> {
        Lang::all().filter(|&l| algorithm(l).is_some())
    }

    /// The stemmer's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The stem of a normalized (case-folded) word. Never empty for a non-empty word: where
    /// Snowball would strip everything (the Arabic stemmer on a lone vowel mark), the word
    /// stays as it is.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match self.inner.stem(word) {
            stem if stem.is_empty() => Cow::Borrowed(word),
            stem => stem,
        }
    }
}

/// A stop-word list, held in the same normalized form as the terms it is checked against.
#[derive(Clone, Debug, Default)]
pub struct StopWords {
    words: HashSet<Box<str>>,
}

/// ISO 639-1 code of a language, as the stop-words crate names its lists.
pub(crate) fn iso639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang.code() {
        "afr" => "af",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jpn" => "ja",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mar" => "mr",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "no",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "slk" => "sk",
        "slv" => "sl",
        "spa" => "es",
        "swe" => "sv",
        "tam" => "ta",
        "tgl" => "tl",
        "tha" => "th",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "zul" => "zu",
        _ => return None,
    })
}

impl StopWords {
    /// The stop words of `lang`, normalized by `normalizer` so that they match the terms it
    /// produces; `None` when there is no list for the language.
    ///
    /// The lists come from the stop-words crate: NLTK's where NLTK has one (short lists of
    /// function words, as search engines use), Stopwords ISO's otherwise.
    pub fn for_lang(lang: Lang, normalizer: &Normalizer) -> Option<StopWords> {
        let list = stop_words::lookup(iso639_1(lang)?)?;
        // Folded as the pipeline's words are when it looks them up: before stemming and
        // diacritic removal.
        let folder = normalizer.folder(lang);
        let mut buffer = String::new();
        Some(StopWords {
            words: list
                .iter()
                .map(|w| Box::from(folder.fold_word(w, &mut buffer)))
                .collect(),
        })
    }

    /// The languages that have a stop-word list.
    pub fn languages() -> impl Iterator<Item = Lang> {
        Lang::all().filter(|&l| iso639_1(l).is_some_and(|code| stop_words::lookup(code).is_some()))
    }

    /// A list of your own; give the words in the form your terms have (normalized).
    pub fn from_words<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> StopWords {
        StopWords {
            words: words.into_iter().map(|w| Box::from(w.as_ref())).collect(),
        }
    }

    /// True when `term` is a stop word.
    pub fn contains(&self, term: &str) -> bool {
        self.words.contains(term)
    }

    /// Number of words in the list.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True for an empty list.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        code.parse().unwrap()
    }

    #[test]
    fn eighteen_stemmers() {
        assert_eq!(Stemmer::languages().count(), 18);
        assert!(Stemmer::for_lang(Lang::UND).is_none());
    }

    #[test]
    fn stems_in_the_right_language() {
        let cases = [
            ("eng", "cooperation", "cooper"),
            ("eng", "meetings", "meet"),
            ("deu", "zusammenarbeiten", "zusammenarbeit"),
            ("spa", "relaciones", "relacion"),
            ("rus", "переговоры", "переговор"),
            ("fra", "nationales", "national"),
        ];
        for (code, word, stem) in cases {
            assert_eq!(
                Stemmer::for_lang(lang(code)).unwrap().stem(word),
                stem,
                "{code} {word}"
            );
        }
    }

    #[test]
    fn arabic_stemmer_strips_the_article() {
        let stemmer = Stemmer::for_lang(lang("ara")).unwrap();
        assert_eq!(stemmer.stem("الحوار"), "حوار");
        // Snowball's Arabic stemmer removes vowel marks, which would leave nothing here.
        assert_eq!(stemmer.stem("\u{64B}"), "\u{64B}");
    }

    #[test]
    fn stop_lists_are_normalized() {
        let n = Normalizer::new();
        let arabic = StopWords::for_lang(lang("ara"), &n).unwrap();
        // NLTK spells it with hamza (إذا); normalized terms have a bare alef.
        assert!(arabic.contains("اذا"));
        assert!(arabic.contains("في"));
        let english = StopWords::for_lang(lang("eng"), &n).unwrap();
        assert!(english.contains("the") && english.contains("and") && english.contains("of"));
        assert!(!english.contains("minister"));
        assert!(StopWords::languages().count() >= 40);
        assert!(StopWords::for_lang(Lang::UND, &n).is_none());
    }
}
