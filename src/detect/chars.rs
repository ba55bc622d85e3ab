//! What detection needs to know of a character, in one byte from one table: the script it
//! counts for, and what it is to the word reader (a letter to keep, a cased letter to
//! lowercase, a digit, a mark to drop, a separator).
//!
//! The table is computed once, on first use, from Unicode data that `tools/unicode-tables`
//! generates (the script of a character from Scripts.txt and ScriptExtensions.txt; Alphabetic,
//! Numeric and Word_Break; case folding): no character range is written here by hand but
//! the few marks that texts write or leave out at will ([`is_optional_mark`]).

use std::sync::OnceLock;

use crate::Script;
use crate::unicode::utf8::two_byte;
use crate::unicode::{ALPHABETIC, NUMERIC, WB_MASK, case_folding, props, wb};

/// The scripts detection tells apart: those of wordmill's languages ([`crate::Lang::scripts`]).
/// A character of any other script counts for no script, as punctuation does. Slot `i` of a
/// [`CharClass`] is `DETECTED[i - 1]`.
pub(crate) const DETECTED: [Script; 30] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Arabic,
    Script::Devanagari,
    Script::Hebrew,
    Script::Ethiopic,
    Script::Tibetan,
    Script::Han,
    Script::Hiragana,
    Script::Katakana,
    Script::Hangul,
    Script::Greek,
    Script::Armenian,
    Script::Georgian,
    Script::Bengali,
    Script::Gurmukhi,
    Script::Gujarati,
    Script::Oriya,
    Script::Tamil,
    Script::Telugu,
    Script::Kannada,
    Script::Malayalam,
    Script::Sinhala,
    Script::Thai,
    Script::Lao,
    Script::Khmer,
    Script::Myanmar,
    Script::Thaana,
    Script::Tifinagh,
    Script::Mongolian,
];

/// The slot of Latin, the script of ASCII letters.
pub(crate) const LATIN_SLOT: u8 = 1;

/// The slot of a detected script (0 for others).
pub(crate) fn slot(script: Script) -> u8 {
    DETECTED
        .iter()
        .position(|&s| s == script)
        .map_or(0, |i| i as u8 + 1)
}

/// The script of a slot.
#[inline]
pub(crate) fn script_of_slot(slot: u8) -> Option<Script> {
    DETECTED.get(usize::from(slot).checked_sub(1)?).copied()
}

/// What a character is to the word reader (the high three bits of a [`CharClass`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Not part of a word: spaces, punctuation, symbols.
    Separator = 0,
    /// A letter or mark kept as it is.
    Letter = 1,
    /// A letter that lowercasing may change.
    Cased = 2,
    /// A digit or other number: a word with one is no evidence of a language.
    Digit = 3,
    /// A mark that texts write or leave out at will (Arabic harakat, tatweel, Hebrew
    /// points): dropped.
    Optional = 4,
    /// A combining mark of no script in particular (the acute accent, U+0301): kept, and
    /// the word is composed (NFC) before it is scored, as the model's text was.
    Combining = 5,
}

/// A character's class: its script slot (low five bits, 0 for none) and its [`Kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CharClass(pub(crate) u8);

const SLOT_BITS: u8 = 0x1F;

impl CharClass {
    /// The slot of the script the character counts for in a run (0 for none).
    #[inline]
    pub(crate) fn slot(self) -> u8 {
        self.0 & SLOT_BITS
    }

    #[inline]
    pub(crate) fn kind(self) -> Kind {
        match self.0 >> 5 {
            1 => Kind::Letter,
            2 => Kind::Cased,
            3 => Kind::Digit,
            4 => Kind::Optional,
            5 => Kind::Combining,
            _ => Kind::Separator,
        }
    }

