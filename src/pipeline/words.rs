//! What becomes of each word of a language after normalization: cut at an apostrophe where
//! the language puts suffixes after one (Turkish, Azerbaijani) or elides a word before one
//! (French, Italian, Catalan, Irish: `apostrophes.rs`), dropped as a stop word, or
//! stemmed, and then any filters of the user's. The pipeline memoizes the outcome per thread
//! and distinct word (`term_cache.rs`), so all of this costs once per word, not per token.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock};

use super::apostrophes::{self, Apostrophe};
use super::term_cache::Term;
use crate::Lang;
use crate::normalize::Normalizer;
use crate::stem::{Stem, Stemmer, StopWords};

/// A rule of your own for the terms of words: [`PipelineBuilder::filter`] runs it on each
/// word's term after the stop words and the stemmer.
///
/// It is called about once per distinct word of each thread's documents, in the language of
/// the word's span (the pipeline memoizes the outcome, but for words longer than 64 bytes and
/// past the memo's size), so it must give the same answer for the same word and language
/// every time.
///
/// [`PipelineBuilder::filter`]: super::PipelineBuilder::filter
pub trait TermFilter: Send + Sync {
    /// What `term`, the (normalized, stemmed) term of a word in `lang`, becomes: `None` drops
    /// the word, `Some` is its term. A term must not be empty: an empty one drops the word.
    fn filter<'a>(&self, lang: Lang, term: Cow<'a, str>) -> Option<Cow<'a, str>>;
}

/// The options that decide what becomes of words.
#[derive(Clone)]
pub(super) struct WordRules {
    pub(super) stemming: bool,
    pub(super) remove_stopwords: bool,
    /// Stop lists that replace the built-in ones, per language.
    pub(super) stop_words: Vec<(Lang, Arc<StopWords>)>,
    /// Stemmers that replace the built-in ones, per language.
    pub(super) stemmers: Vec<(Lang, Arc<dyn Stem>)>,
    pub(super) filters: Vec<Arc<dyn TermFilter>>,
}

impl Default for WordRules {
    fn default() -> Self {
        WordRules {
            stemming: true,
            remove_stopwords: true,
            stop_words: Vec::new(),
            stemmers: Vec::new(),
            filters: Vec::new(),
        }
    }
}

impl fmt::Debug for WordRules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let langs = |list: Vec<Lang>| list.into_iter().map(Lang::code).collect::<Vec<_>>();
        f.debug_struct("WordRules")
            .field("stemming", &self.stemming)
            .field("remove_stopwords", &self.remove_stopwords)
            .field(
                "stop_words",
                &langs(self.stop_words.iter().map(|e| e.0).collect()),
            )
            .field(
                "stemmers",
                &langs(self.stemmers.iter().map(|e| e.0).collect()),
            )
            .field("filters", &self.filters.len())
            .finish()
    }
}

/// What applies to the words of one language: made once per pipeline and language.
#[derive(Default)]
pub(super) struct LangTools {
    stemmer: Option<Arc<dyn Stem>>,
    stopwords: Option<Arc<StopWords>>,
    /// What the language's words lose at an apostrophe.
    apostrophe: Apostrophe,
    /// Irish: `n` and `t` before a capital vowel are mutations, not letters of the word.
    capital_mutations: bool,
    /// Whether a word is also looked up in the stop list without its diacritics (the
    /// user's list, with a normalizer that strips them).
    stop_words_stripped: bool,
}

impl LangTools {
    /// True when a word after a number and `between` is the number's case suffix, which the
    /// language's apostrophe rule drops (see [`Apostrophe::is_number_suffix`]).
    #[inline]
    pub(super) fn is_number_suffix(
        &self,
        between: &str,
        fold: impl FnOnce(&str) -> Option<char>,
    ) -> bool {
        self.apostrophe.is_number_suffix(between, fold)
    }

    /// True when the language's words may begin with a mutation that only their case shows
    /// ([`without_capital_mutation`](Self::without_capital_mutation)).
    #[inline]
    pub(super) fn has_capital_mutations(&self) -> bool {
        self.capital_mutations
    }

