//! Languages and scripts as wordmill names them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Error, Script};

/// A language, named by its ISO 639-3 code as [whatlang] spells it (`eng`, `ara`, `cmn`,
/// `pes`, ...), or undetermined ([`Lang::UND`], code `und`).
///
/// `Lang` is what detection returns and what every language-aware stage takes. It
/// serializes as its code.
///
/// ```
/// use wordmill::Lang;
///
/// let arabic: Lang = "ara".parse()?;
/// assert_eq!(arabic.code(), "ara");
/// assert_eq!(arabic.english_name(), "Arabic");
/// assert!(Lang::UND.is_undetermined());
/// assert!("xx".parse::<Lang>().is_err());
/// # Ok::<(), wordmill::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Lang(Option<whatlang::Lang>);

impl Lang {
    /// Undetermined: too little text, or no language could be told with confidence.
    pub const UND: Lang = Lang(None);

    /// The language with this ISO 639-3 code (`"eng"`, case-insensitive), `und` included.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        if code == "und" {
            return Some(Lang::UND);
        }
        whatlang::Lang::from_code(code).map(|l| Lang(Some(l)))
    }

    /// The ISO 639-3 code: `"eng"`, or `"und"` when undetermined.
    pub fn code(self) -> &'static str {
        self.0.map_or("und", |l| l.code())
    }

    /// The language's name in English (`"Undetermined"` for [`Lang::UND`]).
    pub fn english_name(self) -> &'static str {
        self.0.map_or("Undetermined", |l| l.eng_name())
    }

    /// True for [`Lang::UND`].
    pub fn is_undetermined(self) -> bool {
        self.0.is_none()
    }

    /// Every language wordmill can detect (whatlang's 70), not including `und`.
    pub fn all() -> impl ExactSizeIterator<Item = Lang> {
        whatlang::Lang::all().iter().map(|&l| Lang(Some(l)))
    }

    pub(crate) fn whatlang(self) -> Option<whatlang::Lang> {
        self.0
    }

    /// A dense index for per-language tables: 0 for `und`, then whatlang's order.
    pub(crate) fn index(self) -> usize {
        self.0.map_or(0, |l| l as usize + 1)
    }

    /// How many values [`Lang::index`] can take.
    pub(crate) const COUNT: usize = 1 + whatlang_lang_count();
}

const fn whatlang_lang_count() -> usize {
    // `Lang::all()` is not const; the last variant's discriminant is (a test checks it).
    whatlang::Lang::Cym as usize + 1
}

impl From<whatlang::Lang> for Lang {
    fn from(lang: whatlang::Lang) -> Self {
        Lang(Some(lang))
    }
}

impl FromStr for Lang {
    type Err = Error;

    fn from_str(code: &str) -> Result<Self, Error> {
        Lang::from_code(code).ok_or_else(|| Error::UnknownLanguage(code.to_owned()))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Ordered by code, so that maps keyed by language print alphabetically.
impl Ord for Lang {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code().cmp(other.code())
    }
}

impl PartialOrd for Lang {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Lang::from_code(&code).ok_or_else(|| {
            serde::de::Error::custom(format_args!("unknown ISO 639-3 language code {code:?}"))
        })
    }
}

/// The script whatlang calls `script`, as wordmill names it (whatlang says `Mandarin` for
/// Han).
pub(crate) fn script_from_whatlang(script: whatlang::Script) -> Script {
    use whatlang::Script as W;
    match script {
        W::Latin => Script::Latin,
        W::Cyrillic => Script::Cyrillic,
        W::Arabic => Script::Arabic,
        W::Devanagari => Script::Devanagari,
        W::Hiragana => Script::Hiragana,
        W::Katakana => Script::Katakana,
        W::Ethiopic => Script::Ethiopic,
        W::Hebrew => Script::Hebrew,
        W::Bengali => Script::Bengali,
        W::Georgian => Script::Georgian,
        W::Mandarin => Script::Han,
        W::Hangul => Script::Hangul,
        W::Greek => Script::Greek,
        W::Kannada => Script::Kannada,
        W::Tamil => Script::Tamil,
        W::Thai => Script::Thai,
        W::Gujarati => Script::Gujarati,
        W::Gurmukhi => Script::Gurmukhi,
        W::Telugu => Script::Telugu,
        W::Malayalam => Script::Malayalam,
        W::Oriya => Script::Oriya,
        W::Myanmar => Script::Myanmar,
        W::Sinhala => Script::Sinhala,
        W::Khmer => Script::Khmer,
        W::Armenian => Script::Armenian,
    }
}

/// The whatlang script of `script`, when whatlang has it.
pub(crate) fn script_to_whatlang(script: Script) -> Option<whatlang::Script> {
    whatlang::Script::all()
        .iter()
        .copied()
        .find(|&w| script_from_whatlang(w) == script)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_for_every_language() {
        for lang in Lang::all() {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert!(lang.index() > 0 && lang.index() < Lang::COUNT);
        }
        assert_eq!(Lang::all().len() + 1, Lang::COUNT);
        assert_eq!(Lang::from_code("und"), Some(Lang::UND));
        assert_eq!(Lang::from_code(" ENG "), Lang::from_code("eng"));
    }

    #[test]
    fn serializes_as_code() {
        let lang = Lang::from_code("ara").unwrap();
        assert_eq!(serde_json::to_string(&lang).unwrap(), "\"ara\"");
        assert_eq!(serde_json::from_str::<Lang>("\"und\"").unwrap(), Lang::UND);
        assert!(serde_json::from_str::<Lang>("\"zzz\"").is_err());
    }

    #[test]
    fn whatlang_scripts_have_their_names() {
        for &s in whatlang::Script::all() {
            let script = script_from_whatlang(s);
            assert_eq!(script_to_whatlang(script), Some(s));
            if s != whatlang::Script::Mandarin {
                assert_eq!(script.name(), s.name());
            }
        }
        assert_eq!(
            script_from_whatlang(whatlang::Script::Mandarin),
            Script::Han
        );
    }
}
