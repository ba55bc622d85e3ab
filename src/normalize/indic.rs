//! Indic normalization: spellings of one word in the scripts of India that Unicode
//! normalization leaves apart, made one (part of [`Normalizer::language_rules`](super::Normalizer::language_rules)).
//!
//! Per character (in [`script_rule`](super::rules::script_rule), so the one-pass table has
//! them), for Devanagari, as Hindi spells words two ways:
//! - the nukta, which marks sounds of Persian, Arabic and English loans, is dropped
//!   (`डिफ़ेंस` and `डिफेंस` "defence", `ज़रूरी` and `जरूरी`); the three letters that have it
//!   composed (`ऩ ऱ ऴ`) lose it too. (Unicode normalization already makes `क़` and `क` + nukta
//!   one: those letters decompose.)
//! - chandrabindu, the nasalization mark, is written as anusvara (`दाँत` and `दांत` "tooth",
//!   `हूँ` and `हूं`).
//!
//! In context (the normalizer's steps apply them; the one-pass table keeps the characters
//! every one of them needs, marked, and asks [`a_context_rule_applies`] of the token):
//! - a vowel letter written as another vowel letter and a vowel sign, which renders the same
//!   and which the Unicode Standard says not to use (Devanagari `अ` + `ा` for `आ`, Gurmukhi
//!   `ੳ` + `ੁ` for `ਉ`, Malayalam `ഒ` + `ാ` for `ഓ`...), becomes the vowel letter, in all nine
//!   scripts that have such pairs;
//! - ZWJ and ZWNJ after a virama only choose how a conjunct is drawn (`क्‍ष` and `क्ष`):
//!   in Devanagari and Bengali they are dropped; Bengali `ত` + virama + ZWJ, and the
//!   Malayalam consonants + virama + ZWJ, are the old spellings of the letters Unicode has
//!   since encoded (`ৎ`, the chillus `ൺ ൻ ർ ൽ ൾ ൿ`), which they become;
//! - in Devanagari, a nasal consonant with a virama before a consonant of its own class is
//!   written as anusvara, as Hindi's standard spelling has it (`हिन्दी` and `हिंदी` "Hindi",
//!   `सम्बन्ध` and `संबंध` "relation", `अन्त` and `अंत` "end"); a doubled nasal stays (`अन्न`).

/// The viramas of the scripts whose context rules read them (Devanagari, Bengali,
/// Malayalam).
const VIRAMAS: [char; 3] = ['\u{094D}', '\u{09CD}', '\u{0D4D}'];

const ZWNJ: char = '\u{200C}';
pub(super) const ZWJ: char = '\u{200D}';

/// A vowel letter followed by a vowel sign, and the vowel letter the pair stands for.
const VOWEL_PAIRS: [(char, char, char); 38] = [
    // Devanagari: on अ, and on ए.
    ('अ', 'ा', 'आ'),
    ('अ', 'ॅ', 'ॲ'),
    ('अ', 'ॉ', 'ऑ'),
    ('अ', 'ॆ', 'ऄ'),
    ('अ', 'ॊ', 'ऒ'),
    ('अ', 'ो', 'ओ'),
    ('अ', 'ौ', 'औ'),
    ('ए', 'ॅ', 'ऍ'),
    ('ए', 'ॆ', 'ऎ'),
    ('ए', 'े', 'ऐ'),
    // Bengali.
    ('অ', 'া', 'আ'),
    // Gurmukhi: on ਅ, ੲ and ੳ, the bearers of its vowel letters.
    ('ਅ', 'ਾ', 'ਆ'),
    ('ਅ', 'ੈ', 'ਐ'),
    ('ਅ', 'ੌ', 'ਔ'),
    ('ੲ', 'ਿ', 'ਇ'),
    ('ੲ', 'ੀ', 'ਈ'),
    ('ੲ', 'ੇ', 'ਏ'),
    ('ੳ', 'ੁ', 'ਉ'),
    ('ੳ', 'ੂ', 'ਊ'),
    ('ੳ', 'ੋ', 'ਓ'),
    // Gujarati: on અ.
    ('અ', 'ા', 'આ'),
    ('અ', 'ૅ', 'ઍ'),
    ('અ', 'ૉ', 'ઑ'),
    ('અ', 'ે', 'એ'),
    ('અ', 'ૈ', 'ઐ'),
    ('અ', 'ો', 'ઓ'),
    ('અ', 'ૌ', 'ઔ'),
    // Oriya.
    ('ଅ', 'ା', 'ଆ'),
    ('ଏ', '\u{0B57}', 'ଐ'),
    ('ଓ', '\u{0B57}', 'ଔ'),
    // Telugu and Kannada.
    ('ఒ', '\u{0C55}', 'ఓ'),
    ('ಉ', 'ಾ', 'ಊ'),
    ('ಒ', 'ೌ', 'ಔ'),
    // Malayalam.
    ('ഇ', 'ൗ', 'ഈ'),
    ('ഉ', 'ൗ', 'ഊ'),
    ('എ', 'െ', 'ഐ'),
    ('ഒ', 'ാ', 'ഓ'),
    ('ഒ', 'ൗ', 'ഔ'),
];

