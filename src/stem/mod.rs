//! Stemming (Snowball) and stop words, per language.
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
//! // Catalan, Lithuanian, Polish... have stemmers too.
//! let catalan = Stemmer::for_lang("cat".parse()?).expect("Snowball has Catalan");
//! assert_eq!(catalan.stem("cantaven"), catalan.stem("cantar"));
//!
//! // Languages without a Snowball stemmer pass through unstemmed.
//! assert!(Stemmer::for_lang("vie".parse()?).is_none());
//! # Ok::<(), wordmill::Error>(())
//! ```
//!
//! The stemmers are Snowball's current algorithms (release 3), run by the
//! snowball_stemmers_rs crate, and by snowstem for Czech, Danish and Finnish; the
//! `snowball` module's documentation gives the measurements behind that choice. None of
//! them can panic on any input that the adversarial generator and the fuzz target have
//! produced (rust-stemmers 1.2, used before, panics on Greek words such as `αντίθετε`).

use std::borrow::Cow;
use std::fmt;

mod arabic;
mod snowball;
mod stoplists;
mod stopwords;
mod suffixes;

pub use stopwords::StopWords;

use crate::Lang;

/// Words longer than this many bytes are not stemmed.
///
/// No word of any language comes near it (the longest dictionary words have a few dozen
/// letters), and it keeps the Snowball runtimes inside their limits: they hold positions as
/// `i32` and copy the word at each edit, so a multi-gigabyte "word" would overflow them or
/// take quadratic time.
pub const MAX_STEMMED_BYTES: usize = 1024;

/// A stemmer: what [`Stemmer`] does for the languages Snowball knows, and what a stemmer of
/// your own does for a pipeline ([`PipelineBuilder::stemmer`](crate::PipelineBuilder::stemmer)).
pub trait Stem: Send + Sync {
    /// The stem of a normalized (case-folded) word. It should not be empty for a non-empty
    /// word; when it is, the pipeline keeps the word as it is.
    fn stem<'a>(&self, word: &'a str) -> Cow<'a, str>;
}

/// The stemmer of one language: a Snowball algorithm, or a light stemmer of wordmill's own
/// (Arabic, Bengali, Hindi).
pub struct Stemmer {
    lang: Lang,
    algorithm: &'static str,
    engine: Engine,
}

enum Engine {
    Snowball(snowball::Program),
    /// A light stemmer of wordmill's own: the stem is a part of the word.
    Light(LightStem),
}

/// A light stemmer: a function from a normalized word to its stem.
type LightStem = fn(&str) -> Cow<'_, str>;

/// The light stemmer chosen for the language with ISO 639-3 code `code` over Snowball's, and
/// its name.
fn light_stemmer(code: &str) -> Option<(&'static str, LightStem)> {
    match code {
        "ara" => Some(("arabic-light10", arabic::stem)),
        "ben" => Some(("bengali-light", suffixes::bengali)),
        "hin" => Some(("hindi-light", suffixes::hindi)),
        _ => None,
    }
}

impl fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Stemmer")
            .field("lang", &self.lang)
            .field("algorithm", &self.algorithm)
            .finish()
    }
}

impl Stemmer {
    /// The stemmer for `lang`, or `None` when there is none.
    ///
    /// Snowball's algorithm of the language, except for Arabic, which gets Larkey et al.'s
    /// light10 (Snowball's removes a leading `ف` that is often a letter of the word:
    /// `فريق` "team" → `ريق`), and Hindi and Bengali, which get light stemmers after
    /// Ramanathan and Rao and after Islam, Uddin and Khan (Snowball has no Bengali). Croatian and Bosnian get the Serbian stemmer and Malay the
    /// Indonesian one, where measured to help (see the `snowball` module).
    ///
    /// ```
    /// use wordmill::stem::Stemmer;
    ///
    /// let arabic = Stemmer::for_lang("ara".parse()?).unwrap();
    /// assert_eq!(arabic.algorithm(), "arabic-light10");
    /// assert_eq!(arabic.stem("الفريق"), "فريق"); // "the team" → "team"
    /// assert_eq!(arabic.stem("فريق"), "فريق");
    /// let snowball = Stemmer::snowball("ara".parse()?).unwrap();
    /// assert_eq!(snowball.stem("فريق"), "ريق");
    /// # Ok::<(), wordmill::Error>(())
    /// ```
    pub fn for_lang(lang: Lang) -> Option<Stemmer> {
        match light_stemmer(lang.code()) {
            Some((algorithm, stem)) => Some(Stemmer {
                lang,
                algorithm,
                engine: Engine::Light(stem),
            }),
            None => Stemmer::snowball(lang),
        }
    }

