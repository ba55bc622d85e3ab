//! Invariants of term statistics: merging is associative and commutative and equals a single
//! run; persistence round-trips and never panics on bad data; weights are well formed.

use proptest::prelude::*;
use wordmill::tf::{Bm25, CorpusStats, Norm, RankBy, TermCounts, TfIdf};
use wordmill::{Error, Lang};

const LANGS: [&str; 5] = ["und", "eng", "ara", "deu", "cmn"];

/// A document: a language and terms from a small alphabet, so that terms repeat within and
/// across documents and languages (the interesting case for merging).
fn document() -> impl Strategy<Value = (Lang, TermCounts)> {
    (
        0..LANGS.len(),
        proptest::collection::vec("[a-e]{1,2}|عمان|oman|1[0-9]", 0..12),
    )
        .prop_map(|(lang, terms)| (LANGS[lang].parse().unwrap(), TermCounts::from_terms(terms)))
}

/// Documents, and for each the shard (0 to 3) it goes to.
fn sharded() -> impl Strategy<Value = Vec<((Lang, TermCounts), usize)>> {
    proptest::collection::vec((document(), 0usize..4), 0..40)
}

fn stats_of<'a>(docs: impl IntoIterator<Item = &'a (Lang, TermCounts)>) -> CorpusStats {
    let mut stats = CorpusStats::new();
    for (lang, terms) in docs {
        stats.add_document(*lang, terms);
    }
    stats
}

