"""wordmill: fast, parallel multilingual text analysis.

Language detection, Unicode normalization, UAX #29 tokenization, stemming, stop words and
term statistics, in Rust, for many documents at once.

>>> import wordmill
>>> pipeline = wordmill.Pipeline()
>>> doc = pipeline.analyze("Oman’s foreign minister held talks in Muscat.")
>>> doc.lang, doc.terms["oman"]
('eng', 1)
>>> batch = pipeline.analyze_batch(["The talks in Muscat went well.", "محادثات مسقط"])
>>> [d.lang for d in batch], batch.stats.documents
(['eng', 'ara'], 2)

The stages work alone too: ``detect``, ``tokenize`` and ``normalize`` below use the default
``Detector``, ``Tokenizer`` and ``Normalizer``.
"""

from collections.abc import Mapping, Sequence

from ._wordmill import (
    HAS_DICTIONARY,
    MAX_THREADS,
    Analysis,
    BatchAnalysis,
    Bm25,
    CorpusStats,
    Detection,
    Detector,
    Normalizer,
    Pipeline,
    Span,
    Terms,
    TfIdf,
    Token,
    Tokenizer,
    languages,
)

__all__ = [
    "HAS_DICTIONARY",
    "MAX_THREADS",
    "Analysis",
    "BatchAnalysis",
    "Bm25",
    "CorpusStats",
    "Detection",
    "Detector",
    "Normalizer",
    "Pipeline",
    "Span",
    "Terms",
    "TfIdf",
    "Token",
    "Tokenizer",
    "detect",
    "languages",
    "normalize",
    "tokenize",
]

__version__ = "0.1.0"

# Terms is a read-only mapping, a BatchAnalysis a sequence of Analysis.
Mapping.register(Terms)
Sequence.register(BatchAnalysis)

_DETECTOR = Detector()
_TOKENIZER = Tokenizer()
_NORMALIZER = Normalizer()


def detect(text: str) -> Detection:
    """The language of ``text`` with the default ``Detector``.

    >>> detect("Die Minister trafen sich in Maskat.").lang
    'deu'
    """
    return _DETECTOR.detect(text)


def tokenize(text: str) -> "list[Token]":
    """The tokens of ``text`` with the default ``Tokenizer`` (code point offsets).

    >>> [(t.text, t.start, t.end) for t in tokenize("Hi, 👋 Zoë!")]
    [('Hi', 0, 2), ('Zoë', 6, 9)]
    """
    return _TOKENIZER.tokenize(text)


def normalize(token: str, lang: str = "und") -> str:
    """``token`` normalized by the default ``Normalizer`` in language ``lang``.

    >>> normalize("Straße"), normalize("ΣΟΦΟΣ")
    ('strasse', 'σοφοσ')
    """
    return _NORMALIZER.normalize(token, lang)
