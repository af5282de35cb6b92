import json
from pathlib import Path

import pytest

from api import create_app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _open_api(monkeypatch):
    """API keys exported in the shell running the tests would turn the API tests into 401s."""
    monkeypatch.delenv("CROSSCHECK_API_KEYS", raising=False)


@pytest.fixture
def app(_open_api):
    # pytest-flask's own autouse fixtures ask for the app before ours run: hence the argument.
    return create_app({"TESTING": True})


@pytest.fixture
def seed_request():
    """The /v1/compare body built from the two seed articles."""
    return json.loads((ROOT / "seeds" / "request.json").read_text(encoding="utf-8"))


def two_articles(**extra):
    """A small valid compare body, for tests about the request rather than the texts."""
    body = {
        "articles": [
            {"text": "The council approved the budget on Monday. It costs 5 million euros."},
            {"text": "On Monday the council approved the budget. It will cost 5 million euros."},
        ]
    }
    body.update(extra)
    return body
