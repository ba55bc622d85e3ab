//! Normalization: makes two spellings of one word the same term.
//!
//! A [`Normalizer`] works on one token at a time, so every term keeps the span of the text it
//! came from, and returns a [`Cow`]: a token that is already normal (the common case for
//! lowercase ASCII) costs no allocation.
//!
//! What it does, in order:
//! 1. Unicode normalization: NFC by default, NFKC as an option ([`UnicodeForm`]).
//! 2. Full Unicode case folding (CaseFolding.txt, statuses C and F: `ß` → `ss`, `ς` → `σ`,
//!    `ﬁ` → `fi`), with Turkish and Azerbaijani dotted and dotless I for `tur` and `aze`
//!    (and, with the language rules of step 4, `İ` → `i` in every language).
//! 3. Folding of typographic punctuation (`’` → `'`), full-width forms (`Ａ１` → `a1`) and
//!    native digits (`٢٠٢٥` → `2025`), each switchable.
//! 4. Script and language rules: Latin's dot above on `i` (`i̇` → `i`, so `İ` → `i`), Arabic
//!    (alef forms, alef maksura, tatweel, harakat), Persian (yeh and kaf), Hebrew niqqud,
//!    Greek accents, Cyrillic stress marks (`marks.rs`), the
//!    spelling variants of the Indic scripts (`indic.rs`); optionally teh marbuta (`ة` → `ه`)
//!    and Russian `ё` → `е`.
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