/// Where the context rules start: the blocks from Devanagari to Malayalam.
const BLOCKS: std::ops::RangeInclusive<char> = '\u{0900}'..='\u{0D7F}';

/// Characters of [`BLOCKS`] as bits, one per code point.
type BlockSet = [u64; 18];

/// The first characters of [`VOWEL_PAIRS`]: a word's characters are looked up here, not in
/// the list.
static PAIR_FIRSTS: BlockSet = {
    let mut set = [0u64; 18];
    let mut i = 0;
    while i < VOWEL_PAIRS.len() {
        insert(&mut set, VOWEL_PAIRS[i].0);
        i += 1;
    }
    set
};

/// The characters at which a rule of [`BLOCKS`] can start: the first of a vowel pair, a
/// consonant that a virama and ZWJ make a letter, a Devanagari nasal. (The other rules start
/// at a joiner.)
static ANCHORS: BlockSet = {
    let mut set = PAIR_FIRSTS;
    let mut i = 0;
    while i < ATOMIC_LETTERS.len() {
        insert(&mut set, ATOMIC_LETTERS[i].0);
        i += 1;
    }
    let mut cp = 0x0900;
    while cp < 0x0980 {
        if let Some(c) = char::from_u32(cp)
            && let Some((_, true)) = devanagari_class(c)
        {
            insert(&mut set, c);
        }
        cp += 1;
    }
    set
};

const fn insert(set: &mut BlockSet, c: char) {
    let offset = c as usize - 0x0900;
    set[offset / 64] |= 1 << (offset % 64);
}

#[inline]
fn contains(set: &BlockSet, c: char) -> bool {
    // (A character before the blocks wraps around to an offset past them.)
    let offset = (c as usize).wrapping_sub(0x0900);
    offset < 18 * 64 && set[offset / 64] & (1 << (offset % 64)) != 0
}

/// True when `c` is the first character of a vowel pair.
#[inline]
fn starts_a_vowel_pair(c: char) -> bool {
    contains(&PAIR_FIRSTS, c)
}

/// Letters written as a consonant, virama and ZWJ before Unicode encoded them.
const ATOMIC_LETTERS: [(char, char); 7] = [
    ('ত', 'ৎ'),
    ('ണ', 'ൺ'),
    ('ന', 'ൻ'),
    ('ര', 'ർ'),
    ('ല', 'ൽ'),
    ('ള', 'ൾ'),
    ('ക', 'ൿ'),
];

/// True when `text` ends with a consonant and virama that a ZWJ after them makes a letter of
/// its own (Bengali `ৎ`, the Malayalam chillus).
pub(super) fn spells_a_letter_with_zwj(text: &str) -> bool {
    let mut last = text.chars().rev();
    matches!(last.next(), Some('\u{09CD}' | '\u{0D4D}'))
        && last
            .next()
            .is_some_and(|c| ATOMIC_LETTERS.iter().any(|&(base, _)| base == c))
}

/// True for a key of the context rules, a character every rule needs (a virama, the first
/// of a vowel pair, or a mark of `marks.rs`): a token without one is left as it is. (Where a rule starts is another
/// set: [`ANCHORS`].)
pub(super) fn is_rule_key(c: char) -> bool {
    VIRAMAS.contains(&c) || starts_a_vowel_pair(c) || super::marks::is_key(c)
}

