//! [`Vocabulary`]: interned terms with dense ids.

use std::fmt;
use std::hash::BuildHasher;
use std::sync::OnceLock;

use hashbrown::{DefaultHashBuilder, HashTable};

/// The hasher of every vocabulary (and of the pipeline's word memo): one random seed per
/// process, so that a term's hash is the same in every vocabulary and the pipeline hashes a
/// token once for its memo and its document's counts.
fn term_hasher() -> &'static DefaultHashBuilder {
    static HASHER: OnceLock<DefaultHashBuilder> = OnceLock::new();
    HASHER.get_or_init(DefaultHashBuilder::default)
}

/// The hash of `term` in every vocabulary.
#[inline]
pub(crate) fn term_hash(term: &str) -> u64 {
    term_hasher().hash_one(term)
}

/// Distinct terms, each with a dense id (0, 1, 2, ... in order of first insertion).
///
/// The terms are stored back to back in one buffer and found through a hash table of ids, so
/// a vocabulary costs the bytes of its terms plus about 22 bytes per term (an 8-byte offset,
/// its 8-byte hash, and a hash table slot; up to twice that just after a buffer grows), and
/// interning a term that is already known allocates nothing. The hashes are kept so that
/// the table grows, and other vocabularies take these terms in, without hashing them again.
///
/// Ids belong to one vocabulary: the same term may have another id in another
/// [`CorpusStats`](super::CorpusStats), or in the same statistics after a merge or a round trip through a file.
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
    /// Per id, the term's [`term_hash`].
    hashes: Vec<u64>,
    /// Ids, found by [`term_hash`].
    table: HashTable<u32>,
}

impl Vocabulary {
    /// Room for `terms` more terms of `bytes` more bytes before it grows.
    pub(crate) fn reserve(&mut self, terms: usize, bytes: usize) {
        self.text.reserve(bytes);
        self.ends.reserve(terms);
        self.hashes.reserve(terms);
        let hashes = &self.hashes;
        self.table.reserve(terms, |&id| hashes[id as usize]);
    }

    /// Forgets every term, keeping the memory.
    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
        self.hashes.clear();
        self.table.clear();
    }

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
        let hash = term_hash(term);
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

    /// The terms in id order written back to back, and where each ends in that string: what
    /// a columnar format (Arrow's string arrays) copies in one piece.
    ///
    /// ```
    /// use wordmill::tf::TermCounts;
    ///
    /// let doc = TermCounts::from_terms(["rain", "muscat", "rain"]);
    /// assert_eq!(doc.vocabulary().joined(), ("rainmuscat", &[4, 10][..]));
    /// ```
    pub fn joined(&self) -> (&str, &[usize]) {
        (&self.text, &self.ends)
    }

    /// [`iter`](Self::iter) with each term's [`term_hash`].
    pub(super) fn iter_hashed(&self) -> impl ExactSizeIterator<Item = (&str, u64)> + '_ {
        self.iter().zip(self.hashes.iter().copied())
    }

    /// Heap bytes held, for memory reports.
    pub fn heap_size(&self) -> usize {
        self.text.capacity()
            + self.ends.capacity() * size_of::<usize>()
            + self.hashes.capacity() * size_of::<u64>()
            + self.table.allocation_size()
    }

    /// `id` must be below `len()`.
    pub(super) fn get_str(&self, id: u32) -> &str {
        term_at(&self.text, &self.ends, id)
    }

    /// The id of `term`, whose [`term_hash`] is `hash`, and whether it was new.
    ///
    /// # Panics
    ///
    /// With more than `u32::MAX` distinct terms, which would take over 60 GB.
    #[inline]
    pub(super) fn intern_hashed(&mut self, term: &str, hash: u64) -> (u32, bool) {
        debug_assert_eq!(hash, term_hash(term));
        let Vocabulary {
            text,
            ends,
            hashes,
            table,
        } = self;
        // Bytes compared, not `str`s: slicing a `str` checks both ends for a character
        // boundary, a read of the text more than the comparison needs.
        let term_bytes = term.as_bytes();
        if let Some(&id) = table.find(hash, |&id| bytes_at(text, ends, id) == term_bytes) {
            return (id, false);
        }
        let id = u32::try_from(ends.len()).expect("more than 4 billion distinct terms");
        text.push_str(term);
        ends.push(text.len());
        hashes.push(hash);
        let hashes = &*hashes;
        table.insert_unique(hash, id, |&other| hashes[other as usize]);
        (id, true)
    }
}

/// Where term `id` (below `ends.len()`) is in the text.
#[inline]
fn range_at(ends: &[usize], id: u32) -> std::ops::Range<usize> {
    let i = id as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] };
    start..ends[i]
}

/// The bytes of term `id`.
#[inline]
fn bytes_at<'a>(text: &'a str, ends: &[usize], id: u32) -> &'a [u8] {
    &text.as_bytes()[range_at(ends, id)]
}

fn term_at<'a>(text: &'a str, ends: &[usize], id: u32) -> &'a str {
    &text[range_at(ends, id)]
}

impl fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}
