//! Unicode data: every table generated from the Unicode Character Database, and the UTF-8
//! helpers the byte-level loops share.
//!
//! The tables (`tables/`) are written by `tools/unicode-tables` from the UCD files committed
//! in `tools/unicode-tables/ucd/`, all of one version, [`UNICODE_VERSION`]; CI generates them
//! again and fails when they differ from what is committed. What each stage reads:
//!
//! | data | from | read by |
//! | --- | --- | --- |
//! | Word_Break, Extended_Pictographic, Alphabetic, Numeric per code point ([`props()`]) | WordBreakProperty, emoji-data, DerivedCoreProperties, DerivedGeneralCategory | the tokenizer |
//! | scripts written without spaces ([`unspaced_script`]) | Scripts | the tokenizer's CJK options |
//! | full case folding ([`case_folding()`]) | CaseFolding | the normalizer |
//! | decimal digits ([`ascii_digit`]) | DerivedGeneralCategory | the normalizer |
//! | the script of a character ([`Script::of`]) | Scripts, ScriptExtensions, PropertyValueAliases | detection |
//!
//! Normalization forms (NFC, NFKC) come from the unicode-normalization crate, whose tables
//! are of Unicode 18: composition of the characters of Unicode 17 does not change between
//! versions (Unicode's stability policy).

mod props;
mod script;
mod tables;
pub(crate) mod utf8;

pub use script::Script;
pub use tables::version::UNICODE_VERSION;

pub(crate) use props::{
    ALPHABETIC, EXT_PICT, NUMERIC, UNSPACED_HAN, UNSPACED_HANGUL, UNSPACED_HIRAGANA,
    UNSPACED_KATAKANA, WB_MASK, props, unspaced_script, wb,
};
// The scripts only dictionaries segment (the icu feature).
#[cfg(feature = "icu")]
pub(crate) use props::{UNSPACED_KHMER, UNSPACED_LAO, UNSPACED_MYANMAR, UNSPACED_THAI};

use tables::{case_folding, decimal_digits};

/// Full case folding of a character as CaseFolding.txt gives it (statuses C and F), or
/// `None` when it folds to itself. ASCII capitals included.
#[inline]
pub(crate) fn case_folding(c: char) -> Option<&'static str> {
    let cp = c as u32;
    if cp < 0x10000 && case_folding::HAS_FOLDING_BMP[(cp >> 6) as usize] & (1 << (cp & 63)) == 0 {
        return None;
    }
    let folding = &case_folding::FULL_FOLDING;
    let i = folding.binary_search_by_key(&c, |&(from, _)| from).ok()?;
    Some(folding[i].1)
}

/// The ASCII digit of a decimal digit of any script (General_Category Nd).
#[inline]
pub(crate) fn ascii_digit(c: char) -> Option<char> {
    let zeros = &decimal_digits::DIGIT_ZEROS;
    let i = zeros.partition_point(|&zero| zero <= c);
    let zero = *zeros.get(i.checked_sub(1)?)?;
    let value = c as u32 - zero as u32;
    (value < 10).then(|| char::from(b'0' + value as u8))
}

/// True when `mark`, written after `before`, is a stress mark of Cyrillic text: an acute or a
/// grave on a letter of the Cyrillic and Cyrillic Supplement blocks (not on the titlo and
/// other marks among them), as dictionaries and books for learners write Russian, Ukrainian,
/// Belarusian and Bulgarian. No part of the word: the normalizer and detection drop it.
#[inline]
pub(crate) fn is_cyrillic_stress(before: char, mark: char) -> bool {
    matches!(mark, '\u{0300}' | '\u{0301}')
        && ('\u{0400}'..='\u{052F}').contains(&before)
        && before.is_alphabetic()
}

/// The ASCII character a full-width form stands for (U+FF01..U+FF5E: `Ａ` → `A`, `！` → `!`).
#[inline]
pub(crate) fn full_width_ascii(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_are_of_one_version() {
        assert_eq!(UNICODE_VERSION, (17, 0, 0));
        // Rust's own Unicode tables are of the same version: `char::is_alphabetic` and the
        // generated Alphabetic bit agree (see props.rs).
        assert_eq!(char::UNICODE_VERSION, UNICODE_VERSION);
    }

    #[test]
    fn case_folding_and_digits() {
        assert_eq!(case_folding('A'), Some("a"));
        assert_eq!(case_folding('ß'), Some("ss"));
        assert_eq!(case_folding('a'), None);
        assert_eq!(case_folding('ǰ'), Some("j\u{30C}"));
        assert_eq!(ascii_digit('٣'), Some('3'));
        assert_eq!(ascii_digit('۹'), Some('9'));
        assert_eq!(ascii_digit('७'), Some('7'));
        assert_eq!(ascii_digit('x'), None);
        assert_eq!(ascii_digit('²'), None); // No, not Nd
    }

    #[test]
    fn full_width_forms_stand_for_ascii() {
        assert_eq!(full_width_ascii('Ａ'), Some('A'));
        assert_eq!(full_width_ascii('ｚ'), Some('z'));
        assert_eq!(full_width_ascii('！'), Some('!'));
        assert_eq!(full_width_ascii('～'), Some('~'));
        // Outside the block: the ideographic space, half-width katakana, ASCII itself.
        assert_eq!(full_width_ascii('\u{3000}'), None);
        assert_eq!(full_width_ascii('ｶ'), None);
        assert_eq!(full_width_ascii('A'), None);
    }
}
