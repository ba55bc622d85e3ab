//! Invariants that must hold for any input.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use wordmill::detect::{Detector, LanguageSpan};
use wordmill::normalize::{Normalizer, UnicodeForm};
use wordmill::tf::CorpusStats;
use wordmill::tokenize::{CjkMode, Tokenizer};
use wordmill::{Analysis, Lang, Pipeline};

/// Text mixing the scripts and the characters that make word boundaries hard: Latin with
/// combining marks, Vietnamese, Arabic with harakat and tatweel, Cyrillic, Greek (polytonic
/// too), Han, kana, Thai, typographic punctuation,
/// digits of several scripts, apostrophes, joiners, emoji, regional indicators, wide and
/// no-break spaces, and the spacing marks that NFKC writes as a space and a combining mark
/// (`¨ ´ ¸ ΄ ゛`, Arabic's isolated harakat).
fn mixed_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[a-zA-Z0-9 .,:;'’_\\-–\n\
         \u{00C0}-\u{017F}\u{0300}-\u{036F}\u{0600}-\u{0670}\u{06CC}\u{06F0}-\u{06F9}\
         \u{1E00}-\u{1FFF}\u{2010}-\u{2030}\
         \u{0400}-\u{045F}\u{0370}-\u{03FF}\u{05D0}-\u{05EA}\u{05B0}-\u{05C7}\u{05F3}\u{05F4}\
         \u{4E00}-\u{4E2F}\u{3040}-\u{30FF}\u{0E01}-\u{0E5B}\u{0900}-\u{097F}\
         가-갟월일년\u{1100}-\u{1112}\u{1161}-\u{1175}\u{3164}\u{FFA0}-\u{FFA5}\u{066B}\u{066C}٣\
         \u{00A0}\u{00A8}\u{00B4}\u{00B8}\u{3000}\u{FE70}-\u{FE7F}\
         \u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{00AD}\u{FF01}-\u{FF5E}\u{1F1E6}-\u{1F1FF}\u{1F600}-\u{1F64F}\u{2764}\u{FE0F}]{0,80}",
    )
    .expect("valid regex")
}

/// Words of one script each, between spaces and punctuation, long enough for the tokenizer's
/// 64-byte windows to take them (and fold them): capitals, accents, alef forms, harakat,
/// polytonic Greek, `’`, joiners.
fn script_words() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        proptest::string::string_regex("[A-Za-zÀ-ÿĀ-ſ’]{1,12}").expect("valid regex"),
        proptest::string::string_regex("[A-Za-zạ-ỹẠ-Ỹà-ỹ\u{0300}-\u{0309}]{1,10}")
            .expect("valid regex"),
        proptest::string::string_regex("[Ѐ-џ]{1,12}").expect("valid regex"),
        proptest::string::string_regex("[ء-يٱ\u{064B}-\u{0652}ـ\u{0670}ی\u{200C}]{1,10}")
            .expect("valid regex"),
        proptest::string::string_regex("[Ά-ώἀ-ᾼ\u{0345}]{1,10}").expect("valid regex"),
        // Indic letters, signs, viramas, nukta, chandrabindu and joiners, whose context rules
        // only the steps apply (Devanagari, Bengali, Gurmukhi, Malayalam).
        proptest::string::string_regex(
            "[\u{0900}-\u{0970}ংঅআতা\u{09BC}\u{09CD}ৎਅੲੳਾਿੁੇਉഇഉഎഒാൌനണര\u{0D4D}ൻ\u{200C}\u{200D}]{1,10}"
        )
        .expect("valid regex"),
        proptest::string::string_regex("[0-9٠-٩۰-۹]{1,6}").expect("valid regex"),
    ];
    let gap = proptest::sample::select(vec![" ", " ", " ", ", ", ". ", "\n", " – "]);
    proptest::collection::vec((word, gap), 0..40).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(w, g)| [w, g.to_owned()])
            .collect()
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), mixed_text()]
}

