//! What normalization may do to each character, whatever the options: bits that let a scan
//! of a token say at once whether it needs any work, and which.

use unicode_normalization::{IsNormalized, is_nfc_quick, is_nfkc_quick};

use super::Normalizer;
use super::rules::{CharMap, Rules};
use crate::unicode::utf8::{is_joiner, two_byte};

#[path = "class_table.rs"]
#[rustfmt::skip]
mod class_table;

impl Normalizer {
    /// The [`class`] bits of the characters this normalizer may change under these rules.
    #[inline]
    pub(super) fn relevant_classes(&self, rules: Rules) -> u8 {
        let mut bits = class::RULE;
        if self.case_fold {
            bits |= class::FOLD;
        }
        if rules.persian {
            bits |= class::PERSIAN;
        }
        if self.teh_marbuta {
            bits |= class::TEH;
        }
        if rules.russian {
            bits |= class::YO;
        }
        if rules.turkic {
            bits |= class::TURKIC;
        }
        bits
    }
}

/// What normalization may do to a character, whatever the normalizer's options and language:
/// bits of [`char_class`].
pub(super) mod class {
    /// The character is not stable under NFC in every context: quick check not Yes, or a
    /// canonical combining class other than 0 (a character that composes with a following
    /// mark is caught by the mark).
    pub const NFC: u8 = 1;
    /// Likewise under NFKC.
    pub const NFKC: u8 = 2;
    /// Case folding changes it, and no other rule does.
    pub const FOLD: u8 = 4;
    /// Another rule of the default configuration (punctuation, width, digits, scripts)
    /// changes it.
    pub const RULE: u8 = 8;
    /// Only the Persian and Urdu rules change it (`ي`, `ى`, `ك`).
    pub const PERSIAN: u8 = 16;
    /// Only the teh marbuta option changes it (`ة`).
    pub const TEH: u8 = 32;
    /// Only the Russian `ё` option changes it.
    pub const YO: u8 = 64;
    /// Only the Turkic case rules change it (`İ`).
    pub const TURKIC: u8 = 128;
}

/// The classes of ASCII: capitals fold, and `I` folds differently in Turkish.
static ASCII_CLASSES: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = b'A';
    while b <= b'Z' {
        table[b as usize] = class::FOLD;
        b += 1;
    }
    table[b'I' as usize] |= class::TURKIC;
    table
};

/// The union of the [`class`] bits of a text's characters.
#[inline]
pub(super) fn work_of(text: &str) -> u8 {
    let bytes = text.as_bytes();
    let mut work = 0;
    let mut i = 0;
    // Fetched at the first two-byte character: ASCII words never touch it.
    let mut two_byte_table: Option<&[u8; 0x800]> = None;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            work |= ASCII_CLASSES[usize::from(b)];
            i += 1;
        } else if b < 0xE0 && i + 1 < bytes.len() {
            let table = two_byte_table.get_or_insert_with(two_byte_classes);
            work |= table[two_byte(b, bytes[i + 1]) as usize];
            i += 2;
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            work |= char_class(c);
            i += c.len_utf8();
        }
    }
    work
}

/// The [`class`] bits of every code point below U+0800 (the two-byte characters: Latin, Greek,
/// Cyrillic, Armenian, Hebrew, Arabic...) in one table, built on first use.
pub(super) fn two_byte_classes() -> &'static [u8; 0x800] {
    static TABLE: std::sync::OnceLock<[u8; 0x800]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [0; 0x800];
        for (block, chunk) in table.chunks_exact_mut(64).enumerate() {
            chunk.copy_from_slice(class_block_of(block as u32));
        }
        table
    })
}

/// True when `text` starts or ends with ZWNJ or ZWJ (E2 80 8C, E2 80 8D).
#[inline]
pub(super) fn has_edge_joiner(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 3 && (is_joiner(&b[..3]) || is_joiner(&b[b.len() - 3..]))
}

/// The [`class`] bits of a character: a table lookup for the Basic Multilingual Plane, where
/// nearly all text is; above it, "anything may happen", and the general path decides.
#[inline]
pub(super) fn char_class(c: char) -> u8 {
    let cp = c as u32;
    if cp < 0x80 {
        return ASCII_CLASSES[cp as usize];
    }
    if cp >= 0x10000 {
        return class::NFC | class::NFKC | class::RULE;
    }
    bmp_class(cp)
}

/// The class of a BMP code point, from the committed table (`class_table.rs`).
#[inline]
fn bmp_class(cp: u32) -> u8 {
    class_block_of(cp >> 6)[(cp & 63) as usize]
}

/// Block `block` (code points `64 * block` to `64 * block + 63`) of the class table.
///
/// The table is committed rather than built at run time: working out a character's class
/// runs the normalizer's rules under five configurations, thousands of instructions a
/// character, which a process paid on its first words of each script (a third of the 40
/// million instructions of analysing one English sentence after start-up). A test checks the
/// committed table against [`class_block`]. Built with another version of
/// unicode-normalization's data than the table's (a dependency resolved by another project),
/// the blocks are made as the generator makes them, the first time text needs them.
#[inline]
fn class_block_of(block: u32) -> &'static [u8; 64] {
    if class_table::UNICODE_VERSION == unicode_normalization::UNICODE_VERSION {
        let index = class_table::BLOCK_OF[block as usize & 1023];
        return &class_table::BLOCKS[usize::from(index)];
    }
    static BUILT: [std::sync::OnceLock<[u8; 64]>; 1024] =
        [const { std::sync::OnceLock::new() }; 1024];
    BUILT[block as usize & 1023].get_or_init(|| class_block(block))
}

