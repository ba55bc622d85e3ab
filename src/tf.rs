//! Term frequency: per-document term counts, corpus statistics that merge exactly, and term
//! weights (TF-IDF, BM25) computed from them.
//!
//! - [`TermCounts`]: how often each term occurs in one document, and its length.
//! - [`CorpusStats`]: documents, tokens, and per term its document and collection frequency,
//!   for the whole corpus and for each language ([`CorpusStats::language`]). Statistics of
//!   shards merge into exactly the statistics of the whole, and persist as JSON (serde) or in a
//!   compact, versioned binary format ([`CorpusStats::to_bytes`]).
//! - [`Vocabulary`]: the distinct terms, interned, each with a dense id.
//! - [`TfIdf`] and [`Bm25`]: weights of a document's terms against corpus statistics.
//!
//! ```
//! use wordmill::tf::{Bm25, CorpusStats, RankBy, TermCounts, TfIdf};
//! use wordmill::Lang;
//!
//! let mut doc = TermCounts::new();
//! for term in ["oman", "russia", "oman"] {
//!     doc.add(term);
//! }
//! assert_eq!(doc.count("oman"), 2);
//! assert_eq!(doc.total(), 3); // the document's length
//!
//! // Statistics of two shards, merged, equal the statistics of the whole.
//! let eng: Lang = "eng".parse()?;
//! let (mut left, mut right, mut whole) = (CorpusStats::new(), CorpusStats::new(), CorpusStats::new());
//! left.add_document(eng, &doc);
//! right.add_document(eng, &TermCounts::from_terms(["iran", "oman"]));
//! whole.add_document(eng, &doc);
//! whole.add_document(eng, &TermCounts::from_terms(["iran", "oman"]));
//! left.merge(&right);
//! assert_eq!(left, whole);
//! assert_eq!(whole.document_frequency("oman"), 2);
//! assert_eq!(whole.collection_frequency("oman"), 3);
//! assert_eq!(whole.average_document_length(), 2.5);
//! assert_eq!(whole.top(1, RankBy::DocumentFrequency)[0].0, "oman");
//!
//! // In `doc`, "oman" occurs twice but is in every document; "russia" once, in one of two.
//! let tfidf = TfIdf::new();
//! assert!(tfidf.idf(&whole, "russia") > tfidf.idf(&whole, "oman"));
//! assert_eq!(tfidf.top(&whole, &doc, 1)[0].0, "oman");
//! let bm25 = Bm25::new();
//! assert!(bm25.score(&whole, &doc, ["russia"]) > bm25.score(&whole, &doc, ["oman"]));
//!
//! // Binary round trip.
//! assert_eq!(CorpusStats::from_bytes(&whole.to_bytes())?, whole);
//! # Ok::<(), wordmill::Error>(())
//! ```

mod persist;
mod weight;

use std::collections::BTreeMap;
use std::fmt;
use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashMap, HashTable};
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Lang;

pub use persist::BINARY_FORMAT_VERSION;
pub use weight::{Bm25, Norm, TfIdf};

/// Distinct terms, each with a dense id (0, 1, 2, ... in order of first insertion).
///
/// The terms are stored back to back in one buffer and found through a hash table of ids, so
/// a vocabulary costs the bytes of its terms plus about 14 bytes per term (an 8-byte offset
/// and a hash table slot; up to twice that just after a buffer grows), and interning a term
/// that is already known allocates nothing.
///
/// Ids belong to one vocabulary: the same term may have another id in another
/// [`CorpusStats`], or in the same statistics after a merge or a round trip through a file.
///
/// ```
/// use wordmill::tf::{CorpusStats, TermCounts};
/// use wordmill::Lang;
///
/// let mut stats = CorpusStats::new();
/// stats.add_document(Lang::UND, &TermCounts::from_terms(["muscat", "oman", "muscat"]));
/// let vocabulary = stats.vocabulary();
/// assert_eq!(vocabulary.len(), 2);
/// let id = vocabulary.id("oman").unwrap();
/// assert_eq!(vocabulary.term(id), Some("oman"));
/// assert_eq!(stats.frequency_by_id(id).unwrap().occurrences, 1);
/// assert_eq!(vocabulary.id("russia"), None);
/// ```
#[derive(Clone, Default)]
pub struct Vocabulary {
    text: String,
    ends: Vec<usize>,
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl Vocabulary {
    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there is no term.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The id of `term`, if it is in the vocabulary.
    pub fn id(&self, term: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(term);
        self.table
            .find(hash, |&id| self.get_str(id) == term)
            .copied()
    }

    /// The term with this id.
    pub fn term(&self, id: u32) -> Option<&str> {
        ((id as usize) < self.len()).then(|| self.get_str(id))
    }

    /// The terms in id order: the n-th term has id n.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len() as u32).map(|id| self.get_str(id))
    }

    /// Heap bytes held, for memory reports.
    pub fn heap_size(&self) -> usize {
        self.text.capacity()
            + self.ends.capacity() * size_of::<usize>()
            + self.table.capacity() * (size_of::<u32>() + 1)
    }

    /// `id` must be below `len()`.
    fn get_str(&self, id: u32) -> &str {
        term_at(&self.text, &self.ends, id)
    }

