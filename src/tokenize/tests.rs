//! The tokenizer's unit tests: its loop against the unit tests of UAX #29 cases, and the
//! windows' paths against each other.

use super::*;
use proptest::prelude::*;

/// Pieces of text for the properties below: several scripts, cases and folds, marks,
/// mid-word punctuation, complex characters, line breaks.
const PIECES: &[&str] = &[
    "Oman",
    "ÉTÉ",
    "été",
    " ",
    ", ",
    ".",
    "'",
    "’",
    "\n",
    "42",
    "3.14",
    "_",
    "Ж",
    "Ёлка",
    "السلطان",
    "أ",
    "ً",
    "١٢",
    "می‌شود",
    "می‌",
    "\u{200C}",
    "שָׁלוֹם",
    "Ἀθῆναι",
    "ΣΟΦΙΑ",
    "Việt",
    "Ệ",
    "東京",
    "テレビ",
    "한국",
    "ภาษา",
    "नमस्ते",
    "ひらがな",
    "မြန်မာ",
    "ລາວ",
    "ខ្មែរ",
    "⺀",
    "ᄀ",
    "ỹ",
    "İstanbul",
    "ﬁ",
    "Ａ",
    "\u{301}",
    "\u{200D}",
    "🙂",
    "🇴🇲",
    "—",
    "\u{A0}",
    "\r\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Tokens and fused terms are the same whether windows use AVX-512 or not (on a CPU
    /// with AVX-512 both paths run here; elsewhere both are the one path).
    #[test]
    fn tokens_and_terms_do_not_depend_on_avx512(
        pieces in proptest::collection::vec(proptest::sample::select(PIECES), 1..120),
        which in 0..4usize,
    ) {
        let text = pieces.concat();
        let tokenizer = Tokenizer::new();
        let spans = |tokens: Tokens<'_>| tokens.map(|t| t.span).collect::<Vec<_>>();
        prop_assert_eq!(
            spans(tokenizer.tokens(&text)),
            spans(tokenizer.tokens(&text).without_avx512())
        );
        prop_assert_eq!(
            spans(tokenizer.tokens(&text)),
            spans(tokenizer.tokens(&text).with_portable_lanes())
        );
        let normalizer = crate::normalize::Normalizer::new();
        let language = lang(["und", "ara", "tur", "vie"][which]);
        let terms = |tokens: Tokens<'_>| {
            let mut terms = Vec::new();
            crate::fold::for_each_normalized(tokens, &normalizer, language, |token, term| {
                terms.push((token.span, term.to_owned()));
            });
            terms
        };
        let fused = terms(tokenizer.tokens(&text));
        prop_assert_eq!(&fused, &terms(tokenizer.tokens(&text).without_avx512()));
        prop_assert_eq!(&fused, &terms(tokenizer.tokens(&text).with_portable_lanes()));
        // And both are what normalizing each token on its own gives.
        let one_by_one: Vec<(Span, String)> = tokenizer
            .tokens(&text)
            .map(|t| (t.span, normalizer.normalize(t.text, language).into_owned()))
            .collect();
        prop_assert_eq!(fused, one_by_one);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The CJK modes' refiners wait for the first character of their scripts: the tokens and
    /// fused terms are those of refiners at work from the start, wherever that character
    /// falls (in a window, after many, in text the rule-by-rule segmenter takes).
    #[test]
    fn cjk_refiners_armed_at_the_first_such_character_change_nothing(
        pieces in proptest::collection::vec(proptest::sample::select(PIECES), 1..120),
        mode in proptest::sample::select(&[
            CjkMode::Auto,
            CjkMode::Bigrams,
            #[cfg(feature = "icu")]
            CjkMode::Dictionary,
        ][..]),
        urls: bool,
    ) {
        let text = pieces.concat();
        let tokenizer = Tokenizer::new().cjk(mode).urls(urls);
        let spans = |tokens: Tokens<'_>| tokens.map(|t| t.span).collect::<Vec<_>>();
        prop_assert_eq!(
            spans(tokenizer.tokens(&text)),
            spans(tokenizer.tokens(&text).armed_from_the_start())
        );
        let normalizer = crate::normalize::Normalizer::new();
        let terms = |tokens: Tokens<'_>| {
            let mut terms = Vec::new();
            crate::fold::for_each_normalized(tokens, &normalizer, lang("und"), |token, term| {
                terms.push((token.span, term.to_owned()));
            });
            terms
        };
        prop_assert_eq!(
            terms(tokenizer.tokens(&text)),
            terms(tokenizer.tokens(&text).armed_from_the_start())
        );
    }
}

