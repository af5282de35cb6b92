"""Cross-origin access for browser clients (CMS plugins) from an allow-list of origins.

``CROSSCHECK_CORS_ORIGINS`` (or the ``CORS_ORIGINS`` config key) lists the origins, comma-separated,
such as ``https://cms.example.org,https://admin.example.org``; ``*`` allows any origin. Empty, the
default, means no CORS headers at all. An allowed origin gets ``Access-Control-Allow-Origin``
naming it on every response, errors included, so a plugin can read problem+json; a preflight
``OPTIONS`` on ``/v1/...`` is answered 204 with the allowed methods and headers. A disallowed
origin gets no CORS headers, and the browser keeps its script from reading the response.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from flask import Flask, Response, current_app, request

ALLOWED_HEADERS = "Content-Type, Authorization, X-API-Key"
MAX_AGE = "600"  # seconds a browser may cache a preflight answer
# Headers a script may read from a cross-origin answer, besides the always-readable ones.
EXPOSED_HEADERS = "X-Request-ID, WWW-Authenticate"


def parse_origins(raw: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"https://a.example, https://b.example/"`` -> ``("https://a.example", "https://b.example")``."""
    if raw is None:
        return ()
    items = raw.split(",") if isinstance(raw, str) else list(raw)
    # An Origin header never ends with a slash; a configured one copied from a URL might.
    return tuple(dict.fromkeys(o.strip().rstrip("/") for o in items if o.strip()))


def _allowed(origin: str | None) -> bool:
    if not origin:
        return False
    origins = current_app.config["CORS_ORIGINS"]
    return "*" in origins or origin in origins


def _preflight() -> Response | None:
    """A 204 answer to a CORS preflight on an existing /v1 route from an allowed origin."""
    if request.method != "OPTIONS" or not request.path.startswith("/v1/"):
        return None
    if "Access-Control-Request-Method" not in request.headers or request.url_rule is None:
        return None  # a plain OPTIONS, or an unknown route: Flask answers as usual
    if not _allowed(request.headers.get("Origin")):
        return None
    methods = sorted((request.url_rule.methods or set()) - {"HEAD"})
    response = Response(status=204)
    response.headers["Access-Control-Allow-Methods"] = ", ".join(methods)
    response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response.headers["Access-Control-Max-Age"] = MAX_AGE
    return response


def _add_headers(response: Response) -> Response:
    origin = request.headers.get("Origin")
    if _allowed(origin):
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    if current_app.config["CORS_ORIGINS"]:
        # The answer depends on the Origin header, so caches must keep one copy per origin.
        response.vary.add("Origin")
    return response


def init_app(app: Flask) -> None:
    """Read the allow-list (config first, then the environment) and install the hooks."""
    if "CORS_ORIGINS" not in app.config:
        app.config["CORS_ORIGINS"] = os.environ.get("CROSSCHECK_CORS_ORIGINS", "")
    app.config["CORS_ORIGINS"] = parse_origins(app.config["CORS_ORIGINS"])
    app.before_request(_preflight)
    app.after_request(_add_headers)
