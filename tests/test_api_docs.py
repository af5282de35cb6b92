"""The service routes: health, the OpenAPI document, Swagger UI and the start page."""

import re

import yaml

import engine


def test_health(client):
    r = client.get("/v1/health")
    assert r.status_code == 200
    data = r.get_json()
    assert data["status"] == "ok"
    assert data["checks"] == list(engine.CHECK_NAMES)
    assert data["limits"] == {
        "max_articles": 20,
        "max_chars": 200_000,
        "max_total_chars": 1_000_000,
        "max_body_bytes": 4 * 1024 * 1024,
        "max_sentences": engine.Limits().max_sentences_per_article,
        "max_pairs": engine.Limits().max_pairs,
    }


def test_health_states_configured_limits():
    from api import create_app

    app = create_app({"TESTING": True, "MAX_ARTICLES": 4, "MAX_CONTENT_LENGTH": 1000})
    limits = app.test_client().get("/v1/health").get_json()["limits"]
    assert limits["max_articles"] == 4
    assert limits["max_body_bytes"] == 1000


# Files are streamed; closing each response closes its file.


def test_openapi_document_is_served(client):
    with client.get("/openapi.yaml") as r:
        assert r.status_code == 200
        assert r.mimetype == "application/yaml"
        assert yaml.safe_load(r.get_data())["openapi"].startswith("3.1")


def test_docs_page_uses_local_assets(client):
    r = client.get("/docs")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "/openapi.yaml" in html
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    for asset in assets:
        assert asset.startswith("/docs/"), f"{asset} is not served by this app"
        with client.get(asset) as r:
            assert r.status_code == 200, asset


def test_docs_with_trailing_slash_serves_the_same_page(client):
    assert client.get("/docs/").get_data() == client.get("/docs").get_data()


def test_start_page_links_to_docs(client):
    with client.get("/") as r:
        assert r.status_code == 200
        assert r.mimetype == "text/html"
        assert 'href="/docs"' in r.get_data(as_text=True)
