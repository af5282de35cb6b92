"""Direct quotations with their speakers, and the quote check that compares them across articles.

The extractor reads quotation marks paragraph by paragraph with a stack: curly and straight
double quotes, single quotes used as quotation marks (but not apostrophes such as workers’,
don’t or ’90s), nested quotes, a quote that runs over several paragraphs with the opening mark
repeated and no closing mark until the last, and a quote split by its attribution ("We will,"
she said, "win."). An unclosed mark never runs past its paragraph unless the next paragraph
opens with the same mark. The speaker comes from the words around the quote ("said X",
"X said", "X told", "according to X", "X's letter stated"); a pronoun ("he added", "it
continued") is resolved to the last named source before it. Each quote records how its
speaker was found (``grounding``), so the comparer can tell a name from a positional guess.
Matching and classing across articles live in ``engine.quote_match``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import chain, compress
from operator import attrgetter, indexOf, itemgetter
from typing import Any, NamedTuple

from lemminflect import getAllLemmas

from .checks import CheckResult
from .constants import (
    NEVER_FINAL_ABBREVIATIONS,
    NOT_NAMES,
    REPORTING_PARTICIPLES,
    REPORTING_VERBS,
    SPEAKER_ADVERBS,
    SPEAKER_DETERMINERS,
    SPEAKER_PRONOUNS,
    SPEAKER_STOPS,
)
from .model import Alignment, Document, Span, Token, built_from
from .text import ChunkTable

NAME = "quotes"

# Quotes of at most this many words, not a sentence of their own, are scare quotes.
SCARE_MAX_WORDS = 2
# How far around a quote its attribution is looked for, in characters.
ATTRIBUTION_WINDOW = 240
# Most words a speaker phrase may have ("a hotel desk clerk", "County Judge Ann Marie Reyes").
SPEAKER_MAX_WORDS = 7
# Most words between two halves of a quote split by its attribution ("We will," she said, "win.").
SPLIT_GAP_MAX_WORDS = 8
# At most this many quotations are read per article; no real article comes near it.
MAX_QUOTES = 1000
# At most this many quotation marks are read per paragraph (news prose has a few dozen), so a
# paragraph of nothing but marks costs little.
MAX_MARKS_PER_PARAGRAPH = 400
# A text with at most this many marks has them all found at once, at C speed (``_mark_offsets``).
MARKS_FOUND_AT_ONCE = 2000
# Quotes nested deeper than this are balanced but not reported (a quote in a quote in a quote).
MAX_DEPTH = 2

_MARK_CHARS = "\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b"
_MARKS = re.compile(f"[{_MARK_CHARS}]")
_DOUBLE_OPEN = "\u201c\u201e\u201f\u00ab"
_DOUBLE_CLOSE = "\u201d\u00bb"
_SINGLE_OPEN = "\u2018\u201a\u201b"
_DOUBLE = '"' + _DOUBLE_OPEN + _DOUBLE_CLOSE
_SINGLE = "'\u2018\u2019\u201a\u201b"
# Characters after which a mark may open a quote, and before which a mark may close one.
_BEFORE_OPEN = "([{\u2014\u2013-/:;,\"'\u201c\u201d\u2018\u2019\u00ab\u201e"
_AFTER_CLOSE = ".,;:!?)]}\u2014\u2013-/\u2026\"'\u201c\u201d\u2018\u2019\u00bb"
_DECADE = re.compile(r"\d\ds\b")
_SPEAKER_LINKS = frozenset(["of", "for", "from", "at", "with"])
# Words after which a reporting verb is a noun: "the claim", "his remark" (not "one said").
_NOUN_BEFORE = frozenset(["the", "a", "an", "his", "her", "its", "their", "our", "my", "your"])
_CLITIC = re.compile(r"(?:s|t|re|ll|ve|d|m)(?![^\W\d_])", re.IGNORECASE)
_WORD_CHAR = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Quote:
    """A direct quotation: ``text`` is ``doc.text[start:end]``, the quoted words without the
    outer marks. ``parts`` are the quoted stretches (one per paragraph of a quote that runs
    over several, two for a quote split by its attribution), so words between parts are not
    quoted. ``speaker`` is the named or described source with pronouns resolved, or None;
    ``speaker_start``/``speaker_end`` locate the words in this article that give it (possibly a
    pronoun). ``depth`` is 0 for a top-level quote and 1 or more inside another quote;
    ``scare`` marks one or two quoted words inside a sentence; ``closed`` is False when the
    closing mark is missing and the quote was ended at its paragraph."""

    start: int
    end: int
    text: str
    parts: tuple[Span, ...]
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_is_name: bool = False
    cue: str | None = None
    depth: int = 0
    scare: bool = False
    closed: bool = True
    grounding: str | None = None


# How a quote's speaker was found, strongest first: named or described in the quote's own
# attribution; a pronoun in its own attribution whose antecedent is a named source in the same
# or the paragraph before (or a quote of that source there); a bare quote continuing the quote
# before it; a pronoun resolved to a source further back. Only the first two survive an editor
# moving paragraphs around, so only they can show that two articles credit different people.
EXPLICIT = "explicit"
NEAR = "near"
INHERITED = "inherited"
FAR = "far"


# ----------------------------------------------------------------------------- quotation marks


def _role(text: str, i: int, start: int, end: int) -> str:
    """``open``, ``close``, ``either``, ``close?`` (a closing mark or an apostrophe) or
    ``apostrophe`` for the mark at ``i`` in the paragraph ``text[start:end]``."""
    ch = text[i]
    p = text[i - 1] if i > start else ""
    n = text[i + 1] if i + 1 < end else ""
    can_open = (not p or p.isspace() or p in _BEFORE_OPEN) and bool(n) and not n.isspace()
    can_close = bool(p) and not p.isspace() and (not n or n.isspace() or n in _AFTER_CLOSE)
    if ch in _DOUBLE_OPEN:
        return "close" if can_close and not can_open else "open"
    if ch in _DOUBLE_CLOSE:
        return "open" if can_open and not can_close else "close"
    if ch == '"':
        if can_open and not can_close:
            return "open"
        if can_close and not can_open:
            return "close"
        return "either"
    # single marks: quotation marks or apostrophes
    if p.isalnum() and n.isalnum():
        return "apostrophe"  # don't, Lee’s
    if n.isdigit() and _DECADE.match(text, i + 1, end):
        return "apostrophe"  # ’90s
    if n.isalpha() and _CLITIC.match(text, i + 1, end):
        return "apostrophe"  # a clitic set apart: "team 's", "it 's"
    if ch in _SINGLE_OPEN:
        return "close?" if can_close and not can_open else "open"
    if can_open and not can_close:
        return "open"
    if can_close:
        return "close?"  # the workers’ union, or the end of a quote
    return "apostrophe"


@dataclass
class _Open:
    family: str  # "d" or "s"
    mark: int  # offset of the opening mark
    parts: list[tuple[int, int]]  # finished parts of earlier paragraphs
    content: int  # where this paragraph's part starts


class _Raw(NamedTuple):  # a named tuple: built for every quotation, faster than a frozen dataclass
    parts: tuple[tuple[int, int], ...]
    depth: int
    closed: bool
    open_mark: int
    close_mark: int | None  # offset just after the closing mark, None when unclosed


def _family(ch: str) -> str:
    return "d" if ch in _DOUBLE else "s"


def _later_close(text: str, marks: list[int], k: int, start: int, end: int) -> bool:
    """Whether a single mark after ``marks[k]`` in the paragraph could close a quote."""
    for j in marks[k + 1 :]:
        if _family(text[j]) == "s" and _role(text, j, start, end) in ("close?", "close"):
            return True
    return False


def _mark_offsets(text: str) -> list[int] | None:
    """The offsets of the quotation marks in ``text``, in order, or None when there are more
    than MARKS_FOUND_AT_ONCE. News prose has a few dozen marks, which ``str.find`` for each kind
    of mark finds several times faster than the regex reads every character; a text with more
    is read paragraph by paragraph (``_paragraph_marks``), so that a paragraph of nothing but
    marks stops at its bound."""
    found: list[int] = []
    for mark in _MARK_CHARS:
        i = text.find(mark)
        while i != -1:
            if len(found) == MARKS_FOUND_AT_ONCE:
                return None
            found.append(i)
            i = text.find(mark, i + 1)
    found.sort()
    return found


def _paragraph_marks(text: str, start: int, end: int) -> list[int]:
    """The offsets of the first MAX_MARKS_PER_PARAGRAPH quotation marks in ``text[start:end]``."""
    marks = []
    for m in _MARKS.finditer(text, start, end):
        marks.append(m.start())
        if len(marks) >= MAX_MARKS_PER_PARAGRAPH:
            break
    return marks


def _scan(text: str, paragraphs: Sequence[Span], offsets: list[int] | None) -> list[_Raw]:
    """Every quotation in ``text``, from its marks (``offsets``, from ``_mark_offsets``);
    linear in the number of marks."""
    raws: list[_Raw] = []
    carry: _Open | None = None
    taken = 0  # how many offsets the paragraphs before this one hold
    for p_index, para in enumerate(paragraphs):
        start, end = para.start, para.end
        if offsets is None:
            marks = _paragraph_marks(text, start, end)
        elif taken < len(offsets) and offsets[taken] < end:
            lo = bisect_left(offsets, start, taken)
            taken = bisect_left(offsets, end, lo)
            marks = offsets[lo : min(taken, lo + MAX_MARKS_PER_PARAGRAPH)]
        else:
            marks = []  # the next mark is in a later paragraph, as for most paragraphs
        if not marks:
            carry = None  # a quote carried over goes on only in a paragraph that opens with its mark
            continue
        stack: list[_Open] = []
        first = 0
        if carry is not None:
            if marks[0] == start and _family(text[start]) == carry.family:
                carry.content = start + 1
                stack.append(carry)
                first = 1
            carry = None
        for k in range(first, len(marks)):
            i = marks[k]
            ch = text[i]
            if ch in _SINGLE and start < i < end - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
                continue  # an apostrophe inside a word (don't, Lee’s), most marks: see ``_role``
            family = _family(ch)
            role = _role(text, i, start, end)
            if role == "apostrophe":
                continue
            top = None  # the innermost open quote of this family (a plain loop: the stack is short)
            for x in range(len(stack) - 1, -1, -1):
                if stack[x].family == family:
                    top = x
                    break
            if role == "either":
                role = "close" if top is not None else "open"
            elif role == "close?":
                if top is None:
                    continue
                p = text[i - 1]
                after = text[i + 2] if i + 2 < end else ""
                # "the workers’ union": a plural possessive when a lower-case word follows and
                # a later mark can still close the quote.
                if p in "sS" and after.islower() and _later_close(text, marks, k, start, end):
                    continue
                role = "close"
            if role == "open":
                stack.append(_Open(family, i, [], i + 1))
                continue
            if top is None:
                continue  # a stray closing mark
            opened = stack[top]
            del stack[top:]
            if family == "s" and not opened.parts and i - opened.content <= 1:
                continue  # rock ’n’ roll: apostrophes around one letter
            if top <= MAX_DEPTH and (opened.parts or _WORD_CHAR.search(text, opened.content, i)):
                parts = [*opened.parts, (opened.content, i)]
                raws.append(_Raw(tuple(parts), top, True, opened.mark, i + 1))
        if stack:
            outer = stack[0]
            nxt = paragraphs[p_index + 1].start if p_index + 1 < len(paragraphs) else None
            if (
                nxt is not None
                and _MARKS.match(text, nxt)
                and _family(text[nxt]) == outer.family
                and _role(text, nxt, nxt, paragraphs[p_index + 1].end) == "open"
            ):
                outer.parts.append((outer.content, end))
                carry = outer
            elif outer.family == "d" or outer.parts:
                parts = [*outer.parts, (outer.content, end)]
                raws.append(_Raw(tuple(parts), 0, False, outer.mark, None))
    return raws


# ----------------------------------------------------------------------------- speakers


class _Speaker(NamedTuple):  # a named tuple: built for every attribution read, faster than a frozen dataclass
    text: str
    start: int
    end: int
    is_name: bool
    pronoun: bool
    cue: str | None


def _is_name_token(tok: Token) -> bool:
    return tok.kind == "word" and tok.text[:1].isupper() and tok.norm not in NOT_NAMES


def _possessive(tok: Token) -> bool:
    return tok.norm.endswith("'s") or (tok.norm.endswith("s'") and len(tok.norm) > 2)


def _strip_possessive(text: str) -> str:
    for tail in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(tail):
            return text[: -len(tail)]
    return text


def _name_run_back(toks: Sequence[Token], j: int) -> int:
    """The first index of the run of name tokens ending at ``j`` ("Lucy, Robert and Tim")."""
    k = j
    while k - 1 >= 0:
        prev = toks[k - 1]
        if _is_name_token(prev) and not _possessive(prev):
            k -= 1
        elif (
            prev.norm in (",", "and")
            and k - 2 >= 0
            and _is_name_token(toks[k - 2])
            and j - k < SPEAKER_MAX_WORDS
        ):
            k -= 2
        else:
            break
    return k


def _span_speaker(text: str, toks: Sequence[Token], i: int, j: int, cue: str | None) -> _Speaker:
    start, end = toks[i].start, toks[j].end
    words = _strip_possessive(text[start:end])
    return _Speaker(words, start, start + len(words), True, False, cue)


def _subject_before(text: str, toks: Sequence[Token], v: int) -> _Speaker | None:
    """The speaker of the reporting verb at ``toks[v]``, read backwards from it."""
    cue = toks[v].norm
    if v > 0 and (toks[v - 1].norm in _NOUN_BEFORE or _possessive(toks[v - 1])):
        return None  # a noun: "Ann Lee's remark", "his comment", "the claim"
    j = v - 1
    while j >= 0 and (toks[j].norm in SPEAKER_ADVERBS or _is_adverb(toks[j].norm)):
        j -= 1
    if j < 0:
        return None
    tok = toks[j]
    if tok.norm in SPEAKER_PRONOUNS and tok.norm not in ("his", "her", "its", "their"):
        return _Speaker(tok.text, tok.start, tok.end, False, True, cue)
    if tok.norm == ",":
        # "Ann Lee, director of the institute, said": the name that opens the clause.
        k = max(0, j - 3 * SPEAKER_MAX_WORDS)
        while k < j and not _is_name_token(toks[k]):
            if toks[k].kind == "word" and toks[k].norm not in NOT_NAMES:
                return None
            k += 1
        e = k
        while e + 1 < j and _is_name_token(toks[e + 1]):
            e += 1
        if k < j and e + 1 < len(toks) and toks[e + 1].norm == ",":
            return _span_speaker(text, toks, k, e, cue)
        return None
    if _is_name_token(tok) and not _possessive(tok):
        return _span_speaker(text, toks, _name_run_back(toks, j), j, cue)
    if tok.kind == "punct":
        return None
    # A described speaker, or a possessive name before it: "Ann Lee's March 19 letter stated",
    # "a spokesman for his family said", "prosecutors said".
    k = j
    while k >= 0 and j - k < SPEAKER_MAX_WORDS:
        t = toks[k]
        if t.kind == "punct":
            break
        if _possessive(t) and _is_name_token(t):
            return _span_speaker(text, toks, _name_run_back(toks, k), k, cue)
        if t.norm in SPEAKER_PRONOUNS and t.norm in ("his", "her", "its", "their") and k < j:
            # "his letter stated": the owner stands for the speaker
            return _Speaker(t.text, t.start, t.end, False, True, cue)
        if t.norm in SPEAKER_DETERMINERS:
            if k >= 2 and toks[k - 1].norm in _SPEAKER_LINKS and j - k < SPEAKER_MAX_WORDS - 2:
                k -= 2  # "a spokesman for the party": go on to the head of the phrase
                continue
            return _Speaker(text[t.start : tok.end], t.start, tok.end, False, False, cue)
        if t.norm in SPEAKER_STOPS and k < j:
            break
        k -= 1
    if k == j or toks[k + 1].norm in SPEAKER_STOPS:
        return None
    first = toks[k + 1]
    return _Speaker(text[first.start : tok.end], first.start, tok.end, False, False, cue)


def _phrase_after(text: str, toks: Sequence[Token], i: int, cue: str | None) -> _Speaker | None:
    """The speaker phrase starting at ``toks[i]``: "said Ann Lee in her letter", "said the document"."""
    if i >= len(toks):
        return None
    tok = toks[i]
    if tok.norm in SPEAKER_PRONOUNS:
        return _Speaker(tok.text, tok.start, tok.end, False, True, cue)
    if tok.norm in NEVER_FINAL_ABBREVIATIONS and tok.text[:1].isupper():
        # a title: "said Mr. Clyburn", "said Sen. Ann Reyes"
        k = i + 1
        if k < len(toks) and toks[k].norm == ".":
            k += 1
        if k < len(toks) and _is_name_token(toks[k]):
            found = _phrase_after(text, toks, k, cue)
            if found is not None and found.is_name:
                return found
    if _is_name_token(tok):
        j = i
        while j + 1 < len(toks) and j + 1 - i < SPEAKER_MAX_WORDS:
            nxt = toks[j + 1]
            if _is_name_token(nxt):
                j += 1
                if _possessive(nxt):
                    break
            elif nxt.norm == "and" and j + 2 < len(toks) and _is_name_token(toks[j + 2]):
                j += 2  # "reply Burton and Nick"
            else:
                break
        # "said Judge Ann Reyes" or "said Tom Baker, one of the brothers"
        return _span_speaker(text, toks, i, j, cue)
    if tok.norm in SPEAKER_DETERMINERS or tok.kind == "word":
        j = i
        names = None
        while j + 1 < len(toks) and j + 1 - i < SPEAKER_MAX_WORDS:
            nxt = toks[j + 1]
            if nxt.kind == "punct" or nxt.norm in SPEAKER_STOPS:
                break
            j += 1
            if names is None and _is_name_token(nxt):
                names = j
        if tok.norm not in SPEAKER_DETERMINERS and names is None:
            return None
        if names is not None and tok.norm not in SPEAKER_DETERMINERS:
            return _span_speaker(text, toks, names, j, cue)
        return _Speaker(text[tok.start : toks[j].end], tok.start, toks[j].end, False, False, cue)
    return None


def _trailing(text: str, toks: Sequence[Token]) -> _Speaker | None:
    """The attribution right after a closing mark: ``, said X`` or ``, X said``."""
    i = 0
    while i < len(toks) and toks[i].kind == "punct" and toks[i].norm in ",":
        i += 1
    if i >= len(toks):
        return None
    if toks[i].kind == "punct":
        return None
    if toks[i].norm in REPORTING_VERBS and toks[i].text[:1].islower():
        return _phrase_after(text, toks, i + 1, toks[i].norm)
    if toks[i].norm in SPEAKER_STOPS:
        return None
    # "X said", "he added", "prosecutor Matthew Frank said", "Mr. Rove said",
    # "Mr. Kelly, a retired astronaut, said"
    comma = None
    limit = min(len(toks), i + 3 * SPEAKER_MAX_WORDS)
    for v in range(i + 1, limit):
        t = toks[v]
        if t.norm == "." and (
            toks[v - 1].norm in NEVER_FINAL_ABBREVIATIONS
            or (len(toks[v - 1].text) == 1 and toks[v - 1].text.isupper())
        ):
            continue  # the period of a title or an initial: "Mr. Rove", "Charles E. Grassley"
        if t.norm == "," and comma is None and _is_name_token(toks[v - 1]):
            comma = v  # an apposition may follow the name
            continue
        if t.kind == "punct" and t.norm != "'":
            if comma is not None and t.norm == "," and v + 1 < len(toks):
                nxt = toks[v + 1]
                if nxt.norm in REPORTING_VERBS and nxt.text[:1].islower():
                    return _span_speaker(text, toks, _name_start(toks, i, comma - 1), comma - 1, nxt.norm)
            return None
        if t.norm in REPORTING_VERBS and t.text[:1].islower():
            if comma is not None:
                return None
            return _subject_before(text, toks[i : v + 1], v - i)
        if comma is None and v - i > SPEAKER_MAX_WORDS:
            return None
    return None


def _name_start(toks: Sequence[Token], lo: int, j: int) -> int:
    """The first token of the name ending at ``toks[j]``, titles kept ("Mr. Kelly")."""
    k = j
    while k - 1 >= lo and (
        _is_name_token(toks[k - 1])
        or toks[k - 1].norm in NEVER_FINAL_ABBREVIATIONS
        or (
            toks[k - 1].norm == "."
            and k - 2 >= lo
            and (
                toks[k - 2].norm in NEVER_FINAL_ABBREVIATIONS
                or (len(toks[k - 2].text) == 1 and toks[k - 2].text.isupper())
            )
        )
    ):
        k -= 1
    return k


def _leading(text: str, toks: Sequence[Token]) -> _Speaker | None:
    """The attribution before an opening mark in the same sentence: ``X said:``, ``X told Y,``,
    ``X's letter stated:``, ``X said the ruling was not based on``."""
    if REPORTING_VERBS.isdisjoint(map(_NORM, toks)):
        return None  # no reporting verb, as in most leads: nothing to read backwards
    # read backwards from the last reporting verb, visiting those alone (picked at C speed)
    verbs = map(REPORTING_VERBS.__contains__, map(_NORM, toks))
    for v in reversed(list(compress(range(len(toks)), verbs))):
        t = toks[v]
        if t.kind != "word" or not t.text[:1].islower() or t.norm in REPORTING_PARTICIPLES:
            continue
        found = _subject_before(text, toks, v)
        if found is not None:
            return found
    return None


