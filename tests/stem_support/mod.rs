#![allow(dead_code)] // each user takes part of it
//! Grammar-aware adversarial words for the stemmers: strings built from each Snowball
//! algorithm's own suffix tables (fuzz/stem.dict), stems and letters of its language, with
//! case changes, combining marks and characters of other scripts mixed in. Plain fuzzing of
//! the pipeline did not find rust-stemmers' Greek panic in 16 minutes; this finds `ισαισα`
//! within a few hundred thousand words. Used by tests/stemmers.rs and examples/stem_eval.rs.

use std::collections::BTreeMap;
use std::path::Path;

/// The strings of each algorithm's tables, by Snowball algorithm name.
pub fn suffix_tables() -> BTreeMap<String, Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/stem.dict");
    let text = std::fs::read_to_string(&path).expect("fuzz/stem.dict");
    let mut tables: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current = None;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("# ") {
            current = (!name.contains(' ')).then(|| name.to_string());
        } else if let (Some(name), Some(entry)) = (&current, dict_entry(line)) {
            tables.entry(name.clone()).or_default().push(entry);
        }
    }
    tables
}

/// A libFuzzer dictionary entry: `"..."` with `\\`, `\"` and `\xAB` escapes.
fn dict_entry(line: &str) -> Option<String> {
    let inner = line.strip_prefix('"')?.strip_suffix('"')?;
    let mut bytes = Vec::new();
    let mut rest = inner.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match rest.split_first() {
            Some((b'x', tail)) if tail.len() >= 2 => {
                bytes.push(u8::from_str_radix(std::str::from_utf8(&tail[..2]).ok()?, 16).ok()?);
                rest = &tail[2..];
            }
            Some((&c, tail)) => {
                bytes.push(c);
                rest = tail;
            }
            None => return None,
        }
    }
    String::from_utf8(bytes).ok()
}

/// Characters from outside a language's alphabet: other scripts, combining marks, joiners,
/// letters whose case mapping changes length, digits and punctuation a tokenizer may leave
/// inside a word.
const FOREIGN: &[char] = &[
    'a',
    'z',
    'ß',
    'İ',
    'ı',
    'ς',
    'σ',
    'Σ',
    'ё',
    'й',
    'ї',
    'ά',
    'ΐ',
    'ΰ',
    '\u{301}',
    '\u{308}',
    '\u{300}',
    '\u{342}',
    '\u{345}',
    '\u{200d}',
    '\u{200c}',
    '中',
    'ا',
    'ـ',
    '\u{64b}',
    '\u{5b0}',
    'א',
    'ँ',
    '्',
    '்',
    'é',
    'ǰ',
    'ﬁ',
    'ǅ',
    '1',
    '\'',
    '-',
    '’',
    '😀',
    '\u{fffd}',
    'ʼ',
    'ŉ',
    'Ω',
    'ﬀ',
    '\u{10ffff}',
];

/// A small xorshift generator: the same words on every machine, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Builds words for one algorithm.
pub struct WordMaker<'a> {
    pieces: &'a [String],
    alphabet: Vec<char>,
    words: Vec<&'a str>,
}

impl<'a> WordMaker<'a> {
    /// `pieces`: the algorithm's table strings; `words`: real words of its language.
    pub fn new(pieces: &'a [String], words: Vec<&'a str>) -> WordMaker<'a> {
        let mut alphabet: Vec<char> = pieces
            .iter()
            .flat_map(|p| p.chars())
            .chain(words.iter().take(5000).flat_map(|w| w.chars()))
            .collect();
        alphabet.sort_unstable();
        alphabet.dedup();
        if alphabet.is_empty() {
            alphabet.push('a');
        }
        WordMaker {
            pieces,
            alphabet,
            words,
        }
    }

    /// The next word into `out`: a short stem (nothing, letters, a word or its beginning),
    /// then one to three table strings (often the same one twice, as in `ισα`+`ισα`), and in
    /// a third of the words up to two mutations.
    pub fn make(&self, rng: &mut Rng, out: &mut String) {
        out.clear();
        match rng.below(8) {
            0 if !self.words.is_empty() => out.push_str(self.words[rng.below(self.words.len())]),
            1 => (0..1 + rng.below(3)).for_each(|_| out.push(*rng.pick(&self.alphabet))),
            2 if !self.words.is_empty() => {
                let word = self.words[rng.below(self.words.len())];
                let chars = word.chars().count();
                let cut = word
                    .char_indices()
                    .nth(rng.below(chars))
                    .map_or(word.len(), |(i, _)| i);
                out.push_str(&word[..cut]);
            }
            _ => {}
        }
        if !self.pieces.is_empty() {
            let mut last = rng.pick(self.pieces);
            out.push_str(last);
            for _ in 0..rng.below(3) {
                if rng.below(6) == 0 {
                    out.push(*rng.pick(&self.alphabet));
                }
                if rng.below(4) != 0 {
                    last = rng.pick(self.pieces);
                }
                out.push_str(last);
            }
        }
        if rng.below(3) != 0 {
            if rng.below(8) == 0 {
                *out = out.to_uppercase();
            }
            return;
        }
        for _ in 0..rng.below(3) {
            mutate(rng, out);
        }
        if rng.below(8) == 0 {
            *out = out.to_uppercase();
        }
    }
}

/// Changes one character: upper-cased, doubled, or with a foreign character before or after.
fn mutate(rng: &mut Rng, word: &mut String) {
    let count = word.chars().count();
    if count == 0 {
        word.push(*rng.pick(FOREIGN));
        return;
    }
    let at = rng.below(count);
    let mut changed = String::with_capacity(word.len() + 8);
    for (i, c) in word.chars().enumerate() {
        if i != at {
            changed.push(c);
            continue;
        }
        match rng.below(4) {
            0 => changed.extend(c.to_uppercase()),
            1 => changed.extend([c, *rng.pick(FOREIGN)]),
            2 => changed.extend([*rng.pick(FOREIGN), c]),
            _ => changed.extend([c, c]),
        }
    }
    *word = changed;
}

/// The words of tests/data/snowball/<algorithm>.tsv: (word, Snowball 3.1.1's stem).
pub fn snowball_sample(algorithm: &str) -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/snowball")
        .join(format!("{algorithm}.tsv"));
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t').skip(1);
            Some((fields.next()?.to_string(), fields.next()?.to_string()))
        })
        .collect()
}
