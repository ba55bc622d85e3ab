//! The n-gram model and its scorer: how much each feature of a word says for each language.
//!
//! # Scores
//!
//! For each feature (see [`words`](super::words)) the model lists the languages that use it
//! more than their script's background would predict, with a lift:
//! `w · ln((1 + k · P(f | lang) / P̄(f | script)) / (1 + k · 0.3))`, clamped at 0, where
//! `P̄(f | script)` is the mean of `P(f | lang)` over the script's languages and `w` a weight
//! per kind of feature. That is the log-likelihood ratio of the language against the
//! script's background under Jelinek-Mercer smoothing: every language has the same baseline
//! and a feature a language was never seen with adds nothing, so languages with little
//! training text are not favoured on unseen text. A text's score for a language is the sum
//! of its features' lifts, integers in units of [`Model::scale`] nats.
//!
//! # Format (version 1)
//!
//! Little-endian. `b"WMNG"`, `u32` version, `u32` language count, one 4-byte code per
//! language (ISO 639-3, NUL-padded), then the table: `f32` nats per unit, `u32` bucket bits
//! `b`, `u32` data size; per bucket and one more, the `u32` offset of the bucket in the
//! data; the data: per bucket its feature count `n` (`u8`), `n` fingerprints (`u16`), `n`
//! entry counts (`u8`), then its entries, two bytes each (language index, lift). A feature's
//! bucket is the top `b` bits of its hash, its fingerprint the low 16 bits, so a lookup reads
//! one offset and one or two cache lines. Reading checks the header and the table's length;
//! lookups are bounds-checked, so a corrupt model gives wrong scores, never a panic.
//! `tools/langid-train` writes it.

use std::sync::OnceLock;

use super::lift_memo::{Ngrams, WordScratch};
use super::words::{MAX_FEATURES, ngram_features, pair_hash, word_hash, words_while};
use crate::Lang;

/// The most languages a model can have (its language indexes are bytes).
pub(crate) const MAX_LANGS: usize = 256;
/// The format version this module reads.
pub(crate) const VERSION: u32 = 1;
/// The first bytes of a model.
pub(crate) const MAGIC: &[u8; 4] = b"WMNG";
/// A language the model does not have.
const NONE: u8 = u8::MAX;
/// The most words one [`Scores`] adds up: a word has at most `MAX_FEATURES` (79) features of
/// lifts of at most 255 and makes a pair with the word before it, so its sums stay below
/// 2^32 (65,536 × 80 × 255 < 1.4 × 10^9).
const MAX_SCORED_WORDS: u32 = 1 << 16;

static MODEL_BYTES: &[u8] = include_bytes!("model.bin");

/// A feature table: hash → entries (language index, lift).
#[derive(Debug)]
struct Table {
    bits: u32,
    /// Per bucket and one more, the `u32` offset of the bucket in `data`.
    offsets: &'static [u8],
    data: &'static [u8],
}

#[inline]
fn u32_at(bytes: &[u8], i: usize) -> usize {
    match bytes.get(4 * i..4 * i + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]) as usize,
        _ => 0,
    }
}

impl Table {
    const EMPTY: Table = Table {
        bits: 0,
        offsets: &[0; 8],
        data: &[],
    };

