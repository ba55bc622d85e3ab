//! Character properties for word segmentation: Word_Break, Extended_Pictographic,
//! Alphabetic and Numeric, from the generated Unicode 17 tables, and the byte-level helpers of
//! the fast paths.

use super::tables::{BLOCKS, INDEX, SCRIPT_RANGES};

/// Word_Break property values (UAX #29, table 3), numbered as the generator numbers them.
pub(crate) mod wb {
    pub const OTHER: u8 = 0;
    pub const CR: u8 = 1;
    pub const LF: u8 = 2;
    pub const NEWLINE: u8 = 3;
    pub const EXTEND: u8 = 4;
    pub const ZWJ: u8 = 5;
    pub const REGIONAL_INDICATOR: u8 = 6;
    pub const FORMAT: u8 = 7;
    pub const KATAKANA: u8 = 8;
    pub const HEBREW_LETTER: u8 = 9;
    pub const ALETTER: u8 = 10;
    pub const SINGLE_QUOTE: u8 = 11;
    pub const DOUBLE_QUOTE: u8 = 12;
    pub const MID_NUM_LET: u8 = 13;
    pub const MID_LETTER: u8 = 14;
    pub const MID_NUM: u8 = 15;
    pub const NUMERIC: u8 = 16;
    pub const EXTEND_NUM_LET: u8 = 17;
    pub const WSEG_SPACE: u8 = 18;

    /// A set of Word_Break values as a bit mask.
    pub const fn set(values: &[u8]) -> u32 {
        let mut mask = 0;
        let mut i = 0;
        while i < values.len() {
            mask |= 1 << values[i];
            i += 1;
        }
        mask
    }

    /// True when `value` is in `set`.
    #[inline(always)]
    pub const fn is(value: u8, set: u32) -> bool {
        set & (1 << value) != 0
    }

    pub const AHLETTER: u32 = set(&[ALETTER, HEBREW_LETTER]);
    /// Values that join every other value of the set (WB5, WB8, WB9, WB10, WB13a, WB13b):
    /// inside a run of these there is never a boundary.
    pub const WORD: u32 = set(&[ALETTER, HEBREW_LETTER, NUMERIC, EXTEND_NUM_LET]);
    /// WB4: ignored after any character but a line break.
    pub const IGNORABLE: u32 = set(&[EXTEND, FORMAT, ZWJ]);
    pub const MID_LETTER_Q: u32 = set(&[MID_LETTER, MID_NUM_LET, SINGLE_QUOTE]);
    pub const MID_NUM_Q: u32 = set(&[MID_NUM, MID_NUM_LET, SINGLE_QUOTE]);
    pub const LINE_BREAK: u32 = set(&[CR, LF, NEWLINE]);
}

/// Bits above the Word_Break value in a property byte.
pub(crate) const WB_MASK: u8 = 0x1F;
pub(crate) const EXT_PICT: u8 = 0x20;
pub(crate) const ALPHABETIC: u8 = 0x40;
pub(crate) const NUMERIC: u8 = 0x80;

/// The property byte of a code point (a `const fn`: tables built at compile time use it too).
#[inline(always)]
pub(crate) const fn props(cp: u32) -> u8 {
    let i = (cp >> 6) as usize;
    let block = if i < INDEX.len() {
        INDEX[i] as usize
    } else {
        0
    };
    BLOCKS[(block << 6) | (cp & 63) as usize]
}

/// Decodes the character starting at `pos` of valid UTF-8: (code point, length in bytes).
#[inline(always)]
pub(crate) fn decode(bytes: &[u8], pos: usize) -> (u32, usize) {
    let b0 = bytes[pos] as u32;
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | (bytes[pos + 1] as u32 & 0x3F), 2)
    } else if b0 < 0xF0 {
        (
            ((b0 & 0x0F) << 12)
                | ((bytes[pos + 1] as u32 & 0x3F) << 6)
                | (bytes[pos + 2] as u32 & 0x3F),
            3,
        )
    } else {
        (
            ((b0 & 0x07) << 18)
                | ((bytes[pos + 1] as u32 & 0x3F) << 12)
                | ((bytes[pos + 2] as u32 & 0x3F) << 6)
                | (bytes[pos + 3] as u32 & 0x3F),
            4,
        )
    }
}