    /// Computes the class of `c` from the generated Unicode tables.
    fn compute(c: char) -> CharClass {
        let props = props(c as u32);
        let break_value = props & WB_MASK;
        let mark = break_value == wb::EXTEND || break_value == wb::ZWJ;
        let script = Script::of(c);
        let kind = if props & NUMERIC != 0 {
            Kind::Digit
        } else if is_optional_mark(c) {
            Kind::Optional
        } else if props & ALPHABETIC != 0 {
            if case_folding(c).is_some() || c.is_uppercase() {
                Kind::Cased
            } else {
                Kind::Letter
            }
        } else if mark {
            // Joiners (Persian writes ZWNJ inside words) and marks of a script stay with
            // their letters; marks of every script may be decomposed accents.
            if script.is_none() && c as u32 >= 0x0300 && !matches!(c, '\u{200C}' | '\u{200D}') {
                Kind::Combining
            } else {
                Kind::Letter
            }
        } else {
            Kind::Separator
        };
        // Letters and marks count for their script; digits (Arabic-Indic, Devanagari) and
        // punctuation for none.
        let slot = match kind {
            Kind::Letter | Kind::Cased | Kind::Optional => script.map_or(0, slot),
            _ => 0,
        };
        CharClass(slot | (kind as u8) << 5)
    }
}

/// Marks that texts write or leave out at will, so that they are no evidence of anything:
/// Arabic harakat, superscript alef and tatweel, Hebrew points and cantillation.
pub(crate) fn is_optional_mark(c: char) -> bool {
    // Only marks: the Hebrew punctuation in that block (paseq, sof pasuq) separates words.
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{0591}'..='\u{05C7}')
        && !matches!(c, '\u{05BE}' | '\u{05C0}' | '\u{05C3}' | '\u{05C6}')
}

/// The classes of the Basic Multilingual Plane, computed on first use (a fraction of a
/// millisecond): one load per character instead of several table walks.
fn table() -> &'static [u8; 0x10000] {
    static TABLE: OnceLock<Box<[u8; 0x10000]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Box::new([0u8; 0x10000]);
        for (cp, class) in table.iter_mut().enumerate() {
            if let Some(c) = char::from_u32(cp as u32) {
                *class = CharClass::compute(c).0;
            }
        }
        table
    })
}

/// The class of a character.
#[inline]
pub(crate) fn class(c: char) -> CharClass {
    class_of(c as u32)
}

/// The class of a code point (of a valid character).
#[inline]
pub(crate) fn class_of(cp: u32) -> CharClass {
    class_in(table(), cp)
}

/// [`class_of`] with the table at hand ([`classes`]), for loops over many characters.
#[inline(always)]
pub(crate) fn class_in(table: &[u8; 0x10000], cp: u32) -> CharClass {
    match table.get(cp as usize) {
        Some(&bits) => CharClass(bits),
        None => char::from_u32(cp).map_or(CharClass(0), CharClass::compute),
    }
}

/// The table, for loops that look up many characters.
#[inline]
pub(crate) fn classes() -> &'static [u8; 0x10000] {
    table()
}

