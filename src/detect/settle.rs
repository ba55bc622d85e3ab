//! Settling a labelled text: the pieces of a script too short to say their language alone are
//! read together, unsure pieces take their script's language from the rest of the text (or
//! none, for a name beside another script), and the pieces become the text's spans and its
//! document language.

use super::chars;
use super::model::Model;
use super::rules;
use super::scores::Look;
use super::spans::{Piece, RELIABLE, RELIABLE_LETTERS, Scratch, UNSURE};
use super::{Detection, Detector, LanguageSpan};
use crate::tokenize::Span;
use crate::{Lang, Script};

/// The sure pieces of a text decide its language when they hold at least this fraction
/// (one in nine) of its letters (see `Detector::document`).
const SURE_SHARE: usize = 9;

impl Detector {
    /// Reads together the pieces of a script other than Latin that several languages share,
    /// when none of them is sure of its language, and gives them all the language of their
    /// words together: runs cut short by names in Latin letters (`Президент Donald Trump
    /// заявил, что New York Times ошибается.` gave Bulgarian and undetermined pieces of
    /// Russian). Latin pieces are not read together when the text has another script: they
    /// are names there far more often than text (`Emmanuel Macron` and `Olaf Scholz` together
    /// would make a Hebrew sentence Welsh).
    pub(super) fn read_unsure_together(&self, text: &str, scratch: &mut Scratch) {
        // A text of fewer letters than `min_letters` stays undetermined (as its runs do).
        let letters: usize = scratch.pieces.iter().map(|p| p.letters).sum();
        if letters < self.min_letters {
            return;
        }
        let scripts = &mut scratch.piece_scripts;
        scripts.clear();
        for script in scratch.pieces.iter().filter_map(|p| p.script) {
            if !scripts.contains(&script) {
                scripts.push(script);
            }
        }
        for k in 0..scratch.piece_scripts.len() {
            let script = scratch.piece_scripts[k];
            // Latin pieces beside another script are names (see above); Han and kana are
            // labelled by their characters, not by the model.
            if matches!(
                script,
                Script::Latin | Script::Han | Script::Hiragana | Script::Katakana
            ) {
                continue;
            }
            let of_script = |p: &&Piece| p.script == Some(script);
            let sure = |p: &Piece| !p.lang.is_undetermined() && p.confidence >= UNSURE;
            let pieces = scratch.pieces.iter().filter(of_script);
            if pieces.clone().any(sure) || pieces.clone().count() < 2 {
                continue;
            }
            let slot = chars::slot(script);
            let group = self.group(slot);
            if group.langs.len() < 2 {
                continue;
            }
            let model = Model::get();
            let until = self.until(model, group);
            let full = &mut scratch.full_words[usize::from(slot)];
            scratch.scores.clear();
            for piece in pieces {
                let look = (Look::WordFirst, &mut *full);
                let piece_text = &text[piece.range.clone()];
                let words = &mut scratch.words;
                if scratch
                    .scores
                    .read(model, piece_text, look, Some(until), words)
                {
                    break;
                }
            }
            let Some((best, confidence)) = self.decide(&scratch.scores, group, None) else {
                continue;
            };
            if confidence < UNSURE.max(self.min_confidence) {
                continue;
            }
            for piece in scratch
                .pieces
                .iter_mut()
                .filter(|p| p.script == Some(script))
            {
                piece.lang = group.langs[best];
                piece.confidence = confidence;
            }
        }
    }

    /// The document's language, once the pieces are labelled: unsure pieces inherit, then
    /// the language of most bytes of the sure pieces (`document`).
    pub(super) fn finish(&self, scratch: &mut Scratch) -> Detection {
        self.inherit(
            &mut scratch.pieces,
            &mut scratch.families,
            &mut scratch.family_bytes,
        );
        self.document(&scratch.pieces, &mut scratch.bytes)
    }

