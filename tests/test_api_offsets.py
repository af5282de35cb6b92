"""options.offsets = utf16: every start and end counted as JavaScript counts them."""

from hypothesis import given
from hypothesis import strategies as st

import engine
from engine import Article, Finding, Mention, Report, Span
from engine.model import Alignment
from schemas import dump_report
from schemas.offsets import converter, utf16_offsets

EMOJI_1 = "Fans 🎉🎉 cheered. The match ended 2-1 on Sunday."
EMOJI_2 = "Fans cheered 🙌. The match ended 2-1 on Sunday."


def js_index(text: str, offset: int) -> int:
    """What String.prototype.indexOf would say: UTF-16 code units before ``offset``."""
    return len(text[:offset].encode("utf-16-le")) // 2


@given(st.text(), st.data())
def test_utf16_offsets_match_utf16_encoding(text, data):
    offset = data.draw(st.integers(0, len(text)))
    assert utf16_offsets(text)(offset) == js_index(text, offset)


def test_text_without_astral_characters_keeps_offsets():
    convert = utf16_offsets("Café – “quoted” ©")
    assert [convert(i) for i in range(5)] == [0, 1, 2, 3, 4]


def test_codepoint_unit_keeps_offsets():
    assert converter(EMOJI_1, "codepoint")(10) == 10


def compare(client, offsets):
    body = {
        "articles": [{"text": EMOJI_1}, {"text": EMOJI_2}],
        "options": {"include": ["alignment"], "offsets": offsets},
    }
    return client.post("/v1/compare", json=body).get_json()


def test_alignment_members_in_utf16(client):
    texts = {"a1": EMOJI_1, "a2": EMOJI_2}
    plain, utf16 = compare(client, "codepoint"), compare(client, "utf16")
    assert utf16["alignment"]
    for cp_cluster, u_cluster in zip(plain["alignment"], utf16["alignment"], strict=True):
        for cp, u in zip(cp_cluster["members"], u_cluster["members"], strict=True):
            text = texts[cp["article_id"]]
            assert (u["start"], u["end"]) == (js_index(text, cp["start"]), js_index(text, cp["end"]))
    assert [a["characters"] for a in utf16["articles"]] == [js_index(EMOJI_1, 50), js_index(EMOJI_2, 50)]
    assert [a["characters"] for a in plain["articles"]] == [len(EMOJI_1), len(EMOJI_2)]


def test_extract_sentences_in_utf16(client):
    body = {"article": {"text": EMOJI_1}, "options": {"offsets": "utf16"}}
    data = client.post("/v1/extract", json=body).get_json()
    doc = engine.analyse(Article("a1", EMOJI_1))
    assert [(s["start"], s["end"]) for s in data["sentences"]] == [
        (js_index(EMOJI_1, s.start), js_index(EMOJI_1, s.end)) for s in doc.sentences
    ]
    assert data["paragraphs"][0]["end"] == js_index(EMOJI_1, len(EMOJI_1))


def report_with_mentions():
    """A hand-made report, so that mention offsets are tested without depending on a check."""
    docs = (engine.analyse(Article("a1", EMOJI_1)), engine.analyse(Article("a2", EMOJI_2)))
    m1 = Mention("a1", EMOJI_1.index("2-1"), EMOJI_1.index("2-1") + 3, "2-1", Span(18, len(EMOJI_1)))
    m2 = Mention("a2", EMOJI_2.index("2-1"), EMOJI_2.index("2-1") + 3, "2-1", Span(16, len(EMOJI_2)))
    finding = Finding("f-1", "numeric_mismatch", "low", 0.5, "Made up.", (m1, m2), {"kind": "score"})
    equivalence = {"kind": "score", "mentions": [{"article_id": "a1", "start": m1.start, "end": m1.end}]}
    return Report(docs, (), (finding,), Alignment(()), equivalences=(equivalence,)), m1, m2


def test_mentions_and_equivalences_in_utf16():
    report, m1, m2 = report_with_mentions()
    data = dump_report(report, include=frozenset({"equivalences"}), offsets="utf16")
    first, second = data["findings"][0]["mentions"]
    assert (first["start"], first["end"]) == (js_index(EMOJI_1, m1.start), js_index(EMOJI_1, m1.end))
    assert first["sentence"] == {"start": js_index(EMOJI_1, 18), "end": js_index(EMOJI_1, len(EMOJI_1))}
    assert (second["start"], second["end"]) == (js_index(EMOJI_2, m2.start), js_index(EMOJI_2, m2.end))
    assert first["start"] != m1.start, "the emoji before the mention must shift it"
    assert data["equivalences"][0]["mentions"][0]["start"] == first["start"]
    assert data["findings"][0]["details"] == {"kind": "score"}


def test_mentions_in_codepoints_by_default():
    report, m1, _ = report_with_mentions()
    first = dump_report(report)["findings"][0]["mentions"][0]
    assert (first["start"], first["end"]) == (m1.start, m1.end)
    assert EMOJI_1[first["start"] : first["end"]] == first["text"]
