//! The common case of normalization in one pass: a token whose characters each map on their
//! own to characters that are already normal, which is nearly every word of news text in
//! every script (capitals, Arabic alef forms and harakat, Greek accents, `’`, Indic vowel
//! signs).
//!
//! The general path looks at a token up to four times (what work is there, compose, map,
//! compose again). Here each character is looked up once, in a table made for the
//! normalizer's options and the token's language rules (the one- and two-byte code points,
//! the scripts from U+0900 to U+17FF, Latin and Greek Extended, General Punctuation), and the
//! token is copied only from its first change on. Combining marks stay when they are in
//! canonical order, characters that may compose when they do not. Whatever the table cannot
//! settle (a character whose normal form depends on its neighbours, a character that some
//! rule changes outside the table, a token that would lose all its letters) goes to the
//! general path, which is the reference: a property test checks that both give the same
//! terms.
//!
//! The same table lets the tokenizer's windows fold their text in bulk
//! ([`WindowFold`](crate::fold::WindowFold)).

use std::sync::OnceLock;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfkc_quick};

use super::classes::{char_class, class};
#[path = "compositions.rs"]
#[rustfmt::skip]
mod compositions;
use super::rules::{CharMap, Rules};
use super::{Normalizer, UnicodeForm};
use crate::arch::FoldSummaries;
use crate::unicode::utf8::two_byte;

/// True when composition leaves the kept marks and maybe-composing characters of `token` as
/// they are: no mark (see [`MARK`]) after one of a higher combining class, with nothing but
/// removed characters between them (the steps would reorder them), and no [`MAYBE`]
/// character that composes with the character before it, which must be kept as it is.
fn stays_composed(token: &str, table: &Table, relevant: u8) -> bool {
    let bytes = token.as_bytes();
    let mut last_class = 0;
    let mut before: Option<(char, Entry)> = None;
    for (i, c) in token.char_indices() {
        let (entry, _) = lookup(bytes, i, table, relevant);
        if entry & ACTION == REMOVE {
            continue;
        }
        let class = if entry & MARK != 0 {
            (entry >> 8) & 0xFF
        } else {
            0
        };
        if class != 0 && class < last_class {
            return false;
        }
        if entry & MAYBE != 0
            && let Some((b, b_entry)) = before
            && (b_entry & ACTION != KEEP || unicode_normalization::char::compose(b, c).is_some())
        {
            return false;
        }
        last_class = class;
        before = Some((c, entry));
    }
    true
}

/// An entry of the table: what becomes of one code point it holds.
///
/// Bits 0 and 1 are the action, bit 2 says the character (or what replaces it) is a letter
/// or digit, bits 3 and 4 the length of the replacement, bit 5 marks a combining mark kept
/// as it is, bit 6 a character that may compose with the one before it ([`MAYBE`]), bit 7
/// the general path's characters (whose action bits are both set) or, alone, a key of the
/// context rules ([`CONTEXT`]); bits 8 to 31 are the replacement's bytes, or a kept mark's
/// canonical combining class.
pub(crate) type Entry = u32;

pub(crate) const KEEP: Entry = 0;
pub(crate) const MAP: Entry = 1;
pub(crate) const REMOVE: Entry = 2;
/// Settled by the general path only.
pub(crate) const GENERAL: Entry = 0x80 | 3;
pub(crate) const ACTION: Entry = 3;
pub(crate) const ALNUM: Entry = 4;
/// A combining mark (canonical combining class above 0) that never composes with what comes
/// before it: kept as it is when the marks around it are in canonical order.
pub(crate) const MARK: Entry = 0x20;
/// A character that may compose with the one before it (quick check Maybe, combining class
/// 0: the Tamil, Malayalam, Bengali length marks, Hangul vowels and final consonants): kept as
/// it is when it does not.
pub(crate) const MAYBE: Entry = 0x40;
/// A key of the Indic context rules ([`indic`](super::indic): a virama, the first of a vowel
/// pair), kept as it is when no rule applies to the token around it: bit 7 alone, without the action bits of
/// [`GENERAL`], so that a token's entries ORed together still tell the two apart (bit 7
/// with both action bits is a general character, or one that might be).
pub(crate) const CONTEXT: Entry = 0x80;
/// What makes the window look at a character again.
pub(crate) const CLOSER: Entry = ACTION | MARK | MAYBE | CONTEXT;

