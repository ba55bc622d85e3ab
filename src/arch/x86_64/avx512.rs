//! AVX-512 (F, BW and VBMI): the window in one vector, each comparison one instruction whose
//! result is the bit mask itself, and the window fold's summaries looked up for the whole
//! window with byte permutes.

use std::arch::x86_64::*;

use crate::arch::{FoldSummaries, Lanes, Masks, WIDTH};

/// AVX-512 F, BW and VBMI. A value exists only where the CPU has them: [`Avx512::detect`]
/// makes it, and every intrinsic below relies on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Avx512(());

impl Avx512 {
    /// `Some` where the CPU has AVX-512 F, BW and VBMI.
    pub(crate) fn detect() -> Option<Avx512> {
        (std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512vbmi"))
        .then_some(Avx512(()))
    }
}

impl Lanes for Avx512 {
    type Loaded = __m512i;
    const BULK: bool = true;

    #[inline(always)]
    fn load(self, chunk: &[u8; WIDTH]) -> Self::Loaded {
        // SAFETY: `self` proves AVX-512 F; the unaligned load reads exactly the 64 bytes of
        // `chunk`.
        unsafe { _mm512_loadu_si512(chunk.as_ptr().cast()) }
    }

    #[inline(always)]
    fn classify(self, v: Self::Loaded) -> Masks {
        let range = |x: __m512i, lo: u8, hi: u8| self.high_range(x, lo, hi);
        // SAFETY: `self` proves AVX-512 F and BW; these compare a vector already loaded.
        unsafe {
            let eq = |b: u8| _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(b as i8));
            // (`| 0x20` lowercases ASCII letters and takes no other byte into a..z.)
            let lower = _mm512_or_si512(v, _mm512_set1_epi8(0x20));
            Masks {
                letters: range(lower, b'a', b'z'),
                uppers: range(v, b'A', b'Z'),
                digits: range(v, b'0', b'9'),
                underscores: eq(b'_'),
                non_ascii: _mm512_movepi8_mask(v),
                leads: _mm512_cmpge_epu8_mask(v, _mm512_set1_epi8(0xC0_u8 as i8)),
                colons: eq(b':'),
                dots: eq(b'.') | eq(b'\''),
                commas: eq(b',') | eq(b';'),
            }
        }
    }

    /// Unsigned: `v - lo <= hi - lo` takes exactly the bytes from `lo` to `hi`.
    #[inline(always)]
    fn high_range(self, v: Self::Loaded, lo: u8, hi: u8) -> u64 {
        // SAFETY: `self` proves AVX-512 F and BW; this compares a vector already loaded.
        unsafe {
            _mm512_cmple_epu8_mask(
                _mm512_sub_epi8(v, _mm512_set1_epi8(lo as i8)),
                _mm512_set1_epi8(hi.wrapping_sub(lo) as i8),
            )
        }
    }

    #[inline(always)]
    fn lowercase(self, _: &[u8; WIDTH], v: Self::Loaded, uppers: u64, lower: &mut [u8; WIDTH]) {
        // SAFETY: `self` proves AVX-512 F and BW; the unaligned store writes exactly the 64
        // bytes of `lower`.
        unsafe {
            let lowered = _mm512_mask_add_epi8(v, uppers, v, _mm512_set1_epi8(0x20));
            _mm512_storeu_si512(lower.as_mut_ptr().cast(), lowered);
        }
    }

    #[inline(always)]
    fn closer_look(self, summaries: &FoldSummaries, v: Self::Loaded, leads: u64) -> Option<u64> {
        // SAFETY: `self` proves AVX-512 F, BW and VBMI, the features `closer_look` needs.
        Some(unsafe { closer_look(summaries, v, leads) })
    }
}