    /// The id of `term`, and whether it was new.
    ///
    /// # Panics
    ///
    /// With more than `u32::MAX` distinct terms, which would take over 60 GB.
    fn intern(&mut self, term: &str) -> (u32, bool) {
        let hash = self.hasher.hash_one(term);
        let Vocabulary {
            text,
            ends,
            table,
            hasher,
        } = self;
        if let Some(&id) = table.find(hash, |&id| term_at(text, ends, id) == term) {
            return (id, false);
        }
        let id = u32::try_from(ends.len()).expect("more than 4 billion distinct terms");
        text.push_str(term);
        ends.push(text.len());
        let (text, ends) = (&*text, &*ends);
        table.insert_unique(hash, id, |&other| {
            hasher.hash_one(term_at(text, ends, other))
        });
        (id, true)
    }
}

fn term_at<'a>(text: &'a str, ends: &[usize], id: u32) -> &'a str {
    let i = id as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] };
    &text[start..ends[i]]
}

impl fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// How often each term occurs in one document, in order of first occurrence.
///
/// Every counted term has a count of at least 1. Serializes as a map from term to count.
///
/// ```
/// use wordmill::tf::TermCounts;
///
/// let doc = TermCounts::from_terms(["rain", "muscat", "rain"]);
/// assert_eq!(doc.count("rain"), 2);
/// assert_eq!(doc.len(), 2);   // distinct terms
/// assert_eq!(doc.total(), 3); // the document's length
/// assert_eq!(doc.top(1), [("rain", 2)]);
/// ```
#[derive(Clone, Default)]
pub struct TermCounts {
    terms: Vocabulary,
    counts: Vec<u32>,
}

impl TermCounts {
    /// No terms.
    pub fn new() -> TermCounts {
        TermCounts::default()
    }

    /// Counts every term of `terms`, in order.
    pub fn from_terms<I>(terms: I) -> TermCounts
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let mut counts = TermCounts::new();
        for term in terms {
            counts.add(term.as_ref());
        }
        counts
    }

    /// Counts one occurrence of `term` and returns its index (its rank of first occurrence).
    /// A count stops at `u32::MAX`.
    pub fn add(&mut self, term: &str) -> u32 {
        let (id, new) = self.terms.intern(term);
        if new {
            self.counts.push(1);
        } else {
            let count = &mut self.counts[id as usize];
            *count = count.saturating_add(1);
        }
        id
    }

    /// How often `term` occurs (0 when it does not).
    pub fn count(&self, term: &str) -> u32 {
        self.terms.id(term).map_or(0, |id| self.counts[id as usize])
    }

    /// The term with index `id`, as returned by [`add`](Self::add).
    pub fn term(&self, id: u32) -> Option<&str> {
        self.terms.term(id)
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// True when no term was counted.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Number of occurrences of all terms: the document's length in terms, the length that
    /// [`Bm25`] and [`CorpusStats::average_document_length`] use.
    pub fn total(&self) -> u64 {
        self.counts.iter().map(|&c| u64::from(c)).sum()
    }

    /// Terms and their counts in order of first occurrence.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, u32)> + '_ {
        self.terms.iter().zip(self.counts.iter().copied())
    }

    /// The `k` most frequent terms, most frequent first; ties in alphabetical order.
    /// [`TfIdf::top`] and [`Bm25::top`] rank by weight instead.
    pub fn top(&self, k: usize) -> Vec<(&str, u32)> {
        let mut all: Vec<(&str, u32)> = self.iter().collect();
        top_k(&mut all, k, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        all
    }
}

/// Sorts the best `k` of `items` to the front and drops the rest.
fn top_k<T>(items: &mut Vec<T>, k: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if k < items.len() {
        items.select_nth_unstable_by(k, &order);
        items.truncate(k);
    }
    items.sort_unstable_by(order);
}

impl PartialEq for TermCounts {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for TermCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for TermCounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (term, count) in self.iter() {
            map.serialize_entry(term, &count)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for TermCounts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CountsVisitor;
        impl<'de> Visitor<'de> for CountsVisitor {
            type Value = TermCounts;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from term to count")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TermCounts, A::Error> {
                let mut counts = TermCounts::new();
                while let Some((term, count)) =
                    map.next_entry::<std::borrow::Cow<'de, str>, u32>()?
                {
                    if count == 0 {
                        return Err(serde::de::Error::custom(format_args!(
                            "term {term:?} has count 0: counted terms occur at least once"
                        )));
                    }
                    let (id, new) = counts.terms.intern(&term);
                    if !new {
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate term {term:?}"
                        )));
                    }
                    debug_assert_eq!(id as usize, counts.counts.len());
                    counts.counts.push(count);
                }
                Ok(counts)
            }
        }
        deserializer.deserialize_map(CountsVisitor)
    }
}

/// Counts word bigrams as the pipeline's `bigrams` option asks: each term joined to the term
/// before it by a space, reusing one buffer so that a bigram allocates nothing once the
/// document's vocabulary has grown.
#[derive(Debug, Default)]
pub(crate) struct Bigrams {
    previous: Option<u32>,
    buffer: String,
}

impl Bigrams {
    /// Called with the id of every term as it is counted: counts the bigram it ends.
    pub(crate) fn add(&mut self, terms: &mut TermCounts, id: u32) {
        if let (Some(previous), Some(current)) = (self.previous, terms.term(id)) {
            self.buffer.clear();
            self.buffer.push_str(terms.terms.get_str(previous));
            self.buffer.push(' ');
            self.buffer.push_str(current);
            terms.add(&self.buffer);
        }
        self.previous = Some(id);
    }
}

/// Documents and term occurrences of one language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangStats {
    /// Documents detected as the language.
    pub documents: u64,
    /// Term occurrences in those documents.
    pub tokens: u64,
}

