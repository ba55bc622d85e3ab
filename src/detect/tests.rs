//! The detector's behaviour on texts a linguist would check by hand.

use super::*;

fn lang(code: &str) -> Lang {
    code.parse().unwrap()
}

#[test]
fn detects_english_and_arabic() {
    let d = Detector::new();
    let english =
        d.detect("The meeting highlighted a mutual interest in building long-term cooperation.");
    assert_eq!(english.lang.code(), "eng");
    assert!(english.reliable);
    let arabic = d.detect("أكد الجانبان خلال الجلسة على الرغبة الصادقة لقيادتي البلدين");
    assert_eq!(arabic.lang.code(), "ara");
    assert_eq!(arabic.script.unwrap().name(), "Arabic");
    assert!(arabic.confidence > 0.5);
}

#[test]
fn empty_and_short_text_is_undetermined() {
    let d = Detector::new();
    for text in ["", "   ", "12 345", "!!", "ab"] {
        let found = d.detect(text);
        assert!(found.lang.is_undetermined(), "{text:?}");
        assert_eq!(found.confidence, 0.0);
        assert!(!found.reliable);
    }
}

#[test]
fn allowlist_restricts_the_answer() {
    let eng = lang("eng");
    let d = Detector::new().allowlist([eng, Lang::UND]);
    assert_eq!(d.allowed(), [eng]);
    assert_eq!(
        d.detect("Der Vertrag wurde gestern unterzeichnet.").lang,
        eng
    );
    // No allowed language uses this script.
    assert!(
        d.detect("Переговоры прошли в Москве.")
            .lang
            .is_undetermined()
    );
    let d = Detector::new().allowlist([lang("ukr"), lang("rus")]);
    assert_eq!(d.detect("Переговоры прошли в Москве.").lang.code(), "rus");
    // whatlang itself would answer Japanese here.
    for d in [Detector::new(), Detector::whatlang_only()] {
        let d = d.allowlist([eng]);
        assert!(d.detect("東京で会議が開かれた").lang.is_undetermined());
        assert!(d.detect("北京举行了会议").lang.is_undetermined());
    }
}

#[test]
fn close_languages() {
    let d = Detector::new();
    let cases = [
        (
            "dan",
            "Ministeren sagde, at regeringen ikke havde truffet nogen beslutning endnu.",
        ),
        (
            "nob",
            "Ministeren sa at regjeringen ikke hadde tatt noen beslutning ennå.",
        ),
        (
            "swe",
            "Ministern sade att regeringen ännu inte hade fattat något beslut.",
        ),
        (
            "spa",
            "El ministro dijo que el gobierno todavía no había tomado ninguna decisión.",
        ),
        (
            "cat",
            "El ministre va dir que el govern encara no havia pres cap decisió.",
        ),
        (
            "por",
            "O ministro disse que o governo ainda não tinha tomado nenhuma decisão.",
        ),
        (
            "rus",
            "Министр сказал, что правительство ещё не приняло никакого решения.",
        ),
        (
            "ukr",
            "Міністр сказав, що уряд ще не ухвалив жодного рішення.",
        ),
        (
            "bul",
            "Министърът каза, че правителството все още не е взело решение.",
        ),
        (
            "bel",
            "Міністр сказаў, што ўрад яшчэ не прыняў ніякага рашэння.",
        ),
        (
            "ces",
            "Ministr řekl, že vláda zatím nepřijala žádné rozhodnutí.",
        ),
        (
            "slk",
            "Minister povedal, že vláda zatiaľ neprijala žiadne rozhodnutie.",
        ),
        (
            "hrv",
            "Ministar je rekao da vlada još nije donijela nikakvu odluku.",
        ),
        (
            "ind",
            "Menteri mengatakan bahwa pemerintah belum mengambil keputusan apa pun.",
        ),
        ("ara", "قال الوزير إن الحكومة لم تتخذ أي قرار بعد."),
        ("pes", "وزیر گفت که دولت هنوز هیچ تصمیمی نگرفته است."),
        (
            "urd",
            "وزیر نے کہا کہ حکومت نے ابھی تک کوئی فیصلہ نہیں کیا ہے۔",
        ),
    ];
    for (code, text) in cases {
        assert_eq!(d.detect(text).lang.code(), code, "{text}");
    }
}

