"""Configuration: defaults, and the environment variables that override them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from schemas import RequestLimits

DEFAULTS: dict[str, Any] = {
    "MAX_ARTICLES": 20,  # articles per /v1/compare request
    "MAX_CHARS": 200_000,  # characters (code points) per article
    "MAX_TOTAL_CHARS": 1_000_000,  # characters of all articles of one request together
    "MAX_CONTENT_LENGTH": 4 * 1024 * 1024,  # request body bytes; Flask answers 413 above it
}

# environment variable -> config key; every value is a positive whole number
ENVIRONMENT = {
    "CROSSCHECK_MAX_ARTICLES": "MAX_ARTICLES",
    "CROSSCHECK_MAX_CHARS": "MAX_CHARS",
    "CROSSCHECK_MAX_TOTAL_CHARS": "MAX_TOTAL_CHARS",
    "CROSSCHECK_MAX_BODY_BYTES": "MAX_CONTENT_LENGTH",
}


def from_env(environ: Mapping[str, str]) -> dict[str, int]:
    """The config keys set by environment variables; raises ValueError naming a bad variable."""
    config = {}
    for var, key in ENVIRONMENT.items():
        raw = environ.get(var, "").strip()
        if not raw:
            continue
        try:
            value = int(raw)
        except ValueError:
            raise ValueError(f"{var}={raw!r} is not a whole number") from None
        if value < 1:
            raise ValueError(f"{var}={raw!r} must be at least 1")
        config[key] = value
    return config


def request_limits(config: Mapping[str, Any]) -> RequestLimits:
    return RequestLimits(
        max_articles=config["MAX_ARTICLES"],
        max_chars=config["MAX_CHARS"],
        max_total_chars=config["MAX_TOTAL_CHARS"],
    )
