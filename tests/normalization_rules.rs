//! Every normalization rule on real words of corpus/: each word below occurs in the named
//! file, and its expected form is what the rule says it must become.

use std::fs;
use std::path::Path;

use wordmill::Lang;
use wordmill::normalize::{Normalizer, UnicodeForm};

fn corpus(file: &str) -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .join(file),
    )
    .expect("corpus/ is in the repository")
}

struct Case {
    file: &'static str,
    word: &'static str,
    lang: &'static str,
    expected: &'static str,
    why: &'static str,
}

const DEFAULT_RULES: &[Case] = &[
    // Case folding, full (not just lowercase).
    Case {
        file: "ntrex/deu.txt",
        word: "Außerdem",
        lang: "deu",
        expected: "ausserdem",
        why: "ß folds to ss",
    },
    Case {
        file: "ntrex/deu.txt",
        word: "größte",
        lang: "deu",
        expected: "grösste",
        why: "ß folds to ss, ö stays",
    },
    Case {
        file: "ntrex/deu.txt",
        word: "Übernahme",
        lang: "deu",
        expected: "übernahme",
        why: "Ü folds to ü",
    },
    Case {
        file: "ntrex/vie.txt",
        word: "Đảng",
        lang: "vie",
        expected: "đảng",
        why: "Đ folds to đ, tones stay",
    },
    // Turkish dotted and dotless I.
    Case {
        file: "ntrex/tur.txt",
        word: "İngiliz",
        lang: "tur",
        expected: "ingiliz",
        why: "Turkish İ is i",
    },
    Case {
        file: "ntrex/tur.txt",
        word: "FBI",
        lang: "tur",
        expected: "fbı",
        why: "Turkish I is ı",
    },
    Case {
        file: "ntrex/eng.txt",
        word: "FBI",
        lang: "eng",
        expected: "fbi",
        why: "elsewhere I is i",
    },
    // Greek: accents removed, final sigma folded.
    Case {
        file: "ntrex/ell.txt",
        word: "βουλευτές",
        lang: "ell",
        expected: "βουλευτεσ",
        why: "tonos and final sigma",
    },
    Case {
        file: "ntrex/ell.txt",
        word: "Ένας",
        lang: "ell",
        expected: "ενασ",
        why: "capital with tonos",
    },
    // Typographic apostrophes.
    Case {
        file: "seeds/000_d97967bd227a4486.txt",
        word: "Oman’s",
        lang: "eng",
        expected: "oman's",
        why: "’ is '",
    },
    Case {
        file: "ntrex/fra.txt",
        word: "l’Assemblée",
        lang: "fra",
        expected: "l'assemblée",
        why: "’ is ', é stays",
    },
    // Arabic: alef forms, alef maksura, harakat and shadda, tatweel; teh marbuta kept.
    Case {
        file: "seeds/003_87b8f162ec339ead.txt",
        word: "عُمان",
        lang: "ara",
        expected: "عمان",
        why: "damma removed",
    },
    Case {
        file: "seeds/003_87b8f162ec339ead.txt",
        word: "أكّد",
        lang: "ara",
        expected: "اكد",
        why: "hamza alef and shadda",
    },
    Case {
        file: "seeds/003_87b8f162ec339ead.txt",
        word: "آخر",
        lang: "ara",
        expected: "اخر",
        why: "madda alef",
    },
    Case {
        file: "ntrex/ara.txt",
        word: "إلى",
        lang: "ara",
        expected: "الي",
        why: "hamza-below alef, alef maksura",
    },
    Case {
        file: "ntrex/ara.txt",
        word: "عاجلاً",
        lang: "ara",
        expected: "عاجلا",
        why: "tanween removed",
    },
    Case {
        file: "ntrex/ara.txt",
        word: "الوطنية",
        lang: "ara",
        expected: "الوطنية",
        why: "teh marbuta kept by default",
    },
    // Persian: ZWNJ kept inside words; Persian digits to ASCII.
    Case {
        file: "ntrex/pes.txt",
        word: "می\u{200C}گوید",
        lang: "pes",
        expected: "می\u{200C}گوید",
        why: "ZWNJ inside a word",
    },
    Case {
        file: "ntrex/pes.txt",
        word: "۱۹۳۹",
        lang: "pes",
        expected: "1939",
        why: "Persian digits",
    },
    // Hebrew: niqqud removed.
    Case {
        file: "ntrex/heb.txt",
        word: "להוֹט",
        lang: "heb",
        expected: "להוט",
        why: "holam removed",
    },
    Case {
        file: "ntrex/heb.txt",
        word: "קוּטו",
        lang: "heb",
        expected: "קוטו",
        why: "dagesh removed",
    },
    // Ukrainian apostrophe inside the word stays an apostrophe.
    Case {
        file: "ntrex/ukr.txt",
        word: "п'ятницю",
        lang: "ukr",
        expected: "п'ятницю",
        why: "ASCII apostrophe kept",
    },
];

