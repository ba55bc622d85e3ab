//! Unit tests of the pipeline: analyses of whole texts, the builder's options, and what the
//! word rules and the memo give together.

use super::*;
use unicode_normalization::UnicodeNormalization;

#[test]
fn empty_text_gives_an_empty_analysis() {
    let p = Pipeline::builder().build();
    for text in ["", "   \n", "...!?"] {
        let a = p.analyze(text);
        assert!(a.detection.lang.is_undetermined());
        assert_eq!(a.token_count, 0);
        assert!(a.terms.is_empty() && a.tokens.is_empty());
    }
}

#[test]
fn stems_are_in_the_normal_form_too() {
    // Found by the pipeline fuzz target: Snowball's Greek stemmer took the diaeresis of
    // `ΰ` and left its tonos beside `υ`, a term not in NFC.
    let text = "συντΰ\u{341}η\u{344}ικός";
    let greek: Lang = "ell".parse().unwrap();
    // (Without the Greek rules, which would remove the tonos before stemming.)
    let normalizer = crate::normalize::Normalizer::new().language_rules(false);
    let p = Pipeline::builder()
        .languages([greek])
        .normalizer(normalizer.clone())
        .build();
    let a = p.analyze(text);
    assert_eq!(a.detection.lang, greek);
    let terms: Vec<&str> = a.terms.iter().map(|(term, _)| term).collect();
    assert_eq!(terms.len(), 1);
    assert!(unicode_normalization::is_nfc(terms[0]), "{:?}", terms[0]);
    // The stem itself, composed.
    let stemmer = crate::stem::Stemmer::for_lang(greek).unwrap();
    let stem = stemmer
        .stem(&normalizer.normalize(text, greek))
        .into_owned();
    assert_ne!(stem, terms[0], "the stem alone is not in NFC");
    assert_eq!(terms[0], stem.nfc().collect::<String>());
}

#[test]
fn a_turkish_capital_in_other_text_is_the_same_term_as_without_its_dot() {
    let english: Lang = "eng".parse().unwrap();
    let doc = Pipeline::builder().build().analyze_as(
        "He flew to İstanbul, then on from Istanbul and ISTANBUL (i\u{307}stanbul).",
        english,
    );
    assert_eq!(doc.terms.count("istanbul"), 4);
    let german: Lang = "deu".parse().unwrap();
    let doc = Pipeline::builder()
        .build()
        .analyze_as("İzmir und Izmir", german);
    assert_eq!(doc.terms.count("izmir"), 2);
}

/// Text of a known language is analysed in it, however short: a query is analysed as
/// its index's documents were (a tester found "Oman" stemmed as Finnish `oma` and
/// "cheap flights" as Irish `ceap` by `analyze`, whose detection cannot tell from so few
/// letters).
#[test]
fn text_of_a_known_language_is_analysed_in_it() {
    let p = Pipeline::builder().build();
    let english: Lang = "eng".parse().unwrap();
    let terms =
        |a: &Analysis| -> Vec<String> { a.terms.iter().map(|(t, _)| t.to_owned()).collect() };
    for (query, expected) in [
        ("Oman", &["oman"][..]),
        ("Muscat", &["muscat"]),
        ("cheap flights", &["cheap", "flight"]),
        ("the talks", &["talk"]),
        ("a", &[]),
    ] {
        let a = p.analyze_as(query, english);
        assert_eq!(terms(&a), expected, "{query}");
        assert_eq!(a.lang(), english, "{query}");
        assert!(a.spans.iter().all(|s| s.lang == english), "{query}");
    }
    // Given, not guessed: sure and reliable, whatever the script and however short.
    let japanese: Lang = "jpn".parse().unwrap();
    for (text, lang) in [
        ("Oman", english),
        ("東京", japanese),
        ("Москва talks", english),
        ("", english),
    ] {
        let detection = p.analyze_as(text, lang).detection;
        assert_eq!(
            (detection.lang, detection.confidence, detection.reliable),
            (lang, 1.0, true),
            "{text:?}"
        );
    }
    // Every span: words of another script too.
    let mixed = p.analyze_as("talks in Москва", english);
    assert!(mixed.spans.iter().all(|s| s.lang == english));
    assert_eq!(terms(&mixed), ["talk", "москва"]);
    // Undetermined: no language rules at all.
    let und = p.analyze_as("the talks", Lang::UND);
    assert_eq!(und.lang(), Lang::UND);
    assert_eq!(terms(&und), ["the", "talks"]);
    // The same terms as `analyze` gives where detection finds the language.
    let text = "Oman's foreign minister held talks with his Russian counterpart in Muscat.";
    assert_eq!(terms(&p.analyze_as(text, english)), terms(&p.analyze(text)));
}

