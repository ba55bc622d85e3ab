//! Normalization: makes two spellings of one word the same term.
//!
//! A [`Normalizer`] works on one token at a time, so every term keeps the span of the text it
//! came from, and returns a [`Cow`]: a token that is already normal (the common case for
//! lowercase ASCII) costs no allocation.
//!
//! What it does, in order:
//! 1. Unicode normalization: NFC by default, NFKC as an option ([`UnicodeForm`]).
//! 2. Full Unicode case folding (CaseFolding.txt, statuses C and F: `ß` → `ss`, `ς` → `σ`,
//!    `ﬁ` → `fi`), with Turkish and Azerbaijani dotted and dotless I for `tur` and `aze`.
//! 3. Folding of typographic punctuation (`’` → `'`), full-width forms (`Ａ１` → `a1`) and
//!    native digits (`٢٠٢٥` → `2025`), each switchable.
//! 4. Script and language rules: Arabic (alef forms, alef maksura, tatweel, harakat), Persian
//!    (yeh and kaf), Hebrew niqqud, Greek accents; optionally teh marbuta (`ة` → `ه`) and
//!    Russian `ё` → `е`.
//! 5. Optionally, removal of Latin diacritics (`é` → `e`; letters such as `ø`, `ł`, `ß` that are
//!    not a letter plus an accent stay distinct).
//!
//! ```
//! use std::borrow::Cow;
//! use wordmill::{normalize::Normalizer, Lang};
//!
//! let normalizer = Normalizer::new();
//! let und = Lang::UND;
//! assert_eq!(normalizer.normalize("Oman’s", und), "oman's");
//! assert_eq!(normalizer.normalize("STRASSE", und), normalizer.normalize("Straße", und));
//! assert_eq!(normalizer.normalize("عُمان", und), "عمان");
//! assert_eq!(normalizer.normalize("İstanbul", "tur".parse()?), "istanbul");
//! // Already normal: borrowed, no allocation.
//! assert!(matches!(normalizer.normalize("muscat", und), Cow::Borrowed("muscat")));
//! # Ok::<(), wordmill::Error>(())
//! ```

pub(crate) mod onepass;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfkc_quick};

use crate::Lang;
use crate::unicode::ascii_digit;
use crate::unicode::utf8::{is_joiner, two_byte};

/// Which Unicode normalization form terms are put in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnicodeForm {
    /// Canonical composition: keeps every distinction the text makes (the default).
    #[default]
    Nfc,
    /// Compatibility composition: also folds ligatures, superscripts, full-width and other
    /// compatibility forms (`ﬁ` → `fi`, `²` → `2`, `ｶ` → `カ`).
    Nfkc,
}

/// Normalizes tokens into terms; see the [module documentation](self).
///
/// Options are set builder-style:
///
/// ```
/// use wordmill::normalize::{Normalizer, UnicodeForm};
/// use wordmill::Lang;
///
/// let normalizer = Normalizer::new()
///     .unicode_form(UnicodeForm::Nfkc)
///     .strip_diacritics(true);
/// assert_eq!(normalizer.normalize("Café", Lang::UND), "cafe");
/// assert_eq!(normalizer.normalize("ﬁnance", Lang::UND), "finance");
/// // ø is a letter of its own in Danish and Norwegian, not o with an accent.
/// assert_eq!(normalizer.normalize("Søren", Lang::UND), "søren");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Normalizer {
    form: UnicodeForm,
    case_fold: bool,
    fold_punctuation: bool,
    fold_width: bool,
    fold_digits: bool,
    language_rules: bool,
    teh_marbuta: bool,
    russian_yo: bool,
    strip_diacritics: bool,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer {
            form: UnicodeForm::Nfc,
            case_fold: true,
            fold_punctuation: true,
            fold_width: true,
            fold_digits: true,
            language_rules: true,
            teh_marbuta: false,
            russian_yo: false,
            strip_diacritics: false,
        }
    }
}

/// A [`Normalizer`] made ready for one language ([`Normalizer::folder`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Folder<'n> {
    normalizer: &'n Normalizer,
    rules: Rules,
    /// The normalizer turns ASCII text into its lowercase and nothing else: it case-folds,
    /// and the language is not Turkic (whose `I` is `ı`).
    ascii_lowercase: bool,
    table: &'static onepass::Table,
    /// The classes of the characters this normalizer may change under these rules.
    relevant: u8,
}