#[test]
fn default_rules_on_corpus_words() {
    let normalizer = Normalizer::new();
    for case in DEFAULT_RULES {
        assert!(
            corpus(case.file).contains(case.word),
            "{} is not in {}",
            case.word,
            case.file
        );
        let lang: Lang = case.lang.parse().unwrap();
        assert_eq!(
            normalizer.normalize(case.word, lang),
            case.expected,
            "{}: {}",
            case.word,
            case.why
        );
    }
}

#[test]
fn optional_rules_on_corpus_words() {
    let ara: Lang = "ara".parse().unwrap();
    let teh = Normalizer::new().teh_marbuta(true);
    assert!(corpus("ntrex/ara.txt").contains("الوطنية"));
    assert_eq!(teh.normalize("الوطنية", ara), "الوطنيه");

    let stripped = Normalizer::new().strip_diacritics(true);
    let fra: Lang = "fra".parse().unwrap();
    assert!(corpus("ntrex/fra.txt").contains("l’Assemblée"));
    assert_eq!(stripped.normalize("l’Assemblée", fra), "l'assemblee");
    let vie: Lang = "vie".parse().unwrap();
    // Vietnamese tones and marks go; đ is its own letter and stays.
    assert_eq!(stripped.normalize("Đảng", vie), "đang");
    let deu: Lang = "deu".parse().unwrap();
    assert_eq!(stripped.normalize("größte", deu), "grosste");

    let rus: Lang = "rus".parse().unwrap();
    let yo = Normalizer::new().russian_yo(true);
    assert_eq!(yo.normalize("Ещё", rus), "еще");
    assert_eq!(Normalizer::new().normalize("Ещё", rus), "ещё");

    let nfkc = Normalizer::new().unicode_form(UnicodeForm::Nfkc);
    assert_eq!(nfkc.normalize("ｶﾀｶﾅ", Lang::UND), "カタカナ");
    // Width folding, on by default, does the same for half-width katakana under NFC.
    assert_eq!(Normalizer::new().normalize("ｶﾞｿﾘﾝ", Lang::UND), "ガソリン");
    assert_eq!(
        Normalizer::new()
            .fold_width(false)
            .normalize("ｶﾀｶﾅ", Lang::UND),
        "ｶﾀｶﾅ"
    );
    assert_eq!(nfkc.normalize("①", Lang::UND), "1");
}

#[test]
fn width_folding_under_nfc() {
    let n = Normalizer::new();
    assert_eq!(n.normalize("ＷＨＯ２０２５", Lang::UND), "who2025");
    assert_eq!(
        n.clone().fold_width(false).normalize("ＷＨＯ", Lang::UND),
        "ｗｈｏ"
    );
}

#[test]
fn arabic_rules_leave_persian_letters_persian() {
    let pes: Lang = "pes".parse().unwrap();
    let ara: Lang = "ara".parse().unwrap();
    let n = Normalizer::new();
    // Arabic-keyboard yeh and kaf in Persian text become the Persian letters...
    assert_eq!(n.normalize("كيفيت", pes), "کیفیت");
    // ...and in Arabic text stay Arabic.
    assert_eq!(n.normalize("كيفية", ara), "كيفية");
}

/// Words of the corpus written as dictionaries and books for learners write them: Russian
/// with its stress marked (a combining acute that no Cyrillic vowel composes with), Greek
/// capitals with a circumflex (which has no composed capital form). The marks are no part
/// of the word: the terms are those of the words as news writes them.
#[test]
fn stress_marks_and_stray_accents_are_dropped() {
    let normalizer = Normalizer::new();
    let rus: Lang = "rus".parse().unwrap();
    let ell: Lang = "ell".parse().unwrap();
    for (file, word, marked, lang) in [
        ("ntrex/rus.txt", "человек", "челове\u{301}к", rus),
        ("ntrex/rus.txt", "министр", "мини\u{301}стр", rus),
        ("ntrex/rus.txt", "субботу", "СУББО\u{301}ТУ", rus),
        ("ntrex/ell.txt", "Ινδονησία", "Ι\u{342}νδονησία", ell),
    ] {
        assert!(corpus(file).contains(word), "{word} is not in {file}");
        assert_eq!(
            normalizer.normalize(marked, lang),
            normalizer.normalize(word, lang),
            "{marked}"
        );
    }
}
