//! The words of a text as the model sees them, and their features.
//!
//! A word is a maximal run of letters and marks ([`chars`](super::chars)), lowercased, with
//! full-width ASCII read as ASCII (`Ｏｍａｎ` is `oman`), the marks texts write or leave out at
//! will dropped (Arabic harakat and tatweel, Hebrew points, Cyrillic stress marks), Yiddish
//! ligatures read as the two letters they stand for, web addresses with their scheme or
//! `www.`, e-mail addresses and mentions skipped; a word with a digit is skipped,
//! and a word with a combining accent is composed (NFC), as the training text was; a word of
//! more than [`LONGEST_WORD`] letters is skipped too. Each word, framed by a space on either
//! side (`" word "`), gives its character 2-, 3- and 4-grams and the whole word, each hashed
//! to 64 bits; and two words in a row give a pair ([`pair_hash`]): the evidence that two
//! common words each leave open ("il a", "dit is") is often in how they go together. The
//! training tool (`tools/langid-train`) reads text through these same functions, so that what
//! the model counted and what detection looks up are the same features.

use unicode_normalization::UnicodeNormalization;

use super::chars::{Kind, class, classes};
use crate::unicode::{full_width_ascii, is_cyrillic_stress};

/// Longest n-gram, in characters.
pub(crate) const MAX_ORDER: usize = 4;
/// Shortest n-gram, in characters (single letters say little that bigrams do not).
pub(crate) const MIN_ORDER: usize = 2;
/// Characters of a word read for n-grams (longer words: their first and last characters).
pub(crate) const MAX_WORD_CHARS: usize = 24;
/// Longer words are no evidence: no language's words run to 65 letters, while a run of one
/// letter ("aaaa…"), a hash or base64 does, and would otherwise make its n-grams' language a
/// confident answer.
pub(crate) const LONGEST_WORD: usize = 64;
/// The kinds of feature: n-grams of order `n` are kind `n - 1`, whole words [`WORD_KIND`],
/// pairs of words in a row kind 6.
#[cfg(any(test, feature = "langid-training"))]
pub(crate) const KINDS: usize = 7;
/// The kind of a whole-word feature.
#[cfg(any(test, feature = "langid-training"))]
pub(crate) const WORD_KIND: usize = 5;
/// The kind of a feature of two words in a row.
#[cfg(feature = "langid-training")]
pub(crate) const PAIR_KIND: usize = 6;
/// The most features a word has: n-grams of orders 2 to 4 of the framed word, and the word.
pub(crate) const MAX_FEATURES: usize = 3 * (MAX_WORD_CHARS + 2) + 1;

/// Murmur3's 64-bit finalizer.
#[inline]
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

const STEP: u64 = 0x9E37_79B9_7F4A_7C15;

/// Calls `word` with each word of `text` (lowercased characters, see the module
/// documentation) until it returns false. `buf` is reused, so that no word allocates.
#[inline]
pub(crate) fn words_while(text: &str, buf: &mut Vec<char>, mut word: impl FnMut(&[char]) -> bool) {
    buf.clear();
    let table = classes();
    let mut digit = false;
    let mut compose = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        // Full-width ASCII (`Ｔｈｅ`, typed in East Asian input modes) is read as the ASCII it
        // stands for, as the normalizer folds it for terms.
        let c = full_width_ascii(c).unwrap_or(c);
        // Past LONGEST_WORD letters a word is skipped: its letters need not be kept (a text of
        // one endless "word" would otherwise grow the buffer to its size).
        let room = buf.len() <= LONGEST_WORD;
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                if room {
                    buf.push(c.to_ascii_lowercase());
                }
                continue;
            }
            if c.is_ascii_digit() {
                digit = true;
                continue;
            }
            if matches!(c, ':' | '@' | '.')
                && let Some(end) = address_from(c, buf, chars.as_str())
            {
                // No language's words: skip the address to its end, with the word read so far
                // (its scheme, `www`, or an e-mail's user).
                chars = chars.as_str()[end..].chars();
                buf.clear();
                digit = false;
                compose = false;
                continue;
            }
        } else {
            let class = match table.get(c as usize) {
                Some(&bits) => super::chars::CharClass(bits),
                None => class(c),
            };
            match class.kind() {
                Kind::Letter => {
                    if room {
                        match yiddish_ligature(c) {
                            Some(letters) => buf.extend_from_slice(letters),
                            None => buf.push(c),
                        }
                    }
                    continue;
                }
                Kind::Cased => {
                    if room {
                        buf.extend(c.to_lowercase());
                    }
                    continue;
                }
                Kind::Digit => {
                    digit = true;
                    continue;
                }
                Kind::Optional => continue,
                Kind::Combining => {
                    if room {
                        buf.push(c);
                    }
                    compose = true;
                    continue;
                }
                Kind::Separator => {}
            }
        }
        if is_word(buf, digit) && !emit(buf, compose, &mut word) {
            return;
        }
        buf.clear();
        digit = false;
        compose = false;
    }
    if is_word(buf, digit) {
        emit(buf, compose, &mut word);
    }
}

