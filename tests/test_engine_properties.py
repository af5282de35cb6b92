"""Invariants of the whole engine on any text: no exception, valid offsets, determinism, and
findings that do not depend on the order the articles come in."""

import json
from dataclasses import asdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import Article, compare

# Text that looks like news often enough to produce findings: numbers, quotes, tenses.
_NEWSY = st.lists(
    st.sampled_from(
        [
            "The council approved the budget of $3.2 million on Monday.",
            "The council approves a budget of $3.5 million.",
            "“We will win,” she said.",
            '"We shall win," she said.',
            "Turnout was 87.3 per cent.",
            "Turnout was 87.23%.",
            "He had never supported it.",
            "He has never supported it.",
            "Three people died.",
            "At least 75 people were killed.",
            "\n\n",
            " ",
            "’",
            "“",
            "🇰🇭",
            "e\u0301",
            "\r\n",
        ]
    ),
    max_size=12,
).map("".join)

_ANY_TEXT = st.one_of(st.text(max_size=300), _NEWSY)


def _as_json(report) -> str:
    return json.dumps([asdict(f) for f in report.findings], sort_keys=True, default=str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ANY_TEXT, min_size=2, max_size=3))
def test_any_text_gives_valid_mentions(texts):
    articles = [Article(f"a{i}", t) for i, t in enumerate(texts)]
    report = compare(articles)
    by_id = {a.id: a.text for a in articles}
    for finding in report.findings:
        assert 0.0 <= finding.confidence <= 1.0
        assert finding.severity in {"high", "medium", "low"}
        for m in finding.mentions:
            text = by_id[m.article_id]
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start : m.end] == m.text
            assert m.sentence.start <= m.start and m.end <= m.sentence.end <= len(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_NEWSY, min_size=2, max_size=3))
def test_output_is_deterministic(texts):
    articles = [Article(f"a{i}", t) for i, t in enumerate(texts)]
    assert _as_json(compare(articles)) == _as_json(compare(articles))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_NEWSY, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_article_order(texts, rng):
    articles = [Article(f"a{i}", t) for i, t in enumerate(texts)]
    shuffled = list(articles)
    rng.shuffle(shuffled)

    def key(report):
        return sorted(
            (f.type, f.severity, tuple(sorted((m.article_id, m.start, m.end) for m in f.mentions)))
            for f in report.findings
        )

    assert key(compare(articles)) == key(compare(shuffled))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_NEWSY, min_size=2, max_size=3))
def test_optional_sections_left_out_change_no_finding(texts):
    articles = [Article(f"a{i}", t) for i, t in enumerate(texts)]
    everything = compare(articles)
    lean = compare(articles, include=(), items=())
    assert _as_json(lean) == _as_json(everything)
    assert lean.equivalences == () and lean.clusters == {}


def test_optional_sections_are_built_when_asked_for():
    articles = [
        Article("a", "“We will win the 2023-28 plan,” she said. The plan runs 2023-28."),
        Article("b", "“We will win the 2023-28 plan,” she said. The plan runs 2023-2028."),
    ]
    assert compare(articles, include=()).equivalences == ()
    assert compare(articles, include=("equivalences",)).equivalences
    assert "quotes" not in compare(articles, include=("equivalences",)).clusters
    assert compare(articles, include=("quotes",)).clusters["quotes"]


def test_verb_groups_of_unaligned_sentences_are_read_only_when_asked_for():
    articles = [
        Article("a", "The council approved the budget on Monday. She visited the farm in May."),
        Article("b", "On Monday the council approves the budget."),
    ]

    def lemmas(report):
        return {g.lemma for g in report.extractions["tense"]["a"]}

    assert lemmas(compare(articles)) == {"approve", "visit"}
    assert lemmas(compare(articles, items=("tense",))) == {"approve", "visit"}
    # the comparer reads aligned sentences only, so the rest is not parsed when nobody reads it
    assert lemmas(compare(articles, items=())) == {"approve"}


def test_sentences_the_same_word_for_word_everywhere_are_not_parsed_for_verbs_unless_asked():
    same = "The mayor opened the new bridge over the river on Friday."
    articles = [
        Article("a", f"{same} The council approved the budget on Monday."),
        Article("b", f"{same} On Monday the council approves the budget."),
    ]
    lean = compare(articles, items=())
    assert {g.lemma for g in lean.extractions["tense"]["a"]} == {"approve"}
    assert {g.lemma for g in compare(articles).extractions["tense"]["a"]} == {"open", "approve"}
    assert [f.type for f in lean.findings] == [f.type for f in compare(articles).findings] == ["tense_shift"]
