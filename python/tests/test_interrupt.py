"""Long batches are analysed in chunks, Python's signal handlers run between them: Ctrl-C
stops analyze_batch and analyze_arrow within about a second, and the chunks change nothing in
the results."""

import _thread
import threading
import time

import pytest

import wordmill


def interrupted(call, after=0.3):
    """Runs `call` with a Ctrl-C (SIGINT, as the terminal sends it) `after` seconds in: the
    seconds it took to stop, or fails when it did not raise KeyboardInterrupt."""
    timer = threading.Timer(after, _thread.interrupt_main)
    start = time.perf_counter()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            call()
            # Finished before the signal came: wait for it, so that it does not hit pytest.
            timer.join()
            time.sleep(0.1)
            pytest.fail("the call ended before the interrupt")
    finally:
        timer.cancel()
    return time.perf_counter() - start - after


def test_ctrl_c_stops_analyze_batch_promptly(pipeline, documents):
    texts = documents * 20  # 135 MB: about ten seconds on one thread
    assert interrupted(lambda: pipeline.analyze_batch(texts, threads=1)) < 1.5
    assert interrupted(lambda: pipeline.analyze_batch(texts, stats=False)) < 1.5


def test_ctrl_c_stops_analyze_arrow_promptly_and_leaves_its_statistics(pipeline, documents):
    pa = pytest.importorskip("pyarrow")
    array = pa.chunked_array([pa.array(documents)] * 10)
    stats = wordmill.CorpusStats()
    stats.add({"muscat": 1})
    before = stats.to_bytes()
    assert interrupted(lambda: pipeline.analyze_arrow(array, threads=1, stats=stats)) < 1.5
    assert stats.to_bytes() == before
    pipeline.analyze_arrow(array[:100], stats=stats)  # not left borrowed
    assert stats.documents == 101


def test_results_do_not_depend_on_chunks_or_threads(pipeline, documents):
    # 6.7 MB in 5,958 documents: several chunks on one thread, fewer on more.
    one_by_one = [pipeline.analyze(d) for d in documents]
    expected = wordmill.CorpusStats()
    for doc in one_by_one:
        expected.add(doc)
    for threads in (1, 2, 3):
        batch = pipeline.analyze_batch(documents, threads=threads)
        assert len(batch) == len(documents)
        assert [d.lang for d in batch] == [d.lang for d in one_by_one]
        assert [d.terms.items() for d in batch] == [d.terms.items() for d in one_by_one]
        assert batch.stats == expected
        assert batch.stats.to_bytes() == expected.to_bytes()
    pa = pytest.importorskip("pyarrow")
    array = pa.array(documents)
    for threads in (1, 2, 3):
        stats = wordmill.CorpusStats()
        rows = pipeline.analyze_arrow(array, threads=threads, stats=stats)
        assert rows.column("lang").to_pylist() == [d.lang for d in one_by_one]
        assert [dict((t["term"], t["count"]) for t in row) for row in rows.column("terms").to_pylist()] == [
            d.terms.to_dict() for d in one_by_one
        ]
        assert stats == expected
