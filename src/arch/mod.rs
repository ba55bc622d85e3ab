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
//! | [`Portable`] | every other architecture, or any with `--cfg wordmill_portable` | always |
//!
//! Besides the lanes: [`Ssse3`] looks the window fold's summaries up sixteen bytes at a time,
//! and the ASCII scans of the tokenizer classify sixteen bytes at a time with SSE2
//! ([`ascii16`]).
//!
//! `RUSTFLAGS="--cfg wordmill_portable"` builds only the portable code on any architecture:
//! CI tests it on x86-64 so that the code other architectures run is tested too.
//!
//! Safety: every `unsafe` block here is a vector intrinsic (sound where the CPU has the
//! instructions, which the token's existence proves) or a load or store of exactly the bytes
//! of a fixed-size array; each says which.

#[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
mod x86_64;
#[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
pub(crate) use x86_64::{Avx512, Sse2, Ssse3, ascii16};

#[cfg(any(not(target_arch = "x86_64"), wordmill_portable))]
mod portable;
#[cfg(any(not(target_arch = "x86_64"), wordmill_portable))]
pub(crate) use portable::Portable;

/// Bytes in a window.
pub(crate) const WIDTH: usize = 64;

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
/// Vietnamese) by the code point's low byte, padded to 64 bytes for one vector.
#[derive(Clone, Debug, PartialEq, Eq)]
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
