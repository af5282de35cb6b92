"""Every error is problem+json with a useful detail; nothing a client sends gives a 500."""

import pytest
from conftest import two_articles

from api import compare as compare_view

PROBLEM = "application/problem+json"


def assert_problem(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def post_raw(client, data, content_type="application/json"):
    return client.post("/v1/compare", data=data, content_type=content_type)


def test_malformed_json_is_400(client):
    body = assert_problem(post_raw(client, b'{"articles": ['), 400)
    assert "not valid JSON" in body["detail"]


def test_invalid_utf8_is_400(client):
    body = assert_problem(post_raw(client, b'{"articles": "\xff\xfe"}'), 400)
    assert "UTF-8" in body["detail"]


def test_deeply_nested_json_is_400(client):
    body = assert_problem(post_raw(client, b"[" * 100_000 + b"]" * 100_000), 400)
    assert "nested too deeply" in body["detail"]


def test_integer_too_long_to_convert_is_400(client):
    assert_problem(post_raw(client, b'{"articles": ' + b"9" * 5000 + b"}"), 400)


def test_empty_body_is_400(client):
    assert_problem(post_raw(client, b""), 400)


def test_utf8_bom_is_accepted(client):
    import json

    assert post_raw(client, b"\xef\xbb\xbf" + json.dumps(two_articles()).encode()).status_code == 200


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_body_that_is_not_json_is_415(client, content_type):
    r = client.post("/v1/compare", data=b'{"articles": []}', content_type=content_type)
    body = assert_problem(r, 415)
    assert "application/json" in body["detail"]


def test_json_with_charset_is_accepted(client):
    import json

    r = post_raw(client, json.dumps(two_articles()), "application/json; charset=utf-8")
    assert r.status_code == 200


def test_body_over_the_limit_is_413(app):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    r = app.test_client().post("/v1/compare", json={"articles": [{"text": "x" * 2000}, {"text": "y"}]})
    body = assert_problem(r, 413)
    assert "1000 bytes" in body["detail"]


def test_unknown_route_is_404(client):
    body = assert_problem(client.get("/v1/nothing-here"), 404)
    assert "/v1/nothing-here" in body["detail"]


@pytest.mark.parametrize(
    ("method", "path", "allowed"), [("get", "/v1/compare", "POST"), ("post", "/v1/health", "GET")]
)
def test_wrong_method_is_405_with_allow(client, method, path, allowed):
    r = getattr(client, method)(path)
    body = assert_problem(r, 405)
    assert allowed in r.headers["Allow"]
    assert allowed in body["detail"]


@pytest.mark.parametrize(
    "raw",
    [
        "[]",
        "[1, 2]",
        '"articles"',
        "null",
        "3",
        "1e999",
        "NaN",
        "true",
        '{"articles": {"a": 1}}',
        '{"articles": [[], "x", null, 1e999]}',
        '{"articles": [{"text": {"nested": [1, {"deeper": null}]}}, {"text": ["x"]}]}',
        '{"articles": [{"text": "a"}, {"text": "b"}], "options": []}',
        '{"articles": [{"text": "a"}, {"text": "b"}], "checks": [1, null]}',
        '{"articles": [{"id": ' + "9" * 4000 + ', "text": "a"}, {"text": "b"}]}',
    ],
)
def test_json_of_the_wrong_shape_is_422(client, raw):
    assert_problem(post_raw(client, raw), 422)


def test_validation_problem_lists_every_field(client):
    body = {"articles": [{"text": ""}, {"text": 5, "extra": 1}], "checks": "numbers"}
    problem = assert_problem(client.post("/v1/compare", json=body), 422)
    fields = {e["field"] for e in problem["errors"]}
    assert fields == {"articles.0.text", "articles.1.text", "articles.1.extra", "checks"}
    assert problem["detail"].startswith("articles.0.text: ")
    assert "and 3 more" in problem["detail"]


def test_body_that_is_not_an_object_is_reported_at_the_root(client):
    problem = assert_problem(client.post("/v1/compare", json=[1]), 422)
    assert problem["errors"] == [{"field": "", "messages": ["Expected a JSON object."]}]


@pytest.mark.parametrize("escaped", [r"\ud800", r"\udfff", r"a\udc00b"])
def test_lone_surrogate_in_text_is_422(client, escaped):
    raw = '{"articles": [{"text": "ok"}, {"text": "' + escaped + '"}]}'
    problem = assert_problem(post_raw(client, raw), 422)
    assert "surrogate" in problem["errors"][0]["messages"][0]
    assert problem["errors"][0]["field"] == "articles.1.text"


def test_lone_surrogate_in_an_unknown_key_is_422(client):
    problem = assert_problem(post_raw(client, '{"articles": [], "\\ud800": 1}'), 422)
    assert any(e["field"] == "\ud800" for e in problem["errors"])


def test_surrogate_pair_is_valid_text(client):
    raw = '{"articles": [{"text": "Pizza \\ud83c\\udf55 tonight."}, {"text": "Pizza tonight."}]}'
    assert post_raw(client, raw).status_code == 200


def test_unexpected_error_is_500_without_internals(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internal state")

    monkeypatch.setattr(compare_view.engine, "compare", broken)
    r = client.post("/v1/compare", json=two_articles())
    body = assert_problem(r, 500)
    assert "secret" not in r.get_data(as_text=True)
    assert "logged" in body["detail"]
    assert any(rec.levelname == "ERROR" and rec.exc_info for rec in caplog.records)


def test_client_errors_are_logged_as_warnings(client, caplog):
    client.get("/nowhere")
    assert [r.levelname for r in caplog.records] == ["WARNING"]
