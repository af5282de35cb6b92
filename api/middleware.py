"""Request ids and security headers, on every response: API, errors, docs and the editor's page.

A request id is taken from the client's ``X-Request-ID`` when it is a short safe token
(``REQUEST_ID``), and made up otherwise. It is sent back in ``X-Request-ID``, written into every
problem+json body as ``request_id``, and into every log line of the app (``RequestIdFilter``), so
that a client's report and the server's logs can be matched.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import uuid

from flask import Flask, Response, has_request_context, request
from flask.logging import default_handler

REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
_ENVIRON_KEY = "crosscheck.request_id"

LOG_FORMAT = "[%(asctime)s] %(levelname)s in %(module)s [%(request_id)s]: %(message)s"

# Everything the editor's page and Swagger UI load comes from this instance. Swagger UI sets
# style attributes and shows its icons as data: URLs; its one inline script is allowed by hash.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

# The endpoints that render Swagger UI's page, which carries an inline script.
SWAGGER_PAGES = frozenset({"docs.swagger", "swagger_ui.show"})

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def request_id() -> str:
    """This request's id: the client's ``X-Request-ID`` if it is a safe token, else a new one."""
    # Kept in the WSGI environ, which belongs to this request alone (g can outlive it in tests).
    rid = request.environ.get(_ENVIRON_KEY)
    if rid is None:
        sent = request.headers.get(REQUEST_ID_HEADER, "")
        rid = sent if REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex
        request.environ[_ENVIRON_KEY] = rid
    return rid


def content_security_policy(*, script_hashes: tuple[str, ...] = ()) -> str:
    """The policy as a header value; ``script_hashes`` (base64 SHA-256) allow given inline scripts."""
    policy = dict(CONTENT_SECURITY_POLICY)
    if script_hashes:
        policy["script-src"] += "".join(f" 'sha256-{h}'" for h in script_hashes)
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def inline_script_hashes(html: str) -> tuple[str, ...]:
    """The base64 SHA-256 of each inline ``<script>`` in ``html``, as CSP hash sources want them."""
    return tuple(
        base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        for body in _INLINE_SCRIPT.findall(html)
    )


def _set_request_id() -> None:
    request_id()


def _add_headers(response: Response) -> Response:
    response.headers[REQUEST_ID_HEADER] = request_id()
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    hashes: tuple[str, ...] = ()
    if request.endpoint in SWAGGER_PAGES and response.mimetype == "text/html" and not response.is_streamed:
        hashes = inline_script_hashes(response.get_data(as_text=True))
    response.headers.setdefault("Content-Security-Policy", content_security_policy(script_hashes=hashes))
    # API answers (and every error) are computed per request and may carry article text.
    if request.path.startswith("/v1/") or response.mimetype == "application/problem+json":
        response.headers["Cache-Control"] = "no-store"
    return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record: the current request's, or ``-`` outside a request."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id() if has_request_context() else "-"
        return True


_request_id_filter = RequestIdFilter()


def init_app(app: Flask) -> None:
    """Install the hooks; register before the other before_request hooks, so they see the id."""
    app.before_request(_set_request_id)
    app.after_request(_add_headers)
    # Flask logs through app.logger to its default handler (stderr, also under gunicorn); the
    # filter on the logger serves other handlers a deployment may configure. Adding the same
    # filter again (one app per test) is a no-op.
    app.logger.addFilter(_request_id_filter)
    default_handler.addFilter(_request_id_filter)
    default_handler.setFormatter(logging.Formatter(LOG_FORMAT))
