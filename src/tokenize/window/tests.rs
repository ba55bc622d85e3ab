//! The window's tests: its lanes against each other, its bulk classification against the
//! Unicode tables.
// (Most of them compare the lanes of x86-64; elsewhere their imports go unused.)
#![cfg_attr(
    not(all(target_arch = "x86_64", not(wordmill_portable))),
    allow(unused_imports)
)]

use proptest::prelude::*;

use super::bulk::bulk;
use super::classes::*;
use super::*;
use crate::arch::Lanes;
use crate::unicode::props;

/// [`bulk`] with the lanes of this CPU: SSE2, and AVX-512 where it has it, which must agree.
#[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
fn bulk_on_every_path(chunk: &[u8; WIDTH], leads: u64, multi: &mut Multi) -> u64 {
    let hits = bulk(Sse2, chunk, Sse2.load(chunk), leads, multi);
    if let Some(lanes) = Avx512::detect() {
        let mut other = Multi::default();
        let other_hits = bulk(lanes, chunk, lanes.load(chunk), leads, &mut other);
        assert_eq!((other_hits, &other), (hits, &*multi), "AVX-512 vs SSE2");
    }
    // (The portable lanes leave windows of few multi-byte characters to decoding.)
    let portable = crate::arch::Portable;
    if leads.count_ones() >= crate::arch::Portable::BULK_FROM {
        let mut other = Multi::default();
        let other_hits = bulk(portable, chunk, portable.load(chunk), leads, &mut other);
        assert_eq!((other_hits, &other), (hits, &*multi), "portable vs SSE2");
    }
    hits
}

/// Pieces of text whose windows take every branch of `build`: scripts of the bulk groups
/// and of the one-by-one path, marks, mid-word punctuation, Hebrew quotes, complex
/// characters, line breaks.
#[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
const PIECES: &[&str] = &[
    "a", "Z", "7", "_", " ", ".", ",", ":", ";", "'", "\"", "\n", "é", "É", "×", "ß", "ŋ", "ǅ",
    "ω", "Ά", "϶", "Ж", "ё", "ӧ", "س", "ً", "،", "١", "ـ", "ש", "\u{5B4}", "न", "्", "ภ", "\u{E34}",
    "ệ", "ქ", "東", "の", "テ", "ー", "한", "’", "·", "，", "\u{301}", "\u{200D}", "\u{200C}",
    "🙂", "🇫", "\u{FE0F}", "\u{A0}", "—", "𝐀", "\r\n", "Ệ", "Ḁ", "ỿ", "Ἀ", "Σ", "İ", "Ё", "\u{AD}",
    "ｶ", "ﬁ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// Windows come out the same whichever lanes build them (AVX-512 where the CPU has
    /// it, SSE2), from any piece of the text, with folding (under several normalizers and
    /// languages) and without. (The portable lanes classify no multi-byte character in
    /// bulk, so their windows may stop elsewhere: CI runs every test with them alone,
    /// `--cfg wordmill_portable`.)
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    #[test]
    fn windows_are_the_same_with_every_lanes(
        pieces in proptest::collection::vec(proptest::sample::select(PIECES), 1..48),
        first_piece in 0..48usize,
        fold in any::<bool>(),
        which in 0..5usize,
    ) {
        use crate::normalize::{Normalizer, UnicodeForm};
        let text: String = pieces.concat();
        let start: usize =
            pieces[..first_piece.min(pieces.len() - 1)].iter().map(|p| p.len()).sum();
        let bytes = text.as_bytes();
        let (normalizer, lang) = [
            (Normalizer::new(), "und"),
            (Normalizer::new(), "tur"),
            (Normalizer::new(), "ara"),
            (Normalizer::new().unicode_form(UnicodeForm::Nfkc), "vie"),
            (Normalizer::new().case_fold(false).fold_punctuation(false), "rus"),
        ][which]
            .clone();
        let folder = normalizer.folder(lang.parse().expect("a known language"));
        let window_fold = folder.window_fold().filter(|_| fold);
        let built = |lanes: &dyn Fn(&mut Window) -> Option<Built>| {
            let mut window = Window::default();
            let built = lanes(&mut window);
            (window, built)
        };
        let sse2 = built(&|w| w.build_with(Sse2, bytes, start, window_fold.as_ref(), true));
        if let Some(lanes) = Avx512::detect() {
            // SAFETY: `lanes` exists only where the CPU has the features.
            let avx512 = built(&|w| unsafe {
                w.build_avx512(lanes, bytes, start, window_fold.as_ref(), true)
            });
            prop_assert_eq!(&avx512, &sse2);
        }
        // And the portable lanes of other architectures.
        let portable =
            built(&|w| w.build_with(crate::arch::Portable, bytes, start, window_fold.as_ref(), true));
        prop_assert_eq!(&portable, &sse2);
    }
}

