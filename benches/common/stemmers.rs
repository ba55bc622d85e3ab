//! Every Rust build of the Snowball stemmers that wordmill was measured against, behind one
//! signature, by Snowball's algorithm name (`"greek"`). Shared by benches/stem.rs and
//! examples/stem_eval.rs.

use std::borrow::Cow;

/// A stemmer of one crate for one algorithm.
pub type StemFn = Box<dyn Fn(&str) -> Cow<'_, str> + Send + Sync>;

/// The crates, by the name their results are reported under.
pub const CRATES: [&str; 4] = [
    "rust-stemmers",
    "waken_snowball",
    "snowball_stemmers_rs",
    "snowstem",
];

/// The stemmer of `krate` for `algorithm`, if that crate has it.
pub fn stemmer(krate: &str, algorithm: &str) -> Option<StemFn> {
    match krate {
        "rust-stemmers" => rust_stemmers(algorithm),
        "waken_snowball" => waken(algorithm),
        "snowball_stemmers_rs" => seekstorm(algorithm),
        "snowstem" => snowstem(algorithm),
        _ => None,
    }
}

fn rust_stemmers(algorithm: &str) -> Option<StemFn> {
    use rust_stemmers::Algorithm as A;
    let a = match algorithm {
        "arabic" => A::Arabic,
        "danish" => A::Danish,
        "dutch" => A::Dutch,
        "english" => A::English,
        "finnish" => A::Finnish,
        "french" => A::French,
        "german" => A::German,
        "greek" => A::Greek,
        "hungarian" => A::Hungarian,
        "italian" => A::Italian,
        "norwegian" => A::Norwegian,
        "portuguese" => A::Portuguese,
        "romanian" => A::Romanian,
        "russian" => A::Russian,
        "spanish" => A::Spanish,
        "swedish" => A::Swedish,
        "tamil" => A::Tamil,
        "turkish" => A::Turkish,
        _ => return None,
    };
    let s = rust_stemmers::Stemmer::create(a);
    Some(Box::new(move |w| s.stem(w)))
}

fn waken(algorithm: &str) -> Option<StemFn> {
    let a = waken_snowball::Algorithm::from_str(algorithm)?;
    Some(Box::new(move |w| waken_snowball::stem(a, w)))
}

fn seekstorm(algorithm: &str) -> Option<StemFn> {
    use snowball_stemmers_rs::Algorithm as A;
    let a = match algorithm {
        "arabic" => A::Arabic,
        "armenian" => A::Armenian,
        "basque" => A::Basque,
        "catalan" => A::Catalan,
        "czech" => A::Czech,
        "danish" => A::Danish,
        "dutch" => A::Dutch,
        "english" => A::English,
        "esperanto" => A::Esperanto,
        "estonian" => A::Estonian,
        "finnish" => A::Finnish,
        "french" => A::French,
        "german" => A::German,
        "greek" => A::Greek,
        "hindi" => A::Hindi,
        "hungarian" => A::Hungarian,
        "indonesian" => A::Indonesian,
        "irish" => A::Irish,
        "italian" => A::Italian,
        "lithuanian" => A::Lithuanian,
        "nepali" => A::Nepali,
        "norwegian" => A::Norwegian,
        "persian" => A::Persian,
        "polish" => A::Polish,
        "portuguese" => A::Portuguese,
        "romanian" => A::Romanian,
        "russian" => A::Russian,
        "serbian" => A::Serbian,
        "sesotho" => A::Sesotho,
        "spanish" => A::Spanish,
        "swedish" => A::Swedish,
        "tamil" => A::Tamil,
        "turkish" => A::Turkish,
        "ukrainian" => A::Ukrainian,
        "yiddish" => A::Yiddish,
        _ => return None,
    };
    let s = snowball_stemmers_rs::Stemmer::create(a);
    Some(Box::new(move |w| s.stem(w)))
}

fn snowstem(algorithm: &str) -> Option<StemFn> {
    use snowstem::Algorithm as A;
    let a = match algorithm {
        "arabic" => A::Arabic,
        "czech" => A::Czech,
        "danish" => A::Danish,
        "dutch" => A::Dutch,
        "english" => A::English,
        "finnish" => A::Finnish,
        "french" => A::French,
        "german" => A::German,
        "greek" => A::Greek,
        "hungarian" => A::Hungarian,
        "italian" => A::Italian,
        "norwegian" => A::Norwegian,
        "polish" => A::Polish,
        "portuguese" => A::Portuguese,
        "romanian" => A::Romanian,
        "russian" => A::Russian,
        "spanish" => A::Spanish,
        "swedish" => A::Swedish,
        "tamil" => A::Tamil,
        "turkish" => A::Turkish,
        _ => return None,
    };
    let s = snowstem::Stemmer::create(a);
    Some(Box::new(move |w| s.stem(w)))
}

/// Snowball's algorithms with a released version, and the ISO 639-3 code of a language that
/// uses each (Persian and Ukrainian are measured but not used by wordmill).
pub const ALGORITHMS: [(&str, &str); 35] = [
    ("arabic", "ara"),
    ("armenian", "hye"),
    ("basque", "eus"),
    ("catalan", "cat"),
    ("czech", "ces"),
    ("danish", "dan"),
    ("dutch", "nld"),
    ("english", "eng"),
    ("esperanto", "epo"),
    ("estonian", "est"),
    ("finnish", "fin"),
    ("french", "fra"),
    ("german", "deu"),
    ("greek", "ell"),
    ("hindi", "hin"),
    ("hungarian", "hun"),
    ("indonesian", "ind"),
    ("irish", "gle"),
    ("italian", "ita"),
    ("lithuanian", "lit"),
    ("nepali", "nep"),
    ("norwegian", "nob"),
    ("persian", "pes"),
    ("polish", "pol"),
    ("portuguese", "por"),
    ("romanian", "ron"),
    ("russian", "rus"),
    ("serbian", "srp"),
    ("sesotho", "sot"),
    ("spanish", "spa"),
    ("swedish", "swe"),
    ("tamil", "tam"),
    ("turkish", "tur"),
    ("ukrainian", "ukr"),
    ("yiddish", "yid"),
];
