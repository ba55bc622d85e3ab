//! What a reader expects of wordmill on the real text in corpus/.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use wordmill::normalize::Normalizer;
use wordmill::stem::Stemmer;
use wordmill::tf::CorpusStats;
use wordmill::tokenize::TokenKind;
use wordmill::{Analysis, Lang, Pipeline};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn seed(name: &str) -> String {
    fs::read_to_string(corpus_dir().join("seeds").join(name))
        .expect("corpus/seeds is in the repository")
}

const SEEDS: [&str; 5] = [
    "000_d97967bd227a4486.txt",
    "001_a5096a686e8b05a1.txt",
    "002_f8d464c467906139.txt",
    "003_87b8f162ec339ead.txt",
    "004_e9f846dd2319179a.txt",
];

/// Every text file of the corpus, sorted by path.
fn corpus_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for sub in ["seeds", "ntrex"] {
        for entry in fs::read_dir(corpus_dir().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let name = format!("{sub}/{}", path.file_name().unwrap().to_str().unwrap());
                files.push((name, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

fn lang(code: &str) -> Lang {
    code.parse().unwrap()
}

#[test]
fn seeds_are_english_except_the_arabic_one() {
    let pipeline = Pipeline::builder().build();
    for name in SEEDS {
        let found = pipeline.analyze(&seed(name)).detection;
        let expected = if name.starts_with("003") {
            "ara"
        } else {
            "eng"
        };
        assert_eq!(found.lang.code(), expected, "{name}");
        assert!(found.reliable, "{name}: {found:?}");
    }
}

#[test]
fn ntrex_files_are_detected_as_their_language() {
    // Each file holds 286 news sentences in the language its name gives; every one of the
    // 120 languages can be named.
    let pipeline = Pipeline::builder().keep_tokens(false).build();
    let mut wrong = Vec::new();
    for (name, text) in corpus_files() {
        let Some(code) = name
            .strip_prefix("ntrex/")
            .and_then(|n| n.strip_suffix(".txt"))
        else {
            continue;
        };
        let found = pipeline.analyze(&text).detection.lang;
        if found.code() != code {
            wrong.push(format!("{code} → {found}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:?}");
}

#[test]
fn burmese_is_in_unicode_not_zawgyi() {
    // NTREX's Burmese was Zawgyi (corpus/SOURCES.md): its signs are on the code points of
    // other Myanmar letters (U+1060 to U+1097), its vowel sign `ေ` before the consonant.
    // Converted, the segmenter finds words, not marks.
    let text = fs::read_to_string(corpus_dir().join("ntrex/mya.txt")).unwrap();
    let zawgyi_only = text
        .chars()
        .filter(|c| ('\u{1060}'..='\u{1097}').contains(c))
        .count();
    assert!(zawgyi_only <= 1, "{zawgyi_only} Zawgyi code points");
    // Zawgyi's visual order: the vowel sign `ေ` and the medial `ြ` before their consonant.
    let visual_order = |w: &str| w.starts_with('\u{1031}') || w.starts_with('\u{103c}');
    assert!(!text.split_whitespace().any(visual_order));
    let mya = lang("mya");
    let pipeline = Pipeline::builder().build();
    let (mut tokens, mut chars) = (0, 0);
    for line in text.lines() {
        for token in pipeline.analyze_as(line, mya).tokens {
            tokens += 1;
            chars += line[token.span.start()..token.span.end()].chars().count();
        }
    }
    assert!(chars > 3 * tokens, "{chars} characters in {tokens} tokens");
}

#[test]
fn curly_apostrophe_possessive_is_the_name() {
    let pipeline = Pipeline::builder().languages([lang("eng")]).build();
    let doc = pipeline.analyze("Oman’s Minister of Commerce welcomed Dagestan’s Prime Minister.");
    assert_eq!(doc.terms.count("oman"), 1);
    assert_eq!(doc.terms.count("dagestan"), 1);
    assert_eq!(doc.terms.count("oman's"), 0);
    assert_eq!(doc.terms.count("oman’s"), 0);
}

#[test]
fn oman_with_and_without_damma_is_one_term() {
    let pipeline = Pipeline::builder().languages([lang("ara")]).build();
    let with_damma = pipeline.analyze("سلطنة عُمان");
    let without = pipeline.analyze("سلطنة عمان");
    assert_eq!(with_damma.terms, without.terms);
    assert_eq!(with_damma.terms.len(), 2);
}

#[test]
fn a_name_wrapped_in_bidirectional_isolates_is_the_name() {
    let pipeline = Pipeline::builder().build();
    let plain = pipeline.analyze("The minister visited Oman and met officials in Muscat.");
    let isolated =
        pipeline.analyze("The minister visited \u{2066}Oman\u{2069} and met officials in Muscat.");
    assert_eq!(isolated.terms, plain.terms);
    let arabic = pipeline.analyze("زار الوزير \u{202B}عمان\u{202C} والتقى المسؤولين في مسقط.");
    assert_eq!(arabic.terms.count("عمان"), 1);
    assert!(
        arabic
            .terms
            .iter()
            .all(|(t, _)| !t.contains(['\u{202B}', '\u{202C}']))
    );
}

#[test]
fn en_dash_compound_is_two_terms() {
    let pipeline = Pipeline::builder().languages([lang("eng")]).build();
    let doc = pipeline.analyze("Oman–Dagestan cooperation");
    let terms: Vec<&str> = doc.terms.iter().map(|(t, _)| t).collect();
    assert_eq!(terms, ["oman", "dagestan", "cooper"]);
}

#[test]
fn dagestan_article_is_about_oman_and_dagestan() {
    let pipeline = Pipeline::builder().build();
    let doc = pipeline.analyze(&seed("000_d97967bd227a4486.txt"));
    let top: Vec<&str> = doc.terms.top(5).into_iter().map(|(t, _)| t).collect();
    assert!(top.contains(&"oman"), "{top:?}");
    assert!(top.contains(&"dagestan"), "{top:?}");
    // Function words are not terms.
    for stop in ["the", "and", "of", "in"] {
        assert_eq!(doc.terms.count(stop), 0, "{stop}");
    }
}

#[test]
fn arabic_article_is_about_oman_and_russia() {
    let pipeline = Pipeline::builder().build();
    let doc = pipeline.analyze(&seed("003_87b8f162ec339ead.txt"));
    let top: Vec<&str> = doc.terms.top(5).into_iter().map(|(t, _)| t).collect();
    // عُمان (Oman) is the article's subject; في (in) and من (from) are stop words.
    assert_eq!(top[0], "عمان", "{top:?}");
    assert_eq!(doc.terms.count("في"), 0);
    assert_eq!(doc.terms.count("من"), 0);
    // روسيا (Russia) and its adjective روسية / الروسي reduce to stems starting with روس.
    assert!(top.iter().any(|t| t.starts_with("روس")), "{top:?}");
}

#[test]
fn every_span_slices_the_original_word() {
    let pipeline = Pipeline::builder().build();
    let normalizer = Normalizer::new();
    // One stemmer per language, made the first time a span needs it.
    let mut stemmers: HashMap<Lang, Option<Stemmer>> = HashMap::new();
    for (name, text) in corpus_files() {
        let doc = pipeline.analyze(&text);
        let mut previous: Option<(usize, usize)> = None;
        for token in &doc.tokens {
            let word = &text[token.span.range()];
            // In text order; only the bigrams of Chinese, Japanese and Korean overlap, by
            // their shared character.
            if let Some((start, end)) = previous {
                assert!(token.span.start() > start, "{name}: tokens out of order");
                assert!(
                    token.span.start() >= end || text[start..token.span.end()].chars().count() == 3,
                    "{name}: overlapping tokens {:?}",
                    &text[start..token.span.end()]
                );
            }
            previous = Some((token.span.start(), token.span.end()));
            assert!(word.chars().any(char::is_alphanumeric), "{name}: {word:?}");
            // Each token is analysed in the language of the span it starts in.
            let lang = doc
                .spans
                .iter()
                .find(|s| s.span.start() <= token.span.start() && token.span.start() < s.span.end())
                .map(|s| s.lang)
                .expect("spans cover the text");
            // The word alone, put through the stages by hand, gives the same term.
            let normal = normalizer.normalize(word, lang);
            let stemmer = stemmers
                .entry(lang)
                .or_insert_with(|| Stemmer::for_lang(lang));
            // Turkish and Azerbaijani words are cut at their apostrophe (İstanbul'da); French,
            // Italian, Catalan and Irish lose their elided words (l'Assemblea): Lucene's sets, and Italian quell', quest'.
            let elided: &[&str] = match lang.code() {
                "fra" => &[
                    "c", "d", "j", "l", "m", "n", "qu", "s", "t", "jusqu", "lorsqu", "puisqu",
                    "quoiqu",
                ],
                "ita" => &[
                    "c", "d", "l", "m", "s", "t", "v", "un", "all", "dall", "dell", "nell", "sull",
                    "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "quell", "quest",
                ],
                "cat" => &["d", "l", "m", "n", "s", "t"],
                "gle" => &["b", "d", "m"],
                _ => &[],
            };
            // Case suffixes after an apostrophe (Turkish, Azerbaijani; foreign names in Polish,
            // Estonian, Lithuanian, Finnish) or a colon (abbreviations in Finnish and Swedish).
            let suffix_marks: &[char] = match lang.code() {
                "tur" | "aze" | "pol" | "est" | "lit" => &['\''],
                "fin" => &['\'', ':'],
                "swe" => &[':'],
                _ => &[],
            };
            // Irish: the n of eclipsis and the t and h of prothesis before a capital vowel
            // are not part of the word (tUachtarán is uachtarán, hIndinéise indinéise).
            let mut chars = word.chars();
            let mutation = lang.code() == "gle"
                && matches!(chars.next(), Some('n' | 't' | 'h'))
                && chars.next().is_some_and(|c| "AEIOUÁÉÍÓÚ".contains(c));
            let normal = if mutation && token.kind == TokenKind::Word {
                std::borrow::Cow::Owned(normal[1..].to_owned())
            } else {
                normal
            };
            // Where names' suffixes are cut, O', D' and L' before a name of four letters or
            // more are the name's (O'Neillas).
            let name = match normal.as_bytes() {
                [b'o' | b'd' | b'l', b'\'', ..]
                    if !suffix_marks.is_empty()
                        && normal[2..]
                            .chars()
                            .take_while(|c| c.is_alphabetic())
                            .count()
                            >= 4 =>
                {
                    2
                }
                _ => 0,
            };
            let word = match (
                token.kind,
                normal[name..].find(suffix_marks),
                normal.find('\''),
            ) {
                (TokenKind::Word, Some(at), _) if name + at > 0 => &normal[..name + at],
                (TokenKind::Word, _, Some(at)) if elided.contains(&&normal[..at]) => {
                    &normal[at + 1..]
                }
                _ => &normal,
            };
            let expected = match (stemmer, token.kind) {
                (Some(stemmer), TokenKind::Word) => stemmer.stem(word).into_owned(),
                _ => word.to_owned(),
            };
            assert_eq!(doc.term_of(token), expected, "{name}: {word:?}");
        }
    }
}

fn analyses(pipeline: &Pipeline, texts: &[String]) -> Vec<Analysis> {
    texts.iter().map(|t| pipeline.analyze(t)).collect()
}

#[test]
fn parallel_equals_sequential() {
    let texts: Vec<String> = corpus_files().into_iter().map(|(_, t)| t).collect();
    let pipeline = Pipeline::builder().build();
    let sequential = analyses(&pipeline, &texts);
    for threads in [1, 2, 4] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let batch = pool.install(|| pipeline.analyze_batch(&texts));
        assert_eq!(batch.documents, sequential, "{threads} threads");
        let mut stats = CorpusStats::new();
        for doc in &sequential {
            stats.add_document(doc.lang(), &doc.terms);
        }
        assert_eq!(batch.stats, stats);
    }
}

#[test]
fn stats_of_two_halves_merge_into_the_whole() {
    let texts: Vec<String> = corpus_files().into_iter().map(|(_, t)| t).collect();
    let pipeline = Pipeline::builder().build();
    let whole = pipeline.analyze_batch(&texts).stats;
    let (first, second) = texts.split_at(texts.len() / 3);
    let mut merged = pipeline.analyze_batch(first).stats;
    merged.merge(&pipeline.analyze_batch(second).stats);
    assert_eq!(merged, whole);
    // Serialized forms agree too, byte for byte.
    assert_eq!(
        serde_json::to_string(&merged).unwrap(),
        serde_json::to_string(&whole).unwrap()
    );
    assert_eq!(whole.documents(), texts.len() as u64);
    // "oman" is in the four English seeds.
    assert!(whole.document_frequency("oman") >= 4);
}

#[test]
fn results_round_trip_through_json() {
    let pipeline = Pipeline::builder().build();
    let texts: Vec<String> = SEEDS.iter().map(|s| seed(s)).collect();
    let batch = pipeline.analyze_batch(&texts);
    let json = serde_json::to_string(&batch).unwrap();
    let back: wordmill::BatchAnalysis = serde_json::from_str(&json).unwrap();
    assert_eq!(back, batch);
}
