//! Strings a thread lends the analysis of its documents, for text made between two steps
//! (a word the normalizer changes, a bigram being counted, a composed form): taken, written,
//! given back, so that a document of known words costs no allocation once they have grown.
//! Both the pipeline and the step-by-step normalizer borrow from the same few.

use std::cell::RefCell;

/// Strings kept per thread: as many as one word's analysis holds at once (the pipeline's
/// word and bigram, and the normalizer's three between its steps), and a few more.
const KEPT: usize = 8;
/// The largest string kept: one enormous token's is let go.
const MAX_BYTES: usize = 64 << 10;

thread_local! {
    static SPARE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// An empty string, with room if the thread has one to lend.
pub(crate) fn take() -> String {
    SPARE
        .try_with(|spare| spare.borrow_mut().pop())
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Gives a string back to the thread (emptied).
pub(crate) fn give_back(mut text: String) {
    if text.capacity() == 0 || text.capacity() > MAX_BYTES {
        return;
    }
    text.clear();
    // A thread being torn down keeps nothing.
    let _ = SPARE.try_with(|spare| {
        let mut spare = spare.borrow_mut();
        if spare.len() < KEPT {
            spare.push(text);
        }
    });
}
