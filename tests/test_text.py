"""The text layer: offsets into the original text, paragraphs, sentences and tokens."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import Article, analyse
from engine.text import paragraphs, tokens


def sentences_of(text: str) -> list[str]:
    return [s.text for s in analyse(Article("a", text)).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It rained. Then it stopped.", ["It rained.", "Then it stopped."]),
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("Prices rose 3.5 per cent. Wages fell.", ["Prices rose 3.5 per cent.", "Wages fell."]),
        ("The U.S. Senate voted on Jan. 5 to pass it.", ["The U.S. Senate voted on Jan. 5 to pass it."]),
        ("He moved to the U.S. The rest followed.", ["He moved to the U.S.", "The rest followed."]),
        ("Ballot No. 7 was void. The count went on.", ["Ballot No. 7 was void.", "The count went on."]),
        ("George W. Bush spoke. J. K. Rowling wrote.", ["George W. Bush spoke.", "J. K. Rowling wrote."]),
        ("It began at 7:45 a.m. (local time) on Monday.", ["It began at 7:45 a.m. (local time) on Monday."]),
        ("Acme Inc. said profits rose.", ["Acme Inc. said profits rose."]),
        ("Is it over? Nobody knows! We wait.", ["Is it over?", "Nobody knows!", "We wait."]),
    ],
)
def test_sentence_boundaries(text, expected):
    assert sentences_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The sentence ends inside the closing quote.
        ("“We will win.” She smiled.", ["“We will win.”", "She smiled."]),
        ("'It is done.' Then he left.", ["'It is done.'", "Then he left."]),
        # A question inside a quote followed by its attribution is one sentence.
        ("“Why now?” she asked.", ["“Why now?” she asked."]),
        ("“We won,” he said. “It was close.”", ["“We won,” he said.", "“It was close.”"]),
        # An attribution after a closed quotation stays in the quotation's sentence.
        ("“Why now?” Mr. Lee asked. Nobody knew.", ["“Why now?” Mr. Lee asked.", "Nobody knew."]),
        ("“Stop!” shouted the guard.", ["“Stop!” shouted the guard."]),
        (
            "“It is over.” Officials said the count was final.",
            ["“It is over.”", "Officials said the count was final."],
        ),
    ],
)
def test_sentences_respect_quotation_marks(text, expected):
    assert sentences_of(text) == expected


def test_quote_spanning_paragraphs_gives_one_sentence_list_per_paragraph():
    text = "“First part of the quote.\n\n“Second part, still quoting,” he said."
    doc = analyse(Article("a", text))
    assert [p.start for p in doc.paragraphs] == [0, text.index("“Second")]
    assert [s.paragraph for s in doc.sentences] == [0, 1]


@pytest.mark.parametrize(
    "text",
    [
        "One.\nTwo.",
        "One.\r\nTwo.",
        "One.\rTwo.",
        "One.\n\n\nTwo.",
        "  One.  \n \t\n  Two.  ",
        "One.\u2029Two.",
    ],
)
def test_any_line_break_separates_paragraphs(text):
    spans = paragraphs(text)
    assert [text[p.start : p.end] for p in spans] == ["One.", "Two."]


@pytest.mark.parametrize(
    "text",
    [
        "Emoji 🇰🇭 before 87.3 per cent. Then 👍🏽 text.",
        "Combining e\u0301 marks ñ here. And cafe\u0301 there.",
        "CRLF line.\r\nNext line.\r\n",
        "No-break\u00a0space 1\u00a0200 people. Thin\u202fspace.",
        "Zero\u200bwidth and soft\u00adhyphen. Ok.",
    ],
)
def test_sentence_and_token_offsets_slice_the_original(text):
    doc = analyse(Article("a", text))
    assert doc.sentences
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.text
            assert s.start <= t.start < t.end <= s.end


def test_tokens_keep_numbers_and_hyphenated_words_whole():
    toks = tokens("A three-day vote gave 87.3 per cent and 1,200,000 votes.")
    assert [(t.text, t.kind) for t in toks if t.kind != "punct"] == [
        ("A", "word"),
        ("three-day", "word"),
        ("vote", "word"),
        ("gave", "word"),
        ("87.3", "number"),
        ("per", "word"),
        ("cent", "word"),
        ("and", "word"),
        ("1,200,000", "number"),
        ("votes", "word"),
    ]


def test_token_norm_folds_quotes_case_and_width():
    toks = tokens("Don’t ＲＵＳＳＩＡ")
    assert [t.norm for t in toks] == ["don't", "russia"]


def test_text_is_never_modified():
    text = "“Curly” — dash\u00a0nbsp. Second."
    doc = analyse(Article("a", text))
    assert doc.text is text


@given(st.text(max_size=400))
def test_offsets_are_valid_for_any_text(text):
    doc = analyse(Article("a", text))
    previous_end = 0
    for s in doc.sentences:
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() or not s.text.strip()
        previous_end = s.end
        for t in s.tokens:
            assert text[t.start : t.end] == t.text


@given(st.text(alphabet=st.sampled_from(list("ab .?!\n“”\"'’A1")), max_size=300))
def test_sentences_cover_every_word(text):
    doc = analyse(Article("a", text))
    covered = "".join(s.text for s in doc.sentences)
    assert [c for c in covered if not c.isspace()] == [c for c in text if not c.isspace()]