/// A stemmer that takes the suffix after a joiner leaves the joiner at the stem's end,
/// where normalization removes it: the term is the stem without it, so that normalizing
/// a term again leaves it as it is (found by a tester: `cat` ZWJ `s` was `cat` ZWJ).
#[test]
fn stems_lose_the_joiners_left_at_their_edges() {
    let normalizer = crate::normalize::Normalizer::new();
    for (code, text) in [("eng", "cat\u{200D}s"), ("ell", "λογ\u{200D}ος")] {
        let lang: Lang = code.parse().unwrap();
        let p = Pipeline::builder()
            .languages([lang])
            .fallback_language(lang)
            .build();
        let a = p.analyze(text);
        let terms: Vec<&str> = a.terms.iter().map(|(term, _)| term).collect();
        assert_eq!(terms.len(), 1, "{text:?}");
        assert!(
            !terms[0].ends_with('\u{200D}'),
            "{text:?} gave {:?}",
            terms[0]
        );
        assert_eq!(normalizer.normalize(terms[0], lang), terms[0], "{text:?}");
    }
}

#[test]
fn stop_words_match_with_diacritics_stripped_or_not() {
    let fra: Lang = "fra".parse().unwrap();
    let stripping = Normalizer::new().strip_diacritics(true);
    // The user's list of terms: "already", "there", as the normalizer makes them.
    let pipeline = Pipeline::builder()
        .normalizer(stripping.clone())
        .stop_words(fra, crate::stem::StopWords::from_words(["deja", "la"]))
        .build();
    let doc = pipeline.analyze_as("Il est déjà là, deja la.", fra);
    assert_eq!(doc.terms.count("deja"), 0, "{:?}", doc.terms);
    assert_eq!(doc.terms.count("la"), 0, "{:?}", doc.terms);
    // As written, too.
    let pipeline = Pipeline::builder()
        .normalizer(stripping.clone())
        .stop_words(fra, crate::stem::StopWords::from_words(["déjà"]))
        .build();
    assert_eq!(pipeline.analyze_as("déjà", fra).terms.len(), 0);
    // The built-in lists hold words as written: a word that differs from a stop word by
    // its accents stays a term (door, owner, gold; tea, I know).
    let pipeline = Pipeline::builder().normalizer(stripping).build();
    let vie: Lang = "vie".parse().unwrap();
    let doc = pipeline.analyze_as("cửa chủ vàng của", vie);
    let terms: Vec<(&str, u32)> = doc.terms.iter().collect();
    assert_eq!(terms, [("cua", 1), ("chu", 1), ("vang", 1)]);
    let spa: Lang = "spa".parse().unwrap();
    let doc = pipeline.analyze_as("té sé te se", spa);
    let terms: Vec<(&str, u32)> = doc.terms.iter().collect();
    assert_eq!(terms, [("te", 1), ("se", 1)]);
}

#[test]
fn stop_words_can_be_kept() {
    let text = "The minister of Oman and the minister of Russia met in Muscat.";
    let dropped = Pipeline::builder().build().analyze(text);
    assert_eq!(dropped.terms.count("the"), 0);
    let kept = Pipeline::builder()
        .remove_stopwords(false)
        .build()
        .analyze(text);
    assert_eq!(kept.terms.count("the"), 2);
    assert_eq!(kept.token_count, dropped.token_count);
}

#[test]
fn stemming_can_be_turned_off() {
    let text = "The ministers discussed the meetings of the ministries.";
    let p = Pipeline::builder().stemming(false).build();
    let a = p.analyze(text);
    assert_eq!(a.terms.count("ministers"), 1);
    assert_eq!(a.terms.count("meetings"), 1);
}