/// Document and collection frequency of one term.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermFrequency {
    /// Number of documents that contain the term: its document frequency (df).
    pub documents: u64,
    /// Number of times the term occurs in the corpus: its collection frequency (cf).
    pub occurrences: u64,
}

impl TermFrequency {
    fn add(&mut self, other: TermFrequency) {
        self.documents = self.documents.saturating_add(other.documents);
        self.occurrences = self.occurrences.saturating_add(other.occurrences);
    }
}

/// How [`CorpusStats::top`] and [`LanguageView::top`] rank terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RankBy {
    /// Most documents first, then most occurrences, then alphabetically.
    DocumentFrequency,
    /// Most occurrences first, then most documents, then alphabetically.
    CollectionFrequency,
}

impl RankBy {
    fn order(self, a: &(&str, TermFrequency), b: &(&str, TermFrequency)) -> std::cmp::Ordering {
        let key = |f: TermFrequency| match self {
            RankBy::DocumentFrequency => (f.documents, f.occurrences),
            RankBy::CollectionFrequency => (f.occurrences, f.documents),
        };
        key(b.1).cmp(&key(a.1)).then_with(|| a.0.cmp(b.0))
    }
}

/// Which languages a term occurs in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum TermLangs {
    /// Not counted yet: only between interning a term and counting it.
    #[default]
    None,
    /// This language only: the term's frequencies in it are its corpus-wide frequencies.
    One(Lang),
    /// Several: their frequencies are in [`CorpusStats::spill`].
    Many,
}

/// A term's corpus-wide frequencies and where its per-language frequencies are.
#[derive(Clone, Copy, Debug, Default)]
struct TermEntry {
    total: TermFrequency,
    langs: TermLangs,
}

/// Statistics of a corpus: documents and tokens, and document and collection frequency per
/// term, in all and per language.
///
/// Adding documents and merging are associative and commutative, and the counts are exact
/// integers: statistics built on shards (threads, files, machines) and merged equal the
/// statistics of one run over everything. Memory grows with the vocabulary and the (term,
/// language) pairs seen, not with the corpus: see [`heap_size`](Self::heap_size).
///
/// Per-language frequencies cost little because most terms belong to one language: a term
/// seen in one language only keeps just that language beside its corpus-wide frequencies
/// (which are then its frequencies in that language); only terms seen in several languages
/// (names, numbers, loanwords) get an entry per (term, language) in a side table.
///
/// Persists through serde (JSON: languages sorted by code, each with its terms sorted, so
/// equal statistics serialize identically) and through a compact binary format
/// ([`to_bytes`](Self::to_bytes), [`from_bytes`](Self::from_bytes)). Loading checks the data:
/// corrupt or inconsistent statistics are an error, never a panic.
///
/// ```
/// use wordmill::tf::{CorpusStats, RankBy, TermCounts};
/// use wordmill::Lang;
///
/// let (eng, ara): (Lang, Lang) = ("eng".parse()?, "ara".parse()?);
/// let mut stats = CorpusStats::new();
/// stats.add_document(eng, &TermCounts::from_terms(["oman", "talk", "oman"]));
/// stats.add_document(eng, &TermCounts::from_terms(["muscat", "rain"]));
/// stats.add_document(ara, &TermCounts::from_terms(["عمان"]));
///
/// assert_eq!(stats.documents(), 3);
/// assert_eq!(stats.tokens(), 6);
/// assert_eq!(stats.average_document_length(), 2.0);
/// let english = stats.language(eng).unwrap();
/// assert_eq!(english.documents(), 2);
/// assert_eq!(english.vocabulary_size(), 4);
/// assert_eq!(english.top(1, RankBy::CollectionFrequency)[0].0, "oman");
/// assert_eq!(english.document_frequency("عمان"), 0);
/// # Ok::<(), wordmill::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct CorpusStats {
    documents: u64,
    tokens: u64,
    languages: BTreeMap<Lang, LangStats>,
    vocabulary: Vocabulary,
    /// Per term id.
    entries: Vec<TermEntry>,
    /// Per (term id, language): frequencies of the terms seen in several languages.
    spill: HashMap<(u32, Lang), TermFrequency>,
    /// Per language with terms: how many distinct terms it has.
    lang_vocabulary: BTreeMap<Lang, usize>,
}

impl CorpusStats {
    /// Statistics of an empty corpus.
    pub fn new() -> CorpusStats {
        CorpusStats::default()
    }

    /// Counts one document of language `lang` with these terms. Its length is
    /// [`terms.total()`](TermCounts::total).
    pub fn add_document(&mut self, lang: Lang, terms: &TermCounts) {
        let length = terms.total();
        self.documents = self.documents.saturating_add(1);
        self.tokens = self.tokens.saturating_add(length);
        let per_lang = self.languages.entry(lang).or_default();
        per_lang.documents = per_lang.documents.saturating_add(1);
        per_lang.tokens = per_lang.tokens.saturating_add(length);
        for (term, count) in terms.iter() {
            let seen = TermFrequency {
                documents: 1,
                occurrences: u64::from(count),
            };
            let id = self.intern(term);
            self.count_in(id, lang, seen);
        }
    }

    /// The id of `term`, with an entry for it.
    fn intern(&mut self, term: &str) -> u32 {
        let (id, new) = self.vocabulary.intern(term);
        if new {
            self.entries.push(TermEntry::default());
        }
        id
    }

