"""The pandas and Hugging Face datasets examples (python/examples/) give what the pipeline
gives, and their documented sessions run."""

import doctest
import importlib.util
import pathlib

import pytest

import wordmill

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"


def load(name):
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def expected(pipeline, texts, top):
    docs = [pipeline.analyze(t) for t in texts]
    return (
        [d.lang for d in docs],
        [d.token_count for d in docs],
        [[{"term": t, "count": c} for t, c in d.terms.most_common(top)] for d in docs],
    )


def test_pandas_text_column_to_columns(pipeline, documents):
    pd = pytest.importorskip("pandas")
    example = load("pandas_columns")
    texts = documents[:150]
    df = pd.DataFrame({"id": range(100, 100 + len(texts)), "text": texts}, index=range(7, 7 + len(texts)))
    out = example.analyse(df, pipeline, top=4)
    assert list(out.columns) == ["id", "text", "lang", "script", "confidence", "reliable", "token_count", "term_count", "terms"]
    assert (out.index == df.index).all() and (out["id"] == df["id"]).all()
    langs, token_counts, terms = expected(pipeline, texts, 4)
    assert out["lang"].tolist() == langs
    assert out["token_count"].tolist() == token_counts
    assert [list(t) for t in out["terms"]] == terms
    # An object (not Arrow) column works too.
    objects = pd.DataFrame({"text": pd.Series(texts[:5], dtype=object)})
    assert example.analyse(objects, pipeline, top=4)["lang"].tolist() == langs[:5]
    assert doctest.testmod(example).failed == 0


def test_datasets_map_batched(pipeline, documents):
    pytest.importorskip("datasets")
    from datasets import Dataset

    example = load("datasets_map")
    texts = documents[:150]
    ds = Dataset.from_dict({"id": list(range(len(texts))), "text": texts})
    out, stats = example.analyse(ds, pipeline, top=4, batch_size=40)
    assert out.column_names == ["id", "text", "lang", "script", "confidence", "reliable", "token_count", "term_count", "terms"]
    langs, token_counts, terms = expected(pipeline, texts, 4)
    assert list(out["id"]) == list(range(len(texts)))
    assert list(out["lang"]) == langs and list(out["token_count"]) == token_counts
    assert list(out["terms"]) == terms
    # Every document counted once.
    assert stats == pipeline.analyze_batch(texts).stats
    assert doctest.testmod(example).failed == 0
