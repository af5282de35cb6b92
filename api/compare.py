"""POST /v1/compare and POST /v1/extract: JSON in, schema-validated, engine, JSON out."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, current_app, request
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge, UnsupportedMediaType

import engine
from schemas import dump_extraction, dump_report, items_included, load_compare, load_extract

from .config import engine_limits, request_limits

bp = Blueprint("compare", __name__, url_prefix="/v1")


def json_body() -> Any:
    """The request body parsed as JSON, or a 415/400/413 that says what is wrong with it."""
    if not request.is_json:
        got = request.mimetype or "no Content-Type"
        raise UnsupportedMediaType(f"Expected a JSON body with Content-Type: application/json, got {got}.")
    raw = request.get_data(cache=False)  # raises 413 past MAX_CONTENT_LENGTH
    limit = request.max_content_length
    if limit is not None and request.content_length is None and len(raw) >= limit:
        # A body without Content-Length (chunked) is cut at the limit without a word from
        # werkzeug; one that reaches the limit is taken as over it.
        raise RequestEntityTooLarge()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BadRequest(
            f"The body is not valid UTF-8 (byte {e.start}); send JSON encoded as UTF-8."
        ) from None
    try:
        return json.loads(text)
    except RecursionError:
        raise BadRequest("The JSON body is nested too deeply.") from None
    except ValueError as e:  # JSONDecodeError, and integers too long to convert
        raise BadRequest(f"The body is not valid JSON: {e}.") from None


@bp.post("/compare")
def compare():
    """Compare two or more articles and report where they disagree."""
    req = load_compare(json_body(), limits=request_limits(current_app.config))
    report = engine.compare(
        req.articles,
        checks=req.checks,
        include=req.include,
        items=items_included(req.include),
        limits=engine_limits(current_app.config),
    )
    return dump_report(report, include=req.include, offsets=req.offsets)


@bp.post("/extract")
def extract():
    """One article's paragraphs, sentences and each check's extracted items."""
    req = load_extract(json_body(), limits=request_limits(current_app.config))
    extraction = engine.extract(req.article, checks=req.checks, limits=engine_limits(current_app.config))
    return dump_extraction(extraction, offsets=req.offsets)