#[test]
fn a_few_words() {
    let d = Detector::new();
    for (code, text) in [
        ("eng", "The president"),
        ("deu", "Die Regierung"),
        ("fra", "Le gouvernement"),
        ("ukr", "Україна і"),
        ("urd", "کہا ہے"),
        // Each word alone is as much Italian, Catalan or Maltese ("il", "a", "es", "una",
        // "y"): the pair is not.
        ("fra", "Il a"),
        ("fra", "Il y"),
        ("spa", "Es una"),
        ("spa", "No se"),
    ] {
        assert_eq!(d.detect(text).lang.code(), code, "{text}");
    }
}

#[test]
fn fallback_replaces_undetermined_only() {
    let d = Detector::new().fallback(lang("deu"));
    assert_eq!(d.detect("ok").lang.code(), "deu");
    assert_eq!(d.detect("12").lang.code(), "deu");
    assert_eq!(d.detect("The talks were long.").lang.code(), "eng");
    let (doc, spans) = d.detect_spans("?!");
    assert_eq!(doc.lang.code(), "deu");
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].lang.code(), "deu");
}

#[test]
fn min_confidence_leaves_weak_answers_undetermined() {
    let strict = Detector::new().min_confidence(0.99).unwrap();
    assert!(strict.detect("Trump Tower").lang.is_undetermined());
    assert_eq!(
        strict
            .detect("The minister said that the talks with his counterpart had gone well.")
            .lang
            .code(),
        "eng"
    );
}

#[test]
fn short_foreign_names_take_their_script_s_language() {
    let text = "قال Lavrov إن روسيا مستعدة. وقال الوزير: \"We welcome the proposal.\"";
    let (_, spans) = Detector::new().detect_spans(text);
    let latin: Vec<&str> = spans
        .iter()
        .filter(|s| s.script.map(|s| s.name()) == Some("Latin"))
        .map(|s| s.lang.code())
        .collect();
    assert_eq!(latin, ["eng", "eng"]);
}

#[test]
fn every_script_of_a_text_of_many_runs_gets_its_language() {
    let parts = [
        "The minister said that the talks were good. ",
        "قال الوزير إن المحادثات كانت جيدة. ",
        "Министр сказал, что переговоры прошли хорошо. ",
    ];
    // Hundreds of runs: more than are identified one by one.
    let text: String = (0..300).map(|i| parts[i % 3]).collect();
    let (doc, spans) = Detector::new().detect_spans(&text);
    // Russian has the most bytes.
    assert_eq!(doc.lang.code(), "rus");
    for span in &spans {
        let expected = match span.script.map(|s| s.name()) {
            Some("Latin") => "eng",
            Some("Arabic") => "ara",
            _ => "rus",
        };
        assert_eq!(span.lang.code(), expected, "{span:?}");
    }
}

#[test]
fn long_texts_are_sampled_and_agree() {
    let sentence = "The ministers discussed trade, energy and security in the region. ";
    let text = sentence.repeat(500);
    let d = Detector::new();
    let found = d.detect(&text);
    assert_eq!(found.lang.code(), "eng");
    assert!(found.reliable);
    let (doc, spans) = d.detect_spans(&text);
    assert_eq!(doc.lang.code(), "eng");
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].span, Span::new(0, text.len()));
}

#[test]
fn whatlang_only_is_plain_whatlang() {
    let text = "Regjeringen la fram et nytt forslag i går.";
    let plain = Detector::whatlang_only().detect(text);
    assert_eq!(
        Some(plain.lang.whatlang().unwrap()),
        ::whatlang::detect_lang(text)
    );
    let (_, spans) = Detector::whatlang_only().detect_spans(text);
    assert_eq!(spans.len(), 1);
}

#[test]
fn whatlang_only_takes_the_minimum_confidence_asked_for() {
    let text = "Die Minister trafen sich in Maskat.";
    assert_eq!(Detector::whatlang_only().detect(text).lang.code(), "deu");
    let never = Detector::whatlang_only().min_confidence(1.5).unwrap();
    assert!(never.detect(text).lang.is_undetermined());
    let fallback = never.fallback(Lang::from_code("eng").unwrap());
    assert_eq!(fallback.detect(text).lang.code(), "eng");
}

