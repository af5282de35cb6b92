"""Numbers: every quantity an article states, and where articles state the same one differently.

The extractor finds each quantity with its span in the original text, its value normalised
(``61.4 per cent`` = ``61.4%``; ``150 months`` = 12.5 years; ``2024-29`` = 2024..2029; ``$3bn``
= 3e9 USD; "six decades" = 60 years; "two point five", "half a million", "one in five"), its
kind, unit, written precision and approximation words. A form it does not read with certainty
(a slash fraction or date, a decimal comma, a power, letters glued to a figure, a ratio with
"over") is not claimed at all: no value is better than a wrong one.

The comparer pairs mentions of the same quantity across articles, in aligned sentences
and, for a small vocabulary of story-level figures (death tolls, injured, votes, ages, prison
terms), anywhere in the articles, and reports a ``numeric_mismatch`` where the values differ.
Pairing is careful because real articles on one topic share sentence patterns but not events:
aligned sentences must share specific words, not just figures; times of day and ordinals pair
only when the words around them tell the same thing; a story-level figure is reported only
between articles seen to tell one story (many of their sentences align, or a telling figure
agrees elsewhere); and any other figure only when its articles agree, elsewhere, on at least as
many figures as they disagree on, or the two sentences are nearly the same. Values that agree
though written differently come back as accepted equivalences.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Any

from lemminflect import getAllLemmas
from text_to_num import alpha2digit, text2num

from .checks import CheckResult, wants
from .constants import (
    APPROXIMATIONS,
    CHANGE_VERBS,
    CURRENCY_NAMES,
    CURRENCY_SYMBOLS,
    DELTA_AFTER,
    DELTA_BEFORE,
    DURATION_UNITS,
    FRACTION_DENOMINATORS,
    GENERIC_COUNTED_NOUNS,
    MEASURE_UNITS,
    MONTHS,
    NUMBER_NOUNS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PERCENT_WORDS,
    POINT_WORDS,
    QUANTITY_CATEGORIES,
    QUANTITY_ROLES,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    STOPWORDS,
    TIME_ZONES,
    VULGAR_FRACTIONS,
    WEEKDAYS,
)
from .findings import make_finding, mention
from .model import Alignment, Document, Mention, Sentence, Token, built_from, moved

NAME = "numbers"
FINDING_TYPE = "numeric_mismatch"

KINDS = (
    "percent",
    "points",
    "money",
    "count",
    "year",
    "date",
    "duration",
    "ordinal",
    "range",
    "fraction",
    "age",
    "measure",
    "time",
    "number",
)


@dataclass(frozen=True)
class Quantity:
    """One quantity as an article states it.

    ``value`` is normalised into ``unit`` (percent: ``%``; money: ISO 4217 code; durations and
    ages: ``year``, ``day`` or ``second``; measures: ``m``, ``kg``, ``l``, ``m2``, ``m/s``;
    counts: the counted noun, or None). A range has ``low``/``high`` and ``range_of`` (the kind
    of its ends) instead of ``value``. ``precision`` is the number of decimal places as written
    and ``step`` the size of the last written digit in normalised units (0.1 for "61.4", 1e5
    for "1.2 million"). ``approx`` is the approximation wording ("more than") and ``bound`` what
    it means (``near``, ``nearly``, ``just_over``, ``above``, ``at_least``, ``below``,
    ``at_most``). ``date`` is ISO 8601
    (``2022-02-24``, ``2024-03``, or ``--03-18`` when the year is not known). ``category``
    and ``role`` say what is counted ("dead", "age", "prison"; "max", "average"); ``delta`` marks a
    change or difference ("up 3 per cent", "10 years beyond"); ``restates`` marks a conversion
    in parentheses or after "or" that repeats the quantity just before it.
    """

    start: int
    end: int
    text: str
    kind: str
    value: float | None
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    range_of: str | None = None
    precision: int = 0
    step: float = 1.0
    approx: str | None = None
    bound: str | None = None
    date: str | None = None
    category: str | None = None
    role: str | None = None
    delta: bool = False
    restates: bool = False
    sentence: int = -1


# --------------------------------------------------------------------------- patterns


def _alt(words) -> str:
    """A regex alternation of ``words`` that tries the longest word first, written as a trie
    ("c(?:m|ent(?:s|))" rather than "cents|cent|cm"): the regex engine follows one branch a
    character at a time instead of trying every word in turn, several times faster for the
    long unit list. Along the one branch that matches, longer words come before shorter ones
    (each node's end comes last), as in a list sorted longest first.
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    chars = sorted(ch for ch in node if ch)
    # Two branches whose first characters match the same letter under (?i) would break the
    # longest-first order; none of the word lists has them.
    if len({c.lower() for c in chars}) != len(chars) or len({c.upper() for c in chars}) != len(chars):
        raise ValueError(f"case variants among {chars!r}")
    branches = [re.escape(ch) + _trie_pattern(node[ch]) for ch in chars]
    if "" in node:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_MONTH = _alt([m.capitalize() for m in MONTHS])
_MONTH_FULL = _alt([m.capitalize() for m in MONTHS if len(m) > 3 and m not in ("may", "sept")])
_WEEKDAY = _alt([d.capitalize() for d in WEEKDAYS])
_WORD = _alt(NUMBER_WORDS)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ORD = _alt(ORDINAL_WORDS)
_FRAC_DEN = _alt(FRACTION_DENOMINATORS)
_VULGAR = "".join(VULGAR_FRACTIONS)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[0-9]|20)\d\d(?!\d)"
_WORD_SEP = r"(?:[ ]{0,3}-[ ]{0,3}|[ ]{1,3}(?:and[ ]{1,3})?)"
_SINGULAR_DEN = _alt(k for k in FRACTION_DENOMINATORS if not k.endswith("s"))

# Every pattern here is linear: alternations of literals, possessive repeats, bounded runs.
_CORE = re.compile(
    rf"(?P<dmd>(?P<m1>{_MONTH})\.?[ \u00a0](?P<d1>{_DAY})(?:,?[ \u00a0](?P<y1>{_YEAR}))?)"
    rf"|(?P<ddm>(?<![\w.,])(?P<d2>{_DAY})[ \u00a0](?:of[ \u00a0])?(?P<m2>{_MONTH})\b\.?"
    rf"(?:,?[ \u00a0](?P<y2>{_YEAR}))?)"
    rf"|(?P<dmy>(?P<m3>{_MONTH_FULL})[ \u00a0](?P<y3>{_YEAR}))"
    rf"|(?P<weekday>\b(?:{_WEEKDAY})\b)"
    rf"|(?P<month>\b(?:{_MONTH_FULL})\b)"
    r"|(?P<fy>\b(?:FY|fy|Fiscal |fiscal )(?P<fy1>\d{4}|\d{2})(?:[-\u2013\u2014/](?P<fy2>\d{4}|\d{2}))?(?!\d))"
    r"|(?P<clock>(?<![\w.,:])(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?![\d:])"
    r"(?:[ \u00a0]?(?P<ampm>[ap]\.?m\b\.?))?)"
    r"|(?P<ordd>(?<![\w.,])\d++(?:st|nd|rd|th)\b)"
    # Digits with Western (1,250,000) or Indian (12,50,000) grouping, decimals, and a vulgar
    # fraction ("7\u00bd"); a 2-digit group must be followed by another group.
    rf"|(?P<digits>(?<![\w.,])(?:\d{{1,2}}(?:,\d\d(?=,))++,\d{{3}}(?!\d|,\d)|\d{{1,3}}(?:,\d{{3}})++(?!\d|,\d)|\d++)"
    rf"(?:\.\d++)?+[{_VULGAR}]?|(?<!\w)[{_VULGAR}])"
    rf"|(?P<ordw>(?i:\b(?:(?:{_WORD})[ \-](?:and[ ])?){{0,8}}+(?:{_ORD})\b))"
    rf"|(?P<frac>(?i:\b(?P<fnum>{_WORD}|a|one)[ \-](?P<fden>{_FRAC_DEN})\b))"
    rf"|(?P<half>(?i:\bhalf\b))"
    rf"|(?P<quarter>(?i:\bquarter\b))"
    rf"|(?P<noun>(?i:\ba[ \-](?:{_alt(NUMBER_NOUNS)}|hundred|thousand|million|billion)\b"
    rf"(?:{_WORD_SEP}(?:{_WORD})){{0,12}}+\b))"
    rf"|(?P<words>(?i:\b(?:{_WORD})(?:{_WORD_SEP}(?:{_WORD})){{0,12}}+\b))"
)

_UNIT_WORDS = (
    list(PERCENT_WORDS)
    + list(POINT_WORDS)
    + list(CURRENCY_NAMES)
    + list(DURATION_UNITS)
    + list(MEASURE_UNITS)
)
_SCALE = re.compile(
    rf"[ \u00a0]?(?i:(?P<word>{_alt(SCALE_WORDS)})|(?P<abbr>{_alt(SCALE_ABBREVIATIONS)}))(?![\w$])"
)
_UNIT = re.compile(rf"(?P<sep>[ \u00a0]?-?[ \u00a0]?)(?i:(?P<unit>{_alt(_UNIT_WORDS)}))(?![\w])")
_AGE = re.compile(r"(?i:[ \-]years?[ \-]old)\b")
_AND_FRACTION = re.compile(rf"(?i:[ \u00a0]and[ \u00a0](?:a|one)[ \u00a0](?P<den>{_SINGULAR_DEN}))\b")
_RANGE_SEP = re.compile(
    r"(?:-[ \u00a0])?[ \u00a0]?(?P<sep>[-\u2013\u2014]|to|and|through)[ \u00a0]?(?=[\w$£€¥₹])"
)
# Words and signs right before a figure ("minus 5", "about 20", "$ 3") are matched on the
# reversed text before it: a pattern that must end where the figure starts is otherwise searched
# from every position of its window, and reversed it is a single match at the window's start.
# Each reads as its forward twin would, "(?i:\b(?:minus|negative)[ \u00a0])$": the words spelled
# backwards, the lookbehind as a lookahead, and "\n?" for the final newline "$" lets through.
# The longest word that fits is found either way.
_NEGATIVE_BEFORE = re.compile(r"\n?[ \u00a0](?i:sunim|evitagen)\b")
_CUR_BEFORE = re.compile(rf"\n?[ \u00a0]?(?i:(?P<cur>{_alt(c[::-1] for c in CURRENCY_SYMBOLS)}))(?![\w$])")
_APPROX_BEFORE = re.compile(rf"\n?[ \u00a0](?i:(?P<approx>{_alt(a[::-1] for a in APPROXIMATIONS)}))\b")
_BETWEEN_BEFORE = re.compile(r"(?i:\b(?P<w>between|from))[ \u00a0]$")
_WORD_HYPHEN_BEFORE = re.compile(r"(?P<w>[A-Za-z]{2,20})-$")
_ALIAS_BEFORE = re.compile(r"(?:\([ \u00a0]?|,?[ \u00a0]or[ \u00a0](?:about[ \u00a0])?)$")
_TZ_AFTER = re.compile(rf"[ \u00a0](?i:{_alt(TIME_ZONES)})\b")
_NOUN_AFTER = re.compile(r"[ \u00a0\-](?P<noun>[a-z]{3,20})\b")
# A capitalised plural after a figure counts members of a group ("412,000 Republicans").
_GROUP_AFTER = re.compile(r"[ \u00a0](?P<noun>[A-Z][a-z]{2,19}s)\b")
_NUMBER_WORD_SET = frozenset(NUMBER_WORDS)
_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "nought": "0", "naught": "0", "one": "1", "two": "2", "three": "3",
    "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_DIGIT_WORD = _alt(_DIGIT_WORDS)