mod classes;
mod folder;
mod indic;
mod marks;
pub(crate) mod onepass;
mod rules;
mod steps;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::Lang;
use classes::has_edge_joiner;
pub(crate) use folder::Folder;

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
    /// Without it, a pipeline still finds stop words and stems: stop lists and stemmers read
    /// a word in lowercase, a stem keeps the word's capitals (`Talks` → `Talk`, `Häuser` →
    /// `Haus`), and a word in capitals is no stop word (`IT`, `WHO`: acronyms).
    pub fn case_fold(mut self, on: bool) -> Self {
        self.case_fold = on;
        self
    }

    /// Typographic punctuation to ASCII (default on): `’ ‘ ʼ ′` → `'`, `“ ” „` → `"`, the
    /// dashes `‐ – — −` → `-`; the soft hyphen, zero-width space, byte order mark, word
    /// joiner and the bidirectional controls (U+00AD, U+200B, U+FEFF, U+2060; the marks
    /// U+200E, U+200F, U+061C, the embeddings and overrides U+202A to U+202E, the isolates
    /// U+2066 to U+2069) removed. The joiners ZWJ and ZWNJ are removed only at a word's
    /// edges: inside it they choose a letter's form (Persian `می‌خواهم`, Indic conjuncts,
    /// emoji sequences).
    /// Other format characters (U+2063, U+180E...) stay.
    pub fn fold_punctuation(mut self, on: bool) -> Self {
        self.fold_punctuation = on;
        self
    }

    /// Full-width ASCII forms to ASCII and half-width katakana and hangul to their usual
    /// forms (default on): `Ｏｍａｎ２０２５` → `oman2025`, `ｶﾞｿﾘﾝ` → `ガソリン`, `ﾻﾻ` → `ㅋㅋ`.
    /// NFKC does this and more on its own, but for Hangul: it makes conjoining jamo (`ᄏ`) of
    /// both `ﾻ` and `ㅋ`.
    pub fn fold_width(mut self, on: bool) -> Self {
        self.fold_width = on;
        self
    }

    /// Decimal digits of every script to ASCII (default on): `٢٠٢٥` and `۲۰۲۵` → `2025`; with
    /// them the Arabic decimal and thousands separators (`٣٫١٤` → `3.14`, `١٬٠٠٠` → `1,000`).
    pub fn fold_digits(mut self, on: bool) -> Self {
        self.fold_digits = on;
        self
    }

    /// Script and language rules (default on). Latin script: the dot above dropped from `i`
    /// and `j`, which have theirs, so that `İ`, which full case folding writes `i` U+0307, is
    /// `i` in every language, as in Turkish (`İstanbul` and `Istanbul` are one term in English
    /// text). Arabic script: `آ أ إ ٱ` → `ا`, `ى` → `ي`,
    /// tatweel, the eight harakat and superscript alef removed; in Persian, Dari and Urdu
    /// (`pes`, `prs`, `urd`) `ي ى` → `ی` and `ك` → `ک` instead. Hebrew: niqqud and cantillation removed. Greek:
    /// tonos and dialytika removed (`ά` → `α`), the iota subscript written out as the
    /// letter it is (`ᾳ` → `αι`, as `ᾼ` and `ΑΙ` fold), and the accents left on a letter
    /// with no composed form (`Α` + U+0342) as well. Cyrillic: stress marks dropped
    /// (`столи́ца` → `столица`). Indic scripts: vowel letters written in two
    /// pieces made one, joiners after a virama dropped (Devanagari, Bengali) or made the
    /// letter they spell (Bengali `ৎ`, the Malayalam chillus); Devanagari without nukta,
    /// with anusvara for chandrabindu and for a nasal before a consonant of its class
    /// (`डिफ़ेंस` → `डिफेंस`, `दाँत` → `दांत`, `हिन्दी` → `हिंदी`).
    ///
    /// ```
    /// use wordmill::normalize::Normalizer;
    /// use wordmill::Lang;
    ///
    /// let n = Normalizer::new();
    /// assert_eq!(n.normalize("दाँत", Lang::UND), n.normalize("दांत", Lang::UND));
    /// assert_eq!(n.normalize("हिन्दी", Lang::UND), "हिंदी");
    /// assert_eq!(n.normalize("Москва\u{301}", Lang::UND), "москва");
    /// ```
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

    /// True when case is folded (the default).
    pub fn folds_case(&self) -> bool {
        self.case_fold
    }

    /// True when typographic punctuation is folded to ASCII (the default).
    pub fn folds_punctuation(&self) -> bool {
        self.fold_punctuation
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

    /// `term` in this normalizer's Unicode form (NFC or NFKC) and without joiners at its
    /// edges: for what a stemmer made of a normalized word, since a stemmer may take a letter
    /// from beside its combining mark (Greek: `ΰ` + U+0301 left as `υ` U+0301, which NFC
    /// writes `ύ`) or a suffix from after a joiner (`cat` ZWJ `s` left as `cat` ZWJ).
    ///
    /// `word` is the normalized word the term was made from. A term that is a prefix of it,
    /// as most stems are, is in form already: the decomposition of a normalized string is in
    /// canonical order, so a prefix of it needs no reordering (the marks cut off would only
    /// have sorted after those kept), and composition decides each character from those
    /// before it, which a cut leaves as they were. Only a term with changed letters is
    /// composed again.
    pub(crate) fn in_form<'a>(&self, term: &'a str, word: &str) -> Cow<'a, str> {
        let term = self.without_edge_joiners(term);
        if term.is_ascii() || word.as_bytes().starts_with(term.as_bytes()) {
            return Cow::Borrowed(term);
        }
        self.compose(term)
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
        if !(self.fold_punctuation && has_edge_joiner(token)) {
            return token;
        }
        let body = token.trim_start_matches(JOINERS);
        match body.trim_end_matches(JOINERS) {
            "" => token,
            trimmed => {
                // A ZWJ after a virama that spells a letter with it (Bengali `ত্‍` for `ৎ`,
                // the Malayalam chillus) is part of the word: the Indic rules take it.
                let zwj = indic::ZWJ;
                if self.language_rules
                    && body[trimmed.len()..].starts_with(zwj)
                    && indic::spells_a_letter_with_zwj(trimmed)
                {
                    &body[..trimmed.len() + zwj.len_utf8()]
                } else {
                    trimmed
                }
            }
        }
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

#[cfg(test)]
mod tests;