fn normalizers() -> Vec<Normalizer> {
    vec![
        Normalizer::new(),
        Normalizer::new()
            .unicode_form(UnicodeForm::Nfkc)
            .strip_diacritics(true)
            .teh_marbuta(true)
            .russian_yo(true),
        Normalizer::new().case_fold(false).fold_punctuation(false),
        // NFKC and the optional rules without diacritic stripping: what windows fold.
        Normalizer::new()
            .unicode_form(UnicodeForm::Nfkc)
            .teh_marbuta(true)
            .russian_yo(true),
        // Diacritic stripping without the script rules: Greek accents stay for it to see
        // (found by probing: "ΰsä" was not idempotent).
        Normalizer::new()
            .fold_punctuation(false)
            .language_rules(false)
            .russian_yo(true)
            .strip_diacritics(true),
    ]
}

fn langs() -> Vec<Lang> {
    [
        "und", "eng", "tur", "pes", "ara", "rus", "ell", "urd", "hin",
    ]
    .iter()
    .map(|c| c.parse().unwrap())
    .collect()
}

/// Found by `analysis_never_panics_and_keeps_valid_spans`: a token that is only an Arabic
/// vowel mark, which the Arabic stemmer would strip to nothing.
#[test]
fn a_lone_vowel_mark_keeps_a_term() {
    let doc = Pipeline::builder().build().analyze("\u{64b}\u{5d0}\u{610}");
    assert!(doc.tokens.iter().all(|t| !doc.term_of(t).is_empty()));
    let arabic: Lang = "ara".parse().unwrap();
    let doc = Pipeline::builder()
        .languages([arabic])
        .build()
        .analyze("\u{64b} عُمان");
    assert_eq!(doc.tokens.len(), 2);
    assert!(doc.tokens.iter().all(|t| !doc.term_of(t).is_empty()));
}

/// Detectors that take every path: default, sampled (tiny budget), allow-listed, with a
/// fallback, plain whatlang.
fn detectors() -> Vec<Detector> {
    let allow: Vec<Lang> = ["eng", "ara", "rus"]
        .iter()
        .map(|c| c.parse().unwrap())
        .collect();
    vec![
        Detector::new(),
        Detector::new().sample_bytes(64).unwrap(),
        Detector::new().allowlist(allow).sample_bytes(64).unwrap(),
        Detector::new()
            .fallback("deu".parse().unwrap())
            .min_confidence(0.5)
            .unwrap(),
        Detector::whatlang_only(),
    ]
}

/// Spans cover `text` end to end, in order, without gaps or empty spans, on character
/// boundaries, and neighbours differ.
fn check_spans(text: &str, spans: &[LanguageSpan]) -> Result<(), TestCaseError> {
    if text.is_empty() {
        prop_assert!(spans.is_empty());
        return Ok(());
    }
    prop_assert!(!spans.is_empty());
    let mut at = 0;
    for (i, s) in spans.iter().enumerate() {
        prop_assert_eq!(s.span.start(), at);
        prop_assert!(s.span.end() > s.span.start());
        prop_assert!(text.is_char_boundary(s.span.start()) && text.is_char_boundary(s.span.end()));
        if i > 0 {
            let before = &spans[i - 1];
            prop_assert!((before.lang, before.script) != (s.lang, s.script));
        }
        at = s.span.end();
    }
    prop_assert_eq!(at, text.len());
    Ok(())
}

