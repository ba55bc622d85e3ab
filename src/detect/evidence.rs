//! Evidence beyond trigrams: how often each language writes each letter of its script, each
//! of its function words, and each word beginning and ending.
//!
//! For the five scripts whatlang shares between languages (Latin, Cyrillic, Arabic,
//! Devanagari, Hebrew), `model.txt` holds, per language, the count of every letter, of every
//! vocabulary word, and of the first and last three letters of the other words, in a
//! training text. The vocabulary is the language's stop words (the stop-words crate) and its
//! most frequent words among those found in many news stories (so function words, not
//! topics); endings carry the inflections that tell close languages apart (Danish `-ede`,
//! `-hed` against Norwegian `-et`, `-het`), beginnings the prefixes and spellings (`hv-`,
//! `kj-`, Czech `při-` against Slovak `pri-`). A text is scored by naive Bayes: the log-probability of its letters, words
//! and affixes under each language, where a word outside the vocabulary counts as "some other
//! word". The model is built by `train.rs`; see there for its sources.

use std::sync::LazyLock;

use hashbrown::{HashMap, HashTable};
use whatlang::{Lang, Script};

use super::script::{class, script_of};

/// The most languages a script has in whatlang (Latin: 37).
pub(crate) const MAX_LANGS: usize = 40;

/// Per-language scores, indexed by a language's slot in its [`Group`].
pub(crate) type Scores = [f32; MAX_LANGS];

/// Weight of the letter evidence against the word evidence: letters are many and not
/// independent of each other, so each counts less than a word.
const LETTER_WEIGHT: f32 = 0.5;
/// Added to every letter count, so that a letter a language was never seen to use is
/// unlikely rather than impossible.
const LETTER_SMOOTHING: f64 = 0.5;
/// Added to every vocabulary word count, for the same reason.
const WORD_SMOOTHING: f64 = 0.1;
/// Weight of the prefix and ending evidence: the two are not independent of each other.
const AFFIX_WEIGHT: f64 = 0.8;

/// The model of one script's languages.
#[derive(Debug)]
pub(crate) struct Group {
    pub(crate) script: Script,
    /// The script's languages, in slot order.
    pub(crate) langs: Vec<Lang>,
    /// Row of each letter in `letter_logp`.
    letters: HashMap<char, u16>,
    /// Row of each ASCII letter, `u16::MAX` for none.
    ascii: [u16; 128],
    /// Weighted log-probability of each letter (row) in each language (column).
    letter_logp: Vec<f32>,
    /// The range of each vocabulary word's entries in `entries`.
    words: Lexicon,
    /// (slot, how much more likely the word is in that language than an unseen word).
    entries: Vec<(u8, f32)>,
    /// Log-probability of a vocabulary word a language was never seen to use.
    unseen: Scores,
    /// Log-probability of a word outside the vocabulary.
    other: Scores,
    /// The prefixes and endings of words outside the vocabulary, indexed by [`Affix`].
    affixes: [AffixModel; 2],
}

/// The model of one kind of affix.
#[derive(Debug)]
struct AffixModel {
    /// The range of each affix's entries in `Group::entries`.
    lexicon: Lexicon,
    /// Like `Group::unseen` and `Group::other`, for affixes.
    unseen: Scores,
    other: Scores,
}

/// Longest word (in bytes) a partial look considers: function words are short.
const SHORT_WORD_BYTES: usize = 8;

/// Strings mapped to a range of entries. Strings of up to 16 bytes (all affixes, most
/// words) are keyed by their bytes packed in an integer, which hashes and compares much
/// faster than a string; a bit set of their hashes, small enough to stay in cache, turns
/// most misses (most words of a text are not in the vocabulary) away before the table.
#[derive(Debug)]
struct Lexicon {
    short: HashTable<(u128, (u32, u32))>,
    filter: Box<[u64]>,
    long: HashMap<Box<str>, (u32, u32)>,
}

