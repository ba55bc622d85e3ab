"""Arrow in and out: analyze_arrow reads string columns in place and returns a RecordBatch
whose rows are the analyses analyze_batch gives."""

import pytest

import wordmill

pa = pytest.importorskip("pyarrow")

TEXTS = [
    "Oman’s foreign minister held talks with his Russian counterpart in Muscat.",
    "سلطنة عُمان وروسيا تعقدان جلسة الحوار الاستراتيجي بمسقط",
    "",
    "Der Minister sagte, die Gespräche seien gut verlaufen. 𝕏",
]


def expected_rows(pipeline, texts, top=None):
    rows = []
    for text in texts:
        if text is None:
            rows.append(dict.fromkeys(["lang", "script", "confidence", "reliable", "token_count", "term_count", "terms"]))
            continue
        doc = pipeline.analyze(text)
        terms = doc.terms.items() if top is None else doc.terms.most_common(top)
        rows.append({
            "lang": doc.lang,
            "script": doc.script,
            "confidence": doc.confidence,
            "reliable": doc.reliable,
            "token_count": doc.token_count,
            "term_count": len(doc.terms),
            "terms": [{"term": t, "count": c} for t, c in terms],
        })
    return rows


@pytest.mark.parametrize("type_", [pa.string(), pa.large_string(), pa.string_view()])
def test_string_arrays_of_every_width(pipeline, type_):
    texts = TEXTS + [None]
    out = pipeline.analyze_arrow(pa.array(texts, type=type_))
    assert isinstance(out, pa.RecordBatch)
    assert out.schema.names == ["lang", "script", "confidence", "reliable", "token_count", "term_count", "terms"]
    assert out.schema.field("terms").type == pa.list_(
        pa.field("item", pa.struct([pa.field("term", pa.string(), False), pa.field("count", pa.int64(), False)]), False)
    )
    assert out.to_pylist() == expected_rows(pipeline, texts)
    assert out.column("lang").null_count == 1


def test_chunked_arrays_slices_and_top(pipeline, documents):
    docs = documents[:200]
    chunked = pa.chunked_array([pa.array(docs[:70]), pa.array(docs[70:])])
    stats = wordmill.CorpusStats()
    out = pipeline.analyze_arrow(chunked, stats=stats, top=5, threads=2)
    assert out.num_rows == len(docs)
    assert out.to_pylist() == expected_rows(pipeline, docs, top=5)
    # The statistics are those of analyze_batch.
    assert stats == pipeline.analyze_batch(docs).stats
    # A sliced array reads from its offset.
    sliced = pa.array(docs).slice(50, 20)
    assert pipeline.analyze_arrow(sliced).to_pylist() == expected_rows(pipeline, docs[50:70])
    assert pipeline.analyze_arrow(pa.array([], pa.string())).num_rows == 0


def test_statistics_add_up_across_calls(pipeline, documents):
    docs = documents[:60]
    stats = wordmill.CorpusStats()
    pipeline.analyze_arrow(pa.array(docs[:30]), stats=stats)
    pipeline.analyze_arrow(pa.array(docs[30:] + [None]), stats=stats)
    assert stats == pipeline.analyze_batch(docs).stats


def test_a_column_of_nulls_only_gives_rows_of_nulls(pipeline):
    # Arrow's `null` type: what pyarrow makes of [None, None] and pandas exports for it.
    nulls = pa.array([None, None])
    assert nulls.type == pa.null()
    strings = pipeline.analyze_arrow(pa.array(["Oman", None]))
    stats = wordmill.CorpusStats()
    out = pipeline.analyze_arrow(nulls, stats=stats)
    assert out.schema == strings.schema
    assert out.to_pylist() == expected_rows(pipeline, [None, None])
    assert out.column("lang").null_count == 2 and stats.documents == 0
    chunked = pa.chunked_array([pa.nulls(3), pa.nulls(0), pa.nulls(1)])
    assert pipeline.analyze_arrow(chunked, threads=2).to_pylist() == expected_rows(pipeline, [None] * 4)
    assert pipeline.analyze_arrow(pa.nulls(0)).num_rows == 0
    pd = pytest.importorskip("pandas")
    series = pd.Series([None, None])
    if hasattr(series, "__arrow_c_stream__"):  # pandas 3
        assert pipeline.analyze_arrow(series).to_pylist() == expected_rows(pipeline, [None, None])
    assert pipeline.analyze_arrow(pa.array(series)).to_pylist() == expected_rows(pipeline, [None, None])


@pytest.mark.parametrize("value", [-1, 2**64])
def test_bad_threads_and_negative_tops_are_value_errors(pipeline, value):
    array = pa.array(["Oman and Russia", None])
    with pytest.raises(ValueError, match="^threads must be at"):
        pipeline.analyze_arrow(array, threads=value)
    with pytest.raises(ValueError, match="^threads must be at least 1"):
        pipeline.analyze_arrow(array, threads=0)
    with pytest.raises(ValueError, match="^threads must be at most"):
        pipeline.analyze_arrow(array, threads=wordmill.MAX_THREADS + 1)
    if value < 0:
        with pytest.raises(ValueError, match=f"^top must not be negative, got {value}$"):
            pipeline.analyze_arrow(array, top=value)
    else:  # more than any document has: all of them
        assert pipeline.analyze_arrow(array, top=value) == pipeline.analyze_arrow(array, top=99)
    assert pipeline.analyze_arrow(array, top=0).column("terms").to_pylist() == [[], None]