/// Wherever the first character of the CJK modes' scripts falls in a window (its first byte,
/// its last, cut by its end, in the next), after Latin or Vietnamese text, with all three lanes,
/// the tokens are those of refiners armed from the start.
#[test]
fn the_first_cjk_character_arms_the_refiners_wherever_it_falls() {
    let chars = [
        '東', 'の', 'カ', 'ー', '한', 'ᄀ', 'ก', 'ລ', 'ក', 'မ', '⺀', '豈', 'ｶ', '𠀀',
    ];
    for prefix in ["Oman’s naïve ", "Thế giới “ỹ” "] {
        for c in chars {
            for at in [0, 1, 29, 59, 60, 61, 62, 63, 64, 65, 125] {
                let mut text: String = prefix.chars().cycle().take(at).collect();
                text.push(c);
                text.push(c);
                text.push_str(" Oman");
                for mode in [CjkMode::Auto, CjkMode::Bigrams] {
                    let tokenizer = Tokenizer::new().cjk(mode);
                    let spans = |tokens: Tokens<'_>| tokens.map(|t| t.span).collect::<Vec<_>>();
                    let expected = spans(tokenizer.tokens(&text).armed_from_the_start());
                    assert_eq!(spans(tokenizer.tokens(&text)), expected, "{text:?}");
                    let sse2 = tokenizer.tokens(&text).without_avx512();
                    assert_eq!(spans(sse2), expected, "{text:?}");
                    let portable = tokenizer.tokens(&text).with_portable_lanes();
                    assert_eq!(spans(portable), expected, "{text:?}");
                }
            }
        }
    }
}

/// A CJK bigram cut at a joiner inside a run has the term of the token normalized alone: the
/// joiner at its edge trimmed, not kept as the window keeps it inside the run.
#[test]
fn bigrams_cut_at_a_joiner_lose_it_from_their_terms() {
    let normalizer = crate::normalize::Normalizer::new();
    for (text, expected) in [
        ("한국\u{200C}보", ["한국", "국\u{200C}보"]),
        ("東京\u{200D}都", ["東京", "京\u{200D}都"]),
    ] {
        let mut fused = Vec::new();
        Tokenizer::new().for_each_normalized(text, &normalizer, lang("und"), |_, term| {
            fused.push(term.to_owned())
        });
        assert_eq!(fused, expected, "{text:?}");
    }
}

/// The tokens of UAX #29 alone (no CJK mode).
fn texts(text: &str) -> Vec<(&str, TokenKind)> {
    Tokenizer::new()
        .cjk(CjkMode::Characters)
        .tokens(text)
        .map(|t| (t.text, t.kind))
        .collect()
}

fn word_texts(text: &str) -> Vec<&str> {
    texts(text).into_iter().map(|t| t.0).collect()
}

fn words(tokenizer: &Tokenizer, text: &str) -> Vec<String> {
    tokenizer.tokens(text).map(|t| t.text.to_owned()).collect()
}

#[test]
fn splits_on_spaces_and_punctuation() {
    let got = word_texts("Hello, world! (Again.)");
    assert_eq!(got, ["Hello", "world", "Again"]);
}

