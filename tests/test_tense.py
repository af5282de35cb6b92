"""The tense check: verb groups read from sentences written for the test, and the shifts found
between aligned sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import Article, compare, tense
from engine.text import analyse

ROOT = Path(__file__).resolve().parent.parent


def groups(text: str):
    return tense.extract(analyse(Article("a", text)))


def one(text: str):
    found = groups(text)
    assert len(found) == 1, [g.text for g in found]
    return found[0]


def summary(g) -> tuple:
    return (g.text, g.lemma, g.tense, g.aspect, g.voice, g.modality, g.polarity)


# --------------------------------------------------------------------------- verb groups


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The council approved the budget.",
            ("approved", "approve", "past", "simple", "active", None, "positive"),
        ),
        (
            "The council approves the budget.",
            ("approves", "approve", "present", "simple", "active", None, "positive"),
        ),
        (
            "They approve the budget every year.",
            ("approve", "approve", "present", "simple", "active", None, "positive"),
        ),
        (
            "The council will approve the budget.",
            ("will approve", "approve", "future", "simple", "active", "will", "positive"),
        ),
        (
            "The council has approved the budget.",
            ("has approved", "approve", "present", "perfect", "active", None, "positive"),
        ),
        (
            "The council had approved the budget.",
            ("had approved", "approve", "past", "perfect", "active", None, "positive"),
        ),
        (
            "The council is reviewing the budget.",
            ("is reviewing", "review", "present", "progressive", "active", None, "positive"),
        ),
        (
            "The council was reviewing the budget.",
            ("was reviewing", "review", "past", "progressive", "active", None, "positive"),
        ),
        (
            "The council has been reviewing the budget.",
            ("has been reviewing", "review", "present", "perfect progressive", "active", None, "positive"),
        ),
        (
            "The council will have approved the budget.",
            ("will have approved", "approve", "future", "perfect", "active", "will", "positive"),
        ),
        (
            "The bridge will be opened next week.",
            ("will be opened", "open", "future", "simple", "passive", "will", "positive"),
        ),
        (
            "The bridge was opened in May.",
            ("was opened", "open", "past", "simple", "passive", None, "positive"),
        ),
        (
            "The deadline has been extended.",
            ("has been extended", "extend", "present", "perfect", "passive", None, "positive"),
        ),
        (
            "The bridge is being repaired.",
            ("is being repaired", "repair", "present", "progressive", "passive", None, "positive"),
        ),
        (
            "The team would have won the final.",
            ("would have won", "win", "past", "perfect", "active", "would", "positive"),
        ),
        (
            "The team could win the final.",
            ("could win", "win", "past", "simple", "active", "could", "positive"),
        ),
        (
            "The minister is expected to announce the plan.",
            ("is expected to announce", "announce", "present", "simple", "active", "expected to", "positive"),
        ),
        (
            "The president plans to visit the region.",
            ("plans to visit", "visit", "present", "simple", "active", "plan to", "positive"),
        ),
        (
            "The firm is going to close the plant.",
            ("is going to close", "close", "future", "simple", "active", None, "positive"),
        ),
        (
            "The vote will be held on Sunday.",
            ("will be held", "hold", "future", "simple", "passive", "will", "positive"),
        ),
        (
            "The talks had to end early.",
            ("had to end", "end", "past", "simple", "active", "have to", "positive"),
        ),
        ("He was against the invasion.", ("was", "be", "past", "simple", "active", None, "positive")),
    ],
)
def test_tense_aspect_voice_and_modality(text, expected):
    assert summary(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "words", "polarity"),
    [
        ("He had never supported the plan.", "had never supported", "negative"),
        ("The mayor did not attend the meeting.", "did not attend", "negative"),
        ("She hasn't signed the deal.", "hasn't signed", "negative"),
        ("They won't attend the summit.", "won't attend", "negative"),
        ("The firm cannot pay its debts.", "cannot pay", "negative"),
        ("The plant is no longer operating.", "is no longer operating", "negative"),
        ("He has always supported the plan.", "has always supported", "positive"),
    ],
)
def test_negation_sets_polarity(text, words, polarity):
    g = one(text)
    assert (g.text, g.polarity) == (words, polarity)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The rule largely replaced the scheme.", "replaced"),
        ("The minister has also quietly approved the plan.", "has also quietly approved"),
        ("The bridge will soon be reopened.", "will soon be reopened"),
    ],
)
def test_adverbs_inside_a_group_belong_to_it(text, words):
    assert one(text).text == words


@pytest.mark.parametrize(
    ("text", "words", "tense_"),
    [
        ("Council approves budget", "approves", "present"),
        ("Firm ups forecast", "ups", "present"),
    ],
)
def test_headline_style_is_present_simple(text, words, tense_):
    g = one(text)
    assert (g.text, g.tense, g.aspect) == (words, tense_, "simple")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Did the council approve the budget?", ("approve", "past", "simple")),
        ("Has the minister resigned?", ("resign", "present", "perfect")),
        ("Will the bridge open on time?", ("open", "future", "simple")),
    ],
)
def test_questions_find_the_verb_after_the_subject(text, expected):
    g = one(text)
    assert (g.lemma, g.tense, g.aspect) == expected


def test_verbs_inside_quotes_are_groups_too():
    found = groups("\u201cWe will build the bridge,\u201d the mayor said.")
    assert [(g.text, g.tense) for g in found] == [("will build", "future"), ("said", "past")]


def test_inverted_reporting_verb_after_a_quote():
    found = groups("\u201cThe plan succeeds,\u201d said the minister.")
    assert [g.text for g in found] == ["succeeds", "said"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The said policy was dropped.", ["was dropped"]),
        ("His remains were found in the river.", ["were found"]),
        ("They asked for an extended deadline.", ["asked"]),
        ("It was the will of the people.", ["was"]),
        ("He opposed the sanctions placed on the country.", ["opposed"]),
        ("The result, announced on Monday, surprised everyone.", ["surprised"]),
        ("The result announced by the commission was final.", ["was"]),
        ("Officials wanted to finish the work quickly.", ["wanted to finish"]),
        ("Running the city is hard work.", ["is"]),
        ("The programme, which spanned five years, ended.", ["spanned", "ended"]),
    ],
)
def test_ambiguous_and_non_finite_forms_are_not_groups(text, words):
    assert [g.text for g in groups(text)] == words


def test_reported_clause_is_marked():
    found = groups("He explained that he had never supported the plan.")
    assert [(g.text, g.reported) for g in found] == [("explained", False), ("had never supported", True)]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdehilnorstuvw '\u2019.,\u201c\u201d?")), max_size=200))
def test_groups_slice_to_their_text(text):
    doc = analyse(Article("a", text))
    for g in tense.extract(doc):
        assert text[g.start : g.end] == g.text
        assert g.start <= g.head_start < g.head_end <= g.end


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "council",
                "has",
                "had",
                "never",
                "will",
                "be",
                "approved",
                "approves",
                "said",
                "that",
                "it",
                "was",
                "not",
                "plans",
                "to",
                "visit",
                "is",
                "expected",
                "going",
                "remains",
                "can't",
                "he's",
                "\u201c",
                "\u201d",
                ",",
                ".",
            ]
        ),
        max_size=40,
    )
)
def test_groups_slice_to_their_text_on_verb_soup(parts):
    text = " ".join(parts)
    doc = analyse(Article("a", text))
    for g in tense.extract(doc):
        assert text[g.start : g.end] == g.text
        assert g.tense in tense.TENSES and g.aspect in tense.ASPECTS
        assert g.voice in tense.VOICES and g.polarity in tense.POLARITIES



def test_a_sentence_copied_by_another_article_is_parsed_once_and_placed_in_each_copy():
    copied = "The minister said the plan had never worked and will be scrapped."
    first = analyse(Article("a", f"Rain fell. {copied}"))
    second = analyse(Article("b", f"On Monday, as storms hit, officials met. Then more came. {copied}"))
    shared: dict = {}
    a = tense.extract(first, shared=shared)
    b = tense.extract(second, shared=shared)
    assert len(shared) == 4  # one entry per distinct sentence
    assert b == tense.extract(second) and a == tense.extract(first)
    moved = [g for g in b if g.sentence == 2]
    assert [g.text for g in moved] == ["said", "had never worked", "will be scrapped"]
    assert all(second.text[g.start : g.end] == g.text for g in moved)
    assert moved[0].start != next(g for g in a if g.lemma == "say").start


# --------------------------------------------------------------------------- comparer


def shifts(*texts: str, type_: str = "tense_shift"):
    articles = [Article(f"a{k + 1}", t) for k, t in enumerate(texts)]
    report = compare(articles, checks=["tense"])
    return [f for f in report.findings if f.type == type_]


def words_of(finding) -> list[str]:
    return [m.text for m in finding.mentions]


@pytest.mark.parametrize(
    ("a", "b", "words", "severity", "shift"),
    [
        (
            "The mayor will open the new bridge over the river on Monday.",
            "The mayor opened the new bridge over the river on Monday.",
            ["will open", "opened"],
            "high",
            "done",
        ),
        (
            "The minister is expected to announce the new budget plan in Paris.",
            "The minister announced the new budget plan in Paris.",
            ["is expected to announce", "announced"],
            "high",
            "done",
        ),
        (
            "The board said the new rule largely extended the earlier scheme.",
            "The board said the new rule largely extends the earlier scheme.",
            ["extended", "extends"],
            "medium",
            "time",
        ),
        (
            "The mayor will open the new bridge over the river next week.",
            "The mayor opens the new bridge over the river next week.",
            ["will open", "opens"],
            "medium",
            "future",
        ),
        (
            "The two ministers have sent written apologies to the families of the victims.",
            "The two ministers sent written apologies to the families of the victims.",
            ["have sent", "sent"],
            "low",
            "aspect",
        ),
        (
            "The senator explained that he had always supported the trade agreement.",
            "The senator explained that he has always supported the trade agreement.",
            ["had always supported", "has always supported"],
            "low",
            "backshift",
        ),
    ],
)
def test_shift_severity_follows_meaning(a, b, words, severity, shift):
    found = shifts(a, b)
    assert len(found) == 1
    f = found[0]
    assert (words_of(f), f.severity, f.details["shift"]) == (words, severity, shift)


def test_details_hold_each_version_and_a_plain_explanation():
    (f,) = shifts(
        "The regional council approved the new budget for the city on Monday.",
        "The regional council approves the new budget for the city on Monday.",
    )
    versions = f.details["versions"]
    assert versions["a1"]["tense"] == "past" and versions["a2"]["tense"] == "present"
    assert versions["a1"]["words"] == "approved" and versions["a2"]["lemma"] == "approve"
    assert f.details["explanation"].startswith("past simple in a1, present simple in a2")
    assert "a1" in f.message and "a2" in f.message


def test_a_swapped_verb_in_the_same_place_is_the_same_event():
    (f,) = shifts(
        "Former manager John Smith has been fined 5,000 dollars for the safety breach at the plant.",
        "Former manager John Smith paid 5,000 dollars for the safety breach at the plant.",
    )
    assert words_of(f) == ["has been fined", "paid"]
    assert f.details["lemma"] is None


def test_negation_flip_is_its_own_finding():
    a = "The senator said he has supported the trade agreement with the neighbours."
    b = "The senator said he has never supported the trade agreement with the neighbours."
    (flip,) = shifts(a, b, type_="negation_flip")
    assert flip.severity == "high"
    assert words_of(flip) == ["has supported", "has never supported"]
    assert flip.details["negative"] == "a2"
    assert shifts(a, b) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The council approved the new budget for the city after a long debate on Monday.",
            "The council approved the new budget for the town after a long debate on Monday.",
        ),
        (
            "The bill was published in June, when the council held a special session on housing.",
            "The bill was published in June, when the council held a special session on housing.",
        ),
        (
            "The team could win the national title this season, the coach told reporters.",
            "The team won the national title this season, the coach told reporters.",
        ),
        (
            "Officials plan to reopen the damaged bridge over the river in the spring.",
            "Officials will reopen the damaged bridge over the river in the spring.",
        ),
    ],
)
def test_no_finding_when_tense_agrees_or_only_modality_changes(a, b):
    report = compare([Article("a1", a), Article("a2", b)], checks=["tense"])
    assert report.findings == ()


def test_sentences_that_are_not_aligned_are_not_compared():
    a = "The council approved the budget on Monday. Heavy rain flooded the valley."
    b = "Voters approve of the mayor in the latest poll. Heavy rain flooded the valley."
    assert shifts(a, b) == []


def test_three_articles_one_finding_per_differing_pair():
    a = "The club said in a statement that its founder passed away peacefully at home on Sunday."
    b = "The club said in a statement that its founder has passed away peacefully at home on Sunday."
    c = "The club said in a statement that its founder passed away peacefully at home on Sunday."
    found = shifts(a, b, c)
    pairs = sorted(tuple(m.article_id for m in f.mentions) for f in found)
    assert pairs == [("a1", "a2"), ("a2", "a3")]
    for f in found:
        assert set(f.details["versions"]) == {"a1", "a2", "a3"}


def test_findings_do_not_depend_on_article_order():
    a = "The mayor will open the new bridge over the river on Monday morning."
    b = "The mayor opened the new bridge over the river on Monday morning."
    forward = {(f.type, f.severity, frozenset(words_of(f))) for f in shifts(a, b)}
    backward = {(f.type, f.severity, frozenset(words_of(f))) for f in shifts(b, a)}
    assert forward == backward and forward


# --------------------------------------------------------------------------- seed pair


def read_seed(name: str) -> str:
    return (ROOT / "seeds" / name).read_text(encoding="utf-8")


def test_seed_pair_end_to_end():
    a = Article("a1", read_seed("000_98a3c239c8c992e0.txt"))
    b = Article("a2", read_seed("002_c1f03df39a2713ff.txt"))
    report = compare([a, b], checks=["tense"])
    found = {
        (f.mentions[0].text, f.mentions[1].text): f.severity
        for f in report.findings
        if f.type == "tense_shift"
    }
    assert found == {
        ("extended", "extends"): "medium",
        ("had never supported", "has never supported"): "low",
        ("have issued", "issued"): "low",
    }
    assert not [f for f in report.findings if f.type == "negation_flip"]
    flagged = {m.text for f in report.findings for m in f.mentions}
    assert not flagged & {"was publicised", "claimed", "will maintain"}


def test_direct_quote_against_reported_speech_is_a_low_backshift():
    (f,) = shifts(
        "\u201cWe support the new trade agreement,\u201d the opposition leader said on Monday.",
        "The opposition leader said on Monday that they supported the new trade agreement.",
    )
    assert (words_of(f), f.severity, f.details["shift"]) == (["support", "supported"], "low", "backshift")


def test_not_only_is_no_negation():
    a = "The professor was not only a great scientist but a loving father, his family said."
    b = "The professor was a great scientist and a loving father, his family said."
    assert shifts(a, b, type_="negation_flip") == []


def test_collective_plural_subject_takes_a_present_verb():
    assert [(g.text, g.tense) for g in groups("Police say the suspect fled.")] == [
        ("say", "present"),
        ("fled", "past"),
    ]


def test_past_perfect_against_past_simple_in_reported_speech_is_no_shift():
    a = "Police said the suspect had fled the scene before officers arrived at the house."
    b = "Police said the suspect fled the scene before officers arrived at the house."
    assert shifts(a, b) == []


def test_verb_groups_are_served_by_extract(client):
    response = client.post("/v1/extract", json={"article": {"text": "The council has approved the budget."}})
    assert response.status_code == 200
    (group,) = response.get_json()["verb_groups"]
    assert group["text"] == "has approved"
    assert (group["tense"], group["aspect"], group["lemma"]) == ("present", "perfect", "approve")


def test_will_against_reported_would_is_a_low_backshift():
    (f,) = shifts(
        "The mayor will build a new bridge over the river next year, officials said on Monday.",
        "Officials said on Monday that the mayor would build a new bridge over the river next year.",
    )
    assert (words_of(f), f.severity, f.details["shift"]) == (
        ["will build", "would build"],
        "low",
        "backshift",
    )


def test_would_outside_reported_speech_is_a_modality_not_a_tense():
    a = "The mayor would build a new bridge over the river next year if funds allow."
    b = "The mayor will build a new bridge over the river next year if funds allow."
    assert shifts(a, b) == []


@pytest.mark.parametrize("include", [["verb_groups"], ["extractions"]])
def test_compare_serves_every_verb_group_when_asked(client, include):
    body = {
        "articles": [
            {"id": "a", "text": "The council approved the budget on Monday. She visited the farm in May."},
            {"id": "b", "text": "On Monday the council approves the budget."},
        ],
        "options": {"include": include},
    }
    response = client.post("/v1/compare", json=body)
    assert response.status_code == 200
    (a,) = [e for e in response.get_json()["extractions"] if e["article_id"] == "a"]
    assert [g["lemma"] for g in a["verb_groups"]] == ["approve", "visit"]