_POINT_AFTER = re.compile(
    rf"(?i:[ \u00a0]point[ \u00a0](?P<digits>(?:(?:{_DIGIT_WORD}|(?:{_TENS})(?:[ \-](?:{_DIGIT_WORD}))?)"
    rf"(?:[ \u00a0]|(?![\w\-]))){{1,8}}+))"
)
_POINT_BEFORE = re.compile(rf"(?i:\bpoint(?:[ \u00a0](?:{_DIGIT_WORD}))*+[ \u00a0])$")
_DEN_AFTER = re.compile(rf"(?i:[ \-](?P<den>{_FRAC_DEN}|(?:{_ORD})s))\b")
_AND_ORDINAL_AFTER = re.compile(r"(?i:[ \u00a0]and[ \u00a0](?:a|an|one)[ \u00a0][a-z]+(?:th|ths)\b)")
_OF_SCALE = re.compile(
    r"(?i:(?:[ \u00a0]of)?(?:[ \u00a0]an?)?[ \u00a0](?P<scale>thousand|million|billion|trillion))\b"
)
# Forms a figure is part of but that are not read: a slash fraction or date ("3/4", "9/11"),
# a decimal comma or dotted group ("1,5", "1.111,11", "192.168.1.2"), a power ("1.1^23", "x10").
_ODD_DIGITS_AFTER = re.compile(r"(?:[/,.]\d|\^|[x\u00d7]10\b)[\w.,/^+\-\u00d7\u2212]*")
_SEASON = re.compile(r"(?:19|20)\d\d/(?:\d\d){1,2}(?![\w/])")  # "2023/24": a season or fiscal year
_MIXED_FRACTION_AFTER = re.compile(r"[ \u00a0]{1,3}\d{1,2}/\d{1,2}(?![\d/])")  # "2 1/4"
_ODD_STARTS = frozenset("/,.^x\u00d7")
_SPACES = frozenset(" \u202f\u00a0")
_EXPONENT_AFTER = re.compile(r"[eE][-+]?\d{1,3}(?![\w.])")
_SPACE_GROUPS_AFTER = re.compile(r"(?:[ \u202f\u00a0]\d{3}(?![\d,]|\.\d*[a-zA-Z]))++")
_DIGITS_JOIN = re.compile(r"[ \u00a0](?:(?P<and>and)[ \u00a0])?(?=\w)")
_DURATION_JOIN = re.compile(r"(?:,?[ \u00a0]and)?[ \u00a0](?=[\w])")
_DOLLAR_COUNTRIES = frozenset(["c", "us", "u.s", "hk", "nz", "au", "ca"])
_SPACED_PREFIX = re.compile(r"(?<![\w.])(?P<p>[A-Za-z](?:\.?[A-Za-z]){0,2})[ \u00a0]$")
_RATIO_AFTER = re.compile(r"(?i:[ \u00a0](?P<w>in|out[ \u00a0]of|over)[ \u00a0])(?=\w)")
_TWO_UNITS_AFTER = re.compile(r"(?i:(?:[ \u00a0]and)?[ \u00a0])(?=\w)")
_CENTS = re.compile(r"(?i:[ \u00a0](?:cents?|pence|penny)\b)")
_SCALED_RUN = re.compile(r"(?i:\b(?:hundred|thousand|million|billion|trillion)\b)")
_DOZEN_AFTER = re.compile(r"(?i:[ \u00a0]dozens?\b)")
_POWER_WORD = re.compile(r"(?i:[ \u00a0](?:squared|cubed)\b)")
_GLUED = re.compile(r"[\w.]*")
_UNIT_WORD_SET = frozenset(w for u in _UNIT_WORDS for w in u.split()) | frozenset(["a.m", "p.m"])
_CLAUSE_BREAK = frozenset(',;:()[]\u2014\u2013"')
# Patterns of the common forms (dates, months, ordinals, year ranges), compiled once rather than
# looked up in re's cache on every figure.
_NON_DIGITS = re.compile(r"\D")
_MONTH_LEAD = re.compile(r"\b(?:in|since|last|of|early|late|mid|until|by|next)[ \u00a0-]$")
_YEAR_END = re.compile(r"\d{2}|\d{4}")


@lru_cache(maxsize=4096)
def _is_noun(word: str) -> bool:
    return "NOUN" in getAllLemmas(word)


@lru_cache(maxsize=4096)
def _noun_lemma(word: str) -> str:
    lemmas = getAllLemmas(word)
    if "NOUN" in lemmas:
        return lemmas["NOUN"][0]
    return word


@lru_cache(maxsize=4096)
def _word_number(run: str) -> tuple[float, int] | None:
    """The value of a run of number words and how many characters of it were read."""
    text = run.lower().replace("\u00a0", " ")
    parts = re.split(r"([ \-]+)", text)
    # Drop words from the end until text2num reads the run ("seven and eight" -> "seven").
    while parts:
        candidate = re.sub(r" *- *", "-", re.sub(r" +", " ", "".join(parts))).strip(" -")
        if candidate.endswith(" and"):
            candidate = candidate[:-4]
        if candidate:
            try:
                return float(text2num(candidate, "en")), len(candidate)
            except ValueError:
                pass
        parts = parts[:-2]
    return None


@lru_cache(maxsize=1024)
def _ordinal_value(word: str) -> int | None:
    word = word.lower().replace("\u00a0", " ")
    # alpha2digit leaves "first" and "second" alone (they are often not numbers); read them here.
    for ordinal, cardinal in (("first", "one"), ("second", "two")):
        if word.endswith(ordinal):
            spelled = word[: -len(ordinal)] + cardinal
            parsed = _word_number(spelled)
            whole = re.sub(r" *- *", "-", re.sub(r" +", " ", spelled)).strip(" -")
            # Only a run read to its end: "twenty-one trillion and three hundred twenty second"
            # is not 21st.
            return int(parsed[0]) if parsed is not None and parsed[1] == len(whole) else None
    digits = alpha2digit(word, "en")
    m = re.match(r"(\d+)(?:st|nd|rd|th)$", digits.strip())
    return int(m.group(1)) if m else None


def _decimals(digits: str) -> int:
    dot = digits.find(".")
    return len(digits) - dot - 1 if dot >= 0 else 0


def _digit_value(raw: str) -> tuple[float, int]:
    frac = 0.0
    if raw and raw[-1] in VULGAR_FRACTIONS:
        frac = VULGAR_FRACTIONS[raw[-1]]
        raw = raw[:-1]
    plain = raw.replace(",", "")
    value = (float(plain) if plain else 0.0) + frac
    return value, _decimals(plain) if not frac else 2


# --------------------------------------------------------------------------- extraction


@dataclass(slots=True)
class _Raw:
    """A quantity under construction (mutable while the extractor reads around it); slotted,
    as every figure builds one or more and reads and sets its fields many times."""

    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    range_of: str | None = None
    precision: int = 0
    step: float = 1.0
    approx: str | None = None
    bound: str | None = None
    date: str | None = None
    written_plain: bool = False  # a bare integer that could still be a year
    restates: bool = False
    delta: bool = False


# Work bounds on extraction: news sentences hold a handful of figures and articles a few
# hundred; a hostile text with thousands in one sentence is read only up to these.
MAX_QUANTITIES_PER_SENTENCE = 100
MAX_QUANTITIES = 3000


# Each sentence is read on its own, with the few characters around it that the windows below
# reach (see ``REACH_BEFORE``): its figures depend on those characters and the publication date.
PER_SENTENCE = True

# How far the extraction of a sentence reads outside it, from an audit of every read of the
# text in ``_scan`` and what it calls (patterns match up to the sentence's end; slices and
# lookbehinds before a figure do not stop at its start). Before: from where a figure starts, its
# start moves back at most 11 characters for a currency sign (``_currency_before``: a 5-character
# window, then 6 for a country written apart, "hk $ 10"), then at most 24 for an approximation
# (``_APPROX_BEFORE``'s window), and ``_join_range`` reads 40 characters before that for a word
# telling a change ("rose from 10 to 15"); every other window (``_POINT_BEFORE``'s 48 and its
# \b, ``_finish``'s 21 for "Covid-19", ``_ALIAS_BEFORE``'s 12) reaches less far: 75 before the
# first place in the sentence a figure may start. After: only "a third of", "half of" (up to 4
# characters past a figure's end, ``text[e : e + 4]``) and an accounting negative's ")"
# (``_finish``) look past a figure's end, so past the sentence's end only from a figure that ends
# within 4 characters of it. A window that grows must grow these; tests/test_numbers_extract.py
# fails on the longest reach known (62 characters) when REACH_BEFORE falls short of it.
REACH_BEFORE = 75
REACH_AFTER = 4
# Dates, weekdays, times and ordinals are read as written, none through ``_number``: only a
# month looks back, for the word that leads it ("in May", ``_read``'s 8 characters); any form
# of ``_CORE`` tried also reads the character before it (its lookbehinds and \b).
REACH_BEFORE_AS_WRITTEN = 8
_REACH_BEFORE_OF_FORM = dict.fromkeys(_CORE.groupindex, REACH_BEFORE) | dict.fromkeys(
    ("dmd", "ddm", "dmy", "weekday", "month", "fy", "clock", "ordd", "ordw"), REACH_BEFORE_AS_WRITTEN
)


# What a sentence's reading left for its copies: the sentence and its article's text, its
# quantities, how far before the sentence reading may have looked (from the forms found where
# figures may start, and how far each looks back; 0 when they are far enough into the sentence)
# and whether it may have looked past the end (a figure ends within ``REACH_AFTER`` of it). A
# plain tuple: one is built per distinct sentence, and most are never copied; the characters
# around are compared only for a copy.
_Reading = tuple[Sentence, str, list[Quantity], int, bool]

# Per publication date, then per sentence text: the readings of it so far (most often one).
# The date is looked up once per article, so a sentence's key is its text alone (whose hash a
# string keeps), not a tuple to build and hash per sentence.
_Shared = dict[Any, dict[str, list[_Reading]]]


def extract(doc: Document, *, shared: _Shared | None = None) -> tuple[Quantity, ...]:
    """Every quantity in ``doc`` with its span, value, kind, unit, precision and approximation.

    At most ``MAX_QUANTITIES_PER_SENTENCE`` per sentence and ``MAX_QUANTITIES`` per article.
    ``shared``, one dict for the articles of one comparison, holds the figures found per
    sentence: a sentence another article copies word for word, with the same characters
    around it as far as reading reaches, is read once and its figures moved to this copy.
    """
    text = doc.text
    published = _published(doc.article.published_at)
    same_date = shared.setdefault(published, {}) if shared is not None else None
    out: list[Quantity] = []
    for sent in doc.sentences:
        if len(out) >= MAX_QUANTITIES:
            break
        if same_date is not None:
            out.extend(_shared_quantities(text, sent, published, same_date))
        elif _may_hold_figure(sent):  # most sentences: ruled out before the scan is set up
            out.extend(_sentence_quantities(text, sent, published)[0])
    return tuple(out[:MAX_QUANTITIES])


def _sentence_quantities(
    text: str, sent: Sentence, published: _dt.date | None
) -> tuple[list[Quantity], int, int]:
    """The quantities of ``sent``, the first place before it that reading them may have looked
    at and the farthest end of a figure read there."""
    raws, nearest, farthest = _scan(text, sent, published, _starts(sent))
    out: list[Quantity] = []
    prev_end = -1
    prev: Quantity | None = None
    for raw in raws:
        if raw.start < prev_end:
            continue
        q = _finish(text, raw, sent, prev)
        if q is None:
            continue
        out.append(q)
        prev, prev_end = q, q.end
    return out, nearest, farthest


def _shared_quantities(
    text: str, sent: Sentence, published: _dt.date | None, same_date: dict[str, list[_Reading]]
) -> list[Quantity]:
    """``_sentence_quantities``, moved from ``same_date`` (the readings of articles published
    the same day) when a copy of ``sent`` was read."""
    readings = same_date.get(sent.text)
    if readings is not None:
        for reading in readings:
            if _same_surroundings(reading, text, sent):
                return _in_copy(reading, sent)
    if _may_hold_figure(sent):
        quantities, nearest, farthest = _sentence_quantities(text, sent, published)
        reach = sent.start - nearest if nearest < sent.start else 0
        reading = (sent, text, quantities, reach, farthest > sent.end - REACH_AFTER)
    else:
        quantities = []
        reading = (sent, text, quantities, 0, False)  # a copy needs no figure test either
    if readings is None:
        same_date[sent.text] = [reading]
    else:
        readings.append(reading)
    return quantities


def _same_surroundings(reading: _Reading, text: str, sent: Sentence) -> bool:
    """Whether ``sent`` of ``text``, a sentence with the text of ``reading``'s, has the
    characters around it that the reading may have seen (the same number of them, too: a text
    that starts sooner shows fewer)."""
    origin, origin_text, _, reach, after = reading
    end, origin_end = sent.end, origin.end
    if after and text[end : end + REACH_AFTER] != origin_text[origin_end : origin_end + REACH_AFTER]:
        return False
    start, origin_start = sent.start, origin.start
    return not reach or (
        text[max(0, start - reach) : start] == origin_text[max(0, origin_start - reach) : origin_start]
    )


def _in_copy(reading: _Reading, sent: Sentence) -> list[Quantity]:
    """The quantities of ``reading`` as found in ``sent``, a copy of its sentence."""
    origin, _, quantities, _, _ = reading
    shift = sent.start - origin.start
    index = sent.index
    if not shift and index == origin.index:
        return quantities
    return [moved(q, shift, index) for q in quantities]


def _published(value: str | None) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# Words a quantity can start with; the scanner tries the patterns only where one of them, a
# digit or a fraction sign stands, which keeps extraction fast on long texts.
_TRIGGERS = frozenset(
    list(NUMBER_WORDS) + list(ORDINAL_WORDS) + list(MONTHS) + list(WEEKDAYS) + ["half", "quarter", "fiscal"]
)
_AFTER_A = frozenset(list(FRACTION_DENOMINATORS) + list(NUMBER_NOUNS) + list(SCALE_WORDS) + ["hundred"])
_VULGAR_SET = frozenset(VULGAR_FRACTIONS)


_SKIP = "skip"
# What ``_token_start`` says of a token besides an offset. A start is told as 1 + its offset in
# the token, so that "no start" is the one false value and ``_starts`` can pick the few tokens
# that start something with ``itertools.compress``, at C speed, rather than test every token.
_NOT_A_START = 0
_IF_NUMBER_FOLLOWS = -1
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=65536)
def _token_start(token: str) -> int:
    """Where in a token of text ``token`` a quantity may start: 1 + an offset, or one of the two
    markers above. A token's kind follows from its text (``engine.text.tokens``: a number starts
    with a digit, a punctuation token is one mark, which starts nothing), so the text is the key."""
    if _DIGIT.match(token):
        return 1
    lower = token.lower()
    if lower == "a":
        return _IF_NUMBER_FOLLOWS
    if lower in _TRIGGERS or (lower[:2] == "fy" and lower[2:3].isdigit()):
        return 1
    if "-" in lower or not _VULGAR_SET.isdisjoint(lower):
        offset = 1
        for part in lower.replace("\u2011", "-").replace("\u2010", "-").split("-"):
            if part in _TRIGGERS or part[:1].isdigit() or (part and part[-1] in _VULGAR_SET):
                return offset
            offset += len(part) + 1
    return _NOT_A_START


