"""CORS: an allow-list of origins from configuration; nobody else gets CORS headers."""

import pytest

from api import create_app
from api.cors import parse_origins

CMS = "https://cms.example.org"
PREFLIGHT = {
    "Origin": CMS,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "content-type",
}


@pytest.fixture
def client():
    return create_app({"TESTING": True, "CORS_ORIGINS": f"{CMS}, https://admin.example.org/"}).test_client()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ()),
        ("", ()),
        (" , ", ()),
        ("https://a.example", ("https://a.example",)),
        (
            "https://a.example/, https://b.example ,https://a.example",
            ("https://a.example", "https://b.example"),
        ),
        (["https://a.example", " "], ("https://a.example",)),
    ],
)
def test_parse_origins(raw, expected):
    assert parse_origins(raw) == expected


def test_allowed_origin_gets_its_origin_back(client):
    response = client.get("/v1/health", headers={"Origin": CMS})
    assert response.headers["Access-Control-Allow-Origin"] == CMS
    assert "Origin" in response.headers.get_all("Vary") or "Origin" in response.headers["Vary"]
    # A plugin can read the request id, to quote it when reporting a problem.
    assert "X-Request-ID" in response.headers["Access-Control-Expose-Headers"]


def test_configured_origin_with_trailing_slash_matches(client):
    response = client.get("/v1/health", headers={"Origin": "https://admin.example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "https://admin.example.org"


def test_disallowed_origin_gets_no_cors_headers(client):
    response = client.get("/v1/health", headers={"Origin": "https://evil.example"})
    assert response.status_code == 200
    assert not [h for h in response.headers.keys() if h.lower().startswith("access-control-")]


def test_preflight_from_allowed_origin_is_204_with_methods_and_headers(client):
    response = client.options("/v1/compare", headers=PREFLIGHT)
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == CMS
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    allowed = {h.strip().lower() for h in response.headers["Access-Control-Allow-Headers"].split(",")}
    assert {"content-type", "authorization", "x-api-key"} <= allowed
    assert response.data == b""


def test_preflight_from_disallowed_origin_gets_no_cors_headers(client):
    response = client.options("/v1/compare", headers={**PREFLIGHT, "Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "Access-Control-Allow-Methods" not in response.headers


def test_preflight_on_unknown_route_is_still_404(client):
    response = client.options("/v1/nothing-here", headers=PREFLIGHT)
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_errors_carry_cors_headers_so_a_plugin_can_read_them(client):
    response = client.post("/v1/compare", data="{", content_type="application/json", headers={"Origin": CMS})
    assert response.status_code == 400
    assert response.headers["Access-Control-Allow-Origin"] == CMS


def test_no_origins_configured_means_no_cors_headers():
    client = create_app({"TESTING": True, "CORS_ORIGINS": ""}).test_client()
    response = client.get("/v1/health", headers={"Origin": CMS})
    assert "Access-Control-Allow-Origin" not in response.headers
    preflight = client.options("/v1/compare", headers=PREFLIGHT)
    assert "Access-Control-Allow-Origin" not in preflight.headers


def test_origins_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("CROSSCHECK_CORS_ORIGINS", CMS)
    client = create_app({"TESTING": True}).test_client()
    assert client.get("/v1/health", headers={"Origin": CMS}).headers["Access-Control-Allow-Origin"] == CMS


def test_star_allows_any_origin():
    client = create_app({"TESTING": True, "CORS_ORIGINS": "*"}).test_client()
    response = client.get("/v1/health", headers={"Origin": "https://anyone.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "https://anyone.example"
