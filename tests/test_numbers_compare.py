"""The numbers comparer: what is a mismatch, what is the same value written differently, and
what is a different quantity altogether."""

import itertools
from pathlib import Path

import pytest

from engine.model import Article
from engine.pipeline import compare

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def numeric(*texts: str):
    articles = [Article(id=f"a{k + 1}", text=t) for k, t in enumerate(texts)]
    return compare(articles, checks=["numbers"])


def findings(*texts: str):
    return [f for f in numeric(*texts).findings if f.type == "numeric_mismatch"]


def test_a_different_percentage_in_the_same_sentence_is_a_high_mismatch():
    (f,) = findings(
        "The governor won 61.4 per cent of the votes cast in Sunday's election.",
        "The governor won 61.47 per cent of the votes cast in Sunday's election.",
    )
    assert f.severity == "high"
    assert f.details["kind"] == "percent"
    assert f.details["values"] == {"a1": 61.4, "a2": 61.47}
    assert f.details["rounding_compatible"] is False
    assert [m.text for m in f.mentions] == ["61.4 per cent", "61.47 per cent"]
    assert "a1" in f.message and "a2" in f.message


def test_a_rounding_compatible_difference_is_low():
    (f,) = findings(
        "The governor won 61.4 per cent of the votes cast in Sunday's election.",
        "The governor won 61.38 per cent of the votes cast in Sunday's election.",
    )
    assert f.severity == "low"
    assert f.details["rounding_compatible"] is True


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("61.4 per cent", "61.4%"),
        ("61.4 percent", "61.4 pc"),
    ],
)
def test_the_same_percentage_written_differently_is_an_equivalence(a, b):
    report = numeric(
        f"The governor won {a} of the votes cast in Sunday's election.",
        f"The governor won {b} of the votes cast in Sunday's election.",
    )
    assert [f for f in report.findings if f.type == "numeric_mismatch"] == []
    (eq,) = report.equivalences
    assert eq["value"] == 61.4
    assert [m["text"] for m in eq["mentions"]] == [a, b]
    assert {"article_id", "start", "end", "text"} <= set(eq["mentions"][0])
    assert eq["reason"]


def test_an_abbreviated_year_range_is_the_same_range():
    report = numeric(
        "The council said the 2024-29 plan extends the one that covered 2019-24.",
        "The council said the 2024-2029 plan extends the one that covered 2019-2024.",
    )
    assert [f for f in report.findings if f.type == "numeric_mismatch"] == []
    assert sorted(e["value"][0] for e in report.equivalences) == [2019, 2024]


def test_months_and_years_of_one_sentence_are_the_same_duration():
    report = numeric(
        "The former guard was sentenced to 150 months in prison on Friday for the assault.",
        "The former guard was sentenced to 12\u00bd years in prison on Friday for the assault.",
    )
    assert [f for f in report.findings if f.type == "numeric_mismatch"] == []
    (eq,) = report.equivalences
    assert eq["value"] == 12.5


def test_a_conversion_in_parentheses_is_not_compared_on_its_own():
    assert (
        findings(
            "The epicentre was 40 kilometers (25 miles) from the town, officials said.",
            "The epicentre was 40 kilometers (24.9 miles) from the town, officials said.",
        )
        == []
    )


def test_a_bound_that_holds_is_not_a_mismatch():
    assert (
        findings(
            "The storm killed 12 people and injured more than 300, officials said on Monday.",
            "Officials said the storm killed 12 people and that 342 were injured by Monday.",
        )
        == []
    )


def test_a_part_is_not_compared_with_its_whole():
    # 240 delegates = 200 voting members + 40 observers: three different quantities.
    assert (
        findings(
            "The congress gathered 240 delegates in the capital this week.",
            "The congress gathered 200 voting members and 40 observers in the capital this week.",
        )
        == []
    )


def test_different_quantities_in_one_sentence_are_not_compared():
    (f,) = findings(
        "The party won 52.1 per cent of the vote on a turnout of 68.0 per cent, officials said.",
        "The party won 52.4 per cent of the vote, officials said.",
    )
    assert [m.text for m in f.mentions] == ["52.1 per cent", "52.4 per cent"]