#[test]
fn what_cannot_lie_decides_short_text() {
    let d = Detector::new();
    let code = |text: &str| d.detect(text).lang.code();
    // Kana is Japanese, even with Han; Hangul is Korean.
    assert_eq!(code("東京で"), "jpn");
    assert_eq!(code("カメラ"), "jpn");
    assert_eq!(code("서울"), "kor");
    // Two Han characters: Chinese, less surely than a sentence.
    let found = d.detect("中国");
    assert_eq!(found.lang.code(), "cmn");
    assert_eq!(found.script, Some(Script::Han));
    assert!(found.confidence < 0.9 && !found.reliable);
    // Cantonese only with characters of its own.
    assert_eq!(code("佢哋喺度"), "yue");
    assert_eq!(code("他們在這裡"), "cmn");
    assert_eq!(code("兩國關係良好"), "cmn");
    assert_eq!(code("佢係老師"), "yue");
    // Scripts with one language.
    for (text, lang) in [
        ("สวัสดี", "tha"),
        ("ສະບາຍດີ", "lao"),
        ("សួស្តី", "khm"),
        ("မင်္ဂလာပါ", "mya"),
        ("გამარჯობა", "kat"),
        ("բարեւ", "hye"),
        ("γεια", "ell"),
        ("ආයුබෝවන්", "sin"),
        ("ދިވެހި", "div"),
        ("ਪੰਜਾਬੀ", "pan"),
        ("ગુજરાતી", "guj"),
        ("தமிழ்", "tam"),
        ("ଓଡ଼ିଆ", "ori"),
        ("ⵜⴰⵛⵍⵃⵉⵜ", "shi"),
    ] {
        assert_eq!(code(text), lang, "{text}");
    }
    assert!(d.detect("ⵜⴰⵛⵍⵃⵉⵜ").confidence < 0.9);
    assert!(d.detect("12 345 !?").lang.is_undetermined());
    // One Han character is too little (it counts as two letters of the three needed).
    assert!(d.detect("中").lang.is_undetermined());
    // Fewer letters than `min_letters` are enough when their script names the language: a
    // Greek article, a Sinhala or Malayalam postposition after a number, one kana or Hangul
    // syllable. One letter alone is as often a symbol (π, Ω), and "ok" or "中" could be
    // anything: those stay undetermined.
    for (text, lang) in [
        ("Το 58%", "ell"),
        ("17 වන", "sin"),
        ("1953 ലെ", "mal"),
        ("カ", "jpn"),
        ("한", "kor"),
    ] {
        assert_eq!(code(text), lang, "{text}");
        let (doc, spans) = d.detect_spans(text);
        assert_eq!(doc.lang.code(), lang, "{text}");
        assert!(spans.iter().any(|s| s.lang.code() == lang), "{text}");
    }
    for text in ["π", "5 Ω", "ok", "ש"] {
        assert!(d.detect(text).lang.is_undetermined(), "{text}");
    }
    // A minimum set above the default holds for every script; one set to 1 lets one
    // letter name its language.
    assert!(
        Detector::new()
            .min_letters(50)
            .detect("Το 58%")
            .lang
            .is_undetermined()
    );
    assert_eq!(
        Detector::new().min_letters(1).detect("π").lang.code(),
        "ell"
    );
    // An allow-list that leaves a script one language does not make it name the language.
    let russian = Detector::new().allowlist([lang("rus"), lang("eng")]);
    assert!(russian.detect("ок").lang.is_undetermined());
    assert_eq!(russian.detect("Это").lang.code(), "rus");
}

#[test]
fn one_allowed_language_that_writes_han_is_the_language_of_han_text() {
    let chinese = "今天早上很冷，所以我们待在家里看书。";
    for code in ["yue", "cmn", "jpn"] {
        let d = Detector::new().allowlist([lang(code), lang("eng")]);
        let found = d.detect(chinese);
        assert_eq!((found.lang.code(), found.confidence), (code, 1.0));
        assert_eq!(d.detect_spans(chinese).0.lang.code(), code);
    }
    // Kana are Japanese alone: with Chinese alone allowed they stay undetermined, and so does
    // Japanese of more kanji than kana.
    let d = Detector::new().allowlist([lang("cmn"), lang("eng")]);
    assert_eq!(d.detect("ひらがなとカタカナ").lang, Lang::UND);
    assert_eq!(d.detect("日本政府は経済対策を発表した。").lang, Lang::UND);
    // Korean text with hanja is Korean where Korean is allowed.
    let d = Detector::new().allowlist([lang("kor"), lang("jpn")]);
    assert_eq!(d.detect("대한민국은 民主共和國이다.").lang.code(), "kor");
    // Two Han writers allowed: the characters decide, as without an allow-list.
    let d = Detector::new().allowlist([lang("cmn"), lang("yue")]);
    assert_eq!(
        d.detect("佢哋喺度食緊飯，我哋等陣先去。").lang.code(),
        "yue"
    );
}