#[test]
fn a_mark_on_a_space_or_a_punctuation_mark_is_no_word() {
    // A Thai vowel sign cut from its consonant (as PDF text has it), a tanwin (U+064B, an
    // alphabetic mark) on a comma, a Malayalam ordinal's vowel sign on a hyphen: WB4 joins
    // each mark to what it follows, making a segment with a letter in it, which
    // unicode_word_indices has as a word. Its term would begin with a space or a comma: ICU
    // gives such a segment no word status, and Lucene makes no token of it.
    assert_eq!(word_texts("a\u{A0}\u{E38} b\u{3000}\u{E38}"), ["a", "b"]);
    assert_eq!(word_texts("a  \u{64B} b"), ["a", "b"]);
    assert_eq!(word_texts("a ,\u{64B} b"), ["a", "b"]);
    assert_eq!(word_texts("كتاب،\u{64B} جميل"), ["كتاب", "جميل"]);
    assert_eq!(word_texts("63-ാം"), ["63"]);
    // A mark that begins the text has nothing before it: it stays a word.
    assert_eq!(word_texts("\u{64B} b"), ["\u{64B}", "b"]);
    // Letters that UAX #29 joins to a comma through a ZWJ and a pictograph that is a letter
    // (WB3c: `ℹ` U+2139) stay a word, without the comma.
    assert_eq!(word_texts("a,\u{200D}\u{2139}nfo"), ["a", "\u{2139}nfo"]);
    // A mark on an emoji leaves it an emoji, when emoji are tokens.
    let emoji = Tokenizer::new().emoji(true);
    let flag = "🇴🇲\u{E38}";
    let tokens: Vec<_> = emoji.tokens(flag).map(|t| (t.text, t.kind)).collect();
    assert_eq!(tokens, [(flag, TokenKind::Emoji)]);
    assert!(Tokenizer::new().tokens(flag).next().is_none());
}

#[test]
fn french_narrow_no_break_spaces_are_no_part_of_a_word() {
    // French typography puts U+202F inside guillemets and before `:` `;` `!` `?`; UAX #29
    // joins it to the letters beside it (for Mongolian), but a French word is the same
    // with it or without it.
    let text = "Il a dit\u{202F}: «\u{202F}Bonjour\u{202F}»\u{202F}!";
    assert_eq!(word_texts(text), ["Il", "a", "dit", "Bonjour"]);
    // Inside a word it stays: a Mongolian suffix, a French thousands separator.
    let mongolian = "ᠮᠣᠩᠭᠣᠯ\u{202F}ᠤᠨ";
    assert_eq!(word_texts(mongolian), [mongolian]);
    assert_eq!(word_texts("10\u{202F}000"), ["10\u{202F}000"]);
    // A mark after one is a mark on a space; format characters after one (the isolates
    // around a value that localisation libraries insert) go with it, letters stay.
    assert_eq!(word_texts("x \u{202F}\u{e38} y"), ["x", "y"]);
    // The isolate that closes the word stays with it (WB4, as after any word: a token's text
    // is the text's); the normalizer drops it from the term.
    let isolated = "«\u{202F}\u{2068}Bonjour\u{2069}\u{202F}»";
    assert_eq!(word_texts(isolated), ["Bonjour\u{2069}"]);
    assert_eq!(word_texts("mot\u{202F}\u{AD} !"), ["mot"]);
}

#[test]
fn keeps_apostrophes_and_decimal_points_inside() {
    assert_eq!(
        texts("Oman’s 3.14 1,000 can't U.S. e.g."),
        [
            ("Oman’s", TokenKind::Word),
            ("3.14", TokenKind::Number),
            ("1,000", TokenKind::Number),
            ("can't", TokenKind::Word),
            ("U.S", TokenKind::Word),
            ("e.g", TokenKind::Word),
        ]
    );
}

#[test]
fn dashes_separate_words() {
    let got = word_texts("Oman–Dagestan Oman-Russia");
    assert_eq!(got, ["Oman", "Dagestan", "Oman", "Russia"]);
}

#[test]
fn arabic_indic_digits_are_numbers() {
    assert_eq!(
        texts("٣٤٥ ١٬٠٠٠"),
        [("٣٤٥", TokenKind::Number), ("١٬٠٠٠", TokenKind::Number)]
    );
}

#[test]
fn arabic_words_keep_their_harakat() {
    let got = word_texts("سلطنة عُمان، وروسيا");
    assert_eq!(got, ["سلطنة", "عُمان", "وروسيا"]);
}

/// Repeats `text` past the 64-byte windows, so that both the windows and the rules see it.
fn repeated(text: &str) -> Vec<String> {
    let long = format!("{text} ").repeat(8);
    let all: Vec<String> = texts(&long).into_iter().map(|t| t.0.to_owned()).collect();
    let one: Vec<String> = texts(text).into_iter().map(|t| t.0.to_owned()).collect();
    assert_eq!(
        all,
        one.iter()
            .cycle()
            .take(8 * one.len())
            .cloned()
            .collect::<Vec<_>>(),
        "{text}"
    );
    one
}