/// Start of the character that ends just before `pos` in valid UTF-8.
#[inline]
pub(crate) fn char_start_before(bytes: &[u8], mut pos: usize) -> usize {
    pos -= 1;
    while pos > 0 && bytes[pos] & 0xC0 == 0x80 {
        pos -= 1;
    }
    pos
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

/// The script class of a character for the CJK and dictionary options: 0 none, 1 Han,
/// 2 Hiragana, 3 Katakana, 4 Hangul, 5 Thai, 6 Lao, 7 Khmer, 8 Myanmar.
pub(crate) fn script_class(c: char) -> u8 {
    let cp = c as u32;
    if cp < 0x0E00 {
        return 0;
    }
    let i = SCRIPT_RANGES.partition_point(|&(first, _, _)| first <= cp);
    match i.checked_sub(1).map(|i| SCRIPT_RANGES[i]) {
        Some((_, last, class)) if cp <= last => class,
        _ => 0,
    }
}

/// The last of the CJK classes of [`script_class`]: 1 to 4 are Han, hiragana, katakana,
/// hangul.
pub(crate) const SCRIPT_HANGUL: u8 = 4;

/// End of the run of ASCII word bytes (`[A-Za-z0-9_]`) that starts at `pos`, and the
/// properties of its bytes: ALPHABETIC, NUMERIC, and [`ASCII_UPPER`] for capitals.
#[inline(always)]
pub(crate) fn scan_ascii_word(bytes: &[u8], mut pos: usize) -> (usize, u8) {
    let mut flags = 0u8;
    #[cfg(target_arch = "x86_64")]
    {
        // SSE2 is part of x86_64: classify 16 bytes at once, so that the end of a word costs
        // one predictable step rather than a mispredicted branch per byte.
        while pos + 16 <= bytes.len() {
            let m = simd::classify(simd::sixteen(bytes, pos));
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
    #[cfg(target_arch = "x86_64")]
    {
        while pos + 16 <= bytes.len() {
            let m = simd::classify(simd::sixteen(bytes, pos));
            let interesting = m.word() | m.high;
            if interesting != 0 {
                return pos + interesting.trailing_zeros() as usize;
            }
            pos += 16;
        }
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

#[cfg(target_arch = "x86_64")]
pub(crate) mod simd {
    use std::arch::x86_64::*;

    /// Bit masks of 16 bytes: bit i describes byte i.
    #[derive(Clone, Copy)]
    pub(crate) struct Masks {
        pub letters: u32,
        pub uppers: u32,
        pub digits: u32,
        pub underscores: u32,
        /// Bytes 0x80 and above.
        pub high: u32,
    }

    impl Masks {
        /// ASCII letters, digits and `_`: the bytes that always continue a word.
        #[inline(always)]
        pub fn word(&self) -> u32 {
            self.letters | self.digits | self.underscores
        }
    }

    /// Classifies 16 bytes with SSE2, which every x86_64 processor has.
    #[inline(always)]
    pub(crate) fn classify(chunk: &[u8; 16]) -> Masks {
        // SAFETY: SSE2 is part of x86_64, and the unaligned load reads exactly the 16 bytes
        // of `chunk`.
        classify_loaded(unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) })
    }

    /// [`classify`] for 16 bytes already loaded.
    #[inline(always)]
    pub(crate) fn classify_loaded(v: __m128i) -> Masks {
        // SAFETY: SSE2 is part of x86_64.
        unsafe {
            // Signed comparisons: bytes >= 0x80 are negative and fall outside every range.
            let range = |x: __m128i, lo: u8, hi: u8| {
                _mm_movemask_epi8(_mm_and_si128(
                    _mm_cmpgt_epi8(x, _mm_set1_epi8(lo as i8 - 1)),
                    _mm_cmplt_epi8(x, _mm_set1_epi8(hi as i8 + 1)),
                )) as u32
            };
            let lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
            Masks {
                letters: range(lower, b'a', b'z'),
                uppers: range(v, b'A', b'Z'),
                digits: range(v, b'0', b'9'),
                underscores: _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b'_' as i8))) as u32,
                high: _mm_movemask_epi8(v) as u32,
            }
        }
    }

    /// The 16 bytes at `pos`.
    #[inline(always)]
    pub(crate) fn sixteen(bytes: &[u8], pos: usize) -> &[u8; 16] {
        bytes[pos..pos + 16].try_into().expect("16 bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabetic_and_numeric_bits_agree_with_std() {
        // Both come from Unicode 17: the generated table and the standard library.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let p = props(c as u32);
            assert_eq!(p & ALPHABETIC != 0, c.is_alphabetic(), "{c:?}");
            assert_eq!(p & NUMERIC != 0, c.is_numeric(), "{c:?}");
        }
    }

    #[test]
    fn known_values() {
        assert_eq!(props('a' as u32) & WB_MASK, wb::ALETTER);
        assert_eq!(props('7' as u32) & WB_MASK, wb::NUMERIC);
        assert_eq!(props('\'' as u32) & WB_MASK, wb::SINGLE_QUOTE);
        assert_eq!(props('’' as u32) & WB_MASK, wb::MID_NUM_LET);
        assert_eq!(props('ع' as u32) & WB_MASK, wb::ALETTER);
        assert_eq!(props('\u{064F}' as u32) & WB_MASK, wb::EXTEND);
        assert_eq!(props('カ' as u32) & WB_MASK, wb::KATAKANA);
        assert_eq!(props('曼' as u32) & WB_MASK, wb::OTHER);
        assert_ne!(props('🛑' as u32) & EXT_PICT, 0);
        assert_eq!(props(0x10FFFF), 0);
    }

    #[test]
    fn decode_agrees_with_std() {
        let text = "aé€😀ع";
        let mut pos = 0;
        for c in text.chars() {
            let (cp, len) = decode(text.as_bytes(), pos);
            assert_eq!((cp, len), (c as u32, c.len_utf8()));
            pos += len;
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

    #[test]
    fn script_classes() {
        assert_eq!(script_class('曼'), 1);
        assert_eq!(script_class('の'), 2);
        assert_eq!(script_class('カ'), 3);
        assert_eq!(script_class('한'), SCRIPT_HANGUL);
        assert_eq!(script_class('ก'), 5);
        assert_eq!(script_class('a'), 0);
        assert_eq!(script_class('ع'), 0);
    }
}