def _according_to(text: str, toks: Sequence[Token]) -> _Speaker | None:
    for k in range(len(toks) - 1):
        if toks[k].norm == "according" and toks[k + 1].norm == "to":
            return _phrase_after(text, toks, k + 2, "according to")
    return None


# ----------------------------------------------------------------------------- extraction


_START = itemgetter(0)  # Token.start
_NORM = itemgetter(3)  # Token.norm
_KIND = itemgetter(4)  # Token.kind
_END = attrgetter("end")  # a paragraph's
# A verb ending in -s/-ed after a capitalised word ("Baker described"): where a sentence may
# name a source without a reporting verb.
_NAME_THEN_VERB = re.compile("[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0370-\u03ff\u0400-\u042f]"
                             r"\S*\s+([a-z]+(?:ed|s))(?![\w'\u2019-])")  # fmt: skip


class _Article:
    """One article as the extractor reads it: the sentence at an offset found by C bisect on
    the sentences' starts, and the tokens between two offsets by C bisect in the tokens of the
    one or two sentences they span (an attribution window rarely spans more), rather than in
    one list of every token, which would cost more to build than the few reads of a quote."""

    __slots__ = ("doc", "text", "sentences", "sentence_starts")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.sentences = doc.sentences
        self.sentence_starts = [s.start for s in doc.sentences]

    def between(self, lo: int, hi: int) -> Sequence[Token]:
        """The tokens starting from ``lo`` up to ``hi``."""
        sentences = self.sentences
        # the sentence holding ``lo``: the tokens of the ones before it all start before ``lo``
        first = max(0, bisect_right(self.sentence_starts, lo) - 1)
        if first + 1 >= len(sentences) or sentences[first + 1].start >= hi:
            if not sentences:
                return ()
            # within one sentence, as most often: a slice of its tokens
            toks = sentences[first].tokens
            a = bisect_left(toks, lo, key=_START)
            return toks[a : bisect_left(toks, hi, a, key=_START)]
        pieces = []
        for k in range(first, len(sentences)):
            sentence = sentences[k]
            if sentence.start >= hi:
                break
            toks = sentence.tokens
            a = bisect_left(toks, lo, key=_START)
            pieces.append(toks[a : bisect_left(toks, hi, a, key=_START)])
        return list(chain.from_iterable(pieces))

    def word_count(self, parts: Sequence[Span]) -> int:
        """The words and numbers of ``parts``: their tokens less the punctuation marks, counted
        at C speed."""
        total = 0
        for p in parts:
            kinds = list(map(_KIND, self.between(p.start, p.end)))
            total += len(kinds) - kinds.count("punct")
        return total

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset``, or a window around it between sentences."""
        s = self.doc.sentence_at(offset)
        if s is not None:
            return s.start, s.end
        return max(0, offset - ATTRIBUTION_WINDOW), min(len(self.text), offset + ATTRIBUTION_WINDOW)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _join_split(art: _Article, raws: list[_Raw]) -> list[_Raw]:
    """Join the halves of a quote split by its attribution: "We will," she said, "win."."""
    text = art.text
    out: list[_Raw] = []
    for raw in raws:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.depth == 0
            and raw.depth == 0
            and prev.close_mark is not None
            and raw.open_mark >= prev.close_mark
        ):
            last_s, last_e = _trim(text, *prev.parts[-1])
            gap = text[prev.close_mark : raw.open_mark]
            # the tests on the text first: the gap between two quotes is often long, and its
            # words are listed only when it is a short attribution ending in a comma
            if (
                last_e > last_s
                and text[last_e - 1] == ","
                and "\n" not in gap
                and gap.rstrip().endswith(",")
                # the second half goes on with the same sentence: "We will," she said, "win."
                and _first_letter_is_lower(text, raw.parts[0][0], raw.parts[0][1])
            ):
                gap_toks = art.between(prev.close_mark, raw.open_mark)
                words = [t for t in gap_toks if t.kind == "word"]
                if 0 < len(words) <= SPLIT_GAP_MAX_WORDS and any(t.norm in REPORTING_VERBS for t in words):
                    out[-1] = _Raw(prev.parts + raw.parts, 0, raw.closed, prev.open_mark, raw.close_mark)
                    continue
        out.append(raw)
    return out


def _first_letter_is_lower(text: str, start: int, end: int) -> bool:
    m = _WORD_CHAR.search(text, start, min(end, start + 8))
    return m is not None and m.group().islower()


def _speaker_of(art: _Article, raw: _Raw) -> _Speaker | None:
    text = art.text
    found = None
    if raw.close_mark is not None:
        s_start, s_end = art.sentence_bounds(raw.close_mark - 1)
        if s_end <= raw.close_mark + 1:
            # the quote ends its sentence ("... bank?" Mr. Lee said): read on into the next one
            nxt = art.doc.sentence_at(_skip_space(text, s_end))
            if nxt is not None and text.find("\n", raw.close_mark, nxt.start) == -1:
                s_end = nxt.end
        end = min(s_end, raw.close_mark + ATTRIBUTION_WINDOW)
        after = art.between(raw.close_mark, end)
        # stop at the next quotation: its words are not an attribution
        found = _trailing(text, after[: _first_mark(after)])
    if len(raw.parts) > 1 and found is None:
        # a split quote's attribution sits between its halves
        first_end = raw.parts[0][1]
        gap = art.between(first_end + 1, raw.parts[1][0])
        found = _trailing(text, gap)
    if found is not None and not found.pronoun:
        return found  # named or described after the quote: the words before it are not read
    s_start, s_end = art.sentence_bounds(raw.open_mark)
    lo = max(s_start, raw.open_mark - ATTRIBUTION_WINDOW)
    lead = art.between(lo, raw.open_mark)
    before = _leading(text, _strip_quoted(lead))
    if before is not None and (found is None or not before.pronoun):
        found = before
    if found is None:
        found = _label(text, lead)
    if found is None:
        hi = min(s_end, (raw.close_mark or raw.open_mark) + ATTRIBUTION_WINDOW)
        found = _according_to(text, art.between(lo, hi))
    return found


def _first_mark(toks: Sequence[Token]) -> int:
    """The index of the first double quotation mark among ``toks``, or their number."""
    try:
        return indexOf(map(_NORM, toks), '"')  # at C speed, stopping at the mark
    except ValueError:
        return len(toks)


def _skip_space(text: str, i: int) -> int:
    n = min(len(text), i + 8)
    while i < n and text[i].isspace():
        i += 1
    return i


def _label(text: str, lead: Sequence[Token]) -> _Speaker | None:
    """A name that labels the quote after it: "Ann Lee, The Daily News: \"...\"."""
    if not lead or lead[-1].norm != ":" or len(lead) > SPEAKER_MAX_WORDS + 4 or not _is_name_token(lead[0]):
        return None
    j = 0
    while j + 1 < len(lead) and _is_name_token(lead[j + 1]):
        j += 1
    return _span_speaker(text, lead, 0, j, None)


