"""The Python API: the pipeline's options mirror PipelineBuilder's, results are what the
library computes, errors are Python exceptions with the library's messages."""

import collections.abc
import pickle

import pytest

import wordmill


def test_analyze_gives_language_script_terms_and_tokens(pipeline):
    doc = pipeline.analyze("Oman’s foreign minister held talks with his Russian counterpart in Muscat.")
    assert (doc.lang, doc.script) == ("eng", "Latin")
    assert doc.reliable and 0.9 <= doc.confidence <= 1
    # "Oman’s": folded and stemmed; "minister": Snowball's English stem; "the", "with": stop words.
    assert doc.terms["oman"] == 1
    assert doc.terms["minist"] == 1
    assert "with" not in doc.terms and "his" not in doc.terms
    assert doc.token_count == 11  # stop words included
    assert [t.term for t in doc.tokens][:3] == ["oman", "foreign", "minist"]
    assert all(t.kind == "word" for t in doc.tokens)
    assert doc.text.startswith("Oman’s")
    assert len(doc.spans) == 1 and doc.spans[0].lang == "eng"
    assert (doc.spans[0].start, doc.spans[0].end) == (0, len(doc.text))


def test_empty_and_blank_text_give_empty_analyses(pipeline):
    for text in ["", "   \n", "...!?"]:
        doc = pipeline.analyze(text)
        assert doc.lang == "und" and doc.script is None
        assert doc.token_count == 0 and len(doc.terms) == 0 and doc.tokens == ()


def test_options_mirror_the_builder():
    text = "The ministers discussed the meetings of the ministries."
    plain = wordmill.Pipeline(stem=False, stopwords=False).analyze(text)
    assert plain.terms["ministers"] == 1 and plain.terms["the"] == 3
    bigrams = wordmill.Pipeline(stem=False, bigrams=True).analyze(text)
    assert bigrams.terms["ministers discussed"] == 1
    counts_only = wordmill.Pipeline(keep_tokens=False).analyze(text)
    assert counts_only.tokens == () and counts_only.terms["meet"] == 1
    cafe = wordmill.Pipeline(normalize="nfkc", strip_diacritics=True, stem=False).analyze("Café ﬁnance")
    assert set(cafe.terms) == {"cafe", "finance"}
    # An allow-list: German text, only English and Arabic allowed.
    assert wordmill.Pipeline(languages=["eng", "ara"]).analyze("Die Minister trafen sich in Maskat.").lang == "eng"
    fallback = wordmill.Pipeline(fallback_language="eng", detector=wordmill.Detector(min_letters=100))
    doc = fallback.analyze("The meetings")
    assert doc.lang == "eng" and not doc.reliable and doc.terms["meet"] == 1
    normalizer = wordmill.Normalizer(teh_marbuta=True)
    assert wordmill.Pipeline(normalize=normalizer, stem=False).analyze("سنة جديدة").terms.get("سنه") == 1