/// The per-character rules of Devanagari (see the module documentation).
pub(super) fn devanagari_rule(c: char) -> Option<super::rules::CharMap> {
    use super::rules::CharMap;
    Some(match c {
        '\u{093C}' => CharMap::Remove,
        'ऩ' => CharMap::Char('न'),
        'ऱ' => CharMap::Char('र'),
        'ऴ' => CharMap::Char('ळ'),
        '\u{0901}' => CharMap::Char('\u{0902}'),
        _ => return None,
    })
}

/// The Devanagari class (velar, palatal, retroflex, dental, labial) of a stop consonant or
/// of a nasal, and whether it is the nasal.
const fn devanagari_class(c: char) -> Option<(u32, bool)> {
    // क ख ग घ ङ / च छ ज झ ञ / ट ठ ड ढ ण / त थ द ध न, then ऩ, then प फ ब भ म.
    let index = match c {
        '\u{0915}'..='\u{0928}' => c as u32 - 0x0915,
        '\u{092A}'..='\u{092E}' => c as u32 - 0x092A + 20,
        _ => return None,
    };
    Some((index / 5, index % 5 == 4))
}

/// What a context rule makes of the text at `c`, when one applies there: the character it
/// writes instead (none for a dropped joiner) and how many characters it takes. `before` is
/// the character before `c`, `after` the ones after it.
///
/// The one place the rules are written: [`rewrite`] applies it, and
/// [`a_context_rule_applies`] asks it only whether anything would change.
#[inline]
fn rule_at(
    before: Option<char>,
    c: char,
    mut after: impl Iterator<Item = char> + Clone,
) -> Option<(Option<char>, usize)> {
    // Accents a script writes at will (`marks.rs`).
    if super::marks::is_key(c) {
        return before
            .is_some_and(|b| super::marks::drops_after(b, c))
            .then_some((None, 1));
    }
    // Joiners after a Devanagari or Bengali virama.
    if c == ZWJ || c == ZWNJ {
        return matches!(before, Some('\u{094D}' | '\u{09CD}')).then_some((None, 1));
    }
    if !BLOCKS.contains(&c) {
        return None;
    }
    let next = after.next()?;
    // A vowel letter and a vowel sign: the vowel letter they draw.
    if starts_a_vowel_pair(c)
        && let Some(&(_, _, letter)) = VOWEL_PAIRS
            .iter()
            .find(|&&(first, second, _)| first == c && second == next)
    {
        return Some((Some(letter), 2));
    }
    if !VIRAMAS.contains(&next) {
        return None;
    }
    let mut rest = after.clone();
    // A consonant, virama and ZWJ: the letter Unicode encoded for them.
    if rest.next() == Some(ZWJ)
        && let Some(&(_, letter)) = ATOMIC_LETTERS.iter().find(|&&(base, _)| base == c)
    {
        return Some((Some(letter), 3));
    }
    // A nasal, virama (and joiners) and a stop of its class: anusvara, which takes all but the
    // stop.
    let (class, true) = devanagari_class(c)? else {
        return None;
    };
    let joiners = after.clone().take_while(|&z| z == ZWJ || z == ZWNJ).count();
    let stop = after.nth(joiners)?;
    (devanagari_class(stop) == Some((class, false))).then_some((Some('\u{0902}'), 2 + joiners))
}

/// True when a context rule applies to `text`, which [`rewrite`] would then change.
pub(super) fn a_context_rule_applies(text: &str) -> bool {
    let mut before = None;
    for (i, c) in text.char_indices() {
        // (Most characters cannot start a rule: `rule_at` is asked only where one can.)
        if (contains(&ANCHORS, c) || c == ZWJ || c == ZWNJ || super::marks::is_key(c))
            && rule_at(before, c, text[i + c.len_utf8()..].chars()).is_some()
        {
            return true;
        }
        before = Some(c);
    }
    false
}

/// Applies the context rules to `text` into `out`; false (and `out` untouched) when none
/// applies.
pub(super) fn apply_context_rules(text: &str, out: &mut String) -> bool {
    if !a_context_rule_applies(text) {
        return false;
    }
    rewrite(text, out);
    true
}

