//! Term frequency: per-document term counts and corpus statistics that merge exactly.
//!
//! ```
//! use wordmill::tf::{CorpusStats, TermCounts};
//! use wordmill::Lang;
//!
//! let mut doc = TermCounts::new();
//! for term in ["oman", "russia", "oman"] {
//!     doc.add(term);
//! }
//! assert_eq!(doc.count("oman"), 2);
//! assert_eq!(doc.total(), 3);
//!
//! // Statistics of two shards, merged, equal the statistics of the whole.
//! let eng: Lang = "eng".parse()?;
//! let (mut left, mut right, mut whole) = (CorpusStats::new(), CorpusStats::new(), CorpusStats::new());
//! left.add_document(eng, &doc);
//! right.add_document(eng, &doc);
//! whole.add_document(eng, &doc);
//! whole.add_document(eng, &doc);
//! left.merge(&right);
//! assert_eq!(left, whole);
//! assert_eq!(whole.document_frequency("oman"), 2);
//! assert_eq!(whole.collection_frequency("oman"), 4);
//! # Ok::<(), wordmill::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashTable};
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Lang;

/// Distinct strings stored back to back in one buffer and found by hash, so that counting a
/// term allocates nothing per term: the buffer and the tables grow, amortized.
#[derive(Clone, Default)]
pub(crate) struct Interner {
    text: String,
    ends: Vec<usize>,
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl Interner {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get_str(&self, id: u32) -> &str {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    fn find(&self, term: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(term);
        self.table
            .find(hash, |&id| self.get_str(id) == term)
            .copied()
    }

    /// The id of `term`, and whether it was new.
    fn intern(&mut self, term: &str) -> (u32, bool) {
        let hash = self.hasher.hash_one(term);
        let Interner {
            text,
            ends,
            table,
            hasher,
        } = self;
        let lookup = |id: &u32| {
            let i = *id as usize;
            let start = if i == 0 { 0 } else { ends[i - 1] };
            &text[start..ends[i]] == term
        };
        if let Some(&id) = table.find(hash, lookup) {
            return (id, false);
        }
        let id = u32::try_from(ends.len()).expect("more than 4 billion distinct terms");
        text.push_str(term);
        ends.push(text.len());
        let (text, ends) = (&*text, &*ends);
        table.insert_unique(hash, id, |&other| {
            let i = other as usize;
            let start = if i == 0 { 0 } else { ends[i - 1] };
            hasher.hash_one(&text[start..ends[i]])
        });
        (id, true)
    }

    fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len() as u32).map(|id| self.get_str(id))
    }

    /// Heap bytes held, for memory reports.
    fn heap_size(&self) -> usize {
        self.text.capacity()
            + self.ends.capacity() * size_of::<usize>()
            + self.table.capacity() * (size_of::<u32>() + 1)
    }
}

/// How often each term occurs in one document, in order of first occurrence.
///
/// Serializes as a map from term to count.
#[derive(Clone, Default)]
pub struct TermCounts {
    terms: Interner,
    counts: Vec<u32>,
}

impl TermCounts {
    /// No terms.
    pub fn new() -> TermCounts {
        TermCounts::default()
    }

    /// Counts one occurrence of `term` and returns its index (its rank of first occurrence).
    pub fn add(&mut self, term: &str) -> u32 {
        let (id, new) = self.terms.intern(term);
        if new {
            self.counts.push(1);
        } else {
            self.counts[id as usize] += 1;
        }
        id
    }

    /// How often `term` occurs (0 when it does not).
    pub fn count(&self, term: &str) -> u32 {
        self.terms
            .find(term)
            .map_or(0, |id| self.counts[id as usize])
    }

    /// The term with index `id`, as returned by [`add`](Self::add).
    pub fn term(&self, id: u32) -> Option<&str> {
        ((id as usize) < self.terms.len()).then(|| self.terms.get_str(id))
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// True when no term was counted.
    pub fn is_empty(&self) -> bool {
        self.terms.len() == 0
    }

    /// Number of occurrences of all terms: the document's length in terms.
    pub fn total(&self) -> u64 {
        self.counts.iter().map(|&c| u64::from(c)).sum()
    }

    /// Terms and their counts in order of first occurrence.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, u32)> + '_ {
        self.terms.iter().zip(self.counts.iter().copied())
    }