    /// Adds `seen` to the frequencies of term `id`, in all and in `lang`. The one place that
    /// adds (term, language) pairs, so the one place that counts them in `lang_vocabulary`.
    fn count_in(&mut self, id: u32, lang: Lang, seen: TermFrequency) {
        let entry = &mut self.entries[id as usize];
        let before = entry.total;
        entry.total.add(seen);
        let new_to_lang = match entry.langs {
            TermLangs::None => {
                entry.langs = TermLangs::One(lang);
                true
            }
            TermLangs::One(only) if only == lang => false,
            TermLangs::One(only) => {
                // Everything counted so far was in `only`.
                entry.langs = TermLangs::Many;
                self.spill.insert((id, only), before);
                self.spill.insert((id, lang), seen);
                true
            }
            TermLangs::Many => match self.spill.entry((id, lang)) {
                hashbrown::hash_map::Entry::Occupied(mut slot) => {
                    slot.get_mut().add(seen);
                    false
                }
                hashbrown::hash_map::Entry::Vacant(slot) => {
                    slot.insert(seen);
                    true
                }
            },
        };
        if new_to_lang {
            // Only ever incremented: no language has an entry of 0.
            *self.lang_vocabulary.entry(lang).or_default() += 1;
        }
    }

    /// Frequencies of term `id` (which must exist) in `lang`'s documents, `None` when it was
    /// not counted in `lang`.
    fn frequency_in(&self, id: u32, lang: Lang) -> Option<TermFrequency> {
        let entry = &self.entries[id as usize];
        match entry.langs {
            TermLangs::None => None,
            TermLangs::One(only) => (only == lang).then_some(entry.total),
            TermLangs::Many => self.spill.get(&(id, lang)).copied(),
        }
    }

    /// Every (term id, language, frequencies in that language), each pair once.
    fn pairs(&self) -> impl Iterator<Item = (u32, Lang, TermFrequency)> + '_ {
        let single = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(id, e)| match e.langs {
                TermLangs::One(lang) => Some((id as u32, lang, e.total)),
                _ => None,
            });
        single.chain(self.spill.iter().map(|(&(id, lang), &f)| (id, lang, f)))
    }

    /// Adds everything `other` counted.
    pub fn merge(&mut self, other: &CorpusStats) {
        if self.documents == 0 && self.languages.is_empty() {
            self.clone_from(other);
            return;
        }
        self.documents = self.documents.saturating_add(other.documents);
        self.tokens = self.tokens.saturating_add(other.tokens);
        for (lang, s) in &other.languages {
            let mine = self.languages.entry(*lang).or_default();
            mine.documents = mine.documents.saturating_add(s.documents);
            mine.tokens = mine.tokens.saturating_add(s.tokens);
        }
        // Other's ids, translated to ours.
        let mut ids = Vec::with_capacity(other.vocabulary.len());
        for (term, entry) in other.vocabulary.iter().zip(&other.entries) {
            let id = self.intern(term);
            ids.push(id);
            if let TermLangs::One(lang) = entry.langs {
                self.count_in(id, lang, entry.total);
            }
        }
        for (&(id, lang), &f) in &other.spill {
            self.count_in(ids[id as usize], lang, f);
        }
    }

    /// The two statistics merged, reusing the larger one: the reduction step for parallel
    /// counting, as in [`corpus_stats`](crate::corpus_stats).
    ///
    /// ```
    /// use rayon::prelude::*;
    /// use wordmill::tf::{CorpusStats, TermCounts};
    /// use wordmill::Lang;
    ///
    /// let docs: Vec<TermCounts> = (0..100).map(|i| TermCounts::from_terms([format!("t{}", i % 7)])).collect();
    /// let stats = docs
    ///     .par_iter()
    ///     .fold(CorpusStats::new, |mut s, d| { s.add_document(Lang::UND, d); s })
    ///     .reduce(CorpusStats::new, CorpusStats::merged);
    /// assert_eq!(stats.documents(), 100);
    /// assert_eq!(stats.document_frequency("t0"), 15);
    /// ```
    pub fn merged(self, other: CorpusStats) -> CorpusStats {
        let (mut big, small) = if self.vocabulary.len() >= other.vocabulary.len() {
            (self, other)
        } else {
            (other, self)
        };
        big.merge(&small);
        big
    }

    /// Number of documents.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// Number of term occurrences in all documents.
    pub fn tokens(&self) -> u64 {
        self.tokens
    }

    /// Average document length in terms: tokens / documents (0 for an empty corpus).
    pub fn average_document_length(&self) -> f64 {
        average(self.tokens, self.documents)
    }

    /// Documents and term occurrences per detected language (`und` included).
    pub fn languages(&self) -> &BTreeMap<Lang, LangStats> {
        &self.languages
    }

    /// The statistics of the documents of one language, if the corpus has any.
    pub fn language(&self, lang: Lang) -> Option<LanguageView<'_>> {
        let stats = *self.languages.get(&lang)?;
        Some(LanguageView {
            corpus: self,
            lang,
            stats,
        })
    }

    /// The distinct terms of the corpus, with their ids.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Number of distinct terms.
    pub fn vocabulary_size(&self) -> usize {
        self.vocabulary.len()
    }

    /// Number of documents containing `term`.
    pub fn document_frequency(&self, term: &str) -> u64 {
        self.frequency(term).documents
    }

    /// Number of occurrences of `term` in the corpus.
    pub fn collection_frequency(&self, term: &str) -> u64 {
        self.frequency(term).occurrences
    }

    /// Document and collection frequency of `term` (zeros when absent).
    pub fn frequency(&self, term: &str) -> TermFrequency {
        self.vocabulary
            .id(term)
            .map_or_else(TermFrequency::default, |id| self.entries[id as usize].total)
    }

    /// Document and collection frequency of the term with this [`Vocabulary`] id.
    pub fn frequency_by_id(&self, id: u32) -> Option<TermFrequency> {
        self.entries.get(id as usize).map(|e| e.total)
    }

    /// Every term with its frequencies, in id order.
    pub fn terms(&self) -> impl ExactSizeIterator<Item = (&str, TermFrequency)> + '_ {
        self.vocabulary
            .iter()
            .zip(self.entries.iter().map(|e| e.total))
    }

    /// The `k` top terms of the corpus, best first.
    pub fn top(&self, k: usize, by: RankBy) -> Vec<(&str, TermFrequency)> {
        let mut all: Vec<(&str, TermFrequency)> = self.terms().collect();
        top_k(&mut all, k, |a, b| by.order(a, b));
        all
    }

    /// The `k` terms found in most documents, ties broken by occurrences, then alphabetically:
    /// `top(k, RankBy::DocumentFrequency)`.
    pub fn top_by_document_frequency(&self, k: usize) -> Vec<(&str, TermFrequency)> {
        self.top(k, RankBy::DocumentFrequency)
    }

    /// Approximate heap memory held by the statistics, in bytes: the [`Vocabulary`] (its
    /// terms' bytes plus about 14 bytes a term), 24 bytes a term of frequencies, and about 28
    /// bytes per (term, language) pair of the terms seen in several languages; up to twice
    /// those costs just after a table grows. On the NTREX news corpus (65 languages) that is
    /// about 70 bytes a term, whatever the size of the corpus.
    pub fn heap_size(&self) -> usize {
        self.vocabulary.heap_size()
            + self.entries.capacity() * size_of::<TermEntry>()
            + self.spill.capacity() * (size_of::<((u32, Lang), TermFrequency)>() + 1)
    }
}

