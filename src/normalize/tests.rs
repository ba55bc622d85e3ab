//! Unit tests of the normalizer: the rules a linguist would check, one example at a time.

use super::*;

/// Every string of one to `longest` characters from `pool`, for exhaustive tests of the
/// rules that read a character's neighbours.
pub(super) fn every_string(pool: &[char], longest: u32) -> impl Iterator<Item = String> + '_ {
    (1..=longest).flat_map(move |length| {
        (0..pool.len().pow(length)).map(move |n| {
            let mut rest = n;
            (0..length)
                .map(|_| {
                    let c = pool[rest % pool.len()];
                    rest /= pool.len();
                    c
                })
                .collect()
        })
    })
}

fn lang(code: &str) -> Lang {
    code.parse().unwrap()
}

fn norm(text: &str) -> String {
    Normalizer::new().normalize(text, Lang::UND).into_owned()
}

#[test]
fn lowercase_ascii_is_borrowed() {
    assert!(matches!(
        Normalizer::new().normalize("muscat", Lang::UND),
        Cow::Borrowed(_)
    ));
    assert!(matches!(
        Normalizer::new().normalize("سلطنة", Lang::UND),
        Cow::Borrowed(_)
    ));
}

#[test]
fn folding_then_another_rule_is_idempotent() {
    // `ŉ` case-folds to `ʼn`, whose `ʼ` the punctuation rule folds in turn.
    assert_eq!(norm("ŉ"), "'n");
    assert_eq!(norm(&norm("ŉ")), norm("ŉ"));
    // `÷` is no Latin letter: the mark after it is not an accent to strip.
    let stripping = Normalizer::new().strip_diacritics(true);
    let once = stripping.normalize("÷\u{5b0}\u{ad}", Lang::UND);
    assert_eq!(once, "÷\u{5b0}\u{ad}");
    assert_eq!(stripping.normalize(&once, Lang::UND), once);
}

#[test]
fn full_case_folding() {
    assert_eq!(norm("Straße"), "strasse");
    assert_eq!(norm("ΌΣΟΣ"), norm("όσος"));
    assert_eq!(norm("ﬁnance"), "finance");
    assert_eq!(norm("ſ"), "s");
    // Cherokee folds to its uppercase letters, which are the older ones.
    assert_eq!(norm("ꮳꮃꭹ"), "ᏣᎳᎩ");
}

#[test]
fn greek_final_sigma_and_accents() {
    assert_eq!(norm("λόγος"), "λογοσ");
    assert_eq!(norm("ΛΌΓΟΣ"), "λογοσ");
}

#[test]
fn turkish_dotted_and_dotless_i() {
    let n = Normalizer::new();
    assert_eq!(n.normalize("İSTANBUL", lang("tur")), "istanbul");
    assert_eq!(n.normalize("ISPARTA", lang("tur")), "ısparta");
    assert_eq!(n.normalize("ISPARTA", lang("eng")), "isparta");
    assert_eq!(n.normalize("İstanbul", lang("eng")), "i\u{307}stanbul");
}

#[test]
fn apostrophes_and_quotes() {
    assert_eq!(norm("Oman’s"), "oman's");
    assert_eq!(norm("Oman's"), "oman's");
    assert_eq!(norm("Ukrainian\u{02BC}s"), "ukrainian's");
    // Hebrew's geresh and gershayim are the ASCII quotes the web writes as often.
    assert_eq!(norm("צה״ל"), norm("צה\"ל"));
    assert_eq!(norm("ג׳ורג׳"), norm("ג'ורג'"));
}

#[test]
fn arabic_rules() {
    assert_eq!(norm("عُمان"), "عمان");
    assert_eq!(norm("أكّد"), "اكد");
    assert_eq!(norm("إسلام"), "اسلام");
    assert_eq!(norm("آخر"), "اخر");
    assert_eq!(norm("مصطفى"), "مصطفي");
    assert_eq!(norm("الـــعربية"), "العربية");
    assert_eq!(norm("مدرسة"), "مدرسة");
    assert_eq!(
        Normalizer::new()
            .teh_marbuta(true)
            .normalize("مدرسة", Lang::UND),
        "مدرسه"
    );
}

#[test]
fn persian_rules() {
    let n = Normalizer::new();
    assert_eq!(n.normalize("كتاب", lang("pes")), "کتاب");
    assert_eq!(n.normalize("علي", lang("pes")), "علی");
    assert_eq!(n.normalize("علي", lang("ara")), "علي");
    assert_eq!(
        n.normalize("می\u{200C}خواهم", lang("pes")),
        "می\u{200C}خواهم"
    );
    assert_eq!(n.normalize("خانه\u{200C}", lang("pes")), "خانه");
}