    /// The bucket of a hash: its bytes in `data`.
    #[inline]
    fn bucket(&self, hash: u64) -> &'static [u8] {
        let bucket = if self.bits == 0 {
            0
        } else {
            (hash >> (64 - self.bits)) as usize
        };
        let data: &'static [u8] = self.data;
        data.get(u32_at(self.offsets, bucket)..u32_at(self.offsets, bucket + 1))
            .unwrap_or(&[])
    }

    /// The entries of `hash` in its bucket, empty when the table does not know it.
    #[inline]
    fn find(bucket: &'static [u8], hash: u64) -> &'static [u8] {
        let Some(&n) = bucket.first() else {
            return &[];
        };
        let n = n as usize;
        let (Some(fingerprints), Some(counts)) =
            (bucket.get(1..1 + 2 * n), bucket.get(1 + 2 * n..1 + 3 * n))
        else {
            return &[];
        };
        let fingerprint = (hash as u16).to_le_bytes();
        let mut at = 1 + 3 * n;
        for (f, &count) in fingerprints.chunks_exact(2).zip(counts) {
            let end = at + 2 * count as usize;
            if f == fingerprint {
                return bucket.get(at..end).unwrap_or(&[]);
            }
            at = end;
        }
        &[]
    }

    #[inline]
    fn entries(&self, hash: u64) -> &'static [u8] {
        Table::find(self.bucket(hash), hash)
    }

    /// Checks every bucket (tests do; reading need not: lookups are bounds-checked).
    #[cfg(test)]
    fn validate(&self, langs: usize) -> Result<(), FormatError> {
        for b in 0..1usize << self.bits {
            let (start, end) = (u32_at(self.offsets, b), u32_at(self.offsets, b + 1));
            let bucket = self.data.get(start..end).ok_or(FormatError("bad bucket"))?;
            let n = bucket.first().copied().unwrap_or(0) as usize;
            let counts = bucket
                .get(1 + 2 * n..1 + 3 * n)
                .ok_or(FormatError("bad bucket"))?;
            let entries: usize = counts.iter().map(|&c| c as usize).sum();
            if bucket.len() != 1 + 3 * n + 2 * entries {
                return Err(FormatError("bad bucket size"));
            }
            if bucket[1 + 3 * n..]
                .chunks_exact(2)
                .any(|e| e[0] as usize >= langs)
            {
                return Err(FormatError("an entry names no language"));
            }
        }
        Ok(())
    }
}

/// Why model bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormatError(&'static str);

/// Reads the little-endian fields of a model.
struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Result<&'static [u8], FormatError> {
        let end = self.at.checked_add(n).ok_or(FormatError("too long"))?;
        let bytes: &'static [u8] = self.bytes;
        let out = bytes.get(self.at..end).ok_or(FormatError("truncated"))?;
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, FormatError> {
        match *self.take(4)? {
            [a, b, c, d] => Ok(u32::from_le_bytes([a, b, c, d])),
            _ => Err(FormatError("truncated")),
        }
    }
}

/// The model: its table, and its languages matched to wordmill's.
#[derive(Debug)]
pub(crate) struct Model {
    table: Table,
    /// Nats per lift unit.
    scale: f32,
    /// The model's index of each language (by [`Lang::index`]), [`NONE`] when it has none.
    slots: [u8; Lang::COUNT],
    /// How many languages it has.
    langs: usize,
}

