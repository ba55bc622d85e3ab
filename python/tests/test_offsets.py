"""Offsets are Python string indices (code points): every token's and span's offsets slice
the analysed str back to its text, whatever the characters: astral planes (4 UTF-8 bytes,
1 code point), combining marks, joiners, lone surrogates."""

import random

import pytest

import wordmill

TEXTS = [
    "𝕏 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters: 𝐁𝐨𝐥𝐝 𝑖𝑡𝑎𝑙𝑖𝑐 😀 emoji 👍🏽 then café",
    # e + COMBINING ACUTE ACCENT, a + COMBINING RING ABOVE: two code points each.
    "Cafe\u0301 a\u030angstro\u0308m, re\u0301sume\u0301 and Zoe\u0308",
    "عُمان وَروسيا تعقدان جلسة الحوار الاستراتيجي بمسقط 𐎀𐎁𐎂",
    "मैंने कहा कि नमस्ते दुनिया और 𑀅𑀆 ब्राह्मी",
    "東京都に住む𠀀𠀁 and 한국어 텍스트 🇴🇲 flags",
    "Persian می‌شود with a zero-width non-joiner, and 👩‍👩‍👧 a ZWJ family",
    "\U0001F600" * 3 + " x" * 3 + " 𝟙𝟚𝟛 digits 𝟜",
]

POOL = [
    "a", "Z", "é", "e\u0301", "ß", "ﬁ", "’", " ", " ", "\n", ".", ",", "1", "٣", "ع", "ُ",
    "ش", "क", "्", "ष", "東", "京", "カ", "한", "😀", "👍🏽", "🇴🇲", "\u200d", "\u200c",
    "𝕏", "𐎀", "𠀀", "\u0308", "Ω", "ж", "ё", "İ", "\u00ad", "-", "'", "#", "@", "x@y.om",
    "https://a.om/b", "\ufeff", "\u0000",
]


def check_offsets(pipeline, text):
    doc = pipeline.analyze(text)
    for token in doc.tokens:
        assert 0 <= token.start < token.end <= len(text)
        assert text[token.start:token.end] == token.text, (text, token)
    spans = doc.spans
    if text:
        assert spans[0].start == 0 and spans[-1].end == len(text)
        assert all(a.end == b.start for a, b in zip(spans, spans[1:]))
    # The tokenizer alone and the detector alone give the same offsets.
    tokens = wordmill.Tokenizer(urls=True, emails=True, hashtags=True, emoji=True).tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    _, spans = wordmill.Detector().detect_spans(text)
    assert sum(s.end - s.start for s in spans) == (len(text) if text else 0)
    return doc


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_slice_the_python_string_back(pipeline, text):
    doc = check_offsets(pipeline, text)
    assert doc.tokens


def test_astral_characters_count_as_one_index(pipeline):
    doc = pipeline.analyze("𝕏 café")
    cafe = doc.tokens[-1]
    assert (cafe.text, cafe.start, cafe.end) == ("café", 2, 6)


def test_combining_marks_stay_with_their_letter(pipeline):
    text = "resume\u0301 now"
    doc = wordmill.Pipeline(stem=False).analyze(text)
    first = doc.tokens[0]
    assert (first.start, first.end) == (0, 7) and first.text == "resume\u0301"
    assert first.term == "resumé"  # NFC


def test_generated_text_in_every_script_mix():
    rng = random.Random(19)
    pipelines = [
        wordmill.Pipeline(),
        wordmill.Pipeline(cjk="bigrams", bigrams=True, normalize="nfkc", strip_diacritics=True),
    ]
    for _ in range(400):
        text = "".join(rng.choice(POOL) for _ in range(rng.randint(0, 60)))
        for pipeline in pipelines:
            check_offsets(pipeline, text)


def test_batch_offsets_equal_single_offsets(pipeline):
    batch = pipeline.analyze_batch(TEXTS, threads=2)
    for text, doc in zip(TEXTS, batch):
        assert [(t.start, t.end, t.term) for t in doc.tokens] == [
            (t.start, t.end, t.term) for t in pipeline.analyze(text).tokens
        ]


def test_lone_surrogates_are_read_as_question_marks_and_offsets_still_hold(pipeline):
    # What open(..., errors="surrogateescape") leaves for undecodable bytes.
    text = b"caf\xe9 in Muscat \xff\xfe talks".decode("utf-8", "surrogateescape")
    doc = pipeline.analyze(text)
    assert [t.text for t in doc.tokens if t.text.isascii()] == ["caf", "Muscat", "talks"]
    for token in doc.tokens:
        assert text[token.start:token.end] == token.text
    assert pipeline.analyze_batch([text])[0].terms == doc.terms