    /// `folded`, the folded form of the word `raw`, without the letter of an initial
    /// mutation that only its case shows: Irish writes the `n` of eclipsis and the `t` and
    /// `h` of prothesis before a capital vowel without a hyphen (`ár nAthair` "our father",
    /// `an tUachtarán` "the president", `na hÉireann` "of Ireland"), and folded, `nathair`
    /// would be "snake". Lucene's IrishLowerCaseFilter reads `n` and `t` the same way (and
    /// leaves `héireann`).
    #[inline]
    pub(super) fn without_capital_mutation<'a>(&self, raw: &str, folded: &'a str) -> &'a str {
        // Full-width letters read as the ASCII ones they stand for (`ｎＡｔｈａｉｒ`), where
        // the normalizer folds them to those: the folded word then starts with the ASCII
        // `n` or `t` and a vowel (with width folding off, `ｎＡｔｈａｉｒ` stays whole).
        let mut chars = raw
            .chars()
            .map(|c| crate::unicode::full_width_ascii(c).unwrap_or(c));
        let mutation = matches!(chars.next(), Some('n' | 't' | 'h'))
            && chars.next().is_some_and(|c| {
                matches!(c, 'A' | 'E' | 'I' | 'O' | 'U' | 'Á' | 'É' | 'Í' | 'Ó' | 'Ú')
            });
        match folded.strip_prefix(['n', 't', 'h']) {
            Some(rest) if mutation && rest.starts_with(IRISH_VOWELS) => rest,
            _ => folded,
        }
    }
}

/// The vowels of Irish, either case (a normalizer may not fold case).
const IRISH_VOWELS: [char; 20] = [
    'a', 'e', 'i', 'o', 'u', 'á', 'é', 'í', 'ó', 'ú', 'A', 'E', 'I', 'O', 'U', 'Á', 'É', 'Í', 'Ó',
    'Ú',
];

impl fmt::Debug for LangTools {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LangTools")
            .field("stemmer", &self.stemmer.is_some())
            .field("stopwords", &self.stopwords.as_ref().map(|s| s.len()))
            .field("apostrophe", &self.apostrophe)
            .finish()
    }
}

/// The built-in stop list of `lang`, folded by `normalizer`. Those of the default normalizer
/// (what nearly every pipeline has) are made once for the process and shared: a pipeline
/// built per request or per batch would otherwise fold and hash each of its languages' lists
/// again (1.4 % of a new pipeline's time on 1 KiB documents in 15 Latin-script languages).
/// Other normalizers fold their own, per pipeline: their number is not bounded.
fn built_in_stop_words(lang: Lang, normalizer: &Normalizer) -> Option<Arc<StopWords>> {
    static DEFAULT: [OnceLock<Option<Arc<StopWords>>>; Lang::COUNT] =
        [const { OnceLock::new() }; Lang::COUNT];
    if *normalizer == Normalizer::default() {
        DEFAULT[lang.index()]
            .get_or_init(|| StopWords::for_lang(lang, normalizer).map(Arc::new))
            .clone()
    } else {
        StopWords::for_lang(lang, normalizer).map(Arc::new)
    }
}

