//! The lanes of every architecture: SWAR ("SIMD within a register"), eight bytes at a time in
//! a `u64`, with the same comparisons the vector lanes make.
//!
//! Each comparison leaves, in every byte of a `u64`, its high bit set where the byte matches,
//! without carries between bytes; [`movemask`] gathers the eight high bits into eight bits of
//! a mask, as SSE2's `movemask` does.

use crate::arch::{AsciiMasks, Lanes, LeadMasks, Masks, WIDTH};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;
const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// The bytes of `x` that are at least `n` (`n` ≤ 128), as high bits. The low seven bits of a
/// byte plus `0x80 - n` reach `0x80` exactly when they are at least `n`, and never carry out
/// of the byte; a byte of `0x80` or more is at least `n` anyway.
#[inline(always)]
const fn at_least(x: u64, n: u8) -> u64 {
    (x | ((x & LOWS) + ONES * (0x80 - n as u64))) & HIGHS
}

/// The bytes of `x` from `lo` to `hi`, both below 128, as high bits.
#[inline(always)]
const fn ascii_range(x: u64, lo: u8, hi: u8) -> u64 {
    at_least(x, lo) & !at_least(x, hi + 1)
}

/// The bytes of `x` that are at least `n` (`n` ≥ 128), as high bits: a high byte whose low
/// seven bits are at least `n - 128`.
#[inline(always)]
const fn high_at_least(x: u64, n: u8) -> u64 {
    x & ((x & LOWS) + ONES * (0x80 - (n - 0x80) as u64)) & HIGHS
}

/// The bytes of `x` equal to `b`, as high bits: exactly those whose XOR with `b` is zero (the
/// low seven bits plus `0x7F` reach the high bit unless they are all zero).
#[inline(always)]
const fn equal(x: u64, b: u8) -> u64 {
    let t = x ^ (ONES * b as u64);
    !(((t & LOWS) + LOWS) | t) & HIGHS
}