/// One table per combination of options and language rules that changes the entries: the
/// form, six switches and three language rules, 2^10 of them, of which a program uses one
/// or two.
const CONFIGURATIONS: usize = 1 << 10;

/// The three-byte code points the table holds too: the scripts of South and South-East Asia
/// and Ethiopia (U+0900 to U+17FF, whose vowel signs and viramas are combining marks),
/// Latin Extended Additional (Vietnamese), Greek Extended, and the General Punctuation of
/// running text (`’`, `“`, `–`).
const PAGES: [std::ops::Range<u32>; 2] = [0x0900..0x1800, 0x1E00..0x2040];
/// The slot of "a character of three or four bytes" for `WindowFold::fold`: never kept as it
/// is without a closer look.
pub(crate) const LONGER: usize =
    0x800 + (PAGES[0].end - PAGES[0].start) as usize + (PAGES[1].end - PAGES[1].start) as usize;
const SLOTS: usize = LONGER + 1;

/// The entries of a normalizer's one-pass table, with a summary for the windows.
#[repr(C)]
pub(crate) struct Table {
    /// The characters whose entry is [`CLOSER`]: for each two-byte lead byte, and for Latin
    /// Extended Additional (see [`FoldSummaries`]).
    summaries: FoldSummaries,
    entries: [Entry; SLOTS],
}

impl Table {
    /// What the windows look characters up in first.
    #[inline(always)]
    pub(crate) fn summaries(&self) -> &FoldSummaries {
        &self.summaries
    }
}

/// Where the table holds Latin Extended Additional.
const LATIN_ADDITIONAL: std::ops::Range<u32> = 0x1E00..0x1F00;

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table").finish_non_exhaustive()
    }
}

impl std::ops::Index<usize> for Table {
    type Output = Entry;

    #[inline(always)]
    fn index(&self, slot: usize) -> &Entry {
        &self.entries[slot]
    }
}

/// Where the table holds a three-byte code point, if it does.
#[inline(always)]
fn slot_of(cp: u32) -> Option<usize> {
    const SECOND: usize = 0x800 + (PAGES[0].end - PAGES[0].start) as usize;
    if PAGES[0].contains(&cp) {
        Some(0x800 + (cp - PAGES[0].start) as usize)
    } else if PAGES[1].contains(&cp) {
        Some(SECOND + (cp - PAGES[1].start) as usize)
    } else {
        None
    }
}

/// The entry of the character at `bytes[i]` and its length in bytes.
#[inline(always)]
pub(crate) fn lookup(bytes: &[u8], i: usize, table: &Table, relevant: u8) -> (Entry, usize) {
    let lead = bytes[i];
    if lead < 0x80 {
        (table[usize::from(lead)], 1)
    } else if lead < 0xE0 {
        (table[two_byte(lead, bytes[i + 1]) as usize], 2)
    } else if lead < 0xF0 {
        let cp = (u32::from(lead & 0x0F) << 12)
            | (u32::from(bytes[i + 1] & 0x3F) << 6)
            | u32::from(bytes[i + 2] & 0x3F);
        let entry = match slot_of(cp) {
            Some(slot) => table[slot],
            // Kept as it is when no rule of this normalizer looks at it (ideographs, Indic
            // letters); anything else is the general path's.
            None if char_class(char::from_u32(cp).unwrap_or_default()) & relevant == 0 => KEEP,
            None => GENERAL,
        };
        (entry, 3)
    } else {
        (GENERAL, 4)
    }
}

/// Every canonical composition of a character and a combining mark into one, as `(first,
/// mark, composite)`: committed (`compositions.rs`), since finding them means decomposing
/// every code point, a third of a process's start-up; a test checks the committed list
/// against [`find_compositions_with_marks`], which finds them when unicode-normalization's
/// data is of another version than the list's.
fn compositions_with_marks() -> &'static [(char, char, char)] {
    if compositions::UNICODE_VERSION == unicode_normalization::UNICODE_VERSION {
        return &compositions::COMPOSITIONS;
    }
    static FOUND: OnceLock<Vec<(char, char, char)>> = OnceLock::new();
    FOUND.get_or_init(find_compositions_with_marks)
}

