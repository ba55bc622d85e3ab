//! What an apostrophe (or a colon) inside a word means, per language: in Turkish and
//! Azerbaijani, and after foreign names in Polish, Estonian, Lithuanian and Finnish, case
//! suffixes follow it (`İstanbul'da`, `Kavanaugh'a`, `Google'iga`, `Brexit'o`: the term is
//! the name); Finnish
//! and Swedish put the suffixes of abbreviations after a colon (`EU:n`, `USA:s`); in French,
//! Italian, Catalan and Irish an elided article or pronoun precedes an apostrophe
//! (`l'Italie`, `dell'Italia`: the term is the word after it). A number's suffixes after the
//! same marks (`1990'larda`, `2020:ssa`), which UAX #29 splits from the digits, are dropped by
//! the pipeline's loop. Keyed by ISO 639-3 code, so a language works as soon as
//! [`Lang`](crate::Lang) names it.

/// The apostrophes a word may hold: `'`, and `’` `ʼ` when punctuation is not folded.
const APOSTROPHES: &[char] = &['\'', '\u{2019}', '\u{02BC}'];
/// Finnish: suffixes after an apostrophe (`show'ssa`) or, for abbreviations, a colon.
const APOSTROPHES_AND_COLON: &[char] = &['\'', '\u{2019}', '\u{02BC}', ':'];
/// Swedish: the suffixes of abbreviations after a colon (`USA:s`); an apostrophe ends a
/// name's genitive (`Marx'`) and is the stemmer's.
const COLON: &[char] = &[':'];

/// What the words of a language lose at an apostrophe.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Apostrophe {
    /// Nothing: the apostrophe is part of the word (English possessives are the stemmer's).
    #[default]
    Kept,
    /// What follows the first of these characters: case and other suffixes (Turkish,
    /// Azerbaijani, as Lucene's ApostropheFilter cuts them; the names and abbreviations of
    /// Polish, Estonian, Lithuanian, Finnish, Swedish).
    SuffixAfter(&'static [char]),
    /// What precedes the first apostrophe when it is one of these elided words (French
    /// `l'`, `qu'`, Italian `dell'`...), as Lucene's ElisionFilter removes them: before the
    /// stop words, so that `qu'il` is the stop word `il`.
    Elision(&'static [&'static str]),
}