    /// Pieces left undetermined or unsure (a name, a few words) take the language their
    /// script has in the surer pieces of the text, if any; else an unsure piece whose script
    /// has fewer bytes in the text than another script's sure pieces is undetermined (a name
    /// in another script's sentence); the rest that stay undetermined take the fallback.
    /// `best` and `family_bytes` are scratch.
    fn inherit(
        &self,
        pieces: &mut [Piece],
        best: &mut Vec<(Script, Lang, usize, f64)>,
        family_bytes: &mut Vec<(Script, usize)>,
    ) {
        family_bytes.clear();
        for piece in pieces.iter() {
            if let Some(script) = piece.script {
                let family = family(script);
                match family_bytes.iter_mut().find(|(s, _)| *s == family) {
                    Some(entry) => entry.1 += piece.range.len(),
                    None => family_bytes.push((family, piece.range.len())),
                }
            }
        }
        // Per script family and language: bytes, and confidence times bytes.
        best.clear();
        for piece in pieces.iter() {
            if let (Some(script), false) = (piece.script, piece.lang.is_undetermined())
                && piece.confidence >= UNSURE
            {
                let family = family(script);
                let bytes = piece.range.len();
                match best
                    .iter_mut()
                    .find(|(s, l, _, _)| *s == family && *l == piece.lang)
                {
                    Some(entry) => {
                        entry.2 += bytes;
                        entry.3 += piece.confidence * bytes as f64;
                    }
                    None => best.push((family, piece.lang, bytes, piece.confidence * bytes as f64)),
                }
            }
        }
        for piece in pieces.iter_mut() {
            if piece.confidence >= UNSURE && !piece.lang.is_undetermined() {
                continue;
            }
            // The language of the surer pieces of the same script; or, Serbian being written
            // in both alphabets, an unsure guess of Serbian or its neighbours at Latin letters
            // beside Cyrillic that is surely Serbian is Serbian ("Jutros je bilo hladno.
            // Јутрос је било хладно."), not a name.
            let serbian_latin = piece.script == Some(Script::Latin)
                && (piece.lang == Lang::SRP
                    || rules::LATIN_SERBIAN_NEIGHBOURS.contains(&piece.lang));
            let lender = piece.script.and_then(|script| {
                best.iter()
                    .filter(|(s, _, _, _)| *s == family(script))
                    .max_by_key(|(_, _, bytes, _)| *bytes)
                    .or_else(|| match serbian_latin {
                        true => best
                            .iter()
                            .find(|&&(s, l, _, _)| s == Script::Cyrillic && l == Lang::SRP),
                        false => None,
                    })
            });
            if let Some(&(_, lang, bytes, weighted)) = lender {
                // Taken with the confidence of the pieces it is taken from.
                piece.lang = lang;
                piece.confidence = weighted / bytes.max(1) as f64;
                continue;
            }
            // An unsure guess at Latin letters beside more text of another script that is
            // sure of its language is a name or an acronym ("Lloyds Pharmacy" in a Chinese
            // sentence was Polish at 0.48): no language is better than a wrong one, whose
            // stemmer would cut it. (A word of another script quoted in Latin text is a word
            // of its language more often: "the Ukrainian word дякую" keeps its guess.)
            let beside_surer = |script: Script| {
                if script != Script::Latin {
                    return false;
                }
                let family = family(script);
                let own = family_bytes
                    .iter()
                    .find(|(s, _)| *s == family)
                    .map_or(0, |(_, n)| *n);
                best.iter()
                    .any(|&(s, _, bytes, _)| s != family && bytes > own)
            };
            if piece.script.is_some_and(beside_surer) {
                piece.lang = Lang::UND;
                piece.confidence = 0.0;
            }
            if piece.lang.is_undetermined() && !self.fallback.is_undetermined() {
                piece.lang = self.fallback;
                piece.confidence = 0.0;
            }
        }
    }

