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

use crate::unicode::is_cyrillic_letter;

/// True for a mark that this rule may drop: the key the one-pass table marks.
#[inline]
pub(super) fn is_key(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'
            | '\u{0301}'
            | '\u{0304}'
            | '\u{0306}'
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
        // Cyrillic letters (not the titlo and other marks of the block): the stress marks.
        _ if is_cyrillic_letter(before) => matches!(mark, '\u{0300}' | '\u{0301}'),
        // Greek letters (not the numeral signs and punctuation of the block), and Greek
        // Extended.
        '\u{0386}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => before.is_alphabetic(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;
    use crate::normalize::{Normalizer, UnicodeForm};

    fn l(code: &str) -> Lang {
        code.parse().unwrap()
    }

    #[test]
    fn cyrillic_stress_marks_are_dropped() {
        let n = Normalizer::new();
        assert_eq!(n.normalize("Москва\u{301}", l("rus")), "москва");
        assert_eq!(n.normalize("столи\u{301}ця", l("ukr")), "столиця");
        assert_eq!(n.normalize("Ві\u{301}льнюс", l("ukr")), "вільнюс");
        // A grave on и is a letter of its own in Bulgarian (ѝ "her"), composed: it stays.
        assert_eq!(n.normalize("и\u{300}", l("bul")), "ѝ");
        // Letters made with marks stay letters.
        assert_eq!(n.normalize("и\u{306}", l("rus")), "й");
        assert_eq!(n.normalize("е\u{308}ж", l("rus")), "ёж");
        // After Latin letters the marks are the letter's (Yoruba ẹ́, Pinyin).
        assert_eq!(n.normalize("ẹ\u{301}", l("yor")), "ẹ\u{301}");
        // Without the language rules, the marks stay.
        let plain = Normalizer::new().language_rules(false);
        assert_eq!(plain.normalize("Москва\u{301}", l("rus")), "москва\u{301}");
    }

    #[test]
    fn greek_accents_without_a_composed_letter_are_dropped() {
        let n = Normalizer::new();
        assert_eq!(n.normalize("Α\u{342}", l("ell")), "α");
        assert_eq!(n.normalize("ᾶ", l("ell")), "α");
        let uncased = Normalizer::new().case_fold(false);
        assert_eq!(uncased.normalize("Α\u{342}", l("ell")), "Α");
        assert_eq!(uncased.normalize("ᾶ", l("ell")), "α");
        assert_eq!(n.normalize("ᾱ\u{301}", l("ell")), "α");
    }

    /// Every string of up to four characters of letters these rules read, their keys and
    /// another mark: the predicate agrees with the rewrite, and normalizing twice changes
    /// nothing (marks stacked on a letter all go in one pass).
    #[test]
    fn stacked_marks_go_at_once_and_the_predicate_agrees() {
        const POOL: &[char] = &[
            'а', 'Ж', 'α', 'Α', 'a', '\u{301}', '\u{300}', '\u{342}', '\u{308}', '\u{483}',
        ];
        let normalizers = [
            Normalizer::new(),
            Normalizer::new().case_fold(false),
            Normalizer::new().unicode_form(UnicodeForm::Nfkc),
        ];
        let mut out = String::new();
        for text in crate::normalize::tests::every_string(POOL, 4) {
            super::super::indic::rewrite_for_tests(&text, &mut out);
            assert_eq!(
                super::super::indic::a_context_rule_applies(&text),
                out != text,
                "{text:?}"
            );
            for n in &normalizers {
                for lang in [l("rus"), l("ell")] {
                    let once = n.normalize(&text, lang).into_owned();
                    assert_eq!(n.normalize(&once, lang), once, "{text:?} {n:?}");
                }
            }
        }
        let n = Normalizer::new();
        assert_eq!(
            n.normalize("москва\u{301}\u{301}\u{301}", l("rus")),
            "москва"
        );
        // After a titlo, a mark is not on a letter: it stays.
        assert_eq!(n.normalize("б\u{483}\u{301}", l("rus")), "б\u{483}\u{301}");
    }
}
