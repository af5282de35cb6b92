"""openapi.yaml against the running app, by generated requests (schemathesis).

Every operation in the spec gets requests that follow it (positive) and requests that break it
(negative: wrong types, missing fields, values out of range). Each answer must not be a server
error, must have a status code, a content type and a body the spec declares for it. The run is
bounded (``MAX_EXAMPLES`` per operation, in the fuzzing phase; schemathesis's example and
coverage phases add fixed cases of their own) and deterministic: a fixed seed, derandomized, no
example database. A second, shorter run does the same against an instance that wants an API key.
"""

import schemathesis
from conftest import ROOT
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api import create_app

MAX_EXAMPLES = 50
SEED = 20241120

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]



def config(max_examples: int) -> schemathesis.Config:
    return schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "generation": {
                "mode": "all",  # positive and negative
                "max-examples": max_examples,
                "deterministic": True,
                "database": "none",
            },
            "phases": {"stateful": {"enabled": False}},
        }
    )



def read_and_close(app):
    """``app`` as a WSGI server runs it: each response body is read whole, then closed.

    (schemathesis's WSGI client leaves file responses, such as /openapi.yaml, open.)
    """

    def wsgi(environ, start_response):
        result = app(environ, start_response)
        try:
            return [b"".join(result)]
        finally:
            if hasattr(result, "close"):
                result.close()

    return wsgi


schema = schemathesis.openapi.from_path(ROOT / "openapi.yaml", config=config(MAX_EXAMPLES))
# Requests go to the app itself, no network. It is open (API_KEYS empty) even when the shell
# running the tests exports CROSSCHECK_API_KEYS.
schema.app = read_and_close(create_app({"TESTING": True, "API_KEYS": ()}))


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_app_conforms_to_spec(case):
    case.call_and_validate(checks=CHECKS)


# The same operations on an instance that wants a key, asked without one: /v1/compare and
# /v1/extract must answer 401 as the spec declares it, whatever the body; the rest stays open.
keyed = schemathesis.openapi.from_path(ROOT / "openapi.yaml", config=config(5))
keyed.app = read_and_close(create_app({"TESTING": True, "API_KEYS": "a-key-nobody-guesses"}))


@keyed.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_keyed_app_conforms_to_spec(case):
    response = case.call_and_validate(checks=CHECKS)
    if case.path.startswith("/v1/") and case.path != "/v1/health" and case.method.upper() == "POST":
        assert response.status_code == 401
