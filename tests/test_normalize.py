"""The comparison view and its map back to original offsets."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.normalize import fold, normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("our states’ conduct", "our states' conduct"),
        ("“Quoted” words", '"quoted" words'),
        ("2018–23 and 2023—28", "2018-23 and 2023-28"),
        ("1\u00a0200\u202fpeople", "1 200 people"),
        ("ＡＢＣ ﬁnal", "abc final"),
        ("soft\u00adhyphen", "softhyphen"),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected
    assert normalize(text).text == expected


def test_ascii_text_maps_one_to_one():
    view = normalize("Plain ASCII text.")
    assert view.origin is None
    assert view.to_original(6, 11) == (6, 11)


def test_offsets_map_back_through_expansions_and_removals():
    text = "ﬁne\u00adly “quoted” cafe\u0301"
    view = normalize(text)
    start = view.text.index("finely")
    assert view.to_original(start, start + len("finely")) == (0, 6)
    q = view.text.index('"quoted"')
    s, e = view.to_original(q, q + len('"quoted"'))
    assert text[s:e] == "“quoted”"
    c = view.text.index("café")
    s, e = view.to_original(c, c + len("café"))
    assert text[s:e] == "cafe\u0301"


@given(st.text(max_size=200))
def test_every_normalised_span_maps_inside_the_original(text):
    view = normalize(text)
    n = len(view.text)
    for i in range(0, n + 1, 7):
        for j in range(i, n + 1, 11):
            s, e = view.to_original(i, j)
            assert 0 <= s <= e <= len(text)