def test_a_death_toll_restated_in_another_sentence_is_compared():
    (f,) = findings(
        "A landslide buried a mountain village in the north on Tuesday.\n"
        "Rescue officials said the death toll from the landslide in the mountain village had reached 19.",
        "A landslide buried a mountain village in the north on Tuesday, killing 23 people.\n"
        "Rescuers were still searching for survivors.",
    )
    assert f.details["category"] == "dead"
    assert f.details["values"] == {"a1": 19, "a2": 23}


def test_a_death_toll_is_not_compared_with_an_injury_count():
    assert (
        findings(
            "The bus crash on the coastal road killed 9 people, police said.",
            "The bus crash on the coastal road injured 9 people and 14 were hurt, police said.",
        )
        == []
    )


def test_different_dates_are_a_medium_mismatch():
    (f,) = findings(
        "The treaty was signed on March 4, 2021 in the capital by both ministers.",
        "The treaty was signed on March 5, 2021 in the capital by both ministers.",
    )
    assert f.severity == "medium"
    assert f.details["values"] == {"a1": "2021-03-04", "a2": "2021-03-05"}


THREE = [
    "The ministry said 48 people died in the floods that hit the southern provinces this week.",
    "The ministry said 48 people died in the floods that hit the southern provinces this week.",
    "The ministry said 51 people died in the floods that hit the southern provinces this week.",
]


def test_three_articles_give_every_value_and_the_majority():
    found = findings(*THREE)
    assert found
    for f in found:
        assert f.details["values"] == {"a1": 48, "a2": 48, "a3": 51}
        assert f.details["majority"] == 48
        # A finding never sets two agreeing mentions against each other.
        values = [f.details["values"][m.article_id] for m in f.mentions]
        assert len(set(values)) == len(values)


def test_three_different_values_are_one_finding():
    (f,) = findings(
        THREE[0],
        THREE[2],
        THREE[0].replace("48", "45"),
    )
    assert len(f.mentions) == 3
    assert "majority" not in f.details


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_findings_do_not_depend_on_article_order(order):
    texts = [THREE[0], THREE[2], THREE[0].replace("48", "45")]
    articles = [Article(id=f"a{k}", text=texts[k]) for k in order]
    report = compare(articles, checks=["numbers"])
    baseline = compare([Article(id=f"a{k}", text=texts[k]) for k in range(3)], checks=["numbers"])
    assert {f.id for f in report.findings} == {f.id for f in baseline.findings}


def test_the_seed_pair_has_exactly_the_vote_share_mismatch():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    report = compare([Article(id="a1", text=texts[0]), Article(id="a2", text=texts[1])], checks=["numbers"])
    (f,) = report.findings
    assert f.type == "numeric_mismatch" and f.severity == "high"
    assert [m.text for m in f.mentions] == ["87.3 per cent", "87.23 per cent"]
    assert f.details["kind"] == "percent"
    assert f.details["values"] == {"a1": 87.3, "a2": 87.23}
    assert f.details["rounding_compatible"] is False
    written = sorted(tuple(m["text"] for m in e["mentions"]) for e in report.equivalences)
    assert written == [("2018-23", "2018-2023"), ("2023-28", "2023-2028")]


def test_mentions_slice_to_their_text():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    articles = [Article(id="a1", text=texts[0]), Article(id="a2", text=texts[1])]
    report = compare(articles, checks=["numbers"])
    by_id = {a.id: a.text for a in articles}
    for f in report.findings:
        for m in f.mentions:
            assert by_id[m.article_id][m.start : m.end] == m.text
    for e in report.equivalences:
        for m in e["mentions"]:
            assert by_id[m["article_id"]][m["start"] : m["end"]] == m["text"]


def test_dates_of_different_events_in_one_sentence_are_not_compared():
    # The count was announced on one day, the vote held on another: not the same date.
    articles = [
        Article(
            "a1",
            "The mayor won 61 per cent in the vote, the commission announced on May 6.",
            published_at="2024-05-08",
        ),
        Article("a2", "The mayor won 61 per cent in the vote, held on Sunday.", published_at="2024-05-08"),
    ]
    assert compare(articles, checks=["numbers"]).findings == ()


