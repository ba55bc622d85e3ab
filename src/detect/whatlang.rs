//! Plain whatlang as the baseline detector
//! ([`Detector::whatlang_only`](super::Detector::whatlang_only)), which the evaluation and the
//! benchmarks compare wordmill's detector with.
//!
//! whatlang is not part of wordmill's own detection. As a vote on close calls (when the
//! model's two best languages are within 5 nats and whatlang knows both, whatlang's choice
//! among them gets up to 5 nats), it was measured on the held-out lines (`examples/
//! detect_eval.rs` at commit 718aef6): +0.02, +0.02 and +0.05 points (sentence, 2 words,
//! 5 words) over lingua's 75 languages, +0.05, +0.11 and +0.22 over whatlang's 57, all of it
//! Croatian (+2.1, +8.4, +11.9) taken from Bosnian (−1.4, −4.9, −7.7) and from Serbian in
//! Latin letters (−3.5, −13.6, −10.8), the languages whatlang cannot name: a bias, not a
//! better judgement. Elsewhere its gains and losses cancel out.

use super::{Detection, Detector};
use crate::{Lang, Script};

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
            self.engine.detect(text).filter(|info| {
                self.is_allowed(Lang::from(info.lang())) && info.confidence() >= self.min_confidence
            })
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
}
