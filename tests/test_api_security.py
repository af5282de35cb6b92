"""API keys, security headers and request ids."""

import logging
import re

import pytest
from conftest import two_articles

from api import auth, create_app
from api.config import from_env, parse_keys
from api.middleware import REQUEST_ID, content_security_policy, inline_script_hashes

KEYS = "alpha-key-1, beta-key-2"
PROBLEM = "application/problem+json"


@pytest.fixture
def keyed():
    return create_app({"TESTING": True, "API_KEYS": KEYS}).test_client()


# API keys


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ()),
        ("", ()),
        (" , ", ()),
        ("k1", ("k1",)),
        (" k1 ,k2,, k1", ("k1", "k2")),
        (["k1", " "], ("k1",)),
    ],
)
def test_parse_keys(raw, expected):
    assert parse_keys(raw) == expected


def test_keys_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("CROSSCHECK_API_KEYS", " one,two ")
    assert from_env({"CROSSCHECK_API_KEYS": " one,two "})["API_KEYS"] == ("one", "two")
    assert create_app().config["API_KEYS"] == ("one", "two")


def test_no_keys_means_open(client):
    assert client.post("/v1/compare", json=two_articles()).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer alpha-key-1"},
        {"Authorization": "bearer   beta-key-2 "},
        {"X-API-Key": "beta-key-2"},
        {"Authorization": "Basic xyz", "X-API-Key": "alpha-key-1"},
    ],
)
def test_either_header_style_is_accepted(keyed, headers):
    assert keyed.post("/v1/compare", json=two_articles(), headers=headers).status_code == 200
    r = keyed.post("/v1/extract", json={"article": {"text": "It rose 5%."}}, headers=headers)
    assert r.status_code == 200


def assert_401(response):
    assert response.status_code == 401
    assert response.mimetype == PROBLEM
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    body = response.get_json()
    assert body["status"] == 401 and "X-API-Key" in body["detail"] and "Bearer" in body["detail"]
    return body


@pytest.mark.parametrize("path", ["/v1/compare", "/v1/extract"])
def test_missing_key_is_401(keyed, path):
    assert_401(keyed.post(path, json=two_articles()))


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer alpha-key-2"},
        {"Authorization": "Bearer alpha-key-1x"},
        {"Authorization": "Bearer "},
        {"Authorization": "alpha-key-1"},
        {"Authorization": "Basic YWxwaGEta2V5LTE6"},
        {"X-API-Key": "ALPHA-KEY-1"},
        {"X-API-Key": "alpha-key-1, beta-key-2"},
        {"X-API-Key": "\u00e9t\u00e9"},
    ],
)
def test_wrong_key_is_401_and_never_echoed(keyed, headers, caplog):
    r = keyed.post("/v1/compare", json=two_articles(), headers=headers)
    assert_401(r)
    sent = " ".join(headers.values())
    for value in sent.split():
        if len(value) > 6:
            assert value not in r.get_data(as_text=True)
            assert all(value not in rec.getMessage() for rec in caplog.records)


def test_wrong_key_says_invalid_token(keyed):
    r = keyed.post("/v1/compare", json=two_articles(), headers={"X-API-Key": "nope"})
    assert 'error="invalid_token"' in r.headers["WWW-Authenticate"]


def test_key_is_checked_before_the_body_is_read(keyed):
    r = keyed.post("/v1/compare", data=b"{not json", content_type="application/json")
    assert_401(r)


@pytest.mark.parametrize(
    "path", ["/v1/health", "/openapi.yaml", "/docs", "/docs/", "/docs/swagger-ui.css", "/"]
)
def test_open_routes_stay_open(keyed, path):
    with keyed.get(path) as r:
        assert r.status_code == 200, path


def test_unknown_v1_route_needs_a_key_too(keyed):
    # Nothing about the routes behind the key is told to a client without one.
    assert_401(keyed.get("/v1/secret"))
    assert keyed.get("/v1/secret", headers={"X-API-Key": "alpha-key-1"}).status_code == 404


def test_cors_preflight_needs_no_key():
    app = create_app({"TESTING": True, "API_KEYS": KEYS, "CORS_ORIGINS": "https://cms.example.org"})
    r = app.test_client().options(
        "/v1/compare",
        headers={"Origin": "https://cms.example.org", "Access-Control-Request-Method": "POST"},
    )
    assert r.status_code == 204


def test_every_key_is_compared_in_constant_time(keyed, monkeypatch):
    calls = []
    real = auth.hmac.compare_digest

    def spy(a, b):
        calls.append((len(a), len(b)))
        return real(a, b)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    for key in ("alpha-key-1", "beta-key-2", "wrong", "x" * 500):
        calls.clear()
        keyed.post("/v1/compare", json=two_articles(), headers={"X-API-Key": key})
        # Every configured key, whichever matched, on digests of one length.
        assert calls == [(32, 32), (32, 32)], key


def test_key_matches():
    digests = auth.key_digests(["a", "b"])
    assert auth.key_matches("a", digests) and auth.key_matches("b", digests)
    assert not auth.key_matches("c", digests) and not auth.key_matches("", digests)
    assert not auth.key_matches("a", ())


# Security headers

SECURITY = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

RESPONSES = {
    "compare": ("post", "/v1/compare", {"json": two_articles()}, 200),
    "health": ("get", "/v1/health", {}, 200),
    "validation error": ("post", "/v1/compare", {"json": {}}, 422),
    "not found": ("get", "/nowhere", {}, 404),
    "wrong method": ("get", "/v1/compare", {}, 405),
    "docs": ("get", "/docs", {}, 200),
    "docs asset": ("get", "/docs/swagger-ui-bundle.js", {}, 200),
    "spec": ("get", "/openapi.yaml", {}, 200),
    "editor": ("get", "/", {}, 200),
}