impl Default for AffixModel {
    fn default() -> Self {
        AffixModel {
            lexicon: Lexicon::default(),
            unseen: [0.0; MAX_LANGS],
            other: [0.0; MAX_LANGS],
        }
    }
}

/// Bits in a lexicon's filter (a power of two).
const FILTER_BITS: usize = 1 << 16;

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon {
            short: HashTable::new(),
            filter: vec![0; FILTER_BITS / 64].into_boxed_slice(),
            long: HashMap::new(),
        }
    }
}

impl Lexicon {
    /// The bytes of `s` in an integer, zero-padded (UTF-8 text has no zero byte in words).
    #[inline]
    fn pack(s: &str) -> Option<u128> {
        let bytes = s.as_bytes();
        if bytes.len() > 16 {
            return None;
        }
        let mut packed = [0u8; 16];
        packed[..bytes.len()].copy_from_slice(bytes);
        Some(u128::from_le_bytes(packed))
    }

    /// A multiply-and-fold hash: the table is fixed, so no input can make it grow.
    #[inline]
    fn hash(packed: u128) -> u64 {
        let (lo, hi) = (packed as u64, (packed >> 64) as u64);
        let h = (lo ^ hi.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^ (h >> 31)
    }

    #[inline]
    fn filter_bit(hash: u64) -> (usize, u64) {
        let bit = (hash >> 40) as usize & (FILTER_BITS - 1);
        (bit / 64, 1 << (bit % 64))
    }

    fn insert(&mut self, key: &str, range: (u32, u32)) {
        match Lexicon::pack(key) {
            Some(packed) => {
                let hash = Lexicon::hash(packed);
                let (word, bit) = Lexicon::filter_bit(hash);
                self.filter[word] |= bit;
                match self.short.find_mut(hash, |e| e.0 == packed) {
                    Some(entry) => entry.1 = range,
                    None => {
                        self.short
                            .insert_unique(hash, (packed, range), |e| Lexicon::hash(e.0));
                    }
                }
            }
            None => {
                self.long.insert(key.into(), range);
            }
        }
    }

    #[cfg(test)]
    fn get(&self, key: &str) -> Option<(u32, u32)> {
        self.get_packed(key, Lexicon::pack(key))
    }

    /// The entries of `key`, given packed when it fits (`Lexicon::pack(key)`).
    #[inline]
    fn get_packed(&self, key: &str, packed: Option<u128>) -> Option<(u32, u32)> {
        match packed {
            Some(packed) => {
                let hash = Lexicon::hash(packed);
                let (word, bit) = Lexicon::filter_bit(hash);
                if self.filter[word] & bit == 0 {
                    return None;
                }
                self.short.find(hash, |e| e.0 == packed).map(|e| e.1)
            }
            None => self.long.get(key).copied(),
        }
    }
}

/// The parts of a word outside the vocabulary that are evidence of its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Affix {
    /// The first three letters: prefixes, and stems that recur.
    Prefix = 0,
    /// The last three letters: inflections.
    Ending = 1,
}

/// Letters of an affix.
const AFFIX_LETTERS: usize = 3;

impl Affix {
    pub(crate) const ALL: [Affix; 2] = [Affix::Prefix, Affix::Ending];

    /// The tag of the affix's lines in `model.txt`.
    pub(crate) fn tag(self) -> &'static str {
        match self {
            Affix::Prefix => "p",
            Affix::Ending => "e",
        }
    }

    /// The name of the line of totals in `model.txt`.
    pub(crate) fn totals(self) -> &'static str {
        match self {
            Affix::Prefix => "prefixes",
            Affix::Ending => "endings",
        }
    }

    /// The first or last three letters of a word of at least four, `None` for shorter words
    /// (which the vocabulary covers).
    #[inline]
    pub(crate) fn of(self, word: &str) -> Option<&str> {
        match self {
            Affix::Prefix => {
                let mut starts = word.char_indices().map(|(i, _)| i);
                let end = starts.nth(AFFIX_LETTERS)?;
                Some(&word[..end])
            }
            Affix::Ending => {
                let mut starts = word.char_indices().rev().map(|(i, _)| i);
                let start = starts.nth(AFFIX_LETTERS - 1)?;
                starts.next()?;
                Some(&word[start..])
            }
        }
    }
}

