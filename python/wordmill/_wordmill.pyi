"""Type stubs of wordmill's extension module (wordmill._wordmill), re-exported by wordmill."""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Literal, Optional, Protocol, Union, final, overload

__all__ = [
    "Pipeline", "Analysis", "BatchAnalysis", "Token", "Span", "Terms", "CorpusStats", "TfIdf",
    "Bm25", "Detector", "Detection", "Tokenizer", "Normalizer", "languages",
    "_rust_analyze_batch", "HAS_DICTIONARY", "MAX_THREADS",
]

HAS_DICTIONARY: bool
"""True when cjk="dictionary" (ICU4X word segmentation) is available."""

MAX_THREADS: int
"""The most threads analyze_batch and analyze_arrow accept (more is a ValueError): 256, or 4
per core on a machine of more than 64 cores."""

_UnicodeFormName = Literal["nfc", "nfkc"]
_CjkModeName = Literal["auto", "characters", "bigrams", "dictionary"]
_TokenKindName = Literal["word", "number", "url", "email", "hashtag", "mention", "emoji"]
_RankByName = Literal["document_frequency", "collection_frequency", "df", "cf"]

class _ArrowArrayExportable(Protocol):
    def __arrow_c_array__(self, requested_schema: Optional[object] = None) -> tuple[object, object]: ...

class _ArrowStreamExportable(Protocol):
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...

_DocumentTerms = Union["Analysis", "Terms", Mapping[str, int]]

@final
class Token:
    """A token: text[start:end] == token.text (code point offsets), its kind, and its term."""

    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> _TokenKindName: ...
    @property
    def term(self) -> Optional[str]:
        """The term the token became (None from Tokenizer.tokenize without a normalizer)."""

@final
class Span:
    """A stretch of text in one language and script (code point offsets)."""

    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def lang(self) -> str: ...
    @property
    def script(self) -> Optional[str]: ...

@final
class Detection:
    """What detection found: ISO 639-3 language ("und" when undetermined), script, confidence."""

    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

    @property
    def lang(self) -> str: ...
    @property
    def script(self) -> Optional[str]: ...
    @property
    def confidence(self) -> float: ...
    @property
    def reliable(self) -> bool: ...

@final
class Terms(Mapping[str, int]):
    """A document's terms and their counts, in order of first occurrence (read-only).
    Equal to any mapping of the same terms and counts, in whatever order.

    >>> terms = Pipeline().analyze("The talks in Muscat ended, and Muscat welcomed them.").terms
    >>> terms["muscat"], terms.total(), terms.most_common(1)
    (2, 5, [('muscat', 2)])
    """

    def __getitem__(self, term: str, /) -> int: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[str]: ...
    def __contains__(self, term: object, /) -> bool: ...
    def keys(self) -> list[str]: ...  # type: ignore[override]
    def values(self) -> list[int]: ...  # type: ignore[override]
    def items(self) -> list[tuple[str, int]]: ...  # type: ignore[override]
    @overload
    def get(self, term: str) -> Optional[int]: ...
    @overload
    def get(self, term: str, default: Union[int, Any]) -> Union[int, Any]: ...
    def total(self) -> int:
        """The number of terms counted: the document's length."""
    def most_common(self, n: Optional[int] = None) -> list[tuple[str, int]]:
        """The n most frequent terms, ties alphabetically (all with n=None; ValueError when n
        is negative)."""
    def to_dict(self) -> dict[str, int]: ...

