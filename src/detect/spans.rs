//! Labelling a text: each run of one script gets a language (by the script's rules or the
//! model), and sentences of another language than their run's become pieces of their own;
//! `settle` then turns the pieces into the text's spans and its document language.

use std::cell::RefCell;
use std::ops::Range;

use super::chars::{LATIN_SLOT, script_of_slot};
use super::lift_memo::WordScratch;
use super::model::Model;
use super::rules::{self, Cjk};
use super::runs::{self, Run, RunBuffers, RunScript};
use super::sample::{Seen, prefix, windows};
use super::scores::{Look, Scores, Until};
use super::sentences::{MIN_CJK_UNIT_BYTES, MIN_UNIT_BYTES, sentence_units};
use super::settle;
use super::{DEFAULT_MIN_LETTERS, Detection, Detector, Group, LanguageSpan};
use crate::{Lang, Script};

/// Nats by which the leader must be ahead for reading to stop: a lead of 40 nats is not
/// overturned in practice (measured on NTREX's held-out lines).
const STOP_NATS: f32 = 40.0;
/// The lead is checked every this many words.
const STOP_EVERY: u32 = 1;
/// Words a run's language is decided on, at most.
const MAX_WORDS: u32 = 128;
/// Words of each script per text read in full (n-grams and words); past them, a word the
/// model knows counts for itself only.
pub(super) const FULL_WORDS: u32 = 16;
/// Softens the evidence into a probability: the features of a word are not independent, and
/// naive Bayes is overconfident.
const TEMPERATURE: f32 = 4.0;
/// Nats by which a sentence's own evidence must favour another language than its run's to
/// become a span of that language.
const STICKINESS: f32 = 20.0;
/// Nats by which the words a sentence has that the model knows must favour another language
/// than its run's for the sentence to get a full look.
const CHEAP_BAR: f32 = 8.0;
/// The cheap look at a sentence stops when one language leads by this many nats: enough
/// to tell that the sentence is of its run's language (the bar for a full look is
/// `CHEAP_BAR`), at a quarter of the words that reading a run takes (`STOP_NATS`).
pub(super) const CHEAP_LEAD: f32 = 10.0;
/// Letters a sentence needs to be considered on its own.
const MIN_SENTENCE_LETTERS: u32 = 16;
/// A long run whose sampled windows hold no evidence is read from its start, as far as this
/// many samples (`Detector::sample_bytes` each).
const FALLBACK_SAMPLES: usize = 64;
/// Runs of a text that get a language identification of their own, at most.
const MAX_IDENTIFIED_RUNS: usize = 16;
/// Of a text of many runs, the identified runs read at most this many samples in all
/// (beside the largest run of each script, and the fallback read of a run whose windows
/// held no word).
pub(super) const READ_RUNS: usize = 4;
/// Texts with at most this many runs have all of them identified.
const FEW_RUNS: usize = 4;
/// Letters a run needs to be identified on its own when the text has many runs.
const MIN_RUN_LETTERS: usize = 16;
/// A run of a script several languages write with fewer letters than this, beside a larger
/// run of its own or a word of another script, may be a name or an acronym ("iPhone", "USA"
/// in a Russian sentence; the rules are in `runs_to_identify`): the model's guess at it
/// would be noise, so it takes its script's language from the text's other runs, or none.
const NAME_LETTERS: usize = 8;
/// Letters (as [`Detector::min_letters`] counts them) from which a script that names its
/// language decides below `min_letters`: two Greek letters, one kana or Hangul syllable.
const SCRIPT_DECIDES_LETTERS: usize = 2;
/// Confidence from which an answer is reliable.
pub(super) const RELIABLE: f64 = 0.9;
/// Letters from which an answer may be reliable.
pub(super) const RELIABLE_LETTERS: usize = 12;
/// Below this confidence a piece of text takes its script's language from surer pieces of
/// the same text, if any.
pub(super) const UNSURE: f64 = 0.5;

/// A labelled stretch of text, before neighbours are merged into spans.
#[derive(Clone, Debug)]
pub(super) struct Piece {
    pub(super) range: Range<usize>,
    pub(super) lang: Lang,
    pub(super) script: Option<Script>,
    pub(super) confidence: f64,
    pub(super) letters: usize,
}

