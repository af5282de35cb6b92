"""The quote comparer: classes, word diffs, speakers, and the seed pair end to end."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import Article, compare
from engine.quote_match import word_keys

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def quote_findings(*texts):
    articles = [Article(f"a{i + 1}", t) for i, t in enumerate(texts)]
    report = compare(articles, checks=["quotes"])
    return [f for f in report.findings if f.type == "quote_mismatch"], report


def classes(*texts):
    return [f.details["class"] for f in quote_findings(*texts)[0]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "“We will rebuild every school in the valley,” said Maria Lopez.",
            '"We will rebuild every school in the valley," said Maria Lopez.',
        ),
        (
            "“The plan doesn’t work and you’re paying for it,” Maria Lopez said.",
            "“The plan does not work and you are paying for it,” Maria Lopez said.",
        ),
        (
            "“Her humour and her labour changed the town,” Tom Baker said.",
            "“Her humor and her labor changed the town,” Tom Baker said.",
        ),
        (
            "Maria Lopez said: “We will rebuild every school in the valley. It will take years.”",
            "“We will rebuild every school in the valley,” Maria Lopez said.",
        ),
        (
            "Judge Ann Reyes said the ruling was not based on “anger” or “revenge”.",
            "Judge Ann Reyes said the ruling was not based on “anger or revenge”.",
        ),
    ],
    ids=["marks", "contractions", "uk-us spelling", "excerpt", "split scare quotes"],
)
def test_verbatim_and_excerpt_are_not_findings(a, b):
    assert classes(a, b) == []


def test_altered_words_inside_the_marks():
    a = "“We will rebuild every school in the valley before winter,” said Maria Lopez."
    b = "“We will rebuild every public school in the valley by winter,” said Maria Lopez."
    (f,) = quote_findings(a, b)[0]
    assert f.details["class"] == "altered"
    assert f.severity == "high"
    changed = [r for r in f.details["diff"] if r["op"] != "equal"]
    assert {"op": "insert", "a": [], "b": ["public"]} in changed
    assert {"op": "replace", "a": ["before"], "b": ["by"]} in changed
    assert 0 < f.details["similarity"] < 1


def test_reordered_words_are_altered():
    a = "“We respect the rules outlined in the UN and EU charters,” the document said."
    b = "“We respect the rules outlined in the charters of the UN and EU,” the document said."
    assert classes(a, b) == ["altered"]


def test_paraphrased_quote_in_aligned_sentences():
    a = (
        "The mayor defended the budget on Monday.\n"
        "“The new budget protects every library and every clinic in the city,” Maria Lopez said."
    )
    b = (
        "The mayor defended the budget on Monday.\n"
        "“Every library and clinic in our city is protected by this budget,” Maria Lopez said."
    )
    assert classes(a, b) == ["paraphrased"]


def test_quote_told_without_marks_is_unquoted():
    a = "“I want to give my sincere condolences to the Baker family,” Tom Reyes said."
    b = "Tom Reyes, speaking briefly, offered condolences to the Baker family."
    (f,) = quote_findings(a, b)[0]
    assert f.details["class"] == "unquoted"
    assert f.severity == "low"
    assert "condolences" in f.mentions[1].text


def test_same_words_different_named_speaker_is_attribution():
    a = "Tom Baker said the verdict was not based on “anger or revenge”."
    b = "Judge Ann Reyes said the verdict was not based on “anger or revenge”."
    (f,) = quote_findings(a, b)[0]
    assert f.details["class"] == "attribution"
    assert f.details["speakers"] == {"a1": "Tom Baker", "a2": "Judge Ann Reyes"}


def test_pronoun_is_resolved_before_speakers_are_compared():
    a = "Judge Ann Reyes spoke for an hour.\nShe added that the verdict was not based on “anger or revenge”."
    b = "Reyes said the verdict was not based on “anger or revenge”."
    assert classes(a, b) == []


@pytest.mark.parametrize(
    "b",
    [
        "“We will rebuild every school in the valley,” he said.",
        "“We will rebuild every school in the valley,” the minister said.",
        "“We will rebuild every school in the valley.”",
    ],
    ids=["unresolved pronoun", "described speaker", "no speaker"],
)
def test_unknown_speaker_is_never_a_different_speaker(b):
    a = "“We will rebuild every school in the valley,” said Maria Lopez."
    assert classes(a, b) == []


def test_three_articles_two_agreeing_are_never_reported_against_each_other():
    a = "“We are saddened that our beloved father died today,” the family said."
    b = "“We are saddened that our beloved father died today,” the family said."
    c = "“We are saddened that our father has died today,” the family said."
    findings, _ = quote_findings(a, b, c)
    pairs = sorted(tuple(sorted(m.article_id for m in f.mentions)) for f in findings)
    assert pairs == [("a1", "a3"), ("a2", "a3")]


def test_every_quote_cluster_is_reported_verbatim_ones_too():
    a = "“We will rebuild every school in the valley,” said Maria Lopez."
    b = "“We will rebuild every school in the valley,” Maria Lopez said."
    _, report = quote_findings(a, b)
    (cluster,) = report.clusters["quotes"]
    assert cluster["class"] == "verbatim"
    assert [q["article_id"] for q in cluster["quotes"]] == ["a1", "a2"]


def test_different_quotes_do_not_match():
    a = "“The bridge will open in May,” said Maria Lopez."
    b = "“Taxes will not rise this year,” said Maria Lopez."
    findings, report = quote_findings(a, b)
    assert findings == [] and report.clusters.get("quotes", ()) == ()


@pytest.mark.parametrize(
    ("word", "keys"),
    [
        ("you're", ("you", "are")),
        ("wasn't", ("was", "not")),
        ("won't", ("will", "not")),
        ("it's", ("it", "is")),
        ("humour", ("humor",)),
        ("organise", ("organize",)),
        ("centre", ("center",)),
        ("four", ("four",)),
        ("sen's", ("sen's",)),
    ],
)
def test_word_keys_fold_contractions_and_spelling(word, keys):
    assert word_keys(word) == keys


_WORDS = st.sampled_from(["we", "will", "win", "the", "vote", "said", "Ann", "Lee", "“", "”", ",", ".", "\n"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join), st.lists(_WORDS, max_size=40).map(" ".join))
def test_mentions_slice_to_their_text_and_order_does_not_matter(a, b):
    forward, _ = quote_findings(a, b)
    texts = {"a1": a, "a2": b}
    for f in forward:
        for m in f.mentions:
            assert texts[m.article_id][m.start : m.end] == m.text
    backward = compare([Article("a2", b), Article("a1", a)], checks=["quotes"]).findings
    assert sorted(f.id for f in forward) == sorted(f.id for f in backward)


def _seed(name):
    return (SEEDS / name).read_text(encoding="utf-8")


def test_seed_pair_end_to_end():
    a, b = _seed("000_98a3c239c8c992e0.txt"), _seed("002_c1f03df39a2713ff.txt")
    report = compare([Article("a", a), Article("b", b)], checks=["quotes"])
    (f,) = report.findings
    assert f.details["class"] in ("altered", "paraphrased")
    assert "UN and ASEAN charters" in f.mentions[0].text
    assert "charters of the UN and ASEAN" in f.mentions[1].text
    changed = [r for r in f.details["diff"] if r["op"] != "equal"]
    assert changed and any("charters" in r["a"] + r["b"] for r in changed)
    # the letter's quotes are confirmed verbatim, typographic apostrophe included
    verbatim = [c for c in report.clusters["quotes"] if c["class"] == "verbatim"]
    texts = " ".join(q["text"] for c in verbatim for q in c["quotes"] if q["article_id"] == "b")
    assert "our states' conduct" in texts
    assert "Cambodia highly values" in texts and "In my capacity" in texts


def test_seed_multi_paragraph_quote_has_its_speaker():
    a = _seed("000_98a3c239c8c992e0.txt")
    items = compare([Article("a", a), Article("b", a)], checks=["quotes"]).extractions["quotes"]["a"]
    chain = next(q for q in items if q.text.startswith("For almost seven decades"))
    assert len(chain.parts) == 2
    assert chain.speaker == "Hun Sen"
    assert "In my capacity" in a[chain.parts[1].start : chain.parts[1].end]


def test_long_quote_is_matched_against_each_shorter_quote_it_holds():
    a = (
        "“We will rebuild every school in the valley. The work starts in the spring and ends "
        "before the winter,” Maria Lopez said."
    )
    b = (
        "“We will rebuild every school in the valley,” Maria Lopez said.\n"
        "“The work starts in the summer and ends before the winter,” she added."
    )
    (f,) = quote_findings(a, b)[0]
    assert f.details["class"] == "altered"
    assert {"op": "replace", "a": ["spring"], "b": ["summer"]} in f.details["diff"]


@pytest.mark.parametrize("mark", ["...", "\u2026"])
def test_words_left_out_at_an_ellipsis_make_an_excerpt(mark):
    a = f"“We will fight {mark} and we will win,” said Ann Lee."
    b = "“We will fight in the hills and the towns and we will win,” said Ann Lee."
    findings, report = quote_findings(a, b)
    assert findings == []
    assert [c["class"] for c in report.clusters["quotes"]] == ["excerpt"]


# ----------------------------------------------------------------------------- attribution rules

STORY = [
    "Mayor Ann Reyes opened the new bridge on Monday.",
    "“This bridge ties the two halves of our town together,” she said.",
    "Council member Tom Baker voted against the budget for the bridge.",
    "“We paid twice what the engineers first asked for,” he said.",
    "The bridge cost 40 million dollars.",
]


def test_reordered_paragraphs_are_not_an_attribution_mismatch():
    # an editor moved the paragraphs: the pronouns now follow other names
    a = "\n\n".join(STORY)
    b = "\n\n".join([STORY[2], STORY[1], STORY[0], STORY[3], STORY[4]])
    assert "attribution" not in classes(a, b)


def test_quote_named_to_two_different_people_is_attribution():
    a = "“We paid twice what the engineers first asked for,” said Tom Baker."
    b = "“We paid twice what the engineers first asked for,” Ann Reyes said."
    (f,) = quote_findings(a, b)[0]
    assert f.details["class"] == "attribution"
    assert f.severity == "high"


def test_pronoun_in_the_next_paragraph_against_a_name_is_attribution():
    a = (
        "Tom Baker addressed the council after the vote.\n\n"
        "He said the budget was not based on “fear or favour of any kind”."
    )
    b = "Ann Reyes said the budget was not based on “fear or favour of any kind”."
    assert classes(a, b) == ["attribution"]


def test_pronoun_chain_over_paragraphs_keeps_its_speaker():
    a = (
        "Judge Tom Baker said a written ruling would follow.\n\n"
        "“The reasons will follow on paper,” he said.\n\n"
        "He added that the sentence was not driven by “anger or revenge of any kind”."
    )
    b = "Ann Reyes said the sentence was not driven by “anger or revenge of any kind”."
    assert classes(a, b) == ["attribution"]


def test_pronoun_resolved_from_far_away_is_not_attribution():
    a = (
        "Tom Baker addressed the council after the vote.\n\nThe hall was full.\n\n"
        "The doors opened at noon.\n\n"
        "He said the budget was not based on “fear or favour of any kind”."
    )
    b = "Ann Reyes said the budget was not based on “fear or favour of any kind”."
    assert classes(a, b) == []


def test_two_pronouns_resolved_to_different_neighbours_are_not_attribution():
    a = "Tom Baker spoke first.\n\n“We paid twice what the engineers first asked for,” he said."
    b = "Ann Reyes spoke first.\n\n“We paid twice what the engineers first asked for,” she said."
    assert classes(a, b) == []


def test_continuation_paragraph_is_not_attribution():
    a = "“The bridge is late,” said Tom Baker.\n\n“We paid twice what the engineers first asked for.”"
    b = "“The bridge is open,” said Ann Reyes.\n\n“We paid twice what the engineers first asked for.”"
    assert "attribution" not in classes(a, b)


def test_other_speaker_named_as_a_source_next_to_the_quote_is_not_attribution():
    a = (
        "Tom Baker said at the rally that Ann Reyes had praised the plan as “the best deal "
        "for the town in years”. Reyes says she still backs it."
    )
    b = "Ann Reyes said the plan was “the best deal for the town in years”."
    assert classes(a, b) == []


@pytest.mark.parametrize(
    ("x", "y"),
    [
        ("Reyes", "Judge Ann Reyes"),
        ("Mr. Baker", "Tom Baker"),
        ("Sen. Ann Reyes", "Ann Reyes"),
        ("Tom and Ann Reyes", "Ann Reyes"),
    ],
    ids=["surname", "title", "abbreviated title", "couple"],
)
def test_name_variants_are_one_speaker(x, y):
    a = f"“We paid twice what the engineers first asked for,” said {x}."
    b = f"“We paid twice what the engineers first asked for,” said {y}."
    assert classes(a, b) == []
    assert classes(b, a) == []


def test_described_speaker_against_a_name_is_not_attribution():
    a = "“We paid twice what the engineers first asked for,” the judge said."
    b = "“We paid twice what the engineers first asked for,” Judge Ann Reyes said."
    assert classes(a, b) == []


def test_short_line_inside_a_longer_statement_is_not_attribution():
    # speakers repeat each other's lines; one statement credited to two people is the finding
    a = "Ann Reyes says the plan shows the council is “simply unfit to run the town”."
    b = (
        "Tom Baker said, “The council has ignored every warning for years, wasted the reserve "
        "and broken its promises, and it is simply unfit to run the town.”"
    )
    assert classes(a, b) == []


def test_pronoun_that_could_stand_for_the_other_speaker_is_not_attribution():
    a = (
        "Ann Reyes said the vote was close, and her aide later met Tom Baker.\n\n"
        "He said the budget was not based on “fear or favour of any kind”."
    )
    b = "Tom Baker said the budget was not based on “fear or favour of any kind”."
    assert classes(a, b) == []