@pytest.mark.parametrize("name", list(RESPONSES))
def test_security_headers_on_every_response(client, name):
    method, path, kwargs, status = RESPONSES[name]
    with getattr(client, method)(path, **kwargs) as r:
        assert r.status_code == status
        for header, value in SECURITY.items():
            assert r.headers[header] == value
        csp = r.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
        assert "'unsafe-eval'" not in csp
        script_src = re.search(r"script-src ([^;]*)", csp).group(1)
        assert "'unsafe-inline'" not in script_src
        if path.startswith("/v1/") or r.mimetype == PROBLEM:
            assert r.headers["Cache-Control"] == "no-store"


def test_security_headers_on_a_401(keyed):
    r = keyed.post("/v1/compare", json=two_articles())
    for header, value in SECURITY.items():
        assert r.headers[header] == value
    assert r.headers["Cache-Control"] == "no-store"


def test_server_error_has_headers_and_no_internals(client, monkeypatch):
    from api import compare as compare_view

    def broken(*args, **kwargs):
        raise RuntimeError("secret internal state at /srv/app/engine.py line 12")

    monkeypatch.setattr(compare_view.engine, "compare", broken)
    r = client.post("/v1/compare", json=two_articles())
    assert r.status_code == 500 and r.mimetype == PROBLEM
    text = r.get_data(as_text=True)
    assert "secret" not in text and "Traceback" not in text and ".py" not in text
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.get_json()["request_id"] == r.headers["X-Request-ID"]


def test_server_error_description_is_logged_not_sent(client, monkeypatch, caplog):
    from api import docs
    from api.errors import SERVER_ERROR_DETAIL

    monkeypatch.setattr(docs, "SPEC_PATH", docs.SPEC_PATH.with_name("missing.yaml"))
    r = client.get("/openapi.yaml")
    assert r.status_code == 500 and r.mimetype == PROBLEM
    assert "missing.yaml" not in r.get_data(as_text=True)
    assert any("missing.yaml" in rec.getMessage() for rec in caplog.records)
    assert r.get_json()["detail"] == SERVER_ERROR_DETAIL


def test_swagger_inline_script_is_allowed_by_its_hash_only(client):
    r = client.get("/docs")
    hashes = inline_script_hashes(r.get_data(as_text=True))
    assert len(hashes) == 1
    assert f"'sha256-{hashes[0]}'" in r.headers["Content-Security-Policy"]
    with client.get("/") as editor:
        assert "sha256-" not in editor.headers["Content-Security-Policy"]


def test_csp_hash_is_what_browsers_compute():
    # The example of the CSP specification: sha256 of alert('Hello, world.');
    assert inline_script_hashes("<script>alert('Hello, world.');</script>") == (
        "qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=",
    )
    assert "'sha256-abc'" in content_security_policy(script_hashes=("abc",))


# Request ids


@pytest.mark.parametrize("sent", ["abc-123", "A.b_c-9", "x" * 128, "0f8fad5b-d9cb-469f-a165-70867728950e"])
def test_safe_request_id_is_echoed(client, sent):
    r = client.get("/v1/health", headers={"X-Request-ID": sent})
    assert r.headers["X-Request-ID"] == sent


@pytest.mark.parametrize("sent", ["", "x" * 129, "a b", "a\tb", "<script>", "id;drop", "é", "a/b"])
def test_unsafe_request_id_is_replaced(client, sent):
    r = client.get("/v1/health", headers={"X-Request-ID": sent})
    assert r.headers["X-Request-ID"] != sent
    assert REQUEST_ID.fullmatch(r.headers["X-Request-ID"])


def test_request_id_is_generated_and_unique(client):
    ids = {client.get("/v1/health").headers["X-Request-ID"] for _ in range(5)}
    assert len(ids) == 5 and all(REQUEST_ID.fullmatch(i) for i in ids)


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("post", "/v1/compare", {"json": {}}),
        ("post", "/v1/compare", {"data": b"{", "content_type": "application/json"}),
        ("post", "/v1/compare", {"data": b"x", "content_type": "text/plain"}),
        ("get", "/nowhere", {}),
        ("delete", "/v1/compare", {}),
    ],
)
def test_request_id_is_in_every_problem(client, method, path, kwargs):
    r = getattr(client, method)(path, headers={"X-Request-ID": "trace-42"}, **kwargs)
    assert r.mimetype == PROBLEM
    assert r.get_json()["request_id"] == "trace-42" == r.headers["X-Request-ID"]


def test_request_id_is_in_a_401(keyed):
    r = keyed.post("/v1/compare", json=two_articles(), headers={"X-Request-ID": "trace-401"})
    assert r.get_json()["request_id"] == "trace-401"


def test_request_id_is_in_log_lines(client, caplog):
    with caplog.at_level(logging.WARNING):
        client.get("/nowhere", headers={"X-Request-ID": "trace-log"})
    assert [rec.request_id for rec in caplog.records] == ["trace-log"]


def test_log_format_shows_the_request_id():
    from flask.logging import default_handler

    create_app({"TESTING": True})
    assert "%(request_id)s" in default_handler.formatter._fmt
    # Outside a request (at start-up, say) the id is "-".
    record = logging.LogRecord("api", logging.WARNING, __file__, 1, "hello", None, None)
    assert default_handler.filter(record) and record.request_id == "-"
    assert "[-]: hello" in default_handler.format(record)
