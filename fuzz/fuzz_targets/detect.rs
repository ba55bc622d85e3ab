//! Fuzzing `Detector::detect_spans` and `Detector::detect` under several configurations.
//!
//! `cargo fuzz run detect` (see fuzz/README.md). The first byte picks the detector; the rest,
//! decoded lossily, is the text. Checks:
//! - spans are contiguous, cover the text end to end, lie on character boundaries, are never
//!   empty, and two neighbours differ in language or script;
//! - every language found (document and spans) is allowed, or the fallback, or `und`;
//! - confidence is within 0 and 1; detecting twice gives the same result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wordmill::Lang;
use wordmill::detect::Detector;

fn lang(code: &str) -> Lang {
    code.parse().expect("a known language")
}

fn detector(pick: u8) -> (Detector, Vec<Lang>, Lang) {
    match pick % 5 {
        0 => (Detector::new(), Vec::new(), Lang::UND),
        1 => (
            Detector::new().sample_bytes(64).expect("valid"),
            Vec::new(),
            Lang::UND,
        ),
        2 => {
            let allowed = vec![lang("eng"), lang("ara"), lang("rus"), lang("cmn")];
            (
                Detector::new()
                    .allowlist(allowed.clone())
                    .sample_bytes(128)
                    .expect("valid"),
                allowed,
                Lang::UND,
            )
        }
        3 => (
            Detector::new()
                .fallback(lang("deu"))
                .min_confidence(0.8)
                .expect("valid")
                .min_letters(20),
            Vec::new(),
            lang("deu"),
        ),
        _ => (Detector::whatlang_only(), Vec::new(), Lang::UND),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let text = text.as_ref();
    let (detector, allowed, fallback) = detector(pick);
    let ok = |l: Lang| {
        l.is_undetermined() || l == fallback || allowed.is_empty() || allowed.contains(&l)
    };

    let (document, spans) = detector.detect_spans(text);
    assert!((0.0..=1.0).contains(&document.confidence), "{document:?}");
    assert!(ok(document.lang), "{:?} is not allowed", document.lang);
    assert!(
        text.is_empty() == spans.is_empty(),
        "spans of {text:?}: {spans:?}"
    );
    let mut at = 0;
    for (i, s) in spans.iter().enumerate() {
        assert_eq!(
            s.span.start(),
            at,
            "gap before span {i} of {text:?}: {spans:?}"
        );
        assert!(s.span.end() > s.span.start(), "empty span {i} of {text:?}");
        assert!(text.is_char_boundary(s.span.start()) && text.is_char_boundary(s.span.end()));
        assert!(ok(s.lang), "span language {:?} is not allowed", s.lang);
        if i > 0 {
            let before = &spans[i - 1];
            assert!(
                before.lang != s.lang || before.script != s.script,
                "neighbouring spans {} and {i} of {text:?} are alike: {spans:?}",
                i - 1
            );
        }
        at = s.span.end();
    }
    assert_eq!(at, text.len(), "spans of {text:?} end early: {spans:?}");
    assert_eq!(
        detector.detect_spans(text),
        (document, spans),
        "not deterministic"
    );

    let whole = detector.detect(text);
    assert!((0.0..=1.0).contains(&whole.confidence), "{whole:?}");
    assert!(ok(whole.lang), "{:?} is not allowed", whole.lang);
    assert_eq!(detector.detect(text), whole, "not deterministic");
});
