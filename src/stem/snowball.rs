//! Which Snowball implementation stems each language, and why.
//!
//! Four Rust builds of the Snowball algorithms are on crates.io. Each was measured
//! (`cargo run --release --example stem_eval`) against the current Snowball release (the
//! Python `snowballstemmer` 3.1.1, which reproduces Snowball's published vocabulary/output
//! pairs) on every distinct word of NTREX-128 and the UDHR plus Snowball's own vocabularies,
//! and with millions of words built from each algorithm's own suffix tables:
//!
//! | crate | Snowball | algorithms | agreement with Snowball 3.1.1 | panics |
//! |---|---|---|---|---|
//! | rust-stemmers 1.2 | 2.0 (2019) | 18 | 100% on 6; Dutch 54.9%, Romanian 87.9%, Turkish 90.8%, German 96.6%, Swedish 98.3%, others 99.5 to 99.99% | Greek: `ισαισα`, `αντίθετε`... (about 40 in a million adversarial words) |
//! | waken_snowball 0.1 | 3.0 | 33 | 100% on 29; Finnish, Lithuanian 99.8%, English 99.98%, Danish 99.99% | none in 5 million words per algorithm |
//! | snowball_stemmers_rs 1.0 | 3.0+ | 38 | 100% on 30; Finnish 99.8%, Czech 99.3%, Danish 99.99%, Sesotho 99.4% (483 words), Persian 78.5% | none |
//! | snowstem 0.1 | 3.1.1 | 21 | 100% | none |
//!
//! (Words: every distinct word of NTREX-128 and the UDHR in the language plus up to 150,000
//! of Snowball's vocabulary, 583 to 162,509 per algorithm. Words with an apostrophe aside:
//! Snowball 3.1 strips what follows one in German, Estonian, Italian, Lithuanian and Polish
//! (`sainsbury's`, `all'anno`), which none of these crates does; the pipeline cuts suffixes
//! and elisions at an apostrophe itself, before stemming, but in German, whose apostrophes
//! it keeps (`geht's`): `pipeline/apostrophes.rs`.)
//!
//! rust-stemmers' Greek panic is a bug of its runtime: `slice_from` leaves the slice's end
//! where it was when the replacement is shorter, and a later `slice_del` cuts past the end of
//! the word. Snowball's current runtime (in snowball_stemmers_rs and snowstem) moves it;
//! waken_snowball still has the old runtime and is safe only because Snowball 3's Greek
//! no longer takes that path.
//!
//! Speed, in instructions per word counted by callgrind on 20,000 NTREX/UDHR words per
//! algorithm (the machine is too noisy for wall-clock ratios; `cargo bench --bench stem`
//! has the groups): waken_snowball and snowball_stemmers_rs run the same generated code
//! (within 2%); rust-stemmers takes 1.1 to 2.3 times their instructions on 16 of its 18
//! algorithms (German 0.68, Russian 0.98: Snowball 3 does more there); snowstem 1.1 to 2.0.
//!
//! So wordmill stems with **snowball_stemmers_rs** (the current algorithms, the fixed runtime,
//! the fastest with waken_snowball, the widest coverage), and with **snowstem** where only it
//! has Snowball 3.1.1's algorithm: Czech, Danish and Finnish (correctness first, at 1.2 to 1.6
//! times the instructions). Left out: Persian (snowball_stemmers_rs has a draft that differs
//! from Snowball's released Persian on 22% of words, and no other crate has it), Ukrainian
//! (not a released Snowball algorithm).

use std::borrow::Cow;

use snowball_stemmers_rs::Algorithm as Seekstorm;
use snowstem::Algorithm as Snowstem;

/// A Snowball algorithm and the crate that runs it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Algorithm {
    /// Snowball's name for it (`"english"`).
    pub(super) name: &'static str,
    engine: Engine,
}

#[derive(Clone, Copy, Debug)]
enum Engine {
    Seekstorm(Seekstorm),
    Snowstem(Snowstem),
}

const fn seekstorm(name: &'static str, algorithm: Seekstorm) -> Algorithm {
    Algorithm {
        name,
        engine: Engine::Seekstorm(algorithm),
    }
}

const fn snowstem(name: &'static str, algorithm: Snowstem) -> Algorithm {
    Algorithm {
        name,
        engine: Engine::Snowstem(algorithm),
    }
}

