"""Hostile HTTP input: each is answered with the right status, as problem+json, and fast.

"Fast" is CPU time in this process (time.process_time), so a busy machine does not fail it.
"""

import json
import time

import pytest
from conftest import two_articles

PROBLEM = "application/problem+json"
CPU_BUDGET = 1.0  # seconds per request


def timed(call):
    started = time.process_time()
    response = call()
    elapsed = time.process_time() - started
    assert elapsed < CPU_BUDGET, f"{elapsed:.2f} s of CPU"
    return response


def post_raw(client, data, content_type="application/json", path="/v1/compare", **kwargs):
    return timed(lambda: client.post(path, data=data, content_type=content_type, **kwargs))


def assert_problem(response, status):
    text = response.get_data(as_text=True)
    assert response.status_code == status, text[:500]
    assert response.mimetype == PROBLEM
    assert "<html" not in text.lower() and "Traceback" not in text
    body = response.get_json()
    assert body["status"] == status and body["detail"]
    return body


def messages(body):
    return [m for e in body.get("errors", []) for m in e["messages"]]


def test_invalid_utf8_is_400(client):
    body = assert_problem(post_raw(client, b'{"articles": [{"text": "caf\xe9"}]}'), 400)
    assert "UTF-8" in body["detail"]


def test_lone_surrogate_escape_is_422_naming_the_field(client):
    raw = json.dumps({"articles": [{"text": "ok"}, {"text": "x"}]}).replace('"x"', '"\\ud800"')
    body = assert_problem(post_raw(client, raw), 422)
    assert body["errors"][0]["field"] == "articles.1.text"
    assert "surrogate" in body["detail"]


def test_json_nested_100k_deep_is_400(client):
    body = assert_problem(post_raw(client, b'{"articles": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"), 400)
    assert "nested too deeply" in body["detail"]


def test_5_mb_body_is_413_naming_the_limit(client):
    body = assert_problem(post_raw(client, b'{"articles": "' + b"x" * 5_000_000 + b'"}'), 413)
    assert "4194304 bytes" in body["detail"]


def test_body_without_length_over_the_limit_is_413(client):
    # A chunked body has no Content-Length; the limit still applies while it is read.
    import io

    stream = io.BytesIO(b'{"articles": "' + b"x" * 5_000_000 + b'"}')
    response = timed(
        lambda: client.post(
            "/v1/compare",
            input_stream=stream,
            content_type="application/json",
            headers={"Transfer-Encoding": "chunked"},
            environ_overrides={"wsgi.input_terminated": True},
        )
    )
    assert_problem(response, 413)


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "text/json",
        "application/xml",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
        "application/octet-stream",
        None,
    ],
)
def test_wrong_content_type_is_415(client, content_type):
    data = json.dumps(two_articles())
    body = assert_problem(post_raw(client, data, content_type), 415)
    assert "application/json" in body["detail"]


def test_10k_articles_is_422_quickly(client):
    body = assert_problem(post_raw(client, json.dumps({"articles": [{"text": "x"}] * 10_000})), 422)
    assert "10000 articles" in body["detail"] and "limit is 20" in body["detail"]


@pytest.mark.parametrize(
    ("name", "body", "field"),
    [
        ("200k non-objects", {"articles": [1] * 200_000}, "articles"),
        ("checks", dict(two_articles(), checks=["numbers"] * 100_000), "checks"),
        ("include", dict(two_articles(), options={"include": ["alignment"] * 100_000}), "options.include"),
        ("unknown fields", dict(two_articles(), **{f"k{i}": 0 for i in range(100_000)}), ""),
        (
            "article fields",
            {"articles": [{"text": "a", **{f"k{i}": 0 for i in range(100_000)}}]},
            "articles.0",
        ),
    ],
)
def test_huge_lists_and_objects_give_one_error_not_one_per_item(client, name, body, field):
    response = post_raw(client, json.dumps(body))
    problem = assert_problem(response, 422)
    assert [e["field"] for e in problem["errors"]] == [field], name
    assert len(response.get_data()) < 2000


@pytest.mark.parametrize(
    "raw",
    [
        '{"articles": 1e999}',
        '{"articles": [{"text": "a"}, {"text": "b"}], "checks": [-1e400]}',
        '{"articles": [{"id": 1e308, "text": "a"}, {"text": "b"}]}',
        '{"articles": [{"id": ' + "9" * 4000 + ', "text": "a"}, {"text": "b"}]}',
        '{"articles": [{"text": "a"}, {"text": "b"}], "options": {"offsets": NaN}}',
    ],
)
def test_huge_numbers_are_422(client, raw):
    assert_problem(post_raw(client, raw), 422)


