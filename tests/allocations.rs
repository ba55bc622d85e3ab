//! `Pipeline::analyze_into` with a reused analysis allocates nothing per document once its
//! buffers, the thread's memos and the thread's scratch have grown: counted by a global
//! allocator that counts this thread's allocations (the test harness's other threads do not
//! disturb it). One exception, not tested here: the dictionary words of Thai, Lao, Khmer and
//! Myanmar, which ICU4X's segmenter finds with allocations of its own (about 40 for a
//! document of six Thai sentences).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fs;
use std::path::Path;

use wordmill::{Analysis, Pipeline};

struct Counting;

thread_local! {
    /// Allocations and reallocations made by this thread.
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

fn count() {
    // `try_with`: a thread being torn down has no counter left, and needs none.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: every call is passed on to the system allocator unchanged; counting touches a
// `const` thread-local `Cell`, which allocates nothing.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: the caller's contract is `System::alloc`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn allocations() -> u64 {
    ALLOCATIONS.with(Cell::get)
}

/// Documents of a few sentences in languages of several scripts and rules (stemmers, stop
/// words, Arabic and Turkish rules, Devanagari's composition and context rules, CJK bigrams).
fn documents() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/ntrex");
    let mut docs = Vec::new();
    for code in [
        "eng", "deu", "fra", "tur", "rus", "ara", "hin", "cmn", "jpn", "kor",
    ] {
        let text = fs::read_to_string(dir.join(format!("{code}.txt"))).unwrap();
        let lines: Vec<&str> = text.lines().take(24).collect();
        docs.extend(lines.chunks(6).map(|chunk| chunk.join(" ")));
    }
    docs
}

#[test]
fn a_reused_analysis_allocates_nothing_per_document() {
    let docs = documents();
    for pipeline in [
        Pipeline::builder().build(),
        Pipeline::builder().keep_tokens(false).bigrams(true).build(),
    ] {
        let mut analysis = Analysis::default();
        // The first passes grow the buffers and teach the memos every word.
        for _ in 0..3 {
            for doc in &docs {
                pipeline.analyze_into(doc, &mut analysis);
            }
        }
        let before = allocations();
        for doc in &docs {
            pipeline.analyze_into(doc, &mut analysis);
        }
        let per_document = (allocations() - before) as f64 / docs.len() as f64;
        assert_eq!(per_document, 0.0, "allocations per document");
    }
}
