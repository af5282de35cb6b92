"""The comparison view of a text: NFKC, straight quotes and apostrophes, plain dashes and spaces,
lower case, with a map from every normalised character back to the original offset.

The original text is never changed; checks compare normalised strings and report original
offsets through ``NormalizedText.origin``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Typographic marks folded one-to-one before NFKC (NFKC itself keeps curly quotes and most dashes).
_FOLD_TABLE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
        "\u0060": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
        "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ", "\u3000": " ",
        "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
    }
)  # fmt: skip


def _is_combining(ch: str) -> bool:
    return unicodedata.combining(ch) != 0


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The comparison form of a short string (a word or a token): no offsets kept."""
    return unicodedata.normalize("NFKC", text.translate(_FOLD_TABLE)).translate(_FOLD_TABLE).lower()


@dataclass(frozen=True)
class NormalizedText:
    """``text`` is the comparison view; ``origin[i]`` is the original offset of ``text[i]``.

    ``origin`` has one extra entry, the original length, so that a normalised span
    ``[i, j)`` maps back to ``[origin[i], origin[j])``. ``origin`` is None when the view has
    the same length as the original and maps one to one (the common case, kept cheap).
    """

    text: str
    origin: tuple[int, ...] | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span ``[start, end)``."""
        if self.origin is None:
            return start, end
        origin = self.origin
        first = origin[start]
        if end <= start:
            return first, first
        last = origin[end - 1]
        k = end
        # An end inside one original character's expansion (NFKC "ﬁ" -> "fi") takes all of it.
        while k < len(origin) - 1 and origin[k] == last:
            k += 1
        return first, origin[k]


def normalize(text: str) -> NormalizedText:
    """Build the comparison view of ``text`` with its map back to original offsets."""
    folded = text.translate(_FOLD_TABLE)
    if len(folded) == len(text) and unicodedata.is_normalized("NFKC", folded):
        lowered = folded.lower()
        if len(lowered) == len(text):
            return NormalizedText(lowered, None)
    return _normalize_slow(text)


def _normalize_slow(text: str) -> NormalizedText:
    # Work one base character with its combining marks at a time, so NFKC can compose them
    # and every output character still knows which original character it came from.
    out: list[str] = []
    origin: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and _is_combining(text[j]):
            j += 1
        piece = fold(text[i:j])
        out.append(piece)
        origin.extend([i] * len(piece))
        i = j
    origin.append(n)
    return NormalizedText("".join(out), tuple(origin))
