//! Second readings of a run that its first words decided: its end looked at, to see whether
//! a foreign phrase at its start decided it (`Je ne sais quoi is what the critics said...`),
//! and the text around a quotation that its short lead-in introduces (`He said: "Nous
//! sommes prêts", and then he left.`), whose first words were the quotation's.

use std::ops::Range;

use super::model::Model;
use super::sample::prefix;
use super::scores::{Look, Until};
use super::sentences::quotation_end;
use super::spans::{CHEAP_LEAD, FULL_WORDS, Scratch};
use super::{Detector, Group};

/// Bytes at the end of a run that [`Detector::confirm`] reads, at most...
const TAIL_BYTES: usize = 32;
/// ...and known words.
const TAIL_WORDS: u32 = 4;
/// A lead-in to a quotation shorter than this says too little of its own language (`He
/// said: `, `Il a dit : `, `The minister told reporters: `).
const MAX_LEAD_IN_BYTES: usize = 40;

/// Runs of at most this many bytes that their first words decided get a look at their
/// end (`Detector::confirm`).
const CONFIRMED_BYTES: usize = 512;

impl Detector {
    /// The language of a run (`range`, whose sentences are `scratch.units` with `spans`)
    /// that its first words decided to be `group.langs[best]` before its last third, when a
    /// second reading says otherwise; `None` when none is needed. With spans, a run of
    /// several sentences is not read whole: its sentences of another language get their own
    /// spans ("The talks went well, he said. Der Minister sagte am Montag, ..." is an English
    /// and a German span, not one German one); but a short lead-in to a quotation (`He said:
    /// "Nous sommes prêts", and then he left.`) cannot say its own language, which is that
    /// of the text around the quotation, not of the quotation's first words that decided
    /// the run.
    pub(super) fn reread(
        &self,
        text: &str,
        range: Range<usize>,
        group: &Group,
        best: usize,
        spans: bool,
        scratch: &mut Scratch,
    ) -> Option<(usize, f64)> {
        if spans && starts_with_a_lead_in(text, &scratch.units) {
            self.read_around_quote(text, range.end, group, scratch)
        } else if (!spans || scratch.units.len() < 2) && range.len() <= CONFIRMED_BYTES {
            self.confirm(text, range, group, best, scratch)
        } else {
            None
        }
    }

    /// The language of a short run (one sentence, for spans) that its first words decided,
    /// before its last third, to be `group.langs[best]`, when the rest says otherwise: a
    /// foreign phrase or name at its start or in its middle ("Je ne sais quoi is what the
    /// critics said about the new restaurant...", "Die Zeit und Der Spiegel reported
    /// that...", `He said "Ich bin ein Berliner" in his famous speech.`) decides no more
    /// than its share. Its end (its last [`TAIL_BYTES`], at most its second half) gets the
    /// cheap look that sentences get; when that puts another language ahead of the run's by
    /// the cheap look's margin, the whole run is read and decides (`None`: it need not). The
    /// cost is that cheap look.
    fn confirm(
        &self,
        text: &str,
        range: Range<usize>,
        group: &Group,
        best: usize,
        scratch: &mut Scratch,
    ) -> Option<(usize, f64)> {
        let model = Model::get();
        // The end of the run, as far back as its middle, from a word's start: a sentence's
        // last words are its own language's more often than its first (a name, a title, a
        // quoted phrase).
        let mut tail = range.start + (range.len() / 2).max(range.len().saturating_sub(TAIL_BYTES));
        while !text.is_char_boundary(tail) {
            tail += 1;
        }
        if let Some(space) = text[tail..range.end].find(char::is_whitespace) {
            tail += space;
        }
        // Its first known words, looked at once: enough to see another language lead by the
        // cheap look's margin, when one does.
        let until = Until {
            every: TAIL_WORDS,
            max_words: TAIL_WORDS,
            lead: model.lift_units(CHEAP_LEAD),
            ..self.until(model, group)
        };
        let (scores, words) = (&mut scratch.unit_scores, &mut scratch.words);
        scores.clear();
        scores.read(
            model,
            &text[tail..range.end],
            (Look::KnownWords, &mut 0),
            Some(until),
            words,
        );
        // Another language ahead of the run's by the cheap look's margin: not necessarily
        // ahead of all the others (a sentence's last words are few, and common ones, "in",
        // "last", are words of many languages), since the whole read decides among them.
        let run_slot = group.slots[best];
        match scores.best_of_reading(&group.slots) {
            Some((leader, _))
                if leader != run_slot
                    && scores.units(leader)
                        >= scores.units(run_slot).saturating_add(until.lead) => {}
            _ => return None,
        }
        self.read_whole(&[&text[range]], group, scratch)
    }

    /// The language of a run that [`starts_with_a_lead_in`] (in `scratch.units`), ending at
    /// `end`: of its lead-in and what follows the quotation (as far as a sample), or, when
    /// nothing does or its closing mark is not found, of the whole run.
    fn read_around_quote(
        &self,
        text: &str,
        end: usize,
        group: &Group,
        scratch: &mut Scratch,
    ) -> Option<(usize, f64)> {
        let (lead, quotation) = (scratch.units[0].clone(), scratch.units[1].start);
        let parts = match quotation_end(text, quotation, end).filter(|&after| after < end) {
            Some(after) => [&text[lead], prefix(&text[after..end], self.sample_bytes)],
            None => [prefix(&text[lead.start..end], self.sample_bytes), ""],
        };
        self.read_whole(&parts, group, scratch)
    }

    /// The language of the texts of `parts` read to their end, as a run's first reading is
    /// (its first words in full) but with no stop at a lead.
    fn read_whole(
        &self,
        parts: &[&str],
        group: &Group,
        scratch: &mut Scratch,
    ) -> Option<(usize, f64)> {
        let model = Model::get();
        let (scores, words) = (&mut scratch.unit_scores, &mut scratch.words);
        scores.clear();
        let whole = Until {
            lead: u32::MAX,
            ..self.until(model, group)
        };
        let mut full = FULL_WORDS;
        for part in parts {
            scores.read(
                model,
                part,
                (Look::WordFirst, &mut full),
                Some(whole),
                words,
            );
        }
        self.decide(scores, group, None)
    }
}

/// Whether the first of a run's `units` only leads in to a quotation of its own unit: too
/// short to be a sentence (`He said: `, `Il a dit : `), it ends with the colon the
/// quotation was cut at.
fn starts_with_a_lead_in(text: &str, units: &[Range<usize>]) -> bool {
    match units {
        [first, _, ..] => {
            first.len() < MAX_LEAD_IN_BYTES && text[first.clone()].trim_end().ends_with([':', '：'])
        }
        _ => false,
    }
}