/// What [`compositions_with_marks`] holds, found from unicode-normalization's data.
fn find_compositions_with_marks() -> Vec<(char, char, char)> {
    let mut all = Vec::new();
    let mut parts = Vec::new();
    // (Hangul syllables compose from jamo, which are not marks.)
    let not_hangul = |cp: &u32| !(0xAC00..0xD7A4).contains(cp);
    for composite in (0..0x30000).filter(not_hangul).filter_map(char::from_u32) {
        parts.clear();
        unicode_normalization::char::decompose_canonical(composite, |c| parts.push(c));
        let [ref first @ .., second] = parts[..] else {
            continue;
        };
        if first.is_empty() || unicode_normalization::char::canonical_combining_class(second) == 0 {
            continue;
        }
        let first: String = first.iter().copied().nfc().collect();
        let mut first = first.chars();
        if let (Some(first), None) = (first.next(), first.next())
            && unicode_normalization::char::compose(first, second) == Some(composite)
        {
            all.push((first, second, composite));
        }
    }
    all
}

impl Normalizer {
    /// Normalizes `token` in one pass: `Some(false)` when it is normal as it is, `Some(true)`
    /// when its normal form is now in `buffer`, `None` when the general path must decide.
    #[inline]
    pub(super) fn fold_in_one_pass(
        &self,
        token: &str,
        table: &Table,
        relevant: u8,
        buffer: &mut String,
    ) -> Option<bool> {
        let bytes = token.as_bytes();
        // Most tokens keep every character: find that out with nothing but lookups first (one
        // branch per character, on its width, which a word's script makes predictable).
        let mut all = KEEP;
        let mut i = 0;
        while i < bytes.len() {
            let (entry, width) = lookup(bytes, i, table, relevant);
            all |= entry;
            i += width;
        }
        if all & GENERAL == GENERAL
            || (all & (MARK | MAYBE) != 0 && !stays_composed(token, table, relevant))
        {
            return None;
        }
        // A key of the Indic context rules (a virama, a vowel letter that a vowel sign may
        // follow): what the characters become on their own is the token's normal form when
        // no rule applies to it (the steps apply them after the per-character rules: a
        // nukta dropped between a nasal and its virama makes a context).
        let context = all & CONTEXT != 0;
        if all & ACTION == KEEP {
            return (!(context && super::indic::a_context_rule_applies(token))).then_some(false);
        }
        // Something changes: `token[..copied]` is in `buffer`, changed where it had to be.
        buffer.clear();
        buffer.reserve(bytes.len() + 4);
        let (mut copied, mut removed, mut alnum) = (0, false, false);
        let mut i = 0;
        while i < bytes.len() {
            let (entry, width) = lookup(bytes, i, table, relevant);
            alnum |= entry & ALNUM != 0;
            let action = entry & ACTION;
            if action != KEEP {
                buffer.push_str(&token[copied..i]);
                if action == MAP {
                    let len = ((entry >> 3) & 3) as usize;
                    let replacement = (entry >> 8).to_le_bytes();
                    // SAFETY: the table stores the UTF-8 bytes of whole characters.
                    buffer.push_str(unsafe { std::str::from_utf8_unchecked(&replacement[..len]) });
                } else {
                    removed = true;
                }
                copied = i + width;
            }
            i += width;
        }
        if removed && !alnum {
            // Only removable characters, or those and punctuation: the general path keeps
            // such a token rather than lose it.
            return None;
        }
        buffer.push_str(&token[copied..]);
        if self.fold_punctuation && super::has_edge_joiner(buffer) {
            // A removal bared a joiner, which the general path trims.
            return None;
        }
        if context && super::indic::a_context_rule_applies(buffer) {
            return None;
        }
        Some(true)
    }

    /// True when `c`, a mark that may compose with the character before it, can still be
    /// removed on its own: whatever it composes into normalizes as the character it composed
    /// with (the Devanagari nukta, removed by the language rules: `ऩ` is `न` + nukta and
    /// becomes `न`), and none of those characters composes with the one before it, nor their
    /// composites with what follows (the one pass looks at what follows with the base).
    fn removal_outruns_composition(&self, c: char, rules: Rules) -> bool {
        if self.quick_check(c) != IsNormalized::Maybe
            || unicode_normalization::char::canonical_combining_class(c) == 0
        {
            return false;
        }
        let all = compositions_with_marks();
        let mut with_c = all.iter().filter(|&&(_, mark, _)| mark == c).peekable();
        let (mut base_buffer, mut composite_buffer) = (String::new(), String::new());
        with_c.peek().is_some()
            && with_c.all(|&(base, _, composite)| {
                self.quick_check_yes(base)
                    && !all.iter().any(|&(first, _, _)| first == composite)
                    && self.fold_by_steps(&base.to_string(), rules, &mut base_buffer)
                        == self.fold_by_steps(&composite.to_string(), rules, &mut composite_buffer)
            })
    }

