//! A per-thread memo of what the model says about each word it has read lately.
//!
//! Reading a word in full ([`Look::Full`](super::ngram::Look)) looks up its fifteen or so
//! n-grams in a table of megabytes: two cache misses each, and some four hundred lifts to add
//! for a Latin word, most of them small and for languages far behind. News repeats its words
//! (the hundred most common cover about half of a text's tokens), so the memo keeps, per
//! word, the sum of its n-grams' lifts per language (one short list, read in one go) and the
//! entries of the word itself (a slice of the model). A word read again costs one probe of a
//! table that stays in the core's cache and a few dozen additions.
//!
//! The memo changes no score: sums of integers do not depend on the order they are added
//! in. Its keys are the words' 64-bit hashes and lengths; two words of the same length whose
//! hashes collide (about one chance in 2^50 over a long run) would share their lifts, as the
//! model's own 16-bit fingerprints already let rarer features do.

use super::ngram::{MAX_LANGS, Model};

/// Words the memo holds at once: a direct-mapped table of this many slots (32 bytes each,
/// 1 MB). Fewer slots miss more: on the lines of NTREX's 65 languages, 2^13 slots left 39 %
/// of the words read in full to be summed again, 2^15 33 %.
const SLOT_BITS: u32 = 15;
/// Lifts (4 bytes each) the memo's n-gram sums may take before it starts again: about 16,000
/// words of 60 languages each. With the slots, bounds a thread's memory to about 5 MB.
const MAX_SUMS: usize = 1 << 20;
/// Longer words are not memoized: rare, and their n-grams are capped anyway.
const LONGEST_WORD: usize = 64;
/// A slot's n-gram sums not yet computed.
const NOT_SUMMED: u32 = u32::MAX;

/// One memoized word.
#[derive(Clone, Copy)]
struct Slot {
    /// The word's hash; 0 for an empty slot (a word whose hash is 0 is not memoized).
    hash: u64,
    /// The entries of the whole word in the model.
    word: &'static [u8],
    /// Where its n-gram sums are in [`LiftMemo::sums`], or [`NOT_SUMMED`].
    start: u32,
    len: u16,
    chars: u16,
}

const EMPTY: Slot = Slot {
    hash: 0,
    word: &[],
    start: NOT_SUMMED,
    len: 0,
    chars: 0,
};

/// What the model says about one word: its own entries (language index, lift; two bytes
/// each), and its n-grams' lifts summed per language (`language << 16 | sum`).
pub(crate) struct WordLifts<'m> {
    pub(crate) word: &'static [u8],
    pub(crate) ngrams: &'m [u32],
}

/// The memo, and the scratch of the words being read: one per thread, in the detector's
/// scratch buffers.
pub(crate) struct WordScratch {
    /// The characters of the word being read.
    pub(crate) chars: Vec<char>,
    slots: Vec<Slot>,
    sums: Vec<u32>,
    /// The model whose lifts these are (by address; one model in practice).
    model: usize,
    /// Per language, the n-gram lifts summed while a word's sums are made.
    acc: [u32; MAX_LANGS],
}

impl Default for WordScratch {
    fn default() -> Self {
        WordScratch {
            chars: Vec::new(),
            slots: Vec::new(),
            sums: Vec::new(),
            model: 0,
            acc: [0; MAX_LANGS],
        }
    }
}

impl WordScratch {
    /// The slot of `word` (with hash `hash`), made when the memo does not hold the word;
    /// `None` for a word not to memoize.
    #[inline]
    fn slot(&mut self, model: &Model, word: &[char], hash: u64) -> Option<usize> {
        if word.len() > LONGEST_WORD || hash == 0 {
            return None;
        }
        if self.slots.is_empty() || self.model != model as *const Model as usize {
            self.model = model as *const Model as usize;
            self.slots.clear();
            self.slots.resize(1 << SLOT_BITS, EMPTY);
            self.sums.clear();
        }
        // The model's buckets use the top bits and its fingerprints the bottom 16: the memo
        // takes bits from between them.
        let i = (hash >> 20) as usize & ((1 << SLOT_BITS) - 1);
        let slot = &mut self.slots[i];
        if slot.hash != hash || usize::from(slot.chars) != word.len() {
            *slot = Slot {
                hash,
                word: model.entries(hash),
                chars: word.len() as u16,
                ..EMPTY
            };
        }
        Some(i)
    }

    /// The entries of the whole word `word` (hashed `hash` by `words::word_hash`).
    #[inline]
    pub(crate) fn word_entries(
        &mut self,
        model: &Model,
        word: &[char],
        hash: u64,
    ) -> &'static [u8] {
        match self.slot(model, word, hash) {
            Some(i) => self.slots[i].word,
            None => model.entries(hash),
        }
    }

    /// The word's entries and its n-grams' summed lifts; `f` gets them (the sums borrow the
    /// memo).
    #[inline]
    pub(crate) fn lifts<R>(
        &mut self,
        model: &Model,
        word: &[char],
        hash: u64,
        f: impl FnOnce(WordLifts<'_>) -> R,
    ) -> R {
        let Some(i) = self.slot(model, word, hash) else {
            // Not memoized: summed into the scratch and passed on.
            let mut sums = std::mem::take(&mut self.sums);
            let start = sums.len();
            self.sum_ngrams(model, word, &mut sums);
            let r = f(WordLifts {
                word: model.entries(hash),
                ngrams: &sums[start..],
            });
            sums.truncate(start);
            self.sums = sums;
            return r;
        };
        if self.slots[i].start == NOT_SUMMED {
            if self.sums.len() + MAX_LANGS > MAX_SUMS {
                // Full: start again, this word first.
                let slot = self.slots[i];
                self.slots.fill(EMPTY);
                self.slots[i] = slot;
                self.sums.clear();
            }
            let mut sums = std::mem::take(&mut self.sums);
            let start = sums.len();
            self.sum_ngrams(model, word, &mut sums);
            let slot = &mut self.slots[i];
            slot.start = start as u32;
            slot.len = (sums.len() - start) as u16;
            self.sums = sums;
        }
        let slot = self.slots[i];
        let start = slot.start as usize;
        f(WordLifts {
            word: slot.word,
            ngrams: &self.sums[start..start + usize::from(slot.len)],
        })
    }

    /// Appends the summed lifts of `word`'s n-grams to `out`, one per language they name.
    fn sum_ngrams(&mut self, model: &Model, word: &[char], out: &mut Vec<u32>) {
        let acc = &mut self.acc;
        model.for_ngram_entries(word, |entries| {
            for e in entries.chunks_exact(2) {
                // A word has at most MAX_FEATURES (77) n-grams of lifts of at most 255: its
                // sums fit in 16 bits.
                acc[usize::from(e[0])] += u32::from(e[1]);
            }
        });
        // One pass over the languages, not a branch per entry.
        for (lang, a) in acc.iter_mut().enumerate().take(model.languages()) {
            if *a != 0 {
                out.push((lang as u32) << 16 | *a);
                *a = 0;
            }
        }
    }
}
