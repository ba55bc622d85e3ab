//! What happens to each character on its own: case folding, punctuation, width and digit
//! folding, the script rules, and diacritic removal.

use std::borrow::Cow;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::Normalizer;
use crate::Lang;
use crate::unicode::{ascii_digit, full_width_ascii};

/// What happens to one character.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum CharMap {
    Keep,
    Remove,
    Char(char),
    Str(&'static str),
}

/// The language-dependent choices, decided once per token.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Rules {
    pub(super) turkic: bool,
    pub(super) persian: bool,
    pub(super) russian: bool,
}

impl Normalizer {
    /// The language-dependent choices for `lang`.
    #[inline]
    pub(super) fn rules(&self, lang: Lang) -> Rules {
        Rules {
            turkic: self.case_fold && matches!(lang, Lang::TUR | Lang::AZE),
            // Dari is Persian as written in Afghanistan, with the same letters.
            persian: matches!(lang, Lang::PES | Lang::PRS | Lang::URD),
            russian: self.russian_yo && lang == Lang::RUS,
        }
    }

    pub(super) fn map_char(&self, c: char, rules: Rules) -> CharMap {
        if c.is_ascii() {
            return match c {
                'I' if rules.turkic => CharMap::Char('ı'),
                'A'..='Z' if self.case_fold => CharMap::Char(c.to_ascii_lowercase()),
                _ => CharMap::Keep,
            };
        }
        // An option of its own, with or without the other script rules.
        if self.teh_marbuta && c == '\u{0629}' {
            return CharMap::Char('\u{0647}');
        }
        if self.language_rules
            && let Some(mapped) = script_rule(c, rules)
        {
            return self.then_case_fold(mapped);
        }
        if self.fold_punctuation {
            match c {
                // (Hebrew's geresh and gershayim too: the web writes צה"ל and ג'ורג' with ASCII
                // quotes as often as with them.)
                '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}'
                | '\u{05F3}' => {
                    return CharMap::Char('\'');
                }
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}'
                | '\u{05F4}' => {
                    return CharMap::Char('"');
                }
                '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
                    return CharMap::Char('-');
                }
                // Invisible characters that only affect rendering or line breaking: the soft
                // hyphen, zero-width space, the bidirectional marks, embeddings, overrides and
                // isolates (web text in Arabic and Hebrew wraps names and numbers in them),
                // the word joiner and the byte order mark.
                '\u{00AD}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2060}'
                | '\u{FEFF}' => return CharMap::Remove,
                _ => {}
            }
        }
        if self.fold_width {
            if let Some(ascii) = full_width_ascii(c) {
                return self.then_case_fold(CharMap::Char(ascii));
            }
            if let Some(jamo) = half_width_hangul(c) {
                return CharMap::Char(jamo);
            }
            if ('\u{FF61}'..='\u{FF9F}').contains(&c) {
                // Half-width katakana: their full-width letters (a voicing mark becomes the
                // combining one, which composition then joins: ｶﾞ → ガ).
                let mut full = c;
                unicode_normalization::char::decompose_compatible(c, |d| full = d);
                return CharMap::Char(full);
            }
        }
        if self.fold_digits {
            if let Some(d) = ascii_digit(c) {
                return CharMap::Char(d);
            }
            // The Arabic decimal and thousands separators, which UAX #29 keeps inside a
            // number: folded with its digits, so that `٣٫١٤` is `3.14` and `١٬٠٠٠` `1,000`.
            match c {
                '\u{066B}' => return CharMap::Char('.'),
                '\u{066C}' => return CharMap::Char(','),
                _ => {}
            }
        }
        if rules.russian {
            match c {
                'ё' => return CharMap::Char('е'),
                // A capital stays one without case folding.
                'Ё' if !self.case_fold => return CharMap::Char('Е'),
                'Ё' => return CharMap::Char('е'),
                _ => {}
            }
        }
        if self.case_fold {
            if rules.turkic && c == 'İ' {
                return CharMap::Char('i');
            }
            if let Some(folded) = case_fold_char(c) {
                return CharMap::Str(folded);
            }
        }
        CharMap::Keep
    }

    pub(super) fn then_case_fold(&self, mapped: CharMap) -> CharMap {
        match mapped {
            CharMap::Char(c) if self.case_fold => match case_fold_char(c) {
                Some(folded) => CharMap::Str(folded),
                None => CharMap::Char(c),
            },
            other => other,
        }
    }

    /// Removes the accents of Latin letters: decomposes, drops the combining marks that follow
    /// a Latin letter, composes again.
    pub(super) fn remove_diacritics<'a>(&self, term: &'a str) -> Cow<'a, str> {
        if term.is_ascii() || !term.chars().any(|c| is_latin(c) || is_combining_mark(c)) {
            return Cow::Borrowed(term);
        }
        let mut out = String::with_capacity(term.len());
        let mut after_latin = false;
        let mut changed = false;
        for c in term.chars() {
            if is_combining_mark(c) && after_latin {
                changed = true;
                continue;
            }
            if is_latin(c) {
                let mut parts = 0;
                decompose_canonical(c, |d| {
                    parts += 1;
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                });
                changed |= parts > 1;
                after_latin = true;
            } else {
                out.push(c);
                after_latin = false;
            }
        }
        if !changed {
            return Cow::Borrowed(term);
        }
        match self.compose(&out) {
            Cow::Borrowed(_) => Cow::Owned(out),
            Cow::Owned(composed) => Cow::Owned(composed),
        }
    }
}