# Most sentences of news text hold no figure; these two tests rule such a sentence out without a
# Python loop over its tokens, and exactly: a token yields a start above only if it holds a
# digit, a hyphen or a character outside ASCII (a vulgar fraction, another script's digit, a
# letter NFKC folds to ASCII), or, written in plain ASCII letters, its norm is a trigger (its
# lower case) or follows "a". The curly quotes and dashes of ordinary news copy start no figure
# and sit in no word a figure starts in (a word token joins its parts with hyphens and
# apostrophes only), so they do not count.
_FIGURE_CHAR = re.compile(r"[^\x00-\x2c\x2e\x2f\x3a-\x7f\u2018\u2019\u201c\u201d\u2013\u2014]")
_START_NORMS = _TRIGGERS | _AFTER_A
_TOKEN_TEXT = itemgetter(2)
_TOKEN_NORM = itemgetter(3)


def _may_hold_figure(sent: Sentence) -> bool:
    return _FIGURE_CHAR.search(sent.text) is not None or not _START_NORMS.isdisjoint(
        map(_TOKEN_NORM, sent.tokens)
    )


def _starts(sent: Sentence) -> list[int]:
    """Offsets in ``sent`` where a quantity may start, in order (``sent`` is one that
    ``_may_hold_figure``)."""
    toks = sent.tokens
    codes = list(map(_token_start, map(_TOKEN_TEXT, toks)))
    last = len(toks) - 1
    out = []
    for i in compress(range(len(toks)), codes):
        code = codes[i]
        if code > 0:
            out.append(toks[i].start + code - 1)
        elif i < last and toks[i + 1].norm.split("-")[0] in _AFTER_A:  # "a" before a number word
            out.append(toks[i].start)
    return out


def _scan(
    text: str, sent: Sentence, published: _dt.date | None, starts: list[int]
) -> tuple[list[_Raw], int, int]:
    """The figures read at ``starts`` in ``sent``; the first place that reading them may have
    looked at (see ``REACH_BEFORE``) and the farthest end of a figure matched (reading looks a
    few characters past it: see ``REACH_AFTER``)."""
    out: list[_Raw] = []
    end = sent.end
    pos = farthest = sent.start
    nearest = starts[0] - 1 if starts else pos  # the first form tried reads the character before
    near_start = pos + REACH_BEFORE
    for start in starts:
        if start < pos:
            continue
        m = _CORE.match(text, start, end)
        if m is None:
            continue
        if start < near_start:  # only a form near the start may look back past it
            looks_from = start - _REACH_BEFORE_OF_FORM[m.lastgroup]
            if looks_from < nearest:
                nearest = looks_from
        raw = _read(text, m, end, published)
        if raw is None:
            if m.end() > farthest:
                farthest = m.end()
            continue
        # The next figure may start past both ends. Each figure read starts at ``pos`` or later,
        # so ``pos`` only grows: it is the farthest end of the figures read so far.
        pos = raw.end if raw.end > m.end() else m.end()
        if raw.kind == _SKIP:
            # A form read but not trusted (a slash fraction, a decimal comma): no part of it is
            # claimed, so that "3/4" does not become 3 nor "1,5" become 1.
            continue
        out.append(raw)
        if len(out) >= MAX_QUANTITIES_PER_SENTENCE:
            break
    return out, nearest, pos if pos > farthest else farthest


# Under (?i) the regex engine matches these letters for i, k and s ("thirdſ", "Januarı"), but
# str.lower() keeps them apart from the ASCII keys of the word tables.
_CASE_TWINS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _key(word: str) -> str:
    """The table key of a word a case-insensitive pattern matched."""
    return word.translate(_CASE_TWINS).lower()


# ``_ALIAS_BEFORE`` is searched at every position of its window; a figure is most often preceded
# by a plain word, which ``_may_restate`` tells at once from the last two characters.
_SPACE_BEFORE = (" ", "\u00a0")


def _may_restate(text: str, pos: int) -> bool:
    """Whether ``text[:pos]`` may end as ``_ALIAS_BEFORE`` needs: "(", "( ", " or ", " or about "
    (or those and a newline)."""
    last = text[pos - 1 : pos]
    return last in ("(", "\n") or (last in _SPACE_BEFORE and text[pos - 2 : pos - 1] in ("(", "r", "t"))


def _read(text: str, m: re.Match, limit: int, published: _dt.date | None) -> _Raw | None:
    group = m.lastgroup
    s, e = m.start(), m.end()
    # Most figures are digits or number words: their forms are tried first.
    if group == "digits":
        raw = m.group(0)
        after = text[e : e + 1] if e < limit else ""
        # The unusual forms below are looked for only when the character after the digits
        # allows them: most figures are followed by a space and a word.
        spaced_digit = after in _SPACES and e + 1 < limit and text[e + 1].isdigit()
        odd = None
        if after in _ODD_STARTS:
            odd = _ODD_DIGITS_AFTER.match(text, e, limit)
        elif after in _SPACES and e + 1 < limit and (text[e + 1].isdigit() or text[e + 1] in _SPACES):
            odd = _MIXED_FRACTION_AFTER.match(text, e, limit)
        if odd is not None and not _SEASON.match(text, s, limit):
            return _Raw(s, odd.end(), _SKIP, None)
        # No exponent after a vulgar fraction ("0\u00bde0"): not a number float() reads; the
        # letters glued to the figure leave it unclaimed below.
        exponent = None
        if after in ("e", "E") and raw[-1] not in _VULGAR_SET:
            exponent = _EXPONENT_AFTER.match(text, e, limit)
        if exponent is not None:
            value = float(raw.replace(",", "") + exponent.group(0))
            return _number(text, s, exponent.end(), value, 0, abs(value) * 1e-3 or 1.0, limit, words=False)
        spaced = None
        if spaced_digit and len(raw) <= 3 and raw.isdigit():
            spaced = _SPACE_GROUPS_AFTER.match(text, e, limit)
        if spaced is not None:
            groups = spaced.group(0)
            if "\u202f" in groups or "\u00a0" in groups or groups.count(" ") >= 2:
                raw = raw + re.sub(r"[ \u202f\u00a0]", "", groups)
                e = spaced.end()
                if e < limit and text[e] == "." and e + 1 < limit and text[e + 1].isdigit():
                    frac_part = re.match(r"\.\d+", text[e:limit])
                    raw += frac_part.group(0)
                    e += len(frac_part.group(0))
            else:
                return _Raw(s, spaced.end(), _SKIP, None)  # "40 000": grouping or two numbers
        value, decimals = _digit_value(raw)
        plain = raw.isdigit()
        found = _number(text, s, e, value, decimals, 10.0**-decimals, limit, words=False, plain=plain)
        if found is not None and found.end == e and e < limit and text[e].isalpha():
            # "1.2b", "5G", "1990s": letters glued to the figure that say what it is in a way
            # not read here; better no value than a wrong one.
            return _Raw(s, _GLUED.match(text, e, limit).end(), _SKIP, None)
        return found
    if group == "words":
        parsed = _word_number(m.group(0))
        if parsed is None:
            return None
        value, length = parsed
        e = s + length
        if _POINT_BEFORE.search(text, max(0, s - 48), s):
            return _Raw(s, e, _SKIP, None)  # the decimals of "nought point five"
        point = _POINT_AFTER.match(text, e, limit)
        if point is not None:
            decimals = _spelled_decimals(point.group("digits"))
            if decimals is None or not value.is_integer():
                return _Raw(s, point.end(), _SKIP, None)
            spelled = float(f"{int(value)}.{decimals}")
            stop = point.start("digits") + len(point.group("digits").rstrip())
            return _number(text, s, stop, spelled, len(decimals), 10.0 ** -len(decimals), limit, words=True)
        den = _DEN_AFTER.match(text, m.end(), limit)
        if den is not None:
            return _spelled_fraction(text, s, m.end(), m.group(0), den, limit)
        den = _DEN_AFTER.match(text, e, limit)
        if den is not None:
            return _spelled_fraction(text, s, e, m.group(0)[:length], den, limit)
        if " and " in m.group(0)[:length].lower() and _DOZEN_AFTER.match(text, e, limit):
            return _Raw(s, e, _SKIP, None)  # "three hundred and two dozens"
        if _AND_ORDINAL_AFTER.match(text, e, limit):
            return _Raw(s, e, _SKIP, None)  # "two hundred and a thirtieth"
        if (
            value == 1
            and e - s == 3
            and not _UNIT.match(text, e, limit)
            and not _SCALE.match(text, e, limit)
            and not _AND_FRACTION.match(text, e, limit)
            and not _RATIO_AFTER.match(text, e, limit)
            and not _counted_noun(text, e, limit)
        ):
            return None  # "one of them": a pronoun more often than a count
        return _number(text, s, e, value, 0, 1.0, limit, words=True)
    if group in ("dmd", "ddm", "dmy"):
        month = MONTHS[_key(m.group("m1") or m.group("m2") or m.group("m3"))]
        day_text = m.group("d1") or m.group("d2")
        year_text = m.group("y1") or m.group("y2") or m.group("y3")
        day = int(_NON_DIGITS.sub("", day_text)) if day_text else None
        year = int(year_text) if year_text else None
        if day is None and year is not None:
            return _Raw(s, e, "date", None, date=f"{year:04d}-{month:02d}")
        if year is None and published is not None:
            year = published.year
        try:
            _dt.date(year or 2000, month, day or 1)
        except ValueError:
            return None
        iso = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
        return _Raw(s, e, "date", None, date=iso)
    if group == "weekday":
        iso = None
        if published is not None:
            back = (published.weekday() - WEEKDAYS[_key(m.group(0))]) % 7
            iso = (published - _dt.timedelta(days=back)).isoformat()
        return _Raw(s, e, "date", None, unit="weekday", date=iso)
    if group == "month":
        before = text[max(0, s - 8) : s].lower()
        if not _MONTH_LEAD.search(before):
            return None
        month = MONTHS[_key(m.group(0))]
        iso = f"{published.year:04d}-{month:02d}" if published is not None else f"--{month:02d}"
        return _Raw(s, e, "date", None, unit="month", date=iso)
    if group == "fy":
        y1 = _full_year(m.group("fy1"), None)
        y2 = _full_year(m.group("fy2"), y1) if m.group("fy2") else None
        if y2 is None:
            return _Raw(s, e, "year", float(y1), unit="fiscal")
        return _Raw(s, e, "range", None, unit="fiscal", low=float(y1), high=float(y2), range_of="year")
    if group == "clock":
        hours = int(m.group("hh")) + int(m.group("mm")) / 60
        ampm = (m.group("ampm") or "").lower()
        if ampm.startswith("p") and hours < 12:
            hours += 12
        if ampm.startswith("a") and hours >= 12:
            hours -= 12
        return _Raw(s, e, "time", hours, unit="hour", precision=2, step=1 / 60)
    if group == "ordd":
        return _Raw(s, e, "ordinal", float(_NON_DIGITS.sub("", m.group(0))))
    if group == "ordw":
        value = _ordinal_value(m.group(0))
        if value is None:
            if _SCALED_RUN.search(m.group(0)):
                return _Raw(s, e, _SKIP, None)  # a long spelled ordinal not read to its end
            return None
        return _Raw(s, e, "ordinal", float(value))
    if group == "frac":
        den = FRACTION_DENOMINATORS[_key(m.group("fden"))]
        num_word = m.group("fnum").lower()
        plural = m.group("fden").lower().endswith("s") or m.group("fden").lower() == "halves"
        scaled = _OF_SCALE.match(text, e, limit)
        if num_word in ("a", "one"):
            num = 1.0
            after = text[e : e + 4].lower()
            if den != 2 and not after.startswith(" of") and scaled is None:
                return None  # "a third term" is an ordinal
        else:
            parsed = _word_number(num_word)
            if parsed is None or not plural:
                return None
            num = parsed[0]
        if scaled is not None:  # "two thirds of a million", "a quarter million"
            return _number(
                text,
                s,
                scaled.end(),
                num / den * SCALE_WORDS[_key(scaled.group("scale"))],
                3,
                SCALE_WORDS[_key(scaled.group("scale"))] / 1000,
                limit,
                words=True,
                scaled=True,
            )
        return _Raw(s, e, "fraction", num / den, precision=3, step=0.001)
    if group == "quarter":
        scaled = _OF_SCALE.match(text, e, limit)
        if scaled is None:
            return None
        factor = SCALE_WORDS[_key(scaled.group("scale"))]  # "quarter million"
        return _number(text, s, scaled.end(), 0.25 * factor, 2, factor / 100, limit, words=True, scaled=True)
    if group == "half":
        scaled = _OF_SCALE.match(text, e, limit)
        if scaled is not None:  # "half a million"
            factor = SCALE_WORDS[_key(scaled.group("scale"))]
            return _number(
                text, s, scaled.end(), 0.5 * factor, 1, factor / 10, limit, words=True, scaled=True
            )
        if not text[e : e + 3].lower().startswith(" of"):
            return None
        return _Raw(s, e, "fraction", 0.5, precision=3, step=0.001)
    if group == "noun":
        rest = m.group(0)[2:]
        word = rest.split()[0].split("-")[0].lower()
        if word in NUMBER_NOUNS:
            return _number(text, s, s + 2 + len(word), float(NUMBER_NOUNS[word]), 0, 1.0, limit, words=True)
        parsed = _word_number("one " + rest)
        if parsed is None:
            return None
        return _number(text, s, s + parsed[1] - 2, parsed[0], 0, 1.0, limit, words=True)
    return None


