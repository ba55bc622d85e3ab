//! Fuzzing `Pipeline::analyze` under several builder configurations.
//!
//! `cargo fuzz run pipeline` (see fuzz/README.md). The first byte picks the configuration, the
//! rest is the text (invalid UTF-8 is decoded lossily, as the batch tool does). Checks:
//! - spans cover the text end to end, on character boundaries; every token lies in the text,
//!   on character boundaries, in order;
//! - every term is non-empty and holds no space;
//! - analysing the same text twice gives the same analysis (each configuration's pipeline is
//!   made once, so its per-thread word memo holds the words of earlier inputs too), and so
//!   does `analyze_into` an analysis that held the previous input's;
//! - each token's term is what the stages make of the token alone in its span's language:
//!   normalized, cut at an apostrophe or colon (case suffixes of Turkish, Azerbaijani,
//!   Polish, Estonian, Lithuanian, Finnish, Swedish; elided articles of French, Italian,
//!   Catalan, Irish),
//!   without an Irish mutation before a capital vowel, dropped if a stop word, stemmed,
//!   stripped of diacritics;
//! - a word token of the tokenizer that is not among the analysis' tokens was a stop word.
#![no_main]

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;
use wordmill::detect::Detector;
use wordmill::normalize::{Normalizer, UnicodeForm};
use wordmill::stem::{Stemmer, StopWords};
use wordmill::tokenize::{CjkMode, TokenKind, Tokenizer};
use wordmill::{Analysis, Lang, Pipeline, PipelineBuilder};

struct Config {
    tokenizer: Tokenizer,
    normalizer: Normalizer,
    stemming: bool,
    stopwords: bool,
    detector: Detector,
}

/// Whether an Irish word starts with the `n` of eclipsis or the `t` or `h` of prothesis
/// before a capital vowel (`nAthair`, `tUachtarán`, `hÉireann`), which are not part of the
/// word.
fn irish_mutation(word: &str) -> bool {
    // Full-width letters are the ASCII ones (U+FF01 to U+FF5E stand for U+0021 to U+007E).
    let mut chars = word.chars().map(|c| match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    });
    matches!(chars.next(), Some('n' | 't' | 'h'))
        && chars.next().is_some_and(|c| "AEIOUÁÉÍÓÚ".contains(c))
}

fn lang(code: &str) -> Lang {
    code.parse().expect("a known language")
}

/// How many configurations there are.
const CONFIGS: u8 = 7;

fn config(pick: u8) -> Config {
    let plain = Config {
        tokenizer: Tokenizer::new(),
        normalizer: Normalizer::new(),
        stemming: true,
        stopwords: true,
        detector: Detector::new(),
    };
    match pick % CONFIGS {
        0 => plain,
        1 => Config {
            normalizer: Normalizer::new()
                .unicode_form(UnicodeForm::Nfkc)
                .strip_diacritics(true)
                .teh_marbuta(true)
                .russian_yo(true),
            ..plain
        },
        2 => Config {
            tokenizer: Tokenizer::new()
                .urls(true)
                .emails(true)
                .hashtags(true)
                .mentions(true)
                .emoji(true)
                .cjk(CjkMode::Bigrams),
            ..plain
        },
        3 => Config {
            stemming: false,
            stopwords: false,
            normalizer: Normalizer::new().case_fold(false).fold_punctuation(false),
            ..plain
        },
        4 => Config {
            detector: Detector::new()
                .allowlist([lang("eng"), lang("ell"), lang("ara"), lang("tur")])
                .fallback(lang("ell"))
                .sample_bytes(64)
                .expect("valid"),
            ..plain
        },
        5 => Config {
            // Stop lists and stemmers read words in lowercase with `'`: their terms keep the
            // word's capitals and apostrophes.
            normalizer: Normalizer::new().case_fold(false).fold_punctuation(false),
            tokenizer: Tokenizer::new().urls(true).emails(true).hashtags(true),
            ..plain
        },
        _ => Config {
            detector: Detector::new()
                .fallback(lang("deu"))
                .min_confidence(0.9)
                .expect("valid"),
            normalizer: Normalizer::new()
                .language_rules(false)
                .strip_diacritics(true),
            ..plain
        },
    }
}

