//! TF-IDF and BM25 checked against reference implementations.
//!
//! tests/data/tf/documents.json holds a few pre-tokenized documents; tests/data/tf/reference.py
//! computed tests/data/tf/expected.json from them with scikit-learn's `TfidfVectorizer` and a
//! BM25 written from the formula with Lucene's idf. These tests need neither Python nor the
//! network: the expected values are committed.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;
use wordmill::Lang;
use wordmill::tf::{Bm25, CorpusStats, Norm, TermCounts, TfIdf};

const TOLERANCE: f64 = 1e-9;

#[derive(Deserialize)]
struct Documents {
    corpus: Vec<Document>,
    queries: Vec<Document>,
}

#[derive(Deserialize)]
struct Document {
    #[serde(default)]
    lang: Option<Lang>,
    terms: Vec<String>,
}

type Weights = BTreeMap<String, f64>;

#[derive(Deserialize)]
struct TfIdfExpected {
    options: BTreeMap<String, Value>,
    idf: Weights,
    corpus: Vec<Weights>,
    queries: Vec<Weights>,
}

#[derive(Deserialize)]
struct Bm25Expected {
    k1: f64,
    b: f64,
    idf: Weights,
    corpus: Vec<Weights>,
    queries: Vec<Weights>,
    scores: Vec<Vec<f64>>,
}

#[derive(Deserialize)]
struct Expected {
    tfidf: BTreeMap<String, TfIdfExpected>,
    bm25: Bm25Expected,
}

fn load<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/tf")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Fixture {
    corpus: Vec<TermCounts>,
    queries: Vec<TermCounts>,
    stats: CorpusStats,
}

fn fixture() -> Fixture {
    let docs: Documents = load("documents.json");
    let counts = |d: &Document| TermCounts::from_terms(&d.terms);
    let corpus: Vec<TermCounts> = docs.corpus.iter().map(counts).collect();
    let mut stats = CorpusStats::new();
    for (doc, terms) in docs.corpus.iter().zip(&corpus) {
        stats.add_document(doc.lang.unwrap_or(Lang::UND), terms);
    }
    Fixture {
        queries: docs.queries.iter().map(counts).collect(),
        corpus,
        stats,
    }
}

/// The scikit-learn options of a variant, as a `TfIdf`.
fn tfidf_of(options: &BTreeMap<String, Value>) -> TfIdf {
    let mut tfidf = TfIdf::new();
    for (option, value) in options {
        tfidf = match (option.as_str(), value) {
            ("smooth_idf", Value::Bool(on)) => tfidf.smooth_idf(*on),
            ("sublinear_tf", Value::Bool(on)) => tfidf.sublinear_tf(*on),
            ("norm", Value::Null) => tfidf.norm(None),
            ("norm", Value::String(n)) if n == "l1" => tfidf.norm(Some(Norm::L1)),
            ("norm", Value::String(n)) if n == "l2" => tfidf.norm(Some(Norm::L2)),
            _ => panic!("unknown option {option}={value}"),
        };
    }
    tfidf
}

fn assert_weights(what: &str, actual: &[(&str, f64)], expected: &Weights) {
    let actual: BTreeMap<&str, f64> = actual.iter().copied().collect();
    assert_eq!(
        actual.keys().copied().collect::<Vec<_>>(),
        expected.keys().map(String::as_str).collect::<Vec<_>>(),
        "{what}: terms"
    );
    for (term, want) in expected {
        let got = actual[term.as_str()];
        assert!(
            (got - want).abs() <= TOLERANCE,
            "{what}, {term:?}: {got} but the reference says {want}"
        );
    }
}

#[test]
fn fixture_is_what_the_script_read() {
    let f = fixture();
    assert_eq!(f.stats.documents(), 7);
    assert_eq!(f.stats.term_count(), 27);
    assert_eq!(f.stats.document_frequency("oman"), 4);
    assert_eq!(
        f.stats
            .language("eng".parse().unwrap())
            .unwrap()
            .documents(),
        4
    );
}

#[test]
fn tfidf_matches_scikit_learn() {
    let f = fixture();
    let expected: Expected = load("expected.json");
    assert!(expected.tfidf.len() >= 7);
    for (name, variant) in &expected.tfidf {
        let tfidf = tfidf_of(&variant.options);
        for (term, want) in &variant.idf {
            let got = tfidf.idf(&f.stats, term).expect("the corpus has the term");
            assert!(
                (got - want).abs() <= TOLERANCE,
                "{name} idf {term:?}: {got} vs {want}"
            );
        }
        assert_eq!(tfidf.idf(&f.stats, "unseen"), None);
        assert_eq!(variant.corpus.len(), f.corpus.len(), "{name}: corpus");
        assert_eq!(variant.queries.len(), f.queries.len(), "{name}: queries");
        for (i, (doc, want)) in f.corpus.iter().zip(&variant.corpus).enumerate() {
            assert_weights(
                &format!("{name}, corpus {i}"),
                &tfidf.weights(&f.stats, doc),
                want,
            );
        }
        for (i, (doc, want)) in f.queries.iter().zip(&variant.queries).enumerate() {
            assert_weights(
                &format!("{name}, query {i}"),
                &tfidf.weights(&f.stats, doc),
                want,
            );
        }
    }
}

#[test]
fn bm25_matches_the_reference() {
    let f = fixture();
    let expected: Expected = load("expected.json");
    let want = &expected.bm25;
    let bm25 = Bm25::new();
    assert_eq!((bm25.k1(), bm25.b()), (want.k1, want.b));
    for (term, w) in &want.idf {
        let got = bm25.idf(&f.stats, term);
        assert!((got - w).abs() <= TOLERANCE, "idf {term:?}: {got} vs {w}");
    }
    assert_eq!(want.corpus.len(), f.corpus.len(), "corpus");
    assert_eq!(want.queries.len(), f.queries.len(), "queries");
    for (i, (doc, w)) in f.corpus.iter().zip(&want.corpus).enumerate() {
        assert_weights(&format!("corpus {i}"), &bm25.weights(&f.stats, doc), w);
    }
    for (i, (doc, w)) in f.queries.iter().zip(&want.queries).enumerate() {
        assert_weights(&format!("query {i}"), &bm25.weights(&f.stats, doc), w);
    }
    let docs = load::<Documents>("documents.json");
    assert_eq!(
        want.scores.len(),
        docs.queries.len(),
        "scores: one row per query"
    );
    for (q, row) in docs.queries.iter().zip(&want.scores) {
        assert_eq!(row.len(), f.corpus.len(), "scores of query {:?}", q.terms);
        for (d, (doc, w)) in f.corpus.iter().zip(row).enumerate() {
            let got = bm25.score(&f.stats, doc, &q.terms);
            assert!(
                (got - w).abs() <= TOLERANCE,
                "query {:?}, doc {d}: {got} vs {w}",
                q.terms
            );
        }
    }
}

#[test]
fn weights_survive_a_round_trip_of_the_statistics() {
    let f = fixture();
    for stats in [
        CorpusStats::from_bytes(&f.stats.to_bytes()).unwrap(),
        serde_json::from_str(&serde_json::to_string(&f.stats).unwrap()).unwrap(),
    ] {
        for doc in f.corpus.iter().chain(&f.queries) {
            assert_eq!(
                TfIdf::new().weights(&stats, doc),
                TfIdf::new().weights(&f.stats, doc)
            );
            assert_eq!(
                Bm25::new().weights(&stats, doc),
                Bm25::new().weights(&f.stats, doc)
            );
        }
    }
}
