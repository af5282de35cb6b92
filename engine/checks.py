"""The registry of checks.

A check is a module with ``NAME``, ``extract(doc) -> tuple[item, ...]`` (one article, pure)
and ``compare(docs, alignment, extracted, *, options) -> CheckResult`` (all articles at once,
pure). Adding a check means adding its module to ``_MODULES``.

A check whose comparer reads only the items of aligned sentences worded differently across
articles says so with ``REWORDED_ONLY = True`` and takes ``extract(doc, sentences)``: the
pipeline then extracts only those sentences unless the caller wants every item.

A check whose items are each read from one sentence alone says so with ``PER_SENTENCE = True``
and takes ``extract(doc, ..., shared=dict)``: the pipeline passes one dict to every article of a
comparison, so a sentence that articles copy word for word is read once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .model import Alignment, Document, Finding


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...] = ()
    # JSON-ready records of values judged equal though written differently.
    equivalences: tuple[Mapping[str, Any], ...] = ()
    # JSON-ready records of the items a check matched across articles, consistent ones too
    # (the quote check's clusters of the same quotation); reported on request.
    clusters: tuple[Mapping[str, Any], ...] = ()


class Check(Protocol):
    NAME: str

    def extract(self, doc: Document) -> tuple[Any, ...]: ...

    def compare(
        self,
        docs: Sequence[Document],
        alignment: Alignment,
        extracted: Mapping[str, tuple[Any, ...]],
        *,
        options: Mapping[str, Any],
    ) -> CheckResult: ...


def wants(options: Mapping[str, Any], section: str) -> bool:
    """Whether the caller reads the optional ``section`` of a check's result ("equivalences",
    "quotes"): ``options["include"]`` names the sections wanted; without it, all are built."""
    include = options.get("include")
    return include is None or section in include


def reworded_only(check: Check) -> bool:
    return getattr(check, "REWORDED_ONLY", False)


def per_sentence(check: Check) -> bool:
    return getattr(check, "PER_SENTENCE", False)


def _modules() -> dict[str, Check]:
    from . import numbers, quotes, tense

    modules: list[Check] = [numbers, tense, quotes]
    return {m.NAME: m for m in modules}


REGISTRY: dict[str, Check] = _modules()
CHECK_NAMES: tuple[str, ...] = tuple(REGISTRY)