impl Folder<'_> {
    /// [`fold_token`](Self::fold_token) for a word whose bytes nobody has looked at.
    #[inline]
    pub(crate) fn fold_word<'a>(&self, word: &'a str, buffer: &'a mut String) -> &'a str {
        let ascii = word.is_ascii();
        let ascii_upper = ascii && word.bytes().any(|b| b.is_ascii_uppercase());
        self.fold_token(word, ascii, ascii_upper, buffer)
    }

    /// What the tokenizer's window needs to fold its text as this folder does, when it can:
    /// when this folder turns ASCII into its lowercase.
    #[inline]
    pub(crate) fn window_fold(&self) -> Option<crate::fold::WindowFold> {
        self.ascii_lowercase
            .then(|| crate::fold::WindowFold::new(self.table, self.relevant))
    }

    /// [`Normalizer::fold_to`] for a token whose bytes the tokenizer has seen already: it
    /// knows whether the token is ASCII and, if so, whether it has capitals, which settles
    /// most tokens at once.
    #[inline]
    pub(crate) fn fold_token<'a>(
        &self,
        word: &'a str,
        ascii: bool,
        ascii_upper: bool,
        buffer: &'a mut String,
    ) -> &'a str {
        let normalizer = self.normalizer;
        // ASCII is already NFC and NFKC; only case can change.
        if ascii && (!ascii_upper || !normalizer.case_fold) {
            return word;
        }
        if ascii && !(self.rules.turkic && word.contains('I')) {
            buffer.clear();
            buffer.push_str(word);
            buffer.make_ascii_lowercase();
            return buffer;
        }
        let word = normalizer.without_edge_joiners(word);
        match normalizer.fold_in_one_pass(word, self.table, self.relevant, buffer) {
            Some(false) => word,
            Some(true) => buffer,
            None => normalizer.fold_by_steps(word, self.rules, buffer),
        }
    }
}

/// What happens to one character.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CharMap {
    Keep,
    Remove,
    Char(char),
    Str(&'static str),
}

/// The language-dependent choices, decided once per token.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Rules {
    turkic: bool,
    persian: bool,
    russian: bool,
}

impl Normalizer {
    /// The default normalizer: NFC, case folding, punctuation, width and digit folding and the
    /// script rules on; teh marbuta, Russian ё and diacritic removal off.
    pub fn new() -> Normalizer {
        Normalizer::default()
    }

    /// Sets the Unicode normalization form (default [`UnicodeForm::Nfc`]).
    pub fn unicode_form(mut self, form: UnicodeForm) -> Self {
        self.form = form;
        self
    }

    /// Full Unicode case folding (default on): `Straße` → `strasse`, `ΣΟΦΟΣ` → `σοφοσ`.
    pub fn case_fold(mut self, on: bool) -> Self {
        self.case_fold = on;
        self
    }

    /// Typographic punctuation to ASCII (default on): `’ ‘ ʼ ′` → `'`, `“ ” „` → `"`, the
    /// dashes `‐ – — −` → `-`; soft hyphens and invisible format characters removed.
    pub fn fold_punctuation(mut self, on: bool) -> Self {
        self.fold_punctuation = on;
        self
    }

    /// Full-width ASCII forms to ASCII and half-width katakana and hangul to their usual
    /// forms (default on): `Ｏｍａｎ２０２５` → `oman2025`, `ｶﾞｿﾘﾝ` → `ガソリン`. NFKC does this
    /// and more on its own.
    pub fn fold_width(mut self, on: bool) -> Self {
        self.fold_width = on;
        self
    }

    /// Decimal digits of every script to ASCII (default on): `٢٠٢٥` and `۲۰۲۵` → `2025`.
    pub fn fold_digits(mut self, on: bool) -> Self {
        self.fold_digits = on;
        self
    }

    /// Script and language rules (default on). Arabic script: `آ أ إ ٱ` → `ا`, `ى` → `ي`,
    /// tatweel, the eight harakat and superscript alef removed; in Persian and Urdu (`pes`,
    /// `urd`) `ي ى` → `ی` and `ك` → `ک` instead. Hebrew: niqqud and cantillation removed. Greek:
    /// tonos and dialytika removed (`ά` → `α`).
    pub fn language_rules(mut self, on: bool) -> Self {
        self.language_rules = on;
        self
    }

    /// Arabic teh marbuta to heh, `ة` → `ه` (default off: it merges words such as `سنة` and
    /// `سنه` that Arabic keeps apart, but matches common misspellings).
    pub fn teh_marbuta(mut self, on: bool) -> Self {
        self.teh_marbuta = on;
        self
    }

