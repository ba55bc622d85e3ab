//! Unit tests of term counting and corpus statistics.

use super::*;
use crate::Error;
use crate::Lang;

fn counts(terms: &[&str]) -> TermCounts {
    TermCounts::from_terms(terms)
}

fn lang(code: &str) -> Lang {
    code.parse().unwrap()
}

#[test]
fn counts_in_first_occurrence_order() {
    let c = counts(&["b", "a", "b", "c", "b"]);
    let all: Vec<_> = c.iter().collect();
    assert_eq!(all, [("b", 3), ("a", 1), ("c", 1)]);
    assert_eq!(c.top(2), [("b", 3), ("a", 1)]);
    assert_eq!(c.top(0), []);
    assert_eq!(c.top(10).len(), 3);
    assert_eq!(c.count("z"), 0);
    assert_eq!(c.term(2), Some("c"));
    assert_eq!(c.term(3), None);
}

#[test]
fn top_ranks_by_count_then_alphabet_past_eight_shared_bytes() {
    let c = counts(&[
        "internationally",
        "international",
        "a",
        "ab",
        "ab\u{0}",
        "internationals",
        "a",
        "zz",
        "zz",
    ]);
    assert_eq!(
        c.top(10),
        [
            ("a", 2),
            ("zz", 2),
            ("ab", 1),
            ("ab\u{0}", 1),
            ("international", 1),
            ("internationally", 1),
            ("internationals", 1),
        ]
    );
    assert_eq!(c.top(3), [("a", 2), ("zz", 2), ("ab", 1)]);
}

proptest::proptest! {
    /// `top` is the first `k` of all terms sorted by count (descending), then by text.
    #[test]
    fn top_is_a_prefix_of_the_full_ranking(
        terms in proptest::collection::vec("[ab\u{0}é]{0,10}", 0..80),
        k in 0usize..48,
    ) {
        let c = TermCounts::from_terms(&terms);
        let mut all: Vec<(&str, u32)> = c.iter().collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        all.truncate(k);
        proptest::prop_assert_eq!(c.top(k), all);
    }
}

#[test]
fn many_terms_survive_table_growth() {
    let mut c = TermCounts::new();
    for i in 0..10_000 {
        c.add(&format!("t{i}"));
        c.add(&format!("t{}", i / 2));
    }
    assert_eq!(c.len(), 10_000);
    assert_eq!(c.count("t0"), 3);
    assert_eq!(c.count("t9999"), 1);
    assert_eq!(c.total(), 20_000);
}