def _spelled_decimals(words: str) -> str | None:
    """The digits of a spelled decimal part: "zero three" -> "03", "seventy-one" -> "71"."""
    out = []
    for word in re.split(r"[ \u00a0]+", words.strip().lower()):
        if word in _DIGIT_WORDS:
            out.append(_DIGIT_WORDS[word])
        else:
            parsed = _word_number(word)
            if parsed is None or not 10 <= parsed[0] < 100 or parsed[1] != len(word):
                return None
            out.append(str(int(parsed[0])))
    return "".join(out) or None


def _spelled_fraction(text: str, s: int, e: int, run: str, den: re.Match, limit: int) -> _Raw:
    """A run of number words before a denominator: "one hundred and three quarters" = 100.75,
    "six million and two thirds" = 6,666,667. A run that does not split so plainly ("twenty-
    three fifths", "one hundred thirty fifths") is not claimed."""
    den_word = den.group("den").lower()
    den_value = FRACTION_DENOMINATORS.get(den_word)
    head, sep, tail = run.lower().rpartition(" and ")
    whole = _word_number(head) if sep else None
    num = _word_number(tail) if sep else None
    plural = den_word.endswith("s")
    if (
        den_value is None
        or whole is None
        or num is None
        or whole[1] != len(head.strip())
        or num[1] != len(tail.strip())
        or not 1 <= num[0] <= 9
        or plural != (num[0] > 1)
    ):
        return _Raw(s, den.end(), _SKIP, None)
    more = _SCALE.match(text, den.end(), limit)
    if more is not None:
        return _Raw(s, more.end(), _SKIP, None)  # "one billion and three quarters million"
    last = head.replace("-", " ").split()[-1]
    factor = SCALE_WORDS.get(last, 1.0) if last in ("thousand", "million", "billion", "trillion") else 1.0
    value = whole[0] + num[0] / den_value * factor
    return _number(text, s, den.end(), value, 2, factor / den_value, limit, words=True, scaled=True)


def _counted_noun(text: str, end: int, limit: int) -> str | None:
    """The noun a number counts when one follows it ("75 people"), else None."""
    noun = _NOUN_AFTER.match(text, end, limit)
    if noun is None:
        group = _GROUP_AFTER.match(text, end, limit)
        if group is not None and _is_noun(group.group("noun").lower()):
            return group.group("noun").lower()
        return None
    word = noun.group("noun")
    if word in STOPWORDS or word in _NUMBER_WORD_SET or word in DELTA_AFTER:
        return None
    if not _is_noun(word):
        # "300 electoral votes", "the second televised debate": the noun after the adjective.
        after = _NOUN_AFTER.match(text, noun.end(), limit)
        if after is not None and text[noun.end()] == " " and _is_noun(after.group("noun")):
            return after.group("noun")
    return word


def _full_year(text: str, first: int | None) -> int:
    value = int(text)
    if len(text) == 4:
        return value
    if first is None:
        return 2000 + value if value < 70 else 1900 + value
    century = first - first % 100
    candidate = century + value
    return candidate if candidate >= first else candidate + 100


def _number(
    text: str,
    s: int,
    e: int,
    value: float,
    decimals: int,
    step: float,
    limit: int,
    *,
    words: bool,
    plain: bool = False,
    scaled: bool = False,
) -> _Raw | None:
    """A cardinal at ``text[s:e]`` with its currency, scale, unit, range and approximation.

    ``scaled`` says the figure already holds its scale word ("half a million")."""
    raw = _Raw(s, e, "count", value, precision=decimals, step=step, written_plain=plain)
    fraction = _AND_FRACTION.match(text, e, limit)
    if fraction:
        after = _SCALE.match(text, fraction.end(), limit)
        if after is not None and after.group("word"):
            if words and any(w in SCALE_WORDS for w in text[s:e].lower().replace("-", " ").split()):
                return _Raw(s, after.end(), _SKIP, None)  # "one billion and a half million"
            # "five and a half million": the whole and its fraction, then the scale.
            factor = SCALE_WORDS[_key(after.group("word"))]
            den = FRACTION_DENOMINATORS[_key(fraction.group("den"))]
            return _number(
                text,
                s,
                after.end(),
                (value + 1 / den) * factor,
                2,
                factor / den,
                limit,
                words=words,
                scaled=True,
            )
    if fraction:
        den = FRACTION_DENOMINATORS[_key(fraction.group("den"))]
        # "one million and a half" is 1.5 million: the fraction is of the last scale word.
        last = text[s:e].lower().replace("-", " ").split()[-1] if words else ""
        raw.value = value + SCALE_WORDS.get(last, 1.0) / den
        raw.end = e = fraction.end()
        raw.precision, raw.step = 2, 1 / den
    negative = _NEGATIVE_BEFORE.match(text[max(0, s - 9) : s][::-1])
    if negative is not None:
        raw.value, raw.start = -value, s - negative.end()
    elif s > 0 and text[s - 1] == "-" and (s == 1 or text[s - 2] in " \t\n([\u00a0"):
        raw.value, raw.start = -value, s - 1
    currency = _currency_before(text, s)
    if currency is not None:
        code, cur_start = currency
        if re.search(r"\d[ \u00a0]?$", text[max(0, cur_start - 2) : cur_start]):
            return _Raw(s, e, _SKIP, None)  # "10 $ 30": whose sign it is cannot be told
        raw.kind, raw.unit, raw.start = "money", code, cur_start
    scale = _SCALE.match(text, raw.end, limit) if not scaled else None
    if scale is not None:
        abbr = scale.group("abbr")
        factor = SCALE_WORDS.get((scale.group("word") or "").lower()) or SCALE_ABBREVIATIONS.get(
            (abbr or "").lower()
        )
        # "100m" is metres unless money is being counted; "5b" is rarely anything but money.
        if factor is not None and (
            abbr is None
            or raw.kind == "money"
            or abbr.lower() in ("bn", "mn", "tn", "k", "bln", "mln", "trn", "tln", "mio")
        ):
            raw.value = (raw.value or 0) * factor
            raw.step = step * factor
            raw.end = scale.end()
            again = _SCALE.match(text, raw.end, limit)
            if again is not None and again.group("word"):  # "1.5 lakh crore"
                more = SCALE_WORDS[_key(again.group("word"))]
                raw.value, raw.step, raw.end = raw.value * more, raw.step * more, again.end()
            fraction = _AND_FRACTION.match(text, raw.end, limit)
            if fraction:  # "3 million and a half"
                raw.value += factor / FRACTION_DENOMINATORS[_key(fraction.group("den"))]
                raw.end = fraction.end()
            elif not words and scale.group("word"):
                _more_digits(text, raw, factor, limit)
    ratio = _RATIO_AFTER.match(text, raw.end, limit) if raw.kind == "count" and not scale else None
    if ratio is not None and (raw.end == e):
        second = _plain_number(text, ratio.end(), limit)
        if second is None and ratio.group("w").lower() != "in":
            return _Raw(raw.start, ratio.end(), _SKIP, None)  # "two out of five hundreds"
        if second is not None:
            how = ratio.group("w").lower()
            if how == "over":
                return _Raw(raw.start, second[1], _SKIP, None)  # "one over three"
            year = how == "in" and 1000 <= second[0] <= 2100
            if second[0] and not year and (how != "in" or raw.value == 1) and (raw.value or 0) <= second[0]:
                # "1 in 5 voters", "two out of three": a share, as a fraction
                den_value, den_end = second
                return _Raw(
                    raw.start, den_end, "fraction", (raw.value or 0.0) / den_value, precision=3, step=0.001
                )
    age = _AGE.match(text, raw.end, limit)
    if age is not None and raw.kind == "count":
        raw.kind, raw.unit, raw.end = "age", "year", age.end()
        return raw
    unit = _UNIT.match(text, raw.end, limit)
    if unit is not None:
        _apply_unit(raw, unit.group("unit").lower(), unit.end(), "-" in unit.group("sep"))
        if raw.kind == "duration" and not _more_duration(text, raw, limit):
            return _Raw(raw.start, raw.end, _SKIP, None)
        if (raw.end < limit and text[raw.end] in "^\u00b2\u00b3") or _POWER_WORD.match(text, raw.end, limit):
            return _Raw(raw.start, _GLUED.match(text, raw.end + 1, limit).end(), _SKIP, None)  # "4km^2"
        later = _SCALE.match(text, raw.end, limit) if scale is None and not scaled else None
        if raw.kind == "money" and raw.end == unit.end() and later is not None and later.group("word"):
            factor = SCALE_WORDS[_key(later.group("word"))]  # "75 USD million"
            raw.value, raw.step, raw.end = (raw.value or 0) * factor, raw.step * factor, later.end()
        if raw.kind == "money" and unit.group("unit").lower() in CURRENCY_NAMES and raw.end == unit.end():
            two = _TWO_UNITS_AFTER.match(text, raw.end, limit)
            cents = _plain_number(text, two.end(), limit) if two is not None else None
            if cents is not None:
                tail = _CENTS.match(text, cents[1], limit)
                if tail is None:
                    return _Raw(raw.start, cents[1], _SKIP, None)  # "15 dollars 50": not read
                raw.value = (raw.value or 0.0) + cents[0] / 100
                raw.step, raw.precision, raw.end = 0.01, 2, tail.end()
    if raw.kind == "count" and not words and raw.value is not None:
        if _TZ_AFTER.match(text, raw.end, limit) and 0 <= raw.value <= 2359 and len(text[s:e]) == 4:
            hh, mm = divmod(int(raw.value), 100)
            if mm < 60:
                return _Raw(s, e, "time", hh + mm / 60, unit="hour", precision=2, step=1 / 60)
    approx = _APPROX_BEFORE.match(text[max(0, raw.start - 24) : raw.start][::-1])
    if approx is not None:
        word = _key(approx.group("approx")[::-1])
        raw.approx, raw.bound = word, APPROXIMATIONS[word]
        raw.start -= approx.end()
    if _may_restate(text, raw.start) and _ALIAS_BEFORE.search(text[max(0, raw.start - 12) : raw.start]):
        raw.restates = True
    _join_range(text, raw, limit, words=words)
    return raw


def _plain_number(text: str, pos: int, limit: int) -> tuple[float, int] | None:
    """A bare number in digits or words at ``pos``: its value and where it ends."""
    m = _CORE.match(text, pos, limit)
    if m is None or m.lastgroup not in ("digits", "words"):
        return None
    if m.lastgroup == "digits":
        value, stop = _digit_value(m.group(0))[0], m.end()
    else:
        parsed = _word_number(m.group(0))
        if parsed is None:
            return None
        value, stop = parsed[0], m.start() + parsed[1]
    if stop < limit and text[stop].isalpha():
        return None
    return value, stop


def _more_digits(text: str, raw: _Raw, factor: float, limit: int) -> None:
    """Add what follows digits and a scale word in the same number: "4 thousand 3 hundred and
    21" = 4321, "6 crore and two hundred"; a smaller scale must follow, or after "hundred" an
    "and" and the units."""
    for _ in range(4):
        join = _DIGITS_JOIN.match(text, raw.end, limit)
        if join is None:
            return
        m = _CORE.match(text, join.end(), limit)
        if m is None or m.lastgroup not in ("digits", "words"):
            return
        if m.lastgroup == "digits":
            value, stop = _digit_value(m.group(0))[0], m.end()
            scale = _SCALE.match(text, stop, limit)
            own = (
                SCALE_WORDS.get(scale.group("word").lower())
                if scale is not None and scale.group("word")
                else None
            )
            if own is not None:
                value, stop = value * own, scale.end()
        else:
            parsed = _word_number(m.group(0))
            if parsed is None:
                return
            value, stop = parsed[0], m.start() + parsed[1]
            spelled = m.group(0)[: parsed[1]].lower().replace("-", " ").split()
            own = next((SCALE_WORDS[w] for w in reversed(spelled) if w in SCALE_WORDS), None)
        units = own is None and join.group("and") is not None and factor == 100 and 0 < value < 100
        if not (own is not None and own < factor and value < factor) and not units:
            return
        raw.value = (raw.value or 0.0) + value
        raw.step = min(raw.step, own or 1.0)
        raw.end = stop
        factor = own or 1.0


def _more_duration(text: str, raw: _Raw, limit: int) -> bool:
    """Add the parts of a duration told in several units ("two years and six months" = 2.5
    years); False when the parts do not add up in one unit ("1 year 21 days")."""
    for _ in range(3):
        join = _DURATION_JOIN.match(text, raw.end, limit)
        if join is None:
            return True
        m = _CORE.match(text, join.end(), limit)
        if m is None or m.lastgroup not in ("digits", "words"):
            return True
        if m.lastgroup == "digits":
            value, _ = _digit_value(m.group(0))
            stop = m.end()
        else:
            parsed = _word_number(m.group(0))
            if parsed is None:
                return True
            value, stop = parsed[0], m.start() + parsed[1]
        unit = _UNIT.match(text, stop, limit)
        if unit is None or unit.group("unit").lower() not in DURATION_UNITS:
            return True
        base, factor = DURATION_UNITS[_key(unit.group("unit"))]
        if base != raw.unit:
            raw.end = unit.end()
            return False
        raw.value = (raw.value or 0.0) + value * factor
        raw.step = min(raw.step, factor)
        raw.end = unit.end()
    return True


def _currency_before(text: str, s: int) -> tuple[str, int] | None:
    m = _CUR_BEFORE.match(text[max(0, s - 5) : s][::-1])
    if m is None:
        return None
    cur = m.group("cur")[::-1]
    start = s - m.end()
    spaced = _SPACED_PREFIX.search(text, max(0, start - 6), start)
    if cur == "$" and spaced is not None and spaced.group("p").lower() in _DOLLAR_COUNTRIES:
        # "c $ 16.4", "hk $ 10.05": a dollar's country written apart from its sign.
        code = CURRENCY_SYMBOLS.get(spaced.group("p").lower().replace(".", "") + "$")
        if code is not None:
            return code, spaced.start()
    return CURRENCY_SYMBOLS[_key(cur)], start