def _strip_quoted(toks: Sequence[Token]) -> Sequence[Token]:
    """Tokens outside any quotation in a lead; words inside earlier quotes are not a cue."""
    if '"' not in map(_NORM, toks):
        return toks  # no earlier quote in the lead, as most often
    out = []
    inside = False
    for t in toks:
        if t.norm == '"':
            inside = not inside
            continue
        if not inside:
            out.append(t)
    return out if not inside else toks


def _sentence_sources(
    text: str, toks: Sequence[Token], quoted: Sequence[tuple[int, int]], bounds: Sequence[int]
) -> list[tuple[int, str]]:
    """The named subjects of verbs outside quotations in one sentence, in verb order:
    "Reyes said", "Ann Lee, director of the institute, said", "Baker described"."""
    out: list[tuple[int, str]] = []
    if not toks:
        return out
    # Only a few words of a sentence can be the verb of a source: the loop below visits those
    # alone, picked by a cached lookup per word at C speed, rather than every token.
    roles = list(map(_VERB_ROLES.__getitem__, map(_NORM, toks)))
    # most sentences have no reporting verb and no "Name verbed": skip them at C speed
    if _REPORTING not in roles and (
        _MAYBE_VERB not in roles or _NAME_THEN_VERB.search(text, toks[0].start, toks[-1].end) is None
    ):
        return out
    for v in compress(range(len(toks)), roles):
        reporting = roles[v] == _REPORTING
        # most words that may be verbs are plural nouns after a word in lower case: that
        # test first
        if not reporting and not (v > 0 and toks[v - 1].text[:1].isupper()):
            continue
        t = toks[v]
        if t.kind != "word" or not t.text[:1].islower():
            continue
        if not reporting and not (
            _is_name_token(toks[v - 1]) and not _possessive(toks[v - 1]) and _is_verb(t.norm)
        ):
            continue
        k = bisect_left(bounds, t.start + 1) - 1
        if k >= 0 and quoted[k][0] <= t.start < quoted[k][1]:
            continue
        if reporting:
            sp = _subject_before(text, toks, v)
            if sp is None and 0 < v < len(toks) - 1 and toks[v - 1].norm in (",", '"'):
                sp = _phrase_after(text, toks, v + 1, t.norm)
        else:
            sp = _span_speaker(text, toks, _name_run_back(toks, v - 1), v - 1, None)
        if sp is not None and sp.is_name:
            out.append((sp.start, sp.text))
    return out