#[test]
fn marks_belong_to_the_letter_before_them() {
    assert_eq!(repeated("नमस्ते दुनिया"), ["नमस्ते", "दुनिया"]);
    assert_eq!(repeated("ภาษาไทย"), ["ภ", "า", "ษ", "า", "ไ", "ท", "ย"]);
    assert_eq!(repeated("ที่นี่"), ["ที่", "นี่"]); // Thai letters keep their marks
    assert_eq!(repeated("می‌خواهم"), ["می‌خواهم"]); // ZWNJ inside a Persian word
    assert_eq!(repeated("co\u{AD}operate"), ["co\u{AD}operate"]); // soft hyphen
    assert_eq!(repeated("l\u{301}'a"), ["l\u{301}'a"]); // the mark is seen through (WB4)
}

#[test]
fn hebrew_quotes_follow_the_hebrew_rules() {
    // An apostrophe after a Hebrew letter belongs to the word (WB7a); a double quote
    // between Hebrew letters joins them (WB7b, WB7c): acronyms such as צה"ל.
    assert_eq!(repeated("ג'ירפה"), ["ג'ירפה"]);
    assert_eq!(repeated("שלום' עולם"), ["שלום'", "עולם"]);
    assert_eq!(repeated("צה\"ל"), ["צה\"ל"]);
    assert_eq!(repeated("צה״ל"), ["צה״ל"]);
    assert_eq!(repeated("שָׁלוֹם' \"א\""), ["שָׁלוֹם'", "א"]);
}

#[test]
fn han_is_one_token_per_character_and_katakana_runs_are_whole() {
    let got = word_texts("阿曼苏丹国");
    assert_eq!(got, ["阿", "曼", "苏", "丹", "国"]);
    let got = word_texts("オマーンの首都");
    assert_eq!(got, ["オマーン", "の", "首", "都"]);
}

/// What a search engine wants of text without spaces, by default: bigrams of Chinese,
/// Japanese and Korean, as Lucene's CJKAnalyzer makes them; dictionary words of Thai, Lao,
/// Khmer and Myanmar (with the `icu` feature).
#[test]
fn scripts_without_spaces_by_default() {
    let default = |text| words(&Tokenizer::new(), text);
    assert_eq!(Tokenizer::new().cjk_mode(), CjkMode::Auto);
    // "Sultanate of Oman": 阿曼 (Oman) and 苏丹 (sultan) are bigrams of it.
    assert_eq!(default("阿曼苏丹国"), ["阿曼", "曼苏", "苏丹", "丹国"]);
    // A lone ideograph stays a token; Latin words around are words.
    assert_eq!(default("Oman 国 Muscat"), ["Oman", "国", "Muscat"]);
    // Katakana with the prolonged sound mark (News) is kana like the rest: bigrams through it.
    assert_eq!(default("ニュース"), ["ニュ", "ュー", "ース"]);
    // Korean eojeol "in Seoul": 서울 is one of its bigrams.
    assert_eq!(default("서울에서"), ["서울", "울에", "에서"]);
    #[cfg(feature = "icu")]
    {
        // "Thai language": ภาษา (language) and ไทย (Thai).
        assert_eq!(default("ภาษาไทย"), ["ภาษา", "ไทย"]);
        // "The team won": ทีม (team), ชนะ (win).
        assert_eq!(default("ทีมชนะ"), ["ทีม", "ชนะ"]);
    }
    // Text without such scripts is tokenized as UAX #29 says, by the windows.
    let latin = "Oman’s GDP grew 3.5% in 2024.";
    assert_eq!(
        default(latin),
        words(&Tokenizer::new().cjk(CjkMode::Characters), latin)
    );
}

#[test]
fn empty_and_blank_text_have_no_tokens() {
    assert!(texts("").is_empty());
    assert!(texts(" \n\t ... \r\n  ").is_empty());
}

#[test]
fn zwj_before_a_pictograph_joins_as_unicode_says() {
    // WB3c: no break between ZWJ and an Extended_Pictographic.
    assert_eq!(texts("a\u{200D}🛑")[0].0, "a\u{200D}🛑");
}

#[test]
fn spans_slice_the_input() {
    let text = "  Muscat, 12 نوفمبر 2025 \u{1F600} e\u{301}t\u{e9}";
    for token in Tokenizer::new().tokens(text) {
        assert_eq!(&text[token.span.range()], token.text);
    }
}