/// Typographic apostrophes, which stop lists and stemmers read as `'`.
const TYPOGRAPHIC: [char; 2] = ['\u{2019}', '\u{02BC}'];

/// How stop lists and stemmers read a word the normalizer left with capitals (no case
/// folding) or typographic apostrophes (no punctuation folding): in the language's lowercase
/// (Turkish `I` is `ı`) with `'`; `None` when as it is. Written from the rule's doc, beside
/// the pipeline's own.
fn read_form(word: &str, turkic: bool, normalizer: &Normalizer) -> Option<String> {
    let capitals = !normalizer.folds_case() && word.chars().any(char::is_uppercase);
    let apostrophes = !normalizer.folds_punctuation() && word.contains(TYPOGRAPHIC);
    if !(capitals || apostrophes) {
        return None;
    }
    let mut read = String::new();
    for c in word.chars() {
        match c {
            c if apostrophes && TYPOGRAPHIC.contains(&c) => read.push('\''),
            'I' if capitals && turkic => read.push('ı'),
            'İ' if capitals && turkic => read.push('i'),
            c if capitals => read.extend(c.to_lowercase()),
            c => read.push(c),
        }
    }
    Some(read)
}

/// Two or more capitals and no lowercase letter: an acronym, no stop word.
fn acronym(word: &str) -> bool {
    !word.chars().any(char::is_lowercase) && word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// The word's own characters as far as the stem agrees with the read form, then the stem's
/// (the stem as it is when lowercasing changed the number of characters).
fn as_written(word: &str, read: &str, stem: &str) -> String {
    let (w, r, s): (Vec<char>, Vec<char>, Vec<char>) = (
        word.chars().collect(),
        read.chars().collect(),
        stem.chars().collect(),
    );
    if w.len() != r.len() {
        return stem.to_owned();
    }
    let same = r.iter().zip(&s).take_while(|(a, b)| a == b).count();
    w[..same].iter().chain(&s[same..]).collect()
}

fn builder(c: &Config) -> PipelineBuilder {
    Pipeline::builder()
        .tokenizer(c.tokenizer.clone())
        .normalizer(c.normalizer.clone())
        .detector(c.detector.clone())
        .stemming(c.stemming)
        .remove_stopwords(c.stopwords)
}

/// A configuration, its pipeline and the stages the oracle uses, made once: building stop
/// lists and stemmers for every input would leave little time for fuzzing.
struct Setup {
    config: Config,
    pipeline: Pipeline,
    stopwords: Mutex<HashMap<Lang, Option<Arc<StopWords>>>>,
    stemmers: Mutex<HashMap<Lang, Option<Arc<Stemmer>>>>,
}

impl Setup {
    fn stopwords(&self, lang: Lang) -> Option<Arc<StopWords>> {
        let mut lists = self.stopwords.lock().expect("not poisoned");
        let normalizer = &self.config.normalizer;
        lists
            .entry(lang)
            .or_insert_with(|| StopWords::for_lang(lang, normalizer).map(Arc::new))
            .clone()
    }

    fn stemmer(&self, lang: Lang) -> Option<Arc<Stemmer>> {
        let mut stemmers = self.stemmers.lock().expect("not poisoned");
        stemmers
            .entry(lang)
            .or_insert_with(|| Stemmer::for_lang(lang).map(Arc::new))
            .clone()
    }
}

fn setup(pick: u8) -> &'static Setup {
    static SETUPS: OnceLock<Vec<Setup>> = OnceLock::new();
    let setups = SETUPS.get_or_init(|| {
        (0..CONFIGS)
            .map(|i| {
                let config = config(i);
                let pipeline = builder(&config).build();
                Setup {
                    config,
                    pipeline,
                    stopwords: Mutex::default(),
                    stemmers: Mutex::default(),
                }
            })
            .collect()
    });
    &setups[usize::from(pick % CONFIGS)]
}

/// The marks after which a language's case suffixes follow; a word right after a number and
/// one of them is the number's suffix, and dropped.
fn suffix_marks(code: &str) -> &'static [char] {
    match code {
        "tur" | "aze" | "pol" | "est" | "lit" => &['\'', '\u{2019}', '\u{02BC}'],
        "fin" => &['\'', '\u{2019}', '\u{02BC}', ':'],
        "swe" => &[':'],
        _ => &[],
    }
}