#[test]
fn windows_leave_indic_scripts_and_myanmar_to_the_rules_but_not_thai() {
    let leaves = |text: &str| leaves_to_the_rules(text.as_bytes(), 0);
    for text in ["नमस्ते", "বাংলা", "தமிழ்", "മലയാളം", "සිංහල", "မြန်မာ"]
    {
        assert!(leaves(text), "{text}");
    }
    for text in [
        "ภาษา",
        "ພາສາ",
        "ភាសា",
        "ቋንቋ",
        "word",
        "слово",
        "كلمة",
        "東京",
    ] {
        assert!(!leaves(text), "{text}");
    }
}

// (Elsewhere no multi-byte character is classified in bulk.)
#[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
#[test]
fn bulk_agrees_with_the_unicode_tables_on_every_two_and_three_byte_character() {
    let mut classified = 0;
    for c in ('\u{80}'..='\u{FFFF}').filter(|c| c.len_utf8() > 1) {
        let mut chunk = [b' '; WIDTH];
        // Alone in the window, and preceded by a character of its script so that its group
        // runs.
        let text = format!("{c}{c}");
        chunk[..text.len()].copy_from_slice(text.as_bytes());
        let leads: u64 = (0..WIDTH)
            .filter(|&i| chunk[i] >= 0xC0)
            .map(|i| 1 << i)
            .sum();
        let mut multi = Multi::default();
        let hits = bulk_on_every_path(&chunk, leads, &mut multi);
        if hits & 1 == 0 {
            continue;
        }
        classified += 1;
        let code = CLASS_CODE[props(c as u32) as usize];
        let len = c.len_utf8();
        let all = (1u64 << len) - 1;
        let expect = |flag: u8, mask: u64| {
            assert_eq!(
                code & flag != 0,
                mask & all == all,
                "{c:?} U+{:04X} flag {flag}",
                c as u32
            )
        };
        expect(LETTER, multi.letters);
        expect(DIGIT, multi.digits);
        expect(KANA, multi.kana);
        expect(ALPHA, multi.alphabetic);
        expect(NUM, multi.numeric);
        assert_eq!(
            code & SINGLE != 0,
            multi.single_starts & 1 == 1,
            "{c:?} single"
        );
        assert_eq!(code & (MID | COMPLEX), 0, "{c:?}");
    }
    assert!(classified > 30_000, "{classified}");
}

// (Elsewhere no multi-byte character is classified in bulk.)
#[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
#[test]
fn bulk_classification_finds_the_characters() {
    // Groups run for the scripts of a window's first and last characters; Arabic digits
    // and punctuation, Hebrew and Devanagari are decoded one by one.
    let samples: [(&str, &[&str], &[&str]); 10] = [
        ("Ça ×÷ ŋ", &["Ç", "ŋ"], &["×", "÷"]),
        ("ω λόγος ϶", &["ω", "λ", "ό"], &["϶"]),
        ("Мир ӧ", &["М", "и", "р", "ӧ"], &[]),
        ("سلام، ١٢ یک", &["س", "ل", "ی", "ک"], &["،", "١"]),
        ("Việt Nam ở", &["ệ", "ở"], &[]),
        ("ქართული", &["ქ", "ა", "ლ"], &[]),
        ("שלום नमस्ते", &[], &["ש", "न", "्"]),
        (
            "東京のテレビ、",
            &["東", "京", "の", "テ", "レ", "ビ"],
            &["、"],
        ),
        ("한국어 문서", &["한", "국", "어", "문", "서"], &[]),
        ("ЖЁ", &["Ж", "Ё"], &[]),
    ];
    for (text, classified, others) in samples {
        let mut chunk = [b' '; WIDTH];
        chunk[..text.len()].copy_from_slice(text.as_bytes());
        let leads: u64 = (0..WIDTH)
            .filter(|&i| chunk[i] >= 0xC0)
            .map(|i| 1 << i)
            .sum();
        let mut multi = Multi::default();
        let hits = bulk_on_every_path(&chunk, leads, &mut multi);
        let at = |s: &str| text.find(s).unwrap();
        for c in classified {
            assert_ne!(hits >> at(c) & 1, 0, "{c} in {text}");
        }
        for c in others {
            assert_eq!(hits >> at(c) & 1, 0, "{c} in {text}");
        }
    }
}
