//! Byte-level helpers of the tokenizer's fast paths for ASCII: runs of word bytes and gaps
//! between words, sixteen bytes at a time (`arch::ascii_masks`), and the flags a segment
//! carries for the normalizer.

use crate::arch::ascii_masks;
use crate::unicode::{ALPHABETIC, NUMERIC};

/// The 16 bytes at `pos` (which must have 16 bytes after it).
#[inline(always)]
fn sixteen(bytes: &[u8], pos: usize) -> &[u8; 16] {
    bytes[pos..pos + 16].try_into().expect("16 bytes")
}

/// For ASCII bytes: is it a letter, digit or `_`, the bytes that always continue a word.
pub(crate) static ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// End of the run of ASCII word bytes (`[A-Za-z0-9_]`) that starts at `pos`, and the
/// properties of its bytes: ALPHABETIC, NUMERIC, and [`ASCII_UPPER`] for capitals.
#[inline(always)]
pub(crate) fn scan_ascii_word(bytes: &[u8], mut pos: usize) -> (usize, u8) {
    let mut flags = 0u8;
    // Classify 16 bytes at once, so that the end of a word costs one predictable step rather
    // than a mispredicted branch per byte.
    while pos + 16 <= bytes.len() {
        let m = ascii_masks(sixteen(bytes, pos));
        let run = (!m.word()).trailing_zeros() as usize;
        let keep = (1u32 << run) - 1;
        // Branch-free: which kinds of byte the run holds.
        flags |= (u8::from(m.letters & keep != 0) * ALPHABETIC)
            | (u8::from(m.uppers & keep != 0) * ASCII_UPPER)
            | (u8::from(m.digits & keep != 0) * NUMERIC);
        pos += run;
        if run < 16 {
            return (pos, flags);
        }
    }
    while pos < bytes.len() {
        let b = bytes[pos];
        if b >= 0x80 || !ASCII_WORD[b as usize] {
            break;
        }
        flags |= ascii_flags(b);
        pos += 1;
    }
    (pos, flags)
}

/// Marks a segment with an ASCII capital letter (for the normalizer's fast path).
pub(crate) const ASCII_UPPER: u8 = 0x02;
/// Marks a segment with a byte outside ASCII.
pub(crate) const NON_ASCII: u8 = 0x01;

#[inline(always)]
pub(crate) fn ascii_flags(b: u8) -> u8 {
    if b.is_ascii_digit() {
        NUMERIC
    } else if b.is_ascii_uppercase() {
        ALPHABETIC | ASCII_UPPER
    } else if b.is_ascii_lowercase() {
        ALPHABETIC
    } else {
        0
    }
}

/// Position of the first byte at or after `pos` that can start a word: an ASCII letter,
/// digit or `_`, or any non-ASCII byte. `bytes.len()` when there is none.
#[inline(always)]
pub(crate) fn skip_ascii_gap(bytes: &[u8], mut pos: usize) -> usize {
    while pos + 16 <= bytes.len() {
        let m = ascii_masks(sixteen(bytes, pos));
        let interesting = m.word() | m.high;
        if interesting != 0 {
            return pos + interesting.trailing_zeros() as usize;
        }
        pos += 16;
    }
    while pos < bytes.len() {
        let b = bytes[pos];
        if b >= 0x80 || ASCII_WORD[b as usize] {
            return pos;
        }
        pos += 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portable_ascii_classes_are_the_same() {
        let text = "Hello_World42 and\u{e9}more, text!!   x\t\u{7f}".repeat(3);
        for chunk in text.as_bytes().windows(16) {
            let chunk: &[u8; 16] = chunk.try_into().unwrap();
            assert_eq!(
                crate::arch::ascii_masks(chunk),
                crate::arch::Portable::ascii_masks(chunk)
            );
        }
    }

    #[test]
    fn simd_scans_agree_with_scalar() {
        let text = "Hello_World42 and\u{e9}more, text!!   x".repeat(3);
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            if !text.is_char_boundary(start) {
                continue;
            }
            let mut end = start;
            let mut flags = 0;
            while end < bytes.len() && bytes[end] < 0x80 && ASCII_WORD[bytes[end] as usize] {
                flags |= ascii_flags(bytes[end]);
                end += 1;
            }
            assert_eq!(scan_ascii_word(bytes, start), (end, flags), "at {start}");
            let gap_end = (start..bytes.len())
                .find(|&i| bytes[i] >= 0x80 || ASCII_WORD[bytes[i] as usize])
                .unwrap_or(bytes.len());
            assert_eq!(skip_ascii_gap(bytes, start), gap_end, "at {start}");
        }
    }
}