@final
class Analysis:
    """One analysed document. Offsets are Python string indices (code points). Equal to an
    Analysis of the same text and results (unhashable); pickles, as its parts do.

    >>> doc = Pipeline().analyze("Oman’s foreign minister met his Russian counterpart in Muscat.")
    >>> doc.lang, doc.terms["oman"], doc.tokens[0].text
    ('eng', 1, 'Oman’s')
    """

    def __eq__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]  # a value of many parts, as a list

    @property
    def lang(self) -> str:
        """ISO 639-3 code, "und" when undetermined."""
    @property
    def script(self) -> Optional[str]: ...
    @property
    def confidence(self) -> float: ...
    @property
    def reliable(self) -> bool: ...
    @property
    def token_count(self) -> int:
        """Every token, stop words included: words and numbers, and the URLs, e-mail addresses,
        hashtags, mentions and emoji the tokenizer was asked to recognize."""
    @property
    def text(self) -> str: ...
    @property
    def terms(self) -> Terms: ...
    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens that became terms, in text order (empty with keep_tokens=False)."""
    @property
    def spans(self) -> tuple[Span, ...]:
        """The language of each part of the text, end to end."""
    def to_dict(self, tokens: bool = False) -> dict[str, Any]:
        """lang, script, confidence, reliable, token_count, terms (a dict) and, with
        tokens=True, (start, end, term) tuples."""

@final
class BatchAnalysis(Sequence[Analysis]):
    """Analyses in input order (a sequence of Analysis) and their corpus statistics.

    batch[i] is an Analysis (batch[-1] the last); batch[i:j] a list of Analysis."""

    @property
    def documents(self) -> list[Analysis]:
        """The analyses, in input order: a new list each time (a copy)."""
    @property
    def stats(self) -> CorpusStats:
        """An AttributeError when analyze_batch was called with stats=False."""
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int, /) -> Analysis: ...
    @overload
    def __getitem__(self, index: slice, /) -> list[Analysis]: ...
    def __iter__(self) -> Iterator[Analysis]: ...
    def index(self, value: object, start: int = 0, stop: Optional[int] = None) -> int: ...
    def count(self, value: object) -> int: ...

@final
class Pipeline:
    """Detection, tokenization, normalization, stop words, stemming and counting.

    >>> pipeline = Pipeline(languages=["eng", "ara"])
    >>> [d.lang for d in pipeline.analyze_batch(["The talks went on.", "محادثات مسقط"])]
    ['eng', 'ara']
    """

    def __new__(
        cls,
        languages: Optional[Iterable[str]] = None,
        *,
        fallback_language: Optional[str] = None,
        normalize: Union[_UnicodeFormName, "Normalizer", None] = None,
        strip_diacritics: Optional[bool] = None,
        stem: bool = True,
        stopwords: bool = True,
        cjk: Optional[_CjkModeName] = None,
        bigrams: bool = False,
        keep_tokens: bool = True,
        detector: Optional["Detector"] = None,
        tokenizer: Optional["Tokenizer"] = None,
    ) -> "Pipeline": ...
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]: ...
    def analyze(self, text: str, lang: Optional[str] = None) -> Analysis:
        """One document; with lang (a language code), analysed in that language without
        detection (a search query, a document whose source gives its language); "und"
        (unknown) detects, as None does."""
    def analyze_batch(
        self, texts: Iterable[str], threads: Optional[int] = None, stats: bool = True
    ) -> BatchAnalysis:
        """Parallel analysis with the GIL released; results in input order; corpus statistics
        unless stats=False. texts is an iterable of str (one str alone is a TypeError);
        threads from 1 to MAX_THREADS, None for one per core (ValueError otherwise).
        Analysed in chunks: Ctrl-C raises KeyboardInterrupt within a fraction of a second."""
    def analyze_arrow(
        self,
        array: Union[_ArrowArrayExportable, _ArrowStreamExportable],
        threads: Optional[int] = None,
        stats: Optional[CorpusStats] = None,
        top: Optional[int] = None,
    ) -> Any:
        """A pyarrow.RecordBatch: lang, script, confidence, reliable, token_count, term_count
        (distinct terms), terms (list<struct<term: string, count: int64>>), one row per input row; a row of
        nulls for a null text. array: strings (string, large_string, string_view) or a null
        array (an empty one gives an empty batch). threads as in analyze_batch; top: the
        top k terms, k >= 0. stats is added to only when the call succeeds, and may be read
        and added to by other threads meanwhile. Interruptible as analyze_batch."""

@final
class CorpusStats:
    """Documents, tokens, and document and collection frequency per term, in all and per
    language; merges exactly; persists as bytes or JSON; pickles."""

    def __new__(cls) -> "CorpusStats": ...
    __hash__: ClassVar[None]  # type: ignore[assignment]  # mutable: unhashable, as a dict
    def add(self, document: _DocumentTerms, lang: Optional[str] = None) -> None:
        """Counts an Analysis, or a mapping of terms to counts (from 0 to 2**32 - 1). The
        mapping is read before the statistics are touched: other threads may use them
        meanwhile."""
    def merge(self, other: CorpusStats) -> None:
        """Adds everything other counted (other may be self). Safe beside other threads'
        reads, adds and merges of either."""
    @property
    def documents(self) -> int: ...
    @property
    def term_count(self) -> int:
        """Terms counted in all documents (after stop words): the sum of their lengths."""
    @property
    def average_document_length(self) -> float: ...
    @property
    def languages(self) -> dict[str, dict[str, int]]: ...
    def vocabulary_size(self, lang: Optional[str] = None) -> int: ...
    def document_frequency(self, term: str, lang: Optional[str] = None) -> int: ...
    def collection_frequency(self, term: str, lang: Optional[str] = None) -> int: ...
    def top(
        self, k: int = 10, by: _RankByName = "document_frequency", lang: Optional[str] = None
    ) -> list[tuple[str, int, int]]:
        """(term, document frequency, collection frequency), best first."""
    def to_bytes(self) -> bytes: ...
    @classmethod
    def from_bytes(cls, data: Union[bytes, bytearray, memoryview]) -> CorpusStats:
        """From to_bytes' bytes, or any buffer (bytearray, memoryview, mmap)."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, json: str) -> CorpusStats: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class TfIdf:
    """scikit-learn's TfidfVectorizer weights (smooth idf, raw tf, L2 norm by default)."""

    def __new__(
        cls,
        *,
        smooth_idf: bool = True,
        sublinear_tf: bool = False,
        norm: Optional[Literal["l2", "l1"]] = "l2",
    ) -> "TfIdf": ...
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]: ...
    def idf(self, stats: CorpusStats, term: str) -> Optional[float]: ...
    def weights(self, stats: CorpusStats, doc: _DocumentTerms) -> list[tuple[str, float]]: ...
    def top(self, stats: CorpusStats, doc: _DocumentTerms, k: int = 10) -> list[tuple[str, float]]: ...

