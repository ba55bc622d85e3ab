//! The refiners, on examples.

use super::super::{CjkMode, TokenKind, Tokenizer};

fn texts<'t>(tokenizer: &Tokenizer, text: &'t str) -> Vec<(&'t str, TokenKind)> {
    tokenizer.tokens(text).map(|t| (t.text, t.kind)).collect()
}

fn words(tokenizer: &Tokenizer, text: &str) -> Vec<String> {
    tokenizer.tokens(text).map(|t| t.text.to_owned()).collect()
}

/// The tokens of these kinds, in order.
fn of_kinds(tokenizer: &Tokenizer, text: &str, kinds: &[TokenKind]) -> Vec<String> {
    tokenizer
        .tokens(text)
        .filter(|t| kinds.contains(&t.kind))
        .map(|t| t.text.to_owned())
        .collect()
}

#[test]
fn urls_without_trailing_punctuation() {
    let t = Tokenizer::new().urls(true);
    assert_eq!(
        words(&t, "See https://en.wikipedia.org/wiki/Oman_(country)."),
        ["See", "https://en.wikipedia.org/wiki/Oman_(country)"]
    );
    assert_eq!(words(&t, "(www.omanobserver.om)"), ["www.omanobserver.om"]);
    assert_eq!(words(&t, "http:// x"), ["http", "x"]);
    assert_eq!(
        words(&t, "https://ar.wikipedia.org/wiki/عمان، ثم"),
        ["https://ar.wikipedia.org/wiki/عمان", "ثم"]
    );
}

#[test]
fn urls_end_at_the_punctuation_of_any_script() {
    let t = Tokenizer::new().urls(true);
    let url = |text: &str| of_kinds(&t, text, &[TokenKind::Url]).into_iter().next();
    for text in [
        "详见https://x.y/a！谢谢",
        "网址https://x.y/a？",
        "Wow https://x.y/a…",
        "انظر https://x.y/a؟",
        "यहाँ देखें https://x.y/a।",
        "Visit https://x.y/a—the best site",
        "«https://x.y/a»",
        "¿Viste https://x.y/a?",
    ] {
        assert_eq!(url(text).as_deref(), Some("https://x.y/a"), "{text}");
    }
    // A host's ASCII name stops where the words of a script without spaces begin; a host or
    // path of such letters is the URL's.
    let chinese = words(
        &t.clone().cjk(CjkMode::Characters),
        "访问https://example.com了解",
    );
    assert_eq!(chinese, ["访", "问", "https://example.com", "了", "解"]);
    assert_eq!(
        url("见https://例子.中国 吧").as_deref(),
        Some("https://例子.中国")
    );
    assert_eq!(
        url("https://zh.wikipedia.org/wiki/北京 是").as_deref(),
        Some("https://zh.wikipedia.org/wiki/北京")
    );
    assert_eq!(
        url("https://münchen.de/straße.").as_deref(),
        Some("https://münchen.de/straße")
    );
    // Letters, numbers and joiners beyond ASCII are not punctuation: the URL keeps them.
    for whole in [
        "https://ja.wikipedia.org/wiki/佐々木希",
        "https://fa.wikipedia.org/wiki/زبان\u{200c}های_ایرانی",
        "https://es.wikipedia.org/wiki/Artículo_1º",
    ] {
        assert_eq!(url(&format!("{whole} x")).as_deref(), Some(whole));
    }
}

#[test]
fn trimming_a_url_is_linear() {
    // A million closing parentheses: each trimmed once, not recounted every time.
    let text = format!("http://a{}", ")".repeat(1_000_000));
    let t = Tokenizer::new().urls(true);
    assert_eq!(words(&t, &text), ["http://a"]);
    let balanced = "http://x.om/a_(b) and";
    assert_eq!(words(&t, balanced)[0], "http://x.om/a_(b)");
}