#[test]
fn serbian_in_both_alphabets_is_serbian_in_both() {
    let d = Detector::new();
    let text = "Jutros je bilo hladno. Јутрос је било хладно.";
    let (found, spans) = d.detect_spans(text);
    assert_eq!(found.lang.code(), "srp");
    assert!(spans.iter().all(|s| s.lang.code() == "srp"), "{spans:?}");
}

#[test]
fn a_document_of_one_piece_has_its_confidence_exactly() {
    // Japanese by its own forms: 0.9, not a mean's rounding of it (0.8999999999999999).
    assert_eq!(Detector::new().detect("東京駅").confidence, 0.9);
    assert_eq!(Detector::new().detect_spans("東京駅").0.confidence, 0.9);
}

#[test]
fn kana_report_their_script_labelled_or_not() {
    let hiragana = Script::Hiragana;
    assert_eq!(Detector::new().detect("の").script, Some(hiragana));
    let strict = Detector::new().min_letters(4);
    assert_eq!(strict.detect("の").script, Some(hiragana));
    assert!(strict.detect("の").lang.is_undetermined());
    let chinese_only = Detector::new().allowlist([lang("cmn")]);
    assert_eq!(chinese_only.detect("カ").script, Some(Script::Katakana));
    assert_eq!(
        chinese_only.detect_spans("カメラ").1[0].script,
        Some(Script::Katakana)
    );
}

#[test]
fn a_chinese_sentence_in_korean_text_is_chinese() {
    // 们 这 门: simplified forms, which Korean hanja (traditional forms) never are.
    let (_, spans) = Detector::new().detect_spans(
        "서울은 대한민국의 수도입니다. 我们今天去北京看看天安门，这是我们的第一次旅行。",
    );
    let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["kor", "cmn"]);
    // Hanja stay Korean, traditional forms and all (國, 學).
    let (_, spans) = Detector::new().detect_spans("大韓民國 헌법 제1조, 서울大學校");
    assert!(spans.iter().all(|s| s.lang.code() == "kor"), "{spans:?}");
}

#[test]
fn han_in_japanese_and_korean_text_is_theirs() {
    let (doc, spans) = Detector::new().detect_spans("東京 Tower に行きました");
    assert_eq!(doc.lang.code(), "jpn");
    assert_eq!(spans.first().map(|s| s.lang.code()), Some("jpn"));
    let (doc, spans) = Detector::new().detect_spans("大韓民國 헌법 제1조");
    assert_eq!(doc.lang.code(), "kor");
    assert!(spans.iter().all(|s| s.lang.code() == "kor"), "{spans:?}");
}