/// What is left of a normalized word of the language `code` at its first apostrophe (or
/// colon): the name before the case suffixes (`İstanbul'da`, `Google'iga`, `EU:n`; `O'Neill'ın`
/// is `O'Neill`), the word after an elided article (`l'Italie`); written from the languages'
/// rules, beside the pipeline's own table.
fn apostrophe_rule<'w>(code: &str, word: &'w str) -> &'w str {
    const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{02BC}'];
    let cut_before = |marks: &[char]| {
        // `o'`, `d'` or `l'` before a name of four letters or more is the name's.
        let mut chars = word.chars();
        let name_from = match (chars.next(), chars.next()) {
            (Some('o' | 'd' | 'l' | 'O' | 'D' | 'L'), Some(mark))
                if APOSTROPHES.contains(&mark)
                    && chars.clone().take_while(|c| c.is_alphabetic()).count() >= 4 =>
            {
                1 + mark.len_utf8()
            }
            _ => 0,
        };
        match word[name_from..].find(marks) {
            Some(at) if name_from + at > 0 => &word[..name_from + at],
            _ => word,
        }
    };
    let elided: &[&str] = match code {
        "tur" | "aze" | "pol" | "est" | "lit" => return cut_before(&APOSTROPHES),
        "fin" => return cut_before(&['\'', '\u{2019}', '\u{02BC}', ':']),
        "swe" => return cut_before(&[':']),
        "fra" => &[
            "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
        ],
        "ita" => &[
            "c", "d", "l", "m", "n", "s", "t", "v", "un", "all", "dall", "dell", "nell", "sull",
            "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "quell", "quest", "ch",
            "dov", "com", "quand", "cos", "anch", "senz", "tutt", "nient", "nessun", "alcun",
            "ciascun", "qualcun", "quant", "tant", "qual", "fors", "sott", "oltr",
        ],
        "cat" => &["d", "l", "m", "n", "s", "t"],
        "gle" => &["b", "d", "m"],
        _ => return word,
    };
    let Some(at) = word.find(APOSTROPHES).filter(|&at| at > 0) else {
        return word;
    };
    let mut rest = word[at..].chars();
    rest.next();
    let after = rest.as_str().trim_start_matches(['\u{200C}', '\u{200D}']);
    let elides = after.chars().next().is_some_and(char::is_alphabetic)
        && elided.iter().any(|e| e.eq_ignore_ascii_case(&word[..at]));
    if elides { after } else { word }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let text = text.as_ref();
    let setup = setup(pick);
    let (c, pipeline) = (&setup.config, &setup.pipeline);
    let doc = pipeline.analyze(text);

    // Spans: end to end, on character boundaries.
    let mut at = 0;
    for span in &doc.spans {
        assert_eq!(span.span.start(), at, "spans leave a gap in {text:?}");
        assert!(span.span.end() > span.span.start());
        assert!(text.is_char_boundary(span.span.start()) && text.is_char_boundary(span.span.end()));
        at = span.span.end();
    }
    assert_eq!(at, text.len(), "spans do not reach the end of {text:?}");

    // The same text again: the same analysis; and the same into an analysis that held the
    // previous input's (of any configuration), reused.
    assert_eq!(
        pipeline.analyze(text),
        doc,
        "a second analysis of {text:?} differs"
    );
    thread_local! {
        static REUSED: RefCell<Analysis> = RefCell::new(Analysis::default());
    }
    REUSED.with(|reused| {
        let mut reused = reused.borrow_mut();
        pipeline.analyze_into(text, &mut reused);
        assert_eq!(*reused, doc, "analyze_into of {text:?} differs");
    });

    // Each token against the stages on their own.
    let plain_folding = c.normalizer.clone().strip_diacritics(false);
    let stripping = Normalizer::new()
        .unicode_form(c.normalizer.form())
        .case_fold(false)
        .fold_punctuation(false)
        .fold_width(false)
        .fold_digits(false)
        .language_rules(false)
        .strip_diacritics(c.normalizer.strips_diacritics());
    let lang_at = |start: usize| {
        doc.spans
            .iter()
            .find(|s| s.span.start() <= start && start < s.span.end())
            .map_or(Lang::UND, |s| s.lang)
    };
    let mut kept = doc.tokens.iter().peekable();
    let mut previous_start = 0;
    // Where the token before ended, if it was a number.
    let mut after_number = None;
    for token in c.tokenizer.tokens(text) {
        let lang = lang_at(token.span.start());
        let folded = plain_folding.normalize(token.text, lang);
        // NFKC's space before a spacing mark (`゛` → space, U+3099) is no part of a term: the
        // mark goes on the letter before (`ヱ゛` → `ヹ`).
        let folded = match plain_folding.form() == UnicodeForm::Nfkc && folded.contains(' ') {
            true => std::borrow::Cow::Owned(folded.chars().filter(|&c| c != ' ').nfkc().collect()),
            false => folded,
        };
        let is_word = token.kind == TokenKind::Word;
        let number_suffix = is_word
            && after_number.is_some_and(|end: usize| {
                // One character, the mark as the language's words have it once folded.
                let raw = &text[end..token.span.start()];
                let between = plain_folding.normalize(raw, lang);
                let mut between = between.chars();
                between
                    .next()
                    .is_some_and(|m| suffix_marks(lang.code()).contains(&m))
                    && between.next().is_none()
                    && raw.chars().count() == 1
            });
        after_number = (token.kind == TokenKind::Number).then_some(token.span.end());
        // Irish: `n`, `t` and `h` before a capital vowel are mutations, not letters of the
        // word (when the folded word still starts with them and a vowel: a normalizer that
        // keeps full-width letters keeps `ｎＡ`).
        let mutation = is_word
            && lang.code() == "gle"
            && irish_mutation(token.text)
            && folded.starts_with(['n', 't', 'h'])
            && folded[1..].starts_with(|c: char| "aeiouáéíóúAEIOUÁÉÍÓÚ".contains(c));
        let folded = match mutation {
            true => std::borrow::Cow::Owned(folded[1..].to_owned()),
            false => folded,
        };
        // What an apostrophe (or a colon) inside a word means in its language.
        let folded = match is_word {
            true => std::borrow::Cow::Owned(apostrophe_rule(lang.code(), &folded).to_owned()),
            false => folded,
        };
        let turkic = matches!(lang.code(), "tur" | "aze");
        let read_form = read_form(&folded, turkic, &c.normalizer);
        let read = read_form.as_deref().unwrap_or(&folded);
        let stop = is_word
            && c.stopwords
            && !(read_form.is_some() && acronym(&folded))
            && setup.stopwords(lang).is_some_and(|s| s.contains(read));
        match kept.peek() {
            Some(t) if t.span == token.span => {
                let t = kept.next().expect("peeked");
                assert!(t.span.start() >= previous_start, "tokens out of order");
                previous_start = t.span.start();
                assert!(!stop, "stop word {:?} ({lang}) kept", token.text);
                assert!(
                    !number_suffix,
                    "number suffix {:?} ({lang}) kept",
                    token.text
                );
                let term = doc.term_of(t);
                assert!(!term.is_empty(), "empty term for {:?}", token.text);
                assert!(
                    !term.contains(' '),
                    "a space in the term of {:?}",
                    token.text
                );
                let stemmed = match (is_word && c.stemming).then(|| setup.stemmer(lang)) {
                    Some(Some(stemmer)) => {
                        let stem = stemmer.stem(read).into_owned();
                        match &read_form {
                            _ if stem.is_empty() => folded.clone().into_owned(),
                            Some(read) => as_written(&folded, read, &stem),
                            None => stem,
                        }
                    }
                    _ => folded.clone().into_owned(),
                };
                let expected = stripping.normalize(&stemmed, Lang::UND);
                assert_eq!(term, expected, "term of {:?} in {lang}", token.text);
            }
            _ => assert!(
                stop || number_suffix,
                "token {:?} ({lang}) dropped but not a stop word or a number's suffix",
                token.text
            ),
        }
    }
    assert!(
        kept.next().is_none(),
        "the analysis has tokens the tokenizer did not give"
    );
});