#[test]
fn hebrew_niqqud() {
    assert_eq!(norm("שָׁלוֹם"), "שלום");
}

#[test]
fn russian_yo_is_optional() {
    let n = Normalizer::new();
    assert_eq!(n.normalize("ёлка", lang("rus")), "ёлка");
    assert_eq!(
        n.clone().russian_yo(true).normalize("Ёлка", lang("rus")),
        "елка"
    );
    assert_eq!(n.russian_yo(true).normalize("ёлка", lang("bel")), "ёлка");
}

#[test]
fn digits_and_width() {
    assert_eq!(norm("٢٠٢٥"), "2025");
    assert_eq!(norm("۲۰۲۵"), "2025");
    assert_eq!(norm("२०२५"), "2025");
    assert_eq!(norm("Ｏｍａｎ２０２５"), "oman2025");
    // The Arabic decimal and thousands separators go with the digits: pi and a thousand,
    // as Latin digits write them (one token each, as UAX #29 keeps them).
    assert_eq!(norm("٣٫١٤"), "3.14");
    assert_eq!(norm("١٬٠٠٠"), "1,000");
    assert_eq!(norm("۳٫۱۴"), "3.14");
    let tokens: Vec<_> = crate::tokenize::Tokenizer::new()
        .tokens("٣٫١٤ ١٬٠٠٠")
        .map(|t| t.text)
        .collect();
    assert_eq!(tokens, ["٣٫١٤", "١٬٠٠٠"]);
}

#[test]
fn nfc_and_nfkc() {
    assert_eq!(norm("Cafe\u{301}"), "café");
    assert_eq!(norm("x²"), "x²");
    let nfkc = Normalizer::new().unicode_form(UnicodeForm::Nfkc);
    assert_eq!(nfkc.normalize("x²", Lang::UND), "x2");
}

#[test]
fn diacritics_are_optional_and_latin_only() {
    let n = Normalizer::new().strip_diacritics(true);
    assert_eq!(n.normalize("Crème brûlée", Lang::UND), "creme brulee");
    assert_eq!(n.normalize("Łódź", Lang::UND), "łodz");
    assert_eq!(n.normalize("عُمان", Lang::UND), "عمان");
    assert_eq!(n.normalize("й", Lang::UND), "й");
    assert_eq!(norm("Crème"), "crème");
}

#[test]
fn never_empty() {
    assert_eq!(norm("ـ"), "ـ");
    assert_eq!(norm("\u{00AD}"), "\u{00AD}");
    // Nor punctuation: a vowel mark that UAX #29 attached to a comma stays with it.
    assert_eq!(norm(",\u{64B}"), ",\u{64B}");
}

#[test]
fn bidirectional_controls_leave_no_trace_in_terms() {
    // Web text in Arabic and Hebrew wraps names and numbers in isolates and embeddings: the
    // term is the word's, whatever wrapped it.
    assert_eq!(norm("Oman\u{2069}"), "oman");
    assert_eq!(norm("\u{2066}Oman\u{2069}"), "oman");
    assert_eq!(norm("\u{202B}عمان\u{202C}"), "عمان");
    for control in [
        '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202D}', '\u{202E}',
    ] {
        assert_eq!(
            norm(&format!("{control}muscat{control}")),
            "muscat",
            "{control:?}"
        );
    }
    // Only with punctuation folding, as the other invisible characters.
    let kept = Normalizer::new().fold_punctuation(false);
    assert_eq!(kept.normalize("oman\u{2069}", Lang::UND), "oman\u{2069}");
}

#[test]
fn punctuation_alone_is_folded() {
    assert_eq!(norm("’"), "'");
    assert_eq!(norm("—"), "-");
    assert_eq!(norm("“”"), "\"\"");
    assert_eq!(norm("\u{200B}’"), "'");
    let n = Normalizer::new();
    let mut buffer = String::new();
    assert_eq!(n.normalize_to("’", Lang::UND, &mut buffer), "'");
    let strip = Normalizer::new().strip_diacritics(true);
    assert_eq!(strip.normalize("’", Lang::UND), "'");
    assert_eq!(strip.normalize(",\u{64B}", Lang::UND), ",\u{64B}");
}

