//! A per-thread memo of word → term, so that stop-word lookup, stemming (which allocates) and
//! diacritic removal run once per distinct word of a thread's documents, not once per token.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use hashbrown::HashTable;

use crate::Lang;

/// What a normalized word becomes, as the word rules make it.
#[derive(Debug)]
pub(super) enum Term {
    /// A stop word: dropped.
    Stop,
    /// The word is its own term (no stemmer changed it).
    Same,
    /// The stem (and diacritic removal) made this term.
    Other(String),
}

/// What the memo answers: a [`Term`] borrowed from the memo's text, with the term's hash
/// (`tf::term_hash`) for the document's counts.
#[derive(Clone, Copy, Debug)]
pub(super) enum Known<'a> {
    Stop,
    Same,
    Other(&'a str, u64),
}

/// Bytes of words and terms a thread's memo holds before it starts again: bounds its memory
/// (its allocations, with the tables' room to grow, to twice this: see [`TermCache::empty`]).
const CAPACITY_BYTES: usize = 16 << 20;

/// Words longer than this are not memoized: rare, and a memo of one huge token would be all
/// memory and no use.
const LONGEST_WORD: usize = 64;

/// Pipelines whose memos a thread keeps at once (several pipelines used in turn on one thread
/// each keep theirs).
const OWNERS: usize = 4;

/// A memoized word: where its bytes and its term's are in the memo's text. Words and terms
/// live in one `String` per memo, not one allocation each: a new word costs no allocation of
/// its own, and dropping or clearing a memo frees a few blocks, not one per word.
#[derive(Clone, Copy, Debug)]
struct Entry {
    word: u32,
    word_len: u8,
    term: Stored,
}

#[derive(Clone, Copy, Debug)]
enum Stored {
    Stop,
    Same,
    Other { start: u32, len: u32, hash: u64 },
}

impl Entry {
    fn word<'t>(&self, text: &'t str) -> &'t str {
        let start = self.word as usize;
        &text[start..start + self.word_len as usize]
    }

    fn known<'t>(&self, text: &'t str) -> Known<'t> {
        match self.term {
            Stored::Stop => Known::Stop,
            Stored::Same => Known::Same,
            Stored::Other { start, len, hash } => {
                let start = start as usize;
                Known::Other(&text[start..start + len as usize], hash)
            }
        }
    }
}

pub(super) struct TermCache {
    /// The pipeline whose terms these are.
    owner: u64,
    /// Per language (by `Lang::index`): normalized word → term, found by the word's hash
    /// (`tf::term_hash`), which the pipeline computes once per token for this and for the
    /// document's counts.
    by_lang: Vec<HashTable<Entry>>,
    /// The bytes of every memoized word and term, one after the other.
    text: String,
    /// Entries of all languages.
    entries: usize,
}

thread_local! {
    static CACHES: RefCell<Vec<TermCache>> = const { RefCell::new(Vec::new()) };
}

/// A number for each pipeline, so that caches know whose terms they hold.
pub(super) fn new_owner_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Runs `f` with this thread's memo for pipeline `owner`; when the thread already keeps
/// [`OWNERS`] memos, the least recently used one makes room.
pub(super) fn with_cache<R>(owner: u64, f: impl FnOnce(&mut TermCache) -> R) -> R {
    CACHES.with(|caches| {
        let mut caches = caches.borrow_mut();
        // Most recently used last.
        match caches.iter().position(|c| c.owner == owner) {
            Some(i) => {
                let cache = caches.remove(i);
                caches.push(cache);
            }
            None => {
                // The least recently used memo makes room, and lends its buffers to the new
                // one (emptied: none of its terms is kept). A pipeline built for each request
                // or pass then starts with tables and text of the size its predecessors
                // needed, instead of growing them again by doubling, each step a rehash of
                // every word and fresh pages to fault in.
                let cache = if caches.len() == OWNERS {
                    caches.remove(0).emptied_for(owner)
                } else {
                    TermCache::new(owner)
                };
                caches.push(cache);
            }
        }
        let cache = caches.last_mut().expect("just pushed");
        f(cache)
    })
}