/// The classes of the 64 code points of block `block`, from the same `map_char` the
/// normalizer applies: run with the default options (which set [`class::FOLD`] and
/// [`class::RULE`]), then with each optional rule on in turn (Persian and Urdu, teh marbuta,
/// Russian `ё`, Turkic), which sets that rule's bit where it changes the outcome. What
/// `class_table.rs` holds, block by block.
fn class_block(block: u32) -> [u8; 64] {
    let plain = Normalizer::new();
    let folding_only = Normalizer::new()
        .fold_punctuation(false)
        .fold_width(false)
        .fold_digits(false)
        .language_rules(false);
    let rules_only = Normalizer::new()
        .case_fold(false)
        .fold_punctuation(false)
        .fold_width(false)
        .fold_digits(false);
    let neutral = Rules {
        turkic: false,
        persian: false,
        russian: false,
    };
    let optional = [
        (
            plain.clone(),
            Rules {
                persian: true,
                ..neutral
            },
            class::PERSIAN,
        ),
        (plain.clone().teh_marbuta(true), neutral, class::TEH),
        (
            plain.clone().russian_yo(true),
            Rules {
                russian: true,
                ..neutral
            },
            class::YO,
        ),
        (
            plain.clone(),
            Rules {
                turkic: true,
                ..neutral
            },
            class::TURKIC,
        ),
    ];
    let mut classes = [0u8; 64];
    for (i, slot) in classes.iter_mut().enumerate() {
        let Some(c) = char::from_u32(block * 64 + i as u32) else {
            continue; // surrogates
        };
        if c.is_ascii() {
            *slot = char_class(c);
            continue;
        }
        let mut bits = 0;
        if unicode_normalization::char::canonical_combining_class(c) != 0 {
            bits |= class::NFC | class::NFKC;
        }
        if is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes {
            bits |= class::NFC;
        }
        if is_nfkc_quick(std::iter::once(c)) != IsNormalized::Yes {
            bits |= class::NFKC;
        }
        // A key of the Indic context rules changes with its neighbours.
        if super::indic::is_rule_key(c) {
            bits |= class::RULE;
        }
        let by_default = plain.map_char(c, neutral);
        let folding = folding_only.map_char(c, neutral);
        if by_default != CharMap::Keep {
            bits |= if by_default == folding {
                class::FOLD
            } else {
                class::RULE
            };
        }
        // A rule whose result case folding gives as well (`ᾳ` → `αι`) still applies
        // without case folding.
        if rules_only.map_char(c, neutral) != CharMap::Keep {
            bits |= class::RULE;
        }
        for (normalizer, rules, bit) in &optional {
            if normalizer.map_char(c, *rules) != by_default {
                bits |= bit;
            }
        }
        *slot = bits;
    }
    classes
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use super::*;

    /// The committed table is what the rules make: each distinct block of [`class_block`]
    /// once, and the index of each of the 1,024 blocks of the BMP among them.
    #[test]
    fn the_committed_class_table_is_what_the_rules_make() {
        let mut blocks: Vec<[u8; 64]> = Vec::new();
        let mut block_of = Vec::new();
        for block in 0..1024 {
            let classes = class_block(block);
            let index = blocks
                .iter()
                .position(|b| *b == classes)
                .unwrap_or_else(|| {
                    blocks.push(classes);
                    blocks.len() - 1
                });
            block_of.push(u8::try_from(index).expect("at most 256 distinct blocks"));
        }
        let mut body = String::from("/// The index in [`BLOCKS`] of each block of the BMP.\n");
        body.push_str("pub(super) static BLOCK_OF: [u8; 1024] = [\n");
        for row in block_of.chunks(32) {
            let row: Vec<String> = row.iter().map(u8::to_string).collect();
            writeln!(body, "    {},", row.join(", ")).unwrap();
        }
        body.push_str(
            "];\n\n/// The distinct blocks: the class of each of their 64 code points.\n",
        );
        writeln!(
            body,
            "pub(super) static BLOCKS: [[u8; 64]; {}] = [",
            blocks.len()
        )
        .unwrap();
        for block in &blocks {
            body.push_str("    [\n");
            for row in block.chunks(16) {
                let row: Vec<String> = row.iter().map(u8::to_string).collect();
                writeln!(body, "        {},", row.join(", ")).unwrap();
            }
            body.push_str("    ],\n");
        }
        body.push_str("];\n");
        crate::normalize::tests::check_generated(
            "class_table.rs",
            "the normalizer's own rules (`class_block` in classes.rs)",
            "The normalization class of every BMP code point, 64 code points a block.",
            &body,
        );
    }
}
