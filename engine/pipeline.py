"""The comparison pipeline: text layer, alignment, then each requested check.

One way, no back and forth: every article is analysed once, sentences are aligned across all
articles at once, and each check extracts per article and compares per aligned cluster.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .align import align, reworded_sentences
from .checks import CHECK_NAMES, REGISTRY, Check, per_sentence, reworded_only
from .findings import sort_findings
from .model import DEFAULT_LIMITS, Alignment, Article, Document, Limits, Report
from .text import analyse


@dataclass(frozen=True)
class Extraction:
    """One article after the text layer and each check's extractor."""

    document: Document
    items: Mapping[str, tuple[Any, ...]]
    notices: tuple[str, ...] = ()


def _sentence_notices(docs: Sequence[Document], limits: Limits) -> list[str]:
    return [
        f"article {d.id!r}: only its first {limits.max_sentences_per_article} sentences were checked "
        "(the limit of sentences per article)"
        for d in docs
        if not d.complete
    ]


def _checks(names: Sequence[str] | None) -> tuple[str, ...]:
    if names is None:
        return CHECK_NAMES
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise ValueError(f"unknown checks {unknown}; known checks are {list(CHECK_NAMES)}")
    # Registry order, so the output does not depend on the order the client listed them.
    return tuple(n for n in CHECK_NAMES if n in names)


def extract(
    article: Article,
    *,
    checks: Sequence[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Extraction:
    """Analyse one article and run each requested check's extractor on it."""
    doc = analyse(article, limits=limits)
    return Extraction(
        document=doc,
        items={n: REGISTRY[n].extract(doc) for n in _checks(checks)},
        notices=tuple(_sentence_notices([doc], limits)),
    )


def extract_items(
    check: Check, docs: Sequence[Document], alignment: Alignment, *, every_item: bool
) -> dict[str, tuple[Any, ...]]:
    """``check``'s items of each article: all of them when ``every_item``, else what its
    comparer reads (for a check that declares ``REWORDED_ONLY``, the aligned sentences worded
    differently). A check that declares ``PER_SENTENCE`` reads each distinct sentence once."""
    # One dict for every article of the comparison (see ``checks.per_sentence``).
    shared: dict[str, Any] = {"shared": {}} if per_sentence(check) else {}
    if reworded_only(check) and not every_item:
        reworded = reworded_sentences(docs, alignment)
        return {d.id: check.extract(d, reworded.get(d.id, frozenset()), **shared) for d in docs}
    return {d.id: check.extract(d, **shared) for d in docs}


def compare(
    articles: Sequence[Article],
    *,
    checks: Sequence[str] | None = None,
    options: Mapping[str, Any] | None = None,
    include: Collection[str] | None = None,
    items: Collection[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Report:
    """Compare two or more articles about the same story and report where they disagree.

    ``checks`` defaults to every registered check. ``options`` is passed to each check's
    comparer. ``include`` names the optional sections the caller will read
    (``"equivalences"``, ``"quotes"`` for every quote cluster); the others are not built.
    None builds them all. ``items`` names the checks whose extracted items the caller reads in
    ``Report.extractions``; a check whose comparer reads only aligned sentences worded
    differently extracts just those for the others. None means every check. Raises
    ValueError for fewer than two articles, duplicate ids or unknown checks.
    """
    if len(articles) < 2:
        raise ValueError(f"compare needs at least two articles, got {len(articles)}")
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        raise ValueError("article ids must be unique")
    names = _checks(checks)
    options = dict(options or {})
    if include is not None:
        options["include"] = frozenset(include)
    docs = tuple(analyse(a, limits=limits) for a in articles)
    alignment, align_notices = align(docs, limits=limits)
    notices = _sentence_notices(docs, limits) + list(align_notices)
    findings = []
    equivalences = []
    clusters: dict[str, tuple[Any, ...]] = {}
    extractions: dict[str, dict[str, tuple[Any, ...]]] = {}
    for name in names:
        check = REGISTRY[name]
        extracted = extract_items(check, docs, alignment, every_item=items is None or name in items)
        extractions[name] = extracted
        result = check.compare(docs, alignment, extracted, options=options)
        findings.extend(result.findings)
        equivalences.extend(result.equivalences)
        if result.clusters:
            clusters[name] = result.clusters
    return Report(
        articles=docs,
        checks=names,
        findings=sort_findings(findings, ids),
        alignment=alignment,
        extractions=extractions,
        equivalences=tuple(equivalences),
        clusters=clusters,
        notices=tuple(notices),
    )
