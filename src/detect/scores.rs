//! The scorer: the words of a text read against the [`model`](super::model), their lifts
//! summed per language, until one language leads by enough or the text ends.

use super::lift_memo::{Ngrams, WordScratch};
use super::model::{MAX_LANGS, Model};
use super::words::{pair_hash, word_hash, words_while};

/// The most words one [`Scores`] adds up: a word has at most `MAX_FEATURES` (79) features of
/// lifts of at most 255 and makes a pair with the word before it, so its sums stay below
/// 2^32 (65,536 × 80 × 255 < 1.4 × 10^9).
const MAX_SCORED_WORDS: u32 = 1 << 16;

/// How much of each word a reading looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Look {
    /// Every feature: the n-grams and the word.
    Full,
    /// A word the model knows counts for itself only (one lookup instead of about fifteen:
    /// its n-grams mostly repeat what it says); other words are read in full.
    WordFirst,
    /// Only words the model knows: a cheap look at a sentence, to see whether a full one
    /// is worth it.
    KnownWords,
}

/// When a reading stops: when the best of `candidates` leads the second by `lead` units
/// (checked every `every` words), or after `max_words` words.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Until<'a> {
    pub(crate) candidates: &'a [u8],
    pub(crate) lead: u32,
    pub(crate) every: u32,
    pub(crate) max_words: u32,
}

impl Until<'_> {
    /// Whether reading stops after `read` words that brought the scores to `scores`.
    ///
    /// From this reading's last check ([`Scores::last_check`]) the lead has grown by at most
    /// what any one language gained, so while that bound is short of `lead` the check (a pass
    /// over dozens of candidates, as dear as a word) is skipped with the same answer.
    #[inline]
    fn reached(&self, scores: &mut Scores, read: u32) -> bool {
        if read >= self.max_words {
            return true;
        }
        if !read.is_multiple_of(self.every.max(1)) {
            return false;
        }
        if let Some(Check { lead, gain, .. }) = scores.last_check
            && lead.saturating_add(scores.gain.wrapping_sub(gain)) < self.lead
        {
            debug_assert!(
                scores
                    .best(self.candidates)
                    .is_none_or(|(_, now)| now <= lead + scores.gain.wrapping_sub(gain)),
                "the lead outgrew its bound"
            );
            return false;
        }
        match scores.best(self.candidates) {
            Some((leader, lead)) => {
                scores.last_check = Some(Check {
                    leader: Some(leader),
                    lead,
                    gain: scores.gain,
                });
                lead >= self.lead
            }
            None => false,
        }
    }
}

/// A look at the lead of a reading's candidates.
#[derive(Clone, Copy, Debug)]
struct Check {
    /// The leader, `None` when not looked at (before the first word, all scores are 0).
    leader: Option<u8>,
    lead: u32,
    /// [`Scores::gain`] at the look.
    gain: u32,
}

/// Words whose lifts [`Scores::read`] loads at once when it looks at known words only.
const KNOWN_BATCH: usize = 8;

/// The summed lifts of a text, per model language.
#[derive(Clone, Debug)]
pub(crate) struct Scores {
    sum: [u32; MAX_LANGS],
    /// Words read.
    pub(crate) words: u32,
    /// Letters (characters of words) read.
    pub(crate) letters: u32,
    /// The sum, over every list of lifts added, of its largest lift (wrapping): no language's
    /// score grew by more between two readings of it, nor any lead.
    gain: u32,
    /// The last check of the lead of the candidates of the reading under way, or of the last
    /// one.
    last_check: Option<Check>,
}

impl Default for Scores {
    fn default() -> Self {
        Scores {
            sum: [0; MAX_LANGS],
            words: 0,
            letters: 0,
            gain: 0,
            last_check: None,
        }
    }
}

impl Scores {
    pub(crate) fn clear(&mut self) {
        *self = Scores::default();
    }

    /// Reads the words of `text`, the first `*full` of them with [`Look::Full`] (taking them
    /// off `*full`), the others with `look`, until `until` says stop or the text ends;
    /// returns true when it stopped early. Two words in a row both read in full also add
    /// their pair's lifts. `words` is scratch for the words and the memo of their lifts.
    pub(crate) fn read(
        &mut self,
        model: &Model,
        text: &str,
        (look, full): (Look, &mut u32),
        until: Option<Until<'_>>,
        words: &mut WordScratch,
    ) -> bool {
        if look == Look::KnownWords && *full == 0 {
            return self.read_known(model, text, until, words);
        }
        let mut stopped = false;
        let mut read = 0u32;
        let mut chars = std::mem::take(&mut words.chars);
        // The hash of the word before, when both it and this word are read in full: the pair
        // of the two is a feature too.
        let mut previous = None;
        self.last_check = self.known_lead();
        words_while(text, &mut chars, |word| {
            if self.words >= MAX_SCORED_WORDS {
                stopped = true;
                return false;
            }
            let look = if *full > 0 {
                *full -= 1;
                Look::Full
            } else {
                look
            };
            let hash = word_hash(word);
            let pair = previous
                .filter(|_| look == Look::Full)
                .map(|first| pair_hash(first, hash));
            if let Some(pair) = pair {
                // The pair's bucket loads while the word is added.
                model.prefetch(pair);
            }
            self.add_word(model, word, hash, look, words);
            if let Some(pair) = pair {
                self.add_entries(model.entries(pair));
            }
            previous = (look == Look::Full).then_some(hash);
            read += 1;
            stopped = until.is_some_and(|until| until.reached(self, read));
            !stopped
        });
        words.chars = chars;
        stopped
    }