def _apply_unit(raw: _Raw, unit: str, end: int, hyphen: bool) -> None:
    if unit in PERCENT_WORDS:
        raw.kind, raw.unit = ("percent" if raw.kind != "money" else raw.kind), (raw.unit or "%")
        if raw.kind == "percent":
            raw.unit = "%"
    elif unit in POINT_WORDS:
        raw.kind, raw.unit = "points", "pp"
    elif unit in CURRENCY_NAMES:
        if hyphen:
            return
        code = CURRENCY_NAMES[unit]
        if code.endswith("-cent") or code.endswith("-pence"):
            if raw.kind == "money":
                return
            raw.value = (raw.value or 0) / 100
            raw.step /= 100
            code = code.split("-")[0]
        raw.kind, raw.unit = "money", code
    elif unit in DURATION_UNITS:
        if raw.kind == "money":
            return
        base, factor = DURATION_UNITS[unit]
        raw.kind, raw.unit = "duration", base
        raw.value = (raw.value or 0) * factor
        raw.step *= factor
    elif unit in MEASURE_UNITS:
        if raw.kind == "money":
            return
        dim, factor = MEASURE_UNITS[unit]
        raw.kind, raw.unit = "measure", _SI[dim]
        raw.value = (raw.value or 0) * factor
        raw.step *= factor
    else:
        return
    raw.end = end


_SI = {"length": "m", "mass": "kg", "volume": "m3", "area": "m2", "speed": "m/s"}


def _join_range(text: str, raw: _Raw, limit: int, *, words: bool) -> None:
    """Extend ``raw`` to a range when another figure follows ("10-15 per cent", "2024-29")."""
    sep = _RANGE_SEP.match(text, raw.end, limit)
    if sep is None:
        return
    word = sep.group("sep")
    between = _BETWEEN_BEFORE.search(text[max(0, raw.start - 9) : raw.start])
    if word == "and" and (between is None or between.group("w").lower() != "between"):
        return
    if word in ("to", "through") and between is not None and between.group("w").lower() == "from":
        before = re.findall(r"[A-Za-z]+", text[max(0, raw.start - 40) : raw.start])
        if any(w.lower() in CHANGE_VERBS for w in before[-4:-1]):
            return  # "rose from 10 to 15": a change from one value to another, not a range
    m = _CORE.match(text, sep.end(), limit)
    if m is None or m.lastgroup not in ("digits", "words"):
        return
    if m.lastgroup == "digits":
        second, decimals = _digit_value(m.group(0))
        second_text = m.group(0)
    else:
        parsed = _word_number(m.group(0))
        if parsed is None:
            return
        second, decimals = parsed[0], 0
        second_text = m.group(0)[: parsed[1]]
    end2 = m.start() + len(second_text)
    first = raw.value if raw.value is not None else 0.0
    if (
        raw.kind == "count"
        and raw.written_plain
        and word in "-\u2013\u2014/"
        and 1000 <= first <= 2100
        and _YEAR_END.fullmatch(second_text)
        and not _UNIT.match(text, end2, limit)
    ):
        high = _full_year(second_text, int(first))
        if high <= first:
            return
        raw.kind, raw.range_of, raw.low, raw.high, raw.value = "range", "year", first, float(high), None
        raw.end, raw.unit, raw.written_plain = end2, "year", False
        return
    if raw.kind == "count" and raw.written_plain and 1000 <= first <= 2100 and word in "-\u2013\u2014":
        return  # "1990-2" and the like: leave ambiguous spans alone
    second_raw = _number_tail(text, m.start(), end2, second, decimals, limit)
    kind = raw.kind
    if kind == "count" and second_raw.kind != "count":
        # "10-15 per cent", "8 to 10 years": the unit written once, after the second figure.
        kind, raw.unit = second_raw.kind, second_raw.unit
        factor = second_raw.value / second if second else 1.0
        first *= factor
        raw.step *= factor
        high = second_raw.value
    elif second_raw.kind == kind:
        high = second_raw.value
    elif second_raw.kind == "count":
        # "$10 to 20", "$3-4 million": the unit on the first figure, the scale on the second.
        factor = second_raw.value / second if second else 1.0
        first *= factor
        raw.step *= factor
        high = second_raw.value
    else:
        return
    if high is None or high < first:
        return
    raw.kind, raw.range_of, raw.low, raw.high, raw.value = "range", kind, first, high, None
    raw.end = second_raw.end


def _number_tail(text: str, s: int, e: int, value: float, decimals: int, limit: int) -> _Raw:
    raw = _Raw(s, e, "count", value, precision=decimals, step=10.0**-decimals)
    scale = _SCALE.match(text, e, limit)
    if scale is not None and scale.group("word"):
        factor = SCALE_WORDS[_key(scale.group("word"))]
        raw.value, raw.end = value * factor, scale.end()
    unit = _UNIT.match(text, raw.end, limit)
    if unit is not None:
        _apply_unit(raw, unit.group("unit").lower(), unit.end(), "-" in unit.group("sep"))
    return raw


_TOKEN_START = itemgetter(0)
_TOKEN_END = itemgetter(1)


def _words_around(tokens: Sequence[Token], start: int, end: int, before: int, after: int):
    """Word norms before (nearest first) and after ``[start, end)`` in a sentence's ``tokens``,
    within the clause."""
    # Searched on the tokens' offsets in place: a sentence is read around one or two
    # quantities, too few to pay for lists of its offsets.
    lo = bisect_right(tokens, start, key=_TOKEN_END)
    hi = bisect_left(tokens, end, key=_TOKEN_START)
    return (
        _clause_words(reversed(tokens[max(0, lo - before * 2) : lo]), before),
        _clause_words(tokens[hi : hi + after * 2], after),
    )


def _clause_words(tokens, limit: int) -> list[str]:
    """The norms of the first ``limit`` words of ``tokens``, up to a clause break."""
    words = []
    # A token's fields read by position (3: norm, 4: kind): cheaper per token than unpacking all
    # five or reading the named tuple's attributes.
    for token in tokens:
        if token[4] != "punct":
            words.append(token[3])
            if len(words) >= limit:
                break
        elif token[3] in _CLAUSE_BREAK:
            break
    return words


def _finish(text: str, raw: _Raw, sent: Sentence, prev: Quantity | None) -> Quantity | None:
    kind, value, unit = raw.kind, raw.value, raw.unit
    if kind == "count" and raw.written_plain and value is not None and 1000 <= value <= 2100:
        noun = _NOUN_AFTER.match(text, raw.end, sent.end)
        plural = noun is not None and noun.group("noun").endswith("s") and text[raw.end] != "-"
        if not plural:
            kind, unit = "year", None
    left, right = _words_around(sent.tokens, raw.start, raw.end, 12, 4)
    first_left = left[0] if left else ""
    first_right = right[0] if right else ""
    counted = raw.kind == "count" and kind == "count"
    if kind == "ordinal" or counted:
        word = _counted_noun(text, raw.end, sent.end)
        if word is not None:
            unit = _noun_lemma(word)
    if counted:
        if first_left == "aged" or left[:3] == ["of", "age", "the"]:
            kind, unit = "age", "year"
        elif (
            unit is None
            and len(left) >= 3
            and first_left in ("was", "is", "were")
            and "when" in left[1:4]
            and not right
        ):
            kind, unit = "age", "year"  # "when she was 21,"
    if kind == "count" and unit is None and raw.precision > 0:
        kind = "number"  # a decimal with nothing counted: a magnitude, a score, a rate
    if kind in ("count", "number") and raw.start > 0 and text[raw.start - 1] == "-":
        hyphen = _WORD_HYPHEN_BEFORE.search(text[max(0, raw.start - 21) : raw.start])
        if hyphen is not None:
            kind, unit = "number", hyphen.group("w").lower()
    category_kind = kind if kind != "range" else (raw.range_of or "count")
    words = left + right
    if _NEAR_VOCABULARY.isdisjoint(words) and "-" not in "".join(words):
        # Most figures have no category or role word around them, nor a hyphenated word that
        # could hold one: told by set operations, without the nearest-word loops.
        category = "age" if category_kind == "age" else None
        role = None
    else:
        category = _category(category_kind, left, right)
        role = _nearest(left, right[:1], QUANTITY_ROLES)
    if raw.bound == "at_most" and role is None:
        role = "max"
    # "up 3", "3 more", "3 more than": a change or a difference ("10 more than" is already
    # told by "more").
    delta = raw.delta or first_right in DELTA_AFTER or first_right == "than" or first_left in DELTA_BEFORE
    restates = raw.restates and prev is not None and prev.end >= raw.start - 12
    if (
        kind == "money"
        and not restates
        and value is not None
        and raw.start > 0
        and text[raw.start - 1] == "("
        and text[raw.end : raw.end + 1] == ")"
    ):
        value = -value  # "revenue of ($99.99)": an accounting negative, not a conversion
    return built_from(
        Quantity,
        {
            "start": raw.start,
            "end": raw.end,
            "text": text[raw.start : raw.end],
            "kind": kind,
            "value": _clean(value) if kind != "range" else None,
            "unit": unit,
            "low": None if raw.low is None else _clean(raw.low),  # most figures are no range
            "high": None if raw.high is None else _clean(raw.high),
            "range_of": raw.range_of,
            "precision": raw.precision,
            "step": raw.step,
            "approx": raw.approx,
            "bound": raw.bound,
            "date": raw.date,
            "category": category,
            "role": role,
            "delta": delta,
            "restates": restates,
            "sentence": sent.index,
        },
    )


def _clean(value: float | None) -> float | None:
    if value is None:
        return None
    if value.__class__ is float and value.is_integer() and -1e12 < value < 1e12:
        # Most figures are whole: twelve significant digits hold such a value exactly, so the
        # text round trip below would give back the same number.
        return float(int(value))
    rounded = float(f"{value:.12g}")
    return float(int(rounded)) if rounded.is_integer() else rounded


_NEAR_VOCABULARY = frozenset(QUANTITY_CATEGORIES) | frozenset(QUANTITY_ROLES)

_CATEGORY_KINDS = {
    "prison": ("duration",),
    "age": ("age", "count"),
    "votes": ("percent", "count", "points"),
    "turnout": ("percent", "count", "points"),
}
# The kinds any category allows: a figure of another kind (a date, a year, an amount) has none,
# whatever words are around it, so they are not looked up.
_CATEGORISED_KINDS = frozenset(k for kinds in _CATEGORY_KINDS.values() for k in kinds) | {"count"}


def _category(kind: str, left: list[str], right: list[str]) -> str | None:
    if kind == "age":
        return "age"
    if kind not in _CATEGORISED_KINDS:
        return None
    found = _nearest(left, right, QUANTITY_CATEGORIES)
    if found is None:
        return None
    allowed = _CATEGORY_KINDS.get(found, ("count",))
    return found if kind in allowed else None


def _nearest(left: list[str], right: list[str], vocab: Mapping[str, str]) -> str | None:
    """The vocabulary entry nearest the quantity, on either side; a tie goes to the word after."""
    near = right[:3]
    # Most figures have no such word around them, which set operations tell without a loop.
    if vocab.keys().isdisjoint(near) and vocab.keys().isdisjoint(left) and "-" not in "".join(near + left):
        return None
    best: tuple[int, int, str] | None = None
    for side, words in ((0, near), (1, left)):
        for distance, word in enumerate(words):
            if best is not None and distance >= best[0]:
                break
            if "-" in word:
                part = next((p for p in word.split("-") if p in vocab), None)
            else:
                part = word if word in vocab else None
            if part is not None:
                if best is None or (distance, side) < best[:2]:
                    best = (distance, side, vocab[part])
                break
    return best[2] if best is not None else None


# --------------------------------------------------------------------------- comparison

# How wide an approximation is, as a share of the value: "about 20" is 18..22, "nearly 70"
# is 59.5..70, "just over 400" is 400..460.
NEAR_SHARE = 0.1
NEARLY_SHARE = 0.15
# Sentences outside an aligned cluster state the same figure when they share this many
# content words (besides the figure's own category word).
GLOBAL_MIN_SHARED = 2
# Aligned sentences pair their figures only when they share this many specific words; a
# sentence of this many tokens or more that aligns always does.
ALIGNED_MIN_SHARED = 2
SHORT_SENTENCE = 16
# Sentences this similar (Dice over specific words) tell the same thing even when nothing else
# in their articles corroborates it.
SAME_SENTENCE_DICE = 0.7
# Two articles tell one story when this share of either one's sentences aligns with the other.
STORY_COVERAGE = 0.4
# Counts up to this agree between unrelated articles too often to show they tell one story.
SMALL_COUNT = 10
# Words after an ordinal or a time of day that name the thing itself, not what is said of it.
NOUN_PHRASE_WORDS = 3
# Content words around a quantity that pairing reads, on each side.
CONTEXT_WINDOW = 6
# Work bounds: quantities per sentence, and story-level quantities per comparison, that are
# paired (a hostile text can hold thousands in one sentence; real news has a handful).
MAX_PER_SENTENCE = 40
MAX_CATEGORISED = 400