    /// Russian `ё` → `е` (default off), applied to Russian (`rus`) text only.
    pub fn russian_yo(mut self, on: bool) -> Self {
        self.russian_yo = on;
        self
    }

    /// Removes accents from Latin letters (default off): `é` → `e`, `ñ` → `n`, `ő` → `o`.
    /// Letters that are not a base letter plus an accent (`ø`, `ł`, `đ`, `æ`, `ß`) stay.
    pub fn strip_diacritics(mut self, on: bool) -> Self {
        self.strip_diacritics = on;
        self
    }

    /// The Unicode normalization form in use.
    pub fn form(&self) -> UnicodeForm {
        self.form
    }

    /// True when Latin diacritics are removed.
    pub fn strips_diacritics(&self) -> bool {
        self.strip_diacritics
    }

    /// Normalizes one token of text in language `lang` ([`Lang::UND`] when unknown).
    ///
    /// Never returns an empty string for a non-empty token, nor loses all of a token's letters
    /// and digits: a token made only of characters that normalization removes (a lone
    /// tatweel, say), or of those and punctuation (a vowel mark that UAX #29 attached to a
    /// comma), is returned in its Unicode form. A token of punctuation alone is folded as any
    /// other (`’` → `'`).
    pub fn normalize<'a>(&self, token: &'a str, lang: Lang) -> Cow<'a, str> {
        to_cow(token, |token, buffer| {
            self.normalize_to(token, lang, buffer)
        })
    }

    /// [`normalize`](Self::normalize) without allocating per token: the result is `token`
    /// itself (or a part of it) when normalization leaves it as it is, else it is written to
    /// `buffer`, whose allocation is reused from token to token. (With
    /// [`strip_diacritics`](Self::strip_diacritics) on, tokens that lose an accent still
    /// allocate.)
    ///
    /// ```
    /// use wordmill::{normalize::Normalizer, Lang};
    ///
    /// let normalizer = Normalizer::new();
    /// let mut buffer = String::new();
    /// for (token, term) in [("Muscat", "muscat"), ("talks", "talks"), ("Oman’s", "oman's")] {
    ///     assert_eq!(normalizer.normalize_to(token, Lang::UND, &mut buffer), term);
    /// }
    /// ```
    pub fn normalize_to<'a>(&self, token: &'a str, lang: Lang, buffer: &'a mut String) -> &'a str {
        if !self.strip_diacritics {
            return self.fold_to(token, lang, buffer);
        }
        // `fold_to` gives a part of `token` or all of `buffer`; so does this, once the borrow
        // of `buffer` has ended.
        let stripped = match self.remove_diacritics(self.fold_to(token, lang, buffer)) {
            Cow::Borrowed(same) => match subslice_offset(token, same) {
                Some(start) => return &token[start..start + same.len()],
                None => None,
            },
            Cow::Owned(stripped) => Some(stripped),
        };
        if let Some(stripped) = stripped {
            *buffer = stripped;
        }
        buffer
    }

    /// Removes Latin diacritics from a folded (and stemmed) term, when the normalizer does.
    pub(crate) fn strip_diacritics_of<'a>(&self, term: &'a str) -> Cow<'a, str> {
        if self.strip_diacritics {
            self.remove_diacritics(term)
        } else {
            Cow::Borrowed(term)
        }
    }

    /// Everything [`normalize`](Self::normalize) does except removing diacritics: the pipeline
    /// stems in between, because Snowball stemmers read accents (`-ción`, `-ität`).
    #[inline]
    pub(crate) fn fold_to<'a>(
        &self,
        token: &'a str,
        lang: Lang,
        buffer: &'a mut String,
    ) -> &'a str {
        self.folder(lang).fold_word(token, buffer)
    }

    /// This normalizer made ready for text in `lang`: what would otherwise be worked out
    /// again for every token.
    #[inline]
    pub(crate) fn folder(&self, lang: Lang) -> Folder<'_> {
        let rules = self.rules(lang);
        Folder {
            normalizer: self,
            rules,
            ascii_lowercase: self.case_fold && !rules.turkic,
            table: self.one_pass_table(rules),
            relevant: self.relevant_classes(rules) | self.unstable_class(),
        }
    }

    /// ZWJ and ZWNJ matter inside a word (Persian `می‌خواهم`, emoji sequences) but not at its
    /// edges, where UAX #29 leaves them attached to the word before.
    #[inline]
    fn without_edge_joiners<'a>(&self, token: &'a str) -> &'a str {
        if self.fold_punctuation && has_edge_joiner(token) {
            match token.trim_matches(JOINERS) {
                "" => token,
                trimmed => trimmed,
            }
        } else {
            token
        }
    }

    /// [`Folder::fold_token`] step by step, for tokens that
    /// [`fold_in_one_pass`](Self::fold_in_one_pass) cannot settle: the reference both follow.
    fn fold_by_steps<'a>(&self, token: &'a str, rules: Rules, buffer: &'a mut String) -> &'a str {
        // One pass over the characters says what work there is: most words of most scripts
        // have none, many only need case folding, few need the normal form recomputed.
        let unstable = self.unstable_class();
        let relevant = self.relevant_classes(rules) | unstable;
        let work = work_of(token) & relevant;
        if work == 0 {
            return token;
        }
        let (composed, work) = if work & unstable != 0 {
            match self.compose(token) {
                // Composition can make characters that the rules change (U+FB38 is U+05D8
                // with a dagesh, which the Hebrew rule removes): look again.
                Cow::Owned(composed) => {
                    let work = work_of(&composed) & relevant;
                    (Cow::Owned(composed), work)
                }
                same => (same, work),
            }
        } else {
            (Cow::Borrowed(token), work)
        };
        buffer.clear();
        // Case folding alone never removes a character; the rules may.
        let may_remove = work & !(unstable | class::FOLD) != 0;
        let mapped = if may_remove {
            self.map_chars(&composed, rules, relevant, buffer)
        } else {
            self.case_fold && fold_into(&composed, buffer)
        };
        if !mapped {
            return match composed {
                Cow::Borrowed(token) => token,
                Cow::Owned(composed) => {
                    *buffer = composed;
                    buffer
                }
            };
        }
        if self.fold_punctuation {
            let end = buffer.trim_end_matches(JOINERS).len();
            buffer.truncate(end);
            let start = buffer.len() - buffer.trim_start_matches(JOINERS).len();
            buffer.drain(..start);
        }
        if may_remove
            && (buffer.is_empty()
                || (!buffer.chars().any(char::is_alphanumeric)
                    && composed.chars().any(char::is_alphanumeric)))
        {
            // Only removable characters, or removable ones and spaces or punctuation (a stray
            // vowel mark after a comma): keep the token rather than lose it or make it a term
            // of punctuation. (Punctuation alone is folded: `’` → `'`.)
            match composed {
                Cow::Borrowed(token) => return token,
                Cow::Owned(composed) => *buffer = composed,
            }
            return buffer;
        }
        // Folding and removals can leave text that is not in the form any more (`ǰ` folds to
        // `j` + U+030C, which NFC composes back), composing can make a character the rules
        // change (a removed soft hyphen between `α` and U+0301 lets them compose to `ά`, whose
        // accent the Greek rule removes), and folding can make one another rule changes (`ŉ`
        // folds to `ʼn`, whose `ʼ` is punctuation): repeat until nothing changes (twice is the
        // most seen).
        let mut again = String::new();
        for _ in 0..4 {
            let work = work_of(buffer) & relevant;
            if work == 0 {
                break;
            }
            let recomposed = match work & unstable != 0 {
                true => match self.compose(buffer) {
                    Cow::Owned(recomposed) => Some(recomposed),
                    Cow::Borrowed(_) => None,
                },
                false => None,
            };
            let text = recomposed.as_deref().unwrap_or(buffer);
            again.clear();
            if work_of(text) & relevant & !unstable != 0
                && self.map_chars(text, rules, relevant, &mut again)
            {
                std::mem::swap(buffer, &mut again);
            } else {
                if let Some(recomposed) = recomposed {
                    *buffer = recomposed;
                }
                break;
            }
        }
        buffer
    }

    /// The [`class`] bits of the characters this normalizer may change under these rules.
    #[inline]
    fn relevant_classes(&self, rules: Rules) -> u8 {
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

    /// The language-dependent choices for `lang`.
    #[inline]
    fn rules(&self, lang: Lang) -> Rules {
        use whatlang::Lang as W;
        let lang = lang.whatlang();
        Rules {
            turkic: self.case_fold && matches!(lang, Some(W::Tur | W::Aze)),
            persian: matches!(lang, Some(W::Pes | W::Urd)),
            russian: self.russian_yo && lang == Some(W::Rus),
        }
    }

    fn compose<'a>(&self, text: &'a str) -> Cow<'a, str> {
        match self.form {
            UnicodeForm::Nfc => match is_nfc_quick(text.chars()) {
                IsNormalized::Yes => Cow::Borrowed(text),
                _ => Cow::Owned(text.nfc().collect()),
            },
            UnicodeForm::Nfkc => match is_nfkc_quick(text.chars()) {
                IsNormalized::Yes => Cow::Borrowed(text),
                _ => Cow::Owned(text.nfkc().collect()),
            },
        }
    }

    /// Applies the per-character rules into `out`; false (and `out` left empty) when no
    /// character changes. Characters whose class is not in `relevant` are kept without
    /// looking at the rules.
    fn map_chars(&self, text: &str, rules: Rules, relevant: u8, out: &mut String) -> bool {
        let map = |c: char| {
            if char_class(c) & relevant & !(class::NFC | class::NFKC) == 0 {
                CharMap::Keep
            } else {
                self.map_char(c, rules)
            }
        };
        let mut chars = text.char_indices();
        let (first, c, mapped) = loop {
            let Some((i, c)) = chars.next() else {
                return false;
            };
            match map(c) {
                CharMap::Keep => continue,
                mapped => break (i, c, mapped),
            }
        };
        out.reserve(text.len() + 4);
        out.push_str(&text[..first]);
        apply(out, c, mapped);
        for (_, c) in chars {
            apply(out, c, map(c));
        }
        true
    }

    fn map_char(&self, c: char, rules: Rules) -> CharMap {
        if c.is_ascii() {
            return match c {
                'I' if rules.turkic => CharMap::Char('ı'),
                'A'..='Z' if self.case_fold => CharMap::Char(c.to_ascii_lowercase()),
                _ => CharMap::Keep,
            };
        }
        if self.language_rules
            && let Some(mapped) = script_rule(c, rules, self.teh_marbuta)
        {
            return self.then_case_fold(mapped);
        }
        if self.fold_punctuation {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' => {
                    return CharMap::Char('\'');
                }
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => {
                    return CharMap::Char('"');
                }
                '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
                    return CharMap::Char('-');
                }
                // Invisible characters that only affect rendering or line breaking.
                '\u{00AD}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2060}'
                | '\u{FEFF}' => return CharMap::Remove,
                _ => {}
            }
        }
        if self.fold_width {
            if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
                let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
                return self.then_case_fold(CharMap::Char(ascii));
            }
            if ('\u{FF61}'..='\u{FFDC}').contains(&c) {
                // Half-width katakana and hangul: their full-width letters (a voicing mark
                // becomes the combining one, which composition then joins: ｶﾞ → ガ).
                let mut full = c;
                unicode_normalization::char::decompose_compatible(c, |d| full = d);
                return CharMap::Char(full);
            }
        }
        if self.fold_digits
            && let Some(d) = ascii_digit(c)
        {
            return CharMap::Char(d);
        }
        if rules.russian && (c == 'ё' || c == 'Ё') {
            return CharMap::Char('е');
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

    fn then_case_fold(&self, mapped: CharMap) -> CharMap {
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
    fn remove_diacritics<'a>(&self, term: &'a str) -> Cow<'a, str> {
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

fn apply(out: &mut String, c: char, map: CharMap) {
    match map {
        CharMap::Keep => out.push(c),
        CharMap::Remove => {}
        CharMap::Char(m) => out.push(m),
        CharMap::Str(s) => out.push_str(s),
    }
}

/// Zero-width non-joiner and joiner.
const JOINERS: [char; 2] = ['\u{200C}', '\u{200D}'];

/// Where `part` starts in `whole`, when it is a slice of it.
fn subslice_offset(whole: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (start + part.len() <= whole.len()).then_some(start)
}

/// The result of `run`, which gives a part of `token` or all of the buffer it is handed, as a
/// `Cow`: borrowed from `token`, or owning the buffer (moved, not copied).
fn to_cow<'a>(
    token: &'a str,
    run: impl for<'b> FnOnce(&'b str, &'b mut String) -> &'b str,
) -> Cow<'a, str> {
    let mut buffer = String::new();
    let part = run(token, &mut buffer);
    match subslice_offset(token, part) {
        Some(start) => Cow::Borrowed(&token[start..start + part.len()]),
        None => {
            debug_assert_eq!(part.len(), buffer.len(), "a part of the buffer");
            Cow::Owned(buffer)
        }
    }
}

