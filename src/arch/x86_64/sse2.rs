//! SSE2, which every x86-64 CPU has: the window as four vectors of 16 bytes, and the ASCII
//! scans sixteen bytes at a time.

use std::arch::x86_64::*;

use crate::arch::{AsciiMasks, Lanes, LeadMasks, Masks, WIDTH};

/// SSE2, which every x86_64 processor has: four vectors of 16 bytes.
#[derive(Clone, Copy)]
pub(crate) struct Sse2;

impl Lanes for Sse2 {
    type Loaded = [std::arch::x86_64::__m128i; 4];
    const BULK: bool = true;

    #[inline(always)]
    fn load(self, chunk: &[u8; WIDTH]) -> Self::Loaded {
        // SAFETY: SSE2 is part of x86_64; each load reads the 16 bytes at 16i of the 64-byte
        // array, unaligned.
        std::array::from_fn(|i| unsafe { _mm_loadu_si128(chunk.as_ptr().add(16 * i).cast()) })
    }

    #[inline(always)]
    fn classify(self, loaded: Self::Loaded) -> Masks {
        let mut m = Masks::default();
        for (i, v) in loaded.into_iter().enumerate() {
            let c = classify16(v);
            let wide = |bits: u32| (bits as u64) << (16 * i);
            // SAFETY: SSE2 is part of x86_64; these compare the vector already loaded.
            let (leads, colons, dots, commas) = unsafe {
                let eq = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
                let bits = |x: __m128i| _mm_movemask_epi8(x) as u32;
                (
                    // Lead bytes are 0xC0 and above: as signed bytes, -64 and above.
                    bits(_mm_cmpgt_epi8(v, _mm_set1_epi8(-65))) & c.high,
                    bits(eq(b':')),
                    bits(_mm_or_si128(eq(b'.'), eq(b'\''))),
                    bits(_mm_or_si128(eq(b','), eq(b';'))),
                )
            };
            m.letters |= wide(c.letters);
            m.uppers |= wide(c.uppers);
            m.digits |= wide(c.digits);
            m.underscores |= wide(c.underscores);
            m.non_ascii |= wide(c.high);
            m.leads |= wide(leads);
            m.colons |= wide(colons);
            m.dots |= wide(dots);
            m.commas |= wide(commas);
        }
        m
    }

    #[inline(always)]
    fn high_range(self, loaded: Self::Loaded, lo: u8, hi: u8) -> u64 {
        // Bytes 0x80 to 0xFF compare as -128 to -1, in order and below every ASCII byte, so a
        // range starting at 0x80 needs only its upper bound.
        let mut bits = 0u64;
        for (i, v) in loaded.into_iter().enumerate() {
            // SAFETY: SSE2 is part of x86_64; these compare the vector already loaded.
            let m = unsafe {
                let below = _mm_cmplt_epi8(v, _mm_set1_epi8((hi as i8).wrapping_add(1)));
                let inside = if lo == 0x80 {
                    below
                } else {
                    _mm_and_si128(
                        below,
                        _mm_cmpgt_epi8(v, _mm_set1_epi8((lo as i8).wrapping_sub(1))),
                    )
                };
                _mm_movemask_epi8(inside) as u32 as u64
            };
            bits |= m << (16 * i);
        }
        bits
    }
}

/// The ASCII classes of 16 bytes, with SSE2, which every x86-64 CPU has.
#[inline(always)]
pub(crate) fn ascii_masks(chunk: &[u8; 16]) -> AsciiMasks {
    // SAFETY: SSE2 is part of x86-64, and the unaligned load reads exactly the 16 bytes of
    // `chunk`.
    classify16(unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) })
}

/// The lead bytes of 16 bytes, and those from `lo` to `hi` (both 0xC0 or above, `hi` below
/// 0xFF), with SSE2.
#[inline(always)]
pub(crate) fn lead_masks(chunk: &[u8; 16], lo: u8, hi: u8) -> LeadMasks {
    // SAFETY: SSE2 is part of x86-64, and the unaligned load reads exactly the 16 bytes of
    // `chunk`; the rest compares the vector loaded.
    unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast());
        let bits = |x: __m128i| _mm_movemask_epi8(x) as u32;
        // Signed comparisons: bytes 0x80 to 0xFF are -128 to -1, in order and below every
        // ASCII byte; lead bytes are -64 and above.
        let at_least = |b: u8| _mm_cmpgt_epi8(v, _mm_set1_epi8((b as i8).wrapping_sub(1)));
        let below = |b: u8| _mm_cmplt_epi8(v, _mm_set1_epi8(b as i8));
        let high = bits(v);
        LeadMasks {
            leads: bits(at_least(0xC0)) & high,
            in_range: bits(_mm_and_si128(at_least(lo), below(hi.wrapping_add(1)))) & high,
        }
    }
}

/// [`ascii_masks`] for 16 bytes already loaded.
#[inline(always)]
fn classify16(v: __m128i) -> AsciiMasks {
    // SAFETY: SSE2 is part of x86-64; these compare a vector already loaded.
    unsafe {
        // Signed comparisons: bytes >= 0x80 are negative and fall outside every range.
        let range = |x: __m128i, lo: u8, hi: u8| {
            _mm_movemask_epi8(_mm_and_si128(
                _mm_cmpgt_epi8(x, _mm_set1_epi8(lo as i8 - 1)),
                _mm_cmplt_epi8(x, _mm_set1_epi8(hi as i8 + 1)),
            )) as u32
        };
        let lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        AsciiMasks {
            letters: range(lower, b'a', b'z'),
            uppers: range(v, b'A', b'Z'),
            digits: range(v, b'0', b'9'),
            underscores: _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b'_' as i8))) as u32,
            high: _mm_movemask_epi8(v) as u32,
        }
    }
}

/// [`crate::arch::prefetch`] on x86-64: `prefetcht0`, an SSE instruction (every x86-64 CPU
/// has it).
#[inline(always)]
pub(crate) fn prefetch(address: *const i8) {
    // SAFETY: SSE is part of x86-64; a prefetch reads nothing the program sees and cannot
    // fault, whatever the address.
    unsafe { _mm_prefetch::<_MM_HINT_T0>(address) }
}