/// The characters of `leads` the window must look at again, with AVX-512 for the window
/// already loaded (`here`): the two-byte characters whose lead's summary marks them (the
/// summaries of all lead bytes are one 256-byte table, which VBMI's two-source byte permutes
/// look up for the whole window at once, with no loop and no branch on what the window
/// holds), and the longer characters but for the Vietnamese letters that stay as they are.
///
/// # Safety
///
/// The CPU must have AVX-512 F, BW and VBMI.
#[inline]
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
unsafe fn closer_look(summaries: &FoldSummaries, here: __m512i, leads: u64) -> u64 {
    let table = summaries.by_lead.as_ptr().cast::<__m512i>();
    // SAFETY: the loads read the four 64-byte quarters of the 256-byte array, unaligned.
    let quarters = [0, 1, 2, 3].map(|i| unsafe { _mm512_loadu_si512(table.add(i)) });
    // The byte after each: the next 128-bit lane's first byte is carried into each lane's
    // last (`alignr` works within lanes); after the last byte, 0.
    let lanes_after = _mm512_alignr_epi32::<4>(_mm512_setzero_si512(), here);
    let next = _mm512_alignr_epi8::<1>(lanes_after, here);
    // Which byte of the table holds a two-byte character's bit: its lead's summary (eight
    // bytes per lead, by the lead's low five bits), and in it, bits 3 to 5 of the
    // continuation byte. (`<< 3` on 16-bit lanes: the low five bits shifted stay in their
    // byte.)
    let seven = _mm512_set1_epi8(7);
    let lead_part = _mm512_slli_epi16::<3>(_mm512_and_si512(here, _mm512_set1_epi8(0x1F)));
    let index = _mm512_or_si512(
        lead_part,
        _mm512_and_si512(_mm512_srli_epi16::<3>(next), seven),
    );
    let low_half = _mm512_permutex2var_epi8(quarters[0], index, quarters[1]);
    let high_half = _mm512_permutex2var_epi8(quarters[2], index, quarters[3]);
    let byte = _mm512_mask_blend_epi8(_mm512_movepi8_mask(index), low_half, high_half);
    let bit_values = _mm512_set1_epi64(0x8040_2010_0804_0201_u64 as i64);
    let bit_of = _mm512_shuffle_epi8(bit_values, _mm512_and_si512(next, seven));
    let marked = _mm512_test_epi8_mask(byte, bit_of);
    // Three- and four-byte characters always, but for the Vietnamese letters that stay as
    // they are (E1 B8 to E1 BB, whole in the window): their bit is in a 32-byte table at
    // bits 0 and 1 of the second byte and bits 3 to 5 of the third, the bit number in its
    // bits 0 to 2.
    let longer = _mm512_cmpge_epu8_mask(here, _mm512_set1_epi8(0xE0_u8 as i8));
    let vietnamese = _mm512_cmpeq_epi8_mask(here, _mm512_set1_epi8(0xE1_u8 as i8))
        & _mm512_cmple_epu8_mask(
            _mm512_sub_epi8(next, _mm512_set1_epi8(0xB8_u8 as i8)),
            _mm512_set1_epi8(3),
        )
        & (u64::MAX >> 2);
    let mut settled = 0;
    if vietnamese != 0 {
        let after_next = _mm512_alignr_epi8::<2>(lanes_after, here);
        let index = _mm512_or_si512(
            _mm512_slli_epi16::<3>(_mm512_and_si512(next, _mm512_set1_epi8(3))),
            _mm512_and_si512(_mm512_srli_epi16::<3>(after_next), seven),
        );
        // SAFETY: the load reads exactly the 64-byte array.
        let bits = unsafe { _mm512_loadu_si512(summaries.latin_additional.as_ptr().cast()) };
        let byte = _mm512_permutexvar_epi8(index, bits);
        let bit_of = _mm512_shuffle_epi8(bit_values, _mm512_and_si512(after_next, seven));
        settled = vietnamese & !_mm512_test_epi8_mask(byte, bit_of);
    }
    // (`marked` holds garbage at the first bytes of longer characters.)
    ((marked & !longer) | (longer & !settled)) & leads
}
