"""The Python API: the pipeline's options mirror PipelineBuilder's, results are what the
library computes, errors are Python exceptions with the library's messages."""

import collections.abc
import os
import pickle
import time

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


def test_a_query_is_analysed_in_the_language_given(pipeline):
    # Two words are too few to detect: the query is analysed as its index's documents were.
    query = pipeline.analyze("cheap flights", lang="eng")
    assert query.lang == "eng" and all(s.lang == "eng" for s in query.spans)
    assert dict(query.terms) == {"cheap": 1, "flight": 1}
    assert dict(pipeline.analyze("Oman", lang="en").terms) == {"oman": 1}  # ISO 639-1 too
    # "und", unknown, detects (as the batch tool reads it in a language field).
    assert pipeline.analyze("the talks went well", lang="und").lang == "eng"
    with pytest.raises(ValueError, match="unknown language code"):
        pipeline.analyze("talks", lang="english")


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
    # The repr names the mode chosen, wherever it was chosen.
    assert repr(wordmill.Pipeline(cjk="bigrams")) == "Pipeline(cjk='bigrams')"
    chosen = wordmill.Pipeline(tokenizer=wordmill.Tokenizer(cjk="characters"))
    assert "cjk='characters'" in repr(chosen)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"languages": ["eng", "xx"]}, "unknown language code \"xx\""),
        ({"languages": ["und"]}, "not a language to allow"),
        ({"languages": ["eng", "und"]}, "fallback_language"),
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
    # One string where a list of codes is asked for: a wrong type, not a wrong value.
    for make in (wordmill.Pipeline, wordmill.Detector):
        with pytest.raises(TypeError, match="not one string"):
            make(languages="eng")


def test_a_number_of_results_beyond_any_size_asks_for_them_all(pipeline):
    batch = pipeline.analyze_batch(["Rain in Muscat, rain in Oman.", "Sun in Oman."])
    everything = batch.stats.top(k=10**6)
    assert batch.stats.top(k=2**80) == everything and len(everything) >= 3
    terms = batch[0].terms
    assert terms.most_common(2**80) == terms.most_common()
    assert wordmill.TfIdf().top(batch.stats, terms, k=2**80) == wordmill.TfIdf().top(batch.stats, terms, k=99)


def test_a_detections_repr_shows_its_confidence_as_python_does():
    found = wordmill.Detector().detect("The minister said that the talks in Muscat went well.")
    assert f"confidence={found.confidence!r}," in repr(found)


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


