//! The stemmers through wordmill's public API: what a linguist expects of each, Snowball's
//! answers on words that crashed rust-stemmers, and the invariants on any input (never a
//! panic, never an empty stem, the same stem twice), checked with grammar-aware adversarial
//! words. The comparison with the whole committed sample of Snowball's vocabularies is the
//! unit test `stem::snowball::tests::agrees_with_snowball_on_its_vocabularies`.

mod stem_support;

use proptest::prelude::*;
use wordmill::Lang;
use wordmill::stem::{MAX_STEMMED_BYTES, Stemmer};

fn stemmer(code: &str) -> Stemmer {
    Stemmer::for_lang(code.parse::<Lang>().unwrap()).unwrap_or_else(|| panic!("{code}"))
}

/// Words on which rust-stemmers 1.2's Greek stemmer panicked (issue 14), with the stem
/// Snowball 3.1.1 gives each. The pipeline case-folds before stemming; the stemmer must
/// survive the other forms too.
const GREEK_REGRESSIONS: [(&str, &str); 15] = [
    ("ισαισα", "ισα"),
    ("Αντίθετε", "ανετ"),
    ("αντίθετε", "ανετ"),
    ("ΙΣΑΙΣΑ", "ισα"),
    ("Ισαΐσα", "ισα"),
    ("ισαΐσα", "ισα"),
    ("ισαισες", "ισα"),
    ("ισαισε", "ισα"),
    ("ισαισαν", "ισα"),
    ("ισαισαμε", "ισα"),
    ("ισαισανε", "ισα"),
    ("ισαισατε", "ισα"),
    ("εμευθετε", "εμετ"),
    ("απλταθετε", "απλετ"),
    ("παρακαλαιρετε", "παρακαλετ"),
];

#[test]
fn greek_words_that_crashed_rust_stemmers() {
    let greek = stemmer("ell");
    for (word, expected) in GREEK_REGRESSIONS {
        assert_eq!(greek.stem(word), expected, "{word}");
        let folded = word.to_lowercase();
        assert_eq!(greek.stem(&folded), expected, "{folded}");
    }
}

#[test]
fn greek_words_that_crashed_rust_stemmers_in_a_document() {
    let pipeline = wordmill::Pipeline::builder().build();
    let greek: Lang = "ell".parse().unwrap();
    for (word, _) in GREEK_REGRESSIONS {
        let text = format!("Το {word} είναι μια λέξη της ελληνικής γλώσσας, λέει ο δάσκαλος.");
        let doc = pipeline.analyze(&text);
        assert!(doc.spans.iter().any(|s| s.lang == greek), "{text}");
        assert!(doc.terms.total() >= 5, "{text}");
    }
}

/// Inflected forms of one word, one stem: one or two families per language.
#[test]
fn conflates_inflected_forms() {
    let families: &[(&str, &[&str])] = &[
        ("ara", &["كتاب", "الكتاب", "بالكتاب"]),
        (
            "hye",
            &["քաղաքը", "քաղաքի", "քաղաքներ", "քաղաքների", "քաղաքներում"],
        ),
        ("cat", &["cantar", "cantava", "cantaven"]),
        ("cat", &["gat", "gats"]),
        ("ces", &["město", "města", "městem", "městech"]),
        ("ces", &["žena", "ženy", "ženou", "ženám"]),
        ("dan", &["hus", "huse", "huset", "husene"]),
        ("nld", &["huis", "huizen"]),
        (
            "eng",
            &["connect", "connected", "connection", "connections"],
        ),
        ("epo", &["domo", "domoj", "domon", "domojn"]),
        (
            "est",
            &["linna", "linnas", "linnast", "linnad", "linnadest"],
        ),
        ("fin", &["talo", "talossa", "talosta", "taloon", "taloissa"]),
        ("fra", &["national", "nationale", "nationales", "nationaux"]),
        ("deu", &["zusammenarbeit", "zusammenarbeiten"]),
        ("ell", &["αντίθετος", "αντίθετη", "αντίθετο", "αντίθετα"]),
        ("hin", &["लड़का", "लड़के", "लड़कों", "लड़कियाँ"]),
        ("hun", &["ház", "házak", "házban", "házból", "háznak"]),
        (
            "ind",
            &["baca", "membaca", "dibaca", "bacaan", "pembaca", "bacalah"],
        ),
        ("ita", &["parlare", "parlava", "parlavano"]),
        ("lit", &["namas", "namai", "namo", "namuose", "namų"]),
        ("nep", &["घर", "घरमा", "घरको", "घरहरू"]),
        ("nob", &["hus", "huset", "husene"]),
        ("pol", &["miasto", "miasta", "miastem", "miastach"]),
        ("por", &["cidade", "cidades"]),
        ("ron", &["oraș", "orașul", "orașe", "orașele"]),
        ("rus", &["переговор", "переговоры", "переговоров"]),
        // Serbian in Cyrillic and in Latin script meet in the Latin stem.
        ("srp", &["kuća", "кућа", "куће", "кући", "кућама"]),
        ("hrv", &["grad", "grada", "gradu"]),
        ("spa", &["relación", "relaciones"]),
        ("swe", &["hus", "huset", "husen"]),
        ("tam", &["வீடு", "வீட்டில்", "வீட்டை"]),
        ("tur", &["ev", "evler", "evlerde", "evden", "eve"]),
        ("yid", &["שרײַבן", "געשריבן", "שרײַבט"]),
        ("yid", &["קינד", "קינדער"]),
    ];
    for (code, forms) in families {
        let stemmer = stemmer(code);
        let first = stemmer.stem(forms[0]);
        for form in &forms[1..] {
            assert_eq!(stemmer.stem(form), first, "{code}: {form} and {}", forms[0]);
        }
    }
}

