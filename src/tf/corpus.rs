//! [`CorpusStats`]: documents, term occurrences, and document and collection frequency per
//! term, for a whole corpus and per language.

use std::collections::BTreeMap;
use std::fmt;

use hashbrown::HashMap;

use super::counts::top_k;
use super::{LangStats, RankBy, TermCounts, TermFrequency, Vocabulary};
use crate::Lang;

/// Which languages a term occurs in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum TermLangs {
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
pub(super) struct TermEntry {
    pub(super) total: TermFrequency,
    pub(super) langs: TermLangs,
}

/// Statistics of a corpus: documents and term occurrences, and document and collection frequency per
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
/// corrupt or inconsistent statistics are an error, never a panic. A JSON object may also
/// hold an `"analysis"` string, which loading reads past: the batch tool writes there the
/// options that shaped the terms, for its `merge` to refuse terms made differently.
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
/// assert_eq!(stats.term_count(), 6);
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
    pub(super) documents: u64,
    pub(super) term_count: u64,
    pub(super) languages: BTreeMap<Lang, LangStats>,
    pub(super) vocabulary: Vocabulary,
    /// Per term id.
    pub(super) entries: Vec<TermEntry>,
    /// Per (term id, language): frequencies of the terms seen in several languages.
    pub(super) spill: HashMap<(u32, Lang), TermFrequency>,
    /// Per language (by [`Lang::index`]): how many distinct terms it has. Empty until a term
    /// is counted (then one per language); a dense table, not a map, because it is counted
    /// for every new (term, language) pair.
    pub(super) lang_vocabulary: Vec<usize>,
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
        self.term_count = self.term_count.saturating_add(length);
        let per_lang = self.languages.entry(lang).or_default();
        per_lang.documents = per_lang.documents.saturating_add(1);
        per_lang.term_count = per_lang.term_count.saturating_add(length);
        for (term, count, hash) in terms.iter_hashed() {
            let seen = TermFrequency {
                documents: 1,
                occurrences: u64::from(count),
            };
            let id = self.intern_hashed(term, hash);
            self.count_in(id, lang, seen);
        }
    }

    /// The id of `term`, with an entry for it.
    pub(super) fn intern(&mut self, term: &str) -> u32 {
        self.intern_hashed(term, super::term_hash(term))
    }

    /// [`intern`](Self::intern) of a term whose [`term_hash`](super::term_hash) is known.
    #[inline]
    fn intern_hashed(&mut self, term: &str, hash: u64) -> u32 {
        let (id, new) = self.vocabulary.intern_hashed(term, hash);
        if new {
            self.entries.push(TermEntry::default());
        }
        id
    }

    /// Adds `seen` to the frequencies of term `id`, in all and in `lang`. The one place that
    /// adds (term, language) pairs, so the one place that counts them in `lang_vocabulary`.
    pub(super) fn count_in(&mut self, id: u32, lang: Lang, seen: TermFrequency) {
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
            if self.lang_vocabulary.is_empty() {
                self.lang_vocabulary.resize(Lang::COUNT, 0);
            }
            if let Some(n) = self.lang_vocabulary.get_mut(lang.index()) {
                *n += 1;
            }
        }
    }

    /// How many distinct terms `lang` has.
    pub(super) fn lang_vocabulary_size(&self, lang: Lang) -> usize {
        self.lang_vocabulary.get(lang.index()).copied().unwrap_or(0)
    }

    /// Frequencies of term `id` (which must exist) in `lang`'s documents, `None` when it was
    /// not counted in `lang`.
    pub(super) fn frequency_in(&self, id: u32, lang: Lang) -> Option<TermFrequency> {
        let entry = &self.entries[id as usize];
        match entry.langs {
            TermLangs::None => None,
            TermLangs::One(only) => (only == lang).then_some(entry.total),
            TermLangs::Many => self.spill.get(&(id, lang)).copied(),
        }
    }

    /// Every (term id, language, frequencies in that language), each pair once.
    pub(super) fn pairs(&self) -> impl Iterator<Item = (u32, Lang, TermFrequency)> + '_ {
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

    /// Adds everything `other` counted, unless the sum would count more than `u64::MAX`
    /// documents or term occurrences: then it is refused and `self` is left as it was
    /// ([`merge`](Self::merge) saturates instead). Only forged statistics, or statistics
    /// merged into themselves some sixty times, come near it.
    ///
    /// ```
    /// use wordmill::tf::{CorpusStats, TermCounts};
    /// use wordmill::Lang;
    ///
    /// let mut terms = TermCounts::new();
    /// terms.add("oman");
    /// let mut a = CorpusStats::new();
    /// a.add_document("eng".parse::<Lang>()?, &terms);
    /// let b = a.clone();
    /// a.try_merge(&b)?;
    /// assert_eq!(a.documents(), 2);
    /// # Ok::<(), wordmill::Error>(())
    /// ```
    pub fn try_merge(&mut self, other: &CorpusStats) -> Result<(), crate::Error> {
        // Every count of a term or a language is at most the corpus's own (the loader checks
        // that the languages add up to the corpus and the terms to their language), so two
        // sums that fit mean that every sum fits.
        if self.documents.checked_add(other.documents).is_none() {
            return Err(crate::Error::CountOverflow("documents"));
        }
        if self.term_count.checked_add(other.term_count).is_none() {
            return Err(crate::Error::CountOverflow("term occurrences"));
        }
        self.merge(other);
        Ok(())
    }

    /// Adds everything `other` counted. Counts saturate at `u64::MAX`: past it they are
    /// wrong, and the merge does not say so (they save, but need not load: the loaders
    /// refuse counts that no longer add up); use
    /// [`try_merge`](Self::try_merge), which refuses such a merge, where counts may come
    /// from outside.
    pub fn merge(&mut self, other: &CorpusStats) {
        if self.documents == 0 && self.languages.is_empty() {
            self.clone_from(other);
            return;
        }
        self.documents = self.documents.saturating_add(other.documents);
        self.term_count = self.term_count.saturating_add(other.term_count);
        for (lang, s) in &other.languages {
            let mine = self.languages.entry(*lang).or_default();
            mine.documents = mine.documents.saturating_add(s.documents);
            mine.term_count = mine.term_count.saturating_add(s.term_count);
        }
        // Other's ids, translated to ours.
        let mut ids = Vec::with_capacity(other.vocabulary.len());
        for ((term, hash), entry) in other.vocabulary.iter_hashed().zip(&other.entries) {
            let id = self.intern_hashed(term, hash);
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
    /// counting, as in [`Pipeline::analyze_batch`](crate::Pipeline::analyze_batch).
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
    pub fn term_count(&self) -> u64 {
        self.term_count
    }

    /// Average document length in terms: term occurrences / documents (0 for an empty corpus).
    pub fn average_document_length(&self) -> f64 {
        average(self.term_count, self.documents)
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

    /// Approximate heap memory held by the statistics, in bytes: the [`Vocabulary`] (its
    /// terms' bytes plus about 22 bytes a term), 24 bytes a term of frequencies, and about 28
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
            && self.term_count == other.term_count
            && self.languages == other.languages
            && (0..Lang::COUNT).all(|i| {
                let size = |stats: &CorpusStats| stats.lang_vocabulary.get(i).copied();
                size(self).unwrap_or(0) == size(other).unwrap_or(0)
            })
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
            .field("term_count", &self.term_count)
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
    pub fn term_count(&self) -> u64 {
        self.stats.term_count
    }

    /// Average length of those documents, in terms.
    pub fn average_document_length(&self) -> f64 {
        average(self.stats.term_count, self.stats.documents)
    }

    /// Number of distinct terms in those documents.
    pub fn vocabulary_size(&self) -> usize {
        self.corpus.lang_vocabulary_size(self.lang)
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
            .field("term_count", &self.stats.term_count)
            .field("vocabulary_size", &self.vocabulary_size())
            .finish()
    }
}
