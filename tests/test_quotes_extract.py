"""The quote extractor: quotation marks, apostrophes, nesting, paragraphs, and speakers."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.model import Article
from engine.quotes import extract
from engine.text import analyse


def quotes_of(text):
    return extract(analyse(Article("a", text)))


def top(text):
    return [q for q in quotes_of(text) if q.depth == 0]


def quoted_words(q, text):
    return " ".join(text[p.start : p.end] for p in q.parts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” she said.", ["We will win,"]),
        ('"We will win," she said.', ["We will win,"]),
        ("He said: ‘We will win.’", ["We will win."]),
        ("She said: 'The plan is dead.'", ["The plan is dead."]),
        ("«Nous gagnerons», a-t-il dit.", ["Nous gagnerons"]),
    ],
)
def test_quotation_marks_of_each_kind(text, expected):
    assert [q.text for q in top(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The states’ conduct was praised by the ministers.",
        "They don’t know, and the boss’s view hasn’t changed.",
        "Music of the ’90s was louder than the '80s.",
        "Ann Lee’s letter and the parties' statements arrived.",
        "Rock ’n’ roll and the workers’ union met.",
        "The team 's robot and it 's late, they 're told.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text):
    assert quotes_of(text) == ()


def test_plural_possessive_inside_a_single_quoted_quote_does_not_end_it():
    text = "He said: ‘The states’ conduct is the foundation of trust.’"
    assert [q.text for q in top(text)] == ["The states’ conduct is the foundation of trust."]


def test_nested_quote_is_kept_inside_its_outer_quote():
    text = "“He once said, ‘It would not be much of a universe.’ We will miss him,” they said."
    found = quotes_of(text)
    assert [(q.depth, q.text) for q in found] == [
        (0, "He once said, ‘It would not be much of a universe.’ We will miss him,"),
        (1, "It would not be much of a universe."),
    ]


def test_same_mark_nested_in_single_quotes():
    text = "They said: ‘He once said, ‘It is home.’ We will miss him forever.’"
    found = quotes_of(text)
    assert [(q.depth, q.text) for q in found] == [
        (0, "He once said, ‘It is home.’ We will miss him forever."),
        (1, "It is home."),
    ]


def test_quote_over_several_paragraphs_is_one_quote_with_a_part_per_paragraph():
    text = (
        "The minister said: “We will build the bridge.\n\n"
        "“It will open next year.\n\n"
        "“Nobody will pay a toll,” she added.\n"
        "The council did not answer."
    )
    (q,) = top(text)
    assert [text[p.start : p.end] for p in q.parts] == [
        "We will build the bridge.",
        "It will open next year.",
        "Nobody will pay a toll,",
    ]
    assert text[q.start : q.end] == q.text
    assert q.speaker == "The minister" or q.speaker is not None


def test_quote_split_by_its_attribution_is_one_quote():
    text = "“We will,” Maria Lopez said, “win the vote.”"
    (q,) = top(text)
    assert quoted_words(q, text) == "We will, win the vote."
    assert q.speaker == "Maria Lopez"


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ("The plan was called “reckless” by critics.", True),
        ("He rejected what he called “fake news” on Monday.", True),
        ("“Yes.”", False),
        ("“We will never give up on this town,” she said.", False),
    ],
)
def test_scare_quotes_are_marked(text, scare):
    (q,) = top(text)
    assert q.scare is scare


@pytest.mark.parametrize(
    "text",
    [
        "He said “we will win and then stopped.\nThe next paragraph has no marks at all.",
        "A stray closing mark” does nothing.\nNor does “this one",
        "She said 'maybe.\nThen the article goes on for a long time without quotes.",
    ],
)
def test_unbalanced_marks_do_not_swallow_later_paragraphs(text):
    last_line = text.rsplit("\n", 1)[1]
    start = text.index(last_line)
    for q in quotes_of(text):
        assert q.end <= start or q.start >= start


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will win,” said Maria Lopez.", "Maria Lopez"),
        ("“We will win,” Maria Lopez said.", "Maria Lopez"),
        ("Maria Lopez told reporters: “We will win.”", "Maria Lopez"),
        ("“We will win,” according to Maria Lopez.", "Maria Lopez"),
        ("The mayor’s letter stated: “We will win.”", None),
        ("Maria Lopez’s letter stated: “We will win.”", "Maria Lopez"),
        ("“We will win,” stated Maria Lopez in her letter.", "Maria Lopez"),
        ("“We will win,” said the statement.", "the statement"),
        ("“We will win,” a spokesman for the party said.", "a spokesman for the party"),
        (
            "John Smith, the mayor of the town, said the plan was good. “We will win,” he added.",
            "John Smith",
        ),
        ("Maria Lopez wrote a letter. “We will win,” it added.", "Maria Lopez"),
        ("Judge Ann Reyes said the ruling was not based on “anger or pity.”", "Ann Reyes"),
        ("“We will win,” he said.", None),
        ("“Why was the money in the bank?” Mr. Tom Baker said.", "Tom Baker"),
        ("“We will win,” Senator Ann E. Reyes, a Democrat, said on Monday.", "Ann E. Reyes"),
        ("Ann Reyes, The Daily Planet: “We will win.”", "Ann Reyes"),
    ],
)
def test_speaker(text, speaker):
    q = top(text)[-1]
    if speaker is None:
        assert q.speaker is None or not q.speaker_is_name
    else:
        assert q.speaker is not None and q.speaker.endswith(speaker)


def test_pronoun_speaker_is_resolved_to_the_last_named_source():
    text = (
        "Maria Lopez spoke first. Tom Baker, the other candidate, said he was tired.\n"
        "“We will win anyway,” he added."
    )
    (q,) = top(text)
    assert q.speaker == "Tom Baker"
    assert text[q.speaker_start : q.speaker_end] == "he"


def test_continuation_paragraph_inherits_its_speaker():
    text = "“We will build the bridge,” Maria Lopez said.\n“It opens next year.”\n"
    first, second = top(text)
    assert second.speaker == first.speaker == "Maria Lopez"


def test_addressee_of_told_is_not_the_speaker():
    text = "Judge Ann Reyes told Tom Baker that it was “an abuse of trust.”"
    (q,) = top(text)
    assert q.speaker.endswith("Ann Reyes")


@pytest.mark.parametrize(
    "text",
    [
        '"' * 100_000,
        "“" * 50_000 + "”" * 50_000,
        "'" * 100_000,
        "‘" * 100_000,
        "“‘" * 5_000 + "word" + "’”" * 5_000,
        "“a” ‘b’ \"c\" 'd' " * 5_000,
        "“He said it was over. " * 4_000,
        "said he “said” she told " * 8_000,
        "’s " * 30_000,
        ("“x\n" * 20_000),
    ],
    ids=[
        "100k straight doubles",
        "curly opens then closes",
        "100k straight singles",
        "100k opening singles",
        "deep nesting",
        "alternating marks",
        "unbalanced repeated",
        "reporting verbs and quotes",
        "possessive endings",
        "20k unclosed paragraphs",
    ],
)
def test_hostile_marks_finish_quickly(text):
    doc = analyse(Article("h", text))
    started = time.process_time()
    found = extract(doc)
    assert time.process_time() - started < 0.5
    for q in found:
        assert text[q.start : q.end] == q.text


_ALPHABET = st.sampled_from(list("ab .,\n\"'“”‘’«»") + ["said ", "He ", "Ann "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_offsets_slice_to_the_quote_text(text):
    for q in quotes_of(text):
        assert text[q.start : q.end] == q.text
        assert q.start <= q.parts[0].start and q.parts[-1].end <= q.end
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)


def test_second_statement_after_adding_is_its_own_quote():
    text = "“We will win,” Ann Lee said, adding, “The town is with us.”"
    assert [q.text for q in top(text)] == ["We will win,", "The town is with us."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The bridge is late,” said Tom Baker.", ("Tom Baker", "explicit")),
        ("“The bridge is late,” a council clerk said.", ("a council clerk", "explicit")),
        ("Tom Baker voted no.\n\n“The bridge is late,” he said.", ("Tom Baker", "near")),
        ("Tom Baker voted no. “The bridge is late,” he said.", ("Tom Baker", "near")),
        (
            "Tom Baker voted no.\n\nThe hall was full.\n\nIt was noon.\n\n“The bridge is late,” he said.",
            ("Tom Baker", "far"),
        ),
        (
            "Tom Baker voted no.\n\n“The bridge is late,” he said.\n\n“It cost too much,” he added.",
            ("Tom Baker", "near"),
        ),
        ("“The bridge is late,” said Tom Baker.\n\n“It cost too much.”", ("Tom Baker", "inherited")),
        ("“The bridge is late.\n\n“It cost too much,” said Tom Baker.", ("Tom Baker", "near")),
        ("“The bridge is late.”", (None, None)),
    ],
    ids=["name", "described", "pronoun, paragraph before", "pronoun, same paragraph", "pronoun, far",
         "pronoun chain", "continuation", "named after a quote over paragraphs", "none"],
)  # fmt: skip
def test_speaker_grounding_says_how_the_speaker_was_found(text, expected):
    q = top(text)[-1]
    assert (q.speaker, q.grounding) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tom Baker boldly said the plan was “a waste of money”.", "Tom Baker"),
        ("Tom Baker shrugged, taking Ann Reyes's remark as praise -- “That suits me fine.”", None),
        ("“I will vote for him,” one said.", "one"),
    ],
    ids=["adverb before the verb", "reporting word as a noun", "one said"],
)
def test_speaker_around_the_reporting_verb(text, expected):
    assert top(text)[-1].speaker == expected