impl WordRules {
    /// The stop list and stemmer of `lang`: the user's, else the built-in ones.
    pub(super) fn tools(&self, lang: Lang, normalizer: &Normalizer) -> LangTools {
        let users_list = self
            .stop_words
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, list)| list);
        let stopwords = self.remove_stopwords.then(|| match users_list {
            Some(list) => Some(Arc::clone(list)),
            None => built_in_stop_words(lang, normalizer),
        });
        let stemmer = self
            .stemming
            .then(|| match self.stemmers.iter().find(|(l, _)| *l == lang) {
                Some((_, stemmer)) => Some(Arc::clone(stemmer)),
                None => Stemmer::for_lang(lang).map(|s| Arc::new(s) as Arc<dyn Stem>),
            });
        // The user's list holds terms, which lose their diacritics when the normalizer
        // strips them: a word is looked up without them too. The built-in lists hold words
        // as written, and a word whose accents tell it apart from a stop word (Vietnamese
        // `cửa` "door" and `của` "of", Spanish `té` "tea" and `te`) stays a term.
        LangTools {
            stemmer: stemmer.flatten(),
            stopwords: stopwords.flatten(),
            stop_words_stripped: normalizer.strips_diacritics() && users_list.is_some(),
            apostrophe: apostrophes::rule(lang.code()),
            capital_mutations: lang.code() == "gle",
        }
    }

    /// True when words in a language with these tools go through [`term_of`](Self::term_of)
    /// (else their term is the normalized word).
    pub(super) fn memoizes(&self, tools: &LangTools, normalizer: &Normalizer) -> bool {
        tools.stemmer.is_some()
            || tools.stopwords.is_some()
            || tools.apostrophe != Apostrophe::Kept
            || normalizer.strips_diacritics()
            || !self.filters.is_empty()
    }

    /// What a normalized word of `lang` becomes: cut at an apostrophe, dropped as a stop
    /// word, or stemmed, stripped of its diacritics and filtered.
    pub(super) fn term_of(
        &self,
        tools: &LangTools,
        normalizer: &Normalizer,
        lang: Lang,
        whole: &str,
    ) -> Term {
        let word = tools.apostrophe.apply(whole);
        let read_form = read_form(word, lang, normalizer);
        let read = read_form.as_deref().unwrap_or(word);
        // A word in capitals where case is kept is an acronym (`IT`, `WHO`), no stop word.
        let acronym = read_form.is_some() && is_acronym(word);
        if let Some(stop) = &tools.stopwords
            && !acronym
            && (stop.contains(read)
                || tools.stop_words_stripped
                    && stop.contains(&normalizer.strip_diacritics_of(read)))
        {
            return Term::Stop;
        }
        let stemmed = match &tools.stemmer {
            // (A stemmer of the user's might empty a word: the word stays.)
            Some(stemmer) => Some(stemmer.stem(read)).filter(|s| !s.is_empty()),
            None => None,
        };
        let stemmed = match (&read_form, stemmed) {
            (Some(read), Some(stem)) => as_written(word, read, &stem),
            (None, Some(stem)) => stem,
            (_, None) => Cow::Borrowed(word),
        };
        // Terms are in the normalizer's form, what the stemmer made of a word too.
        let formed = match normalizer.in_form(&stemmed, whole) {
            Cow::Borrowed(same) if same.len() == stemmed.len() => None,
            other => Some(other.into_owned()),
        };
        let stemmed = formed.map_or(stemmed, Cow::Owned);
        let mut term = match normalizer.strip_diacritics_of(&stemmed) {
            Cow::Borrowed(_) => stemmed,
            Cow::Owned(stripped) => Cow::Owned(stripped),
        };
        for filter in &self.filters {
            match filter.filter(lang, term) {
                Some(kept) if !kept.is_empty() => term = kept,
                _ => return Term::Stop,
            }
        }
        if *term == *whole {
            Term::Same
        } else {
            Term::Other(term.into_owned())
        }
    }
}

/// The apostrophes that punctuation folding makes `'`, the one stop lists and stemmers know.
const TYPOGRAPHIC_APOSTROPHES: [char; 2] = ['\u{2019}', '\u{02BC}'];

/// How stop lists and stemmers must read `word` when the normalizer left it otherwise than
/// they know words: in lowercase (`lang`'s: Turkish `I` is `ı`) where case is not folded, and
/// with `'` for a typographic apostrophe where punctuation is not; `None` when it is as they
/// know it. (Snowball's algorithms take capitals for marks of their own: French drops an
/// `H`, German lowercases a `Y`; English knows the possessive `'s`, not `’s`.)
fn read_form(word: &str, lang: Lang, normalizer: &Normalizer) -> Option<String> {
    let capitals = !normalizer.folds_case() && word.chars().any(char::is_uppercase);
    // (Looked for only when they can be there: a look at every new word cost 6 % of this
    // function on the NTREX news.)
    let apostrophes = !normalizer.folds_punctuation() && word.contains(TYPOGRAPHIC_APOSTROPHES);
    if !(capitals || apostrophes) {
        return None;
    }
    let turkic = matches!(lang, Lang::TUR | Lang::AZE);
    let mut read = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{02BC}' if apostrophes => read.push('\''),
            'I' if capitals && turkic => read.push('ı'),
            'İ' if capitals && turkic => read.push('i'),
            c if capitals => read.extend(c.to_lowercase()),
            c => read.push(c),
        }
    }
    Some(read)
}

/// Whether `word` is written in capitals, two or more (`IT`, `WHO`; not `I`, `The`).
fn is_acronym(word: &str) -> bool {
    let mut capitals = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        capitals += usize::from(c.is_uppercase());
    }
    capitals >= 2
}

