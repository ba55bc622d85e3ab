//! Language detection: whatlang as the engine, letters and function words as further
//! evidence, a bounded cost per document, and a language for every span of mixed text.
//!
//! ```
//! use wordmill::detect::Detector;
//!
//! let detector = Detector::new();
//! let found = detector.detect("Oman and Russia discussed the situation in Iran.");
//! assert_eq!(found.lang.code(), "eng");
//! assert_eq!(found.script.map(|s| s.name()), Some("Latin"));
//!
//! // Close languages: Danish and Norwegian Bokmål differ in a few words and letters.
//! assert_eq!(detector.detect("Regeringen har ikke offentliggjort nogen plan.").lang.code(), "dan");
//! assert_eq!(detector.detect("Regjeringen har ikke offentliggjort noen plan.").lang.code(), "nob");
//!
//! // Too little text is undetermined, not a guess.
//! assert!(detector.detect("ok").lang.is_undetermined());
//!
//! // Mixed text: a language per span, the document's being the one with most bytes.
//! let text = "قال الوزير إن المحادثات كانت مثمرة وبناءة. \"We are ready to work together.\"";
//! let (document, spans) = detector.detect_spans(text);
//! assert_eq!(document.lang.code(), "ara");
//! let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
//! assert_eq!(langs, ["ara", "eng"]);
//! assert_eq!(&text[spans[1].span.range()], "\"We are ready to work together.\"");
//! ```
//!
//! # How it decides
//!
//! 1. **Scripts.** The text is cut into runs of one script. A script with one language
//!    (Greek, Hangul, Thai, ...) names it; Han and kana go to whatlang, which tells Chinese
//!    from Japanese.
//! 2. **Evidence.** For the scripts whatlang shares between languages (Latin, Cyrillic,
//!    Arabic, Devanagari, Hebrew), each language's letters and function words score the run
//!    (naive Bayes on counts from news text; see `evidence.rs`). This is what separates
//!    Danish from Norwegian (`æ ø` and `af`, `nogen` against `av`, `noen`), Czech from Slovak
//!    (`ě ř ů` against `ä ľ ô`), Ukrainian from Russian (`і ї є` against `ы э`), or Persian
//!    and Urdu from Arabic (`پ چ گ ی ک`, `ے ں ٹ`).
//! 3. **Engine.** When the evidence leaves two or three languages within reach of each other,
//!    whatlang, restricted to those, compares them by trigrams; its choice gets a bonus
//!    proportional to its confidence. When no language is within reach of the leader, no vote
//!    could change the answer and whatlang is not asked: that is where most of the speed
//!    comes from.
//! 4. **Sentences.** Inside a run, a sentence whose own evidence beats the run's language by
//!    a wide margin becomes a span of its own language.
//!
//! # Cost
//!
//! Language identification reads at most [`Detector::sample_bytes`] bytes of each run
//! (default 1 KiB): longer runs are read in four windows spread over the run, so the cost of
//! a document does not grow with its length. Past its first 256 bytes, a run is read for its
//! short vocabulary words only, and a sentence gets a full look only when those suggest
//! another language. Of a text with many runs, the largest run of each script is identified,
//! and more (at most 16, reading at most four samples' worth of bytes); the others take their
//! script's language from those. [`Detector::detect`] also samples the
//! script scan and is bounded overall; [`Detector::detect_spans`] looks up every character's
//! script in a table to find the runs exactly.
//!
//! The model (about 0.9 MB of counts, built into the library) is parsed on first use, which
//! takes some tens of milliseconds.

mod evidence;
mod script;
#[cfg(test)]
mod train;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::lang::script_from_whatlang;
use crate::tokenize::Span;
use crate::{Error, Lang, Script};
use evidence::{Group, Model, Scores, Tally};
use script::{Run, RunScript};

/// What detection found out about a text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Detection {
    /// The language, or [`Lang::UND`] when the text is too short, no language is allowed or
    /// the evidence is too weak (and no fallback is set).
    pub lang: Lang,
    /// The text's main script, when it has letters.
    pub script: Option<Script>,
    /// How sure the detector is, from 0 to 1 (0 when undetermined or a fallback).
    pub confidence: f64,
    /// True when the answer can be relied on: enough text and a clear winner.
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

/// A stretch of a text in one language and script.
///
/// [`Detector::detect_spans`] returns spans that cover the text end to end, in order;
/// whitespace and punctuation between two spans belong to one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LanguageSpan {
    /// Byte range in the text.
    pub span: Span,
    /// Its language ([`Lang::UND`] when undetermined).
    pub lang: Lang,
    /// Its script, `None` for text without letters.
    pub script: Option<Script>,
}

/// Default for [`Detector::sample_bytes`].
const DEFAULT_SAMPLE_BYTES: usize = 1024;
/// Windows a long run is sampled in.
const WINDOWS: usize = 4;
/// The most text whatlang is given to compare candidates on.
const ENGINE_BYTES: usize = 384;
/// whatlang's vote, in nats of evidence, at full confidence.
const ENGINE_WEIGHT: f32 = 4.0;
/// Languages whatlang is asked to compare at most.
const SHORTLIST: usize = 3;
/// Nats by which a sentence's own evidence must favour another language than its run's to
/// become a span of that language.
const STICKINESS: f32 = 10.0;
/// Runs of a text that get a language identification of their own, at most.
const MAX_IDENTIFIED_RUNS: usize = 16;
/// Of a text of many runs, the identified runs read at most this many samples in all
/// (beside the largest run of each script).
const READ_RUNS: usize = 4;
/// Texts with at most this many runs have all of them identified.
const FEW_RUNS: usize = 4;
/// Letters a run needs to be identified on its own when the text has many runs.
const MIN_RUN_LETTERS: usize = 16;
/// Bytes of a script, per text, that get a full look at their letters, words and affixes;
/// the rest of the samples is read for its short vocabulary words only.
const FULL_EVIDENCE_BYTES: usize = 256;
/// Letters a sentence needs to be considered on its own.
const MIN_SENTENCE_LETTERS: u32 = 24;
/// Sentences shorter than this (bytes) are read together with the next one.
const MIN_UNIT_BYTES: usize = 40;
/// Softens the evidence into a probability: naive Bayes treats letters and words as
/// independent and is overconfident.
const TEMPERATURE: f32 = 2.0;
/// Confidence from which an answer is reliable.
const RELIABLE: f64 = 0.9;
/// Below this confidence a piece of text takes its script's language from surer pieces of
/// the same text, if any.
const UNSURE: f64 = 0.5;
/// Default for [`Detector::min_confidence`].
const DEFAULT_MIN_CONFIDENCE: f64 = 0.1;