def test_stub_docstring_examples_run():
    # The type stubs' docstrings are what editors show: their examples must run too.
    import ast
    import doctest
    import pathlib

    stub = pathlib.Path(wordmill.__file__).with_name("_wordmill.pyi")
    if not stub.exists():  # an installed package without its stubs
        stub = pathlib.Path(__file__).parents[1] / "wordmill" / "_wordmill.pyi"
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    attempted = 0
    for node in ast.walk(ast.parse(stub.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and (doc := ast.get_docstring(node)):
            name = getattr(node, "name", "module")
            test = parser.get_doctest(doc, dict(vars(wordmill)), name, str(stub), getattr(node, "lineno", 0))
            attempted += runner.run(test).attempted
    assert attempted >= 1
    assert runner.failures == 0


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


def test_reprs_are_calls_that_make_the_object_again():
    objects = {
        "Pipeline()": wordmill.Pipeline(),
        "Pipeline(fallback_language='deu', strip_diacritics=True, detector=Detector(min_letters=40), "
        "tokenizer=Tokenizer(urls=True))": wordmill.Pipeline(
            fallback_language="deu", strip_diacritics=True, tokenizer=wordmill.Tokenizer(urls=True),
            detector=wordmill.Detector(min_letters=40),
        ),
        "Pipeline(languages=['eng', 'ara'], normalize=Normalizer(form='nfkc', russian_yo=True), stem=False, "
        "stopwords=False, cjk='bigrams', bigrams=True, keep_tokens=False)": wordmill.Pipeline(
            ("eng", "ara"), normalize=wordmill.Normalizer("nfkc", russian_yo=True), stem=False, stopwords=False,
            cjk="bigrams", bigrams=True, keep_tokens=False,
        ),
        "Pipeline(normalize='nfkc')": wordmill.Pipeline(normalize="nfkc"),
        # An empty list of languages is not the default: it allows them all.
        "Detector(languages=[], min_letters=40, fallback='deu')": wordmill.Detector(
            languages=[], min_letters=40, fallback="deu"
        ),
        "Detector()": wordmill.Detector(),
        "Detector(min_confidence=0.3, sample_bytes=512, whatlang_only=True)": wordmill.Detector(
            min_confidence=0.3, sample_bytes=512, whatlang_only=True
        ),
        "Tokenizer()": wordmill.Tokenizer(),
        "Tokenizer(cjk='characters', urls=True, emails=True, hashtags=True, mentions=True, emoji=True)": wordmill.Tokenizer(
            cjk="characters", urls=True, emails=True, hashtags=True, mentions=True, emoji=True
        ),
        "Normalizer()": wordmill.Normalizer(),
        "Normalizer(case_fold=False, fold_punctuation=False, fold_width=False, fold_digits=False, "
        "language_rules=False, teh_marbuta=True, strip_diacritics=True)": wordmill.Normalizer(
            case_fold=False, fold_punctuation=False, fold_width=False, fold_digits=False, language_rules=False,
            teh_marbuta=True, strip_diacritics=True,
        ),
        "TfIdf()": wordmill.TfIdf(),
        "TfIdf(smooth_idf=False, sublinear_tf=True, norm=None)": wordmill.TfIdf(smooth_idf=False, sublinear_tf=True, norm=None),
        "Bm25()": wordmill.Bm25(),
        "Bm25(k1=0.9, b=0.4)": wordmill.Bm25(k1=0.9, b=0.4),
    }
    text = "Café ﬁnance: Oman’s ministers met in Muscat 東京都 https://a.om #tag ёлка ة"
    for expected, original in objects.items():
        assert repr(original) == expected
        # Evaluated among wordmill's names, the repr makes an object that works the same.
        again = eval(expected, vars(wordmill))
        assert type(again) is type(original) and repr(again) == expected
        if isinstance(original, wordmill.Pipeline):
            assert again.analyze(text).to_dict(tokens=True) == original.analyze(text).to_dict(tokens=True)
        elif isinstance(original, wordmill.Detector):
            assert repr(again.detect(text)) == repr(original.detect(text))
        elif isinstance(original, wordmill.Tokenizer):
            assert [(t.text, t.kind) for t in again.tokenize(text)] == [(t.text, t.kind) for t in original.tokenize(text)]
        elif isinstance(original, wordmill.Normalizer):
            assert again.normalize(text) == original.normalize(text)


def test_token_count_counts_every_token_the_tokenizer_finds():
    text = "see https://x.com 👍 #tag @bob a@b.com"
    social = wordmill.Tokenizer(urls=True, emoji=True, hashtags=True, mentions=True, emails=True)
    doc = wordmill.Pipeline(tokenizer=social).analyze(text)
    # One word, then a URL, an emoji, a hashtag, a mention and an e-mail address: all count.
    assert [t.kind for t in doc.tokens] == ["word", "url", "emoji", "hashtag", "mention", "email"]
    assert doc.token_count == 6
    # Stop words count too ("the", "of"), though they become no term.
    doc = wordmill.Pipeline().analyze("the capital of Oman")
    assert doc.token_count == 4 and len(doc.tokens) == 2
    assert "URLs" in wordmill.Analysis.token_count.__doc__


@pytest.mark.parametrize("texts", ["hello", "", b"hello", bytearray(b"hi")])
def test_one_str_is_not_a_list_of_documents(pipeline, texts):
    with pytest.raises(TypeError, match="iterable of str documents"):
        pipeline.analyze_batch(texts)
    # A list of one document, a tuple, a generator are documents.
    assert len(pipeline.analyze_batch(["hello"])) == 1
    assert len(pipeline.analyze_batch(("a", "b"))) == 2
    assert len(pipeline.analyze_batch(t for t in ["a", "b", "c"])) == 3


def test_batch_analysis_indexes_and_slices_as_a_sequence(pipeline):
    texts = ["Oman and Russia held talks.", "Rain in Muscat.", "محادثات مسقط", "Die Minister trafen sich."]
    batch = pipeline.analyze_batch(texts)
    assert [d.text for d in batch[1:3]] == texts[1:3]
    assert isinstance(batch[1:3], list) and all(isinstance(d, wordmill.Analysis) for d in batch[1:3])
    assert [d.text for d in batch[::-1]] == texts[::-1]
    assert [d.text for d in batch[-2:]] == texts[-2:]
    assert batch[:] == batch.documents and batch[10:] == []
    assert batch[-1].text == texts[-1] and batch[-4].text == texts[0]
    assert batch[1:2][0] is batch[1]  # the same objects, not copies
    assert [d.text for d in reversed(batch)] == texts[::-1]
    for bad in [4, -5, 2**70, -(2**70)]:
        with pytest.raises(IndexError):
            batch[bad]
    with pytest.raises(TypeError, match="integers or slices"):
        batch["0"]


def _stats_and_doc(pipeline):
    batch = pipeline.analyze_batch(["Oman and Russia held talks in Muscat.", "Rain in Oman."])
    return batch.stats, batch[0]


# Every integer argument, called with a value: each must refuse negative and huge values with
# a ValueError that names it (pyo3's own conversion raises OverflowError).
INTEGER_ARGUMENTS = {
    "analyze_batch(threads=)": lambda p, v: p.analyze_batch(["a", "b"], threads=v),
    "Detector(min_letters=)": lambda p, v: wordmill.Detector(min_letters=v),
    "Detector(sample_bytes=)": lambda p, v: wordmill.Detector(sample_bytes=v),
    "Terms.most_common(n)": lambda p, v: p.analyze("Oman and Muscat").terms.most_common(v),
    "CorpusStats.top(k)": lambda p, v: _stats_and_doc(p)[0].top(v),
    "TfIdf.top(k)": lambda p, v: wordmill.TfIdf().top(*_stats_and_doc(p), v),
    "Bm25.top(k)": lambda p, v: wordmill.Bm25().top(*_stats_and_doc(p), v),
    "CorpusStats.add(count)": lambda p, v: wordmill.CorpusStats().add({"a": v}),
    "TfIdf.weights(count)": lambda p, v: wordmill.TfIdf().weights(_stats_and_doc(p)[0], {"oman": v}),
    "Bm25.score(count)": lambda p, v: wordmill.Bm25().score(_stats_and_doc(p)[0], {"oman": v}, "oman"),
    "_rust_analyze_batch(threads=)": lambda p, v: wordmill._wordmill._rust_analyze_batch(p, ["a"], threads=v),
    "_rust_analyze_batch(repeat=)": lambda p, v: wordmill._wordmill._rust_analyze_batch(p, ["a"], repeat=v),
}


# Numbers of results to give: any number beyond the size of everything gives everything, as
# Python's own Counter.most_common(2**80) does.
LIMITS = {"Terms.most_common(n)", "CorpusStats.top(k)", "TfIdf.top(k)", "Bm25.top(k)"}


@pytest.mark.parametrize("name", INTEGER_ARGUMENTS.keys())
@pytest.mark.parametrize("value", [-1, -(2**70), 2**64, 2**100])
def test_integer_arguments_out_of_range_are_value_errors(pipeline, name, value):
    call = INTEGER_ARGUMENTS[name]
    if name in LIMITS and value > 0:
        assert call(pipeline, value) == call(pipeline, 10**6)
        return
    with pytest.raises(ValueError, match=r"must (not be negative|be at least|be at most).*got " + str(value)):
        call(pipeline, value)


@pytest.mark.parametrize("call", INTEGER_ARGUMENTS.values(), ids=INTEGER_ARGUMENTS.keys())
def test_integer_arguments_in_range_work_and_other_types_are_type_errors(pipeline, call):
    call(pipeline, 64)
    with pytest.raises(TypeError):
        call(pipeline, 1.5)
    with pytest.raises(TypeError):
        call(pipeline, "2")


def test_bad_integer_messages_name_the_argument(pipeline):
    with pytest.raises(ValueError, match="^n must not be negative, got -1$"):
        pipeline.analyze("Oman").terms.most_common(-1)
    with pytest.raises(ValueError, match="^min_letters must not be negative, got -1$"):
        wordmill.Detector(min_letters=-1)
    with pytest.raises(ValueError, match='^the count of term "a" must be at most 4294967295, got 4294967296$'):
        wordmill.CorpusStats().add({"a": 2**32})
    with pytest.raises(ValueError, match="^the count of term \"a\" must not be negative, got -1$"):
        wordmill.CorpusStats().add({"a": -1})
    # Counts of 0 and up to 2**32 - 1 are counts (0: not counted).
    stats = wordmill.CorpusStats()
    stats.add({"a": 0, "b": 3})
    assert stats.term_count == 3 and stats.document_frequency("a") == 0
    # The library's own range: sample_bytes below 64.
    with pytest.raises(ValueError, match="at least 64 bytes"):
        wordmill.Detector(sample_bytes=63)


@pytest.mark.parametrize("threads", [0, -1, -(2**70)])
def test_threads_below_one_are_value_errors(pipeline, threads):
    with pytest.raises(ValueError, match=f"^threads must be at least 1 \\(or None for one per core\\), got {threads}$"):
        pipeline.analyze_batch(["a"], threads=threads)


def live_threads():
    return set(os.listdir("/proc/self/task"))


def steady_threads(seconds=10.0):
    """The process's threads once two listings 20 ms apart agree. A listing of /proc/self/task
    taken while threads exit (a dropped pool's) can skip a thread that stays: it would then
    look new in the next listing."""
    deadline = time.monotonic() + seconds
    threads = live_threads()
    while time.monotonic() < deadline:
        time.sleep(0.02)
        again = live_threads()
        if again == threads:
            break
        threads = again
    return threads


def settled_thread_count(at_most, seconds=10.0):
    """The process's threads, once at most `at_most` (dropped pools' threads exit on their
    own, soon after), or as many as there still are after `seconds`."""
    deadline = time.monotonic() + seconds
    while len(live_threads()) > at_most and time.monotonic() < deadline:
        time.sleep(0.02)
    return len(live_threads())


def test_threads_above_the_cap_are_refused_before_any_thread_starts(pipeline):
    # 256, or 4 per core the process may use beyond 64 cores.
    assert 256 <= wordmill.MAX_THREADS <= max(256, 4 * (os.cpu_count() or 1))
    for threads in [wordmill.MAX_THREADS + 1, 10**6, 2**64, 2**100]:
        before = time.monotonic()
        with pytest.raises(ValueError, match=f"^threads must be at most {wordmill.MAX_THREADS} .*got {threads}$"):
            pipeline.analyze_batch(["a", "b"], threads=threads)
        assert time.monotonic() - before < 1  # refused, not tried
    with pytest.raises(ValueError, match="at most"):
        wordmill._wordmill._rust_analyze_batch(pipeline, ["a"], threads=wordmill.MAX_THREADS + 1)


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="counts threads in /proc (Linux)")
def test_the_bound_on_idle_threads_leaves_out_the_pool_just_used(pipeline):
    # Two pools within the bound on idle threads each, over it together: the one used
    # before the last stays, as the docs say (the bound counted the last one too).
    texts = ["Oman and Russia held talks.", "Rain in Muscat."]
    # (The bound is max(16, 2 x the cores the process may use): 8 is within it, and the
    # two together over it wherever the process may use all the machine's cores.)
    small, large = 8, max(16, 2 * (os.cpu_count() or 1))
    pipeline.analyze_batch(texts, threads=small)
    pipeline.analyze_batch(texts, threads=large)
    before = steady_threads()
    pipeline.analyze_batch(texts, threads=small)
    assert live_threads() - before == set()


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="counts threads in /proc (Linux)")
def test_the_idle_pools_are_bounded_and_the_last_one_stays_warm(pipeline):
    texts = ["Oman and Russia held talks.", "Rain in Muscat."]
    cores = os.cpu_count() or 1
    baseline = len(live_threads())
    for threads in range(1, 41):
        assert len(pipeline.analyze_batch(texts, threads=threads)) == 2
    # Before, each of the 40 pools stayed alive with its threads: 820 idle threads. Now the
    # idle pools are bounded: the most recently used one (40 threads) and others of at most
    # max(16, 2 x cores) threads in all.
    bound = baseline + 40 + max(16, 2 * cores)
    assert settled_thread_count(bound) <= bound
    # Calling again with a size just used starts no thread: its pool is still there, warm.
    pipeline.analyze_batch(texts, threads=40)
    settled_thread_count(bound)
    before = steady_threads()
    for _ in range(3):
        pipeline.analyze_batch(texts, threads=40)
    assert live_threads() - before == set()
    pipeline.analyze_batch(texts, threads=2)
    settled_thread_count(baseline + 40 + 2)
    before = steady_threads()
    pipeline.analyze_batch(texts, threads=2)
    assert live_threads() - before == set()
    # The largest size allowed works, and its pool does not stay beside the others forever.
    assert len(pipeline.analyze_batch(texts, threads=wordmill.MAX_THREADS)) == 2
    for threads in (3, 4):
        pipeline.analyze_batch(texts, threads=threads)
    bound = baseline + max(16, 2 * cores) + 4
    assert settled_thread_count(bound) <= bound