/// The algorithm for the language with ISO 639-3 code `code`, if Snowball has one.
///
/// Keyed by code rather than by [`Lang`](crate::Lang) variant so that a language works as
/// soon as `Lang` can name it (Basque, Irish, Malay, Bosnian and Southern Sotho were mapped
/// here before detection knew them).
pub(super) fn algorithm(code: &str) -> Option<Algorithm> {
    Some(match code {
        "ara" => seekstorm("arabic", Seekstorm::Arabic),
        "hye" => seekstorm("armenian", Seekstorm::Armenian),
        "eus" => seekstorm("basque", Seekstorm::Basque),
        "cat" => seekstorm("catalan", Seekstorm::Catalan),
        "ces" => snowstem("czech", Snowstem::Czech),
        "dan" => snowstem("danish", Snowstem::Danish),
        "nld" => seekstorm("dutch", Seekstorm::Dutch),
        "eng" => seekstorm("english", Seekstorm::English),
        "epo" => seekstorm("esperanto", Seekstorm::Esperanto),
        "est" => seekstorm("estonian", Seekstorm::Estonian),
        "fin" => snowstem("finnish", Snowstem::Finnish),
        "fra" => seekstorm("french", Seekstorm::French),
        "deu" => seekstorm("german", Seekstorm::German),
        "ell" => seekstorm("greek", Seekstorm::Greek),
        "hin" => seekstorm("hindi", Seekstorm::Hindi),
        "hun" => seekstorm("hungarian", Seekstorm::Hungarian),
        // Malay shares Indonesian's affixes; on NTREX same-document sentence retrieval the
        // Indonesian stemmer raises Malay's mean average precision by 0.34 ± 0.21 points
        // (Indonesian's own: 0.55 ± 0.22), see examples/stem_eval.rs.
        "ind" | "msa" => seekstorm("indonesian", Seekstorm::Indonesian),
        "gle" => seekstorm("irish", Seekstorm::Irish),
        "ita" => seekstorm("italian", Seekstorm::Italian),
        "lit" => seekstorm("lithuanian", Seekstorm::Lithuanian),
        "nep" => seekstorm("nepali", Seekstorm::Nepali),
        "nob" => seekstorm("norwegian", Seekstorm::Norwegian),
        "pol" => seekstorm("polish", Seekstorm::Polish),
        "por" => seekstorm("portuguese", Seekstorm::Portuguese),
        "ron" => seekstorm("romanian", Seekstorm::Romanian),
        "rus" => seekstorm("russian", Seekstorm::Russian),
        // Croatian and Bosnian: the Serbian stemmer (which reads Latin and Cyrillic) raises
        // their NTREX same-document retrieval more than it raises Serbian's own (mean average
        // precision +5.2 and +5.1 points, Serbian +3.8).
        "srp" | "hrv" | "bos" => seekstorm("serbian", Seekstorm::Serbian),
        "sot" => seekstorm("sesotho", Seekstorm::Sesotho),
        "spa" => seekstorm("spanish", Seekstorm::Spanish),
        "swe" => seekstorm("swedish", Seekstorm::Swedish),
        "tam" => seekstorm("tamil", Seekstorm::Tamil),
        "tur" => seekstorm("turkish", Seekstorm::Turkish),
        "yid" => seekstorm("yiddish", Seekstorm::Yiddish),
        _ => return None,
    })
}

/// A ready stemmer of one of the two crates.
pub(super) enum Program {
    Seekstorm(snowball_stemmers_rs::Stemmer),
    /// snowball_stemmers_rs's Sesotho, an earlier one than Snowball 3.1.1's, which strips
    /// short words to one vowel (`bao`, `leo`, `seo` → `o`: three words one term): a stem of
    /// one letter is taken for the word whole, as Snowball 3.1.1 keeps all of them but `iwa`
    /// and `uwa` (`iw`, `uw`). On every distinct word of NTREX's and the UDHR's Sesotho
    /// (6,850), 11 stems differ from Snowball 3.1.1's without this, 2 with it.
    SeekstormSesotho(snowball_stemmers_rs::Stemmer),
    Snowstem(snowstem::Stemmer),
}

impl Program {
    pub(super) fn new(algorithm: Algorithm) -> Program {
        match algorithm.engine {
            Engine::Seekstorm(a @ Seekstorm::Sesotho) => {
                Program::SeekstormSesotho(snowball_stemmers_rs::Stemmer::create(a))
            }
            Engine::Seekstorm(a) => Program::Seekstorm(snowball_stemmers_rs::Stemmer::create(a)),
            Engine::Snowstem(a) => Program::Snowstem(snowstem::Stemmer::create(a)),
        }
    }

    pub(super) fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match self {
            Program::Seekstorm(s) => s.stem(word),
            Program::SeekstormSesotho(s) => {
                let stem = s.stem(word);
                let mut letters = stem.chars();
                if letters.next().is_some() && letters.next().is_none() && stem.len() < word.len() {
                    Cow::Borrowed(word)
                } else {
                    stem
                }
            }
            Program::Snowstem(s) => s.stem(word),
        }
    }
}

