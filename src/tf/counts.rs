//! [`TermCounts`]: the terms of one document and how often each occurs.

use std::fmt;

use serde::de::{Error as _, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Vocabulary;

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
    pub(super) terms: Vocabulary,
    counts: Vec<u32>,
}

impl TermCounts {
    /// No terms.
    pub fn new() -> TermCounts {
        TermCounts::default()
    }

    /// Forgets every term, keeping the memory: counts reused from document to document
    /// allocate only when a document has more terms than any before it.
    ///
    /// ```
    /// use wordmill::tf::TermCounts;
    ///
    /// let mut counts = TermCounts::from_terms(["rain", "muscat", "rain"]);
    /// counts.clear();
    /// assert!(counts.is_empty());
    /// counts.add("oman");
    /// assert_eq!(counts.iter().collect::<Vec<_>>(), [("oman", 1)]);
    /// ```
    pub fn clear(&mut self) {
        self.terms.clear();
        self.counts.clear();
    }

    /// Room for `terms` more distinct terms of `bytes` more bytes before it grows: a document
    /// counted into it then allocates a few times at most, not a few times per doubling.
    pub(crate) fn reserve(&mut self, terms: usize, bytes: usize) {
        self.terms.reserve(terms, bytes);
        self.counts.reserve(terms);
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
        self.add_hashed(term, super::term_hash(term))
    }

    /// Counts `count` occurrences of `term` at once (nothing when `count` is 0): what `count`
    /// calls of [`add`](Self::add) would do, in one step. A count stops at `u32::MAX`.
    ///
    /// ```
    /// use wordmill::tf::TermCounts;
    ///
    /// let mut counts = TermCounts::new();
    /// counts.add_count("oman", 3);
    /// counts.add_count("muscat", 0);
    /// counts.add("oman");
    /// assert_eq!(counts.count("oman"), 4);
    /// assert_eq!(counts.len(), 1);
    /// assert_eq!(counts.total(), 4);
    /// ```
    pub fn add_count(&mut self, term: &str, count: u32) {
        if count == 0 {
            return;
        }
        let (id, new) = self.terms.intern_hashed(term, super::term_hash(term));
        if new {
            self.counts.push(count);
        } else {
            let total = &mut self.counts[id as usize];
            *total = total.saturating_add(count);
        }
    }

    /// [`add`](Self::add) for a term whose hash (`tf::term_hash`) is known: the pipeline
    /// hashes a token once, for its word memo and here.
    #[inline]
    pub(crate) fn add_hashed(&mut self, term: &str, hash: u64) -> u32 {
        let (id, new) = self.terms.intern_hashed(term, hash);
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
    /// [`Bm25`](super::Bm25) and
    /// [`CorpusStats::average_document_length`](super::CorpusStats::average_document_length)
    /// use.
    pub fn total(&self) -> u64 {
        self.counts.iter().map(|&c| u64::from(c)).sum()
    }

    /// Terms and their counts in order of first occurrence.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, u32)> + '_ {
        self.terms.iter().zip(self.counts.iter().copied())
    }

    /// Heap bytes held, for memory reports (and to decide whether counts are worth
    /// keeping for reuse).
    pub fn heap_size(&self) -> usize {
        self.terms.heap_size() + self.counts.capacity() * size_of::<u32>()
    }

    /// The distinct terms, each with its id: the id of a term is its index in
    /// [`counts`](Self::counts).
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.terms
    }

    /// The count of each term, by id (in order of first occurrence).
    ///
    /// ```
    /// use wordmill::tf::TermCounts;
    ///
    /// let doc = TermCounts::from_terms(["rain", "muscat", "rain"]);
    /// assert_eq!(doc.counts(), [2, 1]);
    /// assert_eq!(doc.vocabulary().term(1), Some("muscat"));
    /// ```
    pub fn counts(&self) -> &[u32] {
        &self.counts
    }

    /// [`iter`](Self::iter) with each term's [`term_hash`](super::term_hash).
    pub(super) fn iter_hashed(&self) -> impl ExactSizeIterator<Item = (&str, u32, u64)> + '_ {
        self.terms
            .iter_hashed()
            .zip(self.counts.iter().copied())
            .map(|((term, hash), count)| (term, count, hash))
    }

    /// The `k` most frequent terms, most frequent first; ties in alphabetical order.
    /// [`TfIdf::top`](super::TfIdf::top) and [`Bm25::top`](super::Bm25::top) rank by weight
    /// instead.
    pub fn top(&self, k: usize) -> Vec<(&str, u32)> {
        // Most terms of a short document occur once: the order is then alphabetical, and
        // comparing whole strings (a call to memcmp each) was most of the cost. The count and
        // a term's first eight bytes make one integer key that decides almost every
        // comparison; strings are compared only where those bytes are equal.
        let order = |a: &(u128, &str), b: &(u128, &str)| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1));
        let keyed = self
            .iter()
            .map(|(term, count)| (rank_key(count, term), term));
        let count = |key: u128| u32::MAX - (key >> 64) as u32;
        if k <= SMALL_TOP {
            // The few best kept in order as the terms go by, on the stack: most terms are
            // turned away by one comparison with the last kept, and neither the list of
            // all terms nor its sorting is needed (a third of a batch record's writing).
            let mut best = [(0u128, ""); SMALL_TOP];
            let mut len = 0;
            for item in keyed {
                if len == k {
                    if k == 0 || order(&item, &best[k - 1]).is_ge() {
                        continue;
                    }
                    len -= 1; // the last kept makes room
                }
                let mut at = len;
                while at > 0 && order(&item, &best[at - 1]).is_lt() {
                    best[at] = best[at - 1];
                    at -= 1;
                }
                best[at] = item;
                len += 1;
            }
            return best[..len]
                .iter()
                .map(|&(key, term)| (term, count(key)))
                .collect();
        }
        let mut all: Vec<(u128, &str)> = keyed.collect();
        top_k(&mut all, k, order);
        all.into_iter()
            .map(|(key, term)| (term, count(key)))
            .collect()
    }
}