_KIND_LABEL = {
    "percent": "A percentage",
    "points": "A change in percentage points",
    "money": "An amount",
    "count": "A figure",
    "year": "A year",
    "date": "A date",
    "duration": "A duration",
    "ordinal": "An ordinal",
    "range": "A range",
    "fraction": "A fraction",
    "age": "An age",
    "measure": "A measurement",
    "time": "A time of day",
    "number": "A figure",
}
_CATEGORY_LABEL = {
    "dead": "The death toll",
    "injured": "The number of injured",
    "missing": "The number of missing",
    "arrested": "The number of arrests",
    "evacuated": "The number evacuated",
    "displaced": "The number displaced",
    "votes": "The vote figure",
    "turnout": "The turnout",
    "age": "The age",
    "prison": "The prison term",
}
_ROLE_LABEL = {
    "max": "maximum",
    "min": "minimum",
    "average": "average",
    "request": "requested",
    "expected": "expected",
    "guideline": "guideline",
    "previous": "previous",
    "initial": "initial",
    "target": "target",
}


# What a value not yet worked out is set to where None is a value ("does not pair", "no
# majority").
_NOT_YET = object()


class _Item:
    """One mention in a comparison, with what pairing and judging read of it worked out once
    per mention: with many articles the same mention is in thousands of candidate pairs."""

    __slots__ = ("key", "doc", "article_id", "q", "rel", "article", "index", "value_id", "base", "telling")
    __slots__ += ("_context", "_story", "_mention")

    def __init__(self, key: tuple[str, int], doc: Document, q: Quantity, rel: float, article: int):
        self.key = key  # (article id, index of the quantity in that article)
        self.doc = doc
        self.article_id = key[0]  # read in every finding: a plain attribute, not the property
        self.q = q
        self.rel = rel  # where the sentence sits in its article, 0..1
        self.article = article  # position of the article in the comparison
        self.index = -1  # position in key order among all mentions, set once all are known
        self.value_id = -1  # the value as ``_Judge`` knows it
        self.base = _base(q)
        self.telling = _telling(q, self.base)
        self._context: set[str] | None = None
        self._story: frozenset[str] | None = None
        self._mention: Mention | None = None

    def sentence(self) -> Sentence:
        return self.doc.sentences[self.q.sentence]

    def context(self) -> set[str]:
        """The content words around the mention, ``CONTEXT_WINDOW`` on each side, read once
        (a set only ever read, so not copied into a frozenset)."""
        if self._context is None:
            left, right = self.words_around(CONTEXT_WINDOW, CONTEXT_WINDOW)
            words = set(map(_context_word, left + right))
            words.discard(None)
            self._context = words
        return self._context

    def story_words(self, cache: dict) -> frozenset[str]:
        """See ``_story_words``; read once per mention, which is in a pair with each other
        article's mention of its category and role."""
        if self._story is None:
            self._story = _story_words(self.sentence(), cache)
        return self._story

    def words_around(self, before: int, after: int) -> tuple[list[str], list[str]]:
        """See ``_words_around``."""
        q = self.q
        return _words_around(self.doc.sentences[q.sentence].tokens, q.start, q.end, before, after)

    def as_mention(self) -> Mention:
        """Where a finding points: built once, however many findings show this mention."""
        if self._mention is None:
            self._mention = mention(self.doc, self.q.start, self.q.end)
        return self._mention


def _base(q: Quantity) -> str:
    return q.range_of if q.kind == "range" and q.range_of else q.kind


def _comparable(x: _Item, y: _Item) -> bool:
    a, b = x.q, y.q
    if a.restates or b.restates or a.delta != b.delta:
        return False
    ka = x.base
    if ka != y.base:
        return False
    if ka == "date":
        return _date_parts(a.date, b.date) is not None
    if ka in ("money", "measure", "duration", "age", "points", "percent", "time", "number"):
        return a.unit == b.unit
    if ka in ("count", "ordinal"):
        return (
            a.unit is None
            or b.unit is None
            or a.unit == b.unit
            or (a.category is not None and a.category == b.category)
        )
    return True


def _date_parts(a: str | None, b: str | None) -> tuple[str, str] | None:
    """The parts of two ISO dates that both state, or None when they cannot be compared."""
    if a is None or b is None:
        return None
    if a.startswith("--") or b.startswith("--"):
        # A date without its year is compared on month and day with the other's.
        pa = a[2:] if a.startswith("--") else a[5:]
        pb = b[2:] if b.startswith("--") else b[5:]
        return (pa, pb) if len(pa) == len(pb) else None
    if len(a) != len(b):
        return None
    return a, b


def _interval(q: Quantity) -> tuple[float, float]:
    if q.kind == "range":
        return float(q.low or 0.0), float(q.high or 0.0)
    v = float(q.value or 0.0)
    size = abs(v)
    match q.bound:
        case "near":
            return v - size * NEAR_SHARE, v + size * NEAR_SHARE
        case "nearly":
            return v - size * NEARLY_SHARE, v
        case "just_over":
            return v, v + size * NEARLY_SHARE
        case "above" | "at_least":
            return v, math.inf
        case "below" | "at_most":
            return -math.inf, v
    return v, v


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@dataclass(frozen=True)
class _Verdict:
    equal: bool
    consistent: bool
    rounding_compatible: bool = False
    ranges_overlap: bool | None = None


# Every verdict is one of these few, built once: a frozen dataclass costs a microsecond to build.
_EQUAL = _Verdict(equal=True, consistent=True)
_DIFFERENT = _Verdict(equal=False, consistent=False)
_ROUNDED = _Verdict(equal=False, consistent=False, rounding_compatible=True)
_OVERLAPPING = _Verdict(equal=False, consistent=True, ranges_overlap=True)
_APART = _Verdict(equal=False, consistent=False, ranges_overlap=False)


def _judge(a: Quantity, b: Quantity) -> _Verdict:
    if _base(a) == "date":
        parts = _date_parts(a.date, b.date)
        same = parts is not None and parts[0] == parts[1]
        return _EQUAL if same else _DIFFERENT
    exact = a.kind != "range" and b.kind != "range" and a.bound is None and b.bound is None
    if exact:
        va, vb = float(a.value or 0.0), float(b.value or 0.0)
        if _same(va, vb):
            return _EQUAL
        coarse = max(a.step, b.step)
        compatible = not _same(a.step, b.step) and abs(va - vb) <= coarse / 2 * (1 + 1e-9)
        return _ROUNDED if compatible else _DIFFERENT
    la, ha = _interval(a)
    lb, hb = _interval(b)
    if a.kind == "range" and b.kind == "range" and a.bound is None and b.bound is None:
        if _same(la, lb) and _same(ha, hb):
            return _EQUAL
    slack = max(a.step, b.step) / 2
    overlap = la - slack <= hb and lb - slack <= ha
    return _OVERLAPPING if overlap else _APART


class _Judge:
    """``_judge`` remembered per two values: articles that copy a figure state it alike, so
    many pairs of mentions compare the same two values. Each mention's value is numbered
    once (``value_id``), so that a pair is looked up by two small integers."""

    def __init__(self):
        self.values: dict[tuple, int] = {}
        self.verdicts: dict[tuple[int, int], _Verdict] = {}

    def number(self, item: _Item) -> None:
        q = item.q
        key = (q.kind, q.range_of, q.date, q.bound, q.value, q.low, q.high, q.step)
        item.value_id = self.values.setdefault(key, len(self.values))

    def __call__(self, a: _Item, b: _Item) -> _Verdict:
        return self.each(((a, b),))[0]

    def each(self, pairs: Sequence[tuple[_Item, _Item]]) -> list[_Verdict]:
        """The verdict of each of ``pairs``, in order: one call for the many matched pairs
        rather than one per pair."""
        known = self.verdicts
        out = []
        for a, b in pairs:
            key = (a.value_id, b.value_id)
            found = known.get(key)
            if found is None:
                found = known[key] = _judge(a.q, b.q)
            out.append(found)
        return out


@lru_cache(maxsize=8192)
def _context_word(word: str) -> str | None:
    """What a word around a quantity tells of it (see ``_content``), or None for a function
    word or a figure."""
    return _content(word) if _is_content(word) else None


def _noun_phrase(item: _Item) -> frozenset[str]:
    """The words right after a quantity, which name what it counts ("second presidential debate")."""
    _, right = item.words_around(0, NOUN_PHRASE_WORDS)
    return frozenset(_content(w) for w in right)


def _is_content(word: str) -> bool:
    return word not in STOPWORDS and not word[:1].isdigit() and word not in _NUMBER_WORD_SET


@lru_cache(maxsize=8192)
def _content(word: str) -> str:
    word = word.removesuffix("'s")
    lemmas = getAllLemmas(word)
    for pos in ("NOUN", "VERB", "ADJ"):
        if pos in lemmas:
            return lemmas[pos][0]
    return word


# The words of a sentence below are cached per comparison by the sentence's text: its tokens
# follow from its text, and articles that copy a sentence share its words.


def _sentence_words(sent: Sentence, cache: dict) -> frozenset[str]:
    key = (sent.text, "words")
    found = cache.get(key)
    if found is None:
        # Fields by position (3: norm, 4: kind), as in ``_clause_words``.
        norms = {t[3] for t in sent.tokens if t[4] == "word"}
        norms -= STOPWORDS
        norms -= _NUMBER_WORD_SET
        found = frozenset(_content(w) for w in norms if not w[:1].isdigit())
        cache[key] = found
    return found


def _candidates(
    alignment: Alignment, items: Sequence[_Item], articles: int
) -> tuple[dict[int, float], set[int]]:
    """Scored pairs of mentions that may state the same quantity, keyed by ``_pair_code``, and
    the codes of the pairs found in aligned sentences."""
    pairs: dict[int, float] = {}
    words_cache: dict = {}
    _aligned_pairs(alignment, items, pairs, words_cache, articles)
    aligned = set(pairs)  # every pair so far, taken at once rather than added one by one
    _story_pairs(items, pairs, words_cache, articles)
    return pairs, aligned


def _aligned_pairs(alignment: Alignment, items: Sequence[_Item], pairs, words_cache, articles: int):
    """Pairs in aligned sentences: compatible kind and shared words around the figures.

    Articles that copy a sentence word for word hold the same figures in it, so which of their
    figures pair, and on what words, is worked out once per two versions of a sentence; only
    the closeness of their positions in the two articles differs. Two articles seldom hold two
    versions that meet twice, so with two the versions are not worked out at all (what pairs is
    the same either way).
    """
    by_sentence: dict[tuple[str, int], list[_Item]] = {}
    for it in items:
        by_sentence.setdefault((it.article_id, it.q.sentence), []).append(it)
    size = len(items)
    shapes: dict[tuple, int] = {}
    shape_of: dict[tuple[str, int], int] = {}
    unscored = -math.inf
    # What two versions pair, by the first version and then the second: a row per version
    # looked up once per sentence rather than a tuple key built per two sentences.
    paired: dict[int, dict[int, list[tuple[int, int, float]]]] = {}
    versioned = articles > 2
    for cluster in alignment.clusters:
        # The cluster's sentences that hold figures (others pair nothing), each with its
        # figures and its version, looked up once rather than once per two sentences.
        held = []
        for m in cluster.members:
            ref = (m.article_id, m.sentence)
            group = by_sentence.get(ref)
            if group is not None:
                group = group[:MAX_PER_SENTENCE]
                version = _shape_id(ref, group, shapes, shape_of) if versioned else -1
                held.append(_Figures(ref, group, version))
        for i, fa in enumerate(held):
            article_a, ia, rel_a = fa.ref[0], fa.indices, fa.rel
            row = paired.setdefault(fa.version, {}) if versioned else None
            for fb in held[i + 1 :]:
                article_b = fb.ref[0]
                if article_a == article_b:
                    continue
                if not versioned:
                    found = _sentence_pairs(fa, fb, words_cache)
                else:
                    found = row.get(fb.version)
                    if found is None:
                        found = row[fb.version] = _versions_pair(fa, fb, paired, words_cache)
                if not found:
                    continue
                # This loop runs once per two figures, so what depends only on the two
                # sentences is worked out before it: the closeness, how near the sentences sit
                # in their articles (see ``_Item.rel``; every figure of a sentence sits where
                # the sentence does), and which of the two articles comes first in key order
                # (see ``_pair_code``).
                closeness = 0.25 * (1.0 - abs(rel_a - fb.rel))
                ib = fb.indices
                wa, wb = (size, 1) if article_a < article_b else (1, size)
                for x, y, score in found:
                    code = ia[x] * wa + ib[y] * wb
                    score += closeness
                    if score > pairs.get(code, unscored):
                        pairs[code] = score


def _story_pairs(items: Sequence[_Item], pairs, words_cache, articles: int) -> None:
    """Pairs anywhere in the articles: story-level figures (tolls, votes, ages, prison terms)
    said again elsewhere, of one category and role, in sentences that share specific words.

    Articles that copy a sentence hold the same figure in it, so whether two figures pair, and
    on what score, is worked out once per two versions of a figure (see ``_story_version``).
    With two articles two versions seldom meet twice, so each figure stands for itself.
    """
    categorised = [it for it in items if it.q.category is not None and not it.q.restates]
    # Only figures of one category and role ever pair: each such set is paired apart.
    alike: dict[tuple[str | None, str | None], list[_Item]] = {}
    for it in categorised[:MAX_CATEGORISED]:
        alike.setdefault((it.q.category, it.q.role), []).append(it)
    size = len(items)
    version_of: dict[tuple, int] = {}
    scored: dict[tuple[int, int], float | None] = {}
    for group in alike.values():
        if articles > 2:
            versions = [_story_version(it, version_of) for it in group]
        else:
            versions = [it.index for it in group]
        for i, a in enumerate(group):
            va = versions[i]
            for b, vb in zip(group[i + 1 :], versions[i + 1 :], strict=True):
                if a.article == b.article:
                    continue
                score = scored.get((va, vb), _NOT_YET)
                if score is _NOT_YET:
                    score = scored[(va, vb)] = _story_score(a, b, words_cache)
                if score is None:
                    continue
                code = _pair_code(a, b, size)
                if score > pairs.get(code, -math.inf):
                    pairs[code] = score