/// The models of the five shared scripts.
#[derive(Debug)]
pub(crate) struct Model {
    groups: Vec<Group>,
}

static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::parse(include_str!("model.txt")).expect("the committed model.txt is well formed")
});

impl Model {
    /// The model built into wordmill (parsed on first use).
    pub(crate) fn get() -> &'static Model {
        &MODEL
    }

    /// The model of a script, `None` for scripts with one language (or none).
    pub(crate) fn group(&self, script: Script) -> Option<&Group> {
        self.groups.iter().find(|g| g.script == script)
    }

    /// Reads the text format `train.rs` writes; `Err` names the bad line.
    pub(crate) fn parse(text: &str) -> Result<Model, String> {
        let mut groups = Vec::new();
        let mut builder: Option<GroupBuilder> = None;
        for (n, line) in text.lines().enumerate() {
            let bad = || format!("model.txt line {}: {line:?}", n + 1);
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split(' ');
            let kind = fields.next().ok_or_else(bad)?;
            if kind == "group" {
                if let Some(b) = builder.take() {
                    groups.push(b.build());
                }
                let name = fields.next().ok_or_else(bad)?;
                let script = *Script::all()
                    .iter()
                    .find(|s| s.name() == name)
                    .ok_or_else(bad)?;
                builder = Some(GroupBuilder::new(script));
                continue;
            }
            let b = builder.as_mut().ok_or_else(bad)?;
            match kind {
                "langs" => {
                    for code in fields {
                        b.langs.push(Lang::from_code(code).ok_or_else(bad)?);
                    }
                    if b.langs.len() > MAX_LANGS {
                        return Err(bad());
                    }
                }
                "tokens" | "vocab" | "letters" | "prefixes" | "endings" => {
                    let values: Vec<f64> = fields
                        .map(|f| f.parse::<f64>().map_err(|_| bad()))
                        .collect::<Result<_, _>>()?;
                    if values.len() != b.langs.len() {
                        return Err(bad());
                    }
                    match kind {
                        "tokens" => b.tokens = values,
                        "vocab" => b.vocab = values,
                        "letters" => b.letter_totals = values,
                        _ => {
                            let affix = Affix::ALL.iter().find(|a| a.totals() == kind);
                            b.affix_totals[*affix.ok_or_else(bad)? as usize] = values;
                        }
                    }
                }
                "c" | "w" | "p" | "e" => {
                    let key = fields.next().ok_or_else(bad)?;
                    let mut counts = Vec::new();
                    for field in fields {
                        let (code, count) = field.split_once('=').ok_or_else(bad)?;
                        let lang = Lang::from_code(code).ok_or_else(bad)?;
                        let slot = b.langs.iter().position(|&l| l == lang).ok_or_else(bad)?;
                        counts.push((slot as u8, count.parse::<f64>().map_err(|_| bad())?));
                    }
                    if kind == "c" {
                        let mut chars = key.chars();
                        let c = chars.next().ok_or_else(bad)?;
                        if chars.next().is_some() {
                            return Err(bad());
                        }
                        b.letter_rows.push((c, counts));
                    } else if kind == "w" {
                        b.word_rows.push((key.into(), counts));
                    } else {
                        let affix = Affix::ALL.iter().find(|a| a.tag() == kind);
                        b.affix_rows[*affix.ok_or_else(bad)? as usize].push((key.into(), counts));
                    }
                }
                _ => return Err(bad()),
            }
        }
        if let Some(b) = builder.take() {
            groups.push(b.build());
        }
        Ok(Model { groups })
    }
}

/// A word or affix and its count in each language that uses it, by slot.
type KeyedCounts = (Box<str>, Vec<(u8, f64)>);