/// Longer terms are not memoized (see [`LONGEST_WORD`]).
const LONGEST_TERM: usize = 1 << 16;

fn scratch_known(term: &Term) -> Known<'_> {
    match term {
        Term::Stop => Known::Stop,
        Term::Same => Known::Same,
        Term::Other(term) => Known::Other(term, crate::tf::term_hash(term)),
    }
}

impl TermCache {
    fn new(owner: u64) -> TermCache {
        TermCache {
            owner,
            by_lang: Vec::new(),
            text: String::new(),
            entries: 0,
        }
    }

    /// This memo emptied, for pipeline `owner` (see [`TermCache::empty`]).
    fn emptied_for(mut self, owner: u64) -> TermCache {
        self.empty();
        self.owner = owner;
        self
    }

    /// Forgets every word. The allocations are kept unless they exceed what one full memo
    /// allocates (its content, [`CAPACITY_BYTES`], with room to grow by doubling): a table
    /// keeps the capacity its language reached, and the languages of one text after
    /// another, or of one owner after another, may differ, so kept capacity must not add up
    /// language after language.
    fn empty(&mut self) {
        if self.allocated() > 2 * CAPACITY_BYTES {
            self.by_lang = Vec::new();
            self.text = String::new();
        } else {
            self.by_lang.iter_mut().for_each(HashTable::clear);
            self.text.clear();
        }
        self.entries = 0;
    }

    /// Bytes the memo's text and tables hold, used or not.
    fn allocated(&self) -> usize {
        let slots: usize = self.by_lang.iter().map(HashTable::capacity).sum();
        self.text.capacity() + (size_of::<Entry>() + 1) * slots
    }

