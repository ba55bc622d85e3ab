//! The detection model: how much each feature of a word says for each language, read from
//! the bytes built into the library, and looked up by feature hash.
//!
//! # Lifts
//!
//! For each feature (see [`words`](super::words)) the model lists the languages that use it
//! more than their script's background would predict, with a lift:
//! `w · ln((1 + k · P(f | lang) / P̄(f | script)) / (1 + k · 0.3))`, clamped at 0, where
//! `P̄(f | script)` is the mean of `P(f | lang)` over the script's languages and `w` a weight
//! per kind of feature. That is the log-likelihood ratio of the language against the
//! script's background under Jelinek-Mercer smoothing: every language has the same baseline
//! and a feature a language was never seen with adds nothing, so languages with little
//! training text are not favoured on unseen text. A text's score for a language is the sum
//! of its features' lifts ([`scores`](super::scores)), integers in units of [`Model::scale`]
//! nats.
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

use super::words::{MAX_FEATURES, ngram_features};
use crate::Lang;

/// The most languages a model can have (its language indexes are bytes).
pub(crate) const MAX_LANGS: usize = 256;
/// The format version this module reads.
pub(crate) const VERSION: u32 = 1;
/// The first bytes of a model.
pub(crate) const MAGIC: &[u8; 4] = b"WMNG";
/// A language the model does not have.
const NONE: u8 = u8::MAX;

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

    /// Starts loading the offset of `hash`'s bucket ([`crate::arch::prefetch`]).
    #[inline]
    fn prefetch_offset(&self, hash: u64) {
        if let Some(byte) = self.offsets.get(4 * self.bucket_index(hash)) {
            crate::arch::prefetch(byte);
        }
    }

    /// The index of a hash's bucket: the hash's top `bits` bits.
    #[inline]
    fn bucket_index(&self, hash: u64) -> usize {
        if self.bits == 0 {
            0
        } else {
            (hash >> (64 - self.bits)) as usize
        }
    }

    /// The bucket of a hash, its bytes asked for ([`crate::arch::prefetch`]) before they are
    /// read.
    #[inline]
    fn prefetched_bucket(&self, hash: u64) -> &'static [u8] {
        let bucket = self.bucket(hash);
        if let Some(first) = bucket.first() {
            crate::arch::prefetch(first);
        }
        bucket
    }

    /// The bucket of a hash: its bytes in `data`.
    #[inline]
    fn bucket(&self, hash: u64) -> &'static [u8] {
        let bucket = self.bucket_index(hash);
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

    /// Starts loading where the bucket of `hash` is ([`crate::arch::prefetch`]), for a
    /// [`Model::prefetch`] of it a little later.
    #[inline]
    pub(crate) fn prefetch_offset(&self, hash: u64) {
        self.table.prefetch_offset(hash);
    }

    /// Starts loading the bucket of `hash`, so that the cache miss is under way while other
    /// work goes on (reads where the bucket is, which [`Model::prefetch_offset`] may have
    /// started loading).
    #[inline]
    pub(crate) fn prefetch(&self, hash: u64) {
        self.table.prefetched_bucket(hash);
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
        // The buckets' offsets, then the buckets, asked for in loops of their own, so that
        // the cache misses of all the n-grams are under way at once rather than one or two
        // per `find`.
        for &hash in hashes.iter().take(n) {
            table.prefetch_offset(hash);
        }
        let mut buckets: [&'static [u8]; MAX_FEATURES] = [&[]; MAX_FEATURES];
        for (bucket, &hash) in buckets.iter_mut().zip(&hashes).take(n) {
            *bucket = table.prefetched_bucket(hash);
        }
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

    /// `nats` in lift units, the units scores add up in (a scale of 0 taken as the least
    /// positive one: no division by zero).
    #[inline]
    pub(crate) fn lift_units(&self, nats: f32) -> u32 {
        (nats / self.scale.max(f32::MIN_POSITIVE)) as u32
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_model_reads_and_knows_every_language_of_a_shared_script() {
        let model = Model::get();
        assert_eq!(model.table.validate(model.langs), Ok(()));
        assert!(model.size() > 1_000_000);
        // The size budget of the model (issue 16): at most 5 MB added to a binary.
        assert!(MODEL_BYTES.len() <= 5_000_000, "{}", MODEL_BYTES.len());
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
}