def test_cjk_modes():
    text = "東京都に住む"
    # The default ("auto") indexes overlapping bigrams of Han and kana, as Lucene's CJK analyzer does.
    default = wordmill.Pipeline(stopwords=False).analyze(text)
    assert "東京" in default.terms and "京都" in default.terms
    chars = wordmill.Pipeline(cjk="characters", stopwords=False).analyze(text)
    assert "東" in chars.terms and "京" in chars.terms
    bigrams = wordmill.Pipeline(cjk="bigrams", stopwords=False).analyze(text)
    assert "東京" in bigrams.terms and "京都" in bigrams.terms
    if wordmill.HAS_DICTIONARY:
        words = wordmill.Pipeline(cjk="dictionary", stopwords=False).analyze(text)
        assert "東京" in words.terms and "住む" in words.terms
        # What tells "auto" from "bigrams": Thai in dictionary words ("The team won").
        thai = "ทีมชนะ"
        for auto in [wordmill.Pipeline(stopwords=False), wordmill.Pipeline(cjk="auto", stopwords=False)]:
            assert set(auto.analyze(thai).terms) == {"ทีม", "ชนะ"}
        assert set(wordmill.Pipeline(cjk="bigrams", stopwords=False).analyze(thai).terms) != {"ทีม", "ชนะ"}
        assert [t.text for t in wordmill.Tokenizer().tokenize(thai)] == ["ทีม", "ชนะ"]
    # The repr names the mode the pipeline runs, wherever it was chosen.
    assert "cjk='auto'" in repr(wordmill.Pipeline())
    chosen = wordmill.Pipeline(tokenizer=wordmill.Tokenizer(cjk="characters"))
    assert "cjk='characters'" in repr(chosen)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"languages": ["eng", "xx"]}, "unknown language code \"xx\""),
        ({"languages": "eng"}, "not one string"),
        ({"fallback_language": "english"}, "ISO 639-3"),
        ({"normalize": "nfd"}, "expected \"nfc\" or \"nfkc\""),
        ({"cjk": "words"}, "unknown CJK mode"),
    ],
)
def test_bad_options_are_value_errors_with_the_librarys_message(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        wordmill.Pipeline(**kwargs)


def test_wrong_types_are_type_errors(pipeline):
    with pytest.raises(TypeError):
        pipeline.analyze(b"bytes")
    with pytest.raises(TypeError):
        pipeline.analyze_batch(["ok", 3])
    with pytest.raises(ValueError, match="at least 1"):
        pipeline.analyze_batch(["ok"], threads=0)


def test_terms_is_a_read_only_mapping(pipeline):
    terms = pipeline.analyze("Muscat, Muscat and Oman; Oman and Muscat").terms
    assert isinstance(terms, collections.abc.Mapping)
    assert dict(terms) == {"muscat": 3, "oman": 2}
    assert list(terms) == ["muscat", "oman"] and terms.keys() == ["muscat", "oman"]
    assert terms.items() == [("muscat", 3), ("oman", 2)] and terms.values() == [3, 2]
    assert terms == {"muscat": 3, "oman": 2} and terms.to_dict() == {"muscat": 3, "oman": 2}
    assert terms.get("the") is None and terms.get("the", 0) == 0 and terms.get(5, -1) == -1
    assert 5 not in terms
    with pytest.raises(KeyError):
        terms["the"]
    assert terms.total() == 5 and len(terms) == 2
    assert terms.most_common(1) == [("muscat", 3)]
    with pytest.raises(TypeError):
        terms["oman"] = 1


def test_analyze_batch_keeps_input_order_and_counts_statistics(pipeline, documents):
    docs = documents[:300]
    batch = pipeline.analyze_batch(docs, threads=2)
    assert isinstance(batch, collections.abc.Sequence)
    assert len(batch) == len(docs) == len(batch.documents)
    one_by_one = [pipeline.analyze(d) for d in docs]
    assert [d.lang for d in batch] == [d.lang for d in one_by_one]
    assert [d.terms.to_dict() for d in batch] == [d.terms.to_dict() for d in one_by_one]
    assert batch[-1].text == docs[-1]
    with pytest.raises(IndexError):
        batch[len(docs)]
    stats = wordmill.CorpusStats()
    for doc in one_by_one:
        stats.add(doc)
    assert batch.stats == stats
    assert batch.stats.documents == len(docs)
    # Any iterable, any number of threads: the same result.
    again = pipeline.analyze_batch(iter(docs))
    assert again.stats == batch.stats
    assert len(pipeline.analyze_batch([]).documents) == 0


def test_analyze_batch_without_statistics_gives_the_same_analyses(pipeline, documents):
    docs = documents[:100]
    with_stats = pipeline.analyze_batch(docs, threads=2)
    for threads in (1, 2):
        without = pipeline.analyze_batch(docs, threads=threads, stats=False)
        assert [d.lang for d in without] == [d.lang for d in with_stats]
        assert [d.terms.to_dict() for d in without] == [d.terms.to_dict() for d in with_stats]
        assert [d.text for d in without] == docs
        with pytest.raises(AttributeError, match="stats=False"):
            without.stats
        assert getattr(without, "stats", None) is None


def test_corpus_stats_merge_and_frequencies(pipeline):
    p = pipeline
    a = p.analyze_batch(["Oman and Russia held talks in Muscat on regional security."]).stats
    b = p.analyze_batch(["Heavy rain is expected in Muscat and across Oman this week.", "Oman's ministry announced new rules."]).stats
    whole = p.analyze_batch([
        "Oman and Russia held talks in Muscat on regional security.",
        "Heavy rain is expected in Muscat and across Oman this week.",
        "Oman's ministry announced new rules.",
    ]).stats
    a.merge(b)
    assert a == whole
    assert whole.documents == 3
    assert whole.document_frequency("oman") == 3 and whole.collection_frequency("oman") == 3
    assert whole.document_frequency("oman", lang="eng") == 3
    assert whole.document_frequency("oman", lang="ara") == 0
    assert whole.document_frequency("nothing") == 0
    assert whole.top(1)[0] == ("oman", 3, 3)
    assert whole.top(2, by="collection_frequency")[1][0] == "muscat"
    assert whole.languages == {"eng": {"documents": 3, "term_count": whole.term_count}}
    assert whole.vocabulary_size() == whole.vocabulary_size(lang="eng") > 10
    assert whole.average_document_length == whole.term_count / 3
    # Merging a statistics with itself doubles it.
    twice = wordmill.CorpusStats.from_bytes(whole.to_bytes())
    twice.merge(twice)
    assert twice.documents == 6
    with pytest.raises(ValueError, match="unknown ranking"):
        whole.top(by="idf")


def test_corpus_stats_persist_as_bytes_json_and_pickle(pipeline, documents):
    stats = pipeline.analyze_batch(documents[:50]).stats
    assert wordmill.CorpusStats.from_bytes(stats.to_bytes()) == stats
    assert wordmill.CorpusStats.from_json(stats.to_json()) == stats
    assert pickle.loads(pickle.dumps(stats)) == stats
    damaged = bytearray(stats.to_bytes())
    damaged[14] ^= 1
    with pytest.raises(ValueError, match="corrupt corpus statistics"):
        wordmill.CorpusStats.from_bytes(bytes(damaged))
    with pytest.raises(ValueError, match="not wordmill corpus statistics"):
        wordmill.CorpusStats.from_bytes(b'{"documents":1}')
    with pytest.raises(ValueError, match="not wordmill corpus statistics"):
        wordmill.CorpusStats.from_json("{")


def test_corpus_stats_count_mappings_in_a_language():
    stats = wordmill.CorpusStats()
    stats.add({"oman": 2, "talk": 1}, lang="eng")
    stats.add(collections.Counter(["عمان"]), lang="ara")
    assert stats.documents == 2 and stats.term_count == 4
    assert stats.languages["ara"] == {"documents": 1, "term_count": 1}
    with pytest.raises(TypeError):
        stats.add(["oman"])


def test_tfidf_and_bm25(pipeline):
    batch = pipeline.analyze_batch([
        "Oman and Russia held talks in Muscat on regional security.",
        "Heavy rain is expected in Muscat and across Oman this week.",
        "Oman's ministry announced new rules for tourism permits.",
    ])
    stats, doc = batch.stats, batch[0]
    tfidf = wordmill.TfIdf()
    assert tfidf.idf(stats, "oman") == 1.0  # in every document: ln(4/4) + 1
    assert tfidf.idf(stats, "nothing") is None
    weights = dict(tfidf.weights(stats, doc))
    assert abs(sum(w * w for w in weights.values()) - 1) < 1e-12  # L2 norm
    keywords = [t for t, _ in tfidf.top(stats, doc, 3)]
    assert "oman" not in keywords
    # A mapping weighs as the analysis it counts.
    assert tfidf.weights(stats, doc.terms.to_dict()) == tfidf.weights(stats, doc)
    raw = wordmill.TfIdf(smooth_idf=False, norm=None)
    assert dict(raw.weights(stats, {"oman": 2}))["oman"] == 2.0
    bm25 = wordmill.Bm25()
    assert bm25.score(stats, doc, ["russia", "talk"]) > 0
    assert bm25.score(stats, batch[1], ["russia", "talk"]) == 0
    assert bm25.score(stats, doc, "russia") == bm25.score(stats, doc, ["russia"])
    assert bm25.top(stats, doc, 1)[0][0] in {"russia", "talk", "held", "region", "secur"}
    with pytest.raises(ValueError, match="BM25 b must be between 0 and 1"):
        wordmill.Bm25(b=2)
    with pytest.raises(ValueError, match="unknown norm"):
        wordmill.TfIdf(norm="l3")


def test_stages_alone():
    found = wordmill.detect("Regjeringen har ikke offentliggjort noen plan.")
    assert (found.lang, found.script) == ("nob", "Latin")
    document, spans = wordmill.Detector().detect_spans(
        "Der Minister sagte, die Gespräche seien gut verlaufen. The minister said that the talks had gone well."
    )
    assert document.lang == "deu" and [s.lang for s in spans] == ["deu", "eng"]
    assert wordmill.Detector(languages=["eng", "ara"]).detect("Die Minister trafen sich in Maskat.").lang == "eng"
    assert wordmill.Detector(whatlang_only=True).detect("The talks went on until late at night.").lang == "eng"
    assert wordmill.Detector(fallback="eng").detect("ok").lang == "eng"

    tokens = wordmill.Tokenizer(urls=True, hashtags=True).tokenize("Read https://omannews.om/a?id=7 #Oman2040")
    assert [(t.text, t.kind) for t in tokens] == [
        ("Read", "word"), ("https://omannews.om/a?id=7", "url"), ("#Oman2040", "hashtag")
    ]
    assert all(t.term is None for t in tokens)
    normalized = wordmill.Tokenizer().tokenize("Oman’s GDP", normalizer=wordmill.Normalizer())
    assert [t.term for t in normalized] == ["oman's", "gdp"]
    assert [t.text for t in wordmill.tokenize("Oman’s GDP grew 3.5%")] == ["Oman’s", "GDP", "grew", "3.5"]

    assert wordmill.normalize("STRASSE") == wordmill.normalize("Straße") == "strasse"
    assert wordmill.normalize("İstanbul", "tur") == "istanbul"
    assert wordmill.Normalizer("nfkc", strip_diacritics=True).normalize("Café ﬁnance") == "cafe finance"
    assert ("eng", "English") in wordmill.languages()
    with pytest.raises(ValueError, match="unknown language code"):
        wordmill.normalize("x", "xx")


def test_docstring_examples_run():
    import doctest

    results = doctest.testmod(wordmill, optionflags=doctest.ELLIPSIS)
    assert results.attempted > 15
    assert results.failed == 0


def test_reprs_are_informative(pipeline):
    doc = pipeline.analyze("Oman and Russia held talks.")
    assert repr(doc).startswith("Analysis(lang='eng', script='Latin'")
    assert repr(doc.tokens[0]) == "Token(text='Oman', start=0, end=4, kind='word', term='oman')"
    assert repr(doc.spans[0]).startswith("Span(start=0, end=27, lang='eng'")
    assert repr(doc.terms).startswith("Terms({'oman': 1")
    assert "documents=1" in repr(pipeline.analyze_batch(["x"]).stats)
    assert repr(wordmill.Pipeline(languages=["eng"])).startswith("Pipeline(languages=['eng']")


def test_pipelines_and_stages_pickle(documents):
    # Python's multiprocessing, Spark closures and datasets' map(num_proc=) pickle them.
    objects = [
        wordmill.Pipeline(
            languages=["eng", "deu"], fallback_language="eng", normalize=wordmill.Normalizer("nfkc", russian_yo=True),
            strip_diacritics=True, stem=False, cjk="bigrams", bigrams=True, keep_tokens=False,
            detector=wordmill.Detector(min_letters=5, sample_bytes=512), tokenizer=wordmill.Tokenizer(urls=True),
        ),
        wordmill.Pipeline(),
        wordmill.Detector(["eng", "ara"], min_confidence=0.3, fallback="ara", whatlang_only=True),
        wordmill.Tokenizer(cjk="bigrams", emoji=True),
        wordmill.Normalizer("nfkc", teh_marbuta=True),
        wordmill.TfIdf(norm=None, sublinear_tf=True),
        wordmill.Bm25(k1=0.9, b=0.4),
    ]
    for original in objects:
        copy = pickle.loads(pickle.dumps(original))
        assert type(copy) is type(original) and repr(copy) == repr(original)
    first, copy = objects[0], pickle.loads(pickle.dumps(objects[0]))
    for text in documents[:30] + ["Café ﬁnance https://a.om 東京都", "ok"]:
        assert copy.analyze(text).to_dict() == first.analyze(text).to_dict()
    stats = first.analyze_batch(documents[:30]).stats
    doc = first.analyze(documents[0])
    for weigh in objects[5:]:
        assert pickle.loads(pickle.dumps(weigh)).weights(stats, doc) == weigh.weights(stats, doc)
    tokenizer = pickle.loads(pickle.dumps(objects[3]))
    assert [t.text for t in tokenizer.tokenize("東京都 👍🏽")] == ["東京", "京都", "👍🏽"]
    assert pickle.loads(pickle.dumps(objects[4])).normalize("سنة") == "سنه"