#[test]
fn chinese_and_japanese_sentences_of_one_text_keep_their_languages() {
    let d = Detector::new();
    let langs = |text: &str| -> Vec<&'static str> {
        let (_, spans) = d.detect_spans(text);
        spans.iter().map(|s| s.lang.code()).collect()
    };
    // A Chinese article that names a Japanese brand in katakana is Chinese.
    let chinese = "索尼公司今天在东京发布了新一代游戏机，预计将于明年春季在中国市场正式上市销售。\
                   该公司表示，ソニー品牌的新产品将继续采用与上一代相同的价格策略，以吸引更多的年轻消费者。";
    assert_eq!(d.detect(chinese).lang.code(), "cmn");
    assert_eq!(langs(chinese), ["cmn"]);
    // A Japanese sentence quoted in Chinese text, and a Chinese one in Japanese text.
    let first = "外交部长今天在马斯喀特会见了阿曼苏丹国的外交大臣，双方就地区安全问题交换了意见。";
    let japanese = "両国は来年も協議を続けることで合意したと、外務省の関係者は語った。";
    let last = "双方还表示将进一步加强在能源、贸易和旅游等领域的合作，推动两国关系继续向前发展。";
    assert_eq!(
        langs(&format!("{first}{japanese}{last}")),
        ["cmn", "jpn", "cmn"]
    );
    let before = "外務大臣は今日、マスカットでオマーンの外務大臣と会談し、地域の安全保障について意見を交換した。";
    let after = "両国は来年も協議を続けることで合意したと、外務省の関係者は語った。";
    assert_eq!(
        langs(&format!("{before}{first}{after}")),
        ["jpn", "cmn", "jpn"]
    );
    // A Chinese sentence shorter than a Japanese heading of kanji can be, in Japanese text:
    // its simplified forms say it.
    let short = "他说：这是真的，我们都知道。";
    assert_eq!(
        langs(&format!("{before}{short}{after}")),
        ["jpn", "cmn", "jpn"]
    );
    // Chinese cut off by a Latin name in a text with Japanese sentences stays Chinese.
    let named = "美国东部十月份的天气预报显示 CBS 的平均收视率依然很高，听证会后人们依然兴趣高涨。";
    let (_, spans) = d.detect_spans(&format!("{named}{after}{first}"));
    for span in &spans {
        let text = &format!("{named}{after}{first}")[span.span.range()];
        if text.contains("收视率") || text.contains("外交部长") {
            assert_eq!(span.lang.code(), "cmn", "{text}");
        }
    }
    // A katakana name in a short Chinese sentence of Chinese text is no Japanese sentence.
    let brand = "他们说，トヨタ汽车在上海的新工厂明年投产。";
    assert_eq!(langs(&format!("{first}{brand}{last}")), ["cmn"]);
    // 係 and its neighbours in Japanese text are Japanese, not Cantonese.
    let staff = "総務部人事係長会議資料配布予定日程表一覧。";
    assert_eq!(
        langs(&format!("{before}{staff}{after}")),
        ["jpn"],
        "a heading of kanji"
    );
    // Short text: any hiragana is Japanese, however many Han characters beside it; any
    // kana among a few.
    assert_eq!(
        d.detect("国立研究開発法人宇宙航空研究開発機構の小惑星探査機")
            .lang
            .code(),
        "jpn"
    );
    assert_eq!(d.detect("ソニー").lang.code(), "jpn");
    assert_eq!(d.detect("ソニーの新製品").lang.code(), "jpn");
    // Hanja in Korean text stay Korean.
    let korean = "대한민국 헌법 제1조는 大韓民國은 民主共和國이다라고 규정하고 있으며, 모든 권력은 국민으로부터 나온다.";
    assert!(
        langs(korean).iter().all(|l| *l == "kor"),
        "{:?}",
        langs(korean)
    );
}

#[test]
fn shared_scripts_need_evidence() {
    let d = Detector::new();
    for (text, lang) in [
        ("ኢትዮጵያ ውስጥ ያሉ ሰዎች ሁሉ እኩል ናቸው።", "amh"),
        ("ኩሎም ሰባት ብማዕረግ ዝተወልዱ እዮም።", "tir"),
        ("Үкімет әлі шешім қабылдаған жоқ деді министр.", "kaz"),
        (
            "Засгийн газар шийдвэр гаргаагүй байна гэж сайд хэлэв.",
            "mon",
        ),
        (
            "Waziri alisema kwamba serikali bado haijafanya uamuzi.",
            "swa",
        ),
        (
            "Ministrinn sagði að ríkisstjórnin hefði ekki tekið ákvörðun.",
            "isl",
        ),
    ] {
        assert_eq!(d.detect(text).lang.code(), lang, "{text}");
    }
}

#[test]
fn a_few_words_of_chinese_among_latin_names_are_chinese() {
    let d = Detector::new();
    assert_eq!(d.detect("Sims 时年 20 岁。").lang.code(), "cmn");
    assert_eq!(
        d.detect("The High Breed:理性的なヒップホップとは?")
            .lang
            .code(),
        "jpn"
    );
}

