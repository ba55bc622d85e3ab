#!/usr/bin/env python3
"""Computes the expected values of tests/tf_reference.rs from documents.json.

TF-IDF: scikit-learn's TfidfVectorizer, given the terms as they are (a callable analyzer that
returns them), fitted on the corpus: `corpus` holds fit_transform's rows, `queries` holds
transform's rows for documents outside the corpus, `idf` holds idf_.

BM25: written here from the formula (Okapi BM25, k1 = 1.2, b = 0.75, with Lucene's idf
ln(1 + (N - df + 0.5) / (df + 0.5)); document lengths exact), because rank_bm25's BM25Okapi
uses another idf, ln((N - df + 0.5) / (df + 0.5)) with a floor.

    pip install scikit-learn
    python3 tests/data/tf/reference.py > tests/data/tf/expected.json
"""

import json
import math
import pathlib
import sys

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

HERE = pathlib.Path(__file__).parent
DATA = json.loads((HERE / "documents.json").read_text(encoding="utf-8"))
CORPUS = [d["terms"] for d in DATA["corpus"]]
QUERIES = [q["terms"] for q in DATA["queries"]]

# Variant name -> TfidfVectorizer options (the first is scikit-learn's defaults).
TFIDF_VARIANTS = {
    "default": {},
    "no_smooth": {"smooth_idf": False},
    "no_norm": {"norm": None},
    "l1": {"norm": "l1"},
    "sublinear": {"sublinear_tf": True},
    "raw": {"smooth_idf": False, "norm": None},
    "raw_sublinear": {"smooth_idf": False, "norm": None, "sublinear_tf": True},
}


def rows(matrix, names):
    """Each row of a sparse matrix as {term: weight}, without zeros."""
    out = []
    for i in range(matrix.shape[0]):
        row = matrix.getrow(i)
        out.append({names[j]: float(v) for j, v in zip(row.indices, row.data) if v != 0.0})
    return out


def tfidf(options):
    vectorizer = TfidfVectorizer(analyzer=lambda terms: terms, **options)
    fitted = vectorizer.fit_transform(CORPUS)
    names = list(vectorizer.get_feature_names_out())
    return {
        "options": options,
        "idf": {name: float(v) for name, v in zip(names, vectorizer.idf_)},
        "corpus": rows(fitted, names),
        "queries": rows(vectorizer.transform(QUERIES), names),
    }


K1, B = 1.2, 0.75
N = len(CORPUS)
AVGDL = sum(len(d) for d in CORPUS) / N
DF = {}
for doc in CORPUS:
    for term in set(doc):
        DF[term] = DF.get(term, 0) + 1


def bm25_idf(term):
    df = DF.get(term, 0)
    return math.log(1 + (N - df + 0.5) / (df + 0.5))


def bm25_weight(term, doc):
    tf = doc.count(term)
    dl = len(doc)
    return bm25_idf(term) * tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / AVGDL))


def bm25_weights(doc):
    return {term: bm25_weight(term, doc) for term in dict.fromkeys(doc)}


def bm25_score(doc, query):
    return sum(bm25_weight(term, doc) for term in query if term in doc)


expected = {
    "generated_by": f"tests/data/tf/reference.py, scikit-learn {sklearn.__version__}",
    "tfidf": {name: tfidf(options) for name, options in TFIDF_VARIANTS.items()},
    "bm25": {
        "k1": K1,
        "b": B,
        "idf": {term: bm25_idf(term) for term in sorted(DF) + ["unseen"]},
        "corpus": [bm25_weights(d) for d in CORPUS],
        "queries": [bm25_weights(q) for q in QUERIES],
        # scores[q][d]: document d of the corpus for query q.
        "scores": [[bm25_score(d, q) for d in CORPUS] for q in QUERIES],
    },
}
json.dump(expected, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
sys.stdout.write("\n")
