"""Request schemas: validate what a client sends and turn it into engine values.

Limits that come from the app's configuration are read from ``context.request_limits()``;
``load_compare`` and ``load_extract`` set them for one call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from marshmallow import Schema, ValidationError, fields, post_load, pre_load
from marshmallow.validate import Length, OneOf

from engine import CHECK_NAMES, Article

from .context import RequestLimits, loading, request_limits
from .fields import BoundedList, Text
from .offsets import UNITS

# The optional sections of a compare response; "numbers", "quotes" and "verb_groups" ask for
# one check's extracted items, "extractions" for those of every check that ran.
INCLUDE = ("alignment", "extractions", "equivalences", "quotes", "numbers", "verb_groups")

MAX_ID = 128
MAX_TITLE = 1000
MAX_URL = 2048
# No object in a request has more than a few fields, and no list but `articles` more than a few
# items; these bounds refuse a body built to make validation slow before looking at its parts.
MAX_FIELDS = 32
MAX_NAMES = 32  # items of `checks` and of `options.include`


@dataclass(frozen=True)
class CompareRequest:
    articles: tuple[Article, ...]
    checks: tuple[str, ...] | None
    include: frozenset[str]
    offsets: str


@dataclass(frozen=True)
class ExtractRequest:
    article: Article
    checks: tuple[str, ...] | None
    offsets: str


def _text_length(text: str) -> None:
    if not text:
        raise ValidationError("Must not be empty; send the article's text.")
    limit = request_limits().max_chars
    if len(text) > limit:
        raise ValidationError(
            f"Is {len(text)} characters long; the limit is {limit} characters per article. "
            "Send a shorter text, or the article in parts."
        )


def _at_least_two(articles: list) -> None:
    if len(articles) < 2:
        raise ValidationError(f"Got {len(articles)} article(s); send at least 2 to compare.")


def _too_many_articles(count: int, limit: int) -> str:
    return (
        f"Got {count} articles; the limit is {limit} per request. "
        f"Send at most {limit}, or compare them in several requests."
    )


def _names(field: fields.Field, **kwargs) -> BoundedList:
    return BoundedList(field, max_items=MAX_NAMES, **kwargs)


def _known_check(name: str) -> None:
    if name not in CHECK_NAMES:
        known = ", ".join(CHECK_NAMES) if CHECK_NAMES else "none are available"
        raise ValidationError(f"Unknown check {name!r}; known checks: {known}.")


def _iso_date(value: str) -> None:
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(value)
            return
        except ValueError:
            pass
    raise ValidationError(
        f"{value!r} is not an ISO 8601 date or date-time, e.g. 2024-03-20 or 2024-03-20T09:30:00Z."
    )


class _Strict(Schema):
    # Unknown keys are refused (marshmallow's default), with a message that says so plainly.
    error_messages = {"type": "Expected a JSON object.", "unknown": "Unknown field."}

    @pre_load
    def _few_fields(self, data, **kwargs):
        if isinstance(data, dict) and len(data) > MAX_FIELDS:
            known = ", ".join(self.load_fields)
            raise ValidationError(f"Has {len(data)} fields; this object takes at most these: {known}.")
        return data


class ArticleSchema(_Strict):
    id = Text(allow_none=True, validate=Length(1, MAX_ID))
    text = Text(required=True, validate=_text_length)
    title = Text(allow_none=True, validate=Length(max=MAX_TITLE))
    source = Text(allow_none=True, validate=Length(max=MAX_TITLE))
    url = Text(allow_none=True, validate=Length(max=MAX_URL))
    published_at = Text(allow_none=True, validate=_iso_date)


class CompareOptionsSchema(_Strict):
    include = _names(Text(validate=OneOf(INCLUDE)), load_default=list)
    offsets = Text(validate=OneOf(UNITS), load_default="codepoint")


class ExtractOptionsSchema(_Strict):
    offsets = Text(validate=OneOf(UNITS), load_default="codepoint")


def _article(data: dict[str, Any], position: int) -> Article:
    """An engine Article; an article without an id is named after its position: a1, a2, ..."""
    fields_ = {k: data.get(k) for k in ("title", "source", "url", "published_at")}
    article_id = data.get("id")
    return Article(
        id=article_id if article_id is not None else f"a{position + 1}", text=data["text"], **fields_
    )


def _checks(names: list[str] | None) -> tuple[str, ...] | None:
    return None if names is None else tuple(dict.fromkeys(names))


class CompareRequestSchema(_Strict):
    articles = BoundedList(
        fields.Nested(ArticleSchema),
        required=True,
        max_items=lambda: request_limits().max_articles,
        too_many=_too_many_articles,
        validate=_at_least_two,
    )
    checks = _names(Text(validate=_known_check), load_default=None)
    options = fields.Nested(
        CompareOptionsSchema, load_default=lambda: {"include": [], "offsets": "codepoint"}
    )

    @post_load
    def _request(self, data, **kwargs) -> CompareRequest:
        articles = tuple(_article(a, i) for i, a in enumerate(data["articles"]))
        _check_together(articles, assigned=[a.get("id") is None for a in data["articles"]])
        return CompareRequest(
            articles=articles,
            checks=_checks(data["checks"]),
            include=frozenset(data["options"]["include"]),
            offsets=data["options"]["offsets"],
        )


def _check_together(articles: tuple[Article, ...], *, assigned: list[bool]) -> None:
    """The rules about the articles as a set: unique ids, and the total size."""
    first: dict[str, int] = {}
    errors: dict[int, dict[str, list[str]]] = {}
    for i, article in enumerate(articles):
        j = first.setdefault(article.id, i)
        if j != i:
            how = " (assigned from its position)" if assigned[i] else ""
            message = f"Duplicate id {article.id!r}{how}: articles.{j} has it too; ids must be unique."
            errors[i] = {"id": [message]}
    if errors:
        raise ValidationError({"articles": errors})
    total, limit = sum(len(a.text) for a in articles), request_limits().max_total_chars
    if total > limit:
        raise ValidationError(
            {
                "articles": [
                    f"The articles hold {total} characters together; the limit is {limit} per request. "
                    "Send fewer or shorter articles."
                ]
            }
        )


class ExtractRequestSchema(_Strict):
    article = fields.Nested(ArticleSchema, required=True)
    checks = _names(Text(validate=_known_check), load_default=None)
    options = fields.Nested(ExtractOptionsSchema, load_default=lambda: {"offsets": "codepoint"})

    @post_load
    def _request(self, data, **kwargs) -> ExtractRequest:
        return ExtractRequest(
            article=_article(data["article"], 0),
            checks=_checks(data["checks"]),
            offsets=data["options"]["offsets"],
        )


compare_request_schema = CompareRequestSchema()
extract_request_schema = ExtractRequestSchema()


def load_compare(body: Any, *, limits: RequestLimits) -> CompareRequest:
    """Validate a /v1/compare body; raises marshmallow.ValidationError with field paths."""
    with loading(limits):
        return compare_request_schema.load(body)


def load_extract(body: Any, *, limits: RequestLimits) -> ExtractRequest:
    """Validate a /v1/extract body; raises marshmallow.ValidationError with field paths."""
    with loading(limits):
        return extract_request_schema.load(body)