/// French: articles, pronouns and conjunctions that elide before a vowel.
const FRENCH: &[&str] = &[
    "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];
/// Italian: articles, articulated prepositions and pronouns that elide before a vowel (Lucene's
/// list, with `quell'` and `quest'`), and the function words that do (`dov'è`, `com'era`,
/// `ch'io`, `nient'altro`, and `qual'è`, an error as common as the right `qual è`): each is
/// a stop word when whole, and the Snowball stemmer, given `dov'è`, would cut the `è` as a
/// final vowel and leave the term `dov'`. Content words that elide (`sant'Antonio`,
/// `bell'uomo`, `mezz'ora`) stay one term with their apostrophe, as Lucene keeps them.
const ITALIAN: &[&str] = &[
    "c", "d", "l", "m", "n", "s", "t", "v", "un", "all", "dall", "dell", "nell", "sull", "coll",
    "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "quell", "quest", "ch", "dov", "com",
    "quand", "cos", "anch", "senz", "tutt", "nient", "nessun", "alcun", "ciascun", "qualcun",
    "quant", "tant", "qual", "fors", "sott", "oltr",
];
/// Catalan: the elided article `l'`, the preposition `d'` and the weak pronouns.
const CATALAN: &[&str] = &["d", "l", "m", "n", "s", "t"];
/// Irish: `d'` (past tense and "of"), `m'` ("my") and `b'` (the copula) before a vowel.
const IRISH: &[&str] = &["b", "d", "m"];

/// The apostrophe rule of the language with ISO 639-3 code `code`.
pub(super) fn rule(code: &str) -> Apostrophe {
    match code {
        "tur" | "aze" | "pol" | "est" | "lit" => Apostrophe::SuffixAfter(APOSTROPHES),
        "fin" => Apostrophe::SuffixAfter(APOSTROPHES_AND_COLON),
        "swe" => Apostrophe::SuffixAfter(COLON),
        "fra" => Apostrophe::Elision(FRENCH),
        "ita" => Apostrophe::Elision(ITALIAN),
        "cat" => Apostrophe::Elision(CATALAN),
        "gle" => Apostrophe::Elision(IRISH),
        _ => Apostrophe::Kept,
    }
}

impl Apostrophe {
    /// The marks after which case suffixes follow (none for the other rules).
    #[inline]
    pub(super) fn suffix_marks(self) -> &'static [char] {
        match self {
            Apostrophe::SuffixAfter(marks) => marks,
            _ => &[],
        }
    }

    /// True when `between`, the text between a number and a word, is one character that
    /// `fold` (folding as the language's words are: `’` and `＇` are `'` by default) makes one
    /// of the marks after which suffixes follow: the word is the number's case suffix (Turkish
    /// `1990'larda` "in the 1990s", Finnish `2020:ssa`), which UAX #29 splits from the digits.
    /// `fold` runs only for a language with such marks and one character between.
    #[inline]
    pub(super) fn is_number_suffix(
        self,
        between: &str,
        fold: impl FnOnce(&str) -> Option<char>,
    ) -> bool {
        let marks = self.suffix_marks();
        let mut chars = between.chars();
        !marks.is_empty()
            && chars.next().is_some()
            && chars.next().is_none()
            && fold(between).is_some_and(|mark| marks.contains(&mark))
    }

    /// What is left of the normalized (case-folded) `word` under this rule. A word that
    /// would be left empty stays whole (`'da`, `l'`).
    #[inline]
    pub(super) fn apply(self, word: &str) -> &str {
        // Most languages keep their apostrophes: they search no word for one.
        let (marks, elided) = match self {
            Apostrophe::Kept => return word,
            Apostrophe::SuffixAfter(marks) => (marks, None),
            Apostrophe::Elision(elided) => (APOSTROPHES, Some(elided)),
        };
        let Some(elided) = elided else {
            // A name's suffixes follow its last part: `o'neill'in` is `o'neill`.
            let part = name_prefix(word);
            return match word[part..].find(marks).map(|at| part + at) {
                Some(at) if at > 0 => &word[..at],
                _ => word,
            };
        };
        let Some(at) = word.find(marks).filter(|&at| at > 0) else {
            return word;
        };
        let rest = &word[at..];
        let after = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
        // (Joiners between are no part of the word, which starts with a letter: a combining
        // mark or a digit after the apostrophe is not an elision.)
        let after = after.trim_start_matches(['\u{200C}', '\u{200D}']);
        let elides = after.chars().next().is_some_and(char::is_alphabetic)
            && elided.iter().any(|e| e.eq_ignore_ascii_case(&word[..at]));
        if elides { after } else { word }
    }
}

