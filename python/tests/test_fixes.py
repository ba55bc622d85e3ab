"""Terms equality, BatchAnalysis as a sequence, Bm25 queries, and argument checks."""

import pytest

import wordmill


def test_terms_compare_as_mappings_in_any_order(pipeline):
    a = pipeline.analyze("apple banana", lang="eng").terms
    b = pipeline.analyze("banana apple", lang="eng").terms
    assert list(a) != list(b)
    assert a == b and b == a and not (a != b)
    assert a == b.to_dict() and a == dict(reversed(list(b.items())))
    c = pipeline.analyze("apple banana banana", lang="eng").terms
    d = pipeline.analyze("apple cherry", lang="eng").terms
    assert a != c and a != d


def test_batch_documents_is_a_copy_and_index_and_count_work(pipeline):
    batch = pipeline.analyze_batch(["Muscat", "Oman", "Muscat"])
    docs = batch.documents
    docs.append("junk")
    docs.clear()
    assert len(batch) == 3 and len(batch.documents) == 3
    assert batch.documents is not batch.documents
    assert [d.text for d in batch.documents] == ["Muscat", "Oman", "Muscat"]
    first, second = batch[0], batch[1]
    assert batch.index(second) == 1
    assert batch.index(first) == 0
    with pytest.raises(ValueError):
        batch.index(second, 2)
    with pytest.raises(ValueError):
        batch.index(first, 1, 2)
    with pytest.raises(ValueError):
        batch.index("junk")
    assert batch.count(first) == 1 and batch.count("junk") == 0


def test_bm25_query_text_is_refused_and_analyses_are_accepted(pipeline):
    batch = pipeline.analyze_batch(["Iran and Russia held more talks.", "Heavy rain in Oman."])
    bm25 = wordmill.Bm25()
    doc = batch[0]
    terms = ["russia", "talk"]
    expected = bm25.score(batch.stats, doc, terms)
    assert expected > 0
    with pytest.raises(ValueError, match="analyze"):
        bm25.score(batch.stats, doc, "russia talk")
    with pytest.raises(TypeError, match="bytes"):
        bm25.score(batch.stats, doc, b"russia")
    query = pipeline.analyze("Russia talks", lang="eng")
    assert sorted(query.terms) == terms
    assert bm25.score(batch.stats, doc, query) == pytest.approx(expected)
    assert bm25.score(batch.stats, doc, query.terms) == pytest.approx(expected)
    assert bm25.score(batch.stats, doc, "russia") == bm25.score(batch.stats, doc, ["russia"])


def test_a_document_that_is_no_str_is_named_by_its_index(pipeline):
    with pytest.raises(TypeError, match=r"document 2: expected a str, got NoneType"):
        pipeline.analyze_batch(["a", "b", None])


def test_corpus_stats_load_from_any_buffer(pipeline):
    stats = pipeline.analyze_batch(["Muscat and Oman", "Rain in Oman"]).stats
    data = stats.to_bytes()
    for buffer in (data, bytearray(data), memoryview(data), memoryview(bytearray(data))):
        assert wordmill.CorpusStats.from_bytes(buffer) == stats
    with pytest.raises(TypeError):
        wordmill.CorpusStats.from_bytes(5)
    with pytest.raises(TypeError):
        wordmill.CorpusStats.from_bytes("text")


def test_tokenize_refuses_a_bad_language_without_a_normalizer():
    tokenizer = wordmill.Tokenizer()
    with pytest.raises(ValueError):
        tokenizer.tokenize("Oman and Russia", lang="zz")
    with pytest.raises(ValueError):
        tokenizer.tokenize("Oman and Russia", normalizer=wordmill.Normalizer(), lang="zz")
    assert [t.text for t in tokenizer.tokenize("Oman and Russia", lang="eng")] == ["Oman", "and", "Russia"]