/// Words of several scripts and languages, so that texts mix them.
fn multilingual_text() -> impl Strategy<Value = String> {
    let words = prop_oneof![
        Just("the"),
        Just("minister"),
        Just("said"),
        Just("und"),
        Just("der"),
        Just("ikke"),
        Just("av"),
        Just("og"),
        Just("що"),
        Just("что"),
        Just("министр"),
        Just("في"),
        Just("الوزير"),
        Just("است"),
        Just("ہے"),
        Just("की"),
        Just("東京"),
        Just("です"),
        Just("서울"),
        Just("Ελλάδα"),
        Just("."),
        Just(","),
        Just("\n"),
        Just("2024"),
    ];
    proptest::collection::vec(words, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn detection_never_panics_and_spans_cover_the_text(
        text in prop_oneof![any_text(), multilingual_text()],
    ) {
        for detector in detectors() {
            let found = detector.detect(&text);
            prop_assert!((0.0..=1.0).contains(&found.confidence));
            let (document, spans) = detector.detect_spans(&text);
            check_spans(&text, &spans)?;
            prop_assert!((0.0..=1.0).contains(&document.confidence));
            // The document's language is one of its spans'.
            if !text.is_empty() {
                prop_assert!(spans.iter().any(|s| s.lang == document.lang));
            }
            // Within the budget, detect() reads the whole text just like detect_spans(), which
            // also looks at each sentence: the two agree unless a sentence stood out in another
            // language of its script (documented on `detect`).
            let one_language_per_script = spans.iter().all(|a| {
                spans.iter().all(|b| {
                    a.script != b.script
                        || a.lang == b.lang
                        || a.lang.is_undetermined()
                        || b.lang.is_undetermined()
                })
            });
            if text.len() <= 64 && one_language_per_script {
                prop_assert_eq!(found.lang, document.lang);
            }
        }
    }

    #[test]
    fn only_allowed_languages_are_detected(text in prop_oneof![any_text(), multilingual_text()]) {
        let allowed: Vec<Lang> = ["nob", "ukr", "urd"].iter().map(|c| c.parse().unwrap()).collect();
        for budget in [64, 1024] {
            let detector = Detector::new().allowlist(allowed.clone()).sample_bytes(budget).unwrap();
            let ok = |lang: Lang| lang.is_undetermined() || allowed.contains(&lang);
            prop_assert!(ok(detector.detect(&text).lang));
            let (document, spans) = detector.detect_spans(&text);
            prop_assert!(ok(document.lang));
            for span in spans {
                prop_assert!(ok(span.lang), "{:?}", span);
            }
        }
    }

    #[test]
    fn every_token_is_analysed_in_the_language_of_its_span(
        text in prop_oneof![any_text(), multilingual_text()],
    ) {
        let pipeline = Pipeline::builder().build();
        let doc = pipeline.analyze(&text);
        check_spans(&text, &doc.spans)?;
        for token in &doc.tokens {
            let span = doc
                .spans
                .iter()
                .find(|s| s.span.start() <= token.span.start() && token.span.start() < s.span.end())
                .expect("spans cover the text");
            // The token alone, analysed in its span's language, gives the same term.
            let alone = Pipeline::builder()
                .detector(Detector::new().allowlist([span.lang]).fallback(span.lang).min_confidence(2.0).unwrap())
                .build()
                .analyze(&text[token.span.range()]);
            if !span.lang.is_undetermined()
                && let Some(first) = alone.tokens.first()
            {
                prop_assert_eq!(alone.term_of(first), doc.term_of(token), "{:?}", span.lang);
            }
        }
    }

    #[test]
    fn tokens_are_ordered_slices_of_the_input(text in any_text()) {
        // UAX #29's tokens do not overlap; of the default's, only CJK bigrams do, two
        // neighbours by their shared character (with its marks and format characters).
        for (tokenizer, overlaps) in [
            (Tokenizer::new().cjk(CjkMode::Characters), false),
            (Tokenizer::new(), true),
        ] {
            let mut previous: Option<(usize, usize)> = None;
            for token in tokenizer.tokens(&text) {
                if let Some((start, end)) = previous {
                    let shared = || &text[token.span.start()..end];
                    // One character (a letter, or a symbol of a katakana run: `ダ㍀㍀`) and
                    // those UAX #29 attaches to it (WB4: marks, which may be letters too, as
                    // Devanagari's vowel signs are, format characters, ZWJ): each of those
                    // makes one segment with a `!` before it.
                    let attaches = |c: char| format!("!{c}").split_word_bounds().count() == 1;
                    let one_character = || {
                        let mut chars = shared().chars();
                        chars.next().is_some_and(|c| !attaches(c)) && chars.all(attaches)
                    };
                    prop_assert!(token.span.start() > start);
                    prop_assert!(token.span.start() >= end || (overlaps && one_character()));
                }
                prop_assert!(token.span.start() < token.span.end());
                prop_assert!(token.span.end() <= text.len());
                prop_assert!(text.is_char_boundary(token.span.start()));
                prop_assert!(text.is_char_boundary(token.span.end()));
                prop_assert_eq!(&text[token.span.range()], token.text);
                previous = Some((token.span.start(), token.span.end()));
            }
        }
    }

    #[test]
    fn analysis_never_panics_and_keeps_valid_spans(text in any_text()) {
        let pipeline = Pipeline::builder().build();
        let doc = pipeline.analyze(&text);
        let mut previous: Option<(usize, usize)> = None;
        for token in &doc.tokens {
            // In text order (CJK bigrams overlap: starts and ends go forward).
            if let Some((start, end)) = previous {
                prop_assert!(token.span.start() > start && token.span.end() > end);
            }
            prop_assert!(token.span.end() <= text.len());
            prop_assert!(text.is_char_boundary(token.span.start()) && text.is_char_boundary(token.span.end()));
            prop_assert!(!doc.term_of(token).is_empty());
            previous = Some((token.span.start(), token.span.end()));
        }
        prop_assert!(doc.tokens.len() <= doc.token_count);
        prop_assert_eq!(doc.terms.total(), doc.tokens.len() as u64);
    }

    /// The README: "Terms are in the normal form chosen; normalizing a term again leaves it
    /// as it is", stemmed terms too (a stem may end where a joiner or a combining mark was).
    #[test]
    fn terms_are_in_normal_form(text in any_text(), which in 0usize..8) {
        let code = ["eng", "ell", "fra", "ita", "tur", "rus", "hin", "ara"][which];
        let lang: Lang = code.parse().unwrap();
        let normalizer = Normalizer::new();
        let pipeline = Pipeline::builder()
            .languages([lang])
            .fallback_language(lang)
            .normalizer(normalizer.clone())
            .build();
        let doc = pipeline.analyze(&text);
        for (term, _) in doc.terms.iter() {
            prop_assert_eq!(normalizer.normalize(term, lang), term, "{} in {:?}", code, text);
        }
    }

    /// The pipeline composes a stem again only when it is not a prefix of its word: every
    /// prefix of a string in NFC or NFKC is in that form too.
    #[test]
    fn prefixes_of_normalized_text_are_normalized(
        text in prop_oneof![
            any_text(),
            // Letters that compose with the marks and jamo after them, and those marks.
            "[a-eυΰ\u{0300}-\u{036f}\u{0b47}\u{0b3e}\u{0b56}\u{0b57}\u{1100}-\u{1112}\u{1161}-\u{1175}\u{11a8}-\u{11c2}가-갛]{0,12}",
        ],
    ) {
        use unicode_normalization::UnicodeNormalization;
        let nfc: String = text.nfc().collect();
        let nfkc: String = text.nfkc().collect();
        for (end, _) in nfc.char_indices() {
            prop_assert!(unicode_normalization::is_nfc(&nfc[..end]), "{:?}", &nfc[..end]);
        }
        for (end, _) in nfkc.char_indices() {
            prop_assert!(unicode_normalization::is_nfkc(&nfkc[..end]), "{:?}", &nfkc[..end]);
        }
    }

    #[test]
    fn normalization_is_idempotent_and_never_empties_a_word(text in any_text()) {
        for normalizer in normalizers() {
            for lang in langs() {
                for token in Tokenizer::new().tokens(&text) {
                    let once = normalizer.normalize(token.text, lang);
                    prop_assert!(!once.is_empty(), "{:?} emptied", token.text);
                    // Terms are in the normal form the normalizer promises.
                    let normal = match normalizer.form() {
                        UnicodeForm::Nfc => unicode_normalization::is_nfc(&once),
                        UnicodeForm::Nfkc => unicode_normalization::is_nfkc(&once),
                    };
                    prop_assert!(normal, "{:?} → {:?} not in {:?}", token.text, once, normalizer.form());
                    let twice = normalizer.normalize(&once, lang);
                    prop_assert_eq!(&*twice, &*once, "{:?} {:?} {:?}", token.text, lang, normalizer);
                }
            }
        }
    }

    #[test]
    fn fused_normalization_equals_normalizing_each_token(
        text in prop_oneof![any_text(), script_words()],
    ) {
        // UAX #29's tokens, and the default's bigrams and dictionary words (whose tokens go
        // through the refiners, not straight from the windows).
        for tokenizer in [Tokenizer::new().cjk(CjkMode::Characters), Tokenizer::new()] {
        for normalizer in normalizers() {
            for lang in langs() {
                let expected: Vec<(String, String)> = tokenizer
                    .tokens(&text)
                    .map(|t| (t.text.to_owned(), normalizer.normalize(t.text, lang).into_owned()))
                    .collect();
                let mut fused = Vec::new();
                tokenizer.for_each_normalized(&text, &normalizer, lang, |t, term| {
                    fused.push((t.text.to_owned(), term.to_owned()));
                });
                prop_assert_eq!(&fused, &expected, "{:?} {:?}", lang, normalizer);
            }
        }
        }
    }

    #[test]
    fn parallel_equals_sequential(texts in proptest::collection::vec(any_text(), 0..12)) {
        let pipeline = Pipeline::builder().build();
        let sequential: Vec<_> = texts.iter().map(|t| pipeline.analyze(t)).collect();
        let batch = pipeline.analyze_batch(&texts);
        prop_assert_eq!(&batch.documents, &sequential);
    }

    /// `analyze_into` and `analyze_as_into` reuse an analysis's memory and nothing else: an
    /// analysis filled with document after document (larger and smaller, by pipelines that
    /// keep tokens or not, count bigrams or not, cut CJK text differently, detected or in a
    /// given language) holds what `analyze` gives for the last.
    #[test]
    fn reused_analyses_equal_new_ones(
        texts in proptest::collection::vec(prop_oneof![any_text(), multilingual_text()], 1..8),
        lang in 0usize..Lang::COUNT,
    ) {
        let lang = Lang::from_index(lang).unwrap();
        let pipelines = [
            Pipeline::builder().build(),
            Pipeline::builder().keep_tokens(false).build(),
            Pipeline::builder().bigrams(true).build(),
            Pipeline::builder().tokenizer(Tokenizer::new().cjk(CjkMode::Characters)).build(),
        ];
        // One analysis for all the pipelines, in turn.
        let mut reused = Analysis::default();
        for text in &texts {
            for pipeline in &pipelines {
                pipeline.analyze_into(text, &mut reused);
                prop_assert_eq!(&reused, &pipeline.analyze(text));
                pipeline.analyze_as_into(text, lang, &mut reused);
                prop_assert_eq!(&reused, &pipeline.analyze_as(text, lang));
            }
        }
    }

    #[test]
    fn merged_shards_equal_the_whole(
        texts in proptest::collection::vec(mixed_text(), 0..12),
        cut in 0usize..12,
    ) {
        let pipeline = Pipeline::builder().keep_tokens(false).build();
        let whole = pipeline.analyze_batch(&texts).stats;
        let cut = cut.min(texts.len());
        let (a, b) = texts.split_at(cut);
        let mut merged = pipeline.analyze_batch(b).stats;
        merged.merge(&pipeline.analyze_batch(a).stats);
        prop_assert_eq!(&merged, &whole);
        let mut empty_first = CorpusStats::new();
        empty_first.merge(&whole);
        prop_assert_eq!(&empty_first, &whole);
    }

    /// A term holds no white space, whatever the normalizer: a mark on a space is no token,
    /// and the space NFKC writes before a spacing mark (`¸`, `゛`) is no part of a term. But
    /// for U+202F, the narrow no-break space that joins Mongolian suffixes to their word
    /// (UAX #29's ExtendNumLet: `A` U+202F `a` is one word), which a normalizer that folds no
    /// punctuation keeps inside a word, never at its ends (French typography's, `«` U+202F
    /// `Bonjour` U+202F `»`).
    #[test]
    fn terms_hold_no_white_space(
        text in any_text(),
        which in 0usize..5,
    ) {
        let pipeline = Pipeline::builder().normalizer(normalizers()[which].clone()).build();
        let doc = pipeline.analyze(&text);
        for (term, _) in doc.terms.iter() {
            let space = |c: char| c.is_whitespace() && c != '\u{202F}';
            prop_assert!(!term.contains(space), "{:?} in {:?}", term, text);
            prop_assert!(!term.starts_with(char::is_whitespace), "{:?} in {:?}", term, text);
            prop_assert!(!term.ends_with(char::is_whitespace), "{:?} in {:?}", term, text);
        }
    }
}