/// Buffers reused across the texts one thread detects, so that a text costs no allocation
/// but its spans.
#[derive(Default)]
pub(super) struct Scratch {
    /// The words being read, and the memo of their lifts.
    pub(super) words: WordScratch,
    pub(super) runs: RunBuffers,
    chosen: Vec<bool>,
    pub(super) units: Vec<Range<usize>>,
    pub(super) pieces: Vec<Piece>,
    pub(super) scores: Scores,
    pub(super) unit_scores: Scores,
    /// Words each script (by slot) may still have read in full, in this text.
    pub(super) full_words: [u32; 32],
    /// Han, kana and Hangul characters of the text, counted when a Han run needs them.
    cjk: Option<Cjk>,
    /// What the windows of a long text hold, per script.
    pub(super) seen: Vec<Seen>,
    /// Per script family and language: bytes, and confidence times bytes (`inherit`).
    pub(super) families: Vec<(Script, Lang, usize, f64)>,
    /// Bytes of every piece per script family (`inherit`).
    pub(super) family_bytes: Vec<(Script, usize)>,
    /// The scripts of the pieces (`read_unsure_together`).
    pub(super) piece_scripts: Vec<Script>,
    /// Bytes per language (`document`).
    pub(super) bytes: Vec<(Lang, usize)>,
    /// Runs by decreasing letters, and the scripts seen (`runs_to_identify`).
    order: Vec<usize>,
    scripts_seen: Vec<RunScript>,
    /// Per script: letters in the text (weighted), the most of one run.
    script_letters: Vec<(RunScript, usize, usize)>,
}

impl Scratch {
    pub(super) fn start(&mut self) {
        self.pieces.clear();
        self.full_words = [FULL_WORDS; 32];
        self.cjk = None;
    }
}

/// Runs `f` with this thread's scratch buffers (fresh ones if they are in use).
pub(super) fn with_scratch<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
    thread_local! {
        static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut Scratch::default()),
    })
}

/// Letters of a run as [`Detector::min_letters`] counts them: Han, kana and Hangul count
/// twice.
pub(super) fn weighted_letters(script: RunScript, letters: usize) -> usize {
    match script {
        RunScript::Cjk => 2 * letters,
        RunScript::Single(slot) if script_of_slot(slot) == Some(Script::Hangul) => 2 * letters,
        RunScript::Single(_) => letters,
    }
}

impl Detector {
    /// The document's language; with `spans`, its spans there too (which it must find
    /// empty).
    pub(super) fn label(&self, text: &str, spans: Option<&mut Vec<LanguageSpan>>) -> Detection {
        with_scratch(|scratch| {
            scratch.start();
            let mut buffers = std::mem::take(&mut scratch.runs);
            runs::runs_into(text, &mut buffers);
            let runs = &buffers.runs;
            let mut chosen = std::mem::take(&mut scratch.chosen);
            self.runs_to_identify(text, runs, &mut chosen, scratch);
            for (run, &identify) in runs.iter().zip(&chosen) {
                self.label_run(text, runs, run, identify, spans.is_some(), scratch);
            }
            self.read_unsure_together(text, scratch);
            scratch.runs = buffers;
            scratch.chosen = chosen;
            if scratch.pieces.is_empty() {
                scratch.pieces.push(Piece {
                    range: 0..text.len(),
                    lang: Lang::UND,
                    script: None,
                    confidence: 0.0,
                    letters: 0,
                });
            }
            let detection = self.finish(scratch);
            if let Some(spans) = spans {
                settle::merge_spans(&scratch.pieces, spans);
            }
            detection
        })
    }