#[test]
fn words_beyond_what_the_windows_sample_are_found() {
    let d = Detector::new();
    let sentence = "Der Minister sagte, die Gespräche seien gut verlaufen.";
    // A sentence, then a long list of numbers, spaces or emoji: the sampled windows see
    // no word, and the text is read from its start.
    let numbers: Vec<String> = (0..400).map(|n| n.to_string()).collect();
    for text in [
        format!("{sentence}\n{}", numbers.join("\n")),
        format!("{}{sentence}", " ".repeat(2000)),
        format!("{}{sentence}", "1 ".repeat(2000)),
        format!("{}{sentence}", "😀".repeat(400)),
    ] {
        assert!(text.len() > 1024);
        assert_eq!(d.detect(&text).lang.code(), "deu", "{text:.40}");
        assert_eq!(d.detect_spans(&text).0.lang.code(), "deu", "{text:.40}");
    }
    // Beyond the 64 KiB that `detect` reads from the start of a wordless sample (its cost
    // is bounded), `detect_spans` reads on: it reads every sentence anyway.
    let pages = format!("{}{sentence}", "1234 5678 9012\n".repeat(5_000));
    assert!(pages.len() > 70_000);
    let (found, spans) = d.detect_spans(&pages);
    assert_eq!(found.lang.code(), "deu");
    assert!(spans.iter().any(|s| s.lang.code() == "deu"));
    // Scripts of a few languages, where the priors alone would name one, and a language
    // that an allow-list keeps among three.
    let numbers = numbers.join("\n");
    let trio = Detector::new().allowlist([lang("deu"), lang("eng"), lang("fra")]);
    for (detector, sentence, code) in [
        (&d, "मंत्री म्हणाले की चर्चा चांगली झाली.", "mar"),
        (&d, "وزیر نے کہا کہ بات چیت اچھی رہی۔", "urd"),
        (
            &d,
            "דער מיניסטער האָט געזאָגט אַז די שמועסן זענען געגאַנגען גוט.",
            "yid",
        ),
        (
            &trio,
            "The minister said that the talks had gone well.",
            "eng",
        ),
    ] {
        let text = format!("{sentence}\n{numbers}");
        assert_eq!(detector.detect(&text).lang.code(), code, "{sentence}");
        assert_eq!(
            detector.detect_spans(&text).0.lang.code(),
            code,
            "{sentence}"
        );
    }
}

#[test]
fn a_word_longer_than_any_language_s_is_no_evidence() {
    let d = Detector::new();
    let pair = Detector::new().allowlist([lang("eng"), lang("fra")]);
    for text in ["x".repeat(100_000), "a".repeat(5000), "ab".repeat(40)] {
        // Undetermined, also where the priors of two languages would name one.
        for detector in [&d, &pair] {
            let found = detector.detect(&text);
            assert!(found.lang.is_undetermined(), "{text:.20}: {found:?}");
            assert!(detector.detect_spans(&text).0.lang.is_undetermined());
        }
    }
    // Beside real words, such a word leaves them to decide.
    let text = format!(
        "{} the cat sat on the mat and the dog sat on the log",
        "ab".repeat(600)
    );
    assert_eq!(d.detect(&text).lang.code(), "eng");
    let french = "Le ministre a dit que les discussions s'étaient bien passées.";
    let text = format!("https://example.com/{} {french}", "a".repeat(2000));
    assert_eq!(d.detect(&text).lang.code(), "fra");
}