/// The `k` up to which [`TermCounts::top`] keeps the best terms in order as it reads them,
/// rather than ranking all of them: each term may move up to `k` others.
const SMALL_TOP: usize = 32;

/// A key that orders terms as [`TermCounts::top`] ranks them, except between terms whose first
/// eight bytes are equal: higher counts first, then by the first eight bytes (zero-padded:
/// a term that is a prefix of another comes first, as `str`'s order puts it).
fn rank_key(count: u32, term: &str) -> u128 {
    let bytes = term.as_bytes();
    let prefix = match bytes.first_chunk::<8>() {
        Some(&head) => u64::from_be_bytes(head),
        // (Byte by byte: copying a slice of any length is a call to memcpy.)
        None => bytes
            .iter()
            .zip((0..8).rev())
            .fold(0, |prefix, (&b, place)| {
                prefix | u64::from(b) << (8 * place)
            }),
    };
    u128::from(u32::MAX - count) << 64 | u128::from(prefix)
}

/// Sorts the best `k` of `items` to the front and drops the rest.
pub(super) fn top_k<T>(items: &mut Vec<T>, k: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) {
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
                    counts.push_read(&term, count).map_err(A::Error::custom)?;
                }
                Ok(counts)
            }
        }
        deserializer.deserialize_map(CountsVisitor)
    }
}

impl TermCounts {
    /// Adds a term read from a serialized form, refusing what no counting makes.
    fn push_read(&mut self, term: &str, count: u32) -> Result<(), String> {
        if count == 0 {
            return Err(format!(
                "term {term:?} has count 0: counted terms occur at least once"
            ));
        }
        let (id, new) = self.terms.intern_hashed(term, super::term_hash(term));
        if !new {
            return Err(format!("duplicate term {term:?}"));
        }
        debug_assert_eq!(id as usize, self.counts.len());
        self.counts.push(count);
        Ok(())
    }
}

/// Term counts serialized as a list of `[term, count]` pairs, for a form whose term ids are
/// positions (an [`Analysis`](crate::Analysis)'s tokens name their terms by position): the
/// keys of a JSON object may come back in another order from any tool on the way (a
/// `serde_json::Value` sorts them, JavaScript puts `"2025"` first, Postgres' `jsonb` and
/// `jq -S` reorder them), a list's items never do. Read back from such a list, or (from
/// JSON written before) from a map, in its order.
pub(crate) mod in_order {
    use std::borrow::Cow;
    use std::fmt;

    use serde::de::{Error, MapAccess, SeqAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serializer};

    use super::TermCounts;

    pub(crate) fn serialize<S: Serializer>(
        counts: &TermCounts,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(counts.iter())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<TermCounts, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = TermCounts;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of [term, count] pairs")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TermCounts, A::Error> {
                let mut counts = TermCounts::new();
                while let Some((term, count)) = seq.next_element::<(Cow<'de, str>, u32)>()? {
                    counts.push_read(&term, count).map_err(A::Error::custom)?;
                }
                Ok(counts)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<TermCounts, A::Error> {
                TermCounts::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        // A format that says what it holds (JSON) may hold either; one that does not is
        // read as it was written.
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(PairsVisitor)
        } else {
            deserializer.deserialize_seq(PairsVisitor)
        }
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
    /// Bigrams made in `buffer` (a thread's, reused from document to document).
    pub(crate) fn with_buffer(buffer: String) -> Bigrams {
        Bigrams {
            previous: None,
            buffer,
        }
    }

    /// The buffer, to reuse.
    pub(crate) fn into_buffer(self) -> String {
        self.buffer
    }

    /// The next term makes no bigram with the one before it (a span of another language
    /// begins between them).
    pub(crate) fn break_chain(&mut self) {
        self.previous = None;
    }

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