/// The script rules of [`Normalizer::language_rules`].
pub(super) fn script_rule(c: char, rules: Rules) -> Option<CharMap> {
    let map = match c {
        // Arabic: hamza and madda forms of alef, alef wasla.
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => CharMap::Char('\u{0627}'),
        // Alef maksura and yeh: Arabic writes ي, Persian, Dari and Urdu ی.
        '\u{0649}' if !rules.persian => CharMap::Char('\u{064A}'),
        '\u{0649}' | '\u{064A}' if rules.persian => CharMap::Char('\u{06CC}'),
        '\u{0643}' if rules.persian => CharMap::Char('\u{06A9}'),
        // Tatweel, the eight harakat (fathatan .. sukun), superscript alef.
        '\u{0640}' | '\u{064B}'..='\u{0652}' | '\u{0670}' => CharMap::Remove,
        // Hebrew cantillation marks and niqqud (not maqaf, paseq, sof pasuq, nun hafukha).
        '\u{0591}'..='\u{05BD}'
        | '\u{05BF}'
        | '\u{05C1}'
        | '\u{05C2}'
        | '\u{05C4}'
        | '\u{05C5}'
        | '\u{05C7}' => CharMap::Remove,
        // Greek: tonos and dialytika, on their own or composed.
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => return greek_without_accents(c),
        // Devanagari: nukta and chandrabindu (see `indic.rs`).
        '\u{0900}'..='\u{097F}' => return super::indic::devanagari_rule(c),
        _ => return None,
    };
    Some(map)
}

fn greek_without_accents(c: char) -> Option<CharMap> {
    let mut base = None;
    let mut parts = 0;
    let mut iota = false;
    decompose_canonical(c, |d| {
        parts += 1;
        iota |= d == YPOGEGRAMMENI;
        if base.is_none() && !is_combining_mark(d) {
            base = Some(d);
        }
    });
    match base {
        // The iota subscript (or adscript) is a letter, not an accent: it stays, written
        // out as the iota case folding makes of it (`ᾳ` → `αι`, as `ᾼ` and `ΑΙ` fold), so
        // that a word and its capitals are one term.
        Some(b) if iota => Some(CharMap::Str(match b {
            'α' => "αι",
            'η' => "ηι",
            'ω' => "ωι",
            'Α' => "ΑΙ",
            'Η' => "ΗΙ",
            'Ω' => "ΩΙ",
            // (No other letter takes it in Unicode's compositions.)
            _ => return None,
        })),
        Some(b) if parts > 1 => Some(CharMap::Char(b)),
        _ => None,
    }
}

/// The compatibility jamo (U+3131 ㄱ ...) a half-width Hangul letter (U+FFA0 to U+FFDC) is the
/// narrow form of, as UnicodeData.txt maps it: the letters people type, which NFC keeps. Not
/// the full compatibility decomposition, which goes on to the conjoining jamo (U+1100 ᄀ) that
/// NFKC alone makes of `ㄱ` too: with NFC, `ﾻﾻ` and `ㅋㅋ` must be one term.
fn half_width_hangul(c: char) -> Option<char> {
    let offset = match c {
        '\u{FFA0}' => return Some('\u{3164}'), // the filler
        '\u{FFA1}'..='\u{FFBE}' => 0x3131 - 0xFFA1,
        '\u{FFC2}'..='\u{FFC7}' => 0x314F - 0xFFC2,
        '\u{FFCA}'..='\u{FFCF}' => 0x3155 - 0xFFCA,
        '\u{FFD2}'..='\u{FFD7}' => 0x315B - 0xFFD2,
        '\u{FFDA}'..='\u{FFDC}' => 0x3161 - 0xFFDA,
        _ => return None,
    };
    char::from_u32((c as i32 + offset) as u32)
}

/// U+0345 COMBINING GREEK YPOGEGRAMMENI, the iota subscript.
const YPOGEGRAMMENI: char = '\u{0345}';

/// Full case folding of a character (ASCII capitals included), or `None` when it folds to
/// itself.
///
/// A lowercase letter with no precomposed capital (`ǰ`, `ẖ`, `ΐ`, `ᾶ`: twenty-one of them)
/// folds, in CaseFolding.txt, to its own canonical decomposition (`ǰ` → `j` + U+030C), which
/// composition turns back into the letter. Terms are promised in NFC, and folding them again
/// must change nothing, so these letters count as folded already: they fold to themselves,
/// as in Unicode's canonical caseless matching (fold the decomposed text, then compose).
pub(super) fn case_fold_char(c: char) -> Option<&'static str> {
    let folded = crate::unicode::case_folding(c)?;
    (!composes_to(folded, c)).then_some(folded)
}

/// True when canonical composition turns `text` (a letter and combining marks) into `c`.
fn composes_to(text: &str, c: char) -> bool {
    let mut chars = text.chars();
    let Some(mut composed) = chars.next() else {
        return false;
    };
    let mut marks = 0;
    for mark in chars {
        match unicode_normalization::char::compose(composed, mark) {
            Some(next) => composed = next,
            None => return false,
        }
        marks += 1;
    }
    marks > 0 && composed == c
}

/// A Latin letter (not `×` or `÷`, which share its blocks).
pub(super) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}')
            && c.is_alphabetic())
}
