//! From counts to the model: lifts, pruning, and the bytes `src/detect/model.rs` reads
//! (its documentation describes the format).

use std::collections::HashMap;

use wordmill::Lang;
use wordmill::detect::training::{KINDS, MAGIC, PAIR_KIND, VERSION, WORD_KIND, model_scripts};

use crate::count::Counts;

/// How counts become lifts (see `src/detect/model.rs` for the formula).
#[derive(Clone, Debug)]
pub struct Params {
    /// Jelinek-Mercer ratio k in `ln(1 + k p / p_bg)`.
    pub k: f64,
    /// Weight per kind of feature (n-grams of orders 1 to 5, word, pair of words; 0 for
    /// kinds not used).
    pub weights: [f64; KINDS],
    /// Subtracted from every count (absolute discounting): singletons are mostly chance.
    pub discount: f64,
    /// Nats per lift unit.
    pub scale: f64,
    /// Entries of fewer lift units than this are left out: they say little, and the most
    /// common n-grams have them for most languages, so they cost most lookups' time.
    pub min_units: f64,
    /// An n-gram needs this count, scaled to a language with `REF_TOKENS` features of its
    /// kind (languages with less text keep rarer features).
    pub min_count: f64,
    /// The same for whole words.
    pub min_count_word: f64,
    /// The same for pairs of words in a row: most pairs are seen once or twice, and the
    /// model's size budget takes only the common ones.
    pub min_count_pair: f64,
    /// Lifts are counted from `ln(1 + k floor)`: a language that uses a feature less than
    /// `floor` times the background gets nothing for it (fewer entries, little lost).
    pub floor: f64,
}

/// The size of text `min_count` refers to (about a sixth of NTREX's lines).
const REF_TOKENS: f64 = 150_000.0;

impl Default for Params {
    fn default() -> Self {
        // Chosen on NTREX lines 2 mod 7 with a model trained on lines 0, 3, 4, 5, 6; the pairs'
        // minimum count and `min_units` by the model's size (at most 5,000,000 bytes): on
        // those lines, entries under 6 units (0.19 nat) cost 0.05 point of two-word accuracy
        // and 0.02 of sentences for 100 KB.
        Params {
            k: 1.0,
            weights: [0.0, 0.7, 1.0, 1.3, 0.0, 2.5, 1.5],
            discount: 0.5,
            scale: 1.0 / 32.0,
            min_units: 6.0,
            min_count: 4.0,
            min_count_word: 2.0,
            min_count_pair: 6.0,
            floor: 0.3,
        }
    }
}

/// A feature of the model: its hash and its (language index, lift units) entries.
pub struct Feature {
    pub hash: u64,
    pub entries: Vec<(u8, u8)>,
}

/// The lifts of every feature of every script the model covers, sorted by hash.
pub fn lifts(counts: &Counts, params: &Params) -> Vec<Feature> {
    let mut table: Vec<Feature> = Vec::new();
    for script in model_scripts() {
        let members: Vec<usize> = (0..counts.langs.len())
            .filter(|&l| {
                counts.langs[l]
                    .get(&script)
                    .is_some_and(|c| c.totals.iter().any(|&t| t > 0.0))
            })
            .collect();
        if members.len() < 2 {
            continue;
        }
        // Feature → (kind, [(language, probability)]), languages in order.
        let mut union: HashMap<u64, (u8, Vec<(u8, f64)>)> = HashMap::new();
        for &l in &members {
            let c = &counts.langs[l][&script];
            for (&hash, &(kind, n)) in &c.features {
                let total = c.totals[kind as usize].max(1.0);
                let p = (n - params.discount).max(0.0) / total;
                let scaled = n * (REF_TOKENS / total).min(1.0);
                let min = if kind as usize == PAIR_KIND {
                    params.min_count_pair
                } else if kind as usize == WORD_KIND {
                    params.min_count_word
                } else {
                    params.min_count
                };
                if p > 0.0 && scaled >= min {
                    let entry = union.entry(hash).or_insert((kind, Vec::new()));
                    entry.1.push((l as u8, p));
                }
            }
        }
        let g = members.len() as f64;
        for (hash, (kind, ps)) in union {
            let background: f64 = ps.iter().map(|(_, p)| p).sum::<f64>() / g;
            let w = params.weights[kind as usize];
            let mut entries: Vec<(u8, u8)> = ps
                .iter()
                .filter_map(|&(l, p)| {
                    let lift = w
                        * ((1.0 + params.k * p / background) / (1.0 + params.k * params.floor))
                            .ln();
                    let units = (lift / params.scale).round().min(255.0);
                    (units >= params.min_units.max(1.0)).then_some((l, units as u8))
                })
                .collect();
            if !entries.is_empty() {
                entries.sort();
                table.push(Feature { hash, entries });
            }
        }
    }
    // By hash, so that the output does not depend on the hash maps' order.
    table.sort_by_key(|f| f.hash);
    table
}

/// Features per bucket, on average.
const BUCKET_FEATURES: usize = 8;

/// The model file: header, languages, table. A feature whose fingerprint another of its
/// bucket already has is left out (the one with fewer entries), and so are features past the
/// 255th of a bucket.
pub fn encode(features: &[Feature], params: &Params) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(Lang::all().len() as u32).to_le_bytes());
    for lang in Lang::all() {
        let mut code = [0u8; 4];
        code[..3].copy_from_slice(lang.code().as_bytes());
        out.extend_from_slice(&code);
    }
    let mut bits = 1u32;
    while (features.len() >> bits) > BUCKET_FEATURES {
        bits += 1;
    }
    let bucket = |h: u64| (h >> (64 - bits)) as usize;
    let mut sorted: Vec<&Feature> = features.iter().filter(|f| !f.entries.is_empty()).collect();
    sorted.sort_by_key(|f| {
        (
            bucket(f.hash),
            f.hash as u16,
            std::cmp::Reverse(f.entries.len()),
        )
    });
    sorted.dedup_by_key(|f| (bucket(f.hash), f.hash as u16));
    let buckets = 1usize << bits;
    let mut offsets = vec![0u32; buckets + 1];
    let mut data: Vec<u8> = Vec::new();
    let mut next = 0;
    for (b, offset) in offsets.iter_mut().enumerate().take(buckets) {
        *offset = data.len() as u32;
        let first = next;
        while next < sorted.len() && bucket(sorted[next].hash) == b {
            next += 1;
        }
        let members = &sorted[first..next.min(first + 255)];
        data.push(members.len() as u8);
        for f in members {
            data.extend_from_slice(&(f.hash as u16).to_le_bytes());
        }
        for f in members {
            data.push(f.entries.len().min(255) as u8);
        }
        for f in members {
            for &(l, v) in &f.entries[..f.entries.len().min(255)] {
                data.extend_from_slice(&[l, v]);
            }
        }
    }
    offsets[buckets] = data.len() as u32;
    out.extend_from_slice(&(params.scale as f32).to_bits().to_le_bytes());
    out.extend_from_slice(&bits.to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    for v in &offsets {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&data);
    out
}
