//! A per-thread memo of word → term, so that stop-word lookup, stemming (which allocates) and
//! diacritic removal run once per distinct word of a thread's documents, not once per token.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use hashbrown::HashMap;
use hashbrown::hash_map::EntryRef;

use crate::Lang;

/// What a normalized word becomes.
#[derive(Debug)]
pub(super) enum Term {
    /// A stop word: dropped.
    Stop,
    /// The word is its own term (no stemmer changed it).
    Same,
    /// The stem (and diacritic removal) made this term.
    Other(Box<str>),
}

/// Entries per thread before the memo starts again, which bounds its memory (tens of MB).
const CAPACITY: usize = 1 << 18;

pub(super) struct TermCache {
    /// The pipeline whose terms these are; another pipeline on the same thread starts afresh.
    owner: u64,
    /// Per language (by `Lang::index`): normalized word → term.
    by_lang: Vec<HashMap<Box<str>, Term>>,
    len: usize,
}

thread_local! {
    static CACHE: RefCell<TermCache> = const {
        RefCell::new(TermCache {
            owner: 0,
            by_lang: Vec::new(),
            len: 0,
        })
    };
}

/// A number for each pipeline, so that caches know whose terms they hold.
pub(super) fn new_owner_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Runs `f` with this thread's cache, emptied first if it belonged to another pipeline.
pub(super) fn with_cache<R>(owner: u64, f: impl FnOnce(&mut TermCache) -> R) -> R {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.owner != owner {
            cache.owner = owner;
            cache.by_lang.clear();
            cache.len = 0;
        }
        f(&mut cache)
    })
}

impl TermCache {
    /// The term of `word` in `lang`, computed by `make` the first time.
    #[inline]
    pub(super) fn get_or_make(
        &mut self,
        lang: Lang,
        word: &str,
        make: impl FnOnce() -> Term,
    ) -> &Term {
        let index = lang.index();
        if self.by_lang.len() <= index {
            self.by_lang.resize_with(index + 1, HashMap::new);
        }
        if self.len >= CAPACITY {
            self.by_lang.iter_mut().for_each(HashMap::clear);
            self.len = 0;
        }
        match self.by_lang[index].entry_ref(word) {
            EntryRef::Occupied(entry) => entry.into_mut(),
            EntryRef::Vacant(entry) => {
                self.len += 1;
                entry.insert(make())
            }
        }
    }
}