/// Characters that fold to shorter ones (`’` → `'`, Arabic-Indic digits, full-width
/// letters), which windows leave to the normalizer, give the terms of normalizing.
#[test]
fn characters_that_fold_to_shorter_ones_give_their_terms() {
    let text = "l’homme d’État ٢٠٢٥ Ｏｍａｎ’s ﬁnal";
    for without_avx512 in [false, true] {
        let mut tokens = Tokenizer::new().tokens(text);
        if without_avx512 {
            tokens = tokens.without_avx512();
        }
        let mut terms = Vec::new();
        let normalizer = crate::normalize::Normalizer::new();
        crate::fold::for_each_normalized(tokens, &normalizer, lang("fra"), |_, term| {
            terms.push(term.to_owned());
        });
        assert_eq!(terms, ["l'homme", "d'état", "2025", "oman's", "final"]);
    }
}

/// The pipeline changes the folding where the language changes, possibly inside a
/// window: the tokens still to come are folded the new way.
#[test]
fn a_change_of_folding_applies_to_the_rest_of_the_window() {
    use crate::normalize::Normalizer;
    let normalizer = Normalizer::new();
    let (arabic, persian) = (
        normalizer.folder(lang("ara")),
        normalizer.folder(lang("pes")),
    );
    let text = "الوزير يلتقي الوزير";
    let mut tokens = Tokenizer::new().tokens(text);
    let mut buffer = String::new();
    // The window's folded form, or the folder's.
    let mut folded =
        |tokens: &Tokens<'_>, raw: &RawToken, folder: &crate::normalize::Folder<'_>| {
            // SAFETY: the raw tokens come from `tokens`.
            match unsafe { tokens.window_folded(raw) } {
                Some(folded) => folded.to_owned(),
                None => folder
                    .fold_token(
                        &text[raw.start..raw.end],
                        raw.is_ascii(),
                        raw.has_ascii_upper(),
                        &mut buffer,
                    )
                    .to_owned(),
            }
        };
    tokens.fold_with(arabic.window_fold());
    let first = tokens.next_raw().unwrap();
    assert_eq!(folded(&tokens, &first, &arabic), "الوزير");
    tokens.fold_with(persian.window_fold());
    // The token found before the change, then the next one: Persian yeh (U+06CC).
    assert_eq!(folded(&tokens, &first, &persian), "الوزیر");
    let second = tokens.next_raw().unwrap();
    assert_eq!(folded(&tokens, &second, &persian), "یلتقی");
}

fn lang(code: &str) -> crate::Lang {
    code.parse().unwrap()
}

/// Found by the fuzzer: with options on, windows are never used, not even after a line
/// break (the options find tokens across segments and move the position themselves).
#[test]
fn options_keep_tokens_in_order_across_lines() {
    let text = "M\na www.MM__.\u{65794}Mi lk\u{e}! www.\u{65794}M";
    let tokenizer = Tokenizer::new().urls(true).emails(true).hashtags(true);
    let starts: Vec<usize> = tokenizer.tokens(text).map(|t| t.span.start()).collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    // A line break ends every token: the text's tokens are its lines' tokens.
    let whole: Vec<&str> = tokenizer.tokens(text).map(|t| t.text).collect();
    let by_line: Vec<&str> = text
        .lines()
        .flat_map(|line| tokenizer.tokens(line).map(|t| t.text))
        .collect();
    assert_eq!(whole, by_line);
}

#[test]
fn flags_tell_ascii_and_capitals() {
    let mut tokens = Tokenizer::new().tokens("oman Oman été 42 x_y ÉTÉ");
    let got: Vec<(bool, bool)> = std::iter::from_fn(|| tokens.next_raw())
        .map(|t| (t.is_ascii(), t.has_ascii_upper()))
        .collect();
    assert_eq!(
        got,
        [
            (true, false),
            (true, true),
            (false, false),
            (true, false),
            (true, false),
            (false, true)
        ]
    );
}

