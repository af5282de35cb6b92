"""Response schemas: write engine results as the JSON that openapi.yaml describes.

Every field is dump_only. Offsets go through ``Offset`` fields inside ``DumpState.in_article``,
so the unit the client asked for (``options.offsets``) applies to every start and end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from marshmallow import Schema, fields, missing, post_dump

from engine import Document, Extraction, Report, Sentence
from engine.model import FINDING_TYPES, SEVERITIES

from .context import DumpState, dump_state, dumping
from .extractions import ITEM_SECTIONS, dump_items, items_included
from .fields import Offset


def _str(**kwargs):
    return fields.String(dump_only=True, **kwargs)


def _int(**kwargs):
    return fields.Integer(dump_only=True, **kwargs)


class SpanSchema(Schema):
    start = Offset()
    end = Offset()


class FindingSchema(Schema):
    id = _str()
    type = _str()
    severity = _str()
    confidence = fields.Float(dump_only=True)
    message = _str()
    mentions = fields.Method("_mentions")
    details = fields.Dict(dump_only=True)

    def _mentions(self, finding) -> list[dict]:
        # Written out here rather than through a nested schema: a cluster of many articles
        # returns thousands of mentions, and a schema's per-field dispatch (about 15 us a
        # mention) was most of the time to write its response.
        state = dump_state()
        out = []
        for m in finding.mentions:
            offset = state.offsets_in(m.article_id)
            sentence = {"start": offset(m.sentence.start), "end": offset(m.sentence.end)}
            out.append(
                {
                    "article_id": m.article_id,
                    "start": offset(m.start),
                    "end": offset(m.end),
                    "text": m.text,
                    "sentence": sentence,
                }
            )
        return out


@dataclass(frozen=True)
class _Member:
    article_id: str
    sentence: Sentence


class MemberSchema(Schema):
    article_id = _str()
    sentence = _int(attribute="sentence.index")
    start = Offset(attribute="sentence.start")
    end = Offset(attribute="sentence.end")
    text = _str(attribute="sentence.text")


class ClusterSchema(Schema):
    id = _str()
    score = fields.Float(dump_only=True)
    members = fields.Method("_members")

    def _members(self, cluster) -> list[dict]:
        state = dump_state()
        out = []
        for ref in cluster.members:
            sentence = state.documents[ref.article_id].sentences[ref.sentence]
            with state.in_article(ref.article_id):
                out.append(member_schema.dump(_Member(ref.article_id, sentence)))
        return out


@dataclass(frozen=True)
class _ArticleSummary:
    document: Document
    findings: int


class ArticleSummarySchema(Schema):
    id = _str(attribute="document.id")
    characters = fields.Function(lambda a: dump_state().offset(len(a.document.text)), dump_only=True)
    sentences = fields.Function(lambda a: len(a.document.sentences), dump_only=True)
    findings = _int()
    title = _str(attribute="document.article.title")
    source = _str(attribute="document.article.source")

    @post_dump
    def _omit_absent(self, data, **kwargs):
        return {k: v for k, v in data.items() if v is not None or k not in ("title", "source")}


class ReportSchema(Schema):
    summary = fields.Method("_summary")
    articles = fields.Method("_articles")
    findings = fields.List(fields.Nested(FindingSchema), dump_only=True)
    alignment = fields.Method("_alignment")
    equivalences = fields.Method("_equivalences")
    quote_clusters = fields.Method("_quote_clusters")
    extractions = fields.Method("_extractions")
    notices = fields.Method("_notices")

    def _summary(self, report: Report) -> dict:
        by_type = dict.fromkeys(FINDING_TYPES, 0)
        by_severity = dict.fromkeys(SEVERITIES, 0)
        for f in report.findings:
            by_type[f.type] += 1
            by_severity[f.severity] += 1
        return {
            "total": len(report.findings),
            "by_type": by_type,
            "by_severity": by_severity,
            "checks": list(report.checks),
        }

    def _articles(self, report: Report) -> list[dict]:
        counts = Counter(aid for f in report.findings for aid in {m.article_id for m in f.mentions})
        state = dump_state()
        out = []
        for doc in report.articles:
            with state.in_article(doc.id):
                out.append(article_summary_schema.dump(_ArticleSummary(doc, counts[doc.id])))
        return out

    def _alignment(self, report: Report):
        if "alignment" not in dump_state().include:
            return missing
        return cluster_schema.dump(report.alignment.clusters, many=True)

    def _equivalences(self, report: Report):
        if "equivalences" not in dump_state().include:
            return missing
        return [_record(e) for e in report.equivalences]

    def _quote_clusters(self, report: Report):
        # every quote matched across articles, verbatim ones too; asked for with include "quotes"
        if "quotes" not in dump_state().include:
            return missing
        return [_record(c) for c in report.clusters.get("quotes", ())]

    def _extractions(self, report: Report):
        include = dump_state().include
        if not include & ITEM_SECTIONS:
            return missing
        checks = items_included(include)
        state = dump_state()
        out = []
        for doc in report.articles:
            items = {name: per_article.get(doc.id, ()) for name, per_article in report.extractions.items()}
            with state.in_article(doc.id):
                out.append({"article_id": doc.id, **dump_items(items, checks)})
        return out

    def _notices(self, report: Report):
        return list(report.notices) if report.notices else missing


def _record(value: Any) -> Any:
    """A JSON-ready record with the offsets of any mention in it ({article_id, start, end})
    converted to the requested unit."""
    if isinstance(value, Mapping):
        aid = value.get("article_id")
        state = dump_state()
        if isinstance(aid, str) and aid in state.documents:
            with state.in_article(aid):
                return {k: _offset_or_record(k, v) for k, v in value.items()}
        return {k: _record(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_record(v) for v in value]
    return value


def _offset_or_record(key: str, value: Any) -> Any:
    if key in ("start", "end") and isinstance(value, int):
        return dump_state().offset(value)
    if key == "sentence" and isinstance(value, Mapping):
        return {k: _offset_or_record(k, v) for k, v in value.items()}
    return _record(value)


class SentenceSchema(Schema):
    index = _int()
    start = Offset()
    end = Offset()
    paragraph = _int()
    text = _str()


class ExtractionSchema(Schema):
    id = _str(attribute="document.id")
    characters = fields.Function(lambda e: dump_state().offset(len(e.document.text)), dump_only=True)
    paragraphs = fields.List(fields.Nested(SpanSchema), attribute="document.paragraphs", dump_only=True)
    sentences = fields.List(fields.Nested(SentenceSchema), attribute="document.sentences", dump_only=True)

    notices = fields.Method("_notices")

    @post_dump(pass_original=True)
    def _items(self, data, extraction: Extraction, **kwargs):
        return {**data, **dump_items(extraction.items)}

    def _notices(self, extraction: Extraction):
        return list(extraction.notices) if extraction.notices else missing


class LimitsSchema(Schema):
    max_articles = _int()
    max_chars = _int()
    max_total_chars = _int()
    max_body_bytes = _int()
    max_sentences = _int()
    max_pairs = _int()


class HealthSchema(Schema):
    status = _str()
    version = _str()
    checks = fields.List(fields.String(), dump_only=True)
    limits = fields.Nested(LimitsSchema, dump_only=True)


member_schema = MemberSchema()
cluster_schema = ClusterSchema()
article_summary_schema = ArticleSummarySchema()
report_schema = ReportSchema()
extraction_schema = ExtractionSchema()
health_schema = HealthSchema()


def dump_report(report: Report, *, include: frozenset[str] = frozenset(), offsets: str = "codepoint") -> dict:
    """The /v1/compare response for ``report``; ``include`` names the optional sections."""
    state = DumpState({d.id: d for d in report.articles}, unit=offsets, include=include)
    with dumping(state):
        return report_schema.dump(report)


def dump_extraction(extraction: Extraction, *, offsets: str = "codepoint") -> dict:
    """The /v1/extract response for one article."""
    doc = extraction.document
    state = DumpState({doc.id: doc}, unit=offsets)
    with dumping(state), state.in_article(doc.id):
        return extraction_schema.dump(extraction)


def dump_health(*, version: str, checks: Sequence[str], limits: Mapping[str, int]) -> dict:
    return health_schema.dump({"status": "ok", "version": version, "checks": list(checks), "limits": limits})