/// Detects the language of a text, or of each part of a mixed text.
///
/// Configure it builder-style; every option has a default that suits news and web text.
#[derive(Clone, Debug)]
pub struct Detector {
    allowlist: Vec<Lang>,
    /// `allowed[lang.index()]`; all true when there is no allow-list.
    allowed: Vec<bool>,
    engine: whatlang::Detector,
    min_letters: usize,
    min_confidence: f64,
    fallback: Lang,
    sample_bytes: usize,
    whatlang_only: bool,
}

impl Default for Detector {
    fn default() -> Self {
        Detector {
            allowlist: Vec::new(),
            allowed: vec![true; Lang::COUNT],
            engine: whatlang::Detector::new(),
            min_letters: 3,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            fallback: Lang::UND,
            sample_bytes: DEFAULT_SAMPLE_BYTES,
            whatlang_only: false,
        }
    }
}

impl Detector {
    /// A detector that considers every language.
    pub fn new() -> Detector {
        Detector::default()
    }

    /// Plain whatlang on the whole text, as a baseline to compare with: no sampling, no
    /// further evidence, one span. The allow-list, minimum letters and fallback still apply.
    ///
    /// ```
    /// use wordmill::detect::Detector;
    ///
    /// let plain = Detector::whatlang_only();
    /// assert_eq!(plain.detect("The talks went on until late at night.").lang.code(), "eng");
    /// ```
    pub fn whatlang_only() -> Detector {
        Detector {
            whatlang_only: true,
            ..Detector::default()
        }
    }

    /// Only these languages can be detected (an empty list allows all). Undetermined in the
    /// list is ignored. Fewer candidates also make detection faster, and a script left with
    /// one allowed language needs no detection at all.
    ///
    /// ```
    /// use wordmill::{detect::Detector, Lang};
    ///
    /// let allow: Vec<Lang> = ["eng", "ara"].iter().map(|c| c.parse().unwrap()).collect();
    /// let detector = Detector::new().allowlist(allow);
    /// // Without the list this German sentence is German; with it, the only Latin-script
    /// // language allowed.
    /// assert_eq!(detector.detect("Die Minister trafen sich in Maskat.").lang.code(), "eng");
    /// ```
    pub fn allowlist(mut self, langs: impl IntoIterator<Item = Lang>) -> Detector {
        self.allowlist = langs.into_iter().filter(|l| !l.is_undetermined()).collect();
        self.allowlist.sort();
        self.allowlist.dedup();
        let whatlangs: Vec<whatlang::Lang> =
            self.allowlist.iter().filter_map(|l| l.whatlang()).collect();
        self.allowed = vec![whatlangs.is_empty(); Lang::COUNT];
        for lang in &self.allowlist {
            self.allowed[lang.index()] = true;
        }
        self.engine = if whatlangs.is_empty() {
            whatlang::Detector::new()
        } else {
            whatlang::Detector::with_allowlist(whatlangs)
        };
        self
    }

    /// Texts with fewer letters than this are undetermined (default 3; 0 is the same as 1:
    /// a text without letters has no language).
    pub fn min_letters(mut self, n: usize) -> Detector {
        self.min_letters = n.max(1);
        self
    }

    /// Answers less sure than this are undetermined (default 0.1, below which answers are
    /// right about one time in ten: names such as "Donald Trump" are no language in
    /// particular). 0 always answers when there are enough letters; 0.5 leaves many snippets
    /// of two or three words undetermined, whole sentences almost never; above 1, nothing is
    /// ever sure enough (every text takes the fallback).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`] for NaN.
    ///
    /// ```
    /// use wordmill::detect::Detector;
    ///
    /// let strict = Detector::new().min_confidence(0.5)?;
    /// assert!(Detector::new().min_confidence(f64::NAN).is_err());
    /// # Ok::<(), wordmill::Error>(())
    /// ```
    pub fn min_confidence(mut self, confidence: f64) -> Result<Detector, Error> {
        if confidence.is_nan() {
            return Err(Error::InvalidConfig(
                "the detector's minimum confidence must be a number, got NaN".into(),
            ));
        }
        self.min_confidence = confidence;
        Ok(self)
    }

    /// The language to report for text (and spans) that stay undetermined, so that the
    /// pipeline stems and filters them in that language (default: none, they stay `und`).
    /// A fallback answer has confidence 0 and is not reliable.
    ///
    /// ```
    /// use wordmill::{detect::Detector, Lang};
    ///
    /// let detector = Detector::new().fallback("eng".parse()?);
    /// let found = detector.detect("ok");
    /// assert_eq!(found.lang.code(), "eng");
    /// assert!(!found.reliable);
    /// # Ok::<(), wordmill::Error>(())
    /// ```
    pub fn fallback(mut self, lang: Lang) -> Detector {
        self.fallback = lang;
        self
    }