impl Model {
    /// The model built into the library, read on first use (a check of its header and
    /// length: microseconds).
    pub(crate) fn get() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            // A broken built-in model is a build error that the tests catch; at run time it
            // degrades to a model that knows nothing rather than failing.
            Model::from_bytes(MODEL_BYTES).unwrap_or(Model {
                table: Table::EMPTY,
                scale: 0.0,
                slots: [NONE; Lang::COUNT],
                langs: 0,
            })
        })
    }

    /// Reads a model from bytes that live as long as the program.
    pub(crate) fn from_bytes(bytes: &'static [u8]) -> Result<Model, FormatError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(FormatError("not a wordmill n-gram model"));
        }
        if r.u32()? != VERSION {
            return Err(FormatError("unsupported version"));
        }
        let n = r.u32()? as usize;
        if n > MAX_LANGS - 1 {
            return Err(FormatError("too many languages"));
        }
        let mut slots = [NONE; Lang::COUNT];
        for i in 0..n {
            let code = r.take(4)?;
            let lang = std::str::from_utf8(&code[..3])
                .ok()
                .and_then(Lang::from_code)
                .filter(|l| !l.is_undetermined())
                .ok_or(FormatError("a language wordmill does not know"))?;
            slots[lang.index()] = i as u8;
        }
        let scale = f32::from_bits(r.u32()?);
        let bits = r.u32()?;
        if bits > 24 {
            return Err(FormatError("too many buckets"));
        }
        let size = r.u32()? as usize;
        let buckets = 1usize << bits;
        let table = Table {
            bits,
            offsets: r.take(4 * (buckets + 1))?,
            data: r.take(size)?,
        };
        if u32_at(table.offsets, 0) != 0 || u32_at(table.offsets, buckets) != size {
            return Err(FormatError("bad table length"));
        }
        if r.at != bytes.len() {
            return Err(FormatError("trailing bytes"));
        }
        Ok(Model {
            table,
            scale,
            slots,
            langs: n,
        })
    }

    /// The entries (language index, lift) of a feature's hash; empty for a feature the
    /// model does not know.
    #[inline]
    pub(crate) fn entries(&self, hash: u64) -> &'static [u8] {
        self.table.entries(hash)
    }

    /// Starts loading the bucket of `hash` and returns its first byte, for
    /// [`std::hint::black_box`]: a load whose result nothing waits for, so that the cache
    /// miss is under way while other work goes on.
    #[inline]
    pub(crate) fn touch(&self, hash: u64) -> u8 {
        self.table.bucket(hash).first().copied().unwrap_or(0)
    }

    /// Calls `f` with the entries of each n-gram of `word`.
    #[inline]
    pub(crate) fn for_ngram_entries(&self, word: &[char], mut f: impl FnMut(&'static [u8])) {
        // Hashes first, lookups after: the lookups' cache misses then overlap.
        let mut hashes = [0u64; MAX_FEATURES];
        let mut n = 0;
        ngram_features(word, |_, hash| {
            if let Some(h) = hashes.get_mut(n) {
                *h = hash;
                n += 1;
            }
        });
        let table = &self.table;
        let mut buckets: [&'static [u8]; MAX_FEATURES] = [&[]; MAX_FEATURES];
        // Each bucket's first byte read in a loop of its own, so that the cache misses of
        // all the buckets are under way at once rather than one per `find`.
        let mut touched = 0u8;
        for (bucket, &hash) in buckets.iter_mut().zip(&hashes).take(n) {
            *bucket = table.bucket(hash);
            touched ^= bucket.first().copied().unwrap_or(0);
        }
        std::hint::black_box(touched);
        for (bucket, &hash) in buckets.iter().zip(&hashes).take(n) {
            f(Table::find(bucket, hash));
        }
    }

    /// How many languages the model has (its language indexes are below this).
    #[inline]
    pub(crate) fn languages(&self) -> usize {
        self.langs
    }

    /// Nats per lift unit.
    #[inline]
    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    /// The model's index of a language, if it has the language.
    #[inline]
    pub(crate) fn slot(&self, lang: Lang) -> Option<u8> {
        Some(self.slots[lang.index()]).filter(|&s| s != NONE)
    }

    /// The model's size in bytes.
    #[cfg(test)]
    fn size(&self) -> usize {
        self.table.offsets.len() + self.table.data.len()
    }
}

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
    #[inline]
    fn reached(&self, scores: &Scores, read: u32) -> bool {
        read >= self.max_words
            || (read.is_multiple_of(self.every.max(1))
                && scores
                    .best(self.candidates)
                    .is_some_and(|(_, lead)| lead >= self.lead))
    }
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
}

impl Default for Scores {
    fn default() -> Self {
        Scores {
            sum: [0; MAX_LANGS],
            words: 0,
            letters: 0,
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
            self.read_known(model, text, until, words)
        } else {
            self.read_each(model, text, (look, full), until, words)
        }
    }