    /// [`Scores::read`] with [`Look::KnownWords`] alone, [`KNOWN_BATCH`] words at a time:
    /// the words' hashes first, then the loads of all their lifts started together (a word
    /// the memo does not hold is a cache miss or two in the model), then the words added in
    /// order, with the checks of [`Scores::read`]. This is the look every sentence of a
    /// text gets in [`Detector::detect_spans`](super::Detector::detect_spans).
    fn read_known(
        &mut self,
        model: &Model,
        text: &str,
        until: Option<Until<'_>>,
        words: &mut WordScratch,
    ) -> bool {
        let mut batch = [(0u64, 0usize); KNOWN_BATCH];
        let mut n = 0;
        let mut read = 0u32;
        let mut stopped = false;
        let mut chars = std::mem::take(&mut words.chars);
        self.last_check = self.known_lead();
        words_while(text, &mut chars, |word| {
            batch[n] = (word_hash(word), word.len());
            n += 1;
            if n == KNOWN_BATCH {
                n = 0;
                stopped = self.add_known(model, &batch, &mut read, until, words);
            }
            !stopped
        });
        if !stopped && n > 0 {
            stopped = self.add_known(model, &batch[..n], &mut read, until, words);
        }
        words.chars = chars;
        stopped
    }

    /// Adds the own lifts of `batch`'s words (hash, characters) in order, counting them in
    /// `read`, until `until` says stop; returns true when it stopped.
    fn add_known(
        &mut self,
        model: &Model,
        batch: &[(u64, usize)],
        read: &mut u32,
        until: Option<Until<'_>>,
        memo: &mut WordScratch,
    ) -> bool {
        for &(hash, _) in batch {
            memo.prefetch_slot(model, hash);
        }
        for &(hash, chars) in batch {
            memo.prefetch(model, hash, chars);
        }
        for &(hash, chars) in batch {
            if self.words >= MAX_SCORED_WORDS {
                return true;
            }
            self.words += 1;
            self.letters = self.letters.saturating_add(chars as u32);
            memo.own_lifts(model, hash, chars, |lifts| self.add_lifts(lifts));
            *read += 1;
            if until.is_some_and(|until| until.reached(self, *read)) {
                return true;
            }
        }
        false
    }

    /// Adds the features of one word, whose [`word_hash`] is `hash`.
    #[inline]
    fn add_word(
        &mut self,
        model: &Model,
        word: &[char],
        hash: u64,
        look: Look,
        memo: &mut WordScratch,
    ) {
        self.words += 1;
        self.letters = self.letters.saturating_add(word.len() as u32);
        let ngrams = match look {
            Look::KnownWords => Ngrams::No,
            Look::WordFirst => Ngrams::IfUnknown,
            Look::Full => Ngrams::Yes,
        };
        memo.lifts(model, word, hash, ngrams, |lifts| {
            self.add_lifts(lifts.word);
            self.add_lifts(lifts.ngrams);
        });
    }

    /// The lead as [`Until::reached`] keeps it, when known without a look at the scores:
    /// none before the first word.
    fn known_lead(&self) -> Option<Check> {
        // Scores change only with a word read.
        (self.words == 0).then_some(Check {
            leader: None,
            lead: 0,
            gain: self.gain,
        })
    }

    /// [`best`](Self::best) of the candidates of the last reading's [`Until`]: what that
    /// reading last found, when no score changed since, else a new look.
    pub(crate) fn best_of_reading(&self, candidates: &[u8]) -> Option<(u8, u32)> {
        match self.last_check {
            // The gain is unchanged only when every lift added since was 0.
            Some(Check {
                leader: Some(leader),
                lead,
                gain,
            }) if gain == self.gain => {
                debug_assert_eq!(self.best(candidates), Some((leader, lead)));
                Some((leader, lead))
            }
            _ => self.best(candidates),
        }
    }