#[test]
fn undetermined_text_is_not_stemmed() {
    let p = Pipeline::builder()
        .detector(Detector::new().min_letters(100))
        .build();
    let a = p.analyze("The meetings");
    assert!(a.detection.lang.is_undetermined());
    assert_eq!(a.terms.count("meetings"), 1);
    assert_eq!(a.terms.count("the"), 1);
}

#[test]
fn an_english_quote_in_an_arabic_article_is_analysed_as_english() {
    let text = "أكد وزير الخارجية أن العلاقات بين البلدين متينة، وقال: \
                \"The ministers discussed the meetings of the committees.\" \
                وأضاف أن الجانبين سيواصلان التشاور.";
    let a = Pipeline::builder().build().analyze(text);
    assert_eq!(a.lang().code(), "ara");
    let langs: Vec<&str> = a.spans.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["ara", "eng", "ara"]);
    // English words: English stop words dropped, Snowball English stems.
    assert_eq!(a.terms.count("the"), 0);
    assert_eq!(a.terms.count("of"), 0);
    assert_eq!(a.terms.count("meet"), 1);
    assert_eq!(a.terms.count("committe"), 1);
    // Arabic words: أن ("that") is an Arabic stop word, in both sentences.
    assert_eq!(a.terms.count("ان"), 0);
    assert_eq!(a.terms.count("أن"), 0);
}

#[test]
fn a_fallback_language_analyses_undetermined_text() {
    let eng: Lang = "eng".parse().unwrap();
    let p = Pipeline::builder()
        .detector(Detector::new().min_letters(100))
        .fallback_language(eng)
        .build();
    let a = p.analyze("The meetings");
    assert_eq!(a.lang(), eng);
    assert!(!a.detection.reliable);
    assert_eq!(a.terms.count("meet"), 1);
    assert_eq!(a.terms.count("the"), 0);
}

#[test]
fn a_word_the_stemmer_would_empty_keeps_a_term() {
    // A lone Arabic vowel mark, in text detected as Arabic (found by a property test).
    let a = Pipeline::builder()
        .build()
        .analyze("\u{64b}Ａ\u{900} كتاب جديد");
    assert!(a.tokens.iter().all(|t| !a.term_of(t).is_empty()));
}

#[test]
fn tokens_can_be_left_out() {
    let a = Pipeline::builder()
        .keep_tokens(false)
        .build()
        .analyze("Oman and Russia");
    assert!(a.tokens.is_empty());
    assert_eq!(a.terms.count("oman"), 1);
}

#[test]
fn bigrams_are_off_by_default() {
    let text = "Oman and Russia held talks in Muscat.";
    let plain = Pipeline::builder().build().analyze(text);
    assert!(plain.terms.iter().all(|(term, _)| !term.contains(' ')));
    let with = Pipeline::builder().bigrams(true).build().analyze(text);
    // Five terms once "and" and "in" are dropped: oman russia held talk muscat; four
    // bigrams between them.
    assert_eq!(plain.terms.total(), 5);
    assert_eq!(with.terms.total(), 5 + 4);
    assert_eq!(with.terms.count("oman russia"), 1);
    assert_eq!(with.tokens.len(), plain.tokens.len());
}

/// A word of a quote in another language and the word before it are no bigram (a
/// tester found `said буд` and `переговор left`).
#[test]
fn bigrams_stay_inside_a_language_span() {
    let text = "أكد وزير الخارجية أن العلاقات بين البلدين متينة، وقال: \
                \"The ministers discussed the meetings of the committees.\" \
                وأضاف أن الجانبين سيواصلان التشاور.";
    let a = Pipeline::builder().bigrams(true).build().analyze(text);
    assert_eq!(a.spans.len(), 3);
    let bigrams: Vec<&str> = a
        .terms
        .iter()
        .map(|(t, _)| t)
        .filter(|t| t.contains(' '))
        .collect();
    let latin = |s: &str| s.chars().any(|c| c.is_ascii_alphabetic());
    let arabic = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    assert!(
        bigrams.iter().all(|b| !(latin(b) && arabic(b))),
        "{bigrams:?}"
    );
    // Within a span they are counted as before, and across spans of one language
    // (scripts change, the language does not).
    assert_eq!(a.terms.count("minist discuss"), 1, "{bigrams:?}");
    let eng: Lang = "eng".parse().unwrap();
    let one = Pipeline::builder()
        .bigrams(true)
        .build()
        .analyze_as("talks in Москва", eng);
    assert!(one.spans.len() > 1);
    assert_eq!(one.terms.count("talk москва"), 1);
}

