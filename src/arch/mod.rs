//! All architecture-specific code, in one place.
//!
//! The tokenizer and the window fold are written once, generically, over [`Lanes`]: how a
//! 64-byte window of text is loaded and compared byte-wise into bit masks (bit `i` of a mask
//! describes byte `i`). Each implementation is a zero-sized token whose existence proves the
//! CPU has its instructions, so that calling it is safe:
//!
//! | lanes | where | how it is made |
//! | --- | --- | --- |
//! | [`Avx512`] (F, BW, VBMI) | x86-64 CPUs that have it | [`Avx512::detect`], at run time |
//! | [`Sse2`] | every x86-64 CPU | always |
//! | [`Portable`] (SWAR: eight bytes in a `u64`) | every other architecture, or any with `--cfg wordmill_portable` | always |
//!
//! Besides the lanes: [`Ssse3`] looks the window fold's summaries up sixteen bytes at a time,
//! and the ASCII scans of the tokenizer classify sixteen bytes at a time ([`ascii_masks`]), as
//! detection's scan of scripts does with lead bytes ([`lead_masks`]); detection asks for the
//! model's buckets with [`prefetch`].
//!
//! `RUSTFLAGS="--cfg wordmill_portable"`, or `WORDMILL_PORTABLE=1` (the build script sets the
//! cfg for wordmill alone, without rebuilding its dependencies), builds only the portable code
//! on any architecture: CI tests it on x86-64 so that the code other architectures run is
//! tested too.
//!
//! Safety: every `unsafe` block here is a vector intrinsic (sound where the CPU has the
//! instructions, which the token's existence proves), a prefetch (which every x86-64 CPU has
//! and which cannot fault) or a load or store of exactly the bytes of a fixed-size array; each
//! says which.

#[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
mod x86_64;
#[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
pub(crate) use x86_64::{Avx512, Sse2, Ssse3};

// Built everywhere: benchmarks and tests compare the portable lanes with the others in one
// process (`choose_lanes`).
mod portable;
pub(crate) use portable::Portable;

/// The ASCII classes of sixteen bytes, for the tokenizer's scans of words and gaps: SSE2 on
/// x86-64, eight bytes at a time in a `u64` elsewhere.
#[inline(always)]
pub(crate) fn ascii_masks(chunk: &[u8; 16]) -> AsciiMasks {
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    return x86_64::ascii_masks(chunk);
    #[cfg(not(all(target_arch = "x86_64", not(wordmill_portable))))]
    return Portable::ascii_masks(chunk);
}

/// The lead bytes of sixteen bytes of UTF-8, and those of them in a range, for the scan of
/// runs of one script in detection: SSE2 on x86-64, eight bytes at a time in a `u64`
/// elsewhere. `lo` and `hi` are lead bytes of two-byte characters (`0xC2..=0xDF`).
#[inline(always)]
pub(crate) fn lead_masks(chunk: &[u8; 16], lo: u8, hi: u8) -> LeadMasks {
    debug_assert!((0xC2..=0xDF).contains(&lo) && (lo..=0xDF).contains(&hi));
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    return x86_64::lead_masks(chunk, lo, hi);
    #[cfg(not(all(target_arch = "x86_64", not(wordmill_portable))))]
    return Portable::lead_masks(chunk, lo, hi);
}

/// Starts bringing the cache line that holds `value`'s first byte into the core's caches and
/// returns at once: a hint, which changes no result. Detection looks up a dozen or more
/// features of a word in a model of megabytes, a cache miss each; asked for together, the
/// misses overlap.
/// A load would do that too, but the CPU retires instructions in order, so a load that
/// misses holds up everything after it once its buffer of pending instructions is full; a
/// prefetch retires at once. Elsewhere than x86-64 the value is read (and kept from being
/// optimised away), which overlaps the misses as far as the CPU's buffer reaches.
#[inline(always)]
pub(crate) fn prefetch<T: Copy>(value: &T) {
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    x86_64::prefetch(std::ptr::from_ref(value).cast());
    #[cfg(not(all(target_arch = "x86_64", not(wordmill_portable))))]
    std::hint::black_box(*value);
}

/// Bit masks of sixteen bytes' lead bytes: bit `i` describes byte `i`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct LeadMasks {
    /// Bytes 0xC0 and above: the first bytes of characters of two bytes or more.
    pub leads: u32,
    /// Bytes from `lo` to `hi` of [`lead_masks`].
    pub in_range: u32,
}

/// Bit masks of sixteen bytes' ASCII classes: bit `i` describes byte `i`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct AsciiMasks {
    pub letters: u32,
    pub uppers: u32,
    pub digits: u32,
    pub underscores: u32,
    /// Bytes 0x80 and above.
    pub high: u32,
}

impl AsciiMasks {
    /// ASCII letters, digits and `_`: the bytes that always continue a word.
    #[inline(always)]
    pub fn word(&self) -> u32 {
        self.letters | self.digits | self.underscores
    }
}