    /// The score of a model language, in lift units.
    #[inline]
    pub(crate) fn units(&self, slot: u8) -> u32 {
        self.sum[slot as usize]
    }

    /// The best of `candidates` and its lead over the second, in lift units; `None` for no
    /// candidates. Ties go to the earlier candidate.
    pub(crate) fn best(&self, candidates: &[u8]) -> Option<(u8, u32)> {
        let mut best: Option<(u8, u32)> = None;
        let mut second = 0u32;
        for &c in candidates {
            let s = self.units(c);
            match best {
                Some((_, b)) if s <= b => second = second.max(s),
                Some((_, b)) => {
                    second = b;
                    best = Some((c, s));
                }
                None => best = Some((c, s)),
            }
        }
        best.map(|(c, s)| (c, s - second.min(s)))
    }
}

impl Scores {
    /// Adds lifts (`language << 16 | lift`, see [`lift_memo`](super::lift_memo)), at most one
    /// per language; the largest goes to [`gain`](Scores::gain).
    #[inline]
    fn add_lifts(&mut self, lifts: &[u32]) {
        // A byte index into 256 sums needs no bounds check; the sums cannot overflow (see
        // `MAX_SCORED_WORDS`).
        let mut largest = 0;
        for &s in lifts {
            let slot = &mut self.sum[(s >> 16) as u8 as usize];
            *slot = slot.wrapping_add(s & 0xffff);
            largest = largest.max(s & 0xffff);
        }
        self.gain = self.gain.wrapping_add(largest);
    }

