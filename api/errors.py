"""Error responses: every one is an RFC 9457 ``application/problem+json`` built by ``problem``.

Client errors are logged at warning, server errors at error with the traceback; the client never
sees a traceback or an HTML error page. Every body carries the request's id (``request_id``),
which the log lines carry too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, current_app, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

from .middleware import request_id

PROBLEM_MIMETYPE = "application/problem+json"


def problem(status: int, title: str | None = None, detail: str | None = None, **extensions: Any) -> Response:
    """A problem+json response; ``title`` defaults to the status phrase, extensions are added as members."""
    body = {
        "type": "about:blank",
        "title": title or HTTP_STATUS_CODES.get(status, "Error"),
        "status": status,
        "detail": detail or HTTP_STATUS_CODES.get(status, "Error"),
        "request_id": request_id(),
        **extensions,
    }
    log = current_app.logger.error if status >= 500 else current_app.logger.warning
    # Inside an error handler, exc_info attaches the traceback of the exception being handled.
    log("%s %s -> %d %s", request.method, request.path, status, body["detail"], exc_info=status >= 500)
    response = current_app.json.response(body)
    response.status_code = status
    response.mimetype = PROBLEM_MIMETYPE
    return response


def _detail(e: HTTPException) -> str:
    """What went wrong, said so that the client can fix it."""
    if e.code == 404:
        return f"There is no {request.path}; the API is described at /openapi.yaml and /docs."
    if e.code == 405:
        allowed = ", ".join(sorted(set(getattr(e, "valid_methods", None) or ()) - {"HEAD", "OPTIONS"}))
        return f"{request.path} does not accept {request.method}; use {allowed}."
    if e.code == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        return (
            f"The request body is larger than this instance's limit of {limit} bytes; send fewer or "
            "shorter articles per request (GET /v1/health states the limits)."
        )
    return e.description or HTTP_STATUS_CODES.get(e.code or 500, "Error")


SERVER_ERROR_DETAIL = "The server failed to process the request; the error has been logged."


def handle_http_exception(e: HTTPException) -> Response:
    status = e.code or 500
    if status >= 500:
        # A server error's description may name files or internals: logged, not sent.
        current_app.logger.error("%s %s -> %d %s", request.method, request.path, status, _detail(e))
        response = problem(status, e.name, SERVER_ERROR_DETAIL)
    else:
        response = problem(status, e.name, _detail(e))
    # Keep the headers an exception carries, such as Allow on 405.
    for key, value in e.get_headers():
        if key.lower() != "content-type":
            response.headers[key] = value
    return response


def field_errors(messages: Any, path: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """marshmallow's nested error dict as a list of {field: "articles.1.text", messages: [...]}."""
    if isinstance(messages, Mapping):
        out = []
        for key, value in messages.items():
            # "_schema" holds errors about the object itself, which are reported at its path.
            out.extend(field_errors(value, path if key == "_schema" else (*path, str(key))))
        return out
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return [{"field": ".".join(path), "messages": messages}]
    if isinstance(messages, list):
        return [e for m in messages for e in field_errors(m, path)]
    return [{"field": ".".join(path), "messages": [str(messages)]}]


def handle_validation_error(e: ValidationError) -> Response:
    errors = field_errors(e.messages)
    first = errors[0] if errors else {"field": "", "messages": ["invalid"]}
    where = first["field"] or "the body"
    detail = f"{where}: {first['messages'][0]}"
    if len(errors) > 1:
        detail += f" (and {len(errors) - 1} more; see errors)"
    return problem(422, detail=detail, errors=errors)


def handle_unexpected(e: Exception) -> Response:
    return problem(500, detail=SERVER_ERROR_DETAIL)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(ValidationError, handle_validation_error)
    app.register_error_handler(Exception, handle_unexpected)