#[cfg(test)]
#[path = "../../tests/stem_support/mod.rs"]
mod stem_support;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code mapped above, Lang knows it yet or not.
    const CODES: [&str; 36] = [
        "ara", "hye", "eus", "cat", "ces", "dan", "nld", "eng", "epo", "est", "fin", "fra", "deu",
        "ell", "hin", "hun", "ind", "msa", "gle", "ita", "lit", "nep", "nob", "pol", "por", "ron",
        "rus", "srp", "hrv", "bos", "sot", "spa", "swe", "tam", "tur", "yid",
    ];

    fn stem(code: &str, word: &str) -> String {
        Program::new(algorithm(code).unwrap())
            .stem(word)
            .into_owned()
    }

    /// A language given an algorithm is checked below: `CODES` holds every code that
    /// [`algorithm`] maps.
    #[test]
    fn every_mapped_language_is_checked() {
        for lang in crate::Lang::all() {
            if algorithm(lang.code()).is_some() {
                assert!(CODES.contains(&lang.code()), "{lang}: add it to CODES");
            }
        }
    }

    #[test]
    fn agrees_with_snowball_on_its_vocabularies() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/snowball");
        for code in CODES {
            let algorithm = algorithm(code).unwrap();
            let program = Program::new(algorithm);
            let path = root.join(format!("{}.tsv", algorithm.name));
            let sample = std::fs::read_to_string(&path).unwrap();
            let mut checked = 0;
            for line in sample.lines() {
                let fields: Vec<&str> = line.split('\t').collect();
                let (word, expected) = (fields[1], fields[2]);
                assert_eq!(program.stem(word), expected, "{} {word}", algorithm.name);
                checked += 1;
            }
            assert!(checked >= 480, "{}: {checked} words", algorithm.name);
        }
    }

    /// snowball_stemmers_rs's earlier Sesotho cut these words to their last vowel; Snowball
    /// 3.1.1 (the Python `snowballstemmer` 3.1.1) keeps them whole, but `iwa` and `uwa` (`iw`,
    /// `uw`), which the guard keeps whole too: the two words of NTREX's and the UDHR's 6,850
    /// Sesotho words on which wordmill and Snowball 3.1.1 still differ.
    #[test]
    fn sesotho_keeps_short_words_whole() {
        for word in ["bao", "lee", "leo", "moo", "seo", "ea", "oa", "ai", "aa"] {
            assert_eq!(stem("sot", word), word);
        }
        assert_eq!(stem("sot", "iwa"), "iwa", "Snowball 3.1.1: iw");
        // Longer words are stemmed as before.
        assert_eq!(stem("sot", "ahileng"), "ahil");
    }

    /// Inflected forms of one word, one stem, in the languages detection does not name yet.
    #[test]
    fn conflates_inflected_forms() {
        let families: [(&str, &[&str]); 8] = [
            ("eus", &["herriak", "herrian", "herriko"]),
            ("eus", &["etxeak", "etxeetan", "etxeetako"]),
            // Irish initial mutations: eclipsis and lenition.
            ("gle", &["bád", "mbád", "bhád"]),
            ("gle", &["gaeilge", "ngaeilge", "ghaeilge"]),
            // Southern Sotho noun classes 5/6: singular le-, plural ma-.
            ("sot", &["lebitso", "mabitso"]),
            ("msa", &["baca", "membaca", "dibaca", "bacaan", "pembaca"]),
            ("bos", &["kuća", "kuće", "kući", "kućama", "kuću"]),
            ("hrv", &["grad", "grada", "gradu"]),
        ];
        for (code, forms) in families {
            let first = stem(code, forms[0]);
            for form in &forms[1..] {
                assert_eq!(stem(code, form), first, "{code}: {form} and {}", forms[0]);
            }
        }
    }

    /// Grammar-aware adversarial words (tests/stem_support) for every algorithm mapped here,
    /// those of languages `Lang` cannot name yet included: none may panic, each stems alike twice.
    #[test]
    fn adversarial_words_for_every_algorithm() {
        let tables = super::stem_support::suffix_tables();
        for code in CODES {
            let algorithm = algorithm(code).unwrap();
            let program = Program::new(algorithm);
            let sample = super::stem_support::snowball_sample(algorithm.name);
            let words = sample.iter().map(|(w, _)| w.as_str()).collect();
            let maker = super::stem_support::WordMaker::new(&tables[algorithm.name], words);
            let mut rng = super::stem_support::Rng::new(0xad5e ^ code.len() as u64);
            let mut word = String::new();
            for _ in 0..10_000 {
                maker.make(&mut rng, &mut word);
                // A panic fails the test; an empty stem is Stemmer::stem's to replace.
                let stem = program.stem(&word);
                assert_eq!(program.stem(&word), stem, "{code}: {word:?}");
            }
        }
    }
}
