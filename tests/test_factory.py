import pytest

from api import create_app


def test_config():
    assert not create_app().testing
    assert create_app({"TESTING": True}).testing


def test_defaults(monkeypatch):
    for var in (
        "CROSSCHECK_MAX_ARTICLES",
        "CROSSCHECK_MAX_CHARS",
        "CROSSCHECK_MAX_TOTAL_CHARS",
        "CROSSCHECK_MAX_BODY_BYTES",
    ):
        monkeypatch.delenv(var, raising=False)
    config = create_app().config
    assert config["MAX_ARTICLES"] == 20
    assert config["MAX_CHARS"] == 200_000
    assert config["MAX_TOTAL_CHARS"] == 1_000_000
    assert config["MAX_CONTENT_LENGTH"] == 4 * 1024 * 1024


def test_config_from_environment(monkeypatch):
    monkeypatch.setenv("CROSSCHECK_MAX_ARTICLES", "5")
    monkeypatch.setenv("CROSSCHECK_MAX_CHARS", "1000")
    monkeypatch.setenv("CROSSCHECK_MAX_TOTAL_CHARS", "3000")
    monkeypatch.setenv("CROSSCHECK_MAX_BODY_BYTES", "65536")
    config = create_app().config
    assert (config["MAX_ARTICLES"], config["MAX_CHARS"], config["MAX_TOTAL_CHARS"]) == (5, 1000, 3000)
    assert config["MAX_CONTENT_LENGTH"] == 65536


def test_test_config_overrides_environment(monkeypatch):
    monkeypatch.setenv("CROSSCHECK_MAX_ARTICLES", "5")
    assert create_app({"MAX_ARTICLES": 3}).config["MAX_ARTICLES"] == 3


@pytest.mark.parametrize("value", ["many", "0", "-1", "2.5"])
def test_bad_environment_value_names_the_variable(monkeypatch, value):
    monkeypatch.setenv("CROSSCHECK_MAX_ARTICLES", value)
    with pytest.raises(ValueError, match="CROSSCHECK_MAX_ARTICLES"):
        create_app()


def test_empty_environment_value_keeps_default(monkeypatch):
    monkeypatch.setenv("CROSSCHECK_MAX_CHARS", "")
    assert create_app().config["MAX_CHARS"] == 200_000