def _story_version(item: _Item, version_of: dict[tuple, int]) -> int:
    """A number per version of a story-level figure: its sentence's text, where it sits there
    and what ``_story_score`` reads of it, so that articles that copy it get the same number."""
    q, sent = item.q, item.sentence()
    at = sent.start
    shape = (sent.text, q.start - at, q.end - at, q.kind, q.range_of, q.unit, q.date)
    shape += (q.category, q.role, q.bound, q.delta, q.restates)
    return version_of.setdefault(shape, len(version_of))


def _story_score(a: _Item, b: _Item, words_cache: dict) -> float | None:
    """How well two story-level figures of other articles pair, or None when they do not."""
    if not _comparable(a, b) or _other_person(a, b) or _other_noun(a, b):
        return None
    shared = len(a.story_words(words_cache) & b.story_words(words_cache))
    if shared < GLOBAL_MIN_SHARED and a.q.role is None:
        return None
    return shared + 0.5 * (a.q.bound == b.q.bound)


def _story_words(sent: Sentence, cache: dict) -> frozenset[str]:
    """The specific words of a sentence besides category words ("killed", "votes"), which
    every sentence stating a figure of that category holds."""
    key = (sent.text, "story")
    found = cache.get(key)
    if found is None:
        found = cache[key] = _told(sent, cache).difference(QUANTITY_CATEGORIES)
    return found


def _pair_code(a: _Item, b: _Item, size: int) -> int:
    """One integer for two of ``size`` mentions, whichever comes first, ordered as the pairs of
    their keys: cheaper to hash, store and sort than two (article id, index) tuples."""
    if a.index > b.index:
        a, b = b, a
    return a.index * size + b.index


def _shape_id(ref: tuple[str, int], group: list[_Item], shapes: dict, shape_of: dict) -> int:
    """A number per version of a sentence: its text and what ``_sentence_pairs`` reads of its
    figures (offsets counted from the sentence start, kind, unit, date, category, role, delta,
    restatement), so that two articles with the same sentence get the same number. Values are
    judged after pairing, so they are not part of it."""
    found = shape_of.get(ref)
    if found is None:
        sent = group[0].doc.sentences[ref[1]]
        at = sent.start
        # A plain loop: a sentence holds one or two figures, and a generator costs more to
        # start than the reading.
        figures = []
        for it in group:
            q = it.q
            figures.append(
                (
                    q.start - at,
                    q.end - at,
                    q.kind,
                    q.range_of,
                    q.unit,
                    q.date,
                    q.category,
                    q.role,
                    q.delta,
                    q.restates,
                )
            )
        found = shape_of[ref] = shapes.setdefault((sent.text, tuple(figures)), len(shapes))
    return found


_LONE = (True,)  # ``_Figures.alone`` of a sentence with one figure, only ever read


class _Figures:
    """The figures of one sentence in an alignment cluster, with what pairing reads of them
    as a group: looked up once per sentence rather than once per two sentences."""

    __slots__ = ("ref", "items", "indices", "version", "rel", "alone")

    def __init__(self, ref: tuple[str, int], items: list[_Item], version: int):
        self.ref = ref  # (article id, sentence index)
        self.items = items
        self.indices = [it.index for it in items]
        self.version = version  # see ``_shape_id``; -1 when versions are not told apart
        self.rel = items[0].rel
        # Whether each figure is the sentence's only one of its kind and unit (list.count: a
        # sentence holds a handful of figures, too few to pay for a Counter; most hold one).
        if len(items) == 1:
            self.alone = _LONE
        else:
            kinds = [(it.base, it.q.unit) for it in items]
            self.alone = [kinds.count(kind) == 1 for kind in kinds]


def _versions_pair(
    fa: _Figures, fb: _Figures, paired: dict, words_cache: dict
) -> list[tuple[int, int, float]]:
    """``_sentence_pairs`` of two versions, turned round from the two the other way when those
    are known: pairing reads both sentences alike, so each two versions are worked out once."""
    other = paired.get(fb.version, {}).get(fa.version)
    if other is not None:
        return [(x, y, score) for y, x, score in other]
    return _sentence_pairs(fa, fb, words_cache)


def _sentence_pairs(fa: _Figures, fb: _Figures, words_cache: dict) -> list[tuple[int, int, float]]:
    """The figures of two aligned sentences that may state the same quantity: positions in
    ``fa.items`` and ``fb.items`` and a score before the closeness of the two sentences is
    added."""
    qa, qb = fa.items, fb.items
    ra, rb = fa.ref, fb.ref
    # Sentences that share only figures and units ("9:20 a.m." and "3:10 p.m.", the
    # headings of a live blog) say nothing in common. Only short sentences are
    # checked: longer ones that align always share words besides their figures.
    sa, sb = qa[0].doc.sentences[ra[1]], qb[0].doc.sentences[rb[1]]
    if min(len(sa.tokens), len(sb.tokens)) < SHORT_SENTENCE:
        told = _plain_words(sa, words_cache) & _plain_words(sb, words_cache)
        if len(told) < ALIGNED_MIN_SHARED:
            return []
    out = []
    for x, a in enumerate(qa):
        for y, b in enumerate(qb):
            if not _comparable(a, b) or _conflicting(a.q, b.q):
                continue
            if _other_person(a, b):
                continue
            around = a.context() & b.context()
            shared = len(around)
            same_cat = a.q.category is not None and a.q.category == b.q.category
            unique = fa.alone[x] and fb.alone[y]
            base = a.base
            if base == "date":
                # A story has many dates; a date is paired only by what happened on it.
                unique = same_cat = False
                shared = shared if shared >= 2 else 0
            elif base in ("time", "ordinal"):
                # "the first debate" and "the second debate", a 9:20 a.m. entry and a
                # 3:10 p.m. one: members of a series, the same one only when the words
                # around them, besides the counted noun, tell the same thing.
                unique = False
                own = _noun_phrase(a) | _noun_phrase(b)
                shared = len(_specific(around - own))
            if shared or same_cat or unique:
                out.append((x, y, 3.0 + shared + 2.0 * same_cat))
    return out


def _other_noun(x: _Item, y: _Item) -> bool:
    """Counts of two different things ("412,000 Republicans", "300 electoral votes"); a generic
    noun ("75 people") may stand for any ("three deaths"), and two words of one category
    ("deaths", "fatalities") for each other."""
    a, b = x.q, y.q
    if x.base != "count" or a.unit is None or b.unit is None or a.unit == b.unit:
        return False
    if a.unit in GENERIC_COUNTED_NOUNS or b.unit in GENERIC_COUNTED_NOUNS:
        return False
    ca, cb = QUANTITY_CATEGORIES.get(a.unit), QUANTITY_CATEGORIES.get(b.unit)
    return ca is None or ca != cb


def _other_person(a: _Item, b: _Item) -> bool:
    """Ages of two people told apart by the noun after them ("a 17-year-old boy", "the
    58-year-old mayor")."""
    if a.base != "age" or b.base != "age":
        return False
    na, nb = _next_word(a), _next_word(b)
    return na is not None and nb is not None and na != nb


def _next_word(item: _Item) -> str | None:
    _, right = item.words_around(0, 1)
    if not right or not _is_content(right[0]):
        return None
    return _content(right[0])


def _plain_words(sent: Sentence, cache: dict) -> frozenset[str]:
    """The specific words of a sentence as written (no lemmas: cheap, for a first check)."""
    key = (sent.text, "plain")
    found = cache.get(key)
    if found is None:
        norms = {t[3] for t in sent.tokens if t[4] == "word" and len(t[3]) > 2}
        found = cache[key] = frozenset(norms - STOPWORDS - _NUMBER_WORD_SET - _UNIT_WORD_SET)
    return found


def _told(sent: Sentence, cache: dict) -> frozenset[str]:
    """The specific words of a sentence (see ``_specific``)."""
    key = (sent.text, "told")
    found = cache.get(key)
    if found is None:
        found = cache[key] = _specific(_sentence_words(sent, cache))
    return found


def _specific(words: frozenset[str]) -> frozenset[str]:
    """Words that say what a sentence is about: not units, not figures' letters ("p", "m")."""
    return frozenset(w for w in words if len(w) > 2 and w not in _UNIT_WORD_SET)


def _conflicting(a: Quantity, b: Quantity) -> bool:
    """Figures told apart by their words: a death toll is not an injury count."""
    if a.category is not None and b.category is not None and a.category != b.category:
        return True
    return a.role is not None and b.role is not None and a.role != b.role


def _match(pairs: dict[int, float], by_index: Sequence[_Item], articles: int) -> list[tuple[_Item, _Item]]:
    """One partner per mention in each other article, best-scored pairs first (ties in key
    order); each pair comes back in key order."""
    size = len(by_index)
    order = sorted(pairs)  # codes ascend as the pairs of keys do
    order.sort(key=pairs.__getitem__, reverse=True)  # stable: ties stay in key order
    # Whether a mention has a partner in an article: one byte per (mention, article), read
    # by position (cheaper than hashing into a set, and only size * articles bytes).
    taken = bytearray(size * articles)
    out = []
    article_of = [it.article for it in by_index]  # read twice per pair: a list, not attributes
    for code in order:
        i, j = divmod(code, size)
        mine = i * articles + article_of[j]
        if taken[mine]:
            continue
        theirs = j * articles + article_of[i]
        if taken[theirs]:
            continue
        taken[mine] = taken[theirs] = 1
        out.append((by_index[i], by_index[j]))
    return out


def _items(
    docs: Sequence[Document],
    extracted: Mapping[str, tuple[Quantity, ...]],
    alignment: Alignment,
    judge: _Judge,
):
    """The mentions that can pair, article by article, and the same mentions in key order with
    ``index`` set to their position there.

    Only figures of aligned sentences and story-level ones (see ``_story_pairs``) are ever
    paired, so no mention is built for the others; leaving them out keeps the key order of
    those built, which is all that pairing and findings read of ``index``.
    """
    in_clusters = {(m.article_id, m.sentence) for cluster in alignment.clusters for m in cluster.members}
    items = []
    for article, doc in enumerate(docs):
        article_id = doc.id
        sentences = len(doc.sentences)
        count = max(1, sentences - 1)
        for q_pos, q in enumerate(extracted.get(article_id, ())):
            if not 0 <= q.sentence < sentences:
                continue
            if (q.category is None or q.restates) and (article_id, q.sentence) not in in_clusters:
                continue
            item = _Item((article_id, q_pos), doc, q, q.sentence / count, article)
            judge.number(item)
            items.append(item)
    by_index = sorted(items, key=lambda it: it.key)
    for index, item in enumerate(by_index):
        item.index = index
    return items, by_index


def compare(
    docs: Sequence[Document],
    alignment: Alignment,
    extracted: Mapping[str, tuple[Quantity, ...]],
    *,
    options: Mapping[str, Any],
) -> CheckResult:
    """``numeric_mismatch`` findings where articles state the same quantity differently.

    Mentions are paired in aligned sentences by kind, unit and surrounding words, and anywhere
    in the articles for story-level figures (casualties, votes, ages, prison terms). A finding
    never groups two mentions that agree; with three or more articles its details give every
    article's value and the majority. Pairs that agree though written differently are returned
    as equivalences.
    """
    judge = _Judge()
    items, by_index = _items(docs, extracted, alignment, judge)
    if not items:
        return CheckResult()
    pairs, aligned = _candidates(alignment, items, len(docs))
    matched = _match(pairs, by_index, len(docs))

    verdicts = judge.each(matched)
    told = _Told(matched, verdicts, len(by_index))
    equivalences = []
    if wants(options, "equivalences"):
        equivalences = [
            _equivalence(a, b)
            for (a, b), verdict in zip(matched, verdicts, strict=True)
            if verdict.equal and _written(a.q) != _written(b.q)
        ]

    findings = []
    if told.mismatches:
        mismatches = _corroborated(told, aligned, len(by_index), lambda: _story_coverage(docs, alignment))
        linked = _Linked(by_index, told.neighbours)
        findings = [_finding(group, linked) for group in _groups(mismatches, judge)]
    return CheckResult(findings=tuple(findings), equivalences=tuple(equivalences))


class _Told:
    """What the matched pairs tell, gathered in one pass over them: with many articles there are
    thousands of pairs, and a pass apiece for the mismatches, the agreements and the links
    cost more than what each reads.

    ``mismatches`` holds the pairs that disagree, with their verdicts, in matching order;
    ``agree`` the sentences of each two articles' agreements on a telling figure, by the two
    articles' ids in key order (see ``_corroborated``); ``neighbours`` each mention's partners,
    by index (see ``_Linked``).
    """

    __slots__ = ("mismatches", "agree", "neighbours")

    def __init__(self, matched: Sequence[tuple[_Item, _Item]], verdicts: Sequence[_Verdict], size: int):
        mismatches: list[tuple[_Item, _Item, _Verdict]] = []
        agree: dict[tuple[str, str], list[tuple[int, int]]] = {}
        neighbours: list[list[int]] = [[] for _ in range(size)]
        for (a, b), verdict in zip(matched, verdicts, strict=True):
            neighbours[a.index].append(b.index)
            neighbours[b.index].append(a.index)
            if not verdict.consistent:
                mismatches.append((a, b, verdict))
            elif a.telling and b.telling:
                # ``_pair_of`` written out, as everything here: the loop runs once per pair.
                pair = (a.article_id, b.article_id)
                found = agree.get(pair)
                if found is None:
                    found = agree[pair] = []
                found.append((a.q.sentence, b.q.sentence))
        self.mismatches = mismatches
        self.agree = agree
        self.neighbours = neighbours


