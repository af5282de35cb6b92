"""Offset units: the engine counts Unicode code points, JavaScript counts UTF-16 code units.

A code point above U+FFFF (most emoji, some CJK) is one code point but two UTF-16 code units,
so every such character before an offset shifts it by one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

UNITS = ("codepoint", "utf16")

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _same(offset: int) -> int:
    return offset


def utf16_offsets(text: str) -> Callable[[int], int]:
    """A function mapping a code point offset into ``text`` to the same position in UTF-16 units.

    The table is built once per text: the sorted positions of its astral characters. A text
    without any (most news text) gets the identity function.
    """
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return _same

    def to_utf16(offset: int) -> int:
        # Each astral character strictly before the offset adds one code unit.
        return offset + bisect_left(astral, offset)

    return to_utf16


def converter(text: str, unit: str) -> Callable[[int], int]:
    """The offset conversion for ``unit`` (one of ``UNITS``) on ``text``."""
    if unit == "codepoint":
        return _same
    if unit == "utf16":
        return utf16_offsets(text)
    raise ValueError(f"unknown offset unit {unit!r}; use one of {UNITS}")