/// What normalization may do to a character, whatever the normalizer's options and language:
/// bits of [`char_class`].
mod class {
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
fn work_of(text: &str) -> u8 {
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
fn two_byte_classes() -> &'static [u8; 0x800] {
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
fn has_edge_joiner(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 3 && (is_joiner(&b[..3]) || is_joiner(&b[b.len() - 3..]))
}

/// The [`class`] bits of a character: a table lookup for the Basic Multilingual Plane, where
/// nearly all text is; above it, "anything may happen", and the general path decides.
#[inline]
fn char_class(c: char) -> u8 {
    let cp = c as u32;
    if cp < 0x80 {
        return ASCII_CLASSES[cp as usize];
    }
    if cp >= 0x10000 {
        return class::NFC | class::NFKC | class::RULE;
    }
    bmp_class(cp)
}

/// The class of a BMP code point, from a table built 64 code points at a time, the first time
/// text needs them: a document touches few blocks, so building costs next to nothing.
#[inline]
fn bmp_class(cp: u32) -> u8 {
    class_block_of(cp >> 6)[(cp & 63) as usize]
}

/// Block `block` (code points `64 * block` to `64 * block + 63`) of the class table.
#[inline]
fn class_block_of(block: u32) -> &'static [u8; 64] {
    static BLOCKS: [std::sync::OnceLock<[u8; 64]>; 1024] =
        [const { std::sync::OnceLock::new() }; 1024];
    BLOCKS[block as usize & 1023].get_or_init(|| class_block(block))
}

/// The classes of the 64 code points of block `block`, from the same `map_char` the
/// normalizer applies: run with the default options (which set [`class::FOLD`] and
/// [`class::RULE`]), then with each optional rule on in turn (Persian and Urdu, teh marbuta,
/// Russian `ё`, Turkic), which sets that rule's bit where it changes the outcome.
fn class_block(block: u32) -> [u8; 64] {
    let plain = Normalizer::new();
    let folding_only = Normalizer::new()
        .fold_punctuation(false)
        .fold_width(false)
        .fold_digits(false)
        .language_rules(false);
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
        let by_default = plain.map_char(c, neutral);
        let folding = folding_only.map_char(c, neutral);
        if by_default != CharMap::Keep {
            bits |= if by_default == folding {
                class::FOLD
            } else {
                class::RULE
            };
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

/// The script rules of [`Normalizer::language_rules`].
fn script_rule(c: char, rules: Rules, teh_marbuta: bool) -> Option<CharMap> {
    let map = match c {
        // Arabic: hamza and madda forms of alef, alef wasla.
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => CharMap::Char('\u{0627}'),
        // Alef maksura and yeh: Arabic writes ي, Persian and Urdu ی.
        '\u{0649}' if !rules.persian => CharMap::Char('\u{064A}'),
        '\u{0649}' | '\u{064A}' if rules.persian => CharMap::Char('\u{06CC}'),
        '\u{0643}' if rules.persian => CharMap::Char('\u{06A9}'),
        '\u{0629}' if teh_marbuta => CharMap::Char('\u{0647}'),
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
        _ => return None,
    };
    Some(map)
}

fn greek_without_accents(c: char) -> Option<CharMap> {
    let mut base = None;
    let mut parts = 0;
    decompose_canonical(c, |d| {
        parts += 1;
        if base.is_none() && !is_combining_mark(d) {
            base = Some(d);
        }
    });
    match base {
        Some(b) if parts > 1 => Some(CharMap::Char(b)),
        _ => None,
    }
}

/// Case-folds `text` into `out`; false (and `out` left as it was) when nothing changes.
fn fold_into(text: &str, out: &mut String) -> bool {
    let Some(first) = text
        .find(|c: char| c.is_ascii_uppercase() || (!c.is_ascii() && case_fold_char(c).is_some()))
    else {
        return false;
    };
    out.reserve(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            match case_fold_char(c) {
                Some(folded) => out.push_str(folded),
                None => out.push(c),
            }
        }
    }
    true
}

/// Full case folding of a character (ASCII capitals included), or `None` when it folds to
/// itself.
///
/// A lowercase letter with no precomposed capital (`ǰ`, `ẖ`, `ΐ`, `ᾶ`: twenty-one of them)
/// folds, in CaseFolding.txt, to its own canonical decomposition (`ǰ` → `j` + U+030C), which
/// composition turns back into the letter. Terms are promised in NFC, and folding them again
/// must change nothing, so these letters count as folded already: they fold to themselves,
/// as in Unicode's canonical caseless matching (fold the decomposed text, then compose).
fn case_fold_char(c: char) -> Option<&'static str> {
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
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}')
            && c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        code.parse().unwrap()
    }

    fn norm(text: &str) -> String {
        Normalizer::new().normalize(text, Lang::UND).into_owned()
    }

    #[test]
    fn lowercase_ascii_is_borrowed() {
        assert!(matches!(
            Normalizer::new().normalize("muscat", Lang::UND),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            Normalizer::new().normalize("سلطنة", Lang::UND),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn folding_then_another_rule_is_idempotent() {
        // `ŉ` case-folds to `ʼn`, whose `ʼ` the punctuation rule folds in turn.
        assert_eq!(norm("ŉ"), "'n");
        assert_eq!(norm(&norm("ŉ")), norm("ŉ"));
        // `÷` is no Latin letter: the mark after it is not an accent to strip.
        let stripping = Normalizer::new().strip_diacritics(true);
        let once = stripping.normalize("÷\u{5b0}\u{ad}", Lang::UND);
        assert_eq!(once, "÷\u{5b0}\u{ad}");
        assert_eq!(stripping.normalize(&once, Lang::UND), once);
    }

    #[test]
    fn full_case_folding() {
        assert_eq!(norm("Straße"), "strasse");
        assert_eq!(norm("ΌΣΟΣ"), norm("όσος"));
        assert_eq!(norm("ﬁnance"), "finance");
        assert_eq!(norm("ſ"), "s");
        // Cherokee folds to its uppercase letters, which are the older ones.
        assert_eq!(norm("ꮳꮃꭹ"), "ᏣᎳᎩ");
    }

    #[test]
    fn greek_final_sigma_and_accents() {
        assert_eq!(norm("λόγος"), "λογοσ");
        assert_eq!(norm("ΛΌΓΟΣ"), "λογοσ");
    }

    #[test]
    fn turkish_dotted_and_dotless_i() {
        let n = Normalizer::new();
        assert_eq!(n.normalize("İSTANBUL", lang("tur")), "istanbul");
        assert_eq!(n.normalize("ISPARTA", lang("tur")), "ısparta");
        assert_eq!(n.normalize("ISPARTA", lang("eng")), "isparta");
        assert_eq!(n.normalize("İstanbul", lang("eng")), "i\u{307}stanbul");
    }

    #[test]
    fn apostrophes_and_quotes() {
        assert_eq!(norm("Oman’s"), "oman's");
        assert_eq!(norm("Oman's"), "oman's");
        assert_eq!(norm("Ukrainian\u{02BC}s"), "ukrainian's");
    }

    #[test]
    fn arabic_rules() {
        assert_eq!(norm("عُمان"), "عمان");
        assert_eq!(norm("أكّد"), "اكد");
        assert_eq!(norm("إسلام"), "اسلام");
        assert_eq!(norm("آخر"), "اخر");
        assert_eq!(norm("مصطفى"), "مصطفي");
        assert_eq!(norm("الـــعربية"), "العربية");
        assert_eq!(norm("مدرسة"), "مدرسة");
        assert_eq!(
            Normalizer::new()
                .teh_marbuta(true)
                .normalize("مدرسة", Lang::UND),
            "مدرسه"
        );
    }

    #[test]
    fn persian_rules() {
        let n = Normalizer::new();
        assert_eq!(n.normalize("كتاب", lang("pes")), "کتاب");
        assert_eq!(n.normalize("علي", lang("pes")), "علی");
        assert_eq!(n.normalize("علي", lang("ara")), "علي");
        assert_eq!(
            n.normalize("می\u{200C}خواهم", lang("pes")),
            "می\u{200C}خواهم"
        );
        assert_eq!(n.normalize("خانه\u{200C}", lang("pes")), "خانه");
    }

    #[test]
    fn hebrew_niqqud() {
        assert_eq!(norm("שָׁלוֹם"), "שלום");
    }

    #[test]
    fn russian_yo_is_optional() {
        let n = Normalizer::new();
        assert_eq!(n.normalize("ёлка", lang("rus")), "ёлка");
        assert_eq!(
            n.clone().russian_yo(true).normalize("Ёлка", lang("rus")),
            "елка"
        );
        assert_eq!(n.russian_yo(true).normalize("ёлка", lang("bel")), "ёлка");
    }

    #[test]
    fn digits_and_width() {
        assert_eq!(norm("٢٠٢٥"), "2025");
        assert_eq!(norm("۲۰۲۵"), "2025");
        assert_eq!(norm("२०२५"), "2025");
        assert_eq!(norm("Ｏｍａｎ２０２５"), "oman2025");
    }

    #[test]
    fn nfc_and_nfkc() {
        assert_eq!(norm("Cafe\u{301}"), "café");
        assert_eq!(norm("x²"), "x²");
        let nfkc = Normalizer::new().unicode_form(UnicodeForm::Nfkc);
        assert_eq!(nfkc.normalize("x²", Lang::UND), "x2");
    }

    #[test]
    fn diacritics_are_optional_and_latin_only() {
        let n = Normalizer::new().strip_diacritics(true);
        assert_eq!(n.normalize("Crème brûlée", Lang::UND), "creme brulee");
        assert_eq!(n.normalize("Łódź", Lang::UND), "łodz");
        assert_eq!(n.normalize("عُمان", Lang::UND), "عمان");
        assert_eq!(n.normalize("й", Lang::UND), "й");
        assert_eq!(norm("Crème"), "crème");
    }

    #[test]
    fn never_empty() {
        assert_eq!(norm("ـ"), "ـ");
        assert_eq!(norm("\u{00AD}"), "\u{00AD}");
        // Nor punctuation: a vowel mark that UAX #29 attached to a comma stays with it.
        assert_eq!(norm(",\u{64B}"), ",\u{64B}");
    }

    #[test]
    fn punctuation_alone_is_folded() {
        assert_eq!(norm("’"), "'");
        assert_eq!(norm("—"), "-");
        assert_eq!(norm("“”"), "\"\"");
        assert_eq!(norm("\u{200B}’"), "'");
        let n = Normalizer::new();
        let mut buffer = String::new();
        assert_eq!(n.normalize_to("’", Lang::UND, &mut buffer), "'");
        let strip = Normalizer::new().strip_diacritics(true);
        assert_eq!(strip.normalize("’", Lang::UND), "'");
        assert_eq!(strip.normalize(",\u{64B}", Lang::UND), ",\u{64B}");
    }

    #[test]
    fn letters_without_a_capital_stay_composed() {
        // CaseFolding.txt folds `ǰ` to `j` + U+030C, which NFC composes back: the term is
        // the composed letter (found by probing: `ǰob` became `j\u{30c}ob`).
        for (word, term) in [
            ("ǰob", "ǰob"),
            ("J\u{30c}OB", "ǰob"),
            ("ẖ", "ẖ"),
            ("ẗ", "ẗ"),
            ("ẘ", "ẘ"),
            ("ẙ", "ẙ"),
            ("ᾶ", "ᾶ"),
        ] {
            assert_eq!(
                Normalizer::new()
                    .language_rules(false)
                    .normalize(word, Lang::UND),
                term,
                "{word}"
            );
        }
        // A capital whose folding is a letter with a singleton decomposition: composed too.
        assert_eq!(
            Normalizer::new()
                .language_rules(false)
                .normalize("\u{1FBB}", Lang::UND),
            "\u{3AC}"
        );
    }

    #[test]
    fn greek_dialytika_and_tonos_are_idempotent_when_stripping_diacritics() {
        // Found by probing: "ΰsä" → "ΰsa" → "υ\u{308}\u{301}sa".
        for punctuation in [false, true] {
            let n = Normalizer::new()
                .fold_punctuation(punctuation)
                .language_rules(false)
                .russian_yo(true)
                .strip_diacritics(true);
            let urdu = lang("urd");
            for word in ["ΰsä", "ΐ", "ᾷ", "ΰ"] {
                let once = n.normalize(word, urdu).into_owned();
                assert_eq!(n.normalize(&once, urdu), once, "{word}");
            }
            assert_eq!(n.normalize("ΰsä", urdu), "ΰsa");
        }
    }

    #[test]
    fn idempotent_on_examples() {
        for word in [
            "Straße",
            "ǰ",
            "İstanbul",
            "ΌΣΟΣ",
            "عُمان",
            "Ｏｍａｎ",
            "ﬁ",
            "ᾼ",
        ] {
            let once = norm(word);
            assert_eq!(norm(&once), once, "{word}");
        }
    }
}