#[test]
fn letters_without_a_capital_stay_composed() {
    // CaseFolding.txt folds `ǰ` to `j` + U+030C, which NFC composes back: the term is
    // the composed letter (found by probing: `ǰob` became `j\u{30c}ob`).
    for (word, term) in [
        ("ǰob", "ǰob"),
        ("J\u{30c}OB", "ǰob"),
        ("ẖ", "ẖ"),
        ("ẗ", "ẗ"),
        ("ẘ", "ẘ"),
        ("ẙ", "ẙ"),
        ("ᾶ", "ᾶ"),
    ] {
        assert_eq!(
            Normalizer::new()
                .language_rules(false)
                .normalize(word, Lang::UND),
            term,
            "{word}"
        );
    }
    // A capital whose folding is a letter with a singleton decomposition: composed too.
    assert_eq!(
        Normalizer::new()
            .language_rules(false)
            .normalize("\u{1FBB}", Lang::UND),
        "\u{3AC}"
    );
}

#[test]
fn greek_dialytika_and_tonos_are_idempotent_when_stripping_diacritics() {
    // Found by probing: "ΰsä" → "ΰsa" → "υ\u{308}\u{301}sa".
    for punctuation in [false, true] {
        let n = Normalizer::new()
            .fold_punctuation(punctuation)
            .language_rules(false)
            .russian_yo(true)
            .strip_diacritics(true);
        let urdu = lang("urd");
        for word in ["ΰsä", "ΐ", "ᾷ", "ΰ"] {
            let once = n.normalize(word, urdu).into_owned();
            assert_eq!(n.normalize(&once, urdu), once, "{word}");
        }
        assert_eq!(n.normalize("ΰsä", urdu), "ΰsa");
    }
}

#[test]
fn idempotent_on_examples() {
    for word in [
        "Straße",
        "ǰ",
        "İstanbul",
        "ΌΣΟΣ",
        "عُمان",
        "Ｏｍａｎ",
        "ﬁ",
        "ᾼ",
    ] {
        let once = norm(word);
        assert_eq!(norm(&once), once, "{word}");
    }
}

/// Two spellings of one Hindi word, one term: nukta (loan sounds), chandrabindu and
/// anusvara, a nasal consonant or anusvara before a consonant of its class, a vowel letter
/// in two pieces, a joiner that only picks a glyph.
#[test]
fn hindi_spelling_variants_are_one_term() {
    let hindi = lang("hin");
    let n = Normalizer::new();
    for (a, b) in [
        ("डिफ़ेंस", "डिफेंस"),        // defence
        ("ज़रूरी", "जरूरी"),        // necessary
        ("\u{0958}ानून", "कानून"), // law, with the composed qa (U+0958)
        ("क़ानून", "कानून"),        // law, with qa as ka + nukta
        ("दाँत", "दांत"),          // tooth
        ("हूँ", "हूं"),              // (I) am
        ("हिन्दी", "हिंदी"),       // Hindi
        ("सम्बन्ध", "संबंध"),        // relation
        ("आम", "अ\u{093E}म"),    // mango, आ drawn as अ + ा
        ("क्‍षेत्र", "क्षेत्र"),        // area, with a ZWJ after the virama
    ] {
        assert_eq!(n.normalize(a, hindi), n.normalize(b, hindi), "{a} {b}");
        // The same without a language: short queries are often undetermined.
        assert_eq!(n.normalize(a, Lang::UND), n.normalize(b, hindi), "{a}");
    }
    assert_eq!(n.normalize("दाँत", hindi), "दांत");
    // Letters the rules do not touch: a doubled nasal, a nasal before another class.
    assert_eq!(n.normalize("अन्न", hindi), "अन्न");
    assert_eq!(n.normalize("जन्म", hindi), "जन्म");
    // Off with the language rules.
    let plain = Normalizer::new().language_rules(false);
    assert_eq!(plain.normalize("दाँत", hindi), "दाँत");
}

/// Bengali and Malayalam letters that Unicode encoded after text spelled them with a virama
/// and ZWJ; Bengali's nukta letters (য়, ড়) are letters of their own and stay.
#[test]
fn old_spellings_of_bengali_and_malayalam_letters() {
    let n = Normalizer::new();
    assert_eq!(n.normalize("হঠাত্\u{200D}", lang("ben")), "হঠাৎ"); // suddenly
    // A final joiner that spells no letter is trimmed, as any joiner at a word's edge.
    assert_eq!(n.normalize("क्\u{200D}", Lang::UND), "क्");
    assert_eq!(n.normalize("അവന്\u{200D}", Lang::UND), "അവൻ"); // he
    assert_eq!(n.normalize("সময়", lang("ben")), "সময়"); // time: য় stays
    assert_ne!(n.normalize("সময়", lang("ben")), "সময");
}