struct GroupBuilder {
    script: Script,
    langs: Vec<Lang>,
    tokens: Vec<f64>,
    vocab: Vec<f64>,
    letter_totals: Vec<f64>,
    letter_rows: Vec<(char, Vec<(u8, f64)>)>,
    word_rows: Vec<KeyedCounts>,
    affix_totals: [Vec<f64>; 2],
    affix_rows: [Vec<KeyedCounts>; 2],
}

impl GroupBuilder {
    fn new(script: Script) -> Self {
        GroupBuilder {
            script,
            langs: Vec::new(),
            tokens: Vec::new(),
            vocab: Vec::new(),
            letter_totals: Vec::new(),
            letter_rows: Vec::new(),
            word_rows: Vec::new(),
            affix_totals: Default::default(),
            affix_rows: Default::default(),
        }
    }

    fn build(self) -> Group {
        let n = self.langs.len();
        let rows = self.letter_rows.len();
        let mut letters = HashMap::with_capacity(rows);
        let mut ascii = [u16::MAX; 128];
        let mut letter_logp = vec![0.0f32; rows * n];
        for (row, (c, counts)) in self.letter_rows.iter().enumerate() {
            letters.insert(*c, row as u16);
            if c.is_ascii() {
                ascii[*c as usize] = row as u16;
            }
            let mut dense = vec![0.0; n];
            for &(slot, count) in counts {
                dense[slot as usize] = count;
            }
            for (slot, count) in dense.into_iter().enumerate() {
                let total = self.letter_totals[slot] + LETTER_SMOOTHING * rows as f64;
                let p = (count + LETTER_SMOOTHING) / total;
                letter_logp[row * n + slot] = LETTER_WEIGHT * p.ln() as f32;
            }
        }
        let mut words = Lexicon::default();
        let mut entries = Vec::new();
        for (word, counts) in self.word_rows {
            let start = entries.len() as u32;
            for (slot, count) in counts {
                // ln((count + s) / tokens) - ln(s / tokens)
                let lift = ((count + WORD_SMOOTHING) / WORD_SMOOTHING).ln() as f32;
                entries.push((slot, lift));
            }
            words.insert(&word, (start, entries.len() as u32));
        }
        let mut affixes: [AffixModel; 2] = Default::default();
        for (model, (rows, totals)) in affixes
            .iter_mut()
            .zip(self.affix_rows.into_iter().zip(&self.affix_totals))
        {
            let mut seen = vec![0.0; n];
            for (affix, counts) in rows {
                let start = entries.len() as u32;
                for (slot, count) in counts {
                    seen[slot as usize] += count;
                    let lift = ((count + WORD_SMOOTHING) / WORD_SMOOTHING).ln();
                    entries.push((slot, (AFFIX_WEIGHT * lift) as f32));
                }
                model.lexicon.insert(&affix, (start, entries.len() as u32));
            }
            for (slot, seen) in seen.into_iter().enumerate() {
                let total = totals.get(slot).copied().unwrap_or(0.0).max(1.0);
                model.unseen[slot] = (AFFIX_WEIGHT * (WORD_SMOOTHING / total).ln()) as f32;
                model.other[slot] = (AFFIX_WEIGHT * ((total - seen).max(1.0) / total).ln()) as f32;
            }
        }
        let mut unseen = [0.0; MAX_LANGS];
        let mut other = [0.0; MAX_LANGS];
        for slot in 0..n {
            let tokens = self.tokens[slot].max(1.0);
            unseen[slot] = (WORD_SMOOTHING / tokens).ln() as f32;
            other[slot] = ((tokens - self.vocab[slot]).max(1.0) / tokens).ln() as f32;
        }
        Group {
            script: self.script,
            langs: self.langs,
            letters,
            ascii,
            letter_logp,
            words,
            entries,
            unseen,
            other,
            affixes,
        }
    }
}

