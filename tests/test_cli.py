"""The crosscheck command: exit codes, messages, and the same JSON as the API."""

import json

import pytest
from conftest import ROOT

from api import cli

SEEDS = [str(ROOT / "seeds" / "000_98a3c239c8c992e0.txt"), str(ROOT / "seeds" / "002_c1f03df39a2713ff.txt")]


@pytest.fixture
def articles(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The council approved the budget on Monday.\n", encoding="utf-8")
    b.write_text(
        "# url: https://example.org/budget\n\nOn Monday the council approved the budget.\n", encoding="utf-8"
    )
    return a, b


def test_compare_prints_a_summary(articles, capsys):
    code = cli.main(["compare", *map(str, articles)])
    out = capsys.readouterr().out
    assert code in (0, 1)
    assert "a.txt" in out and "b.txt" in out


def test_json_output_is_the_api_response(articles, capsys, client):
    code = cli.main(["compare", "--json", *map(str, articles)])
    printed = json.loads(capsys.readouterr().out)
    a, b = articles
    body = {
        "articles": [
            {"id": "a.txt", "text": a.read_text(encoding="utf-8")},
            {"id": "b.txt", "text": "On Monday the council approved the budget.\n"},
        ]
    }
    assert printed == client.post("/v1/compare", json=body).get_json()
    assert code == (1 if printed["findings"] else 0)


def test_url_header_is_not_part_of_the_text():
    article = cli.read_article(SEEDS[0])
    assert article.url is None
    assert article.name == "000_98a3c239c8c992e0.txt"


def test_url_header_is_recorded(articles):
    article = cli.read_article(str(articles[1]))
    assert article.url == "https://example.org/budget"
    assert article.text == "On Monday the council approved the budget.\n"
    assert article.skipped_lines == 2


def test_exit_code_follows_findings(capsys):
    code = cli.main(["compare", "--json", *SEEDS])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert code == (1 if findings else 0)


def test_no_checks_means_no_findings(capsys):
    assert cli.main(["compare", "--checks", "", *SEEDS]) == 0
    assert "No inconsistencies found" in capsys.readouterr().out


def test_readable_findings_name_file_line_and_column(capsys):
    data = {
        "summary": {"total": 1, "by_severity": {"high": 1, "medium": 0, "low": 0}, "checks": ["numbers"]},
        "findings": [
            {
                "severity": "high",
                "type": "numeric_mismatch",
                "confidence": 0.9,
                "message": "The turnout differs.",
                "mentions": [
                    {"article_id": "x.txt", "start": 8, "end": 10, "text": "5%"},
                    {"article_id": "y.txt", "start": 0, "end": 2, "text": "6%"},
                ],
            }
        ],
    }
    files = [cli.ArticleFile("x.txt", "Line\nUp: 5%", None, 0), cli.ArticleFile("y.txt", "6% up", "u", 2)]
    text = cli.format_report(data, files)
    assert "[high] numeric_mismatch" in text
    assert 'x.txt:2:4  "5%"' in text
    assert 'y.txt:3:1  "6%"' in text


def test_one_file_is_a_usage_error(capsys):
    assert cli.main(["compare", SEEDS[0]]) == 2
    assert "at least two files" in capsys.readouterr().err


def test_missing_file_is_an_input_error(tmp_path, capsys):
    assert cli.main(["compare", SEEDS[0], str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert "missing.txt" in err and "No such file" in err


def test_undecodable_file_is_an_input_error(tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 au lait".encode("latin-1"))
    assert cli.main(["compare", SEEDS[0], str(bad)]) == 2
    assert "latin1.txt is not UTF-8" in capsys.readouterr().err


def test_empty_file_is_an_input_error(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert cli.main(["compare", SEEDS[0], str(empty)]) == 2
    assert f"{empty}: text: Must not be empty" in capsys.readouterr().err


def test_unknown_check_is_an_input_error(capsys):
    assert cli.main(["compare", "--checks", "spelling", *SEEDS]) == 2
    assert "Unknown check 'spelling'" in capsys.readouterr().err


def test_no_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main([])
    assert exit_.value.code == 2