#[test]
fn options_do_not_depend_on_their_order() {
    let (eng, deu): (Lang, Lang) = ("eng".parse().unwrap(), "deu".parse().unwrap());
    let detector = || Detector::new().min_letters(100);
    let orders = [
        Pipeline::builder()
            .languages([eng])
            .fallback_language(deu)
            .detector(detector())
            .build(),
        Pipeline::builder()
            .detector(detector())
            .fallback_language(deu)
            .languages([eng])
            .build(),
    ];
    for p in orders {
        assert_eq!(p.detector().allowed(), [eng]);
        // Too short for 100 letters: the fallback, whichever order set it.
        assert_eq!(p.analyze("The meetings").lang(), deu);
    }
}

#[test]
fn words_of_your_own_rules() {
    use std::borrow::Cow;
    struct Upper;
    impl TermFilter for Upper {
        fn filter<'a>(&self, lang: Lang, term: Cow<'a, str>) -> Option<Cow<'a, str>> {
            // Drops "oman" in English only; empties "x" (which drops it too).
            match (lang.code(), &*term) {
                ("eng", "oman") | (_, "x") => None,
                (_, "y") => Some(Cow::Borrowed("")),
                _ => Some(Cow::Owned(term.to_uppercase())),
            }
        }
    }
    struct Empties;
    impl crate::stem::Stem for Empties {
        fn stem<'a>(&self, _: &'a str) -> Cow<'a, str> {
            Cow::Borrowed("")
        }
    }
    let eng: Lang = "eng".parse().unwrap();
    let p = Pipeline::builder()
        .languages([eng])
        .filter(Upper)
        .stemmer(eng, Empties)
        .build();
    let doc = p.analyze("Oman x y talks in Muscat and Oman.");
    let terms: Vec<&str> = doc.terms.iter().map(|(t, _)| t).collect();
    // A stemmer that empties a word leaves it as it is; the filter runs after it.
    assert_eq!(terms, ["TALKS", "MUSCAT"]);
    assert!(doc.tokens.iter().all(|t| !doc.term_of(t).is_empty()));
}

#[test]
fn pipeline_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Pipeline>();
    check::<Analysis>();
}

/// A stemmer that panics on one word, as a user's might.
struct PanicsOnBoom;

impl crate::stem::Stem for PanicsOnBoom {
    fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        assert_ne!(word, "boom", "a user's stemmer panics");
        std::borrow::Cow::Borrowed(word)
    }
}

#[test]
fn a_panic_in_a_users_stemmer_leaves_the_pipeline_usable() {
    fn unwind_safe<T: std::panic::UnwindSafe + std::panic::RefUnwindSafe>(_: &T) {}
    let eng = Lang::from_code("eng").unwrap();
    let pipeline = Pipeline::builder().stemmer(eng, PanicsOnBoom).build();
    unwind_safe(&pipeline);
    let text = "The talks in Muscat went well, the minister said.";
    let before = pipeline.analyze_as(text, eng);
    for _ in 0..2 {
        // No half-made memo entry: the word panics again, every time.
        let caught = std::panic::catch_unwind(|| pipeline.analyze_as("talks boom muscat", eng));
        assert!(caught.is_err());
    }
    assert_eq!(pipeline.analyze_as(text, eng), before);
    assert_eq!(
        pipeline
            .analyze_as("talks muscat", eng)
            .terms
            .count("muscat"),
        1
    );
}