/// Characters that take no part in words or letters: Arabic harakat and tatweel, Hebrew
/// points, which texts write or omit at will.
#[inline]
fn ignorable(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{0591}'..='\u{05C7}')
}

/// Calls `word` with every word of `text`, lowercased, and `letter` with every letter of
/// those words. Words are maximal runs of letters, digits and combining marks; words with a
/// digit are skipped. `buf` is scratch space, reused so that no word allocates.
#[cfg(test)]
pub(crate) fn for_each_word(
    text: &str,
    buf: &mut String,
    mut word: impl FnMut(&str),
    letter: impl FnMut(char),
) {
    for_each_packed_word(text, buf, |w, _| word(w), letter);
}

/// [`for_each_word`], also giving each word's bytes packed as [`Lexicon`] keys them (`None`
/// for words of more than 16 bytes), built as the word is.
#[inline]
fn for_each_packed_word(
    text: &str,
    buf: &mut String,
    mut word: impl FnMut(&str, Option<u128>),
    mut letter: impl FnMut(char),
) {
    buf.clear();
    // The word's first 16 bytes, in two halves (128-bit shifts are slow).
    let (mut lo, mut hi) = (0u64, 0u64);
    let mut digit = false;
    #[inline]
    fn pack_byte(lo: &mut u64, hi: &mut u64, at: usize, b: u8) {
        if at < 8 {
            *lo |= (b as u64) << (8 * at);
        } else if at < 16 {
            *hi |= (b as u64) << (8 * (at - 8));
        }
    }
    // Appends a character to the word and to its packed bytes.
    let push = |buf: &mut String, lo: &mut u64, hi: &mut u64, c: char| {
        let at = buf.len();
        buf.push(c);
        for (i, &b) in buf.as_bytes()[at..].iter().enumerate() {
            pack_byte(lo, hi, at + i, b);
        }
    };
    let finish =
        |buf: &str, lo: u64, hi: u64| (buf.len() <= 16).then_some((hi as u128) << 64 | lo as u128);
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                let lower = c.to_ascii_lowercase();
                pack_byte(&mut lo, &mut hi, buf.len(), lower as u8);
                buf.push(lower);
                letter(lower);
                continue;
            }
            if c.is_ascii_digit() {
                digit = true;
                continue;
            }
        } else {
            let class = class(c);
            if class.is_word() {
                if ignorable(c) {
                    continue;
                }
                if class.is_numeric() {
                    digit = true;
                } else if class.is_cased() {
                    for lower in c.to_lowercase() {
                        push(buf, &mut lo, &mut hi, lower);
                        letter(lower);
                    }
                } else {
                    push(buf, &mut lo, &mut hi, c);
                    letter(c);
                }
                continue;
            }
        }
        if !buf.is_empty() && !digit {
            word(buf, finish(buf, lo, hi));
        }
        buf.clear();
        (lo, hi) = (0, 0);
        digit = false;
    }
    if !buf.is_empty() && !digit {
        word(buf, finish(buf, lo, hi));
    }
}

/// The evidence gathered from some text, for one script's languages.
#[derive(Clone, Debug)]
pub(crate) struct Tally {
    /// Count of each letter row.
    letter_counts: Vec<u32>,
    /// Rows with a nonzero count.
    touched: Vec<u16>,
    vocabulary_words: u32,
    other_words: u32,
    /// Affixes known to the model and not, per kind.
    known_affixes: [u32; 2],
    other_affixes: [u32; 2],
    /// Sum of the vocabulary words' and affixes' lifts, per slot.
    lifts: Scores,
    /// Letters of the script seen (known to the model or not).
    pub(crate) letters: u32,
}

impl Tally {
    pub(crate) fn new(group: &Group) -> Tally {
        Tally {
            letter_counts: vec![0; group.letters.len()],
            touched: Vec::new(),
            vocabulary_words: 0,
            other_words: 0,
            known_affixes: [0; 2],
            other_affixes: [0; 2],
            lifts: [0.0; MAX_LANGS],
            letters: 0,
        }
    }

