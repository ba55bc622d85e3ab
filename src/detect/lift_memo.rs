//! A per-thread memo of what the model says about each word it has read lately.
//!
//! Reading a word in full ([`Look::Full`](super::scores::Look)) looks up its fifteen or so
//! n-grams in a table of megabytes: a cache miss or two each, and some four hundred lifts to
//! add for a Latin word. Even a word alone costs a miss. News repeats its words (the hundred
//! most common cover about half of a text's tokens), so the memo keeps, per word, the
//! entries of the word itself and the sum of its n-grams' lifts per language, side by side in
//! one array of its own: a word read again costs one probe of a table that stays in the
//! core's cache and a few dozen additions.
//!
//! The memo changes no score: sums of integers do not depend on the order they are added
//! in. Its keys are the words' 64-bit hashes and lengths; two words of the same length whose
//! hashes collide (about one chance in 2^50 over a long run) would share their lifts, as the
//! model's own 16-bit fingerprints already let rarer features do.

use super::model::{MAX_LANGS, Model};

/// Words the memo holds at once: a table of this many slots (24 bytes each, 768 KB), two for
/// each hash (a two-way set-associative cache). Fewer slots miss more: on the lines of
/// NTREX's 65 languages, 2^13 slots left 39 % of the words read in full to be summed again,
/// 2^15 33 % (one slot per hash). A word may take either slot of its pair: one slot per hash
/// made a warm pipeline over the Latin benchmark text (17,000 distinct words looked up a
/// pass) make 8,100 slots again each pass, as words whose hashes share a slot pushed each
/// other out; two per pair, 4,600 (twice as many slots, one each: 3,900).
const SLOT_BITS: u32 = 15;
/// Lifts (4 bytes each) the memo may hold before it starts again: about 16,000 words read in
/// full or 100,000 words looked up alone. With the slots, bounds a thread's memory to about
/// 5 MB.
const MAX_LIFTS: usize = 1 << 20;
/// A slot's n-gram sums not yet computed.
const NOT_SUMMED: u32 = u32::MAX;

/// One memoized word: where its lifts are in [`WordScratch::lifts`].
#[derive(Clone, Copy)]
struct Slot {
    /// The word's hash; 0 for an empty slot (a word whose hash is 0 is not memoized).
    hash: u64,
    /// The entries of the whole word.
    word_start: u32,
    /// Its n-grams' sums, or [`NOT_SUMMED`].
    ngrams_start: u32,
    word_len: u16,
    ngrams_len: u16,
    /// The word's length in characters.
    chars: u16,
}

impl Slot {
    /// Whether the slot holds the word of `chars` characters with hash `hash`.
    #[inline]
    fn holds(&self, hash: u64, chars: usize) -> bool {
        self.hash == hash && usize::from(self.chars) == chars
    }
}

const EMPTY: Slot = Slot {
    hash: 0,
    word_start: 0,
    ngrams_start: NOT_SUMMED,
    word_len: 0,
    ngrams_len: 0,
    chars: 0,
};

/// Which n-gram sums a reading needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ngrams {
    /// None: the word alone.
    No,
    /// Those of a word the model does not know.
    IfUnknown,
    /// Always.
    Yes,
}

impl Ngrams {
    /// Whether a word whose own entries are `word` needs its n-grams' sums.
    fn wanted(self, word: &[u32]) -> bool {
        match self {
            Ngrams::No => false,
            Ngrams::IfUnknown => word.is_empty(),
            Ngrams::Yes => true,
        }
    }
}

/// What the model says about one word, as lifts per language (`language << 16 | lift`): its
/// own entries, and its n-grams' lifts summed.
pub(crate) struct WordLifts<'m> {
    pub(crate) word: &'m [u32],
    pub(crate) ngrams: &'m [u32],
}

/// The memo, and the scratch of the words being read: one per thread, in the detector's
/// scratch buffers.
pub(crate) struct WordScratch {
    /// The characters of the word being read.
    pub(crate) chars: Vec<char>,
    slots: Vec<Slot>,
    /// The slots' lifts, one after the other.
    lifts: Vec<u32>,
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
            lifts: Vec::new(),
            model: 0,
            acc: [0; MAX_LANGS],
        }
    }
}

/// The first of the memo's two slots of a hash (the second is the next). The model's buckets
/// use the top bits and its fingerprints the bottom 16: the memo takes bits from between them.
#[inline]
fn slot_index(hash: u64) -> usize {
    (hash >> 20) as usize & ((1 << SLOT_BITS) - 2)
}

/// Appends a feature's entries (language index, lift; two bytes each) as lifts.
fn push_entries(out: &mut Vec<u32>, entries: &[u8]) {
    out.extend(
        entries
            .chunks_exact(2)
            .map(|e| u32::from(e[0]) << 16 | u32::from(e[1])),
    );
}

impl WordScratch {
    /// The slot of a word of `chars` characters with hash `hash`, made with the word's own
    /// entries when the memo does not hold the word; `None` for a word not to memoize.
    #[inline]
    fn slot(&mut self, model: &Model, chars: usize, hash: u64) -> Option<usize> {
        // Words come from the word reader, which skips those of more than
        // `words::LONGEST_WORD` letters: a word's length fits the slot's u16.
        if hash == 0 {
            return None;
        }
        if self.slots.is_empty() || self.model != model as *const Model as usize {
            self.model = model as *const Model as usize;
            self.slots.resize(1 << SLOT_BITS, EMPTY);
            self.start_again();
        }
        let i = slot_index(hash);
        if !self.slots[i].holds(hash, chars) {
            // The word used last comes first: the one used less lately makes room.
            self.slots.swap(i, i + 1);
            if !self.slots[i].holds(hash, chars) {
                self.make_slot(i, model, chars, hash);
            }
        }
        Some(i)
    }