    /// [`Scores::read`], one word after the other.
    fn read_each(
        &mut self,
        model: &Model,
        text: &str,
        (look, full): (Look, &mut u32),
        until: Option<Until<'_>>,
        words: &mut WordScratch,
    ) -> bool {
        let mut stopped = false;
        let mut read = 0u32;
        let mut chars = std::mem::take(&mut words.chars);
        // The hash of the word before, when both it and this word are read in full: the pair
        // of the two is a feature too.
        let mut previous = None;
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
                std::hint::black_box(model.touch(pair));
            }
            self.add_word(model, word, hash, look, words);
            if let Some(pair) = pair {
                add_entries(&mut self.sum, model.entries(pair));
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
    /// order, with the checks of [`Scores::read_each`]. This is the look every sentence of a
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
        let touched = batch
            .iter()
            .fold(0u8, |t, &(hash, chars)| t ^ memo.touch(model, hash, chars));
        std::hint::black_box(touched);
        for &(hash, chars) in batch {
            if self.words >= MAX_SCORED_WORDS {
                return true;
            }
            self.words += 1;
            self.letters = self.letters.saturating_add(chars as u32);
            let sum = &mut self.sum;
            memo.own_lifts(model, hash, chars, |lifts| add_lifts(sum, lifts));
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
        let sum = &mut self.sum;
        match look {
            Look::KnownWords => memo.lifts(model, word, hash, Ngrams::No, |lifts| {
                add_lifts(sum, lifts.word);
            }),
            Look::WordFirst => memo.lifts(model, word, hash, Ngrams::IfUnknown, |lifts| {
                add_lifts(sum, lifts.word);
                add_lifts(sum, lifts.ngrams);
            }),
            Look::Full => memo.lifts(model, word, hash, Ngrams::Yes, |lifts| {
                add_lifts(sum, lifts.word);
                add_lifts(sum, lifts.ngrams);
            }),
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

/// Adds lifts (`language << 16 | lift`, see [`lift_memo`](super::lift_memo)).
#[inline]
fn add_lifts(sum: &mut [u32; MAX_LANGS], lifts: &[u32]) {
    // A byte index into 256 sums needs no bounds check; the sums cannot overflow (see
    // `MAX_SCORED_WORDS`).
    for &s in lifts {
        let slot = &mut sum[(s >> 16) as u8 as usize];
        *slot = slot.wrapping_add(s & 0xffff);
    }
}

/// Adds a feature's entries (language index, lift) as they are in the model.
#[inline]
fn add_entries(sum: &mut [u32; MAX_LANGS], entries: &[u8]) {
    for e in entries.chunks_exact(2) {
        let s = &mut sum[e[0] as usize];
        *s = s.wrapping_add(u32::from(e[1]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_model_reads_and_knows_every_language_of_a_shared_script() {
        let model = Model::get();
        assert_eq!(model.table.validate(model.langs), Ok(()));
        assert!(model.size() > 1_000_000);
        for lang in Lang::all() {
            let shared = lang.scripts().iter().any(|&s| {
                Lang::all().filter(|l| l.scripts().contains(&s)).count() > 1
                    && !matches!(s, crate::Script::Han)
            });
            assert!(!shared || model.slot(lang).is_some(), "{lang}");
        }
    }

    #[test]
    fn corrupt_models_are_errors() {
        for bad in [
            &b""[..],
            b"WMNG",
            b"WMNG\x01\0\0\0\xff\0\0\0",
            b"XXXX\x01\0\0\0\0\0\0\0",
            b"WMNG\x01\0\0\0\x01\0\0\0xyz\0",
        ] {
            assert!(Model::from_bytes(bad).is_err());
        }
        let good: &'static [u8] = MODEL_BYTES;
        assert!(Model::from_bytes(good).is_ok());
        assert!(Model::from_bytes(&good[..good.len() - 1]).is_err());
    }

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
        let mut sum = [0u32; MAX_LANGS];
        let mut add = |hash| add_entries(&mut sum, model.table.entries(hash));
        let mut previous = None;
        crate::detect::words::for_each_word(text, &mut Vec::new(), |word| {
            let known = !model.table.entries(word_hash(word)).is_empty();
            if look == Look::Full {
                if let Some(first) = previous {
                    add(pair_hash(first, word_hash(word)));
                }
                previous = Some(word_hash(word));
            }
            match look {
                Look::Full => crate::detect::words::word_features(word, |_, h| add(h)),
                Look::WordFirst if !known => ngram_features(word, |_, h| add(h)),
                Look::WordFirst | Look::KnownWords => add(word_hash(word)),
            }
        });
        sum
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
            // Longer than the memo keeps (64 characters): read without it.
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

    #[test]
    fn known_words_read_in_batches_stop_where_one_by_one_they_do() {
        let model = Model::get();
        let all: Vec<u8> = (0..model.langs as u8).collect();
        let latin: Vec<u8> = ["eng", "fra", "deu", "spa"]
            .map(|c| model.slot(c.parse().unwrap()).unwrap())
            .to_vec();
        let text = "The government said on Monday that le gouvernement a dit lundi que die \
                    Regierung am Montag sagte, dass el gobierno dijo el lunes que nothing would \
                    change before the elections of next year in any of the countries.";
        // One memo for each way, warm after the first reading; and scores that start a few
        // words short of the most they add up.
        let (mut warm_batched, mut warm_each) = (WordScratch::default(), WordScratch::default());
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
                            let stopped = batched.read_known(model, text, until, &mut warm_batched);
                            let look = (Look::KnownWords, &mut 0);
                            let stopped_each =
                                each.read_each(model, text, look, until, &mut warm_each);
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
        let all: Vec<u8> = (0..model.langs as u8).collect();
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