    /// The `k` most frequent terms, most frequent first; ties in alphabetical order.
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

/// Documents and term occurrences of one language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangStats {
    /// Documents detected as the language.
    pub documents: u64,
    /// Term occurrences in those documents.
    pub tokens: u64,
}

/// Statistics of a corpus: documents, and document and collection frequency per term.
///
/// Adding documents and merging are associative and commutative: statistics built on shards
/// (threads, files, machines) and merged equal the statistics of one run over everything.
/// Serializes with its terms sorted, so equal statistics serialize identically.
#[derive(Clone, Default)]
pub struct CorpusStats {
    documents: u64,
    tokens: u64,
    languages: BTreeMap<Lang, LangStats>,
    vocabulary: Interner,
    /// Per term id: documents containing the term, and its total occurrences.
    frequencies: Vec<TermFrequency>,
}

/// Document and collection frequency of one term.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermFrequency {
    /// Number of documents that contain the term.
    pub documents: u64,
    /// Number of times the term occurs in the corpus.
    pub occurrences: u64,
}

impl CorpusStats {
    /// Statistics of an empty corpus.
    pub fn new() -> CorpusStats {
        CorpusStats::default()
    }

    /// Counts one document of language `lang` with these terms.
    pub fn add_document(&mut self, lang: Lang, terms: &TermCounts) {
        let length = terms.total();
        self.documents += 1;
        self.tokens += length;
        let per_lang = self.languages.entry(lang).or_default();
        per_lang.documents += 1;
        per_lang.tokens += length;
        for (term, count) in terms.iter() {
            let f = self.entry(term);
            f.documents += 1;
            f.occurrences += u64::from(count);
        }
    }

    fn entry(&mut self, term: &str) -> &mut TermFrequency {
        let (id, new) = self.vocabulary.intern(term);
        if new {
            self.frequencies.push(TermFrequency::default());
        }
        &mut self.frequencies[id as usize]
    }

    /// Adds everything `other` counted.
    pub fn merge(&mut self, other: &CorpusStats) {
        self.documents += other.documents;
        self.tokens += other.tokens;
        for (lang, s) in &other.languages {
            let mine = self.languages.entry(*lang).or_default();
            mine.documents += s.documents;
            mine.tokens += s.tokens;
        }
        for (term, f) in other.terms() {
            let mine = self.entry(term);
            mine.documents += f.documents;
            mine.occurrences += f.occurrences;
        }
    }

    /// Number of documents.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// Number of term occurrences in all documents.
    pub fn tokens(&self) -> u64 {
        self.tokens
    }

    /// Documents and term occurrences per detected language (`und` included).
    pub fn languages(&self) -> &BTreeMap<Lang, LangStats> {
        &self.languages
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
            .find(term)
            .map_or_else(TermFrequency::default, |id| self.frequencies[id as usize])
    }

    /// Every term with its frequencies, in no particular order.
    pub fn terms(&self) -> impl ExactSizeIterator<Item = (&str, TermFrequency)> + '_ {
        self.vocabulary.iter().zip(self.frequencies.iter().copied())
    }

    /// The `k` terms found in most documents, ties broken by occurrences, then alphabetically.
    pub fn top_by_document_frequency(&self, k: usize) -> Vec<(&str, TermFrequency)> {
        let mut all: Vec<(&str, TermFrequency)> = self.terms().collect();
        top_k(&mut all, k, |a, b| {
            (b.1.documents, b.1.occurrences)
                .cmp(&(a.1.documents, a.1.occurrences))
                .then_with(|| a.0.cmp(b.0))
        });
        all
    }

    /// Approximate heap memory held by the statistics, in bytes.
    pub fn heap_size(&self) -> usize {
        self.vocabulary.heap_size() + self.frequencies.capacity() * size_of::<TermFrequency>()
    }

    fn sorted_terms(&self) -> Vec<(&str, TermFrequency)> {
        let mut all: Vec<_> = self.terms().collect();
        all.sort_unstable_by(|a, b| a.0.cmp(b.0));
        all
    }
}