/// Where in `rest` an address ends, when `c`, read after the letters `buf`, shows the text to
/// be a web address with its scheme or `www.`, an e-mail address or a mention (`https://`,
/// `www.`, `name@host.org`, `@user`): the words of addresses (`https`, `www`, `com`,
/// `example`) are no language's, and counted they made `https://www.example.com/path`
/// English at 0.998 and `www.google.com` Portuguese. (A bare domain, `bbc.co.uk`, is read as
/// words; an at sign inside a word with no dot after it, Spanish `tod@s`, is not an
/// address.)
#[inline]
fn address_from(c: char, buf: &[char], rest: &str) -> Option<usize> {
    let starts = match c {
        ':' => !buf.is_empty() && rest.starts_with("//"),
        '@' => rest.chars().next().is_some_and(char::is_alphanumeric),
        _ => buf == ['w', 'w', 'w'],
    };
    if !starts {
        return None;
    }
    let end = address_end(rest);
    (c != '@' || buf.is_empty() || rest[..end].contains('.')).then_some(end)
}

/// Where the address that `rest` continues ends: at white space, or at a mark that closes
/// or separates it in running text (a quote, an angle bracket, a comma or semicolon).
#[inline]
fn address_end(rest: &str) -> usize {
    rest.find(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '<' | '>' | ',' | ';' | '«' | '»' | '“' | '”')
    })
    .unwrap_or(rest.len())
}

/// The two letters a Yiddish ligature stands for (`װ` is `וו`, `ױ` `וי`, `ײ` and `ײַ` `יי`):
/// Yiddish text writes either, and the model should know its words in both.
#[inline]
fn yiddish_ligature(c: char) -> Option<&'static [char]> {
    match c {
        '\u{05F0}' => Some(&['\u{05D5}', '\u{05D5}']),
        '\u{05F1}' => Some(&['\u{05D5}', '\u{05D9}']),
        '\u{05F2}' | '\u{FB1F}' => Some(&['\u{05D9}', '\u{05D9}']),
        _ => None,
    }
}

/// Whether the letters read are a word to pass on: some, without a digit among them, and
/// no more than [`LONGEST_WORD`].
#[inline]
fn is_word(buf: &[char], digit: bool) -> bool {
    !buf.is_empty() && !digit && buf.len() <= LONGEST_WORD
}

/// Passes a word on, composed first when it has a combining mark.
#[inline]
fn emit(buf: &mut Vec<char>, compose: bool, word: &mut impl FnMut(&[char]) -> bool) -> bool {
    if compose {
        compose_word(buf);
    }
    word(buf)
}

/// NFC of a word's characters, in place (rare: text with decomposed accents), for a word of
/// at most [`LONGEST_WORD`] characters (what `words_while` passes on). Composition never
/// lengthens a word. The stress marks of Cyrillic text (an acute or a grave that no letter
/// composes with: `что́`, the way dictionaries and books for learners write Russian,
/// Ukrainian, Belarusian and Bulgarian) are dropped, as the training text never writes them:
/// kept, they made words the model never saw.
#[cold]
fn compose_word(buf: &mut Vec<char>) {
    let mut word = [' '; LONGEST_WORD];
    word[..buf.len()].copy_from_slice(buf);
    let word = &word[..buf.len()];
    buf.clear();
    for c in word.iter().copied().nfc() {
        if !buf.last().is_some_and(|&l| is_cyrillic_stress(l, c)) {
            buf.push(c);
        }
    }
}

/// Calls `word` with each word of `text`.
#[cfg(any(test, feature = "langid-training"))]
pub(crate) fn for_each_word(text: &str, buf: &mut Vec<char>, mut word: impl FnMut(&[char])) {
    words_while(text, buf, |w| {
        word(w);
        true
    });
}

/// The hash of a whole word.
#[inline]
pub(crate) fn word_hash(word: &[char]) -> u64 {
    let mut h = 0x5555_5555_5555_5555u64;
    for &c in word {
        h = (h ^ c as u64).wrapping_mul(STEP).rotate_left(23);
    }
    mix(h ^ 0xABCD)
}

/// The hash of two words in a row, from their [`word_hash`]es.
#[inline]
pub(crate) fn pair_hash(first: u64, second: u64) -> u64 {
    mix(first.rotate_left(29) ^ second ^ 0x5041_4952)
}