/// Bytes in a window.
pub(crate) const WIDTH: usize = 64;

/// The lanes a window is built with: the best this CPU has, unless a benchmark or a test asked
/// for others ([`choose_lanes`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WindowLanes {
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    Avx512(Avx512),
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    Sse2,
    Portable,
}

/// Which lanes windows use, for benchmarks and tests that compare them in one process: the
/// best the CPU has (the default), SSE2 (x86-64; elsewhere the portable lanes), or the
/// portable lanes of other architectures.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LanesChoice {
    Best = 0,
    Sse2 = 1,
    Portable = 2,
}

static CHOICE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Makes the windows built from now on (by any thread) use `choice`. For benchmarks and
/// tests only: results never depend on it, only speed.
#[doc(hidden)]
pub fn choose_lanes(choice: LanesChoice) {
    CHOICE.store(choice as u8, std::sync::atomic::Ordering::Relaxed);
}

impl WindowLanes {
    /// The lanes for a new window.
    pub(crate) fn chosen() -> WindowLanes {
        match CHOICE.load(std::sync::atomic::Ordering::Relaxed) {
            0 => WindowLanes::best(),
            1 => WindowLanes::sse2(),
            _ => WindowLanes::Portable,
        }
    }

    /// The best lanes of this CPU.
    pub(crate) fn best() -> WindowLanes {
        #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
        if let Some(avx512) = Avx512::detect() {
            return WindowLanes::Avx512(avx512);
        }
        WindowLanes::sse2()
    }

    /// SSE2 where there is SSE2 (every x86-64 CPU), else the portable lanes.
    pub(crate) fn sse2() -> WindowLanes {
        #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
        return WindowLanes::Sse2;
        #[cfg(not(all(target_arch = "x86_64", not(wordmill_portable))))]
        return WindowLanes::Portable;
    }
}

/// Bit masks of a window's 64 bytes: bit `i` describes byte `i`.
#[derive(Default, Debug, PartialEq, Eq)]
pub(crate) struct Masks {
    pub letters: u64,
    pub uppers: u64,
    pub digits: u64,
    pub underscores: u64,
    pub non_ascii: u64,
    /// Bytes that start a multi-byte character.
    pub leads: u64,
    /// `:` (MidLetter).
    pub colons: u64,
    /// `.` and `'` (MidNumLet and Single_Quote).
    pub dots: u64,
    /// `,` and `;` (MidNum).
    pub commas: u64,
}

/// What a window fold looks characters up in, laid out for vectors: for each two-byte lead
/// byte (by its low five bits) a 64-bit summary of the continuation bytes whose character the
/// window must look at again, and the same for Latin Extended Additional (U+1E00 to U+1EFF,
/// Vietnamese) by the code point's low byte, padded to 64 bytes for one vector. Aligned to
/// 64 bytes, so that no vector load of it straddles two cache lines.
#[derive(Clone, Debug, PartialEq, Eq)]
#[repr(C, align(64))]
pub(crate) struct FoldSummaries {
    pub by_lead: [u64; 32],
    pub latin_additional: [u64; 8],
}

/// The vector instructions that compare a window's 64 bytes. A value of a type stands for the
/// CPU having its instructions: [`Avx512`] is made only where they were detected.
pub(crate) trait Lanes: Copy {
    /// The window's bytes, loaded.
    type Loaded: Copy;
    /// Whether the window classifies multi-byte characters in bulk with these lanes (else all
    /// are decoded one by one).
    const BULK: bool;
    /// Windows with fewer multi-byte characters than this decode them one by one even when
    /// the lanes classify in bulk: where a comparison of the whole window costs more than a
    /// few table lookups. (At most 7, so that no window of these reaches the count of
    /// characters after which windows give way to the segmenter: the windows are the same
    /// either way.)
    const BULK_FROM: u32 = 0;
    fn load(self, chunk: &[u8; WIDTH]) -> Self::Loaded;
    fn classify(self, loaded: Self::Loaded) -> Masks;
    /// The bits of the bytes from `lo` to `hi`, both 0x80 or above (with AVX-512, any
    /// range).
    fn high_range(self, loaded: Self::Loaded, lo: u8, hi: u8) -> u64;
    /// `lower` = the window with its ASCII capitals (`uppers`) lowercased.
    #[inline(always)]
    fn lowercase(
        self,
        chunk: &[u8; WIDTH],
        _: Self::Loaded,
        _uppers: u64,
        lower: &mut [u8; WIDTH],
    ) {
        *lower = *chunk;
        lower.make_ascii_lowercase();
    }
    /// The characters (of `leads`) that a window fold must look at again, when these lanes
    /// find them from the `summaries` (see `fold::WindowFold::settle`); `None` leaves the
    /// finding to the fold itself.
    #[inline(always)]
    fn closer_look(self, _summaries: &FoldSummaries, _: Self::Loaded, _leads: u64) -> Option<u64> {
        None
    }
}
