"""POST /v1/extract: one article's structure and extracted items."""

import pytest

TEXT = "The council met on Monday. It approved the budget.\n\nThe mayor said: “We are pleased.”"


def extract(client, body):
    return client.post("/v1/extract", json=body)


def test_extract_returns_paragraphs_and_sentences(client):
    r = extract(client, {"article": {"id": "note.txt", "text": TEXT}})
    assert r.status_code == 200
    data = r.get_json()
    assert data["id"] == "note.txt"
    assert data["characters"] == len(TEXT)
    assert len(data["paragraphs"]) == 2
    assert [s["index"] for s in data["sentences"]] == list(range(len(data["sentences"])))
    for s in data["sentences"]:
        assert TEXT[s["start"] : s["end"]] == s["text"]
        assert 0 <= s["paragraph"] < len(data["paragraphs"])


def test_extract_assigns_an_id(client):
    assert extract(client, {"article": {"text": TEXT}}).get_json()["id"] == "a1"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "article"),
        ({"article": None}, "article"),
        ({"article": {"text": ""}}, "article.text"),
        ({"article": {"text": "x"}, "checks": ["nope"]}, "checks.0"),
        ({"article": {"text": "x"}, "options": {"include": ["alignment"]}}, "options.include"),
        ({"articles": [{"text": "x"}]}, "articles"),
    ],
)
def test_extract_validation(client, body, field):
    r = extract(client, body)
    assert r.status_code == 422
    assert field in {e["field"] for e in r.get_json()["errors"]}


def test_extract_text_limit_from_config(app):
    app.config["MAX_CHARS"] = 10
    r = app.test_client().post("/v1/extract", json={"article": {"text": TEXT}})
    assert r.status_code == 422


def test_extract_reports_the_sentence_bound(app, client):
    app.config["MAX_SENTENCES"] = 2
    text = "One. Two. Three. Four."
    r = client.post("/v1/extract", json={"article": {"text": text}})
    assert r.status_code == 200
    body = r.get_json()
    assert len(body["sentences"]) == 2
    assert body["notices"] and "2 sentences" in body["notices"][0]


def test_compare_reports_the_sentence_bound(app, client):
    app.config["MAX_SENTENCES"] = 1
    r = client.post("/v1/compare", json={"articles": [{"text": "One. Two."}, {"text": "One."}]})
    assert r.status_code == 200
    assert any("a1" in n and "1 sentences" in n for n in r.get_json()["notices"])
