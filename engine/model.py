"""The engine's data: small frozen dataclasses with offsets into the original text.

Every span here is a half-open range of Unicode code points into the article text exactly as
the client sent it, so ``article.text[span.start:span.end]`` is always the mention's text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple, TypeVar

_T = TypeVar("_T")


def built_from(cls: type[_T], fields: dict[str, Any]) -> _T:
    """An instance of the frozen dataclass ``cls`` with ``fields`` (every field, by name).

    The generated ``__init__`` of a frozen dataclass sets each field through
    ``object.__setattr__``, which costs two to three times as much as filling the instance's
    dict; the engine builds thousands of sentences, figures, quotes and verb groups per
    comparison. ``fields`` becomes the instance's own dict: the object is equal to the one
    ``cls(**fields)`` builds, with the same hash and repr.
    """
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    return obj


def moved(item: _T, shift: int, sentence: int, offsets: tuple[str, ...] = ("start", "end")) -> _T:
    """``item``, a frozen dataclass read from one sentence alone, as found in a copy of that
    sentence ``shift`` characters later, with index ``sentence`` in its article: the fields
    named in ``offsets`` shifted and the ``sentence`` field replaced."""
    fields = dict(item.__dict__)
    for name in offsets:
        fields[name] += shift
    fields["sentence"] = sentence
    return built_from(type(item), fields)


SEVERITIES = ("high", "medium", "low")
FINDING_TYPES = ("numeric_mismatch", "tense_shift", "negation_flip", "quote_mismatch")


@dataclass(frozen=True)
class Article:
    """One article as the client sent it; ``text`` is never modified."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published_at: str | None = None


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class Token(NamedTuple):
    """A word, number or punctuation mark.

    ``norm`` is the comparison form: NFKC, straight quotes and apostrophes, plain hyphens,
    lower case. ``kind`` is one of ``word``, ``number`` or ``punct``. A named tuple rather
    than a dataclass because an article has thousands of tokens and a tuple is built about
    three times faster, which is most of the text layer's time.
    """

    start: int
    end: int
    text: str
    norm: str
    kind: str


@dataclass(frozen=True)
class Sentence:
    """A sentence with its tokens; ``index`` counts from 0 within its article."""

    index: int
    start: int
    end: int
    paragraph: int
    text: str
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Document:
    """An article after the text layer: paragraphs, sentences and tokens with offsets."""

    article: Article
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    # False when the sentence bound stopped segmentation before the end of the text.
    complete: bool = True

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains ``offset``, or None between sentences."""
        i = bisect_right(self.sentences, offset, key=_START) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None


_START = attrgetter("start")


@dataclass(frozen=True)
class SentenceRef:
    """One sentence of one article inside an alignment cluster."""

    article_id: str
    sentence: int


@dataclass(frozen=True)
class Cluster:
    """Sentences of several articles that tell the same thing.

    ``members`` holds at least two articles; an article may contribute two adjacent sentences
    (a sentence split in one article and merged in another). ``score`` is the mean pairwise
    similarity of the members, 0..1.
    """

    id: str
    members: tuple[SentenceRef, ...]
    score: float

    @property
    def article_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for m in self.members:
            seen.setdefault(m.article_id, None)
        return tuple(seen)


@dataclass(frozen=True)
class Alignment:
    clusters: tuple[Cluster, ...]


@dataclass(frozen=True)
class Mention:
    """Where a finding points in one article: the words, and the sentence around them."""

    article_id: str
    start: int
    end: int
    text: str
    sentence: Span


@dataclass(frozen=True)
class Finding:
    """One inconsistency between articles.

    ``confidence`` is 0..1. ``details`` holds JSON-ready values (str, int, float, bool, None,
    lists and dicts of them), specific to ``type``.
    """

    id: str
    type: str
    severity: str
    confidence: float
    message: str
    mentions: tuple[Mention, ...]
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Limits:
    """Work bounds for one comparison, so that no request runs unbounded."""

    max_sentences_per_article: int = 5000
    max_pairs: int = 2_000_000


@dataclass(frozen=True)
class Report:
    """The outcome of comparing articles.

    ``extractions`` maps a check name to ``{article_id: tuple of that check's items}`` (for a
    check the caller did not name in ``items``, possibly only the items its comparer read);
    ``equivalences`` holds JSON-ready records of values judged equal though written
    differently; ``clusters`` maps a check name to JSON-ready records of the items it matched
    across articles, consistent ones too (the quote check's quote clusters); ``notices`` names
    work bounds that were hit.
    """

    articles: tuple[Document, ...]
    checks: tuple[str, ...]
    findings: tuple[Finding, ...]
    alignment: Alignment
    extractions: Mapping[str, Mapping[str, tuple[Any, ...]]] = field(default_factory=dict)
    equivalences: tuple[Mapping[str, Any], ...] = ()
    clusters: Mapping[str, tuple[Mapping[str, Any], ...]] = field(default_factory=dict)
    notices: tuple[str, ...] = ()


DEFAULT_LIMITS = Limits()