#[test]
fn emails() {
    let t = Tokenizer::new().emails(true);
    assert_eq!(
        texts(&t, "Write to first.last+news@mofa.gov.om today."),
        [
            ("Write", TokenKind::Word),
            ("to", TokenKind::Word),
            ("first.last+news@mofa.gov.om", TokenKind::Email),
            ("today", TokenKind::Word),
        ]
    );
    // No top-level domain: not an address.
    assert_eq!(words(&t, "a@b"), ["a", "b"]);
    // An apostrophe is a letter of a local part (as Lucene's UAX29URLEmailTokenizer reads
    // one), two dots in a row are not; `mailto:` is no part of the address.
    let emails = |text: &str| of_kinds(&t, text, &[TokenKind::Email]);
    assert_eq!(emails("o'neill@example.com"), ["o'neill@example.com"]);
    assert_eq!(
        emails("Mail MAILTO:john@example.com."),
        ["john@example.com"]
    );
    // (From the word after the dots, the rest is an address, as Lucene reads it.)
    assert_eq!(emails("john..doe@example.com"), ["doe@example.com"]);
    // A local part may begin with a symbol UAX #29 leaves out of words; it has at most 64
    // bytes (RFC 5321).
    assert_eq!(
        emails("Subscribe: +news@example.com"),
        ["+news@example.com"]
    );
    assert_eq!(emails("(-bounce@example.com)"), ["-bounce@example.com"]);
    assert_eq!(emails("_-news@example.com"), ["_-news@example.com"]);
    // A mark on the domain's last letter makes it no ASCII domain: cut before the mark it
    // would be another address.
    for text in [
        "bob@example.co\u{308}m",
        "bob@example.com\u{301}.org",
        "bob@example.com\u{301}",
    ] {
        assert!(emails(text).is_empty(), "{text:?}: {:?}", emails(text));
    }
    // Text of a script without spaces may follow an address directly.
    assert_eq!(emails("请联系bob@example.com获取"), ["bob@example.com"]);
    assert_eq!(emails("x_-news@example.com"), ["x_-news@example.com"]);
    let longest = format!("{}@example.com", "a".repeat(64));
    assert_eq!(emails(&longest), [longest.as_str()]);
    assert!(emails(&format!("{}@example.com", "a".repeat(65))).is_empty());
    // A symbol that would take the local part past 64 bytes is left out, as after a letter.
    assert_eq!(emails(&format!("+{longest}")), [longest.as_str()]);
    // After a letter of any script the symbols are no local part's beginning: the address
    // began in the word before, which was no address (its `ü` is not ASCII), and the rest
    // from the word on is read as one, as after `john..`; with an ASCII letter the whole
    // is an address.
    assert_eq!(emails("ü-news@example.com"), ["news@example.com"]);
    assert_eq!(emails("u-news@example.com"), ["u-news@example.com"]);
    assert_eq!(words(&t, "mailto:john"), ["mailto:john"]);
}

/// A URL's ASCII letters stop where a script written without spaces (or Korean's particles)
/// begins, in its path as in its host; a zero-width space ends it.
#[test]
fn urls_stop_where_the_sentence_goes_on() {
    let t = Tokenizer::new().urls(true);
    let url = |text: &str| of_kinds(&t, text, &[TokenKind::Url]).into_iter().next();
    for (text, expected) in [
        (
            "詳しくはhttps://example.com/guideをご覧ください。",
            "https://example.com/guide",
        ),
        (
            "자세한 내용은 https://x.kr/news에서 확인",
            "https://x.kr/news",
        ),
        ("https://x.com\u{200b}next", "https://x.com"),
        (
            "https://ja.wikipedia.org/wiki/東京 へ",
            "https://ja.wikipedia.org/wiki/東京",
        ),
        // A path's name may mix ASCII with Han or katakana.
        (
            "https://ja.wikipedia.org/wiki/ASCII文字コード を",
            "https://ja.wikipedia.org/wiki/ASCII文字コード",
        ),
        (
            "https://ja.wikipedia.org/wiki/JR東日本",
            "https://ja.wikipedia.org/wiki/JR東日本",
        ),
    ] {
        assert_eq!(url(text).as_deref(), Some(expected), "{text}");
    }
}