    /// The term of `word` in `lang`, computed by `make` the first time (every time for a word
    /// too long to memoize, kept in `scratch`). `hash` is the word's `tf::term_hash`.
    #[inline]
    pub(super) fn get_or_make<'a>(
        &'a mut self,
        lang: Lang,
        word: &str,
        hash: u64,
        make: impl FnOnce() -> Term,
        scratch: &'a mut Option<Term>,
    ) -> Known<'a> {
        if word.len() > LONGEST_WORD {
            return scratch_known(scratch.insert(make()));
        }
        // The text and the tables' share of an entry (the entry and a control byte).
        if self.text.len() + (size_of::<Entry>() + 1) * self.entries >= CAPACITY_BYTES {
            self.empty();
        }
        let index = lang.index();
        if self.by_lang.len() <= index {
            self.by_lang.resize_with(index + 1, HashTable::new);
        }
        let text = &mut self.text;
        let table = &mut self.by_lang[index];
        let entry = match table.entry(
            hash,
            |known| known.word(text) == word,
            |known| crate::tf::term_hash(known.word(text)),
        ) {
            hashbrown::hash_table::Entry::Occupied(entry) => *entry.get(),
            hashbrown::hash_table::Entry::Vacant(entry) => {
                let made = make();
                if matches!(&made, Term::Other(term) if term.len() > LONGEST_TERM) {
                    // (A user's filter may make long terms: those are not memoized.)
                    return scratch_known(scratch.insert(made));
                }
                // Offsets fit in u32: the text is cleared at CAPACITY_BYTES, and an entry
                // adds at most LONGEST_WORD + LONGEST_TERM bytes.
                let start = text.len() as u32;
                text.push_str(word);
                let term = match made {
                    Term::Stop => Stored::Stop,
                    Term::Same => Stored::Same,
                    Term::Other(term) => {
                        let term_start = text.len() as u32;
                        text.push_str(&term);
                        Stored::Other {
                            start: term_start,
                            len: term.len() as u32,
                            hash: crate::tf::term_hash(&term),
                        }
                    }
                };
                let new = Entry {
                    word: start,
                    word_len: word.len() as u8,
                    term,
                };
                entry.insert(new);
                self.entries += 1;
                new
            }
        };
        entry.known(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipelines_used_in_turn_keep_their_memos() {
        let lang = Lang::UND;
        let hash = crate::tf::term_hash("word");
        let has = |made: Known<'_>, term: &str| matches!(made, Known::Other(t, _) if t == term);
        let fill = |owner: u64, term: &'static str| {
            with_cache(owner, |cache| {
                let mut scratch = None;
                let made = cache.get_or_make(
                    lang,
                    "word",
                    hash,
                    || Term::Other(term.to_owned()),
                    &mut scratch,
                );
                has(made, term)
            })
        };
        // On a revisit the term must come from the memo: making it again panics.
        let revisit = |owner: u64, term: &'static str| {
            with_cache(owner, |cache| {
                let mut scratch = None;
                let made = cache.get_or_make(
                    lang,
                    "word",
                    hash,
                    || unreachable!("memo lost"),
                    &mut scratch,
                );
                has(made, term)
            })
        };
        // Each owner sees its own entry, made once, even when they alternate.
        assert!(fill(1_000_001, "one"));
        assert!(fill(1_000_002, "two"));
        assert!(revisit(1_000_001, "one"));
        assert!(revisit(1_000_002, "two"));
        assert!(revisit(1_000_001, "one"));
        assert!(with_cache(1_000_001, |c| c.by_lang[lang.index()].len() == 1));
        // A fifth owner evicts the least recently used (1_000_002 since 1_000_001's revisit).
        for owner in 1_000_003..1_000_006 {
            assert!(fill(owner, "other"));
        }
        assert!(revisit(1_000_001, "one"));
        assert!(with_cache(1_000_002, |c| c
            .by_lang
            .iter()
            .all(HashTable::is_empty)));
    }

    /// A new owner gets the buffers of the memo it evicts, emptied: room without its terms.
    #[test]
    fn an_evicted_memo_lends_its_buffers_not_its_terms() {
        let lang = Lang::UND;
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        let fill = |owner: u64| {
            with_cache(owner, |cache| {
                for word in &words {
                    let mut scratch = None;
                    let hash = crate::tf::term_hash(word);
                    cache.get_or_make(lang, word, hash, || Term::Stop, &mut scratch);
                }
            })
        };
        for owner in 3_000_001..=3_000_000 + OWNERS as u64 {
            fill(owner);
        }
        // The next owner evicts the first, whose tables held a thousand words.
        with_cache(3_000_100, |cache| {
            assert_eq!(cache.entries, 0);
            assert!(cache.text.is_empty() && cache.text.capacity() > 0);
            let table = &cache.by_lang[lang.index()];
            assert!(table.is_empty() && table.capacity() >= 1000);
            let mut scratch = None;
            let hash = crate::tf::term_hash("w1");
            let made = cache.get_or_make(lang, "w1", hash, || Term::Same, &mut scratch);
            assert!(
                matches!(made, Known::Same),
                "a term of the evicted memo came back"
            );
        });
    }

    /// Emptied, a memo keeps its allocations up to what one full memo holds, never what
    /// the tables of language after language would add up to.
    #[test]
    fn an_emptied_memo_keeps_no_more_than_a_full_one() {
        let mut cache = TermCache::new(4_000_001);
        cache.text.reserve(3 * CAPACITY_BYTES);
        cache.empty();
        assert_eq!(cache.text.capacity(), 0);
        cache.text.reserve(1000);
        cache.by_lang.resize_with(3, HashTable::new);
        cache.by_lang[2].reserve(100, |_: &Entry| 0);
        cache.empty();
        assert!(cache.text.capacity() >= 1000 && cache.by_lang[2].capacity() >= 100);
    }

    #[test]
    fn long_words_are_not_memoized() {
        let long = "x".repeat(LONGEST_WORD + 1);
        with_cache(2_000_001, |cache| {
            let mut scratch = None;
            let hash = crate::tf::term_hash(&long);
            cache.get_or_make(Lang::UND, &long, hash, || Term::Same, &mut scratch);
            assert!(cache.by_lang.iter().all(HashTable::is_empty));
            assert!(cache.text.is_empty());
        });
    }
}