fn average(total: u64, count: u64) -> f64 {
    if count == 0 {
        0.0
    } else {
        total as f64 / count as f64
    }
}

impl PartialEq for CorpusStats {
    fn eq(&self, other: &Self) -> bool {
        let same_term = |(term, entry): (&str, &TermEntry)| {
            other.vocabulary.id(term).is_some_and(|id| {
                let theirs = &other.entries[id as usize];
                theirs.total == entry.total
                    && match (entry.langs, theirs.langs) {
                        (TermLangs::One(a), TermLangs::One(b)) => a == b,
                        (TermLangs::Many, TermLangs::Many) => true, // `spill` compared below
                        _ => false,
                    }
            })
        };
        let same_spill = |(&(id, lang), f): (&(u32, Lang), &TermFrequency)| {
            other
                .vocabulary
                .id(self.vocabulary.get_str(id))
                .and_then(|theirs| other.spill.get(&(theirs, lang)))
                == Some(f)
        };
        self.documents == other.documents
            && self.tokens == other.tokens
            && self.languages == other.languages
            && self.lang_vocabulary == other.lang_vocabulary
            && self.vocabulary_size() == other.vocabulary_size()
            && self.spill.len() == other.spill.len()
            && self.vocabulary.iter().zip(&self.entries).all(same_term)
            && self.spill.iter().all(same_spill)
    }
}

impl fmt::Debug for CorpusStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CorpusStats")
            .field("documents", &self.documents)
            .field("tokens", &self.tokens)
            .field("languages", &self.languages)
            .field("vocabulary_size", &self.vocabulary_size())
            .finish()
    }
}

/// The statistics of one language's documents, borrowed from a [`CorpusStats`]
/// ([`CorpusStats::language`]).
#[derive(Clone, Copy)]
pub struct LanguageView<'a> {
    corpus: &'a CorpusStats,
    lang: Lang,
    stats: LangStats,
}

impl<'a> LanguageView<'a> {
    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Number of documents of the language.
    pub fn documents(&self) -> u64 {
        self.stats.documents
    }

    /// Number of term occurrences in those documents.
    pub fn tokens(&self) -> u64 {
        self.stats.tokens
    }

    /// Average length of those documents, in terms.
    pub fn average_document_length(&self) -> f64 {
        average(self.stats.tokens, self.stats.documents)
    }

    /// Number of distinct terms in those documents.
    pub fn vocabulary_size(&self) -> usize {
        self.corpus
            .lang_vocabulary
            .get(&self.lang)
            .copied()
            .unwrap_or(0)
    }

    /// Frequencies of `term` in the language's documents (zeros when absent).
    pub fn frequency(&self, term: &str) -> TermFrequency {
        self.corpus
            .vocabulary
            .id(term)
            .and_then(|id| self.corpus.frequency_in(id, self.lang))
            .unwrap_or_default()
    }

    /// Number of the language's documents containing `term`.
    pub fn document_frequency(&self, term: &str) -> u64 {
        self.frequency(term).documents
    }

    /// Number of occurrences of `term` in the language's documents.
    pub fn collection_frequency(&self, term: &str) -> u64 {
        self.frequency(term).occurrences
    }

    /// Every term of the language's documents with its frequencies there, in id order. Walks
    /// the corpus's whole vocabulary.
    pub fn terms(&self) -> impl Iterator<Item = (&'a str, TermFrequency)> + 'a {
        let (corpus, lang) = (self.corpus, self.lang);
        corpus
            .vocabulary
            .iter()
            .zip(0..)
            .filter_map(move |(term, id)| Some((term, corpus.frequency_in(id, lang)?)))
    }

    /// The `k` top terms of the language, best first.
    pub fn top(&self, k: usize, by: RankBy) -> Vec<(&'a str, TermFrequency)> {
        let mut all: Vec<(&str, TermFrequency)> = self.terms().collect();
        top_k(&mut all, k, |a, b| by.order(a, b));
        all
    }
}

impl fmt::Debug for LanguageView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LanguageView")
            .field("lang", &self.lang)
            .field("documents", &self.stats.documents)
            .field("tokens", &self.stats.tokens)
            .field("vocabulary_size", &self.vocabulary_size())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn counts(terms: &[&str]) -> TermCounts {
        TermCounts::from_terms(terms)
    }