def _story_coverage(docs, alignment: Alignment) -> dict[tuple[str, str], float]:
    """For each pair of articles (ids in order), the larger share of either article's sentences
    that align with the other: near 1 for two versions of one story, low for two stories."""
    sizes = {d.id: max(1, len(d.sentences)) for d in docs}
    seen: dict[tuple[str, str], tuple[set[int], set[int]]] = {}
    for cluster in alignment.clusters:
        # Each article's sentences in the cluster, gathered once rather than once per pair.
        held: dict[str, set[int]] = {}
        for m in cluster.members:
            if m.article_id in sizes:
                held.setdefault(m.article_id, set()).add(m.sentence)
        ids = sorted(held)
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                seen_x, seen_y = seen.setdefault((x, y), (set(), set()))
                seen_x |= held[x]
                seen_y |= held[y]
    return {
        pair: max(len(sides[0]) / sizes[pair[0]], len(sides[1]) / sizes[pair[1]])
        for pair, sides in seen.items()
    }


def _corroborated(told: _Told, aligned: set[int], size: int, coverage_of):
    """The mismatches that two articles telling the same story would show.

    A figure that names what it counts (a death toll, a vote, an age, a prison term) is a
    story-level fact, and is kept when the articles are seen to tell one story: many of their
    sentences align, or they agree on a telling figure elsewhere (two reports of two storms
    align on "the storm killed N, the governor said" and on little else). Any other figure is
    kept only when its two articles agree, in other sentences, on at least as many telling
    figures as they disagree on, or when it is their one disagreement and is told in nearly
    the same sentence: two articles on different polls, different days of a live blog or
    different events of one campaign pair many figures and agree on few of them, and those
    often by chance (two 38 percents).
    """
    mismatches, agree = told.mismatches, told.agree
    disagree = Counter(_pair_of(a, b)[0] for a, b, _ in mismatches)
    words_cache: dict = {}
    coverage: Mapping[tuple[str, str], float] | None = None  # read only when needed
    kept = []
    for a, b, verdict in mismatches:
        pair, where = _pair_of(a, b)
        elsewhere = sum(1 for w in agree.get(pair, ()) if w[0] != where[0] and w[1] != where[1])
        categorised = a.q.category is not None or b.q.category is not None
        if categorised or _pair_code(a, b, size) not in aligned:
            if elsewhere < 1 and coverage is None:
                coverage = coverage_of()
            if elsewhere >= 1 or (coverage or {}).get(pair, 0.0) >= STORY_COVERAGE:
                kept.append((a, b, verdict))
            continue
        if elsewhere >= disagree[pair]:
            kept.append((a, b, verdict))
            continue
        if disagree[pair] == 1:
            wa = _told(a.sentence(), words_cache)
            wb = _told(b.sentence(), words_cache)
            if wa and wb and 2 * len(wa & wb) / (len(wa) + len(wb)) >= SAME_SENTENCE_DICE:
                kept.append((a, b, verdict))
    return kept


def _pair_of(a: _Item, b: _Item) -> tuple[tuple[str, str], tuple[int, int]]:
    """The two articles of a matched pair, in id order (a matched pair is in key order, see
    ``_match``; the agreements in ``_Told`` are keyed the same way), and the sentence
    of each."""
    return (a.article_id, b.article_id), (a.q.sentence, b.q.sentence)


def _telling(q: Quantity, base: str) -> bool:
    """Whether two articles agreeing on ``q`` (of kind ``base``, see ``_base``) says something:
    not a year, not a small count."""
    if base == "year":
        return False
    if base in ("count", "number") and q.kind != "range" and q.value is not None:
        return abs(q.value) > SMALL_COUNT
    return True


def _written(q: Quantity) -> str:
    return _written_text(q.text)


@lru_cache(maxsize=8192)
def _written_text(text: str) -> str:
    return _WHITESPACE_RUN.sub(" ", text.lower().replace("\u2013", "-").replace("\u2014", "-"))


_WHITESPACE_RUN = re.compile(r"\s+")


def _groups(mismatches, judge: _Judge) -> list[dict]:
    """Mismatched pairs joined into findings; a finding never holds two mentions that agree."""
    groups: list[dict] = []
    member_of: dict[int, int] = {}
    for a, b, verdict in mismatches:
        placed = False
        for x, y in ((a, b), (b, a)):
            g = member_of.get(x.index)
            if g is None or y.index in member_of:
                continue
            group = groups[g]
            if any(m.article == y.article for m in group["items"]):
                continue
            if any(judge(m, y).consistent for m in group["items"]):
                continue
            group["items"].append(y)
            group["verdicts"].append(verdict)
            member_of[y.index] = g
            placed = True
            break
        if placed or (a.index in member_of and member_of.get(b.index, -1) == member_of[a.index]):
            continue
        groups.append({"items": [a, b], "verdicts": [verdict]})
        member_of.setdefault(a.index, len(groups) - 1)
        member_of.setdefault(b.index, len(groups) - 1)
    return groups


class _Linked:
    """The mentions joined by matched pairs, directly or through others: a finding reports
    every article's value for its quantity from them.

    The mentions of one finding are always linked (each joined the finding through a matched
    pair), so a finding reads one set of linked mentions, walked and summed up once for all
    its findings.
    """

    def __init__(self, by_index: Sequence[_Item], neighbours: Sequence[list[int]]):
        self.by_index = by_index
        self.neighbours = neighbours  # each mention's partners, by index (see ``_Told``)
        self.summary_of: dict[int, _Values] = {}

    def values(self, item: _Item) -> _Values:
        """The summary of the mentions linked to ``item``."""
        found = self.summary_of.get(item.index)
        if found is None:
            seen, stack = {item.index}, [item.index]
            while stack:
                for nxt in self.neighbours[stack.pop()]:
                    if nxt not in seen:
                        seen.add(nxt)
                        stack.append(nxt)
            found = _Values([self.by_index[i] for i in sorted(seen)])
            for i in seen:
                self.summary_of[i] = found
        return found


class _Values:
    """Linked mentions summed up: each article's value (its first mention in key order) and
    how many articles state each value, counted by ``repr`` as the majority is."""

    __slots__ = ("by_article", "reprs", "by_repr", "counts", "value_ids", "majority")

    def __init__(self, members: Sequence[_Item]):
        self.by_article: dict[str, Any] = {}
        self.reprs: dict[str, str] = {}
        self.by_repr: dict[str, Any] = {}
        self.value_ids: dict[str, int] = {}  # each article's value as ``_Judge`` numbers it
        for it in members:
            if it.article_id not in self.by_article:
                value = _norm_value(it.q)
                shown = repr(value)
                self.by_article[it.article_id] = value
                self.reprs[it.article_id] = shown
                self.by_repr.setdefault(shown, value)
                self.value_ids[it.article_id] = it.value_id
        self.counts = Counter(self.reprs.values())
        self.majority: Any = _NOT_YET  # the majority of these counts, once a finding asks


def _majority(own: dict[str, Any], members: Sequence[_Item], linked: _Values) -> Any:
    """The value most articles state, or None on a tie: the linked mentions' counts, with the
    finding's own mentions (``members``, whose values ``own`` holds by article) in place of
    their articles' first ones.

    Most findings' mentions state their articles' first values (most are those mentions), so
    the counts are the linked mentions' own: their majority is worked out once for all those
    findings, told by the values' numbers rather than by a ``repr`` per mention.
    """
    for it in members:
        if linked.value_ids[it.article_id] != it.value_id:
            return _counted_majority(own, linked)
    if linked.majority is _NOT_YET:
        linked.majority = _counted_majority({}, linked)
    return linked.majority


def _counted_majority(own: dict[str, Any], linked: _Values) -> Any:
    """``_majority`` counted value by value."""
    counts = linked.counts
    by_repr = {}
    for article, value in own.items():
        shown = repr(value)
        by_repr.setdefault(shown, value)
        replaced = linked.reprs[article]
        if replaced != shown:
            if counts is linked.counts:
                counts = dict(counts)  # a plain copy: Counter's own copy runs its Python __init__
            counts[replaced] -= 1
            counts[shown] = counts.get(shown, 0) + 1
    # The value with the most articles when no other has as many (what most_common(2) would
    # say, without its heap for the two or three values a quantity has).
    found, most, tied = None, 0, False
    for shown, count in counts.items():
        if count > most:
            found, most, tied = shown, count, False
        elif count == most:
            tied = True
    if tied or found is None:
        return None
    return by_repr[found] if found in by_repr else linked.by_repr[found]


def _norm_value(q: Quantity) -> Any:
    if q.kind == "date":
        return q.date
    if q.kind == "range":
        return [q.low, q.high]
    return q.value


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return f"{_shown(value[0])}-{_shown(value[1])}"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)


_INDEX = attrgetter("index")


def _finding(group: dict, linked: _Linked):
    members: list[_Item] = sorted(group["items"], key=_INDEX)
    verdicts: list[_Verdict] = group["verdicts"]
    first = members[0].q
    base = _base(first)
    # What the finding reads of its mentions, gathered in one pass (a finding has two or three:
    # a comprehension apiece over them costs more than the reading).
    own: dict[str, Any] = {}  # each article's value, in the order of the mentions
    written: dict[str, str] = {}
    approx: dict[str, str] = {}
    stated_parts: list[str] = []
    numeric: list[float] = []  # the plain values (no range, no date)
    category = role = None  # the first mention's that has one
    one_sentence = True
    for it in members:
        q, article_id = it.q, it.article_id
        own[article_id] = _norm_value(q)
        written[article_id] = q.text
        stated_parts.append(f"{q.text} in {article_id}")
        if q.approx is not None:
            approx[article_id] = q.approx
        if category is None:
            category = q.category
        if role is None:
            role = q.role
        if q.kind != "range" and q.value is not None and q.kind != "date":
            numeric.append(q.value)
        one_sentence = one_sentence and q.sentence == first.sentence
    # Every article's value for this quantity: the finding's own mentions, then linked ones.
    linked_values = linked.values(members[0])
    values = {**own, **linked_values.by_article, **own}  # own articles first, and own values
    majority = _majority(own, members, linked_values) if len(values) >= 3 else None
    # One or two verdicts: a plain loop, as generators cost more to start than the reading.
    rounding = True
    overlap = []
    for v in verdicts:
        rounding = rounding and v.rounding_compatible
        if v.ranges_overlap is not None:
            overlap.append(v.ranges_overlap)
    if rounding:
        severity = "low"
    elif base == "date":
        severity = "medium"
    else:
        severity = "high"
    label = _CATEGORY_LABEL.get(category or "", _KIND_LABEL.get(base, "A figure"))
    if category == "votes" and base == "percent":
        label = "The vote share"
    if role in _ROLE_LABEL and category is not None:
        label = f"The {_ROLE_LABEL[role]} {label.split(' ', 1)[1]}"
    stated = ", ".join(stated_parts)
    if len(members) == 2:
        a, b = members
        if rounding:
            why = f" ({b.q.text} and {a.q.text} agree once rounded; only the precision differs)"
        elif base in ("percent", "number", "money", "measure") and a.q.bound is None and b.q.bound is None:
            coarse, fine = (a, b) if a.q.step >= b.q.step else (b, a)
            why = f" ({fine.q.text} does not round to {coarse.q.text})"
        else:
            why = ""
    else:
        why = ""
    message = f"{label} differs: {stated}{why}."
    details: dict[str, Any] = {
        "kind": base,
        "values": values,
        "rounding_compatible": rounding,
        "written": written,
        "unit": first.unit,
    }
    if category is not None:
        details["category"] = category
    if role is not None:
        details["role"] = role
    if len(numeric) == len(members) and len(members) == 2:
        va, vb = numeric
        details["abs_diff"] = _clean(abs(va - vb))
        details["rel_diff"] = round(abs(va - vb) / max(abs(va), abs(vb)), 4) if max(abs(va), abs(vb)) else 0.0
    if overlap:
        details["ranges_overlap"] = all(overlap)
    if approx:
        details["approx"] = approx
    if majority is not None:
        details["majority"] = majority
    confidence = 0.9 if severity != "low" else 0.6
    if not one_sentence and category is None:
        confidence -= 0.1
    return make_finding(
        type=FINDING_TYPE,
        severity=severity,
        confidence=confidence,
        message=message,
        mentions=[it.as_mention() for it in members],
        details=details,
    )


def _equivalence(a: _Item, b: _Item) -> dict[str, Any]:
    qa, qb = a.q, b.q
    if qa.kind == "range" and qb.kind == "range":
        reason = "same range, written differently"
        if qa.range_of == "year":
            reason = "same span of years, one end year abbreviated"
    elif qa.kind in ("duration", "measure") and _unit_word(qa) != _unit_word(qb):
        reason = f"same {qa.kind}, stated in different units"
    elif qa.kind == "date":
        reason = "same date, written differently"
    else:
        reason = "same value, written differently"
    return {
        "type": "numeric",
        "kind": _base(qa),
        "value": _norm_value(qa),
        "unit": qa.unit,
        "reason": reason,
        "mentions": [
            {"article_id": it.article_id, "start": it.q.start, "end": it.q.end, "text": it.q.text}
            for it in (a, b)
        ],
    }


def _unit_word(q: Quantity) -> str:
    m = re.search(r"[A-Za-z]+$", q.text)
    return m.group(0).lower().rstrip("s") if m else ""
