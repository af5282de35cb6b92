"""openapi.yaml against the running app, by generated requests (schemathesis).

Every operation in the spec gets requests that follow it (positive) and requests that break it
(negative: wrong types, missing fields, values out of range). Each answer must not be a server
error, must have a status code, a content type and a body the spec declares for it. The run is
bounded (``MAX_EXAMPLES`` per operation and mode) and deterministic: a fixed seed, derandomized,
no example database.
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

config = schemathesis.Config.from_dict(
    {
        "seed": SEED,
        "generation": {
            "mode": "all",  # positive and negative
            "max-examples": MAX_EXAMPLES,
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


schema = schemathesis.openapi.from_path(ROOT / "openapi.yaml", config=config)
# Requests go to the app itself, no network. It is open (API_KEYS empty) even when the shell
# running the tests exports CROSSCHECK_API_KEYS.
schema.app = read_and_close(create_app({"TESTING": True, "API_KEYS": ()}))


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_app_conforms_to_spec(case):
    case.call_and_validate(checks=CHECKS)