class _SentenceSources:
    """The named sources of an article's sentences (``_sentence_sources``), each sentence read
    the first time it is asked about: attributions look only a few sentences around a quote."""

    def __init__(self, doc: Document, quoted: Sequence[tuple[int, int]]) -> None:
        self.doc = doc
        self.quoted = quoted
        self.bounds = [s for s, _ in quoted]
        self.read: dict[int, list[tuple[int, str]]] = {}

    def of(self, si: int) -> list[tuple[int, str]]:
        """The named sources of sentence ``si``, in verb order."""
        found = self.read.get(si)
        if found is None:
            tokens = self.doc.sentences[si].tokens
            found = self.read[si] = _sentence_sources(self.doc.text, tokens, self.quoted, self.bounds)
        return found


class _Antecedents(_SentenceSources):
    """The last named source before a pronoun, read backwards sentence by sentence from it, so
    an article is read only as far back as its pronouns need."""

    def __init__(self, doc: Document, quoted: Sequence[tuple[int, int]]) -> None:
        super().__init__(doc, quoted)
        self.starts = [s.start for s in doc.sentences]

    def before(self, offset: int) -> tuple[int, str] | None:
        for si in range(bisect_right(self.starts, offset) - 1, -1, -1):
            for source in reversed(self.of(si)):
                if source[0] < offset:
                    return source
        return None


