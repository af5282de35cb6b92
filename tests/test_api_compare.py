"""POST /v1/compare: the request rules and the response shape."""

import pytest
from conftest import two_articles

import engine


def post(client, body):
    return client.post("/v1/compare", json=body)


def errors_of(response):
    assert response.status_code == 422, response.get_data(as_text=True)
    return {e["field"]: e["messages"] for e in response.get_json()["errors"]}


def test_compare_returns_report(client):
    r = post(client, two_articles())
    assert r.status_code == 200
    assert r.mimetype == "application/json"
    data = r.get_json()
    assert list(data) == ["summary", "articles", "findings"]
    assert set(data["summary"]["by_type"]) == {
        "numeric_mismatch",
        "tense_shift",
        "negation_flip",
        "quote_mismatch",
    }
    assert list(data["summary"]["by_severity"]) == ["high", "medium", "low"]
    assert data["summary"]["total"] == len(data["findings"])
    assert data["summary"]["checks"] == list(engine.CHECK_NAMES)


def test_ids_are_assigned_in_order_when_absent(client):
    data = post(client, two_articles()).get_json()
    assert [a["id"] for a in data["articles"]] == ["a1", "a2"]


def test_ids_are_echoed_unchanged(client):
    body = two_articles()
    body["articles"][0]["id"] = "politics/2024 budget.txt"
    body["articles"][1]["id"] = "ÉDITION du soir"
    data = post(client, body).get_json()
    assert [a["id"] for a in data["articles"]] == ["politics/2024 budget.txt", "ÉDITION du soir"]


def test_article_summary(client):
    body = two_articles()
    body["articles"][0].update(title="Budget approved", source="The Daily")
    data = post(client, body).get_json()
    first, second = data["articles"]
    in_first = [f for f in data["findings"] if any(m["article_id"] == "a1" for m in f["mentions"])]
    assert first == {
        "id": "a1",
        "characters": len(body["articles"][0]["text"]),
        "sentences": 2,
        "findings": len(in_first),
        "title": "Budget approved",
        "source": "The Daily",
    }
    assert "title" not in second and "source" not in second


def test_duplicate_ids_are_refused(client):
    body = two_articles()
    body["articles"][0]["id"] = body["articles"][1]["id"] = "same"
    errors = errors_of(post(client, body))
    assert "Duplicate id 'same'" in errors["articles.1.id"][0]


def test_given_id_colliding_with_an_assigned_one_is_refused(client):
    body = two_articles()
    body["articles"][0]["id"] = "a2"
    errors = errors_of(post(client, body))
    assert "assigned from its position" in errors["articles.1.id"][0]


@pytest.mark.parametrize(
    ("article", "field"),
    [
        ({"id": "", "text": "x"}, "id"),
        ({"id": "x" * 129, "text": "x"}, "id"),
        ({"id": 7, "text": "x"}, "id"),
        ({"text": ""}, "text"),
        ({"text": None}, "text"),
        ({}, "text"),
        ({"text": "x", "published_at": "last Tuesday"}, "published_at"),
        ({"text": "x", "author": "someone"}, "author"),
    ],
)
def test_invalid_article_fields_are_named(client, article, field):
    body = two_articles()
    body["articles"][1] = article
    assert f"articles.1.{field}" in errors_of(post(client, body))


@pytest.mark.parametrize(
    "published_at", ["2024-03-20", "2024-03-20T09:30:00Z", "2024-03-20T09:30:00+07:00", None]
)
def test_published_at_accepts_iso_dates(client, published_at):
    body = two_articles()
    body["articles"][0]["published_at"] = published_at
    assert post(client, body).status_code == 200


def test_one_article_is_not_enough(client):
    body = two_articles()
    del body["articles"][1]
    assert "at least 2" in errors_of(post(client, body))["articles"][0]


def test_missing_articles(client):
    assert "articles" in errors_of(post(client, {}))


def test_unknown_check_lists_the_known_ones(client):
    errors = errors_of(post(client, two_articles(checks=["spelling"])))
    message = errors["checks.0"][0]
    assert "'spelling'" in message
    for name in engine.CHECK_NAMES:
        assert name in message


def test_empty_checks_runs_no_check(client):
    data = post(client, two_articles(checks=[])).get_json()
    assert data["summary"]["checks"] == []
    assert data["findings"] == []


def test_unknown_include_is_refused(client):
    errors = errors_of(post(client, two_articles(options={"include": ["everything"]})))
    assert "options.include.0" in errors


def test_unknown_offset_unit_is_refused(client):
    assert "options.offsets" in errors_of(post(client, two_articles(options={"offsets": "bytes"})))


def test_unknown_option_is_refused(client):
    assert "options.verbose" in errors_of(post(client, two_articles(options={"verbose": True})))


def test_optional_sections_are_absent_unless_asked_for(client):
    data = post(client, two_articles()).get_json()
    assert not {"alignment", "equivalences", "extractions"} & set(data)


def test_alignment_on_request(client):
    body = two_articles(options={"include": ["alignment"]})
    data = post(client, body).get_json()
    assert data["alignment"], "the two articles tell the same two things"
    texts = {f"a{i + 1}": a["text"] for i, a in enumerate(body["articles"])}
    for cluster in data["alignment"]:
        assert 0 <= cluster["score"] <= 1
        assert len({m["article_id"] for m in cluster["members"]}) >= 2
        for m in cluster["members"]:
            assert texts[m["article_id"]][m["start"] : m["end"]] == m["text"]


def test_extractions_and_equivalences_on_request(client):
    data = post(client, two_articles(options={"include": ["extractions", "equivalences"]})).get_json()
    assert [e["article_id"] for e in data["extractions"]] == ["a1", "a2"]
    assert isinstance(data["equivalences"], list)


def test_one_checks_items_on_request(client):
    data = post(client, two_articles(options={"include": ["numbers"]})).get_json()
    assert [e["article_id"] for e in data["extractions"]] == ["a1", "a2"]


@pytest.mark.parametrize(
    ("config", "body_change", "field", "words"),
    [
        (
            {"MAX_ARTICLES": 2},
            lambda b: b["articles"].append({"text": "A third one."}),
            "articles",
            "limit is 2",
        ),
        ({"MAX_CHARS": 60}, lambda b: None, "articles.0.text", "limit is 60"),
        ({"MAX_TOTAL_CHARS": 100}, lambda b: None, "articles", "limit is 100"),
    ],
)
def test_limits_from_config(app, config, body_change, field, words):
    app.config.update(config)
    body = two_articles()
    body_change(body)
    errors = errors_of(app.test_client().post("/v1/compare", json=body))
    assert words in " ".join(errors[field])


def test_seed_request_shape(client, seed_request):
    body = dict(seed_request, options={"include": ["alignment"]})
    data = post(client, body).get_json()
    ids = [a["id"] for a in seed_request["articles"]]
    assert [a["id"] for a in data["articles"]] == ids
    assert all(a["sentences"] > 5 for a in data["articles"])
    texts = {a["id"]: a["text"] for a in seed_request["articles"]}
    assert data["alignment"]
    for cluster in data["alignment"]:
        for m in cluster["members"]:
            assert texts[m["article_id"]][m["start"] : m["end"]] == m["text"]
    for finding in data["findings"]:
        for m in finding["mentions"]:
            assert texts[m["article_id"]][m["start"] : m["end"]] == m["text"]


def test_same_request_same_bytes(client, seed_request):
    first = post(client, seed_request).get_data()
    assert post(client, seed_request).get_data() == first
