//! What an apostrophe (or a colon) inside a word means, per language: in Turkish and
//! Azerbaijani, and after foreign names in Polish, Estonian and Finnish, case suffixes
//! follow it (`İstanbul'da`, `Kavanaugh'a`, `Google'iga`: the term is the name); Finnish
//! and Swedish put the suffixes of abbreviations after a colon (`EU:n`, `USA:s`); in French,
//! Italian, Catalan and Irish an elided article or pronoun precedes an apostrophe
//! (`l'Italie`, `dell'Italia`: the term is the word after it). Keyed by ISO 639-3 code, so a
//! language works as soon as [`Lang`](crate::Lang) names it.

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
    /// Polish, Estonian, Finnish, Swedish).
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
/// Italian: articles, articulated prepositions and pronouns that elide before a vowel.
const ITALIAN: &[&str] = &[
    "c", "d", "l", "m", "s", "t", "v", "un", "all", "dall", "dell", "nell", "sull", "coll", "pell",
    "gl", "agl", "dagl", "degl", "negl", "sugl", "quell", "quest",
];
/// Catalan: the elided article `l'`, the preposition `d'` and the weak pronouns.
const CATALAN: &[&str] = &["d", "l", "m", "n", "s", "t"];
/// Irish: `d'` (past tense and "of"), `m'` ("my") and `b'` (the copula) before a vowel.
const IRISH: &[&str] = &["b", "d", "m"];

/// The apostrophe rule of the language with ISO 639-3 code `code`.
pub(super) fn rule(code: &str) -> Apostrophe {
    match code {
        "tur" | "aze" | "pol" | "est" => Apostrophe::SuffixAfter(APOSTROPHES),
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
    /// What is left of the normalized (case-folded) `word` under this rule. A word that
    /// would be left empty stays whole (`'da`, `l'`).
    #[inline]
    pub(super) fn apply(self, word: &str) -> &str {
        if self == Apostrophe::Kept {
            // Most languages: no search for an apostrophe in every new word.
            return word;
        }
        let marks = match self {
            Apostrophe::SuffixAfter(marks) => marks,
            _ => APOSTROPHES,
        };
        let Some(at) = word.find(marks).filter(|&at| at > 0) else {
            return word;
        };
        match self {
            Apostrophe::Kept => word,
            Apostrophe::SuffixAfter(_) => &word[..at],
            Apostrophe::Elision(elided) => {
                let rest = &word[at..];
                let after = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
                // (Joiners between are no part of the word, which starts with a letter: a
                // combining mark or a digit after the apostrophe is not an elision.)
                let after = after.trim_start_matches(['\u{200C}', '\u{200D}']);
                let elides = after.chars().next().is_some_and(char::is_alphabetic)
                    && elided.iter().any(|e| e.eq_ignore_ascii_case(&word[..at]));
                if elides { after } else { word }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_keeps_the_name_before_the_apostrophe() {
        assert_eq!(rule("tur").apply("istanbul'da"), "istanbul");
        assert_eq!(rule("aze").apply("bakı’da"), "bakı");
        // Foreign names in Polish, Estonian and Finnish; abbreviations in Finnish and Swedish.
        assert_eq!(rule("pol").apply("kavanaugh'a"), "kavanaugh");
        assert_eq!(rule("est").apply("google'iga"), "google");
        assert_eq!(rule("fin").apply("eu:n"), "eu");
        assert_eq!(rule("fin").apply("show'ssa"), "show");
        assert_eq!(rule("swe").apply("usa:s"), "usa");
        assert_eq!(rule("swe").apply("marx'"), "marx'");
        // An apostrophe that starts a word is not cut.
        assert_eq!(rule("tur").apply("'da"), "'da");
    }

    #[test]
    fn romance_languages_lose_their_elided_articles() {
        assert_eq!(rule("fra").apply("l'italie"), "italie");
        assert_eq!(rule("fra").apply("qu’il"), "il");
        assert_eq!(rule("fra").apply("jusqu'ici"), "ici");
        assert_eq!(rule("ita").apply("dell'italia"), "italia");
        assert_eq!(rule("ita").apply("un'amica"), "amica");
        assert_eq!(rule("cat").apply("l'home"), "home");
        assert_eq!(rule("gle").apply("d'éirinn"), "éirinn");
        // Only the listed words elide: a name with an apostrophe stays whole, and so does
        // an elided word with nothing after it.
        assert_eq!(rule("fra").apply("o'neill"), "o'neill");
        assert_eq!(rule("fra").apply("aujourd'hui"), "aujourd'hui");
        assert_eq!(rule("fra").apply("l'"), "l'");
        // Case does not matter (a normalizer without case folding); joiners are no part of
        // the word after; a mark or a digit after the apostrophe is no word.
        assert_eq!(rule("fra").apply("L'Italie"), "Italie");
        assert_eq!(rule("fra").apply("qu'\u{200C}il"), "il");
        assert_eq!(rule("fra").apply("l'\u{301}amie"), "l'\u{301}amie");
        assert_eq!(rule("fra").apply("l'2"), "l'2");
    }

    #[test]
    fn other_languages_keep_their_apostrophes() {
        assert_eq!(rule("eng").apply("oman's"), "oman's");
        assert_eq!(rule("deu").apply("geht's"), "geht's");
        // French elision is not English: "d'you" stays.
        assert_eq!(rule("eng").apply("d'you"), "d'you");
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