/// Writes `text` into `out` (cleared first) with the context rules applied wherever they
/// apply.
fn rewrite(text: &str, out: &mut String) {
    out.clear();
    let mut before = None;
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match rule_at(before, c, text[i + c.len_utf8()..].chars()) {
            Some((written, taken)) => {
                out.extend(written);
                // (The characters taken after `c`.)
                let mut last = c;
                for _ in 1..taken {
                    last = chars.next().map_or(last, |(_, c)| c);
                }
                // A mark dropped leaves its letter the neighbour of the next mark: marks
                // stacked on one letter all go at once, and normalizing again changes nothing.
                if !(written.is_none() && super::marks::is_key(c)) {
                    before = Some(last);
                }
            }
            None => {
                out.push(c);
                before = Some(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(text: &str) -> String {
        let mut out = String::new();
        if apply_context_rules(text, &mut out) {
            out
        } else {
            text.to_owned()
        }
    }

    #[test]
    fn vowel_letters_drawn_in_two_pieces_are_one() {
        assert_eq!(context("अाम"), "आम"); // mango
        assert_eq!(context("अोम"), "ओम");
        assert_eq!(context("ੳੁਹ"), "ਉਹ"); // Punjabi "he"
        assert_eq!(context("അ"), "അ");
        assert_eq!(context("ഒാണം"), "ഓണം"); // Onam
        assert_eq!(context("અાજ"), "આજ"); // Gujarati "today"
    }

    #[test]
    fn homorganic_nasals_become_anusvara() {
        assert_eq!(context("हिन्दी"), "हिंदी");
        assert_eq!(context("सम्बन्ध"), "संबंध");
        assert_eq!(context("अन्त"), "अंत");
        assert_eq!(context("ठण्डा"), "ठंडा"); // cold: retroflex ण before ड
        // A doubled nasal, or a nasal before a consonant of another class, stays.
        assert_eq!(context("अन्न"), "अन्न");
        assert_eq!(context("सम्मान"), "सम्मान");
        assert_eq!(context("अन्य"), "अन्य");
        assert_eq!(context("जन्म"), "जन्म");
    }

    #[test]
    fn joiners_after_a_virama_only_choose_a_glyph() {
        assert_eq!(context("क्\u{200D}ष"), "क्ष");
        assert_eq!(context("क्\u{200C}ष"), "क्ष");
        // Old spellings of encoded letters: Bengali khanda ta, Malayalam chillus.
        assert_eq!(context("হঠাত্\u{200D}"), "হঠাৎ");
        assert_eq!(context("അവന്\u{200D}"), "അവൻ");
        assert_eq!(context("അവർ"), "അവർ");
        // A joiner elsewhere (Persian, emoji) is not these rules' business.
        assert_eq!(context("می\u{200C}خواهم"), "می\u{200C}خواهم");
    }

    /// Every string of up to four characters from those the rules read (keys, the signs and
    /// consonants that complete them, joiners, other letters; and those of `marks.rs`): the
    /// predicate says a rule applies exactly when the rewrite changes the string.
    #[test]
    fn the_predicate_agrees_with_the_rewrite() {
        const POOL: &[char] = &[
            'अ', 'ा', 'ए', 'े', 'न', 'द', 'म', 'ब', 'य', '\u{094D}', '\u{093C}', 'ত', '\u{09CD}',
            'অ', '\u{09BE}', 'ന', '\u{0D4D}', 'ഒ', '\u{0D3E}', 'ఒ', '\u{0C55}', 'ଏ', '\u{0B57}',
            ZWJ, ZWNJ, 'A', '\u{200B}',
        ];
        let mut out = String::new();
        for pool in [POOL, super::super::marks::LETTERS_AND_MARKS] {
            for text in crate::normalize::tests::every_string(pool, 4) {
                rewrite(&text, &mut out);
                assert_eq!(a_context_rule_applies(&text), out != text, "{text:?}");
            }
        }
    }

    #[test]
    fn the_keys_and_bitmaps_are_those_of_the_lists() {
        let firsts = VOWEL_PAIRS.iter().map(|&(first, _, _)| first);
        for c in VIRAMAS.into_iter().chain(firsts) {
            assert!(BLOCKS.contains(&c) && is_rule_key(c), "{c:?}");
        }
        for c in BLOCKS {
            let first = VOWEL_PAIRS.iter().any(|&(first, _, _)| first == c);
            assert_eq!(starts_a_vowel_pair(c), first, "{c:?}");
            let base = ATOMIC_LETTERS.iter().any(|&(base, _)| base == c);
            let nasal = matches!(devanagari_class(c), Some((_, true)));
            assert_eq!(contains(&ANCHORS, c), first || base || nasal, "{c:?}");
        }
        assert!(!contains(&ANCHORS, 'a') && !contains(&ANCHORS, '\u{0D80}'));
    }
}