/// Calls `feature(kind, hash)` for every n-gram of a word.
#[inline]
pub(crate) fn ngram_features(word: &[char], mut feature: impl FnMut(usize, u64)) {
    // The framed word: a space, up to MAX_WORD_CHARS characters, a space. Longer words keep
    // their first and last characters, where prefixes and inflections are.
    let mut framed = [' '; MAX_WORD_CHARS + 2];
    let len = if word.len() <= MAX_WORD_CHARS {
        framed[1..=word.len()].copy_from_slice(word);
        word.len() + 2
    } else {
        let head = MAX_WORD_CHARS / 2;
        framed[1..=head].copy_from_slice(&word[..head]);
        framed[head + 1..=MAX_WORD_CHARS].copy_from_slice(&word[word.len() - head..]);
        MAX_WORD_CHARS + 2
    };
    let framed = &framed[..len];
    for start in 0..len {
        let mut h = 0u64;
        for (n, &c) in framed[start..].iter().take(MAX_ORDER).enumerate() {
            h = (h ^ c as u64).wrapping_mul(STEP).rotate_left(23);
            if n + 1 >= MIN_ORDER {
                feature(n, mix(h ^ (n as u64 + 1)));
            }
        }
    }
}

/// Calls `feature(kind, hash)` for every feature of a word: its n-grams, then the word.
#[cfg(any(test, feature = "langid-training"))]
pub(crate) fn word_features(word: &[char], mut feature: impl FnMut(usize, u64)) {
    ngram_features(word, &mut feature);
    feature(WORD_KIND, word_hash(word));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, &mut Vec::new(), |w| out.push(w.iter().collect()));
        out
    }

    #[test]
    fn words_are_lowercase_letters_without_digits() {
        assert_eq!(
            words("L'État a dit: «COVID-19» 2024, Dagestan’s"),
            ["l", "état", "a", "dit", "covid", "dagestan", "s"]
        );
        assert_eq!(words("عُمان عمان"), ["عمان", "عمان"]);
        assert_eq!(words("भारत की"), ["भारत", "की"]);
        assert_eq!(words("می‌شود"), ["می\u{200c}شود"]);
        assert_eq!(words("İstanbul"), ["i\u{307}stanbul"]);
        assert_eq!(words("བོད་ཡིག"), ["བོད", "ཡིག"]);
    }

    #[test]
    fn decomposed_accents_are_composed() {
        // Yoruba with its tone marks as combining characters, and precomposed.
        assert_eq!(words("Ọba ti de"), words("O\u{323}ba ti de"));
        assert_eq!(words("e\u{301}"), ["é"]);
        // Stress marks of Russian are no part of its words; й and ё compose.
        assert_eq!(words("Что\u{301} э\u{301}то"), ["что", "это"]);
        assert_eq!(words("и\u{306} е\u{308}"), ["й", "ё"]);
        // A grave or acute after a Latin letter that none composes with stays (Yoruba ẹ́).
        assert_eq!(words("e\u{323}\u{301}"), ["ẹ\u{301}"]);
    }

    #[test]
    fn addresses_are_no_words() {
        assert_eq!(
            words(
                "See https://www.example.com/path?q=1 or www.google.com, write to news@bbc.co.uk or @user: it is 10:30."
            ),
            ["see", "or", "write", "to", "or", "it", "is"]
        );
        // A colon, a full stop or an at sign elsewhere is punctuation; an address ends at a
        // comma; a bare domain is words.
        assert_eq!(
            words("Note: com@ tod@s end."),
            ["note", "com", "tod", "s", "end"]
        );
        assert_eq!(
            words("me@x.org,merci bbc.co.uk"),
            ["merci", "bbc", "co", "uk"]
        );
    }

    #[test]
    fn yiddish_is_read_alike_with_its_ligatures_or_without() {
        // "Yiddish", "to live", "new": ligatures, and the letters they stand for.
        assert_eq!(words("ייִדיש װױנען ניי"), words("יידיש וווינען ניי"));
        assert_eq!(words("ײַ ײ"), ["יי", "יי"]);
    }

    #[test]
    fn features_of_a_word() {
        let mut n = [0usize; KINDS];
        word_features(&['a', 'b', 'c'], |k, _| n[k] += 1);
        // " abc ": 4 bigrams, 3 trigrams, 2 fourgrams, the word (pairs are of two words).
        assert_eq!(n, [0, 4, 3, 2, 0, 1, 0]);
        let long: Vec<char> = "a".repeat(100).chars().collect();
        let mut count = 0;
        word_features(&long, |_, _| count += 1);
        assert!(count <= MAX_FEATURES);
    }
}
