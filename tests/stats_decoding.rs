//! Decoding untrusted statistics: whatever bytes `CorpusStats::from_bytes` is given (with a
//! valid checksum, so that the decoder is reached), it returns an error or statistics, never
//! panics, and allocates no more than the bytes can justify.
//!
//! A counting allocator measures the heap: this file is its own test binary, and its tests
//! run one at a time under a lock so that each measures only itself.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;
use wordmill::tf::{CorpusStats, TermCounts};
use wordmill::{Error, Lang};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator with the caller's layout; the
// counters are only statistics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is the system allocator's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `System` with this layout (through `alloc`).
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The most heap `f` had in use at once beyond what was in use before it.
fn peak_heap<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let result = f();
    (result, PEAK.load(Ordering::Relaxed) - before)
}

/// Magic bytes, format version 1, `payload`, and its CRC-32C: what `from_bytes` checks before
/// it decodes.
fn with_valid_checksum(payload: &[u8]) -> Vec<u8> {
    let mut bytes = b"WMSTATS\0".to_vec();
    bytes.extend_from_slice(&1u16.to_le_bytes());
    bytes.extend_from_slice(payload);
    let crc = crc::Crc::<u32>::new(&crc::CRC_32_ISCSI).checksum(payload);
    bytes.extend_from_slice(&crc.to_le_bytes());
    bytes
}

/// A language's front-coded terms as the binary format holds them: (bytes shared with the
/// term before, the rest, documents, occurrences).
type FrontCoded<'a> = Vec<(u32, &'a str, u64, u64)>;

/// The binary form of statistics with one language whose entries are `terms` (which need not
/// be consistent: the decoder must cope).
fn encode(documents: u64, tokens: u64, terms: &FrontCoded<'_>) -> Vec<u8> {
    encode_as("eng", documents, tokens, terms)
}

/// [`encode`] under the language code `code` (which need not be one wordmill knows).
fn encode_as(code: &str, documents: u64, tokens: u64, terms: &FrontCoded<'_>) -> Vec<u8> {
    let languages = vec![(code, (documents, tokens, terms))];
    let payload = postcard::to_allocvec(&(documents, tokens, languages)).expect("encodes");
    with_valid_checksum(&payload)
}

/// `n` terms that each share all of the one before and add a byte: `n²/2` bytes decoded.
fn growing_terms(n: u32) -> FrontCoded<'static> {
    (0..n).map(|i| (i, "a", 1, 1)).collect()
}

/// The heap that decoding `bytes` took at its peak, asserting that it refused them as
/// corrupt with a message that says `says`.
fn refused_as_corrupt(bytes: &[u8], says: &str) -> usize {
    let (result, peak) = peak_heap(|| CorpusStats::from_bytes(bytes));
    match result {
        Err(Error::CorruptStats(message)) => assert!(message.contains(says), "{message}"),
        other => panic!("accepted crafted statistics: {other:?}"),
    }
    peak
}

/// Heap a decoder may use for `len` bytes of input: the decoded terms' bound (64 times the
/// input plus 1 MiB, see `persist.rs`) and the tables that index them, several times over.
fn heap_allowed(len: usize) -> usize {
    8 * (64 * len + (1 << 20))
}

#[test]
fn terms_that_grow_by_one_byte_each_are_refused_with_little_memory() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // Each term shares all of the one before and adds a byte: 100,000 entries of a few bytes
    // would decode to 5 GB of terms (found by probing: 403 KB became 2.15 GB of heap).
    let n: u32 = 100_000;
    let bytes = encode(1, u64::from(n), &growing_terms(n));
    let peak = refused_as_corrupt(&bytes, "front-coded terms decode");
    assert!(
        peak <= heap_allowed(bytes.len()),
        "{peak} bytes of heap for {} bytes of input",
        bytes.len()
    );
}

#[test]
fn the_terms_of_an_unknown_language_are_not_decoded() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // Terms that each share all of the one before and add a byte, within the decoding's bound
    // (about 1 MB of terms from 8 KB), under a code wordmill does not know: the statistics
    // are refused, and their terms are skipped rather than built (as once, with a fresh
    // bound for each such language, so that crafted data decoded ~190 times its size).
    let n: u32 = 1_400;
    let bytes = encode_as("qqq", 1, u64::from(n), &growing_terms(n));
    let peak = refused_as_corrupt(&bytes, "unknown language code");
    assert!(
        peak < 10 * bytes.len(),
        "{peak} bytes of heap for {} bytes of input: the terms were decoded",
        bytes.len()
    );
}

#[test]
fn long_shared_prefixes_of_real_statistics_still_load() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // URLs of one site: long shared prefixes, short rests, as a real vocabulary has them.
    let mut stats = CorpusStats::new();
    let terms: Vec<String> = (0..20_000)
        .map(|i| format!("https://www.example.org/news/2026/world/middle-east/article-{i:06}"))
        .collect();
    stats.add_document(Lang::UND, &TermCounts::from_terms(&terms));
    let bytes = stats.to_bytes();
    assert_eq!(CorpusStats::from_bytes(&bytes).expect("loads"), stats);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Random payloads behind a valid checksum reach the decoder: an error or statistics,
    /// never a panic, and bounded memory.
    #[test]
    fn any_payload_with_a_valid_checksum_is_decoded_safely(
        payload in proptest::collection::vec(any::<u8>(), 0..2_000),
    ) {
        let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let bytes = with_valid_checksum(&payload);
        let (result, peak) = peak_heap(|| CorpusStats::from_bytes(&bytes));
        prop_assert!(peak <= heap_allowed(bytes.len()), "{} bytes of heap", peak);
        if let Ok(stats) = result {
            // Whatever loads is consistent: it writes back to the same statistics.
            prop_assert_eq!(CorpusStats::from_bytes(&stats.to_bytes()).unwrap(), stats);
        }
    }

    /// Payloads shaped like real statistics (one language, front-coded entries with any
    /// numbers), so that decoding gets past the first fields more often than random bytes do.
    #[test]
    fn front_coded_entries_with_any_numbers_are_decoded_safely(
        entries in proptest::collection::vec(
            (0u32..40, "[a-c]{0,3}|عمان|\u{0}|\u{10FFFF}", 0u64..4, 0u64..4),
            0..200,
        ),
        documents in 0u64..4,
        tokens in 0u64..400,
    ) {
        let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let terms: FrontCoded<'_> =
            entries.iter().map(|(s, r, d, o)| (*s, r.as_str(), *d, *o)).collect();
        let bytes = encode(documents, tokens, &terms);
        let (result, peak) = peak_heap(|| CorpusStats::from_bytes(&bytes));
        prop_assert!(peak <= heap_allowed(bytes.len()), "{} bytes of heap", peak);
        if let Ok(stats) = result {
            prop_assert_eq!(CorpusStats::from_bytes(&stats.to_bytes()).unwrap(), stats);
        }
    }
}