@final
class Bm25:
    """BM25 (k1 = 1.2, b = 0.75, Lucene's idf by default)."""

    def __new__(cls, k1: float = 1.2, b: float = 0.75) -> "Bm25": ...
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]: ...
    def idf(self, stats: CorpusStats, term: str) -> float: ...
    def weights(self, stats: CorpusStats, doc: _DocumentTerms) -> list[tuple[str, float]]: ...
    def top(self, stats: CorpusStats, doc: _DocumentTerms, k: int = 10) -> list[tuple[str, float]]: ...
    def score(
        self, stats: CorpusStats, doc: _DocumentTerms, query: Union[str, Iterable[str], "Analysis", "Terms"]
    ) -> float:
        """query: terms (an iterable of str, or one term), or an Analysis or Terms of the
        query (Pipeline.analyze(query, lang=...)). A str with whitespace is a ValueError
        (analyse it first) unless the statistics or the document have it as a term (a
        bigram); bytes a TypeError."""

@final
class Detector:
    """Language detection, alone.

    >>> Detector().detect("Regjeringen har ikke offentliggjort noen plan.").lang
    'nob'
    """

    def __new__(
        cls,
        languages: Optional[Iterable[str]] = None,
        *,
        min_letters: Optional[int] = None,
        min_confidence: Optional[float] = None,
        fallback: Optional[str] = None,
        sample_bytes: Optional[int] = None,
        whatlang_only: bool = False,
    ) -> "Detector": ...
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]: ...
    def detect(self, text: str) -> Detection: ...
    def detect_spans(self, text: str) -> tuple[Detection, list[Span]]: ...

@final
class Tokenizer:
    """UAX #29 tokenization, alone.

    >>> [t.text for t in Tokenizer().tokenize("Oman’s GDP grew 3.5% in 2024.")]
    ['Oman’s', 'GDP', 'grew', '3.5', 'in', '2024']
    """

    def __new__(
        cls,
        *,
        cjk: _CjkModeName = "auto",
        urls: bool = False,
        emails: bool = False,
        hashtags: bool = False,
        mentions: bool = False,
        emoji: bool = False,
    ) -> "Tokenizer": ...
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]: ...
    def tokenize(
        self, text: str, normalizer: Optional["Normalizer"] = None, lang: str = "und"
    ) -> list[Token]: ...

@final
class Normalizer:
    """Normalization of tokens into terms, alone.

    >>> Normalizer().normalize("Oman’s")
    "oman's"
    """

    def __new__(
        cls,
        form: _UnicodeFormName = "nfc",
        *,
        case_fold: bool = True,
        fold_punctuation: bool = True,
        fold_width: bool = True,
        fold_digits: bool = True,
        language_rules: bool = True,
        teh_marbuta: bool = False,
        russian_yo: bool = False,
        strip_diacritics: bool = False,
    ) -> "Normalizer": ...
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]: ...
    def normalize(self, token: str, lang: str = "und") -> str:
        """The normalized form of token in language lang; lone surrogates are read as "?",
        as analyze() reads them."""

def languages() -> list[tuple[str, str]]:
    """Every detectable language: (ISO 639-3 code, English name)."""

def _rust_analyze_batch(
    pipeline: Pipeline, texts: list[str], threads: Optional[int] = None, repeat: int = 1
) -> list[float]: ...