/// The stem `stem` of `read` ([`read_form`]'s form of `word`) as `word` is written: `word`'s
/// own characters as far as the stem keeps `read`'s, then the stem's (`Talks` → `Talk`,
/// `Häuser` → `Haus`, `Cities` → `Citi`, `rock’n’roll` → `rock’n’rol`), so that a word keeps
/// its capitals and apostrophes, as the user asked by not folding them. The stem as it is
/// when lowercasing changed the count of characters (`İ`), whose places no longer match.
fn as_written<'w>(word: &'w str, read: &str, stem: &str) -> Cow<'w, str> {
    if word.chars().count() != read.chars().count() {
        return Cow::Owned(stem.to_owned());
    }
    let kept = read
        .chars()
        .zip(stem.chars())
        .take_while(|(r, s)| r == s)
        .count();
    let split = word.char_indices().nth(kept).map_or(word.len(), |(i, _)| i);
    let rest = stem
        .char_indices()
        .nth(kept)
        .map_or("", |(i, _)| &stem[i..]);
    if rest.is_empty() {
        Cow::Borrowed(&word[..split])
    } else {
        Cow::Owned(format!("{}{rest}", &word[..split]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;

    fn terms(code: &str, text: &str) -> Vec<String> {
        let lang: Lang = code.parse().unwrap();
        let doc = Pipeline::builder()
            .languages([lang])
            .fallback_language(lang)
            .build()
            .analyze(text);
        doc.tokens
            .iter()
            .map(|t| doc.term_of(t).to_owned())
            .collect()
    }

    /// Each token's text and term, `text` analysed as `code` with `normalizer`.
    fn token_terms(normalizer: Normalizer, code: &str, text: &str) -> Vec<(String, String)> {
        let doc = Pipeline::builder()
            .normalizer(normalizer)
            .build()
            .analyze_as(text, code.parse().unwrap());
        doc.tokens
            .iter()
            .map(|t| (text[t.span.range()].to_owned(), doc.term_of(t).to_owned()))
            .collect()
    }

    fn terms_only(pairs: Vec<(String, String)>) -> Vec<String> {
        pairs.into_iter().map(|(_, term)| term).collect()
    }

    /// Without case folding, words are stemmed as their lowercase is and keep their
    /// capitals: lowercased, a term is the term of the folding pipeline (never Snowball's
    /// reading of capitals as its own marks: `Hier` → `ï`, `BAYERN` → `BAyERN`). Stop words
    /// are stop words in lowercase or title case, not in capitals (`IT`, `WHO`).
    #[test]
    fn without_case_folding_words_keep_their_capitals_and_their_stems() {
        let cased = || Normalizer::new().case_fold(false);
        for (code, text) in [
            ("fra", "Hier, Le Havre, HUIT, Hôtel hôtels Élysée"),
            ("deu", "BAYERN Bayern Häuser Bücher Länder Männer"),
            ("eng", "The Talks talks City Cities Party Dying dying"),
            ("tur", "Istanbul'da İzmir IŞIK"),
        ] {
            let pairs = token_terms(cased(), code, text);
            let folded = terms_only(token_terms(Normalizer::new(), code, text));
            // (Turkish lowercase: `I` is `ı`, `İ` is `i`.)
            let lower = |t: &String| -> String {
                match code {
                    "tur" => t.replace('I', "ı").replace('İ', "i").to_lowercase(),
                    _ => t.to_lowercase(),
                }
            };
            let lowered: Vec<String> = pairs.iter().map(|(_, term)| lower(term)).collect();
            assert_eq!(lowered, folded, "{code}: {pairs:?}");
            // Each term starts as its word is written.
            for (word, term) in &pairs {
                assert_eq!(word.chars().next(), term.chars().next(), "{word} → {term}");
            }
        }
        let cased = terms_only(token_terms(cased(), "eng", "City Cities IT WHO The"));
        assert_eq!(cased, ["Citi", "Citi", "IT", "WHO"]);
    }

    /// Without punctuation folding, a typographic apostrophe reads as `'` to stop lists and
    /// stemmers (English's possessive is the stemmer's), and stays in what is kept.
    #[test]
    fn without_punctuation_folding_apostrophes_are_read_as_apostrophes() {
        let raw = |code: &str, text: &str| {
            terms_only(token_terms(
                Normalizer::new().fold_punctuation(false),
                code,
                text,
            ))
        };
        assert_eq!(raw("eng", "Oman’s Oman's"), ["oman", "oman"]);
        assert_eq!(raw("eng", "don’t rock’n’roll"), ["rock’n’rol"]);
        assert_eq!(raw("fra", "l’homme l'homme"), ["homm", "homm"]);
    }

    /// The suffixes Turkish writes after an apostrophe are not part of the term: a name has
    /// one term whatever its case ("in Istanbul", "to Istanbul", "Istanbul's").
    #[test]
    fn turkish_names_lose_the_suffixes_after_their_apostrophe() {
        assert_eq!(
            terms("tur", "İstanbul'da İstanbul'a İstanbul’un İstanbul"),
            ["istanbul"; 4]
        );
        assert_eq!(terms("tur", "NFL'de"), ["nfl"]);
        // The name is then stemmed as any word: "of England" and "England", one term.
        let england = terms("tur", "İngiltere'nin İngiltere");
        assert_eq!(england.len(), 2);
        assert_eq!(england[0], england[1]);
        // A suffix of a stop word does not keep it: bu'nun ("of this") is "bu", a stop word.
        assert!(terms("tur", "bu'nun").is_empty());
        assert_eq!(terms("aze", "Bakı'da"), terms("aze", "Bakı"));
    }

    /// Irish writes the mutation letters `n` and `t` before a capital vowel without a hyphen:
    /// "our Father" is the word "father" (`athair`), not "snake" (`nathair`), "the
    /// President" the word "president", as with a hyphen before a small vowel.
    #[test]
    fn irish_mutations_before_a_capital_are_not_part_of_the_word() {
        let father = terms("gle", "athair");
        assert_eq!(terms("gle", "ár nAthair"), father);
        assert_eq!(terms("gle", "ár n-athair"), father);
        assert_ne!(terms("gle", "nathair"), father, "snake");
        let president = terms("gle", "Uachtarán");
        assert_eq!(terms("gle", "an tUachtarán"), president);
        assert_eq!(terms("gle", "an t-uachtarán"), president);
        // Only Irish, and only before a capital vowel.
        assert_eq!(terms("eng", "tOld"), ["told"]);
        assert_eq!(terms("gle", "Nua"), terms("gle", "nua"));
    }

    /// A number's case suffix after an apostrophe (or, in Finnish and Swedish, a colon) is
    /// no term either: UAX #29 splits it from the digits ("in the 1990s", "in 2020", "the
    /// 5th"), where it would be a term of its own (`lar`). Elsewhere a word after a number
    /// and an apostrophe stays.
    #[test]
    fn the_suffixes_of_numbers_are_not_terms() {
        assert_eq!(
            terms("tur", "1990'larda 2020’de 5'i"),
            ["1990", "2020", "5"]
        );
        assert_eq!(terms("fin", "2020:ssa"), ["2020"]);
        assert_eq!(terms("swe", "2020:s"), ["2020"]);
        assert_eq!(terms("tur", "1990＇larda 1990‘larda"), ["1990", "1990"]);
        // Not after a space, nor after two marks.
        assert_eq!(terms("tur", "1990 'larda").len(), 2);
        assert_eq!(terms("tur", "1990'' larda").len(), 2);
        assert_eq!(terms("ita", "1990'anni").len(), 2);
    }

    /// Other languages keep their apostrophes: English possessives are the stemmer's, and
    /// an apostrophe that starts a word is not cut.
    #[test]
    fn other_languages_keep_their_apostrophes() {
        assert_eq!(terms("eng", "Oman's"), ["oman"]);
        let rock = terms("eng", "rock'n'roll");
        assert!(
            rock.len() == 1 && rock[0].starts_with("rock'n'"),
            "{rock:?}"
        );
    }

    /// Korean dates and counts: the number and its counter are terms, the particle after them
    /// is not, so that "March" (`3월`) is found in "in March" (`3월에`) and not in "on the 3rd"
    /// (`3일에`).
    #[test]
    fn korean_numbers_keep_their_counters() {
        assert_eq!(terms("kor", "3월"), ["3", "월"]);
        assert_eq!(terms("kor", "3월에"), ["3", "월"]);
        assert_eq!(terms("kor", "3일에"), ["3", "일"]);
        assert_eq!(
            terms("kor", "2024년 LG전자는"),
            ["2024", "년", "lg", "전자", "자는"]
        );
    }

    /// French, Italian and Catalan elided articles and pronouns are not part of the term (as
    /// Lucene's analyzers of those languages remove them), and go before the stop words: "of
    /// Italy" is "Italy", and "qu'il" ("that he") is the stop word "il".
    #[test]
    fn elided_articles_are_not_part_of_the_term() {
        assert_eq!(terms("ita", "dell'Italia"), terms("ita", "Italia"));
        assert_eq!(
            terms("ita", "l’amica un'amica"),
            terms("ita", "amica amica")
        );
        assert_eq!(
            terms("fra", "l'Italie d’Italie"),
            terms("fra", "Italie Italie")
        );
        assert!(terms("fra", "qu'il c'est qu'elle").is_empty());
        assert_eq!(terms("cat", "l'home"), terms("cat", "home"));
        // A word that only looks like one stays whole.
        assert_eq!(terms("fra", "aujourd'hui").len(), 1);
        assert!(terms("fra", "aujourd'hui")[0].contains('\''));
    }
}