    /// Adds a feature's entries (language index, lift) as they are in the model, at most one
    /// per language; the largest lift goes to [`gain`](Scores::gain).
    #[inline]
    fn add_entries(&mut self, entries: &[u8]) {
        let mut largest = 0;
        for e in entries.chunks_exact(2) {
            let s = &mut self.sum[e[0] as usize];
            *s = s.wrapping_add(u32::from(e[1]));
            largest = largest.max(u32::from(e[1]));
        }
        self.gain = self.gain.wrapping_add(largest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_favour_the_language_of_the_text() {
        let model = Model::get();
        let slot = |code: &str| model.slot(code.parse().unwrap()).unwrap();
        let candidates = [slot("fra"), slot("spa"), slot("ita")];
        let mut scores = Scores::default();
        let text = "Il a dit que le gouvernement ne ferait rien.";
        scores.read(
            model,
            text,
            (Look::Full, &mut 0),
            None,
            &mut WordScratch::default(),
        );
        assert_eq!(scores.best(&candidates).map(|b| b.0), Some(slot("fra")));
        assert_eq!(scores.words, 9);
        // Stopping early reads fewer words and gives the same answer.
        let mut early = Scores::default();
        let until = Until {
            candidates: &candidates,
            lead: (10.0 / model.scale()) as u32,
            every: 1,
            max_words: 100,
        };
        assert!(early.read(
            model,
            text,
            (Look::WordFirst, &mut 100),
            Some(until),
            &mut WordScratch::default()
        ));
        assert!(early.words < scores.words);
        assert_eq!(early.best(&candidates).map(|b| b.0), Some(slot("fra")));
    }

    /// The scores of `text` summed feature by feature, without the memo.
    fn reference(model: &Model, text: &str, look: Look) -> [u32; MAX_LANGS] {
        let mut scores = Scores::default();
        let mut add = |hash| scores.add_entries(model.entries(hash));
        let mut previous = None;
        crate::detect::words::for_each_word(text, &mut Vec::new(), |word| {
            let known = !model.entries(word_hash(word)).is_empty();
            if look == Look::Full {
                if let Some(first) = previous {
                    add(pair_hash(first, word_hash(word)));
                }
                previous = Some(word_hash(word));
            }
            match look {
                Look::Full => crate::detect::words::word_features(word, |_, h| add(h)),
                Look::WordFirst if !known => {
                    crate::detect::words::ngram_features(word, |_, h| add(h))
                }
                Look::WordFirst | Look::KnownWords => add(word_hash(word)),
            }
        });
        scores.sum
    }

    #[test]
    fn the_memo_of_word_lifts_changes_no_score() {
        let model = Model::get();
        let texts = [
            "Il a dit que le gouvernement ne ferait rien, et le gouvernement a dit non.",
            "The government said that the government would do nothing at all.",
            "Правительство заявило, что правительство ничего не будет делать.",
            "قالت الحكومة إن الحكومة لن تفعل شيئا",
            "Hükümet, hükümetin hiçbir şey yapmayacağını söyledi.",
            "ministerstvo ministerstva ministerstvu",
            // Longer than any language's words (64 letters): skipped, here and in the
            // reference.
            "pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcano",
        ];
        // Synthetic words enough to fill the memo and make it start again.
        let many: String = (0..40_000u32)
            .map(|i| {
                let word: String = i
                    .to_string()
                    .bytes()
                    .map(|d| char::from(b'a' + d - b'0'))
                    .collect();
                format!("{word}z ")
            })
            .collect();
        let mut warm = WordScratch::default();
        for round in 0..3 {
            for text in texts
                .iter()
                .copied()
                .chain((round == 1).then_some(many.as_str()))
            {
                for look in [Look::Full, Look::WordFirst, Look::KnownWords] {
                    let mut fresh = Scores::default();
                    fresh.read(
                        model,
                        text,
                        (look, &mut 0),
                        None,
                        &mut WordScratch::default(),
                    );
                    let mut again = Scores::default();
                    again.read(model, text, (look, &mut 0), None, &mut warm);
                    let expected = reference(model, text, look);
                    assert!(fresh.sum == expected, "{look:?}: {text:.40}");
                    assert!(again.sum == expected, "{look:?}, warm: {text:.40}");
                }
            }
        }
    }

    /// Known words read one after the other, each word's entries straight from the model:
    /// what [`Scores::read_known`] must come to, stop and counters included.
    fn known_words_one_by_one(
        scores: &mut Scores,
        model: &Model,
        text: &str,
        until: Option<Until<'_>>,
    ) -> bool {
        let (mut read, mut stopped) = (0, false);
        words_while(text, &mut Vec::new(), |word| {
            if scores.words >= MAX_SCORED_WORDS {
                stopped = true;
                return false;
            }
            scores.words += 1;
            scores.letters += word.len() as u32;
            scores.add_entries(model.entries(word_hash(word)));
            read += 1;
            // The rule as it reads, each check made.
            stopped = until.is_some_and(|until| {
                read >= until.max_words
                    || (read.is_multiple_of(until.every.max(1))
                        && scores
                            .best(until.candidates)
                            .is_some_and(|(_, lead)| lead >= until.lead))
            });
            !stopped
        });
        stopped
    }

    #[test]
    fn known_words_read_in_batches_stop_where_one_by_one_they_do() {
        let model = Model::get();
        let all: Vec<u8> = (0..model.languages() as u8).collect();
        let latin: Vec<u8> = ["eng", "fra", "deu", "spa"]
            .map(|c| model.slot(c.parse().unwrap()).unwrap())
            .to_vec();
        let text = "The government said on Monday that le gouvernement a dit lundi que die \
                    Regierung am Montag sagte, dass el gobierno dijo el lunes que nothing would \
                    change before the elections of next year in any of the countries.";
        // One memo, warm after the first reading; and scores that start a few words short of
        // the most they add up.
        let mut warm = WordScratch::default();
        for already in [0, MAX_SCORED_WORDS - 3] {
            for candidates in [&all, &latin] {
                for every in [1, 3, 8, 9] {
                    for max_words in [1, 7, 8, 17, 1000] {
                        for lead in [0, 100, 1000, u32::MAX] {
                            let until = Some(Until {
                                candidates,
                                lead,
                                every,
                                max_words,
                            });
                            let mut batched = Scores {
                                words: already,
                                ..Scores::default()
                            };
                            let mut each = batched.clone();
                            let look = (Look::KnownWords, &mut 0);
                            let stopped = batched.read(model, text, look, until, &mut warm);
                            let stopped_each =
                                known_words_one_by_one(&mut each, model, text, until);
                            assert_eq!(stopped, stopped_each, "{until:?}");
                            let counted = (batched.words, batched.letters);
                            assert_eq!(counted, (each.words, each.letters), "{until:?}");
                            assert!(batched.sum == each.sum, "{until:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn any_text_scores_without_panicking() {
        let model = Model::get();
        let long_word = "a".repeat(10_000);
        let marks = "\u{301}".repeat(500);
        let all: Vec<u8> = (0..model.languages() as u8).collect();
        for text in [
            "",
            " ",
            "\u{0}\u{FFFF}\u{10FFFF}",
            long_word.as_str(),
            marks.as_str(),
            "İİİ ǅ ﬃ ẞ Σ",
            "١٢٣ 123 ๑๒๓",
            "\u{200C}\u{200D}\u{FEFF}",
        ] {
            for look in [Look::Full, Look::WordFirst, Look::KnownWords] {
                let mut s = Scores::default();
                let until = Until {
                    candidates: &all,
                    lead: 1,
                    every: 1,
                    max_words: 3,
                };
                s.read(
                    model,
                    text,
                    (look, &mut 1),
                    Some(until),
                    &mut WordScratch::default(),
                );
                s.read(
                    model,
                    text,
                    (look, &mut 0),
                    None,
                    &mut WordScratch::default(),
                );
                let _ = s.best(&all);
                assert_eq!(s.best(&[]), None);
            }
        }
    }
}