    /// Fills slot `i` with a word of `chars` characters and its own entries, room made first.
    fn make_slot(&mut self, i: usize, model: &Model, chars: usize, hash: u64) {
        // Room for the word's entries and its n-gram sums: at most one per language each.
        if self.lifts.len() + 2 * MAX_LANGS > MAX_LIFTS {
            self.start_again();
        }
        let start = self.lifts.len();
        push_entries(&mut self.lifts, model.entries(hash));
        self.slots[i] = Slot {
            hash,
            word_start: start as u32,
            word_len: (self.lifts.len() - start) as u16,
            chars: chars as u16,
            ..EMPTY
        };
    }

    /// Starts loading what [`WordScratch::prefetch`] reads first of a word: its pair of
    /// slots and where its bucket is in the model ([`crate::arch::prefetch`]).
    #[inline]
    pub(crate) fn prefetch_slot(&self, model: &Model, hash: u64) {
        if let Some(slot) = self.slots.get(slot_index(hash)) {
            crate::arch::prefetch(slot);
        }
        model.prefetch_offset(hash);
    }

    /// Starts loading what [`WordScratch::own_lifts`] will read of a word (its lifts, or its
    /// bucket in the model), reading its slots (see [`WordScratch::prefetch_slot`]).
    #[inline]
    pub(crate) fn prefetch(&self, model: &Model, hash: u64, chars: usize) {
        let i = slot_index(hash);
        let Some(pair) = self.slots.get(i..i + 2) else {
            return;
        };
        match pair.iter().find(|slot| slot.holds(hash, chars)) {
            Some(slot) => {
                if let Some(lift) = self.lifts.get(slot.word_start as usize) {
                    crate::arch::prefetch(lift);
                }
            }
            None => model.prefetch(hash),
        }
    }

    /// The own entries (as lifts) of a word of `chars` characters with hash `hash`: what
    /// [`WordScratch::lifts`] gives with [`Ngrams::No`], without the word's characters.
    #[inline]
    pub(crate) fn own_lifts<R>(
        &mut self,
        model: &Model,
        hash: u64,
        chars: usize,
        f: impl FnOnce(&[u32]) -> R,
    ) -> R {
        match self.slot(model, chars, hash) {
            Some(i) => f(&self.lifts[self.word_range(i)]),
            // The characters are needed only for n-gram sums, which `Ngrams::No` never makes.
            None => self.unmemoized(model, &[], hash, Ngrams::No, |lifts| f(lifts.word)),
        }
    }

    /// The word's own entries and its n-grams' summed lifts (empty unless `ngrams` asks for
    /// them); `f` gets them.
    #[inline]
    pub(crate) fn lifts<R>(
        &mut self,
        model: &Model,
        word: &[char],
        hash: u64,
        ngrams: Ngrams,
        f: impl FnOnce(WordLifts<'_>) -> R,
    ) -> R {
        let Some(i) = self.slot(model, word.len(), hash) else {
            return self.unmemoized(model, word, hash, ngrams, f);
        };
        let ngrams = ngrams.wanted(&self.lifts[self.word_range(i)]);
        if ngrams && self.slots[i].ngrams_start == NOT_SUMMED {
            if self.lifts.len() + MAX_LANGS > MAX_LIFTS {
                // Full: start again, this word first.
                self.start_again();
                self.make_slot(i, model, word.len(), hash);
            }
            let mut lifts = std::mem::take(&mut self.lifts);
            let start = lifts.len();
            self.sum_ngrams(model, word, &mut lifts);
            let slot = &mut self.slots[i];
            slot.ngrams_start = start as u32;
            slot.ngrams_len = (lifts.len() - start) as u16;
            self.lifts = lifts;
        }
        let slot = self.slots[i];
        let ngrams = match slot.ngrams_start {
            start if ngrams => {
                let start = start as usize;
                &self.lifts[start..start + usize::from(slot.ngrams_len)]
            }
            _ => &[][..],
        };
        f(WordLifts {
            word: &self.lifts[self.word_range(i)],
            ngrams,
        })
    }

    /// Where the own entries of the word in slot `i` are in the lifts.
    fn word_range(&self, i: usize) -> std::ops::Range<usize> {
        let slot = &self.slots[i];
        let start = slot.word_start as usize;
        start..start + usize::from(slot.word_len)
    }

    /// Forgets every word (the slots stay allocated).
    fn start_again(&mut self) {
        self.slots.fill(EMPTY);
        self.lifts.clear();
    }

    /// [`WordScratch::lifts`] of a word the memo does not keep: made at the end of the lifts
    /// and taken off again.
    #[cold]
    fn unmemoized<R>(
        &mut self,
        model: &Model,
        word: &[char],
        hash: u64,
        ngrams: Ngrams,
        f: impl FnOnce(WordLifts<'_>) -> R,
    ) -> R {
        let mut lifts = std::mem::take(&mut self.lifts);
        let start = lifts.len();
        push_entries(&mut lifts, model.entries(hash));
        let middle = lifts.len();
        if ngrams.wanted(&lifts[start..middle]) {
            self.sum_ngrams(model, word, &mut lifts);
        }
        let r = f(WordLifts {
            word: &lifts[start..middle],
            ngrams: &lifts[middle..],
        });
        lifts.truncate(start);
        self.lifts = lifts;
        r
    }

    /// Appends the summed lifts of `word`'s n-grams to `out`, one per language they name.
    fn sum_ngrams(&mut self, model: &Model, word: &[char], out: &mut Vec<u32>) {
        let acc = &mut self.acc;
        model.for_ngram_entries(word, |entries| {
            for e in entries.chunks_exact(2) {
                // A word has fewer than MAX_FEATURES (79) n-grams of lifts of at most 255: its
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
