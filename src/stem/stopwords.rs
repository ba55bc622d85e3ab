//! Stop-word lists per language, from the stop-words crate.

use hashbrown::HashSet;

use crate::Lang;
use crate::normalize::Normalizer;

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