def test_a_weekday_is_compared_once_dated_by_publication():
    (f,) = findings_dated(
        "The ministers signed the border treaty in the capital on Sunday, officials said.",
        "The ministers signed the border treaty in the capital on May 3, officials said.",
    )
    assert f.severity == "medium"
    assert f.details["values"] == {"a1": "2024-05-05", "a2": "2024-05-03"}


def findings_dated(*texts: str):
    articles = [Article(id=f"a{k + 1}", text=t, published_at="2024-05-08") for k, t in enumerate(texts)]
    return compare(articles, checks=["numbers"]).findings


# --------------------------------------------------------------------------- pairing on real text


def test_two_different_polls_are_not_compared():
    # Two articles about two polls: every figure differs, nothing corroborates that they are one.
    assert (
        findings(
            "A new poll released on Friday shows Lee leading Park 44 percent to 39 percent.\n"
            "Among independents, Lee has 41 percent and Park 35 percent, the poll found.",
            "A new poll released on Monday shows Lee leading Park 47 percent to 42 percent.\n"
            "Among independents, Lee has 38 percent and Park 37 percent, the poll found.",
        )
        == []
    )


def test_the_same_poll_restated_with_a_different_figure_is_compared():
    # The articles agree on the sample, the margin of error and one share: one poll, one error.
    (f,) = findings(
        "The poll of 1,204 likely voters shows Lee leading Park 44 percent to 39 percent.\n"
        "The survey has a margin of error of 2.8 percentage points, the pollster said.",
        "The poll of 1,204 likely voters shows Lee leading Park 46 percent to 39 percent.\n"
        "The survey has a margin of error of 2.8 percentage points, the pollster said.",
    )
    assert [m.text for m in f.mentions] == ["44 percent", "46 percent"]


def test_times_of_live_blog_entries_are_not_compared():
    assert (
        findings(
            "9:20 a.m.\nThe candidate told supporters in Ohio that the race was tightening.",
            "3:10 p.m.\nThe candidate told supporters in Ohio that the race was tightening.",
        )
        == []
    )


def test_sentences_that_share_only_figures_are_not_compared():
    assert findings("Update, 8:50 a.m. local time.", "Update, 2:35 p.m. local time.") == []


def test_different_members_of_a_series_are_not_compared():
    assert (
        findings(
            "The senator gained ground after the first presidential debate, a new survey showed.",
            "The senator was praised for a strong showing at the second presidential debate, "
            "a new survey showed.",
        )
        == []
    )


def test_an_ordinal_of_the_same_thing_is_compared():
    (f,) = findings(
        "The veteran leader won a fifth consecutive term in office in Sunday's general election.",
        "The veteran leader won a sixth consecutive term in office in Sunday's general election.",
    )
    assert f.details["kind"] == "ordinal"


def test_ages_of_two_people_are_not_compared():
    assert (
        findings(
            "The inquiry followed messages sent to a 17-year-old boy in the state.\n"
            "The congressman resigned from the committee last year.",
            "The 58-year-old mayor said she was appalled by the messages sent to the boy.\n"
            "The governor declined to comment on the case.",
        )
        == []
    )


def test_counts_of_different_things_are_not_compared_across_sentences():
    assert (
        findings(
            "Early voting data show more than 412,000 Republicans have cast ballots in the state.\n"
            "The county clerks said lines were short.",
            "Officials said lines were short at the county offices on Monday.\n"
            "The candidate needs 300 electoral votes to win the state and the White House.",
        )
        == []
    )


def test_a_death_toll_in_unrelated_stories_is_not_compared():
    # Two reports on two storms: their sentences hardly align and no other figure agrees.
    assert (
        findings(
            "A storm hit the northern coast on Monday, cutting power to thousands of homes.\n"
            "Emergency crews cleared roads through the night.\n"
            "Schools stayed closed in three districts.\n"
            "The death toll from the storm rose to 12, the regional governor said.",
            "Heavy rain flooded the southern valley on Friday.\n"
            "Farmers said the harvest was lost.\n"
            "The storm killed 4 people, the regional governor said.",
        )
        == []
    )
