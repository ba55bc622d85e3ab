"""Results as values: analyses and their parts pickle (for multiprocessing) and compare by
value; the arguments that the batch tool reads one way read so here too."""

import copy
import multiprocessing
import pickle

import pytest

import wordmill

MIXED = "Talks in Muscat went well. محادثات في مسقط \udcff 👍🏽"


def test_analyses_and_their_parts_pickle_and_copy(pipeline):
    doc = pipeline.analyze(MIXED)
    for value in [doc, doc.terms, doc.tokens[0], doc.spans[-1], wordmill.Detector().detect(MIXED)]:
        for again in [pickle.loads(pickle.dumps(value)), copy.deepcopy(value), copy.copy(value)]:
            assert again == value and type(again) is type(value)
    again = pickle.loads(pickle.dumps(doc))
    # The text with its lone surrogate, offsets in code points of it, as before.
    assert again.text == MIXED
    assert [MIXED[t.start : t.end] for t in again.tokens] == [t.text for t in doc.tokens]
    assert again.spans == doc.spans and again.terms == doc.terms
    assert (again.lang, again.script, again.confidence, again.reliable) == (
        doc.lang,
        doc.script,
        doc.confidence,
        doc.reliable,
    )
    assert list(again.terms.items()) == list(doc.terms.items()), "order of first occurrence"
    # What is no pickle of an analysis or its parts is refused, not read as one.
    with pytest.raises(ValueError):
        wordmill.Analysis._restore("short", pickle.dumps(doc).decode("latin-1"))
    for restore, args in [
        (wordmill.Token._restore, ("abc", 5, 2, "word", None)),
        (wordmill.Span._restore, (9, 1, "eng", "Latin")),
        (wordmill.Detection._restore, ("eng", "Latin", float("nan"), True)),
        (wordmill.Terms._restore, ('{"a": 1, "a": 2}',)),
        (wordmill.Terms._restore, ('{"a": 0}',)),
    ]:
        with pytest.raises(ValueError):
            restore(*args)


def test_a_process_pool_returns_analyses(pipeline):
    texts = ["The talks in Muscat went well.", "Die Gespräche in Maskat verliefen gut."]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        found = pool.map(pipeline.analyze, texts)
    assert [doc.lang for doc in found] == ["eng", "deu"]
    assert found == [pipeline.analyze(text) for text in texts]


def test_a_batch_pickles_and_compares_by_value(pipeline):
    # A worker of multiprocessing or concurrent.futures returns its batch pickled.
    texts = ["The talks in Muscat went well.", "محادثات في مسقط", ""]
    batch = pipeline.analyze_batch(texts)
    for again in [pickle.loads(pickle.dumps(batch)), copy.deepcopy(batch), copy.copy(batch)]:
        assert type(again) is wordmill.BatchAnalysis and again == batch
        assert list(again) == list(batch) and again.stats == batch.stats
        assert again.stats.document_frequency("muscat") == 1
    without = pipeline.analyze_batch(texts, stats=False)
    again = pickle.loads(pickle.dumps(without))
    assert again == without and getattr(again, "stats", None) is None
    # Other statistics, other documents or documents in another order: another batch.
    assert without != batch
    assert pipeline.analyze_batch(texts[:2]) != batch
    assert pipeline.analyze_batch(texts[::-1], stats=False) != without
    with pytest.raises(TypeError):
        hash(batch)
    with pytest.raises(TypeError):
        wordmill.BatchAnalysis._restore(["not an analysis"], None)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(pipeline.analyze_batch, (texts,)) == batch


def test_analyses_compare_by_value_and_are_unhashable(pipeline):
    batch = pipeline.analyze_batch(["birds fly high", "fish swim deep"])
    alone = pipeline.analyze("birds fly high")
    assert alone == batch[0] and alone != batch[1]
    assert batch.index(alone) == 0 and batch.count(alone) == 1
    # The same results of another text are another analysis.
    assert pipeline.analyze("Birds fly high") != alone
    with pytest.raises(TypeError):
        hash(alone)


def test_analyses_and_tokens_leave_other_types_to_compare_themselves(pipeline):
    class Anything:
        def __eq__(self, other):
            return True

    doc = pipeline.analyze("birds fly high")
    token = doc.tokens[0]
    # NotImplemented, not False: Python then asks the other operand, as for its own types.
    assert doc == Anything() and Anything() == doc and not (doc != Anything())
    assert token == Anything() and not (token != Anything())
    assert doc != "birds fly high" and token != ("birds", 0, 5)


def test_und_as_the_language_detects_as_the_batch_tool_does(pipeline):
    detected = pipeline.analyze("running dogs bark")
    assert pipeline.analyze("running dogs bark", lang="und") == detected
    assert detected.lang == "eng" and "dog" in detected.terms


def test_min_confidence_is_a_number_from_0_to_1_as_for_the_batch_tool():
    for bad in [-0.5, 1.5, float("nan")]:
        with pytest.raises(ValueError, match="from 0 to 1"):
            wordmill.Detector(min_confidence=bad)
    assert wordmill.Detector(min_confidence=1).detect("x").lang == "und"


def test_reprs_say_what_the_object_does():
    assert "min_letters=1" in repr(wordmill.Detector(min_letters=0))
    assert "languages=['eng']" in repr(wordmill.Detector(["eng", "en", "eng"]))
    assert "fallback='deu'" in repr(wordmill.Detector(fallback="de"))
    assert "fallback_language='deu'" in repr(wordmill.Pipeline(fallback_language="de"))


def test_a_bool_is_no_count():
    with pytest.raises(TypeError, match="bool"):
        wordmill.Pipeline().analyze_batch(["a b"], threads=True)
    with pytest.raises(TypeError, match="bool"):
        wordmill.Detector(min_letters=False)


def test_a_bigram_is_a_term_of_a_query():
    pipeline = wordmill.Pipeline(bigrams=True)
    batch = pipeline.analyze_batch(["the new york city hall", "new york is big"])
    bm25 = wordmill.Bm25()
    assert bm25.score(batch.stats, batch[0], "new york") == bm25.score(
        batch.stats, batch[0], ["new york"]
    ) > 0
    with pytest.raises(ValueError, match="is text, not a term"):
        bm25.score(batch.stats, batch[0], "new jersey")
    # No query term, no score: 0.0, not -0.0.
    assert str(bm25.score(batch.stats, batch[0], [])) == "0.0"


def test_dictionary_encoded_text_is_read_as_its_values(pipeline):
    pa = pytest.importorskip("pyarrow")
    plain = pa.array(["The talks went well.", None, "محادثات في مسقط", "The talks went well."])
    encoded = plain.dictionary_encode()
    assert pa.types.is_dictionary(encoded.type)
    assert pipeline.analyze_arrow(encoded).equals(pipeline.analyze_arrow(plain))
    # Every key null, over no value at all.
    empty = pa.DictionaryArray.from_arrays(pa.array([None, None], pa.int8()), pa.array([], pa.string()))
    assert pipeline.analyze_arrow(empty).column("lang").null_count == 2
    # A key out of range (which pyarrow builds unchecked) is refused, not read as another.
    bad = pa.DictionaryArray.from_arrays(pa.array([0, 5, -3], pa.int8()), pa.array(["a b", "c d"]), safe=False)
    with pytest.raises(ValueError, match="names no value"):
        pipeline.analyze_arrow(bad)
    with pytest.raises(TypeError, match="pass the column"):
        pipeline.analyze_arrow(pa.table({"text": ["a"]}).to_struct_array())
    with pytest.raises(TypeError, match="analyze_arrow"):
        pipeline.analyze_batch(plain)
