"""Configuration: defaults, and the environment variables that override them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from engine import Limits
from schemas import RequestLimits

_ENGINE_DEFAULTS = Limits()

DEFAULTS: dict[str, Any] = {
    "MAX_ARTICLES": 20,  # articles per /v1/compare request
    "MAX_CHARS": 200_000,  # characters (code points) per article
    "MAX_TOTAL_CHARS": 1_000_000,  # characters of all articles of one request together
    "MAX_CONTENT_LENGTH": 4 * 1024 * 1024,  # request body bytes; Flask answers 413 above it
    # Work bounds passed to the engine, so that no request runs unbounded.
    "MAX_SENTENCES": _ENGINE_DEFAULTS.max_sentences_per_article,  # sentences analysed per article
    "MAX_PAIRS": _ENGINE_DEFAULTS.max_pairs,  # sentence pairs scored when aligning one request
    "API_KEYS": (),  # keys accepted on /v1/compare and /v1/extract; empty: no key needed
}

# environment variable -> config key; every value is a positive whole number
ENVIRONMENT = {
    "CROSSCHECK_MAX_ARTICLES": "MAX_ARTICLES",
    "CROSSCHECK_MAX_CHARS": "MAX_CHARS",
    "CROSSCHECK_MAX_TOTAL_CHARS": "MAX_TOTAL_CHARS",
    "CROSSCHECK_MAX_BODY_BYTES": "MAX_CONTENT_LENGTH",
    "CROSSCHECK_MAX_SENTENCES": "MAX_SENTENCES",
    "CROSSCHECK_MAX_PAIRS": "MAX_PAIRS",
}

# the variable that lists the API keys, comma-separated
API_KEYS_VARIABLE = "CROSSCHECK_API_KEYS"


def from_env(environ: Mapping[str, str]) -> dict[str, Any]:
    """The config keys set by environment variables; raises ValueError naming a bad variable."""
    config: dict[str, Any] = {}
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
    keys = parse_keys(environ.get(API_KEYS_VARIABLE, ""))
    if keys:
        config["API_KEYS"] = keys
    return config


def parse_keys(raw: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"k1, k2,"`` -> ``("k1", "k2")``: keys without surrounding spaces, empty ones dropped."""
    if raw is None:
        return ()
    items = raw.split(",") if isinstance(raw, str) else list(raw)
    return tuple(dict.fromkeys(k.strip() for k in items if k.strip()))


def request_limits(config: Mapping[str, Any]) -> RequestLimits:
    return RequestLimits(
        max_articles=config["MAX_ARTICLES"],
        max_chars=config["MAX_CHARS"],
        max_total_chars=config["MAX_TOTAL_CHARS"],
    )


def engine_limits(config: Mapping[str, Any]) -> Limits:
    """The engine's work bounds for one request."""
    return Limits(max_sentences_per_article=config["MAX_SENTENCES"], max_pairs=config["MAX_PAIRS"])
