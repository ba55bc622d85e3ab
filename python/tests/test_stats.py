"""CorpusStats shared by Python threads."""

import collections
import sys
import threading

import wordmill


def test_statistics_are_shared_by_threads_while_a_mapping_is_read():
    """Reading a mapping written in Python runs Python code, during which other threads
    run: the statistics are borrowed only once it is read, so their reads, adds and
    weightings meanwhile succeed (they raised "Already mutably borrowed")."""
    stats = wordmill.CorpusStats()
    stats.add({"seed": 1})
    doc = collections.UserDict({f"t{i}": 1 for i in range(5000)})
    errors, stop = [], threading.Event()

    def other_thread():
        tfidf, reads = wordmill.TfIdf(), 0
        while not stop.is_set():
            try:
                reads += stats.documents
                tfidf.weights(stats, collections.UserDict({"t1": 1, "seed": 2}))
                stats.add({"other": 1})
            except Exception as e:  # noqa: BLE001: any error is the defect
                errors.append(repr(e))
                return

    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.0002)
    try:
        thread = threading.Thread(target=other_thread)
        thread.start()
        for _ in range(20):
            stats.add(doc)
            wordmill.Bm25().score(stats, doc, ["t1"])
        stop.set()
        thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert stats.document_frequency("t1") == 20
    assert stats.documents == 1 + 20 + stats.document_frequency("other")


def test_top_reads_its_arguments_before_the_statistics():
    # `k` may be any object with __index__: Python code, which may add to the statistics
    # (here itself; another thread's add meanwhile is the same case).
    stats = wordmill.CorpusStats()
    stats.add({"rain": 2})

    class Three:
        def __index__(self):
            stats.add({"oman": 5})
            return 3

    top = stats.top(Three(), by="collection_frequency")
    assert [term for term, _, _ in top] == ["oman", "rain"]
