"""The editor's page is served with its assets, and its example request is a valid compare body."""

import pytest
from conftest import ROOT

from schemas import RequestLimits, load_compare


@pytest.fixture
def client(app):
    return app.test_client()


def test_index_is_the_editor_page(client):
    with client.get("/") as r:
        assert r.status_code == 200
        page = r.get_data(as_text=True)
    assert 'id="compare-form"' in page
    assert "/static/editor/editor.js" in page and "/static/editor/editor.css" in page


@pytest.mark.parametrize("asset", ["editor.js", "editor.css", "index.html"])
def test_editor_assets_are_served(client, asset):
    with client.get(f"/static/editor/{asset}") as r:
        assert r.status_code == 200
        assert r.get_data() == (ROOT / "api" / "static" / "editor" / asset).read_bytes()


def test_page_needs_nothing_from_elsewhere(client):
    """No CDN: every script and stylesheet the page loads comes from this instance."""
    with client.get("/") as r:
        page = r.get_data(as_text=True)
    assert "http://" not in page and "https://" not in page
    with client.get("/static/editor/editor.js") as r:
        script = r.get_data(as_text=True)
    for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write"):
        assert sink not in script, f"{sink}: article text must reach the page as text nodes only"


def test_example_is_the_seed_request(client, seed_request):
    with client.get("/example.json") as r:
        assert r.status_code == 200
        assert r.mimetype == "application/json"
        assert r.get_json() == seed_request
    assert len(load_compare(r.get_json(), limits=RequestLimits()).articles) == 2
