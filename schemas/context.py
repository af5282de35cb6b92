"""Per-call settings for loading and dumping, kept in context variables.

The schemas are instantiated once at module level, so what changes per request (the limits
from the app's configuration, the offset unit and sections the client asked for) is set here
for the duration of one ``load`` or ``dump`` call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from engine import Document

from .offsets import converter


@dataclass(frozen=True)
class RequestLimits:
    """How much one request may ask for; the app sets these from its configuration."""

    max_articles: int = 20
    max_chars: int = 200_000
    max_total_chars: int = 1_000_000


class DumpState:
    """What one dump needs beyond the object: the articles, offset unit and optional sections.

    ``article`` is the id of the article whose offsets are being written; ``Offset`` fields
    read it.
    """

    def __init__(self, documents: Mapping[str, Document], *, unit: str = "codepoint", include=frozenset()):
        self.documents = documents
        self.unit = unit
        self.include = frozenset(include)
        self.article: str | None = None
        self._converters: dict[str, Callable[[int], int]] = {}

    def offset(self, value: int) -> int:
        """``value``, a code point offset into the current article, in the requested unit."""
        if self.unit == "codepoint" or self.article is None:
            return value
        return self.offsets_in(self.article)(value)

    def offsets_in(self, article_id: str) -> Callable[[int], int]:
        """What turns a code point offset into ``article_id``'s text into the requested unit."""
        if self.unit == "codepoint":
            return _unchanged
        convert = self._converters.get(article_id)
        if convert is None:
            convert = self._converters[article_id] = converter(self.documents[article_id].text, self.unit)
        return convert

    @contextmanager
    def in_article(self, article_id: str) -> Iterator[None]:
        """Offsets dumped inside this block are into ``article_id``'s text."""
        outer, self.article = self.article, article_id
        try:
            yield
        finally:
            self.article = outer


def _unchanged(value: int) -> int:
    return value


_DEFAULT_LIMITS = RequestLimits()
_limits: ContextVar[RequestLimits] = ContextVar("crosscheck_request_limits")
_dump: ContextVar[DumpState | None] = ContextVar("crosscheck_dump_state", default=None)


def request_limits() -> RequestLimits:
    """The current load's limits; outside ``loading()``, the defaults."""
    return _limits.get(_DEFAULT_LIMITS)


def dump_state() -> DumpState:
    """The current dump's state; outside ``dumping()``, code point offsets and no optional sections."""
    state = _dump.get()
    return state if state is not None else DumpState({})


@contextmanager
def loading(limits: RequestLimits) -> Iterator[None]:
    token = _limits.set(limits)
    try:
        yield
    finally:
        _limits.reset(token)


@contextmanager
def dumping(state: DumpState) -> Iterator[DumpState]:
    token = _dump.set(state)
    try:
        yield state
    finally:
        _dump.reset(token)