def test_other_types_are_refused(pipeline):
    with pytest.raises(TypeError, match="array of strings"):
        pipeline.analyze_arrow(pa.array([1, 2]))
    with pytest.raises(TypeError, match="expected Arrow data"):
        pipeline.analyze_arrow(["a python list"])


def test_the_text_is_not_copied(pipeline):
    # The input's buffers are read where they are: analysing a column allocates about the
    # output, not another copy of the text.
    big = pa.array(["Oman and Russia held talks in Muscat. " * 3000] * 200)  # 23 MB of text
    text_bytes = big.buffers()[2].size
    before = pa.total_allocated_bytes()
    out = pipeline.analyze_arrow(big, threads=1)
    assert out.num_rows == 200
    # pyarrow's pool holds no new buffer of the text's size: the output is made by Rust and
    # the input was never copied into pyarrow's memory.
    assert pa.total_allocated_bytes() - before < text_bytes / 10


class _Mapping(dict):
    """A mapping whose reading runs `during(...)` once: code re-entered from CorpusStats.add."""

    def __init__(self, during):
        super().__init__({"muscat": 1})
        self.during = during

    def keys(self):
        self.during()
        return super().keys()

    def items(self):
        self.during()
        return super().items()

    def __iter__(self):
        self.during()
        return super().__iter__()


def test_statistics_being_added_to_from_a_mapping_may_be_added_to_by_its_code(pipeline):
    # add() reads the mapping before it touches the statistics: code the mapping runs may
    # use them (it was a RuntimeError, "in use").
    stats = wordmill.CorpusStats()
    called = []

    def during():
        if not called:
            called.append(pipeline.analyze_arrow(pa.array(TEXTS), stats=stats))

    stats.add(_Mapping(during))
    assert called, "add() did not read the mapping"
    assert stats.documents == len(TEXTS) + 1
    assert stats.document_frequency("muscat") >= 1


def test_a_top_beyond_any_size_gives_every_term(pipeline):
    everything = pipeline.analyze_arrow(pa.array(TEXTS), top=10**6).column("terms")
    assert pipeline.analyze_arrow(pa.array(TEXTS), top=2**80).column("terms") == everything


def test_statistics_are_read_and_added_to_by_other_threads_during_a_call(pipeline):
    import threading

    stats = wordmill.CorpusStats()
    big = pa.array(["Oman and Russia held talks in Muscat. " * 20] * 20000)
    seen, errors = [], []

    def meanwhile():
        try:
            while not done.is_set():
                seen.append((stats.documents, repr(stats), stats.to_bytes()))
                stats.add({"rain": 1})
        except Exception as e:  # noqa: BLE001 (any error is the failure reported)
            errors.append(e)

    done = threading.Event()
    other = threading.Thread(target=meanwhile)
    other.start()
    try:
        pipeline.analyze_arrow(big, stats=stats)
    finally:
        done.set()
        other.join()
    assert errors == []
    assert seen, "the other thread never ran"
    # Every add of both threads counted: the other thread's and the call's.
    assert stats.documents == len(big) + len(seen)


@pytest.mark.parametrize("type_", [pa.string(), pa.large_string(), pa.string_view()])
def test_empty_slices_give_empty_batches(pipeline, type_):
    schema = pipeline.analyze_arrow(pa.array(TEXTS, type_)).schema
    array = pa.array(["x", "y", "z"], type_)
    for empty in [array[1:1], array[3:3], array[0:0]]:
        stats = wordmill.CorpusStats()
        batch = pipeline.analyze_arrow(empty, stats=stats)
        assert batch.num_rows == 0 and batch.schema == schema
        assert stats.documents == 0
    chunked = pa.chunked_array([array[1:1], array[1:3], array[2:2]], type_)
    batch = pipeline.analyze_arrow(chunked)
    assert batch.to_pylist() == expected_rows(pipeline, ["y", "z"])


def test_a_failed_call_leaves_the_statistics_alone(pipeline, monkeypatch):
    import sys

    stats = wordmill.CorpusStats()
    array = pa.array(TEXTS)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # the result cannot be made
    with pytest.raises(ImportError):
        pipeline.analyze_arrow(array, stats=stats)
    assert stats.documents == 0
    monkeypatch.undo()
    pipeline.analyze_arrow(array, stats=stats)
    assert stats.documents == len(TEXTS)


class _Capsules:
    def __init__(self, make):
        self.make = make

    def __arrow_c_array__(self, requested_schema=None):
        return self.make()


def test_consumed_or_mismatched_capsules_are_value_errors(pipeline):
    pair = pa.array(["Oman"]).__arrow_c_array__()
    assert pipeline.analyze_arrow(_Capsules(lambda: pair)).num_rows == 1
    with pytest.raises(ValueError, match="released"):
        pipeline.analyze_arrow(_Capsules(lambda: pair))
    text, numbers = pa.array(["x"]), pa.array([1, 2, 3])
    with pytest.raises(ValueError, match="invalid Arrow data"):
        pipeline.analyze_arrow(_Capsules(lambda: (text.__arrow_c_array__()[0], numbers.__arrow_c_array__()[1])))
