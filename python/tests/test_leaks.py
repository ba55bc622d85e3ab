"""No leaks: a million small calls leave resident memory flat.

Each round makes objects of every kind (analyses with their tokens, spans and terms,
batches, statistics, Arrow batches) and drops them; after a warm-up that fills the caches
(the term caches, Python's allocator pools), a leak of even 8 bytes per call would add 8 MB
over the million calls."""

import gc
import os

import pytest

import wordmill

TEXTS = [
    "Oman and Russia held talks in Muscat.",
    "سلطنة عُمان وروسيا تعقدان جلسة",
    "Der Minister sagte 𝕏, die Gespräche seien gut verlaufen.",
    "東京都に住む",
    "",
]


def rss_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads /proc (Linux)")
def test_a_million_small_calls_keep_resident_memory_flat():
    pipeline = wordmill.Pipeline()
    tokenizer, normalizer = wordmill.Tokenizer(), wordmill.Normalizer()

    def round_of_calls(n):
        # 10 calls per iteration.
        for i in range(n // 10):
            text = TEXTS[i % len(TEXTS)]
            doc = pipeline.analyze(text)
            doc.tokens, doc.spans, doc.terms.to_dict(), doc.to_dict(tokens=True)
            pipeline.analyze(text + " " + str(i % 7)).terms.most_common(2)
            tokenizer.tokenize(text, normalizer=normalizer)
            normalizer.normalize(text)
            wordmill.detect(text)
            batch = pipeline.analyze_batch([text, text])
            stats = wordmill.CorpusStats.from_bytes(batch.stats.to_bytes())
            stats.merge(batch.stats)
            wordmill.Bm25().score(stats, doc, ["oman"])
            stats.top(3)

    round_of_calls(200_000)
    gc.collect()
    before = rss_bytes()
    round_of_calls(1_000_000)
    gc.collect()
    grown = rss_bytes() - before
    assert grown < 8 * 2**20, f"resident memory grew by {grown / 2**20:.1f} MiB over a million calls"


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads /proc (Linux)")
def test_arrow_calls_keep_resident_memory_flat():
    pa = pytest.importorskip("pyarrow")
    pipeline = wordmill.Pipeline()
    array = pa.array(TEXTS * 20 + [None])

    def calls(n):
        for _ in range(n):
            stats = wordmill.CorpusStats()
            pipeline.analyze_arrow(array, stats=stats, threads=1).to_pydict()

    calls(3_000)
    gc.collect()
    before = rss_bytes()
    calls(20_000)
    gc.collect()
    grown = rss_bytes() - before
    assert grown < 8 * 2**20, f"resident memory grew by {grown / 2**20:.1f} MiB over 20,000 Arrow calls"