    /// Which runs get their own language identification: none when the whole text has fewer
    /// than `min_letters` letters (but those of a script that names its language); all when
    /// it has at most `FEW_RUNS` runs; else the largest of each script, and more by
    /// decreasing letters, up to `MAX_IDENTIFIED_RUNS` in all and `READ_RUNS` samples' worth
    /// of bytes, that have at least `MIN_RUN_LETTERS`. Either way, not the runs of fewer than
    /// `NAME_LETTERS` letters of a script several languages write that are names (see the
    /// comment in the code), nor one letter of a script that names its language among more letters
    /// of another script. The others (names, acronyms, symbols, and any runs beyond the
    /// budget) take their script's language from the identified runs. Runs of a script with
    /// one language need no model.
    fn runs_to_identify(
        &self,
        text: &str,
        runs: &[Run],
        chosen: &mut Vec<bool>,
        scratch: &mut Scratch,
    ) {
        chosen.clear();
        let letters: usize = runs
            .iter()
            .map(|r| weighted_letters(r.script, r.letters))
            .sum();
        if letters < self.min_letters {
            chosen.extend(runs.iter().map(|r| {
                let kana =
                    r.script == RunScript::Cjk && Cjk::count(&text[r.start..r.end]).kana() > 0;
                self.names_its_language(r.script, weighted_letters(r.script, r.letters), kana)
            }));
            return;
        }
        // Per script: its letters in the text (as `min_letters` counts them: a Han or Hangul
        // character is two), and the most of one run of it.
        let scripts = &mut scratch.script_letters;
        scripts.clear();
        for run in runs {
            let weighted = weighted_letters(run.script, run.letters);
            match scripts.iter_mut().find(|(s, _, _)| *s == run.script) {
                Some((_, total, most)) => {
                    *total += weighted;
                    *most = (*most).max(run.letters);
                }
                None => scripts.push((run.script, weighted, run.letters)),
            }
        }
        let scripts = &*scripts;
        // Runs not to identify, whose language would be noise:
        // - a name's worth of letters of a script several languages write (allowed or not),
        //   beside a larger run of its own ("Путин и" before "Trump": it takes the language
        //   of the rest); or in Latin letters, beside a word of another script ("iPhone" in a Russian sentence,
        //   "Daley" before a Persian verb: names, brands and acronyms are written in Latin
        //   letters in other scripts' text far more often than the other way round: a
        //   Persian word after "Fleetwood" is the text's evidence, not a name);
        // - one letter of a script that names its language among more letters of another
        //   script: a symbol ("β to 0.3") or a look-alike (Greek η typed for Ewe ŋ).
        let latin = RunScript::Single(LATIN_SLOT);
        let skip = |i: usize| {
            let run = &runs[i];
            let weighted = weighted_letters(run.script, run.letters);
            let (total, most) = scripts
                .iter()
                .find(|(s, _, _)| *s == run.script)
                .map_or((weighted, run.letters), |&(_, t, m)| (t, m));
            let others = || scripts.iter().filter(|(s, _, _)| *s != run.script);
            match run.script {
                // A script of several languages, whether the allow-list leaves it one or
                // more: `iPhone` in an Arabic sentence is a name with English alone allowed
                // too, not English.
                RunScript::Single(slot) if rules::script_langs(slot).len() > 1 => {
                    run.letters < NAME_LETTERS
                        && (most > run.letters
                            || (run.script == latin
                                && others().any(|&(_, t, _)| t >= DEFAULT_MIN_LETTERS)))
                }
                _ => weighted < SCRIPT_DECIDES_LETTERS && others().any(|&(_, t, _)| t > total),
            }
        };
        if runs.len() <= FEW_RUNS {
            chosen.extend((0..runs.len()).map(|i| !skip(i)));
            return;
        }
        chosen.resize(runs.len(), false);
        let order = &mut scratch.order;
        order.clear();
        order.extend(0..runs.len());
        order.sort_by_key(|&i| std::cmp::Reverse(runs[i].letters));
        let mut identified = 0;
        // Bytes the identified runs will read, at most.
        let mut read = 0;
        let scripts_seen = &mut scratch.scripts_seen;
        scripts_seen.clear();
        for &i in order.iter() {
            if skip(i) {
                continue;
            }
            let script = runs[i].script;
            // Every run of Han and kana is labelled on its own (by what cannot lie: a count
            // of its characters, bounded by the sample size), so that one with Japanese
            // sentences among Chinese ones, or the other way round, or Chinese forms beside
            // Japanese kana, gives its own (and the text's other runs do not take its
            // language); the text's language is then that of most bytes, with spans or
            // without (without, the text is at most `FALLBACK_SAMPLES` samples).
            let RunScript::Single(slot) = script else {
                chosen[i] = true;
                continue;
            };
            // Runs with a choice of languages to make.
            let shared = self.group(slot).langs.len() > 1;
            // The largest run of each script, so that its other runs have a language to take.
            let largest = !scripts_seen.contains(&script);
            if largest {
                scripts_seen.push(script);
            }
            let cost = (runs[i].end - runs[i].start).min(self.sample_bytes);
            let more = identified < MAX_IDENTIFIED_RUNS
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
    }

    /// Whether `letters` letters (as [`Detector::min_letters`] counts them) of `script`
    /// (with `kana` among them, for Han and kana) are labelled although the text has fewer
    /// letters than `min_letters`: those of a script that names its language
    /// ([`Detector::script_decides`]), from [`SCRIPT_DECIDES_LETTERS`] on (one Greek letter
    /// alone is as often a symbol: π, Ω), unless `min_letters` was set above its default (a
    /// user who asks for more letters gets it for every script).
    pub(super) fn names_its_language(&self, script: RunScript, letters: usize, kana: bool) -> bool {
        self.min_letters <= DEFAULT_MIN_LETTERS
            && letters >= SCRIPT_DECIDES_LETTERS.min(self.min_letters)
            && self.script_decides(script, kana)
    }

    /// Whether letters of `script` (with `kana` among them, for Han and kana) name their
    /// language however few they are: a script that writes one of wordmill's languages
    /// (Greek, Georgian, Hangul, Sinhala...), when it is allowed, or kana (Japanese). (A
    /// script that an allow-list leaves one language is not one of them: "ok" with English
    /// alone allowed is still too short to be English.)
    fn script_decides(&self, script: RunScript, kana: bool) -> bool {
        match script {
            RunScript::Cjk => kana && self.is_allowed(Lang::JPN),
            RunScript::Single(slot) => {
                rules::script_langs(slot).len() == 1 && self.group(slot).langs.len() == 1
            }
        }
    }

    /// The allowed languages of the script in `slot`.
    pub(super) fn group(&self, slot: u8) -> &Group {
        &self.groups[usize::from(slot)]
    }

    /// Labels one run of one script, pushing one piece, or several when sentences of another
    /// language stand out (with `spans`). A run not to `identify` is left undetermined.
    fn label_run(
        &self,
        text: &str,
        runs: &[Run],
        run: &Run,
        identify: bool,
        spans: bool,
        scratch: &mut Scratch,
    ) {
        let mut piece = Piece {
            range: run.start..run.end,
            lang: Lang::UND,
            script: Some(run.script.script()),
            confidence: 0.0,
            letters: run.letters,
        };
        // A run of Han and kana reports the most frequent of the three, labelled or not.
        let counts = matches!(run.script, RunScript::Cjk)
            .then(|| Cjk::count(prefix(&text[run.start..run.end], self.sample_bytes)));
        if let Some(counts) = &counts {
            piece.script = Some(counts.main_script());
        }
        if !identify {
            scratch.pieces.push(piece);
            return;
        }
        match run.script {
            RunScript::Cjk => {
                let counts = counts.unwrap_or_default();
                let budget = READ_RUNS.saturating_mul(self.sample_bytes);
                let in_text = *scratch
                    .cjk
                    .get_or_insert_with(|| cjk_of_text(text, runs, budget));
                if let Some((lang, script, confidence)) =
                    rules::label_cjk(&counts, &in_text, |l| self.is_allowed(l))
                {
                    piece.script = Some(script);
                    self.set(&mut piece, lang, confidence);
                }
                if spans && !piece.lang.is_undetermined() {
                    let (range, min) = (run.start..run.end, MIN_CJK_UNIT_BYTES);
                    sentence_units(text, range, min, &mut scratch.units);
                    if scratch.units.len() >= 2 {
                        self.split_cjk_sentences(text, piece, scratch);
                        return;
                    }
                }
                scratch.pieces.push(piece);
            }
            RunScript::Single(slot) => {
                let group = self.group(slot);
                match group.langs.as_slice() {
                    [] => scratch.pieces.push(piece),
                    &[only] => {
                        // The script's one allowed language: nothing to read.
                        let confidence = if rules::script_langs(slot).len() == 1 {
                            rules::single_script_confidence(group.script)
                        } else {
                            1.0
                        };
                        self.set(&mut piece, only, confidence);
                        scratch.pieces.push(piece);
                    }
                    _ => self.label_shared(text, slot, piece, spans, scratch),
                }
            }
        }
    }

    /// Gives `piece` a language, unless its confidence is under the minimum.
    pub(super) fn set(&self, piece: &mut Piece, lang: Lang, confidence: f64) {
        piece.confidence = confidence;
        if confidence >= self.min_confidence {
            piece.lang = lang;
        }
    }

    /// Labels a run of a script that several allowed languages share: the run's language from
    /// its first words, up to a clear lead; then (with `spans`) each sentence that its known
    /// words say is of another language gets a full look.
    fn label_shared(
        &self,
        text: &str,
        slot: u8,
        mut piece: Piece,
        spans: bool,
        scratch: &mut Scratch,
    ) {
        let model = Model::get();
        let group = self.group(slot);
        let range = piece.range.clone();
        scratch.units.clear();
        let sampled = range.len() > self.sample_bytes;
        if sampled {
            windows(text, range.clone(), self.sample_bytes, &mut scratch.units);
        } else {
            scratch.units.push(range.clone());
        }
        scratch.scores.clear();
        let until = self.until(model, group);
        let full = &mut scratch.full_words[usize::from(slot)];
        for unit in &scratch.units {
            let look = (Look::WordFirst, &mut *full);
            if scratch.scores.read(
                model,
                &text[unit.clone()],
                look,
                Some(until),
                &mut scratch.words,
            ) {
                break;
            }
        }
        if sampled && scratch.scores.words == 0 {
            // The windows held no word (a list of numbers, a long non-word): the words may be
            // elsewhere. Read the run from its start, until one language leads: as far as
            // `FALLBACK_SAMPLES` samples for the bounded cost of `detect`, the whole run for
            // `detect_spans`, which reads every sentence anyway (text after pages of numbers).
            scratch.scores.clear();
            let look = (Look::WordFirst, &mut *full);
            let start = if spans {
                &text[range.clone()]
            } else {
                self.fallback_prefix(&text[range.clone()])
            };
            scratch
                .scores
                .read(model, start, look, Some(until), &mut scratch.words);
        }
        let Some((mut best, mut confidence)) = self.decide(&scratch.scores, group, None) else {
            scratch.pieces.push(piece);
            return;
        };
        if spans {
            // Every sentence of the run, sampled or not: a passage in another language may be
            // anywhere (the cost of `detect_spans` grows with the text).
            sentence_units(text, range.clone(), MIN_UNIT_BYTES, &mut scratch.units);
        }
        // A run read whole, decided by its first words before its last third, may be read
        // again (a sampled run's windows are spread over it already).
        let decided_early =
            (scratch.scores.letters as usize).saturating_mul(3) < piece.letters.saturating_mul(2);
        if !sampled
            && decided_early
            && let Some(again) = self.reread(text, range, group, best, spans, scratch)
        {
            (best, confidence) = again;
        }
        self.set(&mut piece, group.langs[best], confidence);
        if !spans || piece.lang.is_undetermined() || scratch.units.len() < 2 {
            scratch.pieces.push(piece);
            return;
        }
        self.split_sentences(text, group, best, piece, scratch);
    }

    /// What is read of a text or run whose sampled windows held no word: its start, as far
    /// as `FALLBACK_SAMPLES` samples.
    pub(super) fn fallback_prefix<'t>(&self, text: &'t str) -> &'t str {
        prefix(text, FALLBACK_SAMPLES.saturating_mul(self.sample_bytes))
    }

    /// When reading a run of `group`'s script stops.
    pub(super) fn until<'g>(&self, model: &Model, group: &'g Group) -> Until<'g> {
        Until {
            candidates: &group.slots,
            lead: model.lift_units(STOP_NATS),
            every: STOP_EVERY,
            max_words: MAX_WORDS,
        }
    }

    /// Pushes the pieces of a run whose language is `group.langs[best]`: the sentences in
    /// `scratch.units` whose own evidence clearly says otherwise become pieces of their own.
    fn split_sentences(
        &self,
        text: &str,
        group: &Group,
        best: usize,
        piece: Piece,
        scratch: &mut Scratch,
    ) {
        let model = Model::get();
        let bar = model.lift_units(CHEAP_BAR);
        // Checked every 8 words: the lead over dozens of candidates costs as much as a word.
        let until = Until {
            every: 8,
            lead: model.lift_units(CHEAP_LEAD),
            ..self.until(model, group)
        };
        let run_slot = group.slots[best];
        let (scores, words) = (&mut scratch.unit_scores, &mut scratch.words);
        split_run(piece, &scratch.units, &mut scratch.pieces, |unit, piece| {
            let unit_text = &text[unit.clone()];
            // A cheap look first, at the words the model knows, until one language leads by
            // far: most sentences are of their run's language, and say so in a few words.
            scores.clear();
            let look = (Look::KnownWords, &mut 0);
            scores.read(model, unit_text, look, Some(until), words);
            let own = scores.units(run_slot);
            match scores.best_of_reading(&group.slots) {
                Some((leader, lead)) if lead >= until.lead => {
                    if leader == run_slot {
                        return None;
                    }
                }
                _ => {
                    if scores.letters < MIN_SENTENCE_LETTERS
                        || !group.slots.iter().any(|&s| scores.units(s) > own + bar)
                    {
                        return None;
                    }
                }
            }
            scores.clear();
            let look = (Look::Full, &mut 0);
            let whole = Until {
                lead: u32::MAX,
                ..until
            };
            scores.read(model, unit_text, look, Some(whole), words);
            if scores.letters < MIN_SENTENCE_LETTERS {
                return None;
            }
            let (other, confidence) = self.decide(scores, group, Some((best, STICKINESS)))?;
            (other != best && confidence >= self.min_confidence).then(|| Piece {
                range: unit.clone(),
                lang: group.langs[other],
                script: piece.script,
                confidence,
                letters: scores.letters as usize,
            })
        });
    }

    /// Pushes the pieces of a run of Han and kana whose language is `piece.lang`: the
    /// sentences in `scratch.units` that say otherwise by what cannot lie become pieces of
    /// their own. Hiragana make a sentence Japanese (katakana alone do not: a Japanese name
    /// in a Chinese sentence), Cantonese-only characters Cantonese (not in Japanese text), and in
    /// Japanese text a long sentence of Han alone is Chinese (Japanese writes kana in
    /// every sentence but the shortest: a heading, a list of names); other sentences are of
    /// the run's language (a Cantonese sentence need not have a character Mandarin lacks).
    fn split_cjk_sentences(&self, text: &str, piece: Piece, scratch: &mut Scratch) {
        split_run(piece, &scratch.units, &mut scratch.pieces, |unit, piece| {
            let counts = Cjk::count(&text[unit.clone()]);
            let (lang, script, confidence) = rules::label_cjk_sentence(&counts, piece.lang)?;
            let other = lang != piece.lang && self.is_allowed(lang);
            (other && confidence >= self.min_confidence).then(|| Piece {
                range: unit.clone(),
                lang,
                script: Some(script),
                confidence,
                letters: counts.han + counts.kana(),
            })
        });
    }

    /// The best of `group`'s languages (its position) and the confidence in it, from
    /// `scores`, the priors and an optional bonus for one language.
    pub(super) fn decide(
        &self,
        scores: &Scores,
        group: &Group,
        bonus: Option<(usize, f32)>,
    ) -> Option<(usize, f64)> {
        let n = group.langs.len();
        match n {
            0 => return None,
            1 => return Some((0, 1.0)),
            // No word read (digits, words longer than any language's): no evidence, where
            // the priors alone would name a language.
            _ if scores.words == 0 => return None,
            _ => {}
        }
        let scale = Model::get().scale();
        let mut nats = [0f32; Lang::COUNT];
        for (i, nat) in nats.iter_mut().enumerate().take(n) {
            *nat = scores.units(group.slots[i]) as f32 * scale + group.priors[i];
        }
        if let Some((i, extra)) = bonus {
            nats[i] += extra;
        }
        let nats = &nats[..n];
        let mut best = 0;
        for i in 1..n {
            if nats[i] > nats[best] {
                best = i;
            }
        }
        // Softmax; languages more than 40 nats behind add less than e^-10 each: nothing
        // measurable.
        let floor = nats[best] - 10.0 * TEMPERATURE;
        let total: f32 = nats
            .iter()
            .filter(|&&x| x > floor)
            .map(|&x| ((x - nats[best]) / TEMPERATURE).exp())
            .sum();
        Some((best, 1.0 / f64::from(total)))
    }
}