    /// The most bytes of one run of text that language identification reads (default 1024,
    /// at least 64). Longer runs are sampled in four windows spread over them. `usize::MAX`
    /// reads everything.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`] below 64 bytes: a sample must hold a few words.
    pub fn sample_bytes(mut self, bytes: usize) -> Result<Detector, Error> {
        if bytes < 64 {
            return Err(Error::InvalidConfig(format!(
                "the detector's sample must be at least 64 bytes, got {bytes}"
            )));
        }
        self.sample_bytes = bytes;
        Ok(self)
    }

    /// The allowed languages; empty when every language is allowed.
    pub fn allowed(&self) -> &[Lang] {
        &self.allowlist
    }

    fn is_allowed(&self, lang: whatlang::Lang) -> bool {
        self.allowed[Lang::from(lang).index()]
    }

    /// The language of `text` as a whole: the language of most of its bytes. Reads at most
    /// about [`sample_bytes`](Detector::sample_bytes) bytes, however long the text.
    pub fn detect(&self, text: &str) -> Detection {
        if self.whatlang_only {
            return self.whatlang_detect(text);
        }
        if text.len() <= self.sample_bytes {
            return self.detect_spans(text).0;
        }
        self.detect_sampled(text)
    }

    /// The language of each span of `text`, and of the text as a whole (the language of most
    /// bytes). Spans cover the text end to end; adjacent spans differ in language or script.
    ///
    /// ```
    /// use wordmill::detect::Detector;
    ///
    /// let text = "Der Minister sagte, die Gespräche seien gut verlaufen. \
    ///             The minister said that the talks had gone well.";
    /// let (document, spans) = Detector::new().detect_spans(text);
    /// let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    /// assert_eq!(langs, ["deu", "eng"]);
    /// assert_eq!(spans[0].span.start(), 0);
    /// assert_eq!(spans[1].span.end(), text.len());
    /// assert_eq!(document.lang.code(), "deu");
    /// ```
    pub fn detect_spans(&self, text: &str) -> (Detection, Vec<LanguageSpan>) {
        if text.is_empty() {
            return (Detection::UNDETERMINED, Vec::new());
        }
        if self.whatlang_only {
            let found = self.whatlang_detect(text);
            let span = LanguageSpan {
                span: Span::new(0, text.len()),
                lang: found.lang,
                script: found.script,
            };
            return (found, vec![span]);
        }
        let runs = script::runs(text);
        let mut pieces = Vec::with_capacity(runs.len());
        let mut scratch = Scratch::default();
        let chosen = self.runs_to_identify(&runs);
        let most = runs.iter().map(|r| r.letters).max().unwrap_or(0);
        for (run, identify) in runs.iter().zip(chosen) {
            // whatlang's vote is for the main run and runs of some length, not for a name
            // amid text of another script.
            scratch.engine = run.letters == most || run.letters >= MIN_RUN_LETTERS;
            self.label_run(text, run, identify, &mut pieces, &mut scratch);
        }
        if pieces.is_empty() {
            pieces.push(Piece {
                range: 0..text.len(),
                lang: Lang::UND,
                script: None,
                confidence: 0.0,
                letters: 0,
            });
        }
        self.inherit(&mut pieces);
        let detection = self.document(&pieces);
        let spans = self.spans(&pieces);
        (detection, spans)
    }