class NamedSources(_SentenceSources):
    """Every named subject of a reporting verb (or of another verb) outside the quotations of
    ``doc``, paragraph by paragraph: the people an attribution could point at. A paragraph is
    read the first time it is asked about, as the comparer needs only the few around a quote
    whose speaker is in question."""

    def __init__(self, doc: Document, quotes: Sequence[Quote]) -> None:
        super().__init__(doc, sorted((q.start, q.end) for q in quotes if q.depth == 0))
        self.paragraphs = [s.paragraph for s in doc.sentences]

    def in_paragraph(self, p: int) -> list[str]:
        """The names of paragraph ``p``'s sources, in text order."""
        lo = bisect_left(self.paragraphs, p)
        hi = bisect_right(self.paragraphs, p, lo)
        return [name for si in range(lo, hi) for _, name in self.of(si)]


def paragraph_of(doc: Document, offset: int) -> int:
    """The index of the paragraph holding ``offset`` (or the next one after a gap): the first
    that ends after it."""
    return bisect_right(doc.paragraphs, offset, key=_END)


@lru_cache(maxsize=16384)
def _is_adverb(word: str) -> bool:
    """Whether ``word`` is an -ly adverb ("boldly", "hardly"), not a noun ("family", "rally")."""
    if not word.endswith("ly") or len(word) < 5:
        return False
    lemmas = getAllLemmas(word)
    return "ADV" in lemmas and "NOUN" not in lemmas


