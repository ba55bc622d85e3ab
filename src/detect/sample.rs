//! Bounded reading: prefixes that end between words, windows spread over a long text, and
//! the document language of a text longer than the sample budget. (Sentences:
//! `sentences.rs`.)

use std::ops::Range;

use super::chars::script_of_slot;
use super::model::Model;
use super::rules::{self, Cjk};
use super::runs::{self, RunScript};
use super::scores::{Look, Scores};
use super::spans::{Piece, Scratch, weighted_letters, with_scratch};
use super::{Detection, Detector};
use crate::{Lang, Script};

/// Windows a long run is sampled in.
pub(super) const WINDOWS: usize = 4;
/// The longest prefix of `text` of at most `max` bytes that ends between words (or at a
/// character boundary when one word is longer).
pub(super) fn prefix(text: &str, max: usize) -> &str {
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
pub(super) fn windows(text: &str, range: Range<usize>, budget: usize, out: &mut Vec<Range<usize>>) {
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

impl Detector {
    /// The document language of a text longer than the sample budget, from windows spread
    /// over it: one piece per script, in order of bytes, until one has a language. `None`
    /// when no piece has one and the windows held no word: they may have missed the words,
    /// which the caller then looks for.
    pub(super) fn detect_sampled(&self, text: &str) -> Option<Detection> {
        with_scratch(|scratch| {
            scratch.start();
            // A long text has words enough: the words the model knows decide, one lookup each.
            scratch.full_words = [0; 32];
            let mut seen = std::mem::take(&mut scratch.seen);
            seen.clear();
            let cjk = self.read_windows(text, scratch, &mut seen);
            // One piece per script: the document's language is that of the script with most
            // bytes, unless it has none, then of the next.
            seen.sort_by_key(|s| std::cmp::Reverse(s.bytes));
            let mut at = 0;
            for entry in &seen {
                if scratch
                    .pieces
                    .last()
                    .is_some_and(|p| !p.lang.is_undetermined())
                {
                    break;
                }
                let script = match entry.script {
                    // The most frequent of Han, hiragana and katakana, labelled or not.
                    RunScript::Cjk => cjk.main_script(),
                    single => single.script(),
                };
                let mut piece = Piece {
                    range: at..at + entry.bytes,
                    lang: Lang::UND,
                    script: Some(script),
                    confidence: 0.0,
                    letters: entry.letters,
                };
                at += entry.bytes;
                let letters = weighted_letters(entry.script, entry.letters);
                if letters >= self.min_letters
                    || self.names_its_language(entry.script, letters, cjk.kana() > 0)
                {
                    self.label_seen(entry, &cjk, &mut piece);
                }
                scratch.pieces.push(piece);
            }
            let wordless = seen.iter().all(|entry| entry.scores.words == 0);
            scratch.seen = seen;
            if wordless && scratch.pieces.iter().all(|p| p.lang.is_undetermined()) {
                return None;
            }
            if scratch.pieces.is_empty() {
                return Some(self.or_fallback(Detection::UNDETERMINED));
            }
            Some(self.finish(scratch))
        })
    }

    /// Reads the windows of a long text: per script, its bytes and letters, and the scores of
    /// a shared script until its language leads by far; the Han, kana and Hangul characters.
    fn read_windows(&self, text: &str, scratch: &mut Scratch, seen: &mut Vec<Seen>) -> Cjk {
        let model = Model::get();
        let mut cjk = Cjk::default();
        scratch.units.clear();
        windows(text, 0..text.len(), self.sample_bytes, &mut scratch.units);
        for w in 0..scratch.units.len() {
            let window = &text[scratch.units[w].clone()];
            runs::runs_into(window, &mut scratch.runs);
            for run in &scratch.runs.runs {
                let run_text = &window[run.start..run.end];
                let i = match seen.iter().position(|s| s.script == run.script) {
                    Some(i) => i,
                    None => {
                        seen.push(Seen::new(run.script));
                        seen.len() - 1
                    }
                };
                let entry = &mut seen[i];
                entry.bytes += run_text.len();
                entry.letters += run.letters;
                let RunScript::Single(slot) = run.script else {
                    cjk.add(run_text);
                    continue;
                };
                if script_of_slot(slot) == Some(Script::Hangul) {
                    cjk.add(run_text);
                }
                let group = self.group(slot);
                if group.langs.len() > 1 && !entry.decided {
                    let until = self.until(model, group);
                    let full = &mut scratch.full_words[usize::from(slot)];
                    entry.decided = entry.scores.read(
                        model,
                        run_text,
                        (Look::WordFirst, full),
                        Some(until),
                        &mut scratch.words,
                    );
                }
            }
        }
        cjk
    }

    /// Labels the piece of one script of a sampled text.
    fn label_seen(&self, entry: &Seen, cjk: &Cjk, piece: &mut Piece) {
        match entry.script {
            RunScript::Cjk => {
                if let Some((lang, script, confidence)) =
                    rules::label_cjk(cjk, cjk, |l| self.is_allowed(l))
                {
                    piece.script = Some(script);
                    self.set(piece, lang, confidence);
                }
            }
            RunScript::Single(slot) => {
                let group = self.group(slot);
                match group.langs.as_slice() {
                    [] => {}
                    &[only] => {
                        let confidence = if rules::script_langs(slot).len() == 1 {
                            rules::single_script_confidence(group.script)
                        } else {
                            1.0
                        };
                        self.set(piece, only, confidence);
                    }
                    _ => {
                        if let Some((best, confidence)) = self.decide(&entry.scores, group, None) {
                            self.set(piece, group.langs[best], confidence);
                        }
                    }
                }
            }
        }
    }
}

/// What the windows of a sampled text hold of one script.
pub(super) struct Seen {
    script: RunScript,
    bytes: usize,
    letters: usize,
    scores: Scores,
    /// Its language leads by far: no more reading.
    decided: bool,
}

impl Seen {
    fn new(script: RunScript) -> Seen {
        Seen {
            script,
            bytes: 0,
            letters: 0,
            scores: Scores::default(),
            decided: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn prefix_ends_between_words() {
        assert_eq!(prefix("one two three", 9), "one two");
        assert_eq!(prefix("abc", 9), "abc");
        assert_eq!(prefix("ééééé", 3), "é");
        assert_eq!(prefix("abc", 0), "");
    }
}
