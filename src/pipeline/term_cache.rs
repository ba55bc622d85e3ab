//! A per-thread memo of word → term, so that stop-word lookup, stemming (which allocates) and
//! diacritic removal run once per distinct word of a thread's documents, not once per token.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use hashbrown::HashTable;

use crate::Lang;

/// What a normalized word becomes.
#[derive(Debug)]
pub(super) enum Term {
    /// A stop word: dropped.
    Stop,
    /// The word is its own term (no stemmer changed it).
    Same,
    /// The stem (and diacritic removal) made this term, whose hash (`tf::term_hash`) is the
    /// second field.
    Other(Box<str>, u64),
}

/// Bytes of words and terms a thread's memo holds before it starts again: bounds its memory.
const CAPACITY_BYTES: usize = 16 << 20;

/// Words longer than this are not memoized: rare, and a memo of one huge token would be all
/// memory and no use.
const LONGEST_WORD: usize = 64;

/// Pipelines whose memos a thread keeps at once (several pipelines used in turn on one thread
/// each keep theirs).
const OWNERS: usize = 4;

pub(super) struct TermCache {
    /// The pipeline whose terms these are.
    owner: u64,
    /// Per language (by `Lang::index`): normalized word → term, found by the word's hash
    /// (`tf::term_hash`), which the pipeline computes once per token for this and for the
    /// document's counts.
    by_lang: Vec<HashTable<(Box<str>, Term)>>,
    bytes: usize,
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
                if caches.len() == OWNERS {
                    caches.remove(0);
                }
                caches.push(TermCache {
                    owner,
                    by_lang: Vec::new(),
                    bytes: 0,
                });
            }
        }
        let cache = caches.last_mut().expect("just pushed");
        f(cache)
    })
}

impl TermCache {
    /// The term of `word` in `lang`, computed by `make` the first time (every time for a word
    /// too long to memoize). `hash` is the word's `tf::term_hash`.
    #[inline]
    pub(super) fn get_or_make<'a>(
        &'a mut self,
        lang: Lang,
        word: &str,
        hash: u64,
        make: impl FnOnce() -> Term,
        scratch: &'a mut Option<Term>,
    ) -> &'a Term {
        if word.len() > LONGEST_WORD {
            return scratch.insert(make());
        }
        let index = lang.index();
        if self.by_lang.len() <= index {
            self.by_lang.resize_with(index + 1, HashTable::new);
        }
        if self.bytes >= CAPACITY_BYTES {
            self.by_lang.iter_mut().for_each(HashTable::clear);
            self.bytes = 0;
        }
        let table = &mut self.by_lang[index];
        let rehash = |(word, _): &(Box<str>, Term)| crate::tf::term_hash(word);
        match table.entry(hash, |(known, _)| **known == *word, rehash) {
            hashbrown::hash_table::Entry::Occupied(entry) => &entry.into_mut().1,
            hashbrown::hash_table::Entry::Vacant(entry) => {
                let term = make();
                // The word, the term, and the table's own share of an entry, roughly.
                self.bytes += word.len() + term.len() + 48;
                &entry.insert((Box::from(word), term)).into_mut().1
            }
        }
    }
}

impl Term {
    fn len(&self) -> usize {
        match self {
            Term::Other(term, _) => term.len(),
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipelines_used_in_turn_keep_their_memos() {
        let lang = Lang::UND;
        let hash = crate::tf::term_hash("word");
        let has = |made: &Term, term: &str| matches!(made, Term::Other(t, _) if &**t == term);
        let fill = |owner: u64, term: &'static str| {
            with_cache(owner, |cache| {
                let mut scratch = None;
                let made = cache.get_or_make(
                    lang,
                    "word",
                    hash,
                    || Term::Other(term.into(), 0),
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
        assert!(with_cache(1_000_002, |c| c.by_lang.is_empty()));
    }

    #[test]
    fn long_words_are_not_memoized() {
        let long = "x".repeat(LONGEST_WORD + 1);
        with_cache(2_000_001, |cache| {
            let mut scratch = None;
            let hash = crate::tf::term_hash(&long);
            cache.get_or_make(Lang::UND, &long, hash, || Term::Same, &mut scratch);
            assert!(cache.by_lang.iter().all(HashTable::is_empty));
            assert_eq!(cache.bytes, 0);
        });
    }
}
