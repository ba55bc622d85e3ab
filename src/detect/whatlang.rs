//! whatlang in wordmill's detection: plain whatlang as the baseline detector
//! ([`Detector::whatlang_only`](super::Detector::whatlang_only)), and its vote on close calls
//! between languages it knows.

use super::{Detection, Detector};
use crate::{Lang, Script};

/// Nats within which the model's best candidates are a close call that whatlang may vote on.
pub(crate) const VOTE_MARGIN: f32 = 5.0;
/// whatlang's vote, in nats, at full confidence.
pub(crate) const VOTE_WEIGHT: f32 = 5.0;
/// The most text whatlang is given to vote on.
pub(crate) const VOTE_BYTES: usize = 384;

/// whatlang's choice among `close` (at least two languages it knows) on `sample`, with its
/// confidence; `None` when it knows fewer than two of them or has no answer.
pub(crate) fn vote(close: &[Lang], sample: &str) -> Option<(Lang, f64)> {
    let known: Vec<whatlang::Lang> = close.iter().filter_map(|l| l.whatlang()).collect();
    if known.len() < 2 || sample.is_empty() {
        return None;
    }
    let info = whatlang::Detector::with_allowlist(known).detect(sample)?;
    Some((Lang::from(info.lang()), info.confidence()))
}

/// The script whatlang calls `script`, as wordmill names it (whatlang says `Mandarin` for
/// Han).
fn script_from_whatlang(script: whatlang::Script) -> Script {
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

impl Detector {
    /// whatlang alone on the whole text: the baseline.
    pub(super) fn whatlang_detect(&self, text: &str) -> Detection {
        let letters = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .take(self.min_letters)
            .count();
        let found = if letters >= self.min_letters {
            self.whatlang_engine()
                .detect(text)
                .filter(|info| self.is_allowed(Lang::from(info.lang())))
        } else {
            None
        };
        let detection = match found {
            Some(info) => Detection {
                lang: Lang::from(info.lang()),
                script: Some(script_from_whatlang(info.script())),
                confidence: info.confidence(),
                reliable: info.is_reliable(),
            },
            None => Detection {
                script: whatlang::detect_script(text).map(script_from_whatlang),
                ..Detection::UNDETERMINED
            },
        };
        self.or_fallback(detection)
    }

    /// whatlang restricted to the allowed languages it knows.
    fn whatlang_engine(&self) -> whatlang::Detector {
        let known: Vec<whatlang::Lang> =
            self.allowed().iter().filter_map(|l| l.whatlang()).collect();
        if self.allowed().is_empty() {
            whatlang::Detector::new()
        } else if known.is_empty() {
            // No allowed language is whatlang's: it can answer nothing allowed.
            whatlang::Detector::with_denylist(whatlang::Lang::all().to_vec())
        } else {
            whatlang::Detector::with_allowlist(known)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whatlang_scripts_have_their_names() {
        for &s in whatlang::Script::all() {
            if s != whatlang::Script::Mandarin {
                assert_eq!(script_from_whatlang(s).name(), s.name());
            }
        }
        assert_eq!(
            script_from_whatlang(whatlang::Script::Mandarin),
            Script::Han
        );
    }

    #[test]
    fn votes_only_between_languages_it_knows() {
        let l = |c: &str| c.parse::<Lang>().unwrap();
        let text = "Regjeringen la fram et nytt forslag i går.";
        assert!(vote(&[l("nob"), l("dan")], text).is_some());
        assert_eq!(vote(&[l("nob"), l("nno")], text), None);
        assert_eq!(vote(&[l("nob"), l("dan")], ""), None);
    }
}
