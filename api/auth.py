"""Optional API keys for the comparison routes.

``CROSSCHECK_API_KEYS`` (or the ``API_KEYS`` config key) lists the accepted keys, comma-separated;
empty, the default, leaves the API open. With keys set, every ``/v1/`` route except
``/v1/health`` needs one, sent as ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``; the
health probe, the documentation, the spec and the editor's page stay open. A missing or wrong
key is a 401 problem+json with ``WWW-Authenticate: Bearer``.

The key a client sends is compared with every configured key, always all of them, by
``hmac.compare_digest`` on SHA-256 digests: the time taken does not depend on how much of a key
matched, on its length, or on which key matched.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from flask import Flask, Response, current_app, request

from .config import parse_keys
from .errors import problem

PROTECTED_PREFIX = "/v1/"
OPEN_PATHS = frozenset({"/v1/health"})

HOW = "send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).digest()


def key_digests(keys: Iterable[str]) -> tuple[bytes, ...]:
    return tuple(_digest(k) for k in keys)


def key_matches(candidate: str, digests: Iterable[bytes]) -> bool:
    """Whether ``candidate`` is one of the keys with these digests, compared in constant time."""
    given = _digest(candidate)
    found = False
    for digest in digests:
        # No early exit: every key is compared, whichever matches.
        found |= hmac.compare_digest(given, digest)
    return found


def sent_key() -> str | None:
    """The key in ``Authorization: Bearer <key>`` or, failing that, in ``X-API-Key``."""
    scheme, _, credentials = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    key = request.headers.get("X-API-Key", "").strip()
    return key or None


def _needs_key() -> bool:
    # CORS preflights carry no credentials; the browser sends the key with the request itself.
    if request.method == "OPTIONS":
        return False
    return request.path.startswith(PROTECTED_PREFIX) and request.path not in OPEN_PATHS


def _unauthorized(detail: str, *, error: str | None = None) -> Response:
    response = problem(401, detail=detail)
    challenge = 'Bearer realm="crosscheck"'
    if error is not None:
        challenge += f', error="{error}"'
    response.headers["WWW-Authenticate"] = challenge
    return response


def check_key() -> Response | None:
    """A 401 when keys are configured and the request to a protected route has none that fits."""
    keys = current_app.config["API_KEYS"]
    if not keys or not _needs_key():
        return None
    key = sent_key()
    if key is None:
        return _unauthorized(f"{request.path} needs an API key; {HOW}.")
    if not key_matches(key, key_digests(keys)):
        # The key itself is never repeated, in the answer or in the log.
        return _unauthorized(
            f"The API key sent is not valid for this instance; {HOW} with a valid key.",
            error="invalid_token",
        )
    return None


def init_app(app: Flask) -> None:
    """Normalise the configured keys (a comma-separated string or a list) and install the hook."""
    app.config["API_KEYS"] = parse_keys(app.config.get("API_KEYS"))
    app.before_request(check_key)
