//! Language detection, with whatlang as the engine.
//!
//! ```
//! use wordmill::detect::Detector;
//!
//! let detector = Detector::new();
//! let found = detector.detect("Oman and Russia discussed the situation in Iran.");
//! assert_eq!(found.lang.code(), "eng");
//! assert_eq!(found.script.map(|s| s.name()), Some("Latin"));
//!
//! // Too little text is undetermined, not a guess.
//! assert!(detector.detect("ok").lang.is_undetermined());
//! ```

use serde::{Deserialize, Serialize};

use crate::{Lang, Script};

/// What detection found out about a text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Detection {
    /// The language, or [`Lang::UND`] when the text is too short or no language is allowed.
    pub lang: Lang,
    /// The text's main script, when it has letters.
    pub script: Option<Script>,
    /// whatlang's confidence, from 0 to 1 (0 when undetermined).
    pub confidence: f64,
    /// whatlang's own judgement that the answer can be relied on.
    pub reliable: bool,
}

impl Detection {
    /// Nothing detected.
    pub const UNDETERMINED: Detection = Detection {
        lang: Lang::UND,
        script: None,
        confidence: 0.0,
        reliable: false,
    };
}

/// Detects the language of a text.
#[derive(Clone, Debug)]
pub struct Detector {
    allowlist: Vec<Lang>,
    engine: whatlang::Detector,
    min_letters: usize,
}

impl Default for Detector {
    fn default() -> Self {
        Detector {
            allowlist: Vec::new(),
            engine: whatlang::Detector::new(),
            min_letters: 3,
        }
    }
}

impl Detector {
    /// A detector that considers every language.
    pub fn new() -> Detector {
        Detector::default()
    }

    /// Only these languages can be detected (an empty list allows all). Undetermined in the
    /// list is ignored.
    ///
    /// ```
    /// use wordmill::{detect::Detector, Lang};
    ///
    /// let allow: Vec<Lang> = ["eng", "ara"].iter().map(|c| c.parse().unwrap()).collect();
    /// let detector = Detector::new().allowlist(allow);
    /// // Without the list this German sentence is German; with it, the closest allowed language.
    /// assert_eq!(detector.detect("Die Minister trafen sich in Maskat.").lang.code(), "eng");
    /// ```
    pub fn allowlist(mut self, langs: impl IntoIterator<Item = Lang>) -> Detector {
        self.allowlist = langs.into_iter().filter(|l| !l.is_undetermined()).collect();
        self.allowlist.sort();
        self.allowlist.dedup();
        let whatlangs: Vec<whatlang::Lang> =
            self.allowlist.iter().filter_map(|l| l.whatlang()).collect();
        self.engine = if whatlangs.is_empty() {
            whatlang::Detector::new()
        } else {
            whatlang::Detector::with_allowlist(whatlangs)
        };
        self
    }

    /// Texts with fewer letters than this are undetermined (default 3).
    pub fn min_letters(mut self, n: usize) -> Detector {
        self.min_letters = n;
        self
    }

    /// The allowed languages; empty when every language is allowed.
    pub fn allowed(&self) -> &[Lang] {
        &self.allowlist
    }

    /// Detects the language of `text`.
    pub fn detect(&self, text: &str) -> Detection {
        let letters = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .take(self.min_letters)
            .count();
        if letters == 0 || letters < self.min_letters {
            return Detection {
                script: whatlang::detect_script(text).map(Script::from),
                ..Detection::UNDETERMINED
            };
        }
        match self.engine.detect(text) {
            Some(info) => Detection {
                lang: Lang::from(info.lang()),
                script: Some(Script::from(info.script())),
                confidence: info.confidence(),
                reliable: info.is_reliable(),
            },
            None => Detection {
                script: whatlang::detect_script(text).map(Script::from),
                ..Detection::UNDETERMINED
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_and_arabic() {
        let d = Detector::new();
        assert_eq!(
            d.detect(
                "The meeting highlighted a mutual interest in building long-term cooperation."
            )
            .lang
            .code(),
            "eng"
        );
        let arabic = d.detect("أكد الجانبان خلال الجلسة على الرغبة الصادقة لقيادتي البلدين");
        assert_eq!(arabic.lang.code(), "ara");
        assert_eq!(arabic.script.unwrap().name(), "Arabic");
        assert!(arabic.confidence > 0.0);
    }

    #[test]
    fn empty_and_short_text_is_undetermined() {
        let d = Detector::new();
        for text in ["", "   ", "12 345", "!!", "ab"] {
            let found = d.detect(text);
            assert!(found.lang.is_undetermined(), "{text:?}");
            assert_eq!(found.confidence, 0.0);
            assert!(!found.reliable);
        }
    }

    #[test]
    fn allowlist_restricts_the_answer() {
        let eng: Lang = "eng".parse().unwrap();
        let d = Detector::new().allowlist([eng, Lang::UND]);
        assert_eq!(d.allowed(), [eng]);
        assert_eq!(
            d.detect("Der Vertrag wurde gestern unterzeichnet.").lang,
            eng
        );
        // No allowed language uses this script.
        assert!(
            d.detect("Переговоры прошли в Москве.")
                .lang
                .is_undetermined()
        );
    }
}
