"""Terms equality, BatchAnalysis as a sequence, Bm25 queries, and argument checks."""

import os

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
    # Analyses compare by value: the two analyses of "Muscat" are equal.
    assert batch.count(first) == 2 and batch.count("junk") == 0
    assert batch.index(first, 1) == 2


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


# A pipeline made before any fork, as a user's module-level one is.
FORKED_PIPELINE = wordmill.Pipeline()
FORKED_TEXTS = ["The talks in Muscat went well."] * 100


def _batch_in_child(threads):
    return len(FORKED_PIPELINE.analyze_batch(FORKED_TEXTS, threads=threads))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_forked_child_analyses_in_parallel_after_its_parent_did():
    import multiprocessing

    # The parent's thread pools exist before the fork (a child inherits them without their
    # threads: its parallel calls used to wait for them forever).
    for threads in (None, 2):
        assert _batch_in_child(threads) == 100
    with multiprocessing.get_context("fork").Pool(2) as pool:
        counts = pool.map_async(_batch_in_child, [None, 2, 1, None]).get(timeout=120)
    assert counts == [100, 100, 100, 100]


def test_an_iterable_whose_len_overstates_is_read_as_it_iterates(pipeline):
    class Lazy:
        def __init__(self, length):
            self.length = length

        def __len__(self):
            return self.length

        def __iter__(self):
            return iter(["The talks went well.", "Muscat"])

    for length in (2**40, 2**62, 0):
        assert len(pipeline.analyze_batch(Lazy(length))) == 2


def test_statistics_being_added_to_from_a_mapping_may_be_merged_by_its_code(pipeline):
    from collections.abc import Mapping

    a = pipeline.analyze_batch(["Rain in Oman."]).stats
    b = wordmill.CorpusStats()
    b.add({"sun": 1})

    class Counts(Mapping):
        # Read by b.add before b is touched: merging b meanwhile merges b as it was.
        def __getitem__(self, term):
            return {"rain": 1}[term]

        def __len__(self):
            return 1

        def __iter__(self):
            a.merge(b)
            return iter(["rain"])

    b.add(Counts())
    assert a.documents == 2 and a.document_frequency("sun") == 1
    assert b.documents == 2 and b.document_frequency("rain") == 1
    a.merge(a)
    assert a.documents == 4


def test_a_str_subclass_is_read_as_its_characters_not_its_methods(pipeline):
    class Tricky(str):
        def encode(self, *args, **kwargs):
            return b"completely different text here"

    text = Tricky("caf\udce9 ol\u00e9 m\u00fcnchen")
    doc = pipeline.analyze(text, lang="deu")
    assert "complet" not in doc.terms and "text" not in doc.terms
    assert [t.text for t in doc.tokens][-1] == "m\u00fcnchen"


def test_normalize_reads_lone_surrogates_as_analyze_does():
    # A lone surrogate (as errors="surrogateescape" leaves one) is read as "?", one code
    # point for one, as analyze() and tokenize() read it; not a UnicodeEncodeError.
    assert wordmill.Normalizer().normalize("A\ud800B") == "a?b"
    with pytest.raises(TypeError, match="expected a str"):
        wordmill.Normalizer().normalize(b"bytes")


def test_term_lookups_read_lone_surrogates_as_analyze_does(pipeline):
    # A term with a lone surrogate is no term of any analysis (analyze() reads it as "?"):
    # its frequencies are 0 and its idf None, not a UnicodeEncodeError.
    texts = ["The talks in Muscat went well, the minister said.", "Muscat welcomed him."]
    stats = pipeline.analyze_batch(texts).stats
    assert stats.document_frequency("caf\udce9") == 0
    assert stats.collection_frequency("\ud800") == 0
    assert wordmill.TfIdf().idf(stats, "\ud800") is None
    assert wordmill.Bm25().idf(stats, "\ud800") > 0
    doc = pipeline.analyze("Talks in Muscat.", lang="eng")
    assert wordmill.Bm25().score(stats, doc, ["\ud800"]) == 0
    assert wordmill.Bm25().score(stats, doc, ["\ud800", "muscat"]) > 0
    assert stats.document_frequency("muscat") == 2
    with pytest.raises(TypeError, match="expected a str"):
        stats.document_frequency(b"muscat")


def _wordmill_threads():
    names = []
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/comm") as comm:
                names.append(comm.read().strip())
        except OSError:  # a thread that has just exited
            pass
    return sum(name.startswith("wordmill-") for name in names)


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads in /proc")
def test_calls_that_leave_threads_to_wordmill_share_one_pool(pipeline):
    import threading

    texts = ["The talks in Muscat went well."] * 200
    before = _wordmill_threads()
    callers = [threading.Thread(target=pipeline.analyze_batch, args=(texts,)) for _ in range(8)]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join()
    # Eight concurrent calls with threads=None: one pool of one thread per core at most
    # (made by the first call of the process), not one pool per call.
    assert _wordmill_threads() - before <= os.cpu_count()


def test_tokens_spans_and_detections_compare_by_value(pipeline):
    text = "Talks in Muscat. محادثات في مسقط"
    first, again = pipeline.analyze(text), pipeline.analyze(text)
    assert first.tokens == again.tokens and first.spans == again.spans
    assert len({*first.tokens, *again.tokens}) == len(first.tokens)
    assert hash(first.spans[0]) == hash(again.spans[0])
    assert first.tokens[0] != first.tokens[1]
    assert first.spans[0] != first.spans[1]
    assert first.tokens[0] != "Talks" and first.spans[0] != (0, 17)
    detector = wordmill.Detector()
    found = detector.detect(text)
    assert found == detector.detect(text) and hash(found) == hash(detector.detect(text))
    assert found != detector.detect("Gespräche in Maskat.")