#[test]
fn emoji_are_tokens_on_request() {
    let t = Tokenizer::new().emoji(true);
    assert_eq!(words(&t, "ok 👍🏽 🇴🇲🇷🇺 👨‍👩‍👧"), ["ok", "👍🏽", "🇴🇲", "🇷🇺", "👨‍👩‍👧"]);
    assert_eq!(words(&Tokenizer::new(), "ok 👍🏽"), ["ok"]);
    // The keycaps of `#` and `*`: emoji (they were no token); a digit's keycap is the
    // number its digit is (UAX #29 joins keycaps in a row into one number).
    let kinds = |tokenizer: &Tokenizer, text: &str| -> Vec<(String, TokenKind)> {
        let tokens = tokenizer.tokens(text);
        tokens.map(|t| (t.text.to_owned(), t.kind)).collect()
    };
    let text =
        "#\u{fe0f}\u{20e3} *\u{20e3} 9\u{fe0f}\u{20e3} 1\u{fe0f}\u{20e3}0\u{fe0f}\u{20e3} 42";
    let emoji = |s: &str| (s.to_owned(), TokenKind::Emoji);
    let number = |s: &str| (s.to_owned(), TokenKind::Number);
    let numbers = [
        number("9\u{fe0f}\u{20e3}"),
        number("1\u{fe0f}\u{20e3}0\u{fe0f}\u{20e3}"),
        number("42"),
    ];
    let mut expected = vec![emoji("#\u{fe0f}\u{20e3}"), emoji("*\u{20e3}")];
    expected.extend(numbers.clone());
    assert_eq!(kinds(&t, text), expected);
    assert_eq!(kinds(&Tokenizer::new(), text), numbers);
    // Deep in text the windows tokenize, the same.
    let long = format!("{} {text}", "Press the key and wait. ".repeat(20));
    assert_eq!(kinds(&t, &long)[100..], expected);
    // A space or symbol and the ZWJ before a pictograph are joined to it by UAX #29, but are
    // no part of the emoji.
    for (text, emoji) in [
        ("ok \u{200d}🙂", "🙂"),
        (":\u{200d}©", "©"),
        ("x \u{200d}🇴🇲", "🇴🇲"),
    ] {
        let tokens = kinds(&t, text);
        assert_eq!(
            tokens.last().map(|(s, _)| s.as_str()),
            Some(emoji),
            "{text:?}"
        );
        let long = format!("{} {text}", "Press the key and wait. ".repeat(20));
        assert_eq!(kinds(&t, &long).last(), tokens.last(), "{text:?}");
    }
}

#[test]
fn cjk_modes_round_trip_and_dictionary_names_its_feature() {
    for mode in [CjkMode::Auto, CjkMode::Characters, CjkMode::Bigrams] {
        let json = serde_json::to_string(&mode).unwrap();
        assert_eq!(serde_json::from_str::<CjkMode>(&json).unwrap(), mode);
        assert_eq!(
            json,
            format!("\"{mode}\""),
            "Display gives the serialized name"
        );
        assert_eq!(mode.to_string().parse::<CjkMode>().unwrap(), mode);
    }
    let dictionary = serde_json::from_str::<CjkMode>("\"dictionary\"");
    #[cfg(feature = "icu")]
    assert_eq!(dictionary.unwrap(), CjkMode::Dictionary);
    #[cfg(not(feature = "icu"))]
    assert!(
        dictionary
            .unwrap_err()
            .to_string()
            .contains("`icu` feature")
    );
    let words = serde_json::from_str::<CjkMode>("\"words\"").unwrap_err();
    assert!(
        words.to_string().contains("unknown CJK mode \"words\""),
        "{words}"
    );
    assert_eq!("bigrams".parse::<CjkMode>().unwrap(), CjkMode::Bigrams);
}

#[test]
fn spans_never_run_backwards() {
    let span: Span = serde_json::from_str(r#"{"start":2,"end":5}"#).unwrap();
    assert_eq!((span.start(), span.end(), span.len()), (2, 5, 3));
    let reversed = serde_json::from_str::<Span>(r#"{"start":5,"end":2}"#);
    assert!(
        reversed
            .unwrap_err()
            .to_string()
            .contains("ends before it starts")
    );
}

/// Dropping a token stream does not touch its text (the buffers it gives back to its thread
/// are its own): the text's borrow ends where the stream is last used. This compiles only
/// while that holds.
#[test]
fn a_token_stream_borrows_its_text_only_while_it_is_used() {
    let tokenizer = Tokenizer::new();
    let mut text = String::from("会谈在马斯喀特举行 talks");
    let mut tokens = tokenizer.tokens(&text);
    assert!(tokens.next().is_some());
    text.push_str(" ended");
    assert!(text.ends_with("ended"));
}