#[test]
fn a_few_latin_letters_in_text_of_another_script_are_a_name() {
    let d = Detector::new();
    for (text, names) in [
        (
            "Apple представила новый iPhone в Купертино",
            ["Apple", "iPhone"].as_slice(),
        ),
        ("Путин и Trump встретились в Хельсинки", &["Trump"]),
        ("OK Москва", &["OK"]),
        ("قال Lavrov إن روسيا مستعدة", &["Lavrov"]),
        // Two Han characters are a word (as min_letters counts them, four letters).
        ("Sims 时年", &["Sims"]),
        // Names long enough for the model to guess at, unsurely, beside a sentence sure of
        // its language (they were Polish and English, to be stemmed as such).
        (
            "他在 Lloyds Pharmacy 工作了十年，后来去了超市。",
            &["Lloyds Pharmacy"],
        ),
        (
            "قال Fleetwood Mac إن الجولة ستبدأ في مسقط الشهر المقبل.",
            &["Fleetwood Mac"],
        ),
    ] {
        let (_, spans) = d.detect_spans(text);
        let mut found = 0;
        for span in &spans {
            let part = text[span.span.range()].trim();
            if names.contains(&part) {
                // No language of its own: the model would guess from a name.
                assert!(
                    span.lang.is_undetermined(),
                    "{text}: {part} is {}",
                    span.lang
                );
                found += 1;
            }
        }
        assert_eq!(found, names.len(), "{text}: {spans:?}");
    }
    // Names in Latin letters, however many of their bytes, do not make a sentence of another
    // script theirs; a word of another script quoted in Latin text keeps its language.
    for (text, lang) in [
        ("נפגשו Emmanuel Macron ו Olaf Scholz בפריז.", "heb"),
        ("Οι New York Times και Washington Post γράφουν.", "ell"),
        ("ذكرت New York Times و Washington Post أن", "ara"),
    ] {
        assert_eq!(d.detect(text).lang.code(), lang, "{text}");
        assert_eq!(d.detect_spans(text).0.lang.code(), lang, "{text}");
    }
    for (text, word, lang) in [
        ("The Ukrainian word дякую means thanks.", "дякую", "ukr"),
        ("The Hindi word नमस्ते is a greeting.", "नमस्ते", "hin"),
    ] {
        let (_, spans) = d.detect_spans(text);
        let span = spans.iter().find(|s| text[s.span.range()].trim() == word);
        assert_eq!(span.map(|s| s.lang.code()), Some(lang), "{text}: {spans:?}");
    }
    // The short run of a script beside a longer one takes the longer one's language; runs
    // all too short to say it on their own say it together.
    for text in [
        "Путин и Trump встретились в Хельсинки",
        "Президент Donald Trump заявил, что New York Times ошибается.",
        "Встреча Emmanuel Macron и Olaf Scholz.",
    ] {
        let (doc, spans) = d.detect_spans(text);
        assert_eq!(doc.lang.code(), "rus", "{text}");
        for span in spans.iter().filter(|s| s.script == Some(Script::Cyrillic)) {
            assert_eq!(span.lang.code(), "rus", "{text}: {spans:?}");
        }
    }
    // In text of their own script, short runs are words: the text keeps its language. And
    // one letter of a script that names its language among more of another is a symbol.
    assert_eq!(d.detect("Das Ω ist gut").lang.code(), "deu");
    let text = "Set α to 0.5 and β to 0.3 in the model"; // more than four runs
    let (doc, spans) = d.detect_spans(text);
    assert_eq!(doc.lang.code(), "eng");
    for span in &spans {
        let expected = if span.script == Some(Script::Greek) {
            "und"
        } else {
            "eng"
        };
        assert_eq!(span.lang.code(), expected, "{span:?}");
    }
    // Names beside a quotation in their script take its language (as before).
    let text = "قال Lavrov إن روسيا مستعدة. وقال الوزير: \"We welcome the proposal.\"";
    let (_, spans) = d.detect_spans(text);
    let latin: Vec<&str> = spans
        .iter()
        .filter(|s| s.script == Some(Script::Latin))
        .map(|s| s.lang.code())
        .collect();
    assert_eq!(latin, ["eng", "eng"]);
}

#[test]
fn full_width_latin_is_read_as_the_ascii_it_stands_for() {
    let detector = Detector::new();
    let cases = [
        (
            "Ｔｈｅ ｆｏｒｅｉｇｎ ｍｉｎｉｓｔｅｒ ｈｅｌｄ ｔａｌｋｓ ｗｉｔｈ ｈｉｓ Ｒｕｓｓｉａｎ ｃｏｕｎｔｅｒｐａｒｔ ｉｎ Ｍｕｓｃａｔ．",
            "eng",
        ),
        (
            "Ｄｅｒ Ｍｉｎｉｓｔｅｒ ｓａｇｔｅ， ｄｉｅ Ｇｅｓｐｒäｃｈｅ ｓｅｉｅｎ ｇｕｔ ｖｅｒｌａｕｆｅｎ．",
            "deu",
        ),
    ];
    for (text, code) in cases {
        assert_eq!(detector.detect(text).lang.code(), code, "{text}");
        let (document, spans) = detector.detect_spans(text);
        assert_eq!(document.lang.code(), code, "{text}");
        assert_eq!(spans.len(), 1);
    }
}