    /// The document's language: the one with most bytes among the pieces told surely (at
    /// confidence [`UNSURE`] or more), or among all when none is, or when the sure ones hold
    /// less than a [`SURE_SHARE`]th of the text's letters. A sure sentence outweighs a
    /// longer list of names, which no language tells surely; a word of a script that names
    /// its language (a name in Hangul, `Seoul (서울)`) does not outweigh a long text of a
    /// language told less surely (Bosnian among its neighbours). `bytes` is scratch.
    fn document(&self, pieces: &[Piece], bytes: &mut Vec<(Lang, usize)>) -> Detection {
        let sure = |p: &Piece| !p.lang.is_undetermined() && p.confidence >= UNSURE;
        let (mut sure_letters, mut all_letters) = (0usize, 0usize);
        for piece in pieces.iter().filter(|p| !p.lang.is_undetermined()) {
            all_letters += piece.letters;
            sure_letters += if sure(piece) { piece.letters } else { 0 };
        }
        let sure_decide =
            sure_letters > 0 && sure_letters.saturating_mul(SURE_SHARE) >= all_letters;
        bytes.clear();
        for piece in pieces.iter().filter(|p| !sure_decide || sure(p)) {
            match bytes.iter_mut().find(|(l, _)| *l == piece.lang) {
                Some(entry) => entry.1 += piece.range.len(),
                None => bytes.push((piece.lang, piece.range.len())),
            }
        }
        let main_script = pieces
            .iter()
            .filter(|p| p.script.is_some())
            .max_by_key(|p| p.range.len())
            .and_then(|p| p.script);
        let Some(&(lang, _)) = bytes
            .iter()
            .filter(|(l, _)| !l.is_undetermined())
            .max_by_key(|(_, n)| *n)
        else {
            return Detection {
                script: main_script,
                ..Detection::UNDETERMINED
            };
        };
        let mine = pieces.iter().filter(|p| p.lang == lang);
        let (mut weighted, mut total, mut letters) = (0.0, 0usize, 0usize);
        let (mut least, mut most) = (1.0f64, 0.0f64);
        for p in mine.clone() {
            weighted += p.confidence * p.range.len() as f64;
            total += p.range.len();
            letters += p.letters;
            least = least.min(p.confidence);
            most = most.max(p.confidence);
        }
        // A mean lies between its values: the clamp takes off the rounding that made one
        // piece's 0.9 a document's 0.8999999999999999.
        let confidence = if total == 0 {
            0.0
        } else {
            // (max and min, not clamp: no panic whatever the values.)
            (weighted / total as f64).max(least).min(most)
        };
        Detection {
            lang,
            script: mine.max_by_key(|p| p.range.len()).and_then(|p| p.script),
            confidence,
            reliable: confidence >= RELIABLE && letters >= RELIABLE_LETTERS,
        }
    }
}

/// Han and kana are one family: a Japanese text reports kana or Han by what it has most of.
fn family(script: Script) -> Script {
    match script {
        Script::Hiragana | Script::Katakana => Script::Han,
        _ => script,
    }
}

/// Appends the pieces to `spans` (empty) as spans, neighbours of one language and script
/// merged.
pub(super) fn merge_spans(pieces: &[Piece], spans: &mut Vec<LanguageSpan>) {
    debug_assert!(spans.is_empty());
    for piece in pieces {
        match spans.last_mut() {
            Some(last) if last.lang == piece.lang && last.script == piece.script => {
                last.span = Span::new(last.span.start(), piece.range.end);
            }
            _ => spans.push(LanguageSpan {
                span: Span::new(piece.range.start, piece.range.end),
                lang: piece.lang,
                script: piece.script,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(range: std::ops::Range<usize>, code: &str, confidence: f64, letters: usize) -> Piece {
        Piece {
            range,
            lang: Lang::from_code(code).unwrap(),
            script: Some(Script::Latin),
            confidence,
            letters,
        }
    }

    fn document(pieces: &[Piece]) -> &'static str {
        Detector::new()
            .document(pieces, &mut Vec::new())
            .lang
            .code()
    }

    #[test]
    fn sure_pieces_decide_unless_they_are_a_sliver_of_the_text() {
        // A sure sentence outweighs a longer piece of names that no language tells surely.
        let names = piece(0..119, "ita", 0.45, 95);
        assert_eq!(document(&[names, piece(119..150, "rus", 0.8, 15)]), "rus");
        // A sure name of two letters does not outweigh a long text told less surely.
        let bosnian = piece(0..138, "bos", 0.45, 110);
        assert_eq!(
            document(&[bosnian.clone(), piece(138..147, "kor", 1.0, 2)]),
            "bos"
        );
        // With no sure piece, most bytes.
        assert_eq!(document(&[bosnian, piece(138..160, "hrv", 0.4, 18)]), "bos");
    }
}