/// Hashtags and mentions after a letter are none however the letter is composed (its marks
/// are its own); a `#` before a number is no hashtag.
#[test]
fn tags_need_a_gap_before_and_a_name_after() {
    let t = Tokenizer::new().hashtags(true).mentions(true);
    let tags = |text: &str| of_kinds(&t, text, &[TokenKind::Hashtag, TokenKind::Mention]);
    for glued in [
        "café#tag",
        "cafe\u{301}#tag",
        "José@user",
        "Jose\u{301}@user",
        "ที่#tag",
        "क्#tag",
    ] {
        assert!(tags(glued).is_empty(), "{glued}");
    }
    assert_eq!(
        tags("Item #5, we're #1 #2024年 #G7 @123"),
        ["#2024年", "#G7", "@123"]
    );
}

#[test]
fn hashtags_and_mentions() {
    let t = Tokenizer::new().hashtags(true).mentions(true);
    assert_eq!(
        texts(&t, "#Oman C# @MOFA_Oman a@b"),
        [
            ("#Oman", TokenKind::Hashtag),
            ("C", TokenKind::Word),
            ("@MOFA_Oman", TokenKind::Mention),
            ("a", TokenKind::Word),
            ("b", TokenKind::Word),
        ]
    );
}

#[test]
fn hashtags_and_mentions_in_scripts_of_one_character_words_are_whole() {
    // A hashtag runs over the letters of a script written without spaces that follow its
    // first character, as on the platforms that make them, in every CJK mode (the letters
    // are not bigrams or dictionary words of their own: the tag is one term, as `#MeToo` is).
    let modes = [CjkMode::Characters, CjkMode::Bigrams, CjkMode::Auto];
    for mode in modes {
        let t = Tokenizer::new().hashtags(true).mentions(true).cjk(mode);
        assert_eq!(
            texts(&t, "#東京オリンピック、@田中 #ไทยแลนด์ #2024年 #Oman!"),
            [
                ("#東京オリンピック", TokenKind::Hashtag),
                ("@田中", TokenKind::Mention),
                ("#ไทยแลนด์", TokenKind::Hashtag),
                ("#2024年", TokenKind::Hashtag),
                ("#Oman", TokenKind::Hashtag),
            ],
            "{mode:?}"
        );
        // What follows the tag is read as before.
        let after = texts(&t, "#日本 は 国");
        assert_eq!(after[0], ("#日本", TokenKind::Hashtag));
        assert_eq!(after.len(), 3, "{mode:?} {after:?}");
        // The length mark and the iteration mark are letters of the tag.
        assert_eq!(texts(&t, "#ラーメン")[0].0, "#ラーメン");
        assert_eq!(texts(&t, "#人々")[0].0, "#人々");
        // Latin letters or digits after them are not: a URL or an address stays whole.
        let t = t.clone().urls(true).emails(true);
        assert_eq!(
            texts(&t, "#日本https://x.com/a #東京foo@bar.om"),
            [
                ("#日本", TokenKind::Hashtag),
                ("https://x.com/a", TokenKind::Url),
                ("#東京", TokenKind::Hashtag),
                ("foo@bar.om", TokenKind::Email),
            ],
            "{mode:?}"
        );
    }
}

#[test]
fn a_tag_sign_inside_a_url_starts_no_tag() {
    // The URL ends with the `#`; a space and a Thai vowel sign follow (one segment).
    let t = Tokenizer::new().urls(true).hashtags(true);
    let tokens: Vec<_> = t.tokens("https://a.om/b.# \u{e34}").collect();
    assert_eq!(tokens[0].kind, TokenKind::Url);
    assert!(
        tokens.windows(2).all(|w| w[0].span.end <= w[1].span.start),
        "{tokens:?}"
    );
    assert!(
        tokens.iter().all(|t| t.kind != TokenKind::Hashtag),
        "{tokens:?}"
    );
}

