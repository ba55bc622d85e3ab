//! [`Script`]: writing systems as Unicode and ISO 15924 name them.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use super::tables::scripts::Script;
use super::tables::scripts::{SCRIPT_BLOCKS, SCRIPT_INDEX, SCRIPTS};

impl Script {
    /// The script's name as Unicode gives it (its ISO 15924 property value alias): `"Latin"`,
    /// `"Han"`, `"Arabic"`, `"Canadian_Aboriginal"`.
    ///
    /// ```
    /// use wordmill::Script;
    ///
    /// assert_eq!(Script::Han.name(), "Han");
    /// assert_eq!(Script::Han.code(), "Hani");
    /// assert_eq!(Script::from_name("hani"), Some(Script::Han));
    /// assert_eq!(Script::of('語'), Some(Script::Han));
    /// assert_eq!(Script::of('ع'), Some(Script::Arabic));
    /// assert_eq!(Script::of('1'), None); // digits and punctuation are common to all
    /// ```
    pub fn name(self) -> &'static str {
        SCRIPTS[self as usize].1
    }

    /// The script's four-letter ISO 15924 code: `"Latn"`, `"Hani"`, `"Arab"`.
    pub fn code(self) -> &'static str {
        SCRIPTS[self as usize].2
    }

    /// The script with this name or ISO 15924 code, case-insensitive. Han in its simplified
    /// and traditional forms (`Hans`, `Hant`) is Han; `"Mandarin"`, the name earlier versions
    /// of wordmill gave Han, is read as Han too. The codes of several scripts together (`Jpan`
    /// for Han and kana, `Kore` for Hangul and Han) and of none (`Zyyy`, `Zinh`, `Zzzz`) name
    /// no one script: `None`.
    ///
    /// ```
    /// use wordmill::Script;
    ///
    /// assert_eq!(Script::from_name("Hant"), Some(Script::Han));
    /// assert_eq!(Script::from_name("cyrillic"), Some(Script::Cyrillic));
    /// assert_eq!(Script::from_name("Jpan"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Script> {
        let name = name.trim();
        if ["Mandarin", "Hans", "Hant"]
            .iter()
            .any(|alias| alias.eq_ignore_ascii_case(name))
        {
            return Some(Script::Han);
        }
        SCRIPTS
            .iter()
            .find(|(_, long, code)| {
                long.eq_ignore_ascii_case(name) || code.eq_ignore_ascii_case(name)
            })
            .map(|(script, _, _)| *script)
    }

    /// Every script, in order of name.
    pub fn all() -> impl ExactSizeIterator<Item = Script> {
        SCRIPTS.iter().map(|(script, _, _)| *script)
    }

    /// The script of a character, `None` for the characters common to all scripts (digits,
    /// punctuation, symbols) and the combining marks of several (Unicode's Common and
    /// Inherited). A common character that Unicode lists for one script in particular (the
    /// Arabic tatweel and vowel marks) has that script.
    #[inline]
    pub fn of(c: char) -> Option<Script> {
        let cp = c as u32;
        let i = (cp >> 6) as usize;
        let block = SCRIPT_INDEX.get(i).map_or(0, |&b| usize::from(b));
        match SCRIPT_BLOCKS[(block << 6) | (cp & 63) as usize] {
            0 => None,
            n => Some(SCRIPTS[usize::from(n) - 1].0),
        }
    }
}

impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Serialized as its name (`"Han"`).
impl Serialize for Script {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Script {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Script::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown script {name:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_round_trip() {
        assert!(Script::all().len() > 150);
        for (i, script) in Script::all().enumerate() {
            assert_eq!(script as usize, i);
            assert_eq!(Script::from_name(script.name()), Some(script));
            assert_eq!(Script::from_name(script.code()), Some(script));
            assert_eq!(script.code().len(), 4);
        }
        assert_eq!(Script::from_name("Mandarin"), Some(Script::Han));
        assert_eq!(Script::from_name("Klingon"), None);
        assert_eq!(serde_json::to_string(&Script::Han).unwrap(), "\"Han\"");
        assert_eq!(
            serde_json::from_str::<Script>("\"Latn\"").unwrap(),
            Script::Latin
        );
    }

    #[test]
    fn scripts_of_letters() {
        for (c, script) in [
            ('a', Script::Latin),
            ('ø', Script::Latin),
            ('ж', Script::Cyrillic),
            ('ع', Script::Arabic),
            ('\u{064B}', Script::Arabic), // fathatan: Inherited, used with Arabic and Syriac
            ('ـ', Script::Arabic),        // tatweel: Common, used with Arabic and others
            ('क', Script::Devanagari),
            ('ि', Script::Devanagari),
            ('語', Script::Han),
            ('の', Script::Hiragana),
            ('カ', Script::Katakana),
            ('한', Script::Hangul),
            ('ཀ', Script::Tibetan),
            ('ހ', Script::Thaana),
            ('ⴰ', Script::Tifinagh),
            ('ᐁ', Script::CanadianAboriginal),
        ] {
            assert_eq!(Script::of(c), Some(script), "{c:?}");
        }
        // (The prolonged sound mark and the combining acute: used with several scripts.)
        for c in [' ', '1', '.', '«', '×', '€', '😀', '\u{0301}', 'ー'] {
            assert_eq!(Script::of(c), None, "{c:?}");
        }
    }
}