/// Per script slot, lead bytes of two-byte characters that begin only letters of the script,
/// whatever byte follows: the widest range of them, `(lo, hi)`, when it has two lead bytes
/// at least (one holds too few of a script's letters for counting by it to pay). Cyrillic has
/// 0xD0 and 0xD1 (U+0400 to U+047F: the letters of Russian, Ukrainian, Bulgarian,
/// Serbian...), Latin 0xC4 to 0xC9; most scripts have none, their blocks mixing letters with
/// punctuation, digits or gaps (Arabic has 0xDA alone). A scan can count such letters by
/// their lead bytes, sixteen bytes at a time.
pub(crate) fn letter_leads() -> &'static [Option<(u8, u8)>; 32] {
    static LEADS: OnceLock<[Option<(u8, u8)>; 32]> = OnceLock::new();
    LEADS.get_or_init(|| {
        let table = table();
        // The slot every character of a lead byte has, if one does.
        let slot_of_lead = |lead: u8| {
            let mut slots =
                (0x80..=0xBFu8).map(|next| CharClass(table[two_byte(lead, next) as usize]).slot());
            let first = slots.next().filter(|&slot| slot != 0)?;
            slots.all(|slot| slot == first).then_some(first)
        };
        let mut leads = [None; 32];
        let mut lead = 0xC2u8;
        while lead <= 0xDF {
            let Some(slot) = slot_of_lead(lead) else {
                lead += 1;
                continue;
            };
            let mut hi = lead;
            while hi < 0xDF && slot_of_lead(hi + 1) == Some(slot) {
                hi += 1;
            }
            let widest: &mut Option<(u8, u8)> = &mut leads[usize::from(slot)];
            if hi > lead && widest.is_none_or(|(l, h)| h - l < hi - lead) {
                *widest = Some((lead, hi));
            }
            lead = hi + 1;
        }
        leads
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(c: char) -> Option<Script> {
        script_of_slot(class(c).slot())
    }

    #[test]
    fn detected_scripts_are_those_of_the_languages() {
        let mut scripts: Vec<Script> = crate::Lang::all()
            .flat_map(|l| l.scripts().iter().copied())
            .collect();
        scripts.sort();
        scripts.dedup();
        let mut detected = DETECTED.to_vec();
        detected.sort();
        assert_eq!(scripts, detected);
        assert!(DETECTED.len() < 32, "slots are five bits");
        assert_eq!(script_of_slot(LATIN_SLOT), Some(Script::Latin));
    }

    #[test]
    fn letters_have_their_script() {
        for (c, s) in [
            ('a', Script::Latin),
            ('ø', Script::Latin),
            ('ж', Script::Cyrillic),
            ('ع', Script::Arabic),
            ('क', Script::Devanagari),
            ('ि', Script::Devanagari), // a vowel sign, but a Devanagari one
            ('語', Script::Han),
            ('の', Script::Hiragana),
            ('한', Script::Hangul),
            ('ཀ', Script::Tibetan),
            ('ހ', Script::Thaana),
            ('ⵜ', Script::Tifinagh),
            ('ᠮ', Script::Mongolian),
            ('ሰ', Script::Ethiopic),
        ] {
            assert_eq!(script(c), Some(s), "{c:?}");
        }
        for c in [
            ' ', '1', '٣', '.', '،', '«', '€', '😀', '\u{0301}', 'ᐁ', '।',
        ] {
            assert_eq!(script(c), None, "{c:?}");
        }
    }

    #[test]
    fn cyrillic_letters_are_counted_by_their_lead_bytes() {
        let leads = letter_leads();
        assert_eq!(
            leads[usize::from(slot(Script::Cyrillic))],
            Some((0xD0, 0xD1))
        );
        // Latin-1 has × and ÷, Greek its tonos and ano teleia; Arabic's 0xDA is alone.
        assert_eq!(leads[usize::from(slot(Script::Greek))], None);
        assert_eq!(leads[usize::from(slot(Script::Arabic))], None);
        for (slot, range) in leads.iter().enumerate() {
            let Some((lo, hi)) = *range else { continue };
            for c in (lo..=hi).flat_map(|lead| (0x80..=0xBF).map(move |next| two_byte(lead, next)))
            {
                assert_eq!(class_of(c).slot(), slot as u8, "U+{c:04X}");
            }
        }
    }

    #[test]
    fn kinds() {
        for (c, kind) in [
            ('a', Kind::Letter),
            ('A', Kind::Cased),
            ('İ', Kind::Cased),
            ('Ж', Kind::Cased),
            ('5', Kind::Digit),
            ('٣', Kind::Digit),
            ('\u{064F}', Kind::Optional),
            ('ـ', Kind::Optional),
            ('\u{05B8}', Kind::Optional),
            ('\u{0301}', Kind::Combining),
            ('\u{200C}', Kind::Letter),
            ('्', Kind::Letter),
            ('་', Kind::Separator), // the Tibetan tsheg ends a syllable
            ('।', Kind::Separator),
            ('\u{05C3}', Kind::Separator),
            (' ', Kind::Separator),
            ('-', Kind::Separator),
        ] {
            assert_eq!(class(c).kind(), kind, "{c:?}");
        }
        // Outside the Basic Multilingual Plane too.
        assert_eq!(class('𠀀').kind(), Kind::Letter);
        assert_eq!(script('𠀀'), Some(Script::Han));
        assert_eq!(class('😀').kind(), Kind::Separator);
    }
}
