"""Building findings: stable ids, mentions with their sentence, and the report order."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .model import SEVERITIES, Document, Finding, Mention, Span, built_from

_SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


def mention(doc: Document, start: int, end: int) -> Mention:
    """A mention of ``doc.text[start:end]`` with the span of the sentence that holds it."""
    sentence = doc.sentence_at(start)
    lo, hi = (sentence.start, sentence.end) if sentence is not None else (start, end)
    around = built_from(Span, {"start": lo, "end": hi})
    return built_from(
        Mention,
        {"article_id": doc.id, "start": start, "end": end, "text": doc.text[start:end], "sentence": around},
    )


def finding_id(type_: str, mentions: Sequence[Mention], message: str) -> str:
    """An id derived from the finding's content, so the same input always gives the same id.

    The type, the spans and the message tell findings apart; the details are left out because
    with many articles they list every article's version, and encoding them for every finding
    of every pair made ids a visible share of a comparison's time.
    """
    h = hashlib.blake2b(digest_size=6)
    h.update(type_.encode())
    for m in mentions:
        h.update(f"\x1f{m.article_id}\x1e{m.start}:{m.end}".encode("utf-8", "surrogatepass"))
    h.update(b"\x1d" + message.encode("utf-8", "surrogatepass"))
    return "f-" + h.hexdigest()


def make_finding(
    *,
    type: str,
    severity: str,
    confidence: float,
    message: str,
    mentions: Sequence[Mention],
    details: Mapping[str, Any],
) -> Finding:
    """A finding with its content-derived id; confidence is clamped to 0..1 and rounded."""
    if severity not in _SEVERITY_RANK:
        raise ValueError(f"unknown severity {severity!r}; use one of {SEVERITIES}")
    return built_from(
        Finding,
        {
            "id": finding_id(type, mentions, message),
            "type": type,
            "severity": severity,
            "confidence": round(min(1.0, max(0.0, confidence)), 3),
            "message": message,
            "mentions": tuple(mentions),
            "details": details,
        },
    )


def sort_findings(findings: Iterable[Finding], article_order: Sequence[str]) -> tuple[Finding, ...]:
    """Severity first (high to low), then where the finding starts, article by article."""
    order = {aid: i for i, aid in enumerate(article_order)}

    def key(f: Finding):
        first = min(
            ((order.get(m.article_id, len(order)), m.start, m.end) for m in f.mentions),
            default=(len(order), 0, 0),
        )
        return (_SEVERITY_RANK[f.severity], first, f.type, f.id)

    unique = {f.id: f for f in findings}
    return tuple(sorted(unique.values(), key=key))