    /// whatlang alone on the whole text.
    fn whatlang_detect(&self, text: &str) -> Detection {
        let found = if self.enough_letters(text) {
            self.engine
                .detect(text)
                .filter(|info| self.is_allowed(info.lang()))
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

    fn enough_letters(&self, text: &str) -> bool {
        let letters = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .take(self.min_letters)
            .count();
        letters >= self.min_letters
    }

    fn or_fallback(&self, detection: Detection) -> Detection {
        if detection.lang.is_undetermined() && !self.fallback.is_undetermined() {
            Detection {
                lang: self.fallback,
                confidence: 0.0,
                reliable: false,
                ..detection
            }
        } else {
            detection
        }
    }

    /// Which runs get their own language identification: none when the whole text has fewer
    /// than `min_letters` letters; all when it has at most `FEW_RUNS` runs; else the largest
    /// of each script, and more by decreasing letters, up to `MAX_IDENTIFIED_RUNS` in all and
    /// `READ_RUNS` samples' worth of bytes, that have at least `MIN_RUN_LETTERS`. The others (names, acronyms, and any runs beyond
    /// the budget) take their script's language from the identified runs. Runs of a script
    /// with one language need no identification.
    fn runs_to_identify(&self, runs: &[Run]) -> Vec<bool> {
        let letters: usize = runs.iter().map(|r| r.letters).sum();
        if letters < self.min_letters {
            return vec![false; runs.len()];
        }
        if runs.len() <= FEW_RUNS {
            return vec![true; runs.len()];
        }
        let mut order: Vec<usize> = (0..runs.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(runs[i].letters));
        let mut chosen = vec![false; runs.len()];
        let mut identified = 0;
        // Bytes the identified runs will read, at most.
        let mut read = 0;
        let mut scripts_seen: Vec<RunScript> = Vec::new();
        for i in order {
            let script = runs[i].script;
            // Runs with a choice of languages to make.
            let shared = match script {
                RunScript::Cjk => true,
                RunScript::Single(script) => Model::get()
                    .group(script)
                    .is_some_and(|g| self.choices(g) > 1),
            };
            // The largest run of each script, so that its other runs have a language to take.
            let largest = !scripts_seen.contains(&script);
            if largest {
                scripts_seen.push(script);
            }
            // Chinese or Japanese is one question per text: its largest run answers it.
            let cost = (runs[i].end - runs[i].start).min(self.sample_bytes);
            let more = script != RunScript::Cjk
                && identified < MAX_IDENTIFIED_RUNS
                && runs[i].letters >= MIN_RUN_LETTERS
                && read + cost <= READ_RUNS.saturating_mul(self.sample_bytes);
            if !shared || largest || more {
                chosen[i] = true;
                if shared {
                    identified += 1;
                    read += cost;
                }
            }
        }
        chosen
    }

    /// Labels one run of one script, pushing one piece, or several when sentences of another
    /// language stand out. A run not to `identify` is left undetermined.
    fn label_run(
        &self,
        text: &str,
        run: &Run,
        identify: bool,
        pieces: &mut Vec<Piece>,
        scratch: &mut Scratch,
    ) {
        let range = run.start..run.end;
        let script = run.script.script();
        let mut piece = Piece {
            range: range.clone(),
            lang: Lang::UND,
            script: Some(script_from_whatlang(script)),
            confidence: 0.0,
            letters: run.letters,
        };
        if !identify {
            pieces.push(piece);
            return;
        }
        let model = Model::get();
        match run.script {
            RunScript::Cjk => {
                self.label_cjk(&mut piece, prefix(&text[range], ENGINE_BYTES));
                pieces.push(piece);
            }
            RunScript::Single(script) => match model.group(script) {
                Some(group) => self.label_shared(text, group, piece, pieces, scratch),
                None => {
                    self.label_only(&mut piece, script);
                    pieces.push(piece);
                }
            },
        }
    }

    /// Labels a run of a script that several languages share.
    fn label_shared(
        &self,
        text: &str,
        group: &Group,
        mut piece: Piece,
        pieces: &mut Vec<Piece>,
        scratch: &mut Scratch,
    ) {
        let candidates = self.candidates(group);
        match candidates.as_slice() {
            [] => {
                pieces.push(piece);
                return;
            }
            // One allowed language: nothing to read.
            [only] => {
                piece.lang = Lang::from(group.langs[*only]);
                piece.confidence = 1.0;
                pieces.push(piece);
                return;
            }
            _ => {}
        }
        let range = piece.range.clone();
        scratch.units.clear();
        let sampled = range.len() > self.sample_bytes;
        if sampled {
            windows(text, range.clone(), self.sample_bytes, &mut scratch.units);
        } else {
            sentence_units(text, range.clone(), &mut scratch.units);
        }
        let mut run_tally = Tally::new(group);
        let mut unit_tally = Tally::new(group);
        scratch.unit_scores.clear();
        // The first units of the script in the text get a full look, the rest a look at
        // their vocabulary words only.
        let full_slot = match scratch.full.iter().position(|(s, _)| *s == group.script) {
            Some(i) => i,
            None => {
                scratch.full.push((group.script, 0));
                scratch.full.len() - 1
            }
        };
        for unit in &scratch.units {
            let full_bytes = &mut scratch.full[full_slot].1;
            let full = *full_bytes < FULL_EVIDENCE_BYTES;
            if full {
                *full_bytes += unit.len();
            }
            unit_tally.clear();
            unit_tally.add(group, &text[unit.clone()], &mut scratch.buf, full);
            scratch
                .unit_scores
                .push((unit_tally.scores(group), unit_tally.letters, full));
            run_tally.merge(&unit_tally);
        }
        let sample = if sampled {
            scratch.sample.clear();
            for unit in &scratch.units {
                if scratch.sample.len() >= ENGINE_BYTES {
                    break;
                }
                scratch.sample.push_str(&text[unit.clone()]);
                scratch.sample.push(' ');
            }
            prefix(&scratch.sample, ENGINE_BYTES)
        } else {
            prefix(&text[range.clone()], ENGINE_BYTES)
        };
        let sample = if scratch.engine { sample } else { "" };
        let scores = run_tally.scores(group);
        let Some(slot) = self.label_by_evidence(&mut piece, group, &candidates, scores, sample)
        else {
            pieces.push(piece);
            return;
        };
        if scratch.units.len() < 2 || piece.lang.is_undetermined() {
            pieces.push(piece);
            return;
        }
        // Sentences (or windows) whose own evidence clearly says otherwise.
        let mut at = range.start;
        for (unit, &(mut unit_scores, letters, full)) in
            scratch.units.iter().zip(&scratch.unit_scores)
        {
            if letters < MIN_SENTENCE_LETTERS {
                continue;
            }
            // Only a language within whatlang's reach of beating the run's can win; on a
            // partial look, a lower bar says whether a full look is worth it.
            let reach = |scores: &Scores, bar: f32| {
                let bar = scores[slot] + bar - ENGINE_WEIGHT;
                candidates.iter().any(|&c| scores[c] > bar)
            };
            if !reach(
                &unit_scores,
                if full { STICKINESS } else { STICKINESS / 2.0 },
            ) {
                continue;
            }
            if !full {
                unit_tally.clear();
                unit_tally.add(group, &text[unit.clone()], &mut scratch.buf, true);
                unit_scores = unit_tally.scores(group);
                if !reach(&unit_scores, STICKINESS) {
                    continue;
                }
            }
            let unit_text = if scratch.engine {
                prefix(&text[unit.clone()], ENGINE_BYTES)
            } else {
                ""
            };
            let Some((other, unit_confidence)) = self.decide(
                group,
                &candidates,
                unit_scores,
                unit_text,
                Some((slot, STICKINESS)),
            ) else {
                continue;
            };
            if other == slot || unit_confidence < self.min_confidence {
                continue;
            }
            if unit.start > at {
                pieces.push(Piece {
                    range: at..unit.start,
                    ..piece.clone()
                });
            }
            pieces.push(Piece {
                range: unit.clone(),
                lang: Lang::from(group.langs[other]),
                script: piece.script,
                confidence: unit_confidence,
                letters: letters as usize,
            });
            at = unit.end;
        }
        if at < range.end {
            pieces.push(Piece {
                range: at..range.end,
                ..piece
            });
        }
    }

    /// The language of a script that has one, or one allowed.
    fn only_language(&self, script: whatlang::Script) -> Option<Lang> {
        match Model::get().group(script) {
            Some(group) => match self.candidates(group).as_slice() {
                [only] => Some(Lang::from(group.langs[*only])),
                _ => None,
            },
            None => script
                .langs()
                .first()
                .filter(|&&lang| self.is_allowed(lang))
                .map(|&lang| Lang::from(lang)),
        }
    }

    /// Labels a run of Han, kana or Hangul with whatlang's answer for `sample`, if allowed.
    fn label_cjk(&self, piece: &mut Piece, sample: &str) {
        // whatlang answers Japanese for Han text when Chinese is not allowed, even when
        // Japanese is not either.
        if let Some(info) = self.engine.detect(sample)
            && self.is_allowed(info.lang())
        {
            piece.lang = Lang::from(info.lang());
            piece.script = Some(script_from_whatlang(info.script()));
            piece.confidence = info.confidence();
        }
    }

    /// Labels a run whose script leaves no choice (see [`only_language`](Self::only_language)).
    fn label_only(&self, piece: &mut Piece, script: whatlang::Script) {
        if let Some(lang) = self.only_language(script) {
            piece.lang = lang;
            piece.confidence = 1.0;
        }
    }

    /// Labels a run of a shared script from the scores of its evidence (and whatlang's vote
    /// on `sample`, if any); the best slot, or `None` when no language can be decided.
    fn label_by_evidence(
        &self,
        piece: &mut Piece,
        group: &Group,
        candidates: &[usize],
        scores: Scores,
        sample: &str,
    ) -> Option<usize> {
        let (slot, confidence) = self.decide(group, candidates, scores, sample, None)?;
        piece.confidence = confidence;
        if confidence >= self.min_confidence {
            piece.lang = Lang::from(group.langs[slot]);
        }
        Some(slot)
    }

    /// How many of the group's languages are allowed.
    fn choices(&self, group: &Group) -> usize {
        group.langs.iter().filter(|&&l| self.is_allowed(l)).count()
    }

    /// The slots of the group's allowed languages.
    fn candidates(&self, group: &Group) -> Vec<usize> {
        (0..group.langs.len())
            .filter(|&slot| self.is_allowed(group.langs[slot]))
            .collect()
    }

    /// The best candidate and its confidence, from the evidence `scores`, whatlang's vote on
    /// `sample` when it could change the answer (none on an empty sample), and an optional
    /// bonus for one slot.
    fn decide(
        &self,
        group: &Group,
        candidates: &[usize],
        mut scores: Scores,
        sample: &str,
        bonus: Option<(usize, f32)>,
    ) -> Option<(usize, f64)> {
        match candidates {
            [] => return None,
            [only] => return Some((*only, 1.0)),
            _ => {}
        }
        if let Some((slot, nats)) = bonus {
            scores[slot] += nats;
        }
        // The leaders, best first.
        let mut leaders = [usize::MAX; SHORTLIST];
        for &slot in candidates {
            let mut carried = slot;
            for leader in leaders.iter_mut() {
                if *leader == usize::MAX {
                    *leader = carried;
                    break;
                }
                if scores[carried] > scores[*leader] {
                    std::mem::swap(leader, &mut carried);
                }
            }
        }
        let top = scores[leaders[0]];
        if !sample.is_empty() && scores[leaders[1]] > top - ENGINE_WEIGHT {
            let close: Vec<whatlang::Lang> = leaders
                .iter()
                .filter(|&&slot| slot != usize::MAX && scores[slot] > top - ENGINE_WEIGHT)
                .map(|&slot| group.langs[slot])
                .collect();
            if let Some(info) = whatlang::Detector::with_allowlist(close).detect(sample)
                && let Some(slot) = group.langs.iter().position(|&l| l == info.lang())
            {
                scores[slot] += ENGINE_WEIGHT * info.confidence() as f32;
            }
        }
        let best = *candidates
            .iter()
            .max_by(|&&a, &&b| scores[a].total_cmp(&scores[b]))?;
        // Softmax; languages far behind add nothing measurable.
        let total: f32 = candidates
            .iter()
            .map(|&slot| (scores[slot] - scores[best]) / TEMPERATURE)
            .filter(|&x| x > -20.0)
            .map(f32::exp)
            .sum();
        Some((best, 1.0 / total as f64))
    }

    /// Pieces left undetermined or unsure (a name, a few words) take the language their
    /// script has in the reliable pieces of the text, if any; the rest that stay
    /// undetermined take the fallback.
    fn inherit(&self, pieces: &mut [Piece]) {
        // Per script family and language: bytes, and confidence times bytes.
        let mut best: Vec<(Script, Lang, usize, f64)> = Vec::new();
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
            if let Some(script) = piece.script
                && let Some(&(_, lang, bytes, weighted)) = best
                    .iter()
                    .filter(|(s, _, _, _)| *s == family(script))
                    .max_by_key(|(_, _, bytes, _)| *bytes)
            {
                // Taken with the confidence of the pieces it is taken from.
                piece.lang = lang;
                piece.confidence = weighted / bytes.max(1) as f64;
            } else if piece.lang.is_undetermined() && !self.fallback.is_undetermined() {
                piece.lang = self.fallback;
                piece.confidence = 0.0;
            }
        }
    }

    /// The document's language: the one with most bytes among the pieces identified with
    /// confidence, or among all when none is.
    fn document(&self, pieces: &[Piece]) -> Detection {
        // Unsure pieces count only when no piece is sure.
        let sure = |p: &Piece| !p.lang.is_undetermined() && p.confidence >= UNSURE;
        let any_sure = pieces.iter().any(sure);
        let mut bytes: Vec<(Lang, usize)> = Vec::new();
        for piece in pieces.iter().filter(|p| !any_sure || sure(p)) {
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
        for p in mine.clone() {
            weighted += p.confidence * p.range.len() as f64;
            total += p.range.len();
            letters += p.letters;
        }
        let confidence = weighted / total.max(1) as f64;
        Detection {
            lang,
            script: mine.max_by_key(|p| p.range.len()).and_then(|p| p.script),
            confidence,
            reliable: confidence >= RELIABLE && letters >= 12,
        }
    }

    /// The pieces as spans, neighbours of one language and script merged.
    fn spans(&self, pieces: &[Piece]) -> Vec<LanguageSpan> {
        let mut spans: Vec<LanguageSpan> = Vec::with_capacity(pieces.len());
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
        spans
    }

    /// The document language of a text longer than the sample budget, from windows spread
    /// over it.
    fn detect_sampled(&self, text: &str) -> Detection {
        /// What the windows hold of one script.
        struct Seen {
            script: RunScript,
            bytes: usize,
            letters: usize,
            /// Only where there is a choice to make.
            evidence: Option<(&'static Group, Tally)>,
            /// For whatlang.
            sample: String,
        }
        let mut units = Vec::new();
        windows(text, 0..text.len(), self.sample_bytes, &mut units);
        let model = Model::get();
        let mut seen: Vec<Seen> = Vec::new();
        let mut buf = String::new();
        for unit in &units {
            let window = &text[unit.clone()];
            for run in script::runs(window) {
                let index = match seen.iter().position(|s| s.script == run.script) {
                    Some(i) => i,
                    None => {
                        let evidence = match run.script {
                            RunScript::Single(s) => model
                                .group(s)
                                .filter(|g| self.choices(g) > 1)
                                .map(|g| (g, Tally::new(g))),
                            RunScript::Cjk => None,
                        };
                        seen.push(Seen {
                            script: run.script,
                            bytes: 0,
                            letters: 0,
                            evidence,
                            sample: String::new(),
                        });
                        seen.len() - 1
                    }
                };
                let entry = &mut seen[index];
                let run_text = &window[run.start..run.end];
                let full = entry.bytes < FULL_EVIDENCE_BYTES;
                entry.bytes += run_text.len();
                entry.letters += run.letters;
                if let Some((group, tally)) = &mut entry.evidence {
                    tally.add(group, run_text, &mut buf, full);
                }
                if entry.sample.len() < ENGINE_BYTES {
                    entry.sample.push_str(run_text);
                    entry.sample.push(' ');
                }
            }
        }
        // One piece per script: the document's language is that of the script with most
        // bytes, unless it has none, then of the next.
        seen.sort_by_key(|s| std::cmp::Reverse(s.bytes));
        let mut pieces: Vec<Piece> = Vec::new();
        let mut at = 0;
        for entry in &seen {
            if pieces.last().is_some_and(|p| !p.lang.is_undetermined()) {
                break;
            }
            let mut piece = Piece {
                range: at..at + entry.bytes,
                lang: Lang::UND,
                script: Some(script_from_whatlang(entry.script.script())),
                confidence: 0.0,
                letters: entry.letters,
            };
            at += entry.bytes;
            if entry.letters >= self.min_letters {
                let sample = prefix(&entry.sample, ENGINE_BYTES);
                match (entry.script, &entry.evidence) {
                    (RunScript::Cjk, _) => self.label_cjk(&mut piece, sample),
                    (_, Some((group, tally))) => {
                        let candidates = self.candidates(group);
                        let scores = tally.scores(group);
                        self.label_by_evidence(&mut piece, group, &candidates, scores, sample);
                    }
                    (RunScript::Single(s), None) => self.label_only(&mut piece, s),
                }
            }
            pieces.push(piece);
        }
        if pieces.is_empty() {
            return self.or_fallback(Detection::UNDETERMINED);
        }
        self.inherit(&mut pieces);
        self.document(&pieces)
    }
}

/// Han and kana are one family: a Japanese text reports kana or Han by what it has most of.
fn family(script: Script) -> Script {
    match script {
        Script::Hiragana | Script::Katakana => Script::Han,
        _ => script,
    }
}

/// A labelled stretch of text, before neighbours are merged into spans.
#[derive(Clone, Debug)]
struct Piece {
    range: Range<usize>,
    lang: Lang,
    script: Option<Script>,
    confidence: f64,
    letters: usize,
}

/// Buffers reused across the runs of one text.
#[derive(Default)]
struct Scratch {
    /// Whether whatlang may be asked about the current run.
    engine: bool,
    /// Bytes each script has had a full look at, so far in the text.
    full: Vec<(whatlang::Script, usize)>,
    units: Vec<Range<usize>>,
    /// Per unit: its evidence, its letters, and whether the evidence is a full look.
    unit_scores: Vec<(Scores, u32, bool)>,
    buf: String,
    sample: String,
}

/// The longest prefix of `text` of at most `max` bytes that ends between words (or at a
/// character boundary when one word is longer).
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let end = floor_boundary(text, max);
    match text[..end].rfind(char::is_whitespace) {
        Some(space) if space > 0 => &text[..space],
        _ => &text[..end],
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `WINDOWS` windows of about `budget / WINDOWS` bytes spread evenly over `range`, each
/// starting and ending between words when a space is near.
fn windows(text: &str, range: Range<usize>, budget: usize, out: &mut Vec<Range<usize>>) {
    let len = range.len();
    let width = (budget / WINDOWS).max(16);
    for i in 0..WINDOWS {
        let center = range.start + len * (2 * i + 1) / (2 * WINDOWS);
        let mut start = ceil_boundary(text, center.saturating_sub(width / 2).max(range.start));
        let mut end = floor_boundary(text, (start + width).min(range.end));
        // Whole words: move the start past the next space, the end back to the last one.
        let slack = width / 4;
        if start > range.start
            && let Some(space) = text[start..end].find(char::is_whitespace)
            && space < slack
        {
            start += space + 1;
            start = ceil_boundary(text, start);
        }
        if end < range.end
            && let Some(space) = text[start..end].rfind(char::is_whitespace)
            && end - (start + space) < slack
        {
            end = start + space;
        }
        if start < end
            && out
                .last()
                .is_none_or(|last: &Range<usize>| last.end <= start)
        {
            out.push(start..end);
        }
    }
}

/// Cuts `range` into sentences: after `.`, `!`, `?` and their equivalents in other scripts
/// followed by a space, and after line breaks. Sentences shorter than `MIN_UNIT_BYTES` are
/// read with the next one.
fn sentence_units(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = range.start;
    let mut after_stop = false;
    let mut cut = None;
    for (offset, c) in text[range.clone()].char_indices() {
        let i = range.start + offset;
        if let Some(at) = cut {
            if c.is_whitespace() {
                continue;
            }
            if at - start >= MIN_UNIT_BYTES {
                out.push(start..i);
                start = i;
            }
            cut = None;
        }
        if c == '\n' || (after_stop && c.is_whitespace()) {
            cut = Some(i);
        }
        after_stop = matches!(
            c,
            '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '۔' | '।' | '॥' | '"' | '»' | '”'
        ) && (after_stop || !matches!(c, '"' | '»' | '”'));
    }
    if start < range.end {
        match out.last_mut() {
            // A short tail joins the sentence before it.
            Some(last) if range.end - start < MIN_UNIT_BYTES && last.end == start => {
                last.end = range.end;
            }
            _ => out.push(start..range.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        code.parse().unwrap()
    }

    #[test]
    fn detects_english_and_arabic() {
        let d = Detector::new();
        let english = d
            .detect("The meeting highlighted a mutual interest in building long-term cooperation.");
        assert_eq!(english.lang.code(), "eng");
        assert!(english.reliable);
        let arabic = d.detect("أكد الجانبان خلال الجلسة على الرغبة الصادقة لقيادتي البلدين");
        assert_eq!(arabic.lang.code(), "ara");
        assert_eq!(arabic.script.unwrap().name(), "Arabic");
        assert!(arabic.confidence > 0.5);
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
        let eng = lang("eng");
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
        let d = Detector::new().allowlist([lang("ukr"), lang("rus")]);
        assert_eq!(d.detect("Переговоры прошли в Москве.").lang.code(), "rus");
        // whatlang itself would answer Japanese here.
        for d in [Detector::new(), Detector::whatlang_only()] {
            let d = d.allowlist([eng]);
            assert!(d.detect("東京で会議が開かれた").lang.is_undetermined());
            assert!(d.detect("北京举行了会议").lang.is_undetermined());
        }
    }

    #[test]
    fn close_languages() {
        let d = Detector::new();
        let cases = [
            (
                "dan",
                "Ministeren sagde, at regeringen ikke havde truffet nogen beslutning endnu.",
            ),
            (
                "nob",
                "Ministeren sa at regjeringen ikke hadde tatt noen beslutning ennå.",
            ),
            (
                "swe",
                "Ministern sade att regeringen ännu inte hade fattat något beslut.",
            ),
            (
                "spa",
                "El ministro dijo que el gobierno todavía no había tomado ninguna decisión.",
            ),
            (
                "cat",
                "El ministre va dir que el govern encara no havia pres cap decisió.",
            ),
            (
                "por",
                "O ministro disse que o governo ainda não tinha tomado nenhuma decisão.",
            ),
            (
                "rus",
                "Министр сказал, что правительство ещё не приняло никакого решения.",
            ),
            (
                "ukr",
                "Міністр сказав, що уряд ще не ухвалив жодного рішення.",
            ),
            (
                "bul",
                "Министърът каза, че правителството все още не е взело решение.",
            ),
            (
                "bel",
                "Міністр сказаў, што ўрад яшчэ не прыняў ніякага рашэння.",
            ),
            (
                "ces",
                "Ministr řekl, že vláda zatím nepřijala žádné rozhodnutí.",
            ),
            (
                "slk",
                "Minister povedal, že vláda zatiaľ neprijala žiadne rozhodnutie.",
            ),
            (
                "hrv",
                "Ministar je rekao da vlada još nije donijela nikakvu odluku.",
            ),
            (
                "ind",
                "Menteri mengatakan bahwa pemerintah belum mengambil keputusan apa pun.",
            ),
            ("ara", "قال الوزير إن الحكومة لم تتخذ أي قرار بعد."),
            ("pes", "وزیر گفت که دولت هنوز هیچ تصمیمی نگرفته است."),
            (
                "urd",
                "وزیر نے کہا کہ حکومت نے ابھی تک کوئی فیصلہ نہیں کیا ہے۔",
            ),
        ];
        for (code, text) in cases {
            assert_eq!(d.detect(text).lang.code(), code, "{text}");
        }
    }

    #[test]
    fn a_few_words() {
        let d = Detector::new();
        for (code, text) in [
            ("eng", "The president"),
            ("deu", "Die Regierung"),
            ("fra", "Le gouvernement"),
            ("ukr", "Україна і"),
            ("urd", "کہا ہے"),
        ] {
            assert_eq!(d.detect(text).lang.code(), code, "{text}");
        }
    }

    #[test]
    fn fallback_replaces_undetermined_only() {
        let d = Detector::new().fallback(lang("deu"));
        assert_eq!(d.detect("ok").lang.code(), "deu");
        assert_eq!(d.detect("12").lang.code(), "deu");
        assert_eq!(d.detect("The talks were long.").lang.code(), "eng");
        let (doc, spans) = d.detect_spans("?!");
        assert_eq!(doc.lang.code(), "deu");
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].lang.code(), "deu");
    }

    #[test]
    fn min_confidence_leaves_weak_answers_undetermined() {
        let strict = Detector::new().min_confidence(0.99).unwrap();
        assert!(strict.detect("Trump Tower").lang.is_undetermined());
        assert_eq!(
            strict
                .detect("The minister said that the talks with his counterpart had gone well.")
                .lang
                .code(),
            "eng"
        );
    }

    #[test]
    fn an_english_quote_in_an_arabic_article() {
        let text = "أكد وزير الخارجية أن العلاقات بين البلدين متينة، وقال: \
                    \"Our countries share a long history of friendship and trade.\" \
                    وأضاف أن الجانبين سيواصلان التشاور.";
        let (doc, spans) = Detector::new().detect_spans(text);
        assert_eq!(doc.lang.code(), "ara");
        let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
        assert_eq!(langs, ["ara", "eng", "ara"]);
        assert!(text[spans[1].span.range()].starts_with("\"Our countries"));
    }

    #[test]
    fn a_sentence_of_another_language_in_the_same_script() {
        let text = "Le ministre a rencontré son homologue à Mascate pour parler du commerce. \
                    The two ministers agreed to meet again next year in London. \
                    Les deux pays veulent renforcer leur coopération économique et culturelle.";
        let (doc, spans) = Detector::new().detect_spans(text);
        let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
        assert_eq!(langs, ["fra", "eng", "fra"]);
        assert_eq!(doc.lang.code(), "fra");
        assert!(text[spans[1].span.range()].starts_with("The two ministers"));
    }

    #[test]
    fn close_sentences_do_not_split_a_run() {
        // Norwegian with one sentence that could pass for Danish stays one span.
        let text = "Regjeringen la fram et nytt forslag i går. Det er ikke klart hva som skjer nå. \
                    Statsministeren sa at hun ville vente på svar fra Stortinget før hun bestemte seg.";
        let (_, spans) = Detector::new().detect_spans(text);
        assert_eq!(spans.len(), 1, "{spans:?}");
        assert_eq!(spans[0].lang.code(), "nob");
    }

    #[test]
    fn short_foreign_names_take_their_script_s_language() {
        let text = "قال Lavrov إن روسيا مستعدة. وقال الوزير: \"We welcome the proposal.\"";
        let (_, spans) = Detector::new().detect_spans(text);
        let latin: Vec<&str> = spans
            .iter()
            .filter(|s| s.script.map(|s| s.name()) == Some("Latin"))
            .map(|s| s.lang.code())
            .collect();
        assert_eq!(latin, ["eng", "eng"]);
    }

    #[test]
    fn every_script_of_a_text_of_many_runs_gets_its_language() {
        let parts = [
            "The minister said that the talks were good. ",
            "قال الوزير إن المحادثات كانت جيدة. ",
            "Министр сказал, что переговоры прошли хорошо. ",
        ];
        // Hundreds of runs: more than are identified one by one.
        let text: String = (0..300).map(|i| parts[i % 3]).collect();
        let (doc, spans) = Detector::new().detect_spans(&text);
        // Russian has the most bytes.
        assert_eq!(doc.lang.code(), "rus");
        for span in &spans {
            let expected = match span.script.map(|s| s.name()) {
                Some("Latin") => "eng",
                Some("Arabic") => "ara",
                _ => "rus",
            };
            assert_eq!(span.lang.code(), expected, "{span:?}");
        }
    }

    #[test]
    fn long_texts_are_sampled_and_agree() {
        let sentence = "The ministers discussed trade, energy and security in the region. ";
        let text = sentence.repeat(500);
        let d = Detector::new();
        let found = d.detect(&text);
        assert_eq!(found.lang.code(), "eng");
        assert!(found.reliable);
        let (doc, spans) = d.detect_spans(&text);
        assert_eq!(doc.lang.code(), "eng");
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].span, Span::new(0, text.len()));
    }

    #[test]
    fn sampling_spreads_over_the_text() {
        let text = "word ".repeat(1000);
        let mut out = Vec::new();
        windows(&text, 0..text.len(), 1024, &mut out);
        assert_eq!(out.len(), WINDOWS);
        for w in &out {
            assert!(w.len() <= 256 && w.len() > 200, "{w:?}");
            assert!(!text[w.clone()].starts_with(' ') && text[w.clone()].starts_with("word"));
        }
        assert!(out[0].start < text.len() / 4 && out[3].end > 3 * text.len() / 4);
    }

    #[test]
    fn sentences_are_cut_after_stops() {
        let first = "The first sentence is long enough to be read on its own, surely. ";
        let second = "The second is long enough to be a unit, too! ";
        let third = "Short. \"A quote long enough to count as one.\" ";
        let fourth = "A line\nbreak ends a sentence when what comes before is long enough.";
        let fifth = "This line after the break is a sentence of its own. End";
        let text = format!("{first}{second}{third}{fourth}\n{fifth}");
        let mut out = Vec::new();
        sentence_units(&text, 0..text.len(), &mut out);
        let parts: Vec<&str> = out.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(parts, [first, second, third, &format!("{fourth}\n"), fifth]);
    }

    #[test]
    fn whatlang_only_is_plain_whatlang() {
        let text = "Regjeringen la fram et nytt forslag i går.";
        let plain = Detector::whatlang_only().detect(text);
        assert_eq!(
            Some(plain.lang.whatlang().unwrap()),
            whatlang::detect_lang(text)
        );
        let (_, spans) = Detector::whatlang_only().detect_spans(text);
        assert_eq!(spans.len(), 1);
    }

    #[test]
    fn prefix_ends_between_words() {
        assert_eq!(prefix("one two three", 9), "one two");
        assert_eq!(prefix("abc", 9), "abc");
        assert_eq!(prefix("ééééé", 3), "é");
    }
}