#[test]
fn every_language_of_lang_with_snowball_has_its_stemmer() {
    let codes: Vec<&str> = Stemmer::languages().map(Lang::code).collect();
    for code in [
        "ara", "hye", "cat", "ces", "dan", "nld", "eng", "epo", "est", "fin", "fra", "deu", "ell",
        "hin", "hun", "ind", "ita", "lit", "nep", "nob", "pol", "por", "ron", "rus", "srp", "hrv",
        "spa", "swe", "tam", "tur", "yid", "eus", "gle", "msa", "bos", "sot", "ben",
    ] {
        assert!(codes.contains(&code), "{code}");
    }
    assert_eq!(codes.len(), 37);
}

/// Adversarial words for every stemmer: no panic (a panic fails the test), a non-empty stem
/// for a non-empty word, the same stem twice.
#[test]
fn adversarial_words_keep_the_invariants() {
    const WORDS_PER_LANGUAGE: usize = 20_000;
    let tables = stem_support::suffix_tables();
    for lang in Stemmer::languages() {
        let stemmer = Stemmer::for_lang(lang).unwrap();
        // Words built from Snowball's suffix tables, for the light stemmers of languages
        // Snowball knows too (light stemmers have property tests of their own).
        let Some(snowball) = Stemmer::snowball(lang) else {
            continue;
        };
        let pieces = &tables[snowball.algorithm()];
        let sample = stem_support::snowball_sample(snowball.algorithm());
        let words = sample.iter().map(|(w, _)| w.as_str()).collect();
        let maker = stem_support::WordMaker::new(pieces, words);
        let mut rng = stem_support::Rng::new(0x5eed ^ lang.code().len() as u64);
        let mut word = String::new();
        // The language's stemmer, and Snowball's where that is another (Arabic, Hindi): both
        // are public.
        let both = stemmer.algorithm() != snowball.algorithm();
        let stemmers = if both {
            vec![&stemmer, &snowball]
        } else {
            vec![&stemmer]
        };
        for _ in 0..WORDS_PER_LANGUAGE {
            maker.make(&mut rng, &mut word);
            for stemmer in &stemmers {
                let stem = stemmer.stem(&word);
                let name = stemmer.algorithm();
                assert!(word.is_empty() || !stem.is_empty(), "{name}: {word:?}");
                assert_eq!(stemmer.stem(&word), stem, "{name}: {word:?}");
            }
        }
    }
}

#[test]
fn words_at_and_over_the_length_limit() {
    let english = stemmer("eng");
    let at_limit = format!("{}ing", "a".repeat(MAX_STEMMED_BYTES - 3));
    assert_eq!(english.stem(&at_limit).len(), MAX_STEMMED_BYTES - 3);
    let over = format!("{}ing", "a".repeat(MAX_STEMMED_BYTES - 2));
    assert_eq!(english.stem(&over), over.as_str());
}

proptest! {
    /// Any string, in any language's stemmer: a stem, never empty for a non-empty word, and
    /// the same on a second call.
    #[test]
    fn any_string_gets_a_stem(
        word in "\\PC{0,24}",
        lang in proptest::sample::select(Stemmer::languages().collect::<Vec<_>>()),
    ) {
        let stemmer = Stemmer::for_lang(lang).unwrap();
        let stem = stemmer.stem(&word);
        prop_assert!(word.is_empty() || !stem.is_empty());
        prop_assert_eq!(stemmer.stem(&word), stem);
    }
}