    /// The class of characters that are not stable under this normalizer's form.
    #[inline]
    pub(super) fn unstable_class(&self) -> u8 {
        match self.form {
            UnicodeForm::Nfc => class::NFC,
            UnicodeForm::Nfkc => class::NFKC,
        }
    }

    /// True when `c` never composes with a character before it in this normalizer's form.
    fn quick_check_yes(&self, c: char) -> bool {
        self.quick_check(c) == IsNormalized::Yes
    }

    /// The quick check of `c` alone in this normalizer's form.
    fn quick_check(&self, c: char) -> IsNormalized {
        let one = std::iter::once(c);
        match self.form {
            UnicodeForm::Nfc => is_nfc_quick(one),
            UnicodeForm::Nfkc => is_nfkc_quick(one),
        }
    }

    /// The table for this normalizer under `rules`, made the first time it is asked for.
    #[inline]
    pub(super) fn one_pass_table(&self, rules: Rules) -> &'static Table {
        static TABLES: [OnceLock<Box<Table>>; CONFIGURATIONS] =
            [const { OnceLock::new() }; CONFIGURATIONS];
        let switches = [
            self.form == UnicodeForm::Nfkc,
            self.case_fold,
            self.fold_punctuation,
            self.fold_width,
            self.fold_digits,
            self.language_rules,
            self.teh_marbuta,
            rules.turkic,
            rules.persian,
            rules.russian,
        ];
        let key = switches
            .iter()
            .enumerate()
            .fold(0, |key, (bit, &on)| key | (usize::from(on) << bit));
        TABLES[key].get_or_init(|| {
            let mut entries = [KEEP; SLOTS];
            entries[LONGER] = ACTION;
            for cp in (0..0x800).chain(PAGES.iter().flat_map(|page| page.clone())) {
                let slot = slot_of(cp).unwrap_or(cp as usize);
                entries[slot] = char::from_u32(cp).map_or(GENERAL, |c| self.entry(c, rules));
            }
            let mut by_lead = [0u64; 32];
            for (cp, entry) in entries[..0x800].iter().enumerate() {
                if entry & CLOSER != 0 {
                    by_lead[cp >> 6] |= 1 << (cp & 63);
                }
            }
            let mut latin_additional = [0u64; 8];
            for cp in LATIN_ADDITIONAL {
                let entry = entries[slot_of(cp).expect("in the second page")];
                if entry & CLOSER != 0 {
                    let low = (cp & 0xFF) as usize;
                    latin_additional[low >> 6] |= 1 << (low & 63);
                }
            }
            Box::new(Table {
                entries,
                summaries: FoldSummaries {
                    by_lead,
                    latin_additional,
                },
            })
        })
    }

    /// What this normalizer does to `c`, as a table entry: what it does to `c` on its own,
    /// marked [`CONTEXT`] when `c` is a key of the context rules (the one pass then asks
    /// whether a rule applies to the token), or [`GENERAL`] when such a character changes on
    /// its own too.
    fn entry(&self, c: char, rules: Rules) -> Entry {
        let alone = self.entry_alone(c, rules);
        if !(self.language_rules && super::indic::is_rule_key(c)) {
            alone
        } else if alone & ACTION == KEEP {
            alone | CONTEXT
        } else {
            GENERAL
        }
    }

    /// What this normalizer does to `c` on its own: a replacement only when it is final
    /// (normal and changed by no rule again) and fits in three bytes.
    fn entry_alone(&self, c: char, rules: Rules) -> Entry {
        let relevant = self.relevant_classes(rules) | self.unstable_class();
        let unstable = self.unstable_class();
        let alnum = |c: char| if c.is_alphanumeric() { ALNUM } else { 0 };
        let class = char_class(c) & relevant;
        if class == 0 {
            return KEEP | alnum(c);
        }
        let ccc = unicode_normalization::char::canonical_combining_class(c);
        let mapped = if class & !unstable != 0 {
            self.map_char(c, rules)
        } else {
            CharMap::Keep
        };
        let mut replacement = [0u8; 4];
        let replacement: &str = match mapped {
            // A mark that never composes with the character before it (quick check Yes: the
            // harakat, the niqqud) can be dropped without looking at its neighbours: what
            // else could compose is unstable itself, and taken by the steps; what could
            // reorder is a kept mark, whose order `stays_composed` checks.
            CharMap::Remove if self.quick_check_yes(c) => return REMOVE,
            CharMap::Remove if self.removal_outruns_composition(c, rules) => return REMOVE,
            // Likewise kept: the viramas and vowel signs of Indic scripts, Thai tone marks, and
            // any mark that no rule of these options changes on its own (the harakat without
            // the language rules). (`entry` looks after the context rules.)
            CharMap::Keep if ccc != 0 && self.quick_check_yes(c) => {
                return KEEP | MARK | alnum(c) | (Entry::from(ccc) << 8);
            }
            CharMap::Keep
                if class & !unstable == 0
                    && self.quick_check(c) == IsNormalized::Maybe
                    && ccc == 0 =>
            {
                return KEEP | MAYBE | alnum(c);
            }
            _ if class & unstable != 0 => return GENERAL,
            CharMap::Remove => return REMOVE,
            CharMap::Keep => return KEEP | alnum(c),
            CharMap::Char(m) => m.encode_utf8(&mut replacement),
            CharMap::Str(s) => s,
        };
        let is_final = replacement.chars().all(|m| char_class(m) & relevant == 0);
        // A letter that becomes punctuation (`ʼ` → `'`) may be all a token has of letters,
        // which the steps keep rather than lose.
        let loses_a_letter = c.is_alphanumeric() && !replacement.chars().any(char::is_alphanumeric);
        if !is_final || replacement.len() > 3 || loses_a_letter {
            return GENERAL;
        }
        let mut packed = [0u8; 4];
        packed[..replacement.len()].copy_from_slice(replacement.as_bytes());
        let first = replacement.chars().next().unwrap_or(c);
        MAP | alnum(first) | ((replacement.len() as Entry) << 3) | (u32::from_le_bytes(packed) << 8)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::Lang;

    /// The committed compositions are what [`find_compositions_with_marks`] finds in
    /// unicode-normalization's data.
    #[test]
    fn the_committed_compositions_are_unicode_normalization_s() {
        let found = find_compositions_with_marks();
        let mut body = String::from("/// `(first, mark, composite)`, by composite.\n");
        body.push_str(&format!(
            "pub(super) static COMPOSITIONS: [(char, char, char); {}] = [\n",
            found.len()
        ));
        for (first, mark, composite) in &found {
            body.push_str(&format!("    ({first:?}, {mark:?}, {composite:?}),\n"));
        }
        body.push_str("];\n");
        crate::normalize::tests::check_generated(
            "compositions.rs",
            "unicode-normalization's data (`find_compositions_with_marks` in onepass.rs)",
            "Every canonical composition of a character and a combining mark into one.",
            &body,
        );
    }

    /// Characters that exercise every kind of entry: capitals of many scripts, marks that
    /// compose, harakat and niqqud that rules remove, letters that fold to two characters,
    /// Turkic I, punctuation the options fold, joiners, Hangul jamo, characters above U+0800.
    pub(crate) const POOL: &[char] = &[
        'a', 'A', 'I', 'i', 's', 'z', 'Z', '1', '\'', '-', '.', 'ʼ', 'ʻ', 'é', 'É', 'ß', 'ẞ', 'İ',
        'ı', 'ŉ', 'ǰ', 'Ǆ', 'ǅ', 'ſ', 'ª', 'µ', '²', '\u{0301}', '\u{0308}', '\u{0327}', 'Ά', 'ά',
        'ΐ', 'Σ', 'ς', 'σ', '\u{0345}', 'ё', 'Ё', 'Ж', 'ж', 'Ѐ', 'ا', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ي',
        'ك', 'ة', 'ـ', '\u{064E}', '\u{0651}', '\u{0653}', '\u{0654}', '\u{0670}', '٣', '۳', 'ש',
        '\u{05B8}', '\u{05C1}', '\u{00AD}', '\u{200C}', '\u{200D}', '’', '“', '–', 'Ａ', '１', 'ｶ',
        'ﾞ', 'ﬁ', 'Ἀ', 'ῆ', 'ᾳ', 'ᾼ', 'ΐ', 'ế', 'Ế', 'ạ', 'Ạ', 'ẛ', '\u{200B}', '\u{200E}',
        '\u{202B}', '\u{2069}', '\u{2011}', '‰', '\u{2028}', '\u{094D}', '\u{093C}', 'ष',
        '\u{0E48}', '\u{0E38}', '\u{0E39}', '\u{0BCD}', '\u{0BBE}', 'ெ', 'ে', '\u{09BE}',
        '\u{0591}', '\u{05B4}', '\u{0316}', '\u{0323}', 'ợ', '東', 'क', '\u{093F}', 'ก',
        '\u{1100}', '\u{1161}', '\u{11A8}', '한', 'Ꭰ', 'ꭰ', '𝐀', '😀', 'Ḁ', 'ḁ', 'ỿ', 'Ỿ',
        '\u{1DFF}', 'ἀ',
        // Indic: letters that start context rules, signs, nukta, chandrabindu, viramas.
        'अ', 'ा', 'ए', 'े', 'न', 'त', 'म', 'ब', 'ऩ', '\u{0901}', '\u{0902}', 'ੳ', 'ੁ', 'ഒ', 'ാ', 'ന',
        '\u{0D4D}', 'ত', '\u{09CD}',
    ];

    pub(crate) fn normalizers() -> Vec<Normalizer> {
        let mut all = Vec::new();
        for bits in 0..128u32 {
            let on = |bit: u32| bits & (1 << bit) != 0;
            all.push(
                Normalizer::new()
                    .unicode_form(if on(0) {
                        UnicodeForm::Nfkc
                    } else {
                        UnicodeForm::Nfc
                    })
                    .case_fold(!on(1))
                    .fold_punctuation(!on(2))
                    .fold_width(!on(3))
                    .fold_digits(!on(4))
                    .language_rules(!on(5))
                    .teh_marbuta(on(6))
                    .russian_yo(true),
            );
        }
        all
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// The one pass gives what the steps give, or leaves the token to them.
        #[test]
        fn one_pass_agrees_with_the_steps(
            chars in proptest::collection::vec(proptest::sample::select(POOL), 1..8),
            which in 0..128usize,
            lang in proptest::sample::select(&["und", "tur", "pes", "rus", "ell", "ara", "hin"][..]),
        ) {
            let token: String = chars.into_iter().collect();
            let normalizer = &normalizers()[which];
            if let Some((one_pass, steps)) = one_pass_and_steps(normalizer, &token, word_lang(lang)) {
                prop_assert_eq!(one_pass, steps, "{:?}", token);
            }
        }
    }

    #[test]
    fn common_words_are_settled_in_one_pass() {
        let normalizer = Normalizer::new();
        for (word, lang, expected) in [
            ("Élysée", "fra", Some("élysée")),
            ("Москва", "rus", Some("москва")),
            ("أَحْمَد", "ara", Some("احمد")),
            ("Ἀθῆναι", "ell", Some("αθηναι")),
            ("Oman’s", "eng", Some("oman's")),
            ("Thế", "vie", Some("thế")),
            ("ﬁnance", "eng", None), // a ligature: NFKC-only, case-folded to two letters
            ("έτος", "ell", Some("ετοσ")),
            ("東京", "jpn", Some("東京")),
            // A virama to which no context rule applies, and one to which one does.
            ("द्वारा", "hin", Some("द्वारा")),
            ("हिन्दी", "hin", None),
            ("अगर", "hin", Some("अगर")),
            ("अाम", "hin", None),
        ] {
            let got = one_pass(&normalizer, word, word_lang(lang));
            assert_eq!(got.as_deref(), expected, "{word}");
        }
    }

    fn word_lang(code: &str) -> Lang {
        code.parse().unwrap()
    }

    /// What the one pass makes of `token` (trimmed of edge joiners first, as the general
    /// path hands tokens on), or `None` when it leaves the token to the steps.
    fn one_pass(normalizer: &Normalizer, token: &str, lang: Lang) -> Option<String> {
        let folder = normalizer.folder(lang);
        let token = normalizer.without_edge_joiners(token);
        let mut buffer = String::new();
        let changed =
            normalizer.fold_in_one_pass(token, folder.table, folder.relevant, &mut buffer)?;
        Some(if changed { buffer } else { token.to_owned() })
    }

    /// What the one pass and the steps make of `token`, when the one pass settles it.
    fn one_pass_and_steps(
        normalizer: &Normalizer,
        token: &str,
        lang: Lang,
    ) -> Option<(String, String)> {
        let one_pass = one_pass(normalizer, token, lang)?;
        let folder = normalizer.folder(lang);
        let token = normalizer.without_edge_joiners(token);
        let mut buffer = String::new();
        let steps = normalizer.fold_by_steps(token, folder.rules, &mut buffer);
        Some((one_pass, steps.to_owned()))
    }

    /// Every token of up to four characters from those of the Indic context rules (starters,
    /// the signs and consonants that complete them, joiners, a nukta between a nasal and its
    /// virama), under three configurations: the one pass agrees with the steps or leaves the
    /// token to them.
    #[test]
    fn short_indic_tokens_agree_with_the_steps() {
        const INDIC: &[char] = &[
            'अ', 'ा', 'ए', 'े', 'न', 'द', 'म', 'य', 'ऩ', '\u{093C}', '\u{0901}', '\u{094D}', 'ত',
            '\u{09CD}', 'ന', '\u{0D4D}', '\u{200C}', '\u{200D}',
        ];
        let normalizers = [
            Normalizer::new(),
            Normalizer::new().language_rules(false),
            Normalizer::new().unicode_form(UnicodeForm::Nfkc),
        ];
        let (mut tokens, mut settled) = (0, 0);
        for token in crate::normalize::tests::every_string(INDIC, 4) {
            for normalizer in &normalizers {
                tokens += 1;
                if let Some((one_pass, steps)) =
                    one_pass_and_steps(normalizer, &token, word_lang("hin"))
                {
                    settled += 1;
                    assert_eq!(one_pass, steps, "{token:?} {normalizer:?}");
                }
            }
        }
        // Not a vacuous check: the one pass settles many of them.
        assert!(settled * 4 > tokens, "{settled} of {tokens}");
    }

    /// Every token of up to four characters from those of the mark rules (`marks.rs`: Cyrillic,
    /// Greek and Latin letters, the marks it drops and one it keeps), in Russian and Greek:
    /// the one pass agrees with the steps or leaves the token to them, and normalizing the
    /// term again changes nothing (marks stacked on a letter all go in one pass).
    #[test]
    fn short_tokens_of_the_mark_rules_agree_with_the_steps() {
        let normalizers = [
            Normalizer::new(),
            Normalizer::new().case_fold(false),
            Normalizer::new().unicode_form(UnicodeForm::Nfkc),
        ];
        let (mut tokens, mut settled) = (0, 0);
        for token in
            crate::normalize::tests::every_string(super::super::marks::LETTERS_AND_MARKS, 4)
        {
            for normalizer in &normalizers {
                for lang in ["rus", "ell"] {
                    tokens += 1;
                    let once = normalizer.normalize(&token, word_lang(lang)).into_owned();
                    assert_eq!(
                        normalizer.normalize(&once, word_lang(lang)),
                        once,
                        "{token:?}"
                    );
                    if let Some((one_pass, steps)) =
                        one_pass_and_steps(normalizer, &token, word_lang(lang))
                    {
                        settled += 1;
                        assert_eq!(one_pass, steps, "{token:?} {normalizer:?}");
                    }
                }
            }
        }
        assert!(settled * 10 > tokens, "{settled} of {tokens}");
    }

    /// Every character the table holds, alone, under every configuration the property tests
    /// use: the one pass agrees with the steps or leaves the character to them.
    #[test]
    fn every_character_of_the_table_alone_agrees_with_the_steps() {
        let table_chars = (0..0x800).chain(PAGES.iter().flat_map(|page| page.clone()));
        let chars: Vec<char> = table_chars.filter_map(char::from_u32).collect();
        for normalizer in normalizers().iter().step_by(7) {
            for lang in ["und", "tur", "pes", "rus"] {
                for &c in &chars {
                    let token = c.to_string();
                    let Some((one_pass, steps)) =
                        one_pass_and_steps(normalizer, &token, word_lang(lang))
                    else {
                        continue;
                    };
                    assert_eq!(one_pass, steps, "{c:?} {lang} {normalizer:?}");
                }
            }
        }
    }
}