/// The high bits of the eight bytes of `highs` as the low eight bits of a mask (byte `i`'s as
/// bit `i`).
#[inline(always)]
const fn movemask(highs: u64) -> u64 {
    ((highs >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// The high bits of a window's eight words (`highs[k]`: word `k`'s bytes as high bits) as
/// the window's mask, byte `i` of word `k` as bit `8k + i`: what eight [`movemask`]s and
/// shifts make, in fewer operations and without multiplications. Shifting word `k`'s high
/// bits down by `7 - k` puts all eight words in one `u64`, byte `i` of word `k` as bit
/// `8i + k`; an 8×8 bit transpose then swaps the two (Hacker's Delight, section 7-3).
#[inline(always)]
fn gather(highs: [u64; 8]) -> u64 {
    let mut x = highs
        .iter()
        .enumerate()
        .fold(0, |x, (k, &h)| x | (h & HIGHS) >> (7 - k));
    x = x & 0xAA55_AA55_AA55_AA55
        | (x & 0x00AA_00AA_00AA_00AA) << 7
        | (x >> 7) & 0x00AA_00AA_00AA_00AA;
    x = x & 0xCCCC_3333_CCCC_3333
        | (x & 0x0000_CCCC_0000_CCCC) << 14
        | (x >> 14) & 0x0000_CCCC_0000_CCCC;
    x & 0xF0F0_F0F0_0F0F_0F0F
        | (x & 0x0000_0000_F0F0_F0F0) << 28
        | (x >> 28) & 0x0000_0000_F0F0_F0F0
}

/// The eight `u64`s of a window, little-endian (byte `i` of the window is byte `i % 8` of word
/// `i / 8`).
#[inline(always)]
fn words(chunk: &[u8; WIDTH]) -> [u64; 8] {
    std::array::from_fn(|i| {
        let bytes: [u8; 8] = chunk[8 * i..8 * i + 8].try_into().expect("eight bytes");
        u64::from_le_bytes(bytes)
    })
}

/// A mask of the window's 64 bytes from a comparison of each of its words.
#[inline(always)]
fn mask_of(words: &[u64; 8], compare: impl Fn(u64) -> u64) -> u64 {
    words
        .iter()
        .enumerate()
        .fold(0, |mask, (i, &w)| mask | (movemask(compare(w)) << (8 * i)))
}

/// Eight bytes at a time in a `u64`: every architecture has these.
#[derive(Clone, Copy)]
pub(crate) struct Portable;

impl Lanes for Portable {
    type Loaded = [u64; 8];
    const BULK: bool = true;
    // A range over the window is eight comparisons of a `u64` here: for the few accented
    // letters of a Latin window, decoding them is cheaper.
    const BULK_FROM: u32 = 7;

    #[inline(always)]
    fn load(self, chunk: &[u8; WIDTH]) -> Self::Loaded {
        words(chunk)
    }

    #[inline(always)]
    fn classify(self, words: Self::Loaded) -> Masks {
        let mut m = Masks::default();
        // A third of the eight-byte words of Latin text hold a byte of a multi-byte character,
        // at random: a branch per word would be mispredicted at every third. Per window it is
        // mostly taken (78 % of Latin windows), and the window without one skips the work.
        if words.iter().fold(0, |any, &w| any | w) & HIGHS != 0 {
            m.non_ascii = gather(words);
            m.leads = gather(words.map(|w| high_at_least(w, 0xC0)));
        }
        // (`| 0x20` lowercases ASCII letters and takes no other byte into a..z; a letter
        // without its 0x20 bit is a capital: the bit shifted to the high bit.)
        let letters = words.map(|w| ascii_range(w | (ONES * 0x20), b'a', b'z'));
        m.letters = gather(letters);
        m.uppers = gather(std::array::from_fn(|k| letters[k] & !(words[k] << 2)));
        for (i, &w) in words.iter().enumerate() {
            let at = 8 * i;
            let bits = |highs: u64| movemask(highs) << at;
            // The digits and `'` `,` `.` `:` `;` all lie in 0x27..=0x3B: 85 % of the
            // eight-byte words of Latin text have none of them and skip their comparisons.
            // (Measured: this branch per word beats one per window, taken by 77 % of them.)
            let marks = ascii_range(w, b'\'', b';');
            if marks != 0 {
                let digits = ascii_range(w, b'0', b'9');
                m.digits |= bits(digits);
                m.colons |= bits(equal(w, b':'));
                m.dots |= bits(equal(w, b'.') | equal(w, b'\''));
                m.commas |= bits(equal(w, b',') | equal(w, b';'));
            }
            // Underscores are rarer still: gathered only where there is one.
            let underscores = equal(w, b'_');
            if underscores != 0 {
                m.underscores |= bits(underscores);
            }
        }
        m
    }

    #[inline(always)]
    fn high_range(self, words: Self::Loaded, lo: u8, hi: u8) -> u64 {
        debug_assert!(lo >= 0x80 && hi >= lo);
        mask_of(&words, |w| {
            let below_next = if hi == 0xFF {
                HIGHS
            } else {
                !high_at_least(w, hi + 1)
            };
            high_at_least(w, lo) & below_next
        })
    }
}

impl Portable {
    /// [`AsciiMasks`] of sixteen bytes, eight at a time.
    #[cfg_attr(
        all(target_arch = "x86_64", not(wordmill_portable), not(test)),
        allow(dead_code) // (x86-64 scans ASCII with SSE2)
    )]
    #[inline(always)]
    pub(crate) fn ascii_masks(chunk: &[u8; 16]) -> AsciiMasks {
        let mut masks = AsciiMasks::default();
        for (i, half) in chunk.chunks_exact(8).enumerate() {
            let w = u64::from_le_bytes(half.try_into().expect("eight bytes"));
            let at = 8 * i;
            let bits = |highs: u64| (movemask(highs) as u32) << at;
            masks.letters |= bits(ascii_range(w | (ONES * 0x20), b'a', b'z'));
            masks.uppers |= bits(ascii_range(w, b'A', b'Z'));
            masks.digits |= bits(ascii_range(w, b'0', b'9'));
            masks.underscores |= bits(equal(w, b'_'));
            masks.high |= bits(w & HIGHS);
        }
        masks
    }

    /// [`LeadMasks`] of sixteen bytes, eight at a time.
    #[cfg_attr(
        all(target_arch = "x86_64", not(wordmill_portable), not(test)),
        allow(dead_code) // (x86-64 finds lead bytes with SSE2)
    )]
    #[inline(always)]
    pub(crate) fn lead_masks(chunk: &[u8; 16], lo: u8, hi: u8) -> LeadMasks {
        let mut masks = LeadMasks::default();
        for (i, half) in chunk.chunks_exact(8).enumerate() {
            let w = u64::from_le_bytes(half.try_into().expect("eight bytes"));
            let bits = |highs: u64| (movemask(highs) as u32) << (8 * i);
            masks.leads |= bits(high_at_least(w, 0xC0));
            masks.in_range |= bits(high_at_least(w, lo) & !high_at_least(w, hi + 1));
        }
        masks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_agree_with_the_bytes_for_every_byte() {
        for b in 0..=255u8 {
            // Every byte at every position, among neighbours that could carry.
            for at in 0..8 {
                let mut bytes = [0xFFu8; 8];
                bytes[at] = b;
                let x = u64::from_le_bytes(bytes);
                let bit = |highs: u64| movemask(highs) >> at & 1 == 1;
                for n in [0u8, 1, 0x30, 0x41, 0x5F, 0x7F, 0x80] {
                    assert_eq!(bit(at_least(x, n)), b >= n, "{b:#x} >= {n:#x}");
                }
                for n in [0x80u8, 0x81, 0xC0, 0xE0, 0xFF] {
                    assert_eq!(bit(high_at_least(x, n)), b >= n, "{b:#x} >= {n:#x}");
                }
                for c in [0u8, b'_', b':', b'.', 0x80, 0xFF] {
                    assert_eq!(bit(equal(x, c)), b == c, "{b:#x} == {c:#x}");
                }
                assert_eq!(bit(ascii_range(x, b'a', b'z')), b.is_ascii_lowercase());
            }
        }
    }

    #[test]
    fn lead_masks_agree_with_the_bytes_for_every_byte() {
        for (lo, hi) in [(0xC2u8, 0xDFu8), (0xD0, 0xD1), (0xDA, 0xDA)] {
            for b in 0..=255u8 {
                for at in 0..16 {
                    // Among bytes of the range's edges, which a carry would disturb.
                    let mut chunk = [lo.wrapping_sub(1); 16];
                    chunk[at ^ 1] = hi.wrapping_add(1);
                    chunk[at] = b;
                    let expected = |f: &dyn Fn(u8) -> bool| {
                        chunk
                            .iter()
                            .enumerate()
                            .filter(|(_, b)| f(**b))
                            .fold(0u32, |m, (i, _)| m | 1 << i)
                    };
                    let masks = LeadMasks {
                        leads: expected(&|b| b >= 0xC0),
                        in_range: expected(&|b| (lo..=hi).contains(&b)),
                    };
                    assert_eq!(
                        Portable::lead_masks(&chunk, lo, hi),
                        masks,
                        "{b:#x} at {at}"
                    );
                    assert_eq!(
                        crate::arch::lead_masks(&chunk, lo, hi),
                        masks,
                        "{b:#x} at {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn gather_is_eight_movemasks() {
        // Every bit of every word alone, then mixed words (xorshift).
        for k in 0..8 {
            for i in 0..8 {
                let mut highs = [0u64; 8];
                highs[k] = 0x80 << (8 * i);
                assert_eq!(gather(highs), 1 << (8 * k + i), "word {k}, byte {i}");
            }
        }
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..1000 {
            let highs: [u64; 8] = std::array::from_fn(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x
            });
            let expected = mask_of(&highs, |h| h & HIGHS);
            assert_eq!(gather(highs), expected, "{highs:x?}");
        }
    }

    #[test]
    fn classification_agrees_with_the_bytes() {
        let mut chunk = [0u8; WIDTH];
        for start in (0..=255u8).step_by(64) {
            for (i, b) in chunk.iter_mut().enumerate() {
                *b = start.wrapping_add(i as u8);
            }
            let m = Portable.classify(Portable.load(&chunk));
            for (i, &b) in chunk.iter().enumerate() {
                let bit = |mask: u64| mask >> i & 1 == 1;
                assert_eq!(bit(m.letters), b.is_ascii_alphabetic(), "{b:#x}");
                assert_eq!(bit(m.uppers), b.is_ascii_uppercase(), "{b:#x}");
                assert_eq!(bit(m.digits), b.is_ascii_digit(), "{b:#x}");
                assert_eq!(bit(m.underscores), b == b'_');
                assert_eq!(bit(m.non_ascii), b >= 0x80);
                assert_eq!(bit(m.leads), b >= 0xC0);
                assert_eq!(bit(m.colons), b == b':');
                assert_eq!(bit(m.dots), b == b'.' || b == b'\'');
                assert_eq!(bit(m.commas), b == b',' || b == b';');
                let range = Portable.high_range(Portable.load(&chunk), 0xC4, 0xCA);
                assert_eq!(bit(range), (0xC4..=0xCA).contains(&b));
                let top = Portable.high_range(Portable.load(&chunk), 0xF0, 0xFF);
                assert_eq!(bit(top), b >= 0xF0);
            }
        }
    }
}