    fn lang(code: &str) -> Lang {
        code.parse().unwrap()
    }

    #[test]
    fn counts_in_first_occurrence_order() {
        let c = counts(&["b", "a", "b", "c", "b"]);
        let all: Vec<_> = c.iter().collect();
        assert_eq!(all, [("b", 3), ("a", 1), ("c", 1)]);
        assert_eq!(c.top(2), [("b", 3), ("a", 1)]);
        assert_eq!(c.top(0), []);
        assert_eq!(c.top(10).len(), 3);
        assert_eq!(c.count("z"), 0);
        assert_eq!(c.term(2), Some("c"));
        assert_eq!(c.term(3), None);
    }

    #[test]
    fn many_terms_survive_table_growth() {
        let mut c = TermCounts::new();
        for i in 0..10_000 {
            c.add(&format!("t{i}"));
            c.add(&format!("t{}", i / 2));
        }
        assert_eq!(c.len(), 10_000);
        assert_eq!(c.count("t0"), 3);
        assert_eq!(c.count("t9999"), 1);
        assert_eq!(c.total(), 20_000);
    }

    #[test]
    fn term_counts_round_trip_through_json() {
        let c = counts(&["oman", "عمان", "oman"]);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"{"oman":2,"عمان":1}"#);
        assert_eq!(serde_json::from_str::<TermCounts>(&json).unwrap(), c);
        assert!(serde_json::from_str::<TermCounts>(r#"{"a":1,"a":2}"#).is_err());
        assert!(serde_json::from_str::<TermCounts>(r#"{"a":0}"#).is_err());
    }

    #[test]
    fn bigrams_join_consecutive_terms() {
        let mut terms = TermCounts::new();
        let mut bigrams = Bigrams::default();
        for term in ["new", "york", "new", "york", "city"] {
            let id = terms.add(term);
            bigrams.add(&mut terms, id);
        }
        assert_eq!(terms.count("new york"), 2);
        assert_eq!(terms.count("york new"), 1);
        assert_eq!(terms.count("york city"), 1);
        assert_eq!(terms.count("new"), 2);
        assert_eq!(terms.total(), 5 + 4);
    }

    #[test]
    fn vocabulary_maps_terms_to_dense_ids() {
        let mut stats = CorpusStats::new();
        stats.add_document(Lang::UND, &counts(&["b", "a", "b"]));
        stats.add_document(Lang::UND, &counts(&["c", "a"]));
        let v = stats.vocabulary();
        assert_eq!(v.iter().collect::<Vec<_>>(), ["b", "a", "c"]);
        assert_eq!(v.id("c"), Some(2));
        assert_eq!(v.term(1), Some("a"));
        assert_eq!(v.term(3), None);
        assert_eq!(
            stats.frequency_by_id(1),
            Some(TermFrequency {
                documents: 2,
                occurrences: 2
            })
        );
        assert_eq!(stats.frequency_by_id(3), None);
        assert!(v.heap_size() >= 3);
    }

    fn sample() -> (Vec<(Lang, TermCounts)>, CorpusStats) {
        let (eng, ara) = (lang("eng"), lang("ara"));
        let docs = vec![
            (eng, counts(&["oman", "russia", "oman"])),
            (ara, counts(&["عمان", "oman"])),
            (eng, counts(&["oman", "iran"])),
            (Lang::UND, counts(&[])),
        ];
        let mut whole = CorpusStats::new();
        for (l, d) in &docs {
            whole.add_document(*l, d);
        }
        (docs, whole)
    }

    #[test]
    fn corpus_and_language_statistics() {
        let (_, whole) = sample();
        let (eng, ara) = (lang("eng"), lang("ara"));
        assert_eq!(whole.documents(), 4);
        assert_eq!(whole.tokens(), 7);
        assert_eq!(whole.average_document_length(), 7.0 / 4.0);
        assert_eq!(
            whole.frequency("oman"),
            TermFrequency {
                documents: 3,
                occurrences: 4
            }
        );
        assert_eq!(
            whole.languages()[&eng],
            LangStats {
                documents: 2,
                tokens: 5
            }
        );
        assert_eq!(whole.languages()[&Lang::UND].tokens, 0);
        let english = whole.language(eng).unwrap();
        assert_eq!(english.lang(), eng);
        assert_eq!(english.average_document_length(), 2.5);
        assert_eq!(english.vocabulary_size(), 3);
        assert_eq!(english.collection_frequency("oman"), 3);
        assert_eq!(english.document_frequency("عمان"), 0);
        assert_eq!(whole.language(ara).unwrap().collection_frequency("oman"), 1);
        assert_eq!(whole.language(Lang::UND).unwrap().vocabulary_size(), 0);
        assert!(whole.language(lang("fra")).is_none());

        let top: Vec<&str> = whole
            .top(3, RankBy::DocumentFrequency)
            .iter()
            .map(|t| t.0)
            .collect();
        // "oman" first; the rest tie at one document and one occurrence: alphabetical.
        assert_eq!(top, ["oman", "iran", "russia"]);
        let top_ara: Vec<&str> = whole
            .language(ara)
            .unwrap()
            .top(5, RankBy::CollectionFrequency)
            .iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(top_ara, ["oman", "عمان"]);
    }

    #[test]
    fn ranking_by_collection_frequency_differs_from_document_frequency() {
        let mut s = CorpusStats::new();
        s.add_document(Lang::UND, &counts(&["rain", "rain", "rain", "sun"]));
        s.add_document(Lang::UND, &counts(&["sun"]));
        assert_eq!(s.top(1, RankBy::DocumentFrequency)[0].0, "sun");
        assert_eq!(s.top(1, RankBy::CollectionFrequency)[0].0, "rain");
        assert_eq!(s.top_by_document_frequency(1)[0].0, "sun");
    }

    #[test]
    fn merge_equals_single_run_in_any_order() {
        let (docs, whole) = sample();
        let shard = |range: std::ops::Range<usize>| {
            let mut s = CorpusStats::new();
            for (l, d) in &docs[range] {
                s.add_document(*l, d);
            }
            s
        };
        let mut a = shard(2..4);
        a.merge(&shard(0..2));
        assert_eq!(a, whole);
        assert_eq!(shard(0..1).merged(shard(1..4)), whole);
        assert_eq!(shard(1..4).merged(shard(0..1)), whole);
        let mut empty = CorpusStats::new();
        empty.merge(&whole);
        assert_eq!(empty, whole);
        let mut same = whole.clone();
        same.merge(&CorpusStats::new());
        assert_eq!(same, whole);
        assert_ne!(shard(0..2), whole);
    }

    #[test]
    fn language_vocabulary_counts_the_pairs_however_built() {
        let (docs, whole) = sample();
        let mut merged = CorpusStats::new();
        merged.add_document(docs[0].0, &docs[0].1);
        let mut rest = CorpusStats::new();
        for (l, d) in &docs[1..] {
            rest.add_document(*l, d);
        }
        merged.merge(&rest);
        let json = serde_json::from_str(&serde_json::to_string(&whole).unwrap()).unwrap();
        let binary = CorpusStats::from_bytes(&whole.to_bytes()).unwrap();
        for stats in [&whole, &merged, &json, &binary] {
            for &lang in stats.languages().keys() {
                let view = stats.language(lang).unwrap();
                assert_eq!(view.vocabulary_size(), view.terms().count(), "{lang}");
            }
            // Only languages with terms have an entry, never one of 0.
            assert!(stats.lang_vocabulary.values().all(|&n| n > 0));
            assert!(!stats.lang_vocabulary.contains_key(&Lang::UND));
            assert_eq!(stats.lang_vocabulary.len(), 2);
        }
    }

    #[test]
    fn equality_sees_per_language_frequencies() {
        // Same totals, different split of "x" and "y" between languages.
        let (eng, deu) = (lang("eng"), lang("deu"));
        let mut a = CorpusStats::new();
        a.add_document(eng, &counts(&["oman", "x"]));
        a.add_document(deu, &counts(&["oman", "y"]));
        let mut b = CorpusStats::new();
        b.add_document(eng, &counts(&["oman", "y"]));
        b.add_document(deu, &counts(&["oman", "x"]));
        assert_eq!(a.languages(), b.languages());
        assert_eq!(a.frequency("x"), b.frequency("x"));
        assert_ne!(a, b);
    }

    #[test]
    fn stats_round_trip_through_json_sorted() {
        let mut s = CorpusStats::new();
        s.add_document(Lang::UND, &counts(&["b", "a", "b"]));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",1,1],["b",1,2]]}}}"#
        );
        assert_eq!(serde_json::from_str::<CorpusStats>(&json).unwrap(), s);
        let (_, whole) = sample();
        let json = serde_json::to_string(&whole).unwrap();
        assert_eq!(serde_json::from_str::<CorpusStats>(&json).unwrap(), whole);
        // Field order does not matter in JSON.
        let shuffled = r#"{"languages":{"und":{"terms":[["b",1,2],["a",1,1]],"tokens":3,"documents":1}},"tokens":3,"documents":1}"#;
        assert_eq!(serde_json::from_str::<CorpusStats>(shuffled).unwrap(), s);
    }

    #[test]
    fn inconsistent_json_is_refused_with_a_reason() {
        let cases = [
            (
                r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",1,1],["a",1,2]]}}}"#,
                "twice",
            ),
            (
                r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",2,3]]}}}"#,
                "has 1",
            ),
            (
                r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",0,3]]}}}"#,
                "in 0 documents",
            ),
            (
                r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",1,2]]}}}"#,
                "occur 2 times",
            ),
            (
                r#"{"documents":2,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",1,3]]}}}"#,
                "add up",
            ),
            (
                r#"{"documents":0,"tokens":0,"languages":{"und":{"documents":0,"tokens":0,"terms":[]}}}"#,
                "no documents",
            ),
            (
                r#"{"documents":1,"tokens":3,"languages":{"xx":{"documents":1,"tokens":3,"terms":[["a",1,3]]}}}"#,
                "unknown language",
            ),
            (
                r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3}}}"#,
                "missing field",
            ),
            (
                r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",1]]}}}"#,
                "invalid length",
            ),
            (
                r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",1,18446744073709551615],["b",1,5]]}}}"#,
                "overflow",
            ),
            (r#"{"documents":1}"#, "missing field"),
            (r#"[1,2"#, "EOF"),
        ];
        for (json, reason) in cases {
            let e = serde_json::from_str::<CorpusStats>(json)
                .unwrap_err()
                .to_string();
            assert!(e.contains(reason), "{json}: {e}");
        }
    }

    #[test]
    fn binary_round_trip_and_typed_errors() {
        let (_, whole) = sample();
        let bytes = whole.to_bytes();
        assert_eq!(&bytes[..8], b"WMSTATS\0");
        assert_eq!(bytes[8..10], BINARY_FORMAT_VERSION.to_le_bytes());
        assert_eq!(CorpusStats::from_bytes(&bytes).unwrap(), whole);
        assert_eq!(
            CorpusStats::from_bytes(&CorpusStats::new().to_bytes()).unwrap(),
            CorpusStats::new()
        );

        assert!(matches!(CorpusStats::from_bytes(b""), Err(Error::NotStats)));
        assert!(matches!(
            CorpusStats::from_bytes(b"WMSTATS\0\x01"),
            Err(Error::CorruptStats(_))
        ));
        let mut old = bytes.clone();
        old[8..10].copy_from_slice(&0u16.to_le_bytes());
        let e = CorpusStats::from_bytes(&old).unwrap_err();
        assert!(matches!(
            e,
            Error::StatsVersion {
                found: 0,
                supported: BINARY_FORMAT_VERSION
            }
        ));
        assert!(e.to_string().contains("version 0"), "{e}");
        for cut in 10..bytes.len() {
            assert!(
                matches!(
                    CorpusStats::from_bytes(&bytes[..cut]),
                    Err(Error::CorruptStats(_))
                ),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(matches!(
            CorpusStats::from_bytes(&longer),
            Err(Error::CorruptStats(_))
        ));
        for i in 10..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[i] ^= 0x40;
            assert!(
                matches!(
                    CorpusStats::from_bytes(&flipped),
                    Err(Error::CorruptStats(_))
                ),
                "flip at {i}"
            );
        }
    }

    #[test]
    fn binary_front_coding_keeps_whole_characters() {
        // "é" and "è" share their first UTF-8 byte but no character.
        let terms = ["é", "è", "عمان", "عماني", "عمانية", "a", "ab", "abc", "b"];
        let mut s = CorpusStats::new();
        s.add_document(lang("fra"), &counts(&terms));
        s.add_document(lang("ara"), &counts(&terms[2..]));
        let loaded = CorpusStats::from_bytes(&s.to_bytes()).unwrap();
        assert_eq!(loaded, s);
        assert_eq!(loaded.document_frequency("عمانية"), 2);
        assert_eq!(persist::shared_prefix("é", "è"), 0);
        assert_eq!(persist::shared_prefix("عمان", "عماني"), "عمان".len());
    }

    /// Binary statistics with a valid checksum around an invalid payload.
    fn forged(payload: &impl Serialize) -> Vec<u8> {
        let mut bytes = b"WMSTATS\0".to_vec();
        bytes.extend_from_slice(&BINARY_FORMAT_VERSION.to_le_bytes());
        let payload = postcard::to_allocvec(payload).unwrap();
        let crc = crc::Crc::<u32>::new(&crc::CRC_32_ISCSI);
        bytes.extend_from_slice(&payload);
        bytes.extend_from_slice(&crc.checksum(&payload).to_le_bytes());
        bytes
    }

    #[test]
    fn binary_refuses_forged_front_coding_and_counts() {
        let good = (
            1u64,
            1u64,
            vec![("und", (1u64, 1u64, vec![(0u32, "a", 1u64, 1u64)]))],
        );
        assert_eq!(CorpusStats::from_bytes(&forged(&good)).unwrap(), {
            let mut s = CorpusStats::new();
            s.add_document(Lang::UND, &counts(&["a"]));
            s
        });
        let cases: [(Vec<u8>, &str); 4] = [
            (
                forged(&(
                    2u64,
                    2u64,
                    vec![(
                        "und",
                        (2u64, 2u64, vec![(0u32, "a", 1u64, 1u64), (3, "b", 1, 1)]),
                    )],
                )),
                "shares 3 bytes",
            ),
            (
                forged(&(
                    2u64,
                    2u64,
                    vec![(
                        "und",
                        (2u64, 2u64, vec![(0u32, "a", 1u64, 1u64), (1, "", 1, 1)]),
                    )],
                )),
                "twice",
            ),
            (
                forged(&(
                    1u64,
                    1u64,
                    vec![("xx", (1u64, 1u64, vec![(0u32, "a", 1u64, 1u64)]))],
                )),
                "unknown language",
            ),
            (
                forged(&(
                    1u64,
                    1u64,
                    vec![
                        ("und", (1u64, 1u64, vec![(0u32, "a", 1u64, 1u64)])),
                        ("und", (1u64, 1u64, vec![(0u32, "b", 1u64, 1u64)])),
                    ],
                )),
                "listed twice",
            ),
        ];
        for (bytes, reason) in cases {
            let e = CorpusStats::from_bytes(&bytes).unwrap_err();
            assert!(matches!(e, Error::CorruptStats(_)), "{e}");
            assert!(e.to_string().contains(reason), "{reason}: {e}");
        }
    }

    #[test]
    fn binary_checks_counts_behind_a_valid_checksum() {
        // Consistent encoding and checksum, inconsistent counts: the checks still refuse it.
        let mut s = CorpusStats::new();
        s.add_document(Lang::UND, &counts(&["a"]));
        s.tokens = 5;
        let e = CorpusStats::from_bytes(&s.to_bytes()).unwrap_err();
        assert!(e.to_string().contains("add up"), "{e}");
    }
}