/// Han, kana and Hangul characters of the runs of those scripts in `text`, reading at most
/// `budget` bytes in all.
fn cjk_of_text(text: &str, runs: &[Run], budget: usize) -> Cjk {
    let mut counts = Cjk::default();
    let mut left = budget;
    for run in runs {
        let east_asian = match run.script {
            RunScript::Cjk => true,
            RunScript::Single(slot) => script_of_slot(slot) == Some(Script::Hangul),
        };
        if east_asian && left > 0 {
            let part = prefix(&text[run.start..run.end], left);
            left -= part.len().min(left);
            counts.add(part);
        }
    }
    counts
}

/// Pushes the pieces of the run `run`: those of its `units` (sentences) that `of_its_own`
/// gives a piece of their own (another language), and `run`'s own piece for the text
/// between them.
fn split_run(
    run: Piece,
    units: &[Range<usize>],
    pieces: &mut Vec<Piece>,
    mut of_its_own: impl FnMut(&Range<usize>, &Piece) -> Option<Piece>,
) {
    let mut at = run.range.start;
    for unit in units {
        let Some(own) = of_its_own(unit, &run) else {
            continue;
        };
        if unit.start > at {
            pieces.push(Piece {
                range: at..unit.start,
                ..run.clone()
            });
        }
        pieces.push(own);
        at = unit.end;
    }
    if at < run.range.end {
        pieces.push(Piece {
            range: at..run.range.end,
            ..run
        });
    }
}