    pub(crate) fn clear(&mut self) {
        for &row in &self.touched {
            self.letter_counts[row as usize] = 0;
        }
        self.touched.clear();
        self.vocabulary_words = 0;
        self.other_words = 0;
        self.known_affixes = [0; 2];
        self.other_affixes = [0; 2];
        self.lifts = [0.0; MAX_LANGS];
        self.letters = 0;
    }

    /// Adds the words and letters of `text` (of the group's script; letters of other
    /// scripts are ignored). Unless `full`, only short vocabulary words count as evidence
    /// (one lookup for a short word instead of up to three for every word, and no letters): a
    /// cheaper look, for text beyond what a full look has read.
    pub(crate) fn add(&mut self, group: &Group, text: &str, buf: &mut String, full: bool) {
        if !full {
            let mut letters = 0;
            for_each_packed_word(
                text,
                buf,
                |word, packed| {
                    if word.len() <= SHORT_WORD_BYTES {
                        self.short_word(group, word, packed);
                    }
                },
                |_| letters += 1,
            );
            self.letters += letters;
            return;
        }
        let Tally {
            letter_counts,
            touched,
            vocabulary_words,
            other_words,
            known_affixes,
            other_affixes,
            lifts,
            letters,
        } = self;
        for_each_packed_word(
            text,
            buf,
            |word, packed| {
                let known = match group.words.get_packed(word, packed) {
                    Some((start, end)) => {
                        *vocabulary_words += 1;
                        for &(slot, lift) in &group.entries[start as usize..end as usize] {
                            lifts[slot as usize] += lift;
                        }
                        true
                    }
                    None => {
                        *other_words += 1;
                        false
                    }
                };
                // Affixes speak for the words the vocabulary does not know.
                if known {
                    return;
                }
                for (affix, model) in Affix::ALL.into_iter().zip(&group.affixes) {
                    let Some(key) = affix.of(word) else {
                        continue;
                    };
                    // The affix's bytes are a slice of the word's: shift them out of its
                    // packed bytes rather than pack them again.
                    let packed = packed.map(|p| {
                        let start = key.as_ptr() as usize - word.as_ptr() as usize;
                        let shifted = p >> (8 * start);
                        match key.len() {
                            16.. => shifted,
                            n => shifted & ((1u128 << (8 * n)) - 1),
                        }
                    });
                    match model
                        .lexicon
                        .get_packed(key, packed.or_else(|| Lexicon::pack(key)))
                    {
                        Some((start, end)) => {
                            known_affixes[affix as usize] += 1;
                            for &(slot, lift) in &group.entries[start as usize..end as usize] {
                                lifts[slot as usize] += lift;
                            }
                        }
                        None => other_affixes[affix as usize] += 1,
                    }
                }
            },
            |c| {
                let row = if c.is_ascii() {
                    group.ascii[c as usize]
                } else if let Some(&row) = group.letters.get(&c) {
                    row
                } else if script_of(c) == Some(group.script) {
                    u16::MAX
                } else {
                    return;
                };
                *letters += 1;
                if row != u16::MAX {
                    let count = &mut letter_counts[row as usize];
                    if *count == 0 {
                        touched.push(row);
                    }
                    *count += 1;
                }
            },
        );
    }

    /// Looks up a short word, given packed (or as text when it is not).
    #[inline]
    fn short_word(&mut self, group: &Group, word: &str, packed: Option<u128>) {
        match group.words.get_packed(word, packed) {
            Some((start, end)) => {
                self.vocabulary_words += 1;
                for &(slot, lift) in &group.entries[start as usize..end as usize] {
                    self.lifts[slot as usize] += lift;
                }
            }
            None => self.other_words += 1,
        }
    }