/// An analysis read back from JSON links its tokens to the same terms, whatever a tool on
/// the way did to the order of an object's keys; a token naming no term is refused.
#[test]
fn analyses_survive_json_tools_that_reorder_keys() {
    let pipeline = Pipeline::builder().build();
    let text = "Muscat 2025 talks";
    let analysis = pipeline.analyze(text);
    let terms = |a: &Analysis| -> Vec<String> {
        a.tokens.iter().map(|t| a.term_of(t).to_owned()).collect()
    };
    assert_eq!(terms(&analysis), ["muscat", "2025", "talk"]);
    // Through serde_json's `Value`, whose objects sort their keys.
    let value: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&analysis).unwrap()).unwrap();
    let back: Analysis = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(back, analysis);
    assert_eq!(terms(&back), ["muscat", "2025", "talk"]);
    // JSON written before, with the terms as an object, reads in its written order.
    let mut old = value.clone();
    old["terms"] = serde_json::json!({"muscat": 1, "2025": 1, "talk": 1});
    let json = serde_json::to_string(&old).unwrap();
    let json = json.replacen(r#""2025":1,"muscat":1"#, r#""muscat":1,"2025":1"#, 1);
    let read: Analysis = serde_json::from_str(&json).unwrap();
    assert_eq!(terms(&read), ["muscat", "2025", "talk"]);
    // A token whose term is not there.
    let mut broken = value;
    broken["tokens"][0]["term"] = serde_json::json!(9999);
    let refused = serde_json::from_value::<Analysis>(broken).unwrap_err();
    assert!(
        refused.to_string().contains("term 9999, of 3 terms"),
        "{refused}"
    );
}

/// Irish writes the n of eclipsis and the t of prothesis before a capital vowel without a
/// hyphen: the word is the rest, in ASCII or full-width letters alike ("our father", "the
/// president"); `nathair` "snake" stays itself.
#[test]
fn irish_mutations_before_a_capital_are_no_part_of_the_word() {
    let pipeline = Pipeline::builder().stemming(false).build();
    let gle: Lang = "gle".parse().unwrap();
    let terms = |text: &str| {
        let a = pipeline.analyze_as(text, gle);
        a.tokens
            .iter()
            .map(|t| a.term_of(t).to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(terms("ár nAthair"), ["athair"]);
    assert_eq!(terms("ár ｎＡｔｈａｉｒ"), ["athair"]);
    assert_eq!(terms("an tUachtarán"), ["uachtarán"]);
    assert_eq!(terms("an ｔＵａｃｈｔａｒáｎ"), ["uachtarán"]);
    // The h of prothesis too (found by a tester: `na hÉireann` "of Ireland" was `héireann`).
    assert_eq!(terms("na hÉireann"), ["éireann"]);
    assert_eq!(terms("hata"), ["hata"]);
    assert_eq!(terms("nathair"), ["nathair"]);
    // With width folding off, full-width letters are not the ASCII ones.
    let narrow = Pipeline::builder()
        .stemming(false)
        .normalizer(crate::normalize::Normalizer::new().fold_width(false))
        .build();
    let a = narrow.analyze_as("nＡthair", gle);
    assert_eq!(a.term_of(&a.tokens[0]), "nａthair");
}

/// A URL or an e-mail address is no word of the text's language: folded as in any language
/// (Turkish's `I` → `ı` would make the address another term in a Turkish document).
#[test]
fn addresses_fold_alike_in_every_language() {
    let tokenizer = crate::tokenize::Tokenizer::new().urls(true).emails(true);
    let pipeline = Pipeline::builder().tokenizer(tokenizer).build();
    let terms = |code: &str| {
        let a = pipeline.analyze_as(
            "HTTPS://WWW.ISTANBUL.COM/INFO INFO@ISTANBUL.GOV.TR ISTANBUL",
            code.parse().unwrap(),
        );
        a.tokens
            .iter()
            .map(|t| a.term_of(t).to_owned())
            .collect::<Vec<_>>()
    };
    let turkish = terms("tur");
    assert_eq!(
        turkish[..2],
        ["https://www.istanbul.com/info", "info@istanbul.gov.tr"]
    );
    assert_eq!(turkish[..2], terms("eng")[..2]);
    // The word itself is Turkish's: dotless.
    assert!(turkish[2].starts_with("ıstanbul"), "{turkish:?}");
}
