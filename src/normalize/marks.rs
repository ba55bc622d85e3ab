//! Accents that a script writes at will on letters Unicode has no composed form for, dropped
//! after such a letter (part of [`Normalizer::language_rules`](super::Normalizer), a context
//! rule: the mark's neighbour decides).
//!
//! - Cyrillic: the stress marks, an acute or a grave (`столи́ца`, `Москва́`), which dictionaries,
//!   books for learners and some news write on a vowel of Russian, Ukrainian, Belarusian or
//!   Bulgarian: no Cyrillic vowel but `и` and `е` with a grave (`ѝ`, `ѐ`) has a composed form,
//!   so they stay as marks, and `столи́ца` would not be the term of `столица` "capital".
//!   The marks that make letters of their own compose first and stay (`й`, `ё`, `ї`, `ў`).
//! - Greek: the accents and breathings the Greek rule removes from composed letters
//!   ([`script_rule`](super::rules::script_rule)), where no composed letter holds them: a
//!   capital with a circumflex (`Α` + U+0342; `ᾶ` is composed, its capital is not), or a
//!   letter with a macron or breve (scholarly text): `Α͂` and `ᾶ` are one term, `α`.
//! - Latin: the dot above on `i` and `j`, which have theirs. Full case folding writes `İ` as
//!   `i` U+0307, and so do other tools' lowercasing (`i̇stanbul`): with this rule `İstanbul`
//!   is `istanbul` in every language, as in Turkish, not a term that `Istanbul` is not
//!   (Lucene's lowercasing gives `i` too). Lithuanian's dot kept under an accent goes too.

use crate::unicode::is_cyrillic_stress;

/// True for a mark that this rule may drop: the key the one-pass table marks.
#[inline]
pub(super) fn is_key(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'
            | '\u{0301}'
            | '\u{0304}'
            | '\u{0306}'
            | '\u{0307}'
            | '\u{0308}'
            | '\u{0313}'
            | '\u{0314}'
            | '\u{0342}'
            | '\u{0343}'
            | '\u{0344}'
    )
}

/// True when `mark` (a key) is dropped after `before`, the character before it (the letter
/// it was written on, when marks before it were dropped).
#[inline]
pub(super) fn drops_after(before: char, mark: char) -> bool {
    match before {
        // Greek letters (not the numeral signs and punctuation of the block), and Greek
        // Extended: every key.
        '\u{0386}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => before.is_alphabetic(),
        'i' | 'j' => mark == '\u{0307}',
        _ => is_cyrillic_stress(before, mark),
    }
}

/// Letters these rules read (Cyrillic, Greek and Latin, either case), the keys they drop
/// and a mark they keep (the titlo): the pool of the exhaustive tests of the rule
/// (`indic.rs`, `onepass.rs`).
#[cfg(test)]
pub(super) const LETTERS_AND_MARKS: &[char] = &[
    'а', 'Ж', 'α', 'Α', 'a', 'i', 'I', '\u{301}', '\u{300}', '\u{342}', '\u{307}', '\u{308}',
    '\u{483}',
];