    /// Adds another tally of the same group.
    pub(crate) fn merge(&mut self, other: &Tally) {
        for &row in &other.touched {
            let count = &mut self.letter_counts[row as usize];
            if *count == 0 {
                self.touched.push(row);
            }
            *count += other.letter_counts[row as usize];
        }
        self.vocabulary_words += other.vocabulary_words;
        self.other_words += other.other_words;
        for kind in 0..2 {
            self.known_affixes[kind] += other.known_affixes[kind];
            self.other_affixes[kind] += other.other_affixes[kind];
        }
        for (a, b) in self.lifts.iter_mut().zip(&other.lifts) {
            *a += b;
        }
        self.letters += other.letters;
    }

    /// The log-likelihood of the tallied text in each of the group's languages.
    pub(crate) fn scores(&self, group: &Group) -> Scores {
        let n = group.langs.len();
        let mut scores = [0.0f32; MAX_LANGS];
        for &row in &self.touched {
            let count = self.letter_counts[row as usize] as f32;
            let logp = &group.letter_logp[row as usize * n..(row as usize + 1) * n];
            for (s, lp) in scores.iter_mut().zip(logp) {
                *s += count * lp;
            }
        }
        let vocabulary = self.vocabulary_words as f32;
        let other = self.other_words as f32;
        for (slot, score) in scores.iter_mut().enumerate().take(n) {
            *score +=
                vocabulary * group.unseen[slot] + self.lifts[slot] + other * group.other[slot];
            for (kind, model) in group.affixes.iter().enumerate() {
                *score += self.known_affixes[kind] as f32 * model.unseen[slot]
                    + self.other_affixes[kind] as f32 * model.other[slot];
            }
        }
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, &mut String::new(), |w| out.push(w.to_owned()), |_| {});
        out
    }

    #[test]
    fn words_are_lowercase_letters_without_digits() {
        assert_eq!(
            words("L'État a dit: «COVID-19» 2024, Dagestan’s"),
            ["l", "état", "a", "dit", "covid", "dagestan", "s"]
        );
        // Harakat are dropped, so pointed and plain spellings are one word.
        assert_eq!(words("عُمان عمان"), ["عمان", "عمان"]);
        // Devanagari vowel signs and virama are part of the word.
        assert_eq!(words("भारत की"), ["भारत", "की"]);
    }

    #[test]
    fn packed_words_are_their_bytes() {
        let mut seen = Vec::new();
        for_each_packed_word(
            "Ça VA, Straße naïvement! abcdefghijklmnopq",
            &mut String::new(),
            |w, packed| seen.push((w.to_owned(), packed)),
            |_| {},
        );
        for (word, packed) in seen {
            assert_eq!(packed, Lexicon::pack(&word), "{word}");
        }
        let lexicon = {
            let mut l = Lexicon::default();
            l.insert("the", (1, 2));
            l.insert("abcdefghijklmnopqrstuvwxyz", (3, 4));
            l
        };
        assert_eq!(lexicon.get("the"), Some((1, 2)));
        assert_eq!(lexicon.get("abcdefghijklmnopqrstuvwxyz"), Some((3, 4)));
        assert_eq!(lexicon.get("then"), None);
    }

    #[test]
    fn affixes_are_three_letters_of_longer_words() {
        let ending = |w| Affix::Ending.of(w);
        let prefix = |w| Affix::Prefix.of(w);
        assert_eq!(ending("played"), Some("yed"));
        assert_eq!(prefix("played"), Some("pla"));
        assert_eq!(ending("that"), Some("hat"));
        assert_eq!(prefix("that"), Some("tha"));
        assert_eq!((ending("the"), prefix("the")), (None, None));
        assert_eq!(ending("være"), Some("ære"));
        assert_eq!(prefix("сказав"), Some("ска"));
    }

    #[test]
    fn model_has_the_shared_scripts() {
        let model = Model::get();
        for (script, langs) in [
            (Script::Latin, 37),
            (Script::Cyrillic, 6),
            (Script::Arabic, 3),
            (Script::Devanagari, 3),
            (Script::Hebrew, 2),
        ] {
            let group = model.group(script).expect("a group per shared script");
            assert_eq!(group.langs.len(), langs, "{script:?}");
            let mut expected = script.langs().to_vec();
            expected.sort_by_key(|l| l.code());
            let mut got = group.langs.clone();
            got.sort_by_key(|l| l.code());
            assert_eq!(got, expected, "{script:?}");
        }
        assert!(model.group(Script::Greek).is_none());
    }

    fn best(script: Script, text: &str) -> &'static str {
        let group = Model::get().group(script).unwrap();
        let mut tally = Tally::new(group);
        tally.add(group, text, &mut String::new(), true);
        let scores = tally.scores(group);
        let slot = (0..group.langs.len())
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
            .unwrap();
        group.langs[slot].code()
    }

    #[test]
    fn function_words_and_letters_tell_close_languages_apart() {
        assert_eq!(
            best(Script::Latin, "Det er ikke noget, jeg har hørt om."),
            "dan"
        );
        assert_eq!(
            best(Script::Latin, "Det är inte något jag har hört om."),
            "swe"
        );
        assert_eq!(
            best(Script::Cyrillic, "Він сказав, що це його рішення."),
            "ukr"
        );
        assert_eq!(
            best(Script::Cyrillic, "Он сказал, что это его решение."),
            "rus"
        );
        assert_eq!(best(Script::Arabic, "این یک کتاب خوب است"), "pes");
        assert_eq!(best(Script::Arabic, "یہ ایک اچھی کتاب ہے"), "urd");
    }

    #[test]
    fn the_partial_look_reads_the_short_words() {
        let text = "The ministers of Oman AND Russia, in 2024 (G20): naïve «été» à l'hôtel; \
                    ÇA VA? Straße und die ökonomische Zusammenarbeit x";
        let tally = partial_against_reference(text);
        assert!(tally.vocabulary_words >= 8, "{}", tally.vocabulary_words);
    }

    proptest::proptest! {
        #[test]
        fn the_partial_look_reads_the_short_words_of_any_text(text in "\\PC{0,60}|[a-zA-Z0-9 éÉß«».,'\u{301}\u{64b}]{0,60}") {
            partial_against_reference(&text);
        }
    }

    /// Checks the partial look (words packed as they are read) against words read one by one
    /// and packed apart; returns it.
    fn partial_against_reference(text: &str) -> Tally {
        let group = Model::get().group(Script::Latin).unwrap();
        let mut tally = Tally::new(group);
        tally.add(group, text, &mut String::new(), false);
        // The same by hand: every word counts, the short ones are looked up.
        let mut expected = Tally::new(group);
        let mut letters = 0;
        for_each_word(
            text,
            &mut String::new(),
            |w| {
                if w.len() <= SHORT_WORD_BYTES {
                    expected.short_word(group, w, Lexicon::pack(w));
                }
            },
            |_| letters += 1,
        );
        expected.letters = letters;
        assert_eq!(tally.letters, expected.letters);
        assert_eq!(tally.vocabulary_words, expected.vocabulary_words);
        assert_eq!(tally.other_words, expected.other_words);
        assert_eq!(tally.lifts, expected.lifts);
        tally
    }

    #[test]
    fn merged_tallies_score_like_one() {
        let group = Model::get().group(Script::Latin).unwrap();
        let mut buf = String::new();
        let (a, b) = ("The minister said ", "that talks would go on.");
        let mut whole = Tally::new(group);
        whole.add(group, &format!("{a}{b}"), &mut buf, true);
        let mut first = Tally::new(group);
        first.add(group, a, &mut buf, true);
        let mut second = Tally::new(group);
        second.add(group, b, &mut buf, true);
        first.merge(&second);
        let (x, y) = (whole.scores(group), first.scores(group));
        for slot in 0..group.langs.len() {
            assert!((x[slot] - y[slot]).abs() < 1e-3);
        }
        first.clear();
        assert_eq!(first.scores(group), Tally::new(group).scores(group));
    }
}
