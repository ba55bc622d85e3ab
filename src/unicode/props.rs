//! The properties of a code point that word segmentation needs (Word_Break,
//! Extended_Pictographic, Alphabetic, Numeric) in one byte, and the scripts written without
//! spaces.

use super::tables::unspaced_scripts::SCRIPT_RANGES;
use super::tables::word_props::{BLOCKS, INDEX};

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

/// The Word_Break value's bits in a property byte.
pub(crate) const WB_MASK: u8 = 0x1F;
/// Extended_Pictographic (emoji-data.txt).
pub(crate) const EXT_PICT: u8 = 0x20;
/// Alphabetic (DerivedCoreProperties.txt).
pub(crate) const ALPHABETIC: u8 = 0x40;
/// General_Category Nd, Nl or No.
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

/// The classes of [`unspaced_script`]: the scripts written without spaces between words
/// (0 is none). The generator numbers them so in `SCRIPT_RANGES`.
pub(crate) const UNSPACED_HAN: u8 = 1;
pub(crate) const UNSPACED_HIRAGANA: u8 = 2;
pub(crate) const UNSPACED_KATAKANA: u8 = 3;
pub(crate) const UNSPACED_HANGUL: u8 = 4;
#[cfg_attr(not(feature = "icu"), allow(dead_code))]
pub(crate) const UNSPACED_THAI: u8 = 5;
#[cfg_attr(not(feature = "icu"), allow(dead_code))]
pub(crate) const UNSPACED_LAO: u8 = 6;
#[cfg_attr(not(feature = "icu"), allow(dead_code))]
pub(crate) const UNSPACED_KHMER: u8 = 7;
#[cfg_attr(not(feature = "icu"), allow(dead_code))]
pub(crate) const UNSPACED_MYANMAR: u8 = 8;

/// The class of the script written without spaces that `c` belongs to (`UNSPACED_*`), 0 for
/// none.
#[inline]
pub(crate) fn unspaced_script(c: char) -> u8 {
    let cp = c as u32;
    // Before Thai, and from Latin Extended Additional (Vietnamese letters) to the
    // typographic punctuation and symbols before the CJK radicals (U+1E00 to U+2E7F): no
    // such script, and the multi-byte characters of alphabetic text, which the tokenizer's
    // windows ask about.
    if cp < 0x0E00 || (0x1E00..0x2E80).contains(&cp) {
        return 0;
    }
    // Between the scripts without spaces: Tibetan (U+0F00 to U+0FFF), Georgian (U+10A0 to
    // U+10FF), and Ethiopic to Tagbanwa (U+1200 to U+177F), whose characters the windows of
    // Amharic, Georgian or Tibetan text would otherwise look up one by one.
    if (0x0F00..0x1000).contains(&cp)
        || (0x10A0..0x1100).contains(&cp)
        || (0x1200..0x1780).contains(&cp)
    {
        return 0;
    }
    // The common blocks first, without the search: CJK ideographs, Hangul syllables.
    // (Hiragana and katakana share their blocks with marks the table classes apart.)
    if (0x4E00..=0x9FFF).contains(&cp) {
        return UNSPACED_HAN;
    }
    if (0xAC00..=0xD7A3).contains(&cp) {
        return UNSPACED_HANGUL;
    }
    unspaced_script_by_table(cp)
}

/// [`unspaced_script`] by a search of the generated ranges alone.
fn unspaced_script_by_table(cp: u32) -> u8 {
    let i = SCRIPT_RANGES.partition_point(|&(first, _, _)| first <= cp);
    match i.checked_sub(1).map(|i| SCRIPT_RANGES[i]) {
        Some((_, last, class)) if cp <= last => class,
        _ => 0,
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
    fn the_fast_paths_of_unspaced_script_agree_with_the_table() {
        for c in ('\u{0E00}'..='\u{FFFF}').filter(|c| c.len_utf8() == 3) {
            assert_eq!(
                unspaced_script(c),
                unspaced_script_by_table(c as u32),
                "{c:?}"
            );
        }
    }

    #[test]
    fn unspaced_scripts() {
        assert_eq!(unspaced_script('曼'), UNSPACED_HAN);
        assert_eq!(unspaced_script('の'), UNSPACED_HIRAGANA);
        assert_eq!(unspaced_script('カ'), UNSPACED_KATAKANA);
        assert_eq!(unspaced_script('한'), UNSPACED_HANGUL);
        assert_eq!(unspaced_script('ก'), UNSPACED_THAI);
        assert_eq!(unspaced_script('ກ'), UNSPACED_LAO);
        assert_eq!(unspaced_script('ក'), UNSPACED_KHMER);
        assert_eq!(unspaced_script('က'), UNSPACED_MYANMAR);
        assert_eq!(unspaced_script('a'), 0);
        assert_eq!(unspaced_script('ع'), 0);
        // Common characters used with kana only count as katakana: they are inside words.
        for c in ['ー', 'ｰ', '〱', '\u{3099}'] {
            assert_eq!(unspaced_script(c), UNSPACED_KATAKANA, "{c:?}");
        }
        assert_eq!(unspaced_script('・'), 0, "punctuation of many scripts");
        // Radicals, compatibility ideographs, half-width kana, jamo, the supplementary planes.
        for c in ['⺀', '豈', 'ｶ', 'ᄀ', '𠀀'] {
            assert_ne!(unspaced_script(c), 0, "{c:?}");
        }
        // The multi-byte characters of Latin text.
        for c in ['ế', 'ḁ', '–', '“', '’', '€', 'ﬁ', 'ｆ'] {
            assert_eq!(unspaced_script(c), 0, "{c:?}");
        }
    }
}