fn merge(a: &CorpusStats, b: &CorpusStats) -> CorpusStats {
    let mut out = a.clone();
    out.merge(b);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merging_shards_in_any_order_and_grouping_equals_one_run(docs in sharded()) {
        let whole = stats_of(docs.iter().map(|(d, _)| d));
        let shards: Vec<CorpusStats> = (0..4)
            .map(|s| stats_of(docs.iter().filter(|(_, shard)| *shard == s).map(|(d, _)| d)))
            .collect();
        let [a, b, c, d] = [&shards[0], &shards[1], &shards[2], &shards[3]];

        let left_to_right = merge(&merge(&merge(a, b), c), d);
        let right_to_left = merge(&merge(&merge(d, c), b), a);
        let tree = merge(&merge(a, b), &merge(c, d));
        let by_value = shards.iter().cloned().fold(CorpusStats::new(), CorpusStats::merged);
        prop_assert_eq!(&left_to_right, &whole);
        prop_assert_eq!(&right_to_left, &whole);
        prop_assert_eq!(&tree, &whole);
        prop_assert_eq!(&by_value, &whole);
        // Associativity and commutativity on their own.
        prop_assert_eq!(merge(&merge(a, b), c), merge(a, &merge(b, c)));
        prop_assert_eq!(merge(a, b), merge(b, a));

        // Equal statistics serialize to the same bytes, whatever their history.
        prop_assert_eq!(tree.to_bytes(), whole.to_bytes());
        prop_assert_eq!(serde_json::to_string(&right_to_left).unwrap(), serde_json::to_string(&whole).unwrap());

        // The corpus is the sum of its languages, and top terms agree between histories.
        let per_lang: u64 = whole.languages().values().map(|l| l.term_count).sum();
        prop_assert_eq!(per_lang, whole.term_count());
        prop_assert_eq!(tree.top(5, RankBy::DocumentFrequency), whole.top(5, RankBy::DocumentFrequency));
        for lang in whole.languages().keys() {
            let (x, y) = (tree.language(*lang).unwrap(), whole.language(*lang).unwrap());
            prop_assert_eq!(x.top(5, RankBy::CollectionFrequency), y.top(5, RankBy::CollectionFrequency));
        }
    }

    #[test]
    fn languages_add_up_to_the_corpus(docs in sharded()) {
        let stats = stats_of(docs.iter().map(|(d, _)| d));
        let mut pairs = 0;
        for lang in stats.languages().keys() {
            let view = stats.language(*lang).unwrap();
            let terms: Vec<_> = view.terms().collect();
            prop_assert_eq!(terms.len(), view.vocabulary_size());
            pairs += terms.len();
            prop_assert_eq!(terms.iter().map(|(_, f)| f.occurrences).sum::<u64>(), view.term_count());
            for (term, f) in terms {
                prop_assert_eq!(view.frequency(term), f);
                prop_assert!(f.documents >= 1 && f.documents <= view.documents());
            }
        }
        prop_assert!(pairs >= stats.vocabulary_size());
        for (term, f) in stats.terms() {
            let (mut documents, mut occurrences) = (0, 0);
            for lang in stats.languages().keys() {
                let g = stats.language(*lang).unwrap().frequency(term);
                documents += g.documents;
                occurrences += g.occurrences;
            }
            prop_assert_eq!((documents, occurrences), (f.documents, f.occurrences), "{}", term);
        }
        // Against a plain recount of the documents.
        for (lang, doc) in docs.iter().map(|(d, _)| d) {
            for (term, _) in doc.iter() {
                let expected = docs
                    .iter()
                    .filter(|((l, d), _)| l == lang && d.count(term) > 0)
                    .count() as u64;
                prop_assert_eq!(stats.language(*lang).unwrap().document_frequency(term), expected);
            }
        }
    }

    #[test]
    fn statistics_round_trip(docs in sharded()) {
        let stats = stats_of(docs.iter().map(|(d, _)| d));
        prop_assert_eq!(&CorpusStats::from_bytes(&stats.to_bytes()).unwrap(), &stats);
        let json = serde_json::to_string(&stats).unwrap();
        prop_assert_eq!(&serde_json::from_str::<CorpusStats>(&json).unwrap(), &stats);
    }

    #[test]
    fn damaged_binary_statistics_are_an_error_not_a_panic(
        docs in sharded(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
        cut in any::<prop::sample::Index>(),
    ) {
        let bytes = stats_of(docs.iter().map(|(d, _)| d)).to_bytes();
        let mut damaged = bytes.clone();
        for (at, value) in &edits {
            damaged[at.index(bytes.len())] = *value;
        }
        if damaged != bytes {
            prop_assert!(CorpusStats::from_bytes(&damaged).is_err());
        }
        let truncated = &bytes[..cut.index(bytes.len())];
        prop_assert!(CorpusStats::from_bytes(truncated).is_err());
    }

    #[test]
    fn arbitrary_bytes_and_json_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200), text in ".{0,200}") {
        let mut with_header = b"WMSTATS\0\x01\x00".to_vec();
        with_header.extend_from_slice(&bytes);
        prop_assert!(matches!(CorpusStats::from_bytes(&with_header), Err(Error::CorruptStats(_)) | Ok(_)));
        let _ = CorpusStats::from_bytes(&bytes);
        let _ = serde_json::from_str::<CorpusStats>(&text);
        let _ = serde_json::from_slice::<CorpusStats>(&bytes);
    }

    #[test]
    fn a_count_at_once_is_that_many_single_adds(
        adds in proptest::collection::vec(("[a-c]{1,2}", 0u32..5), 0..20)
    ) {
        let (mut at_once, mut one_by_one) = (TermCounts::new(), TermCounts::new());
        for (term, count) in &adds {
            at_once.add_count(term, *count);
            for _ in 0..*count {
                one_by_one.add(term);
            }
        }
        prop_assert_eq!(at_once, one_by_one);
    }

    #[test]
    fn weights_are_well_formed(docs in sharded(), probe in document()) {
        let stats = stats_of(docs.iter().map(|(d, _)| d));
        let doc = &probe.1;
        let l2 = TfIdf::new().weights(&stats, doc);
        let length: f64 = l2.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        prop_assert!(l2.is_empty() || (length - 1.0).abs() < 1e-9, "l2 length {}", length);
        let l1: f64 = TfIdf::new().norm(Some(Norm::L1)).weights(&stats, doc).iter().map(|(_, w)| w).sum();
        prop_assert!(l2.is_empty() || (l1 - 1.0).abs() < 1e-9);
        for (term, w) in TfIdf::new().smooth_idf(false).norm(None).weights(&stats, doc) {
            prop_assert!(w >= 1.0 && w.is_finite(), "{} {}", term, w);
        }
        let bm25 = Bm25::new().weights(&stats, doc);
        prop_assert_eq!(bm25.len(), doc.len());
        prop_assert!(bm25.iter().all(|(_, w)| *w > 0.0 && w.is_finite()));
        let top = Bm25::new().top(&stats, doc, 3);
        prop_assert!(top.windows(2).all(|p| p[0].1 >= p[1].1));
        let all_terms: Vec<&str> = doc.iter().map(|(t, _)| t).collect();
        let score = Bm25::new().score(&stats, doc, &all_terms);
        let sum: f64 = bm25.iter().map(|(_, w)| w).sum();
        prop_assert!((score - sum).abs() < 1e-9);
    }
}
