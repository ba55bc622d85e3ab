//! SSSE3's byte shuffles: the window fold's summaries looked up sixteen bytes at a time.

use std::arch::x86_64::*;

/// SSSE3. A value exists only where the CPU has it: [`Ssse3::detect`] makes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ssse3(());

impl Ssse3 {
    /// `Some` where the CPU has SSSE3.
    pub(crate) fn detect() -> Option<Ssse3> {
        std::arch::is_x86_feature_detected!("ssse3").then_some(Ssse3(()))
    }

    /// The bits of `leads` (first bytes of multi-byte characters in `chunk`) whose character
    /// the window must look at again: two-byte characters that their lead's summary in
    /// `by_lead` marks (see `FoldSummaries`), and all longer ones. One pass over the window
    /// per distinct lead byte (a script has two to four), each testing sixteen continuation
    /// bytes at once against the lead's 64-bit summary.
    #[inline]
    pub(crate) fn closer_look(self, chunk: &[u8; 64], leads: u64, by_lead: &[u64; 32]) -> u64 {
        // SAFETY: `self` proves the CPU has SSSE3.
        unsafe { closer_look(chunk, leads, by_lead) }
    }
}

/// [`Ssse3::closer_look`].
///
/// # Safety
///
/// The CPU must have SSSE3.
#[target_feature(enable = "ssse3")]
unsafe fn closer_look(chunk: &[u8; 64], leads: u64, closer_by_lead: &[u64; 32]) -> u64 {
    // SAFETY: SSSE3 is enabled for this function; the loads read 16 bytes at 16i of the
    // 64-byte array.
    let here: [__m128i; 4] =
        std::array::from_fn(|i| unsafe { _mm_loadu_si128(chunk.as_ptr().add(16 * i).cast()) });
    // The byte after each, from the vectors already loaded (reading the window again one byte
    // further would wait for the stores that wrote it); after the last byte, 0.
    let next = [
        _mm_alignr_epi8(here[1], here[0], 1),
        _mm_alignr_epi8(here[2], here[1], 1),
        _mm_alignr_epi8(here[3], here[2], 1),
        _mm_srli_si128(here[3], 1),
    ];
    let mask_of = |vectors: [__m128i; 4]| {
        vectors.iter().enumerate().fold(0u64, |bits, (i, &v)| {
            bits | (u64::from(_mm_movemask_epi8(v) as u16) << (16 * i))
        })
    };
    // First bytes of three- and four-byte characters: 0xE0 and above, -32 and above signed.
    let longer = mask_of(here.map(|v| _mm_cmpgt_epi8(v, _mm_set1_epi8(-33)))) & leads;
    // For each continuation byte: which byte of a 64-bit summary holds its bit, and the bit.
    let byte_of = next.map(|v| _mm_and_si128(_mm_srli_epi16(v, 3), _mm_set1_epi8(7)));
    let bit_values = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128);
    let bit_of = next.map(|v| _mm_shuffle_epi8(bit_values, _mm_and_si128(v, _mm_set1_epi8(7))));
    // The characters of one lead byte that the summary marks.
    let marked = |lead: u8, same_lead: u64| {
        let summary = closer_by_lead[usize::from(lead & 0x1F)];
        if summary == 0 || same_lead == 0 {
            return 0;
        }
        let summary = _mm_set1_epi64x(summary as i64);
        let kept = std::array::from_fn(|i| {
            let byte = _mm_shuffle_epi8(summary, byte_of[i]);
            _mm_cmpeq_epi8(_mm_and_si128(byte, bit_of[i]), _mm_setzero_si128())
        });
        !mask_of(kept) & same_lead
    };
    let mut closer = longer;
    let mut rest = leads & !longer;
    while rest != 0 {
        // Two lead bytes at a time, the first and the last (in one script, often the two
        // there are), whose work overlaps.
        let first = chunk[rest.trailing_zeros() as usize & 63];
        let last = chunk[(63 - rest.leading_zeros() as usize) & 63];
        let same =
            |lead: u8| mask_of(here.map(|v| _mm_cmpeq_epi8(v, _mm_set1_epi8(lead as i8)))) & rest;
        let of_first = same(first);
        let of_last = if last == first { 0 } else { same(last) };
        rest &= !(of_first | of_last);
        closer |= marked(first, of_first) | marked(last, of_last);
    }
    closer
}