#[test]
fn term_counts_round_trip_through_json() {
    let c = counts(&["oman", "عمان", "oman"]);
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(json, r#"{"oman":2,"عمان":1}"#);
    assert_eq!(serde_json::from_str::<TermCounts>(&json).unwrap(), c);
    assert!(serde_json::from_str::<TermCounts>(r#"{"a":1,"a":2}"#).is_err());
    assert!(serde_json::from_str::<TermCounts>(r#"{"a":0}"#).is_err());
}

#[test]
fn bigrams_join_consecutive_terms() {
    let mut terms = TermCounts::new();
    let mut bigrams = Bigrams::default();
    for term in ["new", "york", "new", "york", "city"] {
        let id = terms.add(term);
        bigrams.add(&mut terms, id);
    }
    assert_eq!(terms.count("new york"), 2);
    assert_eq!(terms.count("york new"), 1);
    assert_eq!(terms.count("york city"), 1);
    assert_eq!(terms.count("new"), 2);
    assert_eq!(terms.total(), 5 + 4);
}

#[test]
fn vocabulary_maps_terms_to_dense_ids() {
    let mut stats = CorpusStats::new();
    stats.add_document(Lang::UND, &counts(&["b", "a", "b"]));
    stats.add_document(Lang::UND, &counts(&["c", "a"]));
    let v = stats.vocabulary();
    assert_eq!(v.iter().collect::<Vec<_>>(), ["b", "a", "c"]);
    assert_eq!(v.id("c"), Some(2));
    assert_eq!(v.term(1), Some("a"));
    assert_eq!(v.term(3), None);
    assert_eq!(
        stats.frequency_by_id(1),
        Some(TermFrequency {
            documents: 2,
            occurrences: 2
        })
    );
    assert_eq!(stats.frequency_by_id(3), None);
    assert!(v.heap_size() >= 3);
}

fn sample() -> (Vec<(Lang, TermCounts)>, CorpusStats) {
    let (eng, ara) = (lang("eng"), lang("ara"));
    let docs = vec![
        (eng, counts(&["oman", "russia", "oman"])),
        (ara, counts(&["عمان", "oman"])),
        (eng, counts(&["oman", "iran"])),
        (Lang::UND, counts(&[])),
    ];
    let mut whole = CorpusStats::new();
    for (l, d) in &docs {
        whole.add_document(*l, d);
    }
    (docs, whole)
}

#[test]
fn corpus_and_language_statistics() {
    let (_, whole) = sample();
    let (eng, ara) = (lang("eng"), lang("ara"));
    assert_eq!(whole.documents(), 4);
    assert_eq!(whole.term_count(), 7);
    assert_eq!(whole.average_document_length(), 7.0 / 4.0);
    assert_eq!(
        whole.frequency("oman"),
        TermFrequency {
            documents: 3,
            occurrences: 4
        }
    );
    assert_eq!(
        whole.languages()[&eng],
        LangStats {
            documents: 2,
            term_count: 5
        }
    );
    assert_eq!(whole.languages()[&Lang::UND].term_count, 0);
    let english = whole.language(eng).unwrap();
    assert_eq!(english.lang(), eng);
    assert_eq!(english.average_document_length(), 2.5);
    assert_eq!(english.vocabulary_size(), 3);
    assert_eq!(english.collection_frequency("oman"), 3);
    assert_eq!(english.document_frequency("عمان"), 0);
    assert_eq!(whole.language(ara).unwrap().collection_frequency("oman"), 1);
    assert_eq!(whole.language(Lang::UND).unwrap().vocabulary_size(), 0);
    assert!(whole.language(lang("fra")).is_none());

    let top: Vec<&str> = whole
        .top(3, RankBy::DocumentFrequency)
        .iter()
        .map(|t| t.0)
        .collect();
    // "oman" first; the rest tie at one document and one occurrence: alphabetical.
    assert_eq!(top, ["oman", "iran", "russia"]);
    let top_ara: Vec<&str> = whole
        .language(ara)
        .unwrap()
        .top(5, RankBy::CollectionFrequency)
        .iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(top_ara, ["oman", "عمان"]);
}

#[test]
fn ranking_by_collection_frequency_differs_from_document_frequency() {
    let mut s = CorpusStats::new();
    s.add_document(Lang::UND, &counts(&["rain", "rain", "rain", "sun"]));
    s.add_document(Lang::UND, &counts(&["sun"]));
    assert_eq!(s.top(1, RankBy::DocumentFrequency)[0].0, "sun");
    assert_eq!(s.top(1, RankBy::CollectionFrequency)[0].0, "rain");
    assert_eq!(s.top(1, RankBy::DocumentFrequency)[0].0, "sun");
}

#[test]
fn merge_equals_single_run_in_any_order() {
    let (docs, whole) = sample();
    let shard = |range: std::ops::Range<usize>| {
        let mut s = CorpusStats::new();
        for (l, d) in &docs[range] {
            s.add_document(*l, d);
        }
        s
    };
    let mut a = shard(2..4);
    a.merge(&shard(0..2));
    assert_eq!(a, whole);
    assert_eq!(shard(0..1).merged(shard(1..4)), whole);
    assert_eq!(shard(1..4).merged(shard(0..1)), whole);
    let mut empty = CorpusStats::new();
    empty.merge(&whole);
    assert_eq!(empty, whole);
    let mut same = whole.clone();
    same.merge(&CorpusStats::new());
    assert_eq!(same, whole);
    assert_ne!(shard(0..2), whole);
}

#[test]
fn language_vocabulary_counts_the_pairs_however_built() {
    let (docs, whole) = sample();
    let mut merged = CorpusStats::new();
    merged.add_document(docs[0].0, &docs[0].1);
    let mut rest = CorpusStats::new();
    for (l, d) in &docs[1..] {
        rest.add_document(*l, d);
    }
    merged.merge(&rest);
    let json = serde_json::from_str(&serde_json::to_string(&whole).unwrap()).unwrap();
    let binary = CorpusStats::from_bytes(&whole.to_bytes()).unwrap();
    for stats in [&whole, &merged, &json, &binary] {
        for &lang in stats.languages().keys() {
            let view = stats.language(lang).unwrap();
            assert_eq!(view.vocabulary_size(), view.terms().count(), "{lang}");
        }
        // Only languages with terms have distinct terms.
        assert_eq!(stats.lang_vocabulary_size(Lang::UND), 0);
        let with_terms = Lang::all().filter(|&l| stats.lang_vocabulary_size(l) > 0);
        assert_eq!(with_terms.count(), 2);
    }
}

#[test]
fn equality_sees_per_language_frequencies() {
    // Same totals, different split of "x" and "y" between languages.
    let (eng, deu) = (lang("eng"), lang("deu"));
    let mut a = CorpusStats::new();
    a.add_document(eng, &counts(&["oman", "x"]));
    a.add_document(deu, &counts(&["oman", "y"]));
    let mut b = CorpusStats::new();
    b.add_document(eng, &counts(&["oman", "y"]));
    b.add_document(deu, &counts(&["oman", "x"]));
    assert_eq!(a.languages(), b.languages());
    assert_eq!(a.frequency("x"), b.frequency("x"));
    assert_ne!(a, b);
}

#[test]
fn stats_round_trip_through_json_sorted() {
    let mut s = CorpusStats::new();
    s.add_document(Lang::UND, &counts(&["b", "a", "b"]));
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(
        json,
        r#"{"documents":1,"term_count":3,"languages":{"und":{"documents":1,"term_count":3,"terms":[["a",1,1],["b",1,2]]}}}"#
    );
    assert_eq!(serde_json::from_str::<CorpusStats>(&json).unwrap(), s);
    let (_, whole) = sample();
    let json = serde_json::to_string(&whole).unwrap();
    assert_eq!(serde_json::from_str::<CorpusStats>(&json).unwrap(), whole);
    // Field order does not matter in JSON, and the name earlier versions wrote still reads.
    let shuffled = r#"{"languages":{"und":{"terms":[["b",1,2],["a",1,1]],"tokens":3,"documents":1}},"tokens":3,"documents":1}"#;
    assert_eq!(serde_json::from_str::<CorpusStats>(shuffled).unwrap(), s);
}

#[test]
fn inconsistent_json_is_refused_with_a_reason() {
    let cases = [
        (
            r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",1,1],["a",1,2]]}}}"#,
            "twice",
        ),
        (
            r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",2,3]]}}}"#,
            "has 1",
        ),
        (
            r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",0,3]]}}}"#,
            "in 0 documents",
        ),
        (
            r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",1,2]]}}}"#,
            "occur 2 times",
        ),
        (
            r#"{"documents":2,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",1,3]]}}}"#,
            "add up",
        ),
        (
            r#"{"documents":0,"tokens":0,"languages":{"und":{"documents":0,"tokens":0,"terms":[]}}}"#,
            "no documents",
        ),
        (
            r#"{"documents":1,"tokens":3,"languages":{"xx":{"documents":1,"tokens":3,"terms":[["a",1,3]]}}}"#,
            "unknown language",
        ),
        (
            r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3}}}"#,
            "missing field",
        ),
        (
            r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",1]]}}}"#,
            "invalid length",
        ),
        (
            r#"{"documents":1,"tokens":3,"languages":{"und":{"documents":1,"tokens":3,"terms":[["a",1,18446744073709551615],["b",1,5]]}}}"#,
            "overflow",
        ),
        (r#"{"documents":1}"#, "missing field"),
        (r#"[1,2"#, "EOF"),
    ];
    for (json, reason) in cases {
        let e = serde_json::from_str::<CorpusStats>(json)
            .unwrap_err()
            .to_string();
        assert!(e.contains(reason), "{json}: {e}");
    }
}

#[test]
fn binary_round_trip_and_typed_errors() {
    let (_, whole) = sample();
    let bytes = whole.to_bytes();
    assert_eq!(&bytes[..8], b"WMSTATS\0");
    assert_eq!(bytes[8..10], BINARY_FORMAT_VERSION.to_le_bytes());
    assert_eq!(CorpusStats::from_bytes(&bytes).unwrap(), whole);
    assert_eq!(
        CorpusStats::from_bytes(&CorpusStats::new().to_bytes()).unwrap(),
        CorpusStats::new()
    );

    assert!(matches!(CorpusStats::from_bytes(b""), Err(Error::NotStats)));
    assert!(matches!(
        CorpusStats::from_bytes(b"WMSTATS\0\x01"),
        Err(Error::CorruptStats(_))
    ));
    // Version bytes changed on data of this version: damage, not another version.
    let mut damaged = bytes.clone();
    damaged[8] ^= 2;
    let e = CorpusStats::from_bytes(&damaged).unwrap_err();
    assert!(
        matches!(&e, Error::CorruptStats(m) if m.contains("version bytes")),
        "{e}"
    );
    // Data of another version (another layout: here, not this version's data).
    let mut old = bytes[..10].to_vec();
    old[8..10].copy_from_slice(&0u16.to_le_bytes());
    old.extend_from_slice(b"older data");
    old.extend_from_slice(&[1, 2, 3, 4]);
    let e = CorpusStats::from_bytes(&old).unwrap_err();
    assert!(matches!(
        e,
        Error::StatsVersion {
            found: 0,
            supported: BINARY_FORMAT_VERSION
        }
    ));
    assert!(e.to_string().contains("version 0"), "{e}");
    for cut in 10..bytes.len() {
        assert!(
            matches!(
                CorpusStats::from_bytes(&bytes[..cut]),
                Err(Error::CorruptStats(_))
            ),
            "cut at {cut}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(matches!(
        CorpusStats::from_bytes(&longer),
        Err(Error::CorruptStats(_))
    ));
    for i in 10..bytes.len() {
        let mut flipped = bytes.clone();
        flipped[i] ^= 0x40;
        assert!(
            matches!(
                CorpusStats::from_bytes(&flipped),
                Err(Error::CorruptStats(_))
            ),
            "flip at {i}"
        );
    }
}

#[test]
fn binary_front_coding_keeps_whole_characters() {
    // "é" and "è" share their first UTF-8 byte but no character.
    let terms = ["é", "è", "عمان", "عماني", "عمانية", "a", "ab", "abc", "b"];
    let mut s = CorpusStats::new();
    s.add_document(lang("fra"), &counts(&terms));
    s.add_document(lang("ara"), &counts(&terms[2..]));
    let loaded = CorpusStats::from_bytes(&s.to_bytes()).unwrap();
    assert_eq!(loaded, s);
    assert_eq!(loaded.document_frequency("عمانية"), 2);
    assert_eq!(persist::shared_prefix("é", "è"), 0);
    assert_eq!(persist::shared_prefix("عمان", "عماني"), "عمان".len());
}

#[test]
fn binary_loads_whatever_it_writes_long_terms_that_differ_at_their_end_too() {
    // Tracking URLs kept as terms (`Tokenizer::urls`): hundreds of bytes alike, then a few
    // digits. Shared whole, their entries would exceed the reader's bound on how much a few
    // bytes may decode to, which guards it against crafted data.
    let prefix = "https://example.com/a?utm_source=x&".repeat(15);
    let mut terms = TermCounts::new();
    for i in 0..20_000 {
        terms.add(&format!("{prefix}{i:05}"));
    }
    terms.add(&format!("{prefix}é"));
    terms.add(&format!("{prefix}è"));
    let mut s = CorpusStats::new();
    s.add_document(Lang::UND, &terms);
    let bytes = s.to_bytes();
    assert_eq!(CorpusStats::from_bytes(&bytes).unwrap(), s);
    // Still far smaller than the terms: front coding shares all but a sixty-fourth.
    assert!(
        bytes.len() < 20_000 * prefix.len() / 8,
        "{} bytes",
        bytes.len()
    );
}

#[test]
fn try_merge_refuses_counts_past_u64_and_leaves_the_statistics_as_they_were() {
    let mut one = CorpusStats::new();
    one.add_document(lang("eng"), &counts(&["oman"]));
    // As many documents as u64 holds, as only forged statistics claim.
    let forged = br#"{"documents":18446744073709551615,"term_count":1,"languages":{"eng":{"documents":18446744073709551615,"term_count":1,"terms":[["x",1,1]]}}}"#;
    let mut full: CorpusStats = serde_json::from_slice(forged).unwrap();
    let before = full.clone();
    let e = full.try_merge(&one).unwrap_err();
    assert!(matches!(e, Error::CountOverflow("documents")), "{e}");
    assert_eq!(full, before);
    // What fits is merged as merge does.
    let mut a = one.clone();
    a.try_merge(&one).unwrap();
    let mut b = one.clone();
    b.merge(&one);
    assert_eq!(a, b);
    assert_eq!(a.documents(), 2);
}

#[test]
fn json_statistics_may_name_their_analysis() {
    let named = r#"{"analysis":"--no-stem","documents":1,"term_count":1,"languages":{"eng":{"documents":1,"term_count":1,"terms":[["x",1,1]]}}}"#;
    let stats: CorpusStats = serde_json::from_str(named).unwrap();
    assert_eq!(stats.documents(), 1);
    for (bad, says) in [
        (named.replace(r#""--no-stem""#, "1"), "expected a string"),
        (
            named.replace(
                r#""documents":1,"term"#,
                r#""analysis":"","documents":1,"term"#,
            ),
            "duplicate field",
        ),
        (named.replace("analysis", "analyses"), "unknown field"),
    ] {
        let e = serde_json::from_str::<CorpusStats>(&bad).unwrap_err();
        assert!(e.to_string().contains(says), "{bad}: {e}");
    }
}

/// Binary statistics with a valid checksum around an invalid payload.
fn forged(payload: &impl Serialize) -> Vec<u8> {
    let mut bytes = b"WMSTATS\0".to_vec();
    bytes.extend_from_slice(&BINARY_FORMAT_VERSION.to_le_bytes());
    let payload = postcard::to_allocvec(payload).unwrap();
    let crc = crc::Crc::<u32>::new(&crc::CRC_32_ISCSI);
    bytes.extend_from_slice(&payload);
    bytes.extend_from_slice(&crc.checksum(&payload).to_le_bytes());
    bytes
}

#[test]
fn binary_refuses_forged_front_coding_and_counts() {
    let good = (
        1u64,
        1u64,
        vec![("und", (1u64, 1u64, vec![(0u32, "a", 1u64, 1u64)]))],
    );
    assert_eq!(CorpusStats::from_bytes(&forged(&good)).unwrap(), {
        let mut s = CorpusStats::new();
        s.add_document(Lang::UND, &counts(&["a"]));
        s
    });
    let cases: [(Vec<u8>, &str); 4] = [
        (
            forged(&(
                2u64,
                2u64,
                vec![(
                    "und",
                    (2u64, 2u64, vec![(0u32, "a", 1u64, 1u64), (3, "b", 1, 1)]),
                )],
            )),
            "shares 3 bytes",
        ),
        (
            forged(&(
                2u64,
                2u64,
                vec![(
                    "und",
                    (2u64, 2u64, vec![(0u32, "a", 1u64, 1u64), (1, "", 1, 1)]),
                )],
            )),
            "twice",
        ),
        (
            forged(&(
                1u64,
                1u64,
                vec![("xx", (1u64, 1u64, vec![(0u32, "a", 1u64, 1u64)]))],
            )),
            "unknown language",
        ),
        (
            forged(&(
                1u64,
                1u64,
                vec![
                    ("und", (1u64, 1u64, vec![(0u32, "a", 1u64, 1u64)])),
                    ("und", (1u64, 1u64, vec![(0u32, "b", 1u64, 1u64)])),
                ],
            )),
            "listed twice",
        ),
    ];
    for (bytes, reason) in cases {
        let e = CorpusStats::from_bytes(&bytes).unwrap_err();
        assert!(matches!(e, Error::CorruptStats(_)), "{e}");
        assert!(e.to_string().contains(reason), "{reason}: {e}");
    }
}

#[test]
fn binary_checks_counts_behind_a_valid_checksum() {
    // Consistent encoding and checksum, inconsistent counts: the checks still refuse it.
    let mut s = CorpusStats::new();
    s.add_document(Lang::UND, &counts(&["a"]));
    s.term_count = 5;
    let e = CorpusStats::from_bytes(&s.to_bytes()).unwrap_err();
    assert!(e.to_string().contains("add up"), "{e}");
}

#[test]
fn bm25_parameters_out_of_range_are_refused_and_the_largest_weigh_finitely() {
    for (k1, b) in [
        (-0.1, 0.5),
        (f64::NAN, 0.5),
        (1e308, 0.5),
        (f64::INFINITY, 0.5),
        (1.2, 1.5),
    ] {
        assert!(Bm25::with_params(k1, b).is_err(), "{k1} {b}");
    }
    let mut stats = CorpusStats::new();
    let long = TermCounts::from_terms(std::iter::repeat_n("rain", 100_000));
    let short = counts(&["sun"]);
    stats.add_document(lang("eng"), &long);
    stats.add_document(lang("eng"), &short);
    let bm25 = Bm25::with_params(Bm25::MAX_K1, 1.0).unwrap();
    for doc in [&long, &short] {
        for (_, weight) in bm25.weights(&stats, doc) {
            assert!(weight.is_finite() && weight > 0.0, "{weight}");
        }
    }
}