def test_integer_too_long_to_convert_is_400(client):
    assert_problem(post_raw(client, '{"articles": ' + "9" * 100_000 + "}"), 400)


def assert_offsets_valid(report, texts):
    assert report["findings"], "77.5 against 77.6 per cent is a finding whose offsets are checked"
    for finding in report["findings"]:
        for m in finding["mentions"]:
            text = texts[m["article_id"]]
            assert 0 <= m["start"] <= m["end"] <= len(text)
            assert text[m["start"] : m["end"]] == m["text"]
            assert m["sentence"]["start"] <= m["start"] and m["end"] <= m["sentence"]["end"]
    for cluster in report.get("alignment", []):
        for member in cluster["members"]:
            assert texts[member["article_id"]][member["start"] : member["end"]] == member["text"]


def compare_texts(client, texts, **options):
    body = {"articles": [{"id": k, "text": v} for k, v in texts.items()]}
    body["options"] = {"include": ["alignment"], **options}
    response = timed(lambda: client.post("/v1/compare", json=body))
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()


def test_null_bytes_in_text_are_kept_and_offsets_stay_valid(client):
    texts = {
        "a": "Turnout was\x00 77.5 per cent, officials said.\x00\nThe vote was held on Sunday.",
        "b": "\x00Officials said turnout was 77.6 per cent.\nThe vote was held on Sunday.\x00",
    }
    report = compare_texts(client, texts)
    assert_offsets_valid(report, texts)
    assert [a["characters"] for a in report["articles"]] == [len(t) for t in texts.values()]


def test_crlf_and_mixed_newlines_give_valid_offsets(client):
    texts = {
        "a": "Turnout was 77.5 per cent, officials said.\r\n\r\nThe vote was held on Sunday.\rIt was calm.",
        "b": "Officials said turnout was 77.6 per cent.\n\r\nThe vote was held on Sunday.\u2028It was calm.",
    }
    report = compare_texts(client, texts)
    assert_offsets_valid(report, texts)
    assert report["alignment"], "aligned sentences are expected across newline styles"


def utf16_slice(text, start, end):
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def test_emoji_and_combining_marks_around_mentions_with_utf16_offsets(client):
    texts = {
        "a": "👩‍👩‍👧 Cafe\u0301 owners said 🎉 turnout was 77.5 per cent 🗳️ on Sunday.",
        "b": "Cafe\u0301 owners 🙌🏽 said turnout was 77.6 per cent on Sunday 👍.",
    }
    report = compare_texts(client, texts, offsets="utf16")
    for summary in report["articles"]:
        assert summary["characters"] == len(texts[summary["id"]].encode("utf-16-le")) // 2
    assert report["alignment"] and report["findings"]
    for cluster in report["alignment"]:
        for m in cluster["members"]:
            assert utf16_slice(texts[m["article_id"]], m["start"], m["end"]) == m["text"]
    for finding in report["findings"]:
        for m in finding["mentions"]:
            assert utf16_slice(texts[m["article_id"]], m["start"], m["end"]) == m["text"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/v1/nothing", 404),
        ("GET", "/v2/compare", 404),
        ("GET", "/v1/compare/../../etc/passwd", 404),
        ("GET", "/static/../../pyproject.toml", 404),
        ("GET", "/%00", 404),
        ("GET", "/" + "a" * 10_000, 404),
        ("POST", "/", 405),
        ("PUT", "/v1/compare", 405),
        ("DELETE", "/v1/compare", 405),
        ("PATCH", "/v1/extract", 405),
        ("GET", "/v1/compare", 405),
        ("POST", "/v1/health", 405),
        ("TRACE", "/v1/health", 405),
        ("BREW", "/v1/compare", 405),
    ],
)
def test_unknown_paths_and_methods_are_problems_never_html(client, method, path, status):
    response = timed(lambda: client.open(path, method=method))
    assert_problem(response, status)
    if status == 405:
        assert response.headers["Allow"]


def test_engine_work_bounds_are_reported_as_notices(app):
    app.config.update(MAX_PAIRS=1)
    texts = {
        "a": "The council approved the budget on Monday. It costs 5 million euros.",
        "b": "On Monday the council approved the budget. It will cost 5 million euros.",
        "c": "The budget was approved by the council. The cost is 6 million euros.",
    }
    report = compare_texts(app.test_client(), texts)
    assert report["notices"], "the pair bound was hit, and the response says so"
    assert all("limit" in n for n in report["notices"])


def test_sentences_per_article_are_bounded(app):
    app.config.update(MAX_SENTENCES=2)
    text = " ".join(f"Sentence number {i} is here." for i in range(50))
    response = app.test_client().post("/v1/extract", json={"article": {"text": text}})
    assert response.status_code == 200
    assert len(response.get_json()["sentences"]) == 2