impl PartialEq for CorpusStats {
    fn eq(&self, other: &Self) -> bool {
        self.documents == other.documents
            && self.tokens == other.tokens
            && self.languages == other.languages
            && self.vocabulary_size() == other.vocabulary_size()
            && self.terms().all(|(term, f)| other.frequency(term) == f)
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

/// The serialized form: terms sorted, each as `[term, documents, occurrences]`.
#[derive(Serialize, Deserialize)]
struct StatsRepr<T> {
    documents: u64,
    tokens: u64,
    languages: BTreeMap<Lang, LangStats>,
    terms: T,
}

struct SortedTerms<'a>(Vec<(&'a str, TermFrequency)>);

impl Serialize for SortedTerms<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for (term, f) in &self.0 {
            seq.serialize_element(&(term, f.documents, f.occurrences))?;
        }
        seq.end()
    }
}

impl Serialize for CorpusStats {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        StatsRepr {
            documents: self.documents,
            tokens: self.tokens,
            languages: self.languages.clone(),
            terms: SortedTerms(self.sorted_terms()),
        }
        .serialize(serializer)
    }
}

/// Reads the `terms` list straight into a vocabulary, without a `String` per term.
struct TermsSeed(CorpusStats);

impl<'de> Deserialize<'de> for TermsSeed {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TermsVisitor;
        impl<'de> Visitor<'de> for TermsVisitor {
            type Value = TermsSeed;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of [term, documents, occurrences]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TermsSeed, A::Error> {
                let mut stats = CorpusStats::new();
                while let Some((term, documents, occurrences)) =
                    seq.next_element::<(std::borrow::Cow<'de, str>, u64, u64)>()?
                {
                    let (_, new) = stats.vocabulary.intern(&term);
                    if !new {
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate term {term:?}"
                        )));
                    }
                    stats.frequencies.push(TermFrequency {
                        documents,
                        occurrences,
                    });
                }
                Ok(TermsSeed(stats))
            }
        }
        deserializer.deserialize_seq(TermsVisitor)
    }
}

impl<'de> Deserialize<'de> for CorpusStats {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr = StatsRepr::<TermsSeed>::deserialize(deserializer)?;
        let mut stats = repr.terms.0;
        stats.documents = repr.documents;
        stats.tokens = repr.tokens;
        stats.languages = repr.languages;
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(terms: &[&str]) -> TermCounts {
        let mut c = TermCounts::new();
        for t in terms {
            c.add(t);
        }
        c
    }

    #[test]
    fn counts_in_first_occurrence_order() {
        let c = counts(&["b", "a", "b", "c", "b"]);
        let all: Vec<_> = c.iter().collect();
        assert_eq!(all, [("b", 3), ("a", 1), ("c", 1)]);
        assert_eq!(c.top(2), [("b", 3), ("a", 1)]);
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
    }

    #[test]
    fn merge_equals_single_run() {
        let eng: Lang = "eng".parse().unwrap();
        let ara: Lang = "ara".parse().unwrap();
        let docs = [
            (eng, counts(&["oman", "russia", "oman"])),
            (ara, counts(&["عمان"])),
            (eng, counts(&["oman", "iran"])),
        ];
        let mut whole = CorpusStats::new();
        for (l, d) in &docs {
            whole.add_document(*l, d);
        }
        let mut a = CorpusStats::new();
        a.add_document(docs[2].0, &docs[2].1);
        let mut b = CorpusStats::new();
        b.add_document(docs[0].0, &docs[0].1);
        b.add_document(docs[1].0, &docs[1].1);
        a.merge(&b);
        assert_eq!(a, whole);
        assert_eq!(whole.documents(), 3);
        assert_eq!(whole.tokens(), 6);
        assert_eq!(
            whole.frequency("oman"),
            TermFrequency {
                documents: 2,
                occurrences: 3
            }
        );
        assert_eq!(
            whole.languages()[&eng],
            LangStats {
                documents: 2,
                tokens: 5
            }
        );
        assert_eq!(whole.top_by_document_frequency(1)[0].0, "oman");
    }

    #[test]
    fn stats_round_trip_through_json_sorted() {
        let mut s = CorpusStats::new();
        s.add_document(Lang::UND, &counts(&["b", "a", "b"]));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3}},"terms":[["a",1,1],["b",1,2]]}"#
        );
        assert_eq!(serde_json::from_str::<CorpusStats>(&json).unwrap(), s);
    }
}
