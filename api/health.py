"""GET /v1/health: for load balancer probes and for clients that want the limits."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from flask import Blueprint, current_app

from engine import CHECK_NAMES
from schemas import dump_health

bp = Blueprint("health", __name__)

try:
    VERSION = version("crosscheck")
except PackageNotFoundError:  # running from a checkout that was not installed
    VERSION = "0+unknown"


@bp.get("/v1/health")
def health():
    """Whether this instance answers, with its version, checks and request limits."""
    c = current_app.config
    limits = {
        "max_articles": c["MAX_ARTICLES"],
        "max_chars": c["MAX_CHARS"],
        "max_total_chars": c["MAX_TOTAL_CHARS"],
        "max_body_bytes": c["MAX_CONTENT_LENGTH"],
        "max_sentences": c["MAX_SENTENCES"],
        "max_pairs": c["MAX_PAIRS"],
    }
    return dump_health(version=VERSION, checks=CHECK_NAMES, limits=limits)
