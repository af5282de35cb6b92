"""Hostile and degenerate texts: every one is answered quickly, without an exception, with valid
offsets. Time is CPU time of this process, so other work on the machine does not count."""

import time

import pytest

from engine import Article, compare

NORMAL = (
    "The council approved a budget of $3.2 million on Monday, with 87.3 per cent in favour.\n\n"
    "“We will build the bridge,” the mayor said. He had never supported the plan.\n"
)

HOSTILE = {
    "100k double quotes": '"' * 100_000,
    "100k curly quotes": "“" * 50_000 + "”" * 50_000,
    "100k single quotes": "'" * 100_000,
    "100k digits": "7" * 100_000,
    "digits with separators": "1," * 50_000 + "5",
    "decimal chain": "1." * 50_000,
    "100k dots": "." * 100_000,
    "10k nested quotes": "“‘" * 5_000 + "word" + "’”" * 5_000,
    "10k nested parentheses": "(" * 10_000 + "x" + ")" * 10_000,
    "50k-word sentence": "the council said that " * 12_500 + "it won.",
    "unbalanced quotes repeated": "“He said it was over. " * 4_000,
    "alternating marks": "“a” ‘b’ \"c\" 'd' " * 5_000,
    "percent signs": "% per cent " * 10_000,
    "hyphen ranges": "2023-28-" * 12_000,
    "money symbols": "$€£¥" * 25_000,
    "number words": "twenty-five hundred thousand " * 5_000,
    "reporting verbs": "said he said she told " * 8_000,
    "auxiliary chain": "will have been being had " * 8_000,
    "capitalised abbreviations": "U.S. Mr. Jan. No. A. " * 8_000,
    "emoji and combining marks": "👍🏽e\u0301 87.3 per cent 🇰🇭 " * 4_000,
    "mixed newlines": "Line one.\r\nLine two.\rLine three.\n\u2028" * 5_000,
    "no spaces": "a" * 100_000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_is_answered_quickly_with_valid_offsets(name):
    hostile = HOSTILE[name]
    articles = [
        Article("hostile", hostile),
        Article("normal", NORMAL),
        Article("copy", hostile[: len(hostile) // 2]),
    ]
    started = time.process_time()
    report = compare(articles)
    elapsed = time.process_time() - started
    assert elapsed < 1.0, f"{name}: {elapsed:.2f} s of CPU"
    texts = {a.id: a.text for a in articles}
    for finding in report.findings:
        for m in finding.mentions:
            assert texts[m.article_id][m.start : m.end] == m.text


def test_emoji_and_combining_marks_around_every_mention_keep_offsets():
    a = "👍🏽 Turnout was 87.3 per cent 🇰🇭. “We will win,” sai\u0301d Ana."
    b = "e\u0301 Turnout was 87.23 per cent 👍🏽. “We shall win,” said Ana."
    report = compare([Article("a", a), Article("b", b)])
    texts = {"a": a, "b": b}
    for finding in report.findings:
        for m in finding.mentions:
            assert texts[m.article_id][m.start : m.end] == m.text