/// The bytes of `o'`, `d'` or `l'` at the start of `word` when a name of four letters or
/// more follows (`O'Neill`, `D'Alema`, `L'Oréal`, `O'Hara`): a part of the name, not the mark
/// its suffixes follow; else 0. The case suffixes that Turkish writes after a name of one
/// letter have three letters or fewer (`D'den` "from D", `O'nun` "of O", `D'nin`). (The
/// word's case would tell them apart, `O'Neill` from `O'nun`, but a word's term is made from
/// its folded form alone, which the pipeline's memo keys.)
fn name_prefix(word: &str) -> usize {
    let mut chars = word.char_indices();
    match (chars.next(), chars.next()) {
        (Some((_, 'o' | 'd' | 'l' | 'O' | 'D' | 'L')), Some((at, mark)))
            if APOSTROPHES.contains(&mark) =>
        {
            let name = at + mark.len_utf8();
            let letters = word[name..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .take(4);
            if letters.count() == 4 { name } else { 0 }
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (language, word, what is left of it).
    fn check(cases: &[(&str, &str, &str)]) {
        for &(code, word, left) in cases {
            assert_eq!(rule(code).apply(word), left, "{code} {word:?}");
        }
    }

    #[test]
    fn suffixes_after_an_apostrophe_or_a_colon_are_cut() {
        check(&[
            ("tur", "istanbul'da", "istanbul"),
            ("aze", "bakı’da", "bakı"),
            // Foreign names in Polish, Estonian, Lithuanian and Finnish; abbreviations in
            // Finnish and Swedish.
            ("pol", "kavanaugh'a", "kavanaugh"),
            ("est", "google'iga", "google"),
            ("lit", "brexit'o", "brexit"),
            ("lit", "farage'as", "farage"),
            ("fin", "eu:n", "eu"),
            ("fin", "show'ssa", "show"),
            ("swe", "usa:s", "usa"),
            ("swe", "marx'", "marx'"),
            // An apostrophe that starts a word is not cut.
            ("tur", "'da", "'da"),
        ]);
    }

    /// Found by a tester: `O'Neill` was `o` (a stop word in Polish, Lithuanian and Turkish,
    /// so the name was lost).
    #[test]
    fn the_apostrophe_of_o_d_and_l_before_a_name_is_the_names() {
        check(&[
            ("fin", "o'neill", "o'neill"),
            ("est", "l'oréal", "l'oréal"),
            ("pol", "d'alema", "d'alema"),
            ("lit", "o'neillas", "o'neillas"),
            ("tur", "O'Neill'ın", "O'Neill"),
            ("tur", "o’hagan’a", "o’hagan"),
            ("tur", "o'hara'nın", "o'hara"),
            // A name of one letter has its suffixes after its apostrophe (a reviewer's
            // catch: `O'nun` stayed whole when three letters made a name).
            ("tur", "a'dan", "a"),
            ("tur", "d'den", "d"),
            ("tur", "O'nun", "O"),
            ("tur", "l'den", "l"),
            ("fin", "d:n", "d"),
            ("tur", "o'na", "o"),
        ]);
    }

    #[test]
    fn romance_languages_lose_their_elided_articles() {
        check(&[
            ("fra", "l'italie", "italie"),
            ("fra", "qu’il", "il"),
            ("fra", "jusqu'ici", "ici"),
            ("ita", "dell'italia", "italia"),
            ("ita", "un'amica", "amica"),
            ("ita", "dov'è", "è"),
            ("ita", "com'era", "era"),
            ("ita", "ch'io", "io"),
            ("ita", "quand'è", "è"),
            ("ita", "nient'altro", "altro"),
            ("ita", "nessun'altra", "altra"),
            ("ita", "sant'antonio", "sant'antonio"),
            ("cat", "l'home", "home"),
            ("gle", "d'éirinn", "éirinn"),
            // Only the listed words elide: a name with an apostrophe stays whole, and so
            // does an elided word with nothing after it.
            ("fra", "o'neill", "o'neill"),
            ("fra", "aujourd'hui", "aujourd'hui"),
            ("fra", "l'", "l'"),
            // Case does not matter (a normalizer without case folding); joiners are no part
            // of the word after; a mark or a digit after the apostrophe is no word.
            ("fra", "L'Italie", "Italie"),
            ("fra", "qu'\u{200C}il", "il"),
            ("fra", "l'\u{301}amie", "l'\u{301}amie"),
            ("fra", "l'2", "l'2"),
        ]);
    }

    #[test]
    fn other_languages_keep_their_apostrophes() {
        // French elision is not English: "d'you" stays.
        check(&[
            ("eng", "oman's", "oman's"),
            ("deu", "geht's", "geht's"),
            ("eng", "d'you", "d'you"),
        ]);
    }

    /// docs/languages.md names each language's apostrophe rule in its last column.
    #[test]
    fn the_language_table_names_the_rules() {
        let table = include_str!("../../docs/languages.md");
        for line in table.lines().filter(|l| l.starts_with("| `")) {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let (code, rules) = (cells[1].trim_matches('`'), cells[5]);
            let expected = match rule(code) {
                Apostrophe::Kept => None,
                Apostrophe::SuffixAfter(APOSTROPHES) => Some("cut at apostrophe"),
                Apostrophe::SuffixAfter(COLON) => Some("cut at colon"),
                Apostrophe::SuffixAfter(_) => Some("cut at apostrophe or colon"),
                Apostrophe::Elision(_) => Some("elisions cut"),
            };
            // The longest of the phrases that the cell holds.
            let phrases = [
                "cut at apostrophe or colon",
                "cut at apostrophe",
                "cut at colon",
                "elisions cut",
            ];
            let said = phrases.into_iter().find(|p| rules.contains(p));
            assert_eq!(said, expected, "{code}: {rules}");
        }
    }
}