# What a word can be to ``_sentence_sources``: a reporting verb, a word whose ending lets it be
# the verb of "Name verbed" ("described", "explains"; ``_is_verb`` decides), or neither.
_REPORTING = 2
_MAYBE_VERB = 1


def _verb_role(norm: str) -> int:
    if norm in REPORTING_VERBS:
        return _REPORTING
    return _MAYBE_VERB if norm.endswith(("ed", "s")) and norm not in SPEAKER_STOPS else 0


# ``_verb_role`` per word, read with a C-level map over a sentence's words: a dict lookup costs
# about half an ``lru_cache`` hit.
_VERB_ROLES = ChunkTable(_verb_role)


@lru_cache(maxsize=16384)
def _is_verb(word: str) -> bool:
    """Whether ``word`` is an inflected verb form ("described", "explains"), for subjects."""
    if word in SPEAKER_STOPS or not word.endswith(("ed", "s")):
        return False
    return "VERB" in getAllLemmas(word)


def extract(doc: Document) -> tuple[Quote, ...]:
    """Every direct quotation in ``doc`` with its speaker, in text order."""
    text = doc.text
    offsets = _mark_offsets(text)
    if offsets == []:
        return ()
    art = _Article(doc)
    raws = sorted(_scan(text, doc.paragraphs, offsets), key=lambda r: (r.open_mark, r.depth))[:MAX_QUOTES]
    top = _join_split(art, [r for r in raws if r.depth == 0])
    nested = [r for r in raws if r.depth > 0]
    quoted = sorted((p[0], p[-1]) for r in top for p in [(r.parts[0][0], r.parts[-1][1])])
    antecedents = _Antecedents(doc, quoted)
    paragraph_at = partial(paragraph_of, doc)
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_para = -2
    grounded: tuple[int, str] | None = None  # paragraph and name of the last well grounded speaker
    for raw in sorted(top + nested, key=lambda r: (r.open_mark, r.depth)):
        parts = []
        for s, e in raw.parts:
            s, e = _trim(text, s, e)
            if s < e:
                parts.append(Span(s, e))
        if not parts:
            continue
        words = art.word_count(parts)
        if words == 0:
            continue
        start, end = parts[0].start, parts[-1].end
        sp = _speaker_of(art, raw)
        speaker = sp.text if sp is not None else None
        is_name = sp.is_name if sp is not None else False
        grounding = EXPLICIT if sp is not None else None
        para = paragraph_at(start)
        if sp is not None and sp.pronoun:
            # the pronoun's own quote may have named the source just before it
            source = antecedents.before(sp.start)
            speaker = source[1] if source is not None else None
            is_name = speaker is not None
            grounding = None
            if source is not None:
                here = paragraph_at(sp.start)
                near = paragraph_at(source[0]) >= here - 1 or (
                    # "Ann Lee said ... \n "...," she said. \n She added ...": a chain of
                    # pronouns, each in the paragraph after the last
                    grounded is not None and grounded[0] >= here - 1 and grounded[1] == speaker
                )
                grounding = NEAR if near else FAR
        if grounding == EXPLICIT and sp is not None and paragraph_at(sp.start) != para:
            # named after the end of a quote that ran over paragraphs: tied to the quote only by
            # where its last paragraph happens to be
            grounding = NEAR
        if sp is None and raw.depth == 0 and previous is not None and previous_para >= para - 1:
            # a quote with no attribution continues the quote just before it
            speaker, is_name = previous.speaker, previous.speaker_is_name
            grounding = INHERITED if speaker is not None else None
            sp = (
                _Speaker(
                    speaker or "",
                    previous.speaker_start or 0,
                    previous.speaker_end or 0,
                    is_name,
                    False,
                    previous.cue,
                )
                if previous.speaker_start is not None
                else None
            )
        scare = (
            raw.depth == 0
            and len(raw.parts) == 1
            and words <= SCARE_MAX_WORDS
            and not _stands_alone(art, raw)
        )
        q = built_from(
            Quote,
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "parts": tuple(parts),
                "speaker": speaker,
                "speaker_start": sp.start if sp is not None else None,
                "speaker_end": sp.end if sp is not None else None,
                "speaker_is_name": is_name,
                "cue": sp.cue if sp is not None else None,
                "depth": raw.depth,
                "scare": scare,
                "closed": raw.closed,
                "grounding": grounding,
            },
        )
        quotes.append(q)
        if is_name and speaker is not None and grounding in (EXPLICIT, NEAR):
            grounded = (paragraph_at(end), speaker)
        if raw.depth == 0 and not scare:
            previous = q
            previous_para = paragraph_at(end)
    return tuple(quotes)


def _stands_alone(art: _Article, raw: _Raw) -> bool:
    """Whether a short quote is a whole sentence or paragraph ("Yes."), not a scare quote."""
    s, e = art.sentence_bounds(raw.open_mark)
    around = (
        art.text[s : raw.open_mark].strip()
        + art.text[raw.close_mark if raw.close_mark is not None else e : e].strip()
    )
    return len(around) <= 1


def compare(
    docs: Sequence[Document],
    alignment: Alignment,
    extracted: Mapping[str, tuple[Quote, ...]],
    *,
    options: Mapping[str, Any],
) -> CheckResult:
    """Match quotations across articles and report the ones that differ (``quote_mismatch``)."""
    from .quote_match import compare_quotes

    return compare_quotes(docs, alignment, extracted, options=options)