#[cfg(feature = "icu")]
#[test]
fn dictionary_words_for_chinese_japanese_and_thai() {
    let t = Tokenizer::new().cjk(CjkMode::Dictionary);
    // "Oman's capital is Muscat": 阿曼 (Oman) and 马斯喀特 (Muscat) are words.
    let zh = words(&t, "阿曼的首都是马斯喀特。");
    assert!(zh.contains(&"阿曼".to_owned()), "{zh:?}");
    assert!(zh.contains(&"首都".to_owned()), "{zh:?}");
    // "I live in Tokyo": 東京 is a word, not two characters.
    let ja = words(&t, "私は東京に住んでいます");
    assert!(ja.contains(&"東京".to_owned()), "{ja:?}");
    // "I love Thailand": ฉัน (I), รัก (love), then Thailand, in words, not letters.
    let th = words(&t, "ฉันรักประเทศไทย");
    assert_eq!(th[..2], ["ฉัน", "รัก"], "{th:?}");
    assert!(th.iter().all(|w| w.chars().count() > 1), "{th:?}");
    // A mark stays on the character before it, a letter the dictionaries know or not (a
    // vowel sign on a digit: found by the pipeline's property test), as after Hangul.
    assert_eq!(words(&t, "๐\u{e31}"), ["๐\u{e31}"]);
    assert_eq!(words(&Tokenizer::new(), "월๐\u{e31}"), ["월", "๐\u{e31}"]);
    // Latin around the run is untouched.
    assert_eq!(words(&t, "Oman 阿曼 Muscat")[0], "Oman");
    assert_eq!(words(&t, "Oman 阿曼 Muscat").last().unwrap(), "Muscat");
}

#[test]
fn cjk_bigrams_like_lucene() {
    let t = Tokenizer::new().cjk(CjkMode::Bigrams);
    assert_eq!(
        words(&t, "東京都に住む"),
        ["東京", "京都", "都に", "に住", "住む"]
    );
    assert_eq!(words(&t, "阿曼 is 国"), ["阿曼", "is", "国"]);
    assert_eq!(words(&t, "テレビ"), ["テレ", "レビ"]);
    assert_eq!(words(&t, "한국어 문서"), ["한국", "국어", "문서"]);
    // Bigrams stop at punctuation.
    assert_eq!(words(&t, "阿曼。苏丹"), ["阿曼", "苏丹"]);
}

#[test]
fn hangul_joined_to_latin_letters_or_digits_is_bigrammed_apart() {
    let t = Tokenizer::new();
    // "LG Electronics (topic) bought an iPhone in March 2024; K-pop", and a word of hangul
    // alone for comparison.
    assert_eq!(
        texts(&t, "LG전자는 iPhone을 3월에 2024년 K팝 삼성전자"),
        [
            ("LG", TokenKind::Word),
            ("전자", TokenKind::Word),
            ("자는", TokenKind::Word),
            ("iPhone", TokenKind::Word),
            ("을", TokenKind::Word),
            ("3", TokenKind::Number),
            // After digits, the counter ("month") apart from the particle ("in").
            ("월", TokenKind::Word),
            ("에", TokenKind::Word),
            ("2024", TokenKind::Number),
            ("년", TokenKind::Word),
            ("K", TokenKind::Word),
            ("팝", TokenKind::Word),
            ("삼성", TokenKind::Word),
            ("성전", TokenKind::Word),
            ("전자", TokenKind::Word),
        ]
    );
    // Hangul between two other parts, punctuation UAX #29 keeps inside a word, full-width
    // letters; characters mode leaves the words whole.
    assert_eq!(
        words(&t, "3.5배 A한국B ＡＢＣ한국어ａｂｃ"),
        [
            "3.5",
            "배",
            "A",
            "한국",
            "B",
            "ＡＢＣ",
            "한국",
            "국어",
            "ａｂｃ"
        ]
    );
    assert_eq!(
        words(&Tokenizer::new().cjk(CjkMode::Characters), "LG전자는"),
        ["LG전자는"]
    );
    // Punctuation at a part's edge goes with its marks; the hangul filler, invisible, is no
    // hangul.
    assert_eq!(words(&t, "LG.\u{301}전자"), ["LG", "전자"]);
    assert_eq!(
        words(&t, "5명이 10억원을"),
        ["5", "명", "이", "10", "억원", "원을"]
    );
    // Counters and nouns of two syllables stay bigrams: hours, kinds, months, dollars.
    assert_eq!(
        words(&t, "3시간 3가지 3개월 5달러"),
        ["3", "시간", "3", "가지", "3", "개월", "5", "달러"]
    );
    // Fillers belong to no part.
    assert_eq!(words(&t, "가\u{3164}A 3\u{3164}월"), ["가", "A", "3", "월"]);
    assert_eq!(words(&t, "A\u{3164}B"), ["A\u{3164}B"]);
}