    /// The name of the algorithm [`for_lang`](Self::for_lang) chooses for the language with
    /// ISO 639-3 code `code`, whether [`Lang`] names it yet or not.
    fn algorithm_for_code(code: &str) -> Option<&'static str> {
        light_stemmer(code)
            .map(|(name, _)| name)
            .or_else(|| snowball::algorithm(code).map(|a| a.name))
    }

    /// Snowball's stemmer for `lang`, or `None` when Snowball has no algorithm for it: what
    /// [`for_lang`](Self::for_lang) gives except where it chooses a light stemmer.
    pub fn snowball(lang: Lang) -> Option<Stemmer> {
        snowball::algorithm(lang.code()).map(|a| Stemmer {
            lang,
            algorithm: a.name,
            engine: Engine::Snowball(snowball::Program::new(a)),
        })
    }

    /// The languages that have a stemmer (37 of those [`Lang`] knows: Arabic, Armenian,
    /// Basque, Bengali, Catalan, ... Yiddish).
    pub fn languages() -> impl Iterator<Item = Lang> {
        Lang::all().filter(|l| Stemmer::algorithm_for_code(l.code()).is_some())
    }

    /// The stemmer's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The algorithm's name: Snowball's (`"serbian"` for Croatian too), or the light
    /// stemmer's (`"arabic-light10"`, `"bengali-light"`, `"hindi-light"`).
    pub fn algorithm(&self) -> &'static str {
        self.algorithm
    }

    /// The stem of a normalized (case-folded) word. Never empty for a non-empty word: where
    /// Snowball would strip everything (the Arabic stemmer on a lone vowel mark), the word
    /// stays as it is. Words longer than [`MAX_STEMMED_BYTES`] stay as they are too.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        if word.len() > MAX_STEMMED_BYTES {
            return Cow::Borrowed(word);
        }
        let stem = match &self.engine {
            Engine::Snowball(program) => program.stem(word),
            Engine::Light(stem) => stem(word),
        };
        if stem.is_empty() {
            Cow::Borrowed(word)
        } else {
            stem
        }
    }
}

impl Stem for Stemmer {
    fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        Stemmer::stem(self, word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalizer;

    fn lang(code: &str) -> Lang {
        code.parse().unwrap()
    }

    #[test]
    fn thirty_seven_stemmers() {
        // The 31 that Lang knew before, Basque, Irish, Malay, Bosnian and Southern Sotho,
        // which it knows since it has 129 languages, and Bengali's light stemmer.
        assert_eq!(Stemmer::languages().count(), 37);
        assert!(Stemmer::for_lang(Lang::UND).is_none());
        assert_eq!(
            Stemmer::for_lang(lang("hrv")).unwrap().algorithm(),
            "serbian"
        );
        assert!(
            Stemmer::for_lang(lang("pes")).is_none(),
            "no released Persian in Rust"
        );
    }

    #[test]
    fn codes_map_to_their_snowball_algorithm_or_a_neighbours() {
        let expected = [
            ("eus", "basque"),
            ("gle", "irish"),
            ("msa", "indonesian"),
            ("bos", "serbian"),
            ("sot", "sesotho"),
        ];
        for (code, name) in expected {
            assert_eq!(
                snowball::algorithm(code).map(|a| a.name),
                Some(name),
                "{code}"
            );
        }
    }

    /// docs/languages.md (the README's table) says what the code does.
    #[test]
    fn the_language_table_is_true() {
        let table = include_str!("../../docs/languages.md");
        let mut rows = 0;
        for line in table.lines().filter(|l| l.starts_with("| `")) {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let code = cells[1].trim_matches('`');
            let (stop, stemmer) = (cells[3], cells[4]);
            assert_eq!(stop != "–", stopwords::has_list(code), "{code}: stop words");
            match Stemmer::algorithm_for_code(code) {
                // A light stemmer's cell starts with its name ("arabic light10 (Larkey et
                // al.)"), a Snowball algorithm's is "Snowball" and its name.
                Some(name) if light_stemmer(code).is_some() => assert!(
                    stemmer.starts_with(&name.replace('-', " ")),
                    "{code}: {stemmer} is not {name}"
                ),
                Some(name) => assert_eq!(stemmer, format!("Snowball {name}"), "{code}"),
                None => assert_eq!(stemmer, "–", "{code}: no stemmer"),
            }
            rows += 1;
        }
        assert!(rows >= 120, "{rows} languages");
        // Every language Lang names has its row.
        for lang in Lang::all() {
            assert!(table.contains(&format!("| `{}` |", lang.code())), "{lang}");
        }
    }

    #[test]
    fn overlong_words_are_not_stemmed() {
        let stemmer = Stemmer::for_lang(lang("eng")).unwrap();
        let long = "connection".repeat(MAX_STEMMED_BYTES / 10 + 1);
        assert_eq!(stemmer.stem(&long), long.as_str());
        let fits = "connection".repeat(MAX_STEMMED_BYTES / 10);
        assert_eq!(
            stemmer.stem(&fits).len(),
            fits.len() - 3,
            "…connection → …connect"
        );
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
        let snowball = Stemmer::snowball(lang("ara")).unwrap();
        assert_eq!(snowball.stem("\u{64B}"), "\u{64B}");
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
