"""Quotations matched across articles and classed: the comparer of the quote check.

Quotes are compared word by word on a folded form (case, punctuation, typographic quotes and
apostrophes, contractions and British/American spellings folded), one sentence of a quote at a
time, so that a quote that runs over several paragraphs in one article and is cut differently
in another still lines up. The shorter of two quoted passages is aligned inside the longer one
(local alignment with ``rapidfuzz.distance.Indel`` on word lists), then classed:

- ``verbatim``: the same words; ``excerpt``: one is a contiguous part of the other. Not findings.
- ``altered``: a few words inserted, removed, substituted or reordered inside the marks (high).
- ``paraphrased``: the same statement in other words, quoted in both (medium).
- ``unquoted``: quoted in one article, told without quotation marks in another (low).
- ``attribution``: the same words credited to differently named speakers (high), claimed only
  when both speakers are well grounded: one named in the quote's own attribution, the other
  too or given by a pronoun whose antecedent is in the same or the paragraph before. A
  continuation paragraph's inherited speaker or a pronoun resolved from far away changes when
  an editor moves paragraphs, so it never shows a different speaker; nor does a name that is
  a source beside the quote in the other article, or a variant of the same name.

A finding compares two articles, so that two articles with the same version of a quote are never
reported as disagreeing with each other; with three articles, each article whose version
differs gets one finding against each article with another version.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import chain, compress
from operator import is_not, itemgetter
from typing import Any

from rapidfuzz.distance import Indel, Levenshtein

from .align import content_words
from .checks import CheckResult, wants
from .constants import (
    CONTRACTION_SUFFIXES,
    CONTRACTIONS,
    IS_CONTRACTIONS,
    NEVER_FINAL_ABBREVIATIONS,
    QUOTE_CONNECTORS,
    SPEAKER_PRONOUNS,
    STOPWORDS,
    UK_US_ENDINGS,
)
from .findings import make_finding, mention
from .model import Alignment, Document, Finding, Mention, Token
from .quotes import EXPLICIT, FAR, NEAR, NamedSources, paragraph_of
from .text import ChunkTable

FINDING_TYPE = "quote_mismatch"
ELLIPSIS = "\u2026"
_ELLIPSIS_KEYS = (ELLIPSIS,)
_CAPITALISED = re.compile(r"[^\W\d_][\w'\u2019.-]*")
SEVERITY = {"altered": "high", "attribution": "high", "paraphrased": "medium", "unquoted": "low"}

# A quoted passage must share this share of the shorter one's words, in order, to be the same quote.
MIN_COVERAGE = 0.6
# ... and at least this many words.
MIN_SHARED_WORDS = 4
# Altered: at most this many words changed, or this share of the shorter passage if larger.
ALTERED_MAX_CHANGES = 3
ALTERED_MAX_SHARE = 0.25
# Paraphrased: content-word Dice coefficient and shared content words, in sentences that align.
PARAPHRASE_DICE = 0.5
PARAPHRASE_MIN_SHARED = 4
# Attribution: at least this many matched words, so a common phrase is not a quote ...
ATTRIBUTION_MIN_WORDS = 3
# ... covering at least this share of each passage: a phrase that is a small part of a longer
# statement is often a line several people repeat, not one statement credited to two people.
ATTRIBUTION_MIN_SHARE = 0.5
# Unquoted: a quote of at least this many words whose content words are mostly found in a
# sentence of another article outside its quotes.
UNQUOTED_MIN_WORDS = 5
UNQUOTED_MIN_SHARED = 3
UNQUOTED_COVERAGE = 0.5
UNQUOTED_COVERAGE_WITHOUT_SPEAKER = 0.75
UNQUOTED_MIN_SHARED_WITHOUT_SPEAKER = 5
# Longest quoted passage compared word by word, in words.
MAX_UNIT_WORDS = 400
# Words found in more units or sentences than this are too common to find candidates by.
MAX_POSTINGS = 64
# Candidates compared word by word per quoted passage, most shared words first.
MAX_CANDIDATES = 8
# Tokens between matched words that still belong to one indirect-speech window.
UNQUOTED_WINDOW_GAP = 8


class _computed_once:
    """``functools.cached_property`` without its lock: Python 3.11 takes one on the first read
    of every value, a visible cost for the many small objects of a comparison, which is never
    shared between threads. The value is stored in the instance's ``__dict__``, which then
    answers later reads."""

    def __init__(self, func) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


# ----------------------------------------------------------------------------- word keys


@lru_cache(maxsize=65536)
def word_keys(norm: str) -> tuple[str, ...]:
    """The comparison keys of one folded token: contractions expanded, British spellings
    folded to American ones ("you're" -> you, are; "colour" -> color)."""
    if norm in CONTRACTIONS:
        return CONTRACTIONS[norm]
    if norm in IS_CONTRACTIONS:
        return (norm[:-2], "is")
    for suffix, full in CONTRACTION_SUFFIXES:
        if norm.endswith(suffix) and len(norm) > len(suffix):
            return (norm[: -len(suffix)], full)
    for ending, replacement, min_len in UK_US_ENDINGS:
        if len(norm) >= min_len and norm.endswith(ending):
            return (norm[: -len(ending)] + replacement,)
    return (norm,)


def _typo(a: str, b: str) -> bool:
    """A one-letter slip that leaves the word's ending alone ("ive" for "live"), not an
    inflection ("passed"/"passes") or a different short word ("has"/"had")."""
    if max(len(a), len(b)) < 4 or Levenshtein.distance(a, b) > 1:
        return False
    return a[-2:] == b[-2:] and a[-3:] == b[-3:]


# ----------------------------------------------------------------------------- units


@dataclass(eq=False)
class _Unit:
    """One sentence of one quotation (or a run of scare-quoted words), ready to compare;
    its content words are lemmatised only when a comparison needs them."""

    doc: int
    index: int
    start: int
    end: int
    keys: tuple[str, ...]
    tokens: tuple[Token, ...]  # the token of each key
    speaker: str | None
    speaker_is_name: bool
    speaker_resolved: bool  # the article names the speaker only by a pronoun, resolved
    sentence: int
    grounding: str | None  # how the speaker was found (``engine.quotes.EXPLICIT`` ...)
    anchor: int  # where the speaker's attribution is: the paragraph its candidates come from
    words: frozenset[str]  # its keys that are not stopwords, for finding candidates
    split_words: bool  # whether a token owns more than one key ("you're": you, are)
    # Set by ``_Versions`` once all articles' passages are known: a number per version of the
    # passage, the alignment clusters of its sentence, and a number per version in a set of
    # clusters (what the passage's best match in another article depends on).
    version: int = -1
    clusters: frozenset[str] = frozenset()
    place: int = -1

    @_computed_once
    def content(self) -> frozenset[str]:
        # a token of two keys is listed twice; the set of its content words is the same
        return frozenset(content_words(self.tokens))

    @_computed_once
    def cited(self) -> dict[tuple[int, int], Mention]:
        """The mention of each key range findings cite (``_Mentions.quoted``)."""
        return {}

    def surface(self, lo: int, hi: int) -> tuple[str, ...]:
        """The words of keys ``lo`` to ``hi``, one entry per token, read off a slice of the
        tokens at C speed."""
        tokens = self.tokens[lo:hi]
        if self.split_words and tokens:
            # a contraction's token owns two keys next to each other: each token's first
            return tuple(map(_TEXT, compress(tokens, map(is_not, tokens, (None, *tokens[:-1])))))
        return tuple(map(_TEXT, tokens))

    def shape(self) -> tuple[Any, ...]:
        """Everything a comparison reads of the passage: its keys, the text of each key's token
        (from which the text layer derives the token's comparison form and kind), and, when a
        token owns two keys, which keys start a new token. Two articles that quote a passage
        alike give the same shape. Built with C-speed maps: flat tuples, not one per word."""
        tokens = self.tokens
        fresh = tuple(map(is_not, tokens, (None, *tokens[:-1]))) if self.split_words else None
        return self.keys, tuple(map(_TEXT, tokens)), fresh


# Token fields, as keys and maps that run at C speed
_START = itemgetter(0)
_TEXT = itemgetter(2)
_NORM = itemgetter(3)


def _quoted_words(toks: Sequence[Token]) -> list[Token]:
    """The words of a quoted stretch, and an ellipsis where the writer left words out ("we
    will ... win"): a run of periods becomes ellipsis tokens of three, other punctuation goes."""
    out: list[Token] = []
    lone_period = False  # a period that opens no ellipsis, dropped at the end
    for t in toks:
        if t.kind != "punct" or t.text == "\u2026":
            out.append(t)
        elif t.text == ".":
            last = out[-1] if out else None
            if last is not None and last.text == "." and last.end == t.start:
                out[-1] = Token(last.start, t.end, "...", ELLIPSIS, "punct")
            else:
                out.append(t)  # may open an ellipsis
                lone_period = True
    if lone_period:
        return [t for t in out if t.kind != "punct" or t.text != "."]
    return out


def _one_key(norm: str) -> str | None:
    """The comparison key of a word that has one (most words), else None."""
    keys = word_keys(norm)
    return keys[0] if len(keys) == 1 else None


# ``_one_key`` per word, read with a C-level map over a passage's words: a dict lookup costs
# about half an ``lru_cache`` hit.
_ONE_KEYS = ChunkTable(_one_key)


def _keys(words: list[Token], plain: bool) -> tuple[list[str], list[Token]]:
    """The comparison keys of quoted words and the token of each key; ``plain`` when there is
    no ellipsis among the words."""
    if plain:
        # one key per word, as in most quotes: a table lookup per word at C speed
        keys = list(map(_ONE_KEYS.__getitem__, map(_NORM, words)))
        if None not in keys:
            return keys, words
    per_word = [_ELLIPSIS_KEYS if t.kind == "punct" else word_keys(t.norm) for t in words]
    keys = list(chain.from_iterable(per_word))
    if len(keys) == len(words) and all(per_word):
        return keys, words
    return keys, [t for t, ks in zip(words, per_word, strict=True) for _ in ks]


def _units(d: int, doc: Document, quotes: Sequence[Any]) -> list[_Unit]:
    text = doc.text
    sentences = doc.sentences
    sent_starts = [s.start for s in sentences]

    def sentence_of(offset: int) -> int:
        return max(0, bisect_right(sent_starts, offset) - 1)

    def tokens_in(lo: int, hi: int) -> list[Token]:
        out = []
        for k in range(sentence_of(lo), len(sentences)):
            sent = sentences[k]
            if sent.start >= hi:
                break
            toks = sent.tokens
            out.extend(toks[bisect_left(toks, lo, key=_START) : bisect_left(toks, hi, key=_START)])
        return out

    def words_of(toks: Sequence[Token], lo: int, hi: int) -> tuple[list[Token], bool]:
        """The quoted words among ``toks``, the tokens from ``lo`` to ``hi``, and whether they
        are plain words, with no ellipsis among them."""
        if text.find("\u2026", lo, hi) >= 0 or text.find("..", lo, hi) >= 0:  # no copies of the text
            return _quoted_words(toks), False
        # no ellipsis, as in most quotes: the words alone, without _quoted_words' tests per token
        return [t for t in toks if t.kind != "punct"], True

    top = [q for q in quotes if q.depth == 0]
    # scare-quoted words next to each other ("anger" or "revenge") read as one phrase
    groups: list[list[Any]] = []
    for q in top:
        if groups:
            prev = groups[-1][-1]
            if (prev.scare or q.scare) and sentence_of(prev.start) == sentence_of(q.start):
                gap = tokens_in(prev.end, q.start)
                between = [t for t in gap if t.norm not in ('"', "'")]
                if len(between) <= 2 and all(t.norm in QUOTE_CONNECTORS for t in between):
                    groups[-1].append(q)
                    continue
        groups.append([q])

    units: list[_Unit] = []
    for group in groups:
        first, last = group[0], group[-1]
        if len(group) == 1 and first.scare:
            continue
        # each piece: the sentence of its first word, its words, and whether they are plain
        pieces: list[tuple[int, list[Token], bool]] = []
        if len(group) > 1:
            words, plain = words_of(tokens_in(first.start, last.end), first.start, last.end)
            pieces.append((sentence_of(words[0].start) if words else 0, words, plain))
        else:
            for part in first.parts:
                for k in range(sentence_of(part.start), len(sentences)):
                    sent = sentences[k]
                    if sent.start >= part.end:
                        break
                    lo, hi = max(part.start, sent.start), min(part.end, sent.end)
                    # tokens_in(lo, hi), which lie in this sentence: sliced without looking for it
                    toks = sent.tokens
                    toks = toks[bisect_left(toks, lo, key=_START) : bisect_left(toks, hi, key=_START)]
                    pieces.append((k, *words_of(toks, lo, hi)))
        # the quote that gives the group its speaker: the first with one (a lone quote is its own)
        holder = first if len(group) == 1 else next((q for q in group if q.speaker is not None), first)
        speaker, is_name = holder.speaker, holder.speaker_is_name
        grounding = getattr(holder, "grounding", EXPLICIT if speaker is not None else None)
        resolved = grounding in (NEAR, FAR) or (
            holder.speaker_start is not None
            and text[holder.speaker_start : holder.speaker_end].lower() in SPEAKER_PRONOUNS
        )
        anchor = holder.speaker_start if holder.speaker_start is not None else holder.start
        for k, words, plain in pieces:
            if not words:
                continue
            keys, owners = _keys(words, plain)
            split_words = owners is not words
            if len(keys) > MAX_UNIT_WORDS:
                # a quoted sentence has a few dozen words; a runaway one is compared by its start
                keys, owners = keys[:MAX_UNIT_WORDS], owners[:MAX_UNIT_WORDS]
            units.append(
                _Unit(
                    doc=d,
                    index=len(units),
                    start=words[0].start,
                    end=owners[-1].end,
                    keys=tuple(keys),
                    tokens=tuple(owners),
                    speaker=speaker,
                    speaker_is_name=is_name,
                    speaker_resolved=resolved,
                    sentence=k,
                    grounding=grounding,
                    anchor=min(anchor, words[0].start),
                    words=frozenset(keys) - STOPWORDS,
                    split_words=split_words,
                )
            )
    return units


# ----------------------------------------------------------------------------- comparing two


@dataclass(frozen=True)
class _Match:
    cls: str  # verbatim, excerpt, altered, paraphrased
    similarity: float
    coverage: float
    a_span: tuple[int, int]  # key range in a
    b_span: tuple[int, int]
    diff: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
    changes: int
    shared: int

    # A match is found once per two versions of a passage and reported for every two articles
    # with those versions, so what its findings say about it is worked out once.
    @_computed_once
    def changed(self) -> tuple[str, str]:
        """The changed stretch of each side with a word of context, as message snippets."""
        return _snippet(_changed_words(self.diff, 0)), _snippet(_changed_words(self.diff, 1))

    @_computed_once
    def diff_records(self) -> list[dict[str, Any]]:
        """``diff`` as JSON-ready records; read-only, shared by the findings of this match."""
        return [{"op": op, "a": list(wa), "b": list(wb)} for op, wa, wb in self.diff]


def _diff(a: _Unit, ar: tuple[int, int], b: _Unit, br: tuple[int, int], whole_ops=None):
    """The runs of equal and changed words of ``a``'s keys ``ar`` against ``b``'s keys ``br``,
    and how many words changed; ``whole_ops`` are the opcodes of the whole passages when the
    ranges are whole and the caller has them already."""
    ka, kb = a.keys, b.keys
    # Each run as (tag, a_lo, a_hi, b_lo, b_hi): opcodes cover both passages without gaps, so
    # the changes merged into one run are contiguous too, and a run's words are slices.
    runs: list[list[Any]] = []
    for op in whole_ops if whole_ops is not None else Indel.opcodes(ka[ar[0] : ar[1]], kb[br[0] : br[1]]):
        tag = op.tag
        if runs and tag != "equal" and runs[-1][0] != "equal":
            prev = runs[-1]
            prev[0], prev[2], prev[4] = "replace", ar[0] + op.src_end, br[0] + op.dest_end
        else:
            runs.append(
                [tag, ar[0] + op.src_start, ar[0] + op.src_end, br[0] + op.dest_start, br[0] + op.dest_end]
            )
    changes = 0
    out = []
    removed: list[str] = []
    added: list[str] = []
    for tag, a_lo, a_hi, b_lo, b_hi in runs:
        wa, wb = ka[a_lo:a_hi], kb[b_lo:b_hi]
        if tag != "equal" and (
            (wa and wa.count(ELLIPSIS) == len(wa)) or (wb and wb.count(ELLIPSIS) == len(wb))
        ):
            # words left out where one article marks the cut with an ellipsis
            out.append((tag, a.surface(a_lo, a_hi), b.surface(b_lo, b_hi)))
            continue
        if tag == "replace" and len(wa) == len(wb):
            if all(map(_typo, wa, wb)):
                tag = "equal"
        if tag == "replace" and (not wa or not wb):
            tag = "delete" if wa else "insert"
        if tag != "equal":
            changes += max(len(wa), len(wb)) if tag == "replace" else len(wa) + len(wb)
            removed += wa
            added += wb
        out.append((tag, a.surface(a_lo, a_hi), b.surface(b_lo, b_hi)))
    # a word moved elsewhere in the quote is one change, not a deletion and an insertion; the
    # few changed words are counted in place rather than by two Counters
    for word in set(removed).intersection(added):
        changes -= min(removed.count(word), added.count(word))
    return tuple(out), max(changes, 1 if removed or added else 0)


def _compare(a: _Unit, b: _Unit, aligned: bool) -> _Match | None:
    na, nb = len(a.keys), len(b.keys)
    # The words shared in order, read off the distance (na + nb - 2 * shared): most candidates
    # share too few to match, and are turned down without building their opcodes.
    shared = (na + nb - Indel.distance(a.keys, b.keys)) // 2
    if shared == 0:
        return None
    short = min(na, nb)
    coverage = shared / short
    if coverage >= MIN_COVERAGE and (shared >= MIN_SHARED_WORDS or shared == short):
        ops = Indel.opcodes(a.keys, b.keys)
        equal = [op for op in ops if op.tag == "equal"]
        # the shorter passage stays whole; the longer one is cut to the part it matches
        if na <= nb:
            ar, br = (0, na), (equal[0].dest_start, equal[-1].dest_end)
        else:
            ar, br = (equal[0].src_start, equal[-1].src_end), (0, nb)
        # a verbatim quote matches whole: its opcodes are the ones just worked out
        whole = ar == (0, na) and br == (0, nb)
        diff, changes = _diff(a, ar, b, br, ops if whole else None)
        inner = a.keys[ar[0] : ar[1]], b.keys[br[0] : br[1]]
        similarity = Indel.normalized_similarity(*inner)
        if changes == 0:
            # an ellipsis standing for words the other article has makes it an excerpt
            verbatim = whole and all(r[0] == "equal" for r in diff)
            return _Match("verbatim" if verbatim else "excerpt", 1.0, coverage, ar, br, diff, 0, shared)
        limit = max(ALTERED_MAX_CHANGES, int(ALTERED_MAX_SHARE * min(len(inner[0]), len(inner[1]))))
        if changes <= limit and shared >= MIN_SHARED_WORDS:
            return _Match("altered", similarity, coverage, ar, br, diff, changes, shared)
        if aligned and _paraphrase(a, b):
            return _Match("paraphrased", similarity, coverage, ar, br, diff, changes, shared)
        return None
    if aligned and _paraphrase(a, b):
        diff, changes = _diff(a, (0, na), b, (0, nb), Indel.opcodes(a.keys, b.keys))
        similarity = Indel.normalized_similarity(a.keys, b.keys)
        return _Match("paraphrased", similarity, coverage, (0, na), (0, nb), diff, changes, shared)
    return None


def _paraphrase(a: _Unit, b: _Unit) -> bool:
    shared = len(a.content & b.content)
    total = len(a.content) + len(b.content)
    return shared >= PARAPHRASE_MIN_SHARED and total > 0 and 2 * shared / total >= PARAPHRASE_DICE


def _surnames(name: str) -> tuple[str, set[str]]:
    words = [w for w in name.replace(",", " ").split() if w[:1].isupper()]
    return (words[-1] if words else name), set(words)


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, frozenset[str]]:
    """The last word of a name and all its capitalised words, folded: titles, initials and
    possessives do not make two names differ ("Mr. Lee", "Ann Lee's", "Sen. A. Lee")."""
    words = []
    for w in name.replace(",", " ").replace("\u2019", "'").split():
        w = w.removesuffix("'s").strip(".'")
        if w[:1].isupper() and len(w) > 1 and w.casefold() not in NEVER_FINAL_ABBREVIATIONS:
            words.append(w.casefold())
    if not words:
        return name.casefold(), frozenset([name.casefold()])
    return words[-1], frozenset(words)


@lru_cache(maxsize=8192)  # asked again for every pair of articles quoting the same two people
def same_entity(x: str, y: str) -> bool:
    """Whether two names may be one person: a shared surname ("Ann Lee" and "Mr. Lee"), or one
    name's words all in the other ("Lee" and "Judge Ann Lee", "Ann and Tom Lee")."""
    last_x, words_x = _name_words(x)
    last_y, words_y = _name_words(y)
    return last_x in words_y or last_y in words_x or words_x <= words_y or words_y <= words_x


def _named_before(doc: Document, offset: int, name: str) -> bool:
    """Whether ``name``'s surname is written between the start of the paragraph before the one
    holding ``offset`` and ``offset``."""
    here = paragraph_of(doc, offset)
    lo = doc.paragraphs[max(0, here - 1)].start if doc.paragraphs else 0
    surname = _name_words(name)[0]
    for m in _CAPITALISED.finditer(doc.text, lo, offset):
        word = m.group()
        if word[0].isupper() and _name_words(word)[0] == surname:
            return True
    return False


def _different_speakers(a: _Unit, b: _Unit) -> bool:
    """Two named speakers who are not the same person; an unknown or described speaker is
    never different."""
    if not (a.speaker_is_name and b.speaker_is_name and a.speaker and b.speaker):
        return False
    return not same_entity(a.speaker, b.speaker)


# ----------------------------------------------------------------------------- unquoted


@dataclass
class _Sentence:
    """One sentence's words outside quotations; content words are lemmatised only when asked."""

    start: int
    end: int
    # folded forms of its words outside quotations, for finding candidates; its stopwords are
    # kept, as the passages that look for candidates have none to share
    words: set[str]
    all_tokens: tuple[Token, ...]  # the sentence's tokens
    kept: tuple[Token, ...] | None  # its words outside quotations, when a quotation reaches it
    # when no quotation reaches it, an earlier sentence of the comparison with the same text
    # (articles often repeat sentences word for word), whose words and content words it shares
    same_as: _Sentence | None

    @_computed_once
    def tokens(self) -> tuple[Token, ...]:
        """Its word tokens outside quotations."""
        if self.kept is not None:
            return self.kept
        return tuple(t for t in self.all_tokens if t.kind != "punct")

    @_computed_once
    def content(self) -> frozenset[str]:
        if self.same_as is not None:
            return self.same_as.content
        # punctuation has no content words: the tokens need no filtering
        return frozenset(content_words(self.kept if self.kept is not None else self.all_tokens))

    @_computed_once
    def surfaces(self) -> frozenset[str]:
        return frozenset(t.text.removesuffix("'s").removesuffix("\u2019s") for t in self.tokens)


def _plain_sentences(doc: Document, quotes: Sequence[Any], firsts: dict[str, _Sentence]) -> list[_Sentence]:
    """The sentences of ``doc`` with their words outside quotations; ``firsts`` holds the first
    sentence of the comparison with each text that no quotation reaches, which later ones share."""
    spans = sorted((q.start, q.end) for q in quotes if q.depth == 0)
    starts = [s for s, _ in spans]
    quoted = _quoted_stretches(spans)
    quoted_ends = [e for _, e in quoted]
    out = []
    for s in doc.sentences:
        toks = s.tokens
        k = bisect_left(starts, s.end) - 1
        if k >= 0 and spans[k][1] > s.start:
            # a quotation reaches the sentence: its words outside quotations
            kept = tuple([t for t in _outside(toks, quoted, quoted_ends) if t.kind != "punct"])
            out.append(_Sentence(s.start, s.end, set(map(_NORM, kept)), toks, kept, None))
            continue
        # none does: all its words, shared with the sentences of the same text
        first = firsts.get(s.text)
        if first is None:
            words = {t.norm for t in toks if t.kind != "punct"}
            out.append(_Sentence(s.start, s.end, words, toks, None, None))
            firsts[s.text] = out[-1]
        else:
            out.append(_Sentence(s.start, s.end, first.words, toks, None, first))
    return out


def _quoted_stretches(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where a token starts inside a quotation, as sorted stretches that do not overlap, given
    the sorted spans of the quotations: a token is tested against the last quotation starting
    at or before it, so each quotation's stretch stops where the next one starts."""
    out = []
    for k, (start, end) in enumerate(spans):
        stop = min(end, spans[k + 1][0]) if k + 1 < len(spans) else end
        if stop > start:
            out.append((start, stop))
    return out


def _outside(toks: Sequence[Token], quoted: list[tuple[int, int]], quoted_ends: list[int]) -> list[Token]:
    """The tokens of a sentence that start outside the ``quoted`` stretches (and their ends),
    cut out as slices rather than tested token by token."""
    out: list[Token] = []
    pos = 0
    k = bisect_right(quoted_ends, toks[0].start) if toks else len(quoted)
    while k < len(quoted) and quoted[k][0] <= toks[-1].start:
        lo, hi = quoted[k]
        a = bisect_left(toks, lo, pos, key=_START)
        out += toks[pos:a]
        pos = bisect_left(toks, hi, a, key=_START)
        k += 1
    out += toks[pos:]
    return out


def _index(word_sets: Iterable[AbstractSet[str]]) -> dict[str, list[int]]:
    """Word -> positions of the items holding it (one word set per item), leaving out
    stopwords, which no passage looks for, and words too common to help."""
    index: dict[str, list[int]] = {}
    for k, words in enumerate(word_sets):
        # ``words - STOPWORDS`` walks the few words; ``words -= STOPWORDS`` would walk the stopwords
        for w in words - STOPWORDS:
            index.setdefault(w, []).append(k)
    if max(map(len, index.values()), default=0) <= MAX_POSTINGS:
        return index  # no word too common, as in most articles: nothing to leave out
    return {w: ks for w, ks in index.items() if len(ks) <= MAX_POSTINGS}


def _candidates(words, index: Mapping[str, list[int]]) -> list[tuple[int, int]]:
    """(item, shared words) for the items sharing most words, at most MAX_CANDIDATES."""
    counts: dict[int, int] = {}
    for w in words:
        for k in index.get(w, ()):
            counts[k] = counts.get(k, 0) + 1
    return _most_shared(sorted(counts.items()))


def _most_shared(counts: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first MAX_CANDIDATES of (item, shared words) in item order, most shared words first:
    a stable sort by count, with keys called at C speed, keeps items of one count in order."""
    return sorted(counts, key=_COUNT, reverse=True)[:MAX_CANDIDATES]


class _Finder:
    """The items of one article (its quoted passages, or its sentences outside quotations) that
    share most words with a passage: ``_candidates`` on the index of their word sets."""

    def __init__(self, word_sets: list[AbstractSet[str]]) -> None:
        self.word_sets = word_sets
        # Up to MAX_POSTINGS items, as in most articles, no word can be too common to count,
        # and a set intersection per item at C speed costs less than indexing every word.
        self.index = _index(word_sets) if len(word_sets) > MAX_POSTINGS else None

    def candidates(self, words: frozenset[str]) -> list[tuple[int, int]]:
        if self.index is not None:
            return _candidates(words, self.index)
        shared = enumerate(map(len, map(words.intersection, self.word_sets)))
        return _most_shared(filter(_COUNT, shared))


_COUNT = itemgetter(1)


# a sentence that may tell a passage unquoted: the sentence, the share of the passage's content
# words it tells, and those words
_Told = tuple[_Sentence, float, set[str]]


def _told_in(a: _Unit, sentences: Sequence[_Sentence], finder: _Finder) -> list[_Told]:
    """The sentences among ``sentences`` (of another article, outside its quotations) that tell
    enough of ``a``'s content words to be the passage told unquoted, each with the share of
    the passage's content words it tells and those words: what ``_unquoted`` reads of a
    version of the passage, whoever its speaker."""
    if len(a.keys) < UNQUOTED_MIN_WORDS or not a.content:
        return []
    told = []
    for k, _ in finder.candidates(a.words):
        s = sentences[k]
        shared = a.content & s.content
        if len(shared) >= UNQUOTED_MIN_SHARED:
            told.append((s, len(shared) / len(a.content), shared))
    return told


def _unquoted(a: _Unit, told: list[_Told]) -> _Told | None:
    """The sentence of ``told`` (``_told_in``) that best tells ``a`` without quotation marks:
    most of its content words, or nearly all of them where the sentence does not name the
    speaker."""
    best = None
    surname = _surnames(a.speaker)[0] if a.speaker_is_name and a.speaker else None
    for s, ratio, shared in told:
        if surname in s.surfaces:
            ok = ratio >= UNQUOTED_COVERAGE
        else:
            ok = (
                ratio >= UNQUOTED_COVERAGE_WITHOUT_SPEAKER
                and len(shared) >= UNQUOTED_MIN_SHARED_WITHOUT_SPEAKER
            )
        if ok and (best is None or ratio > best[1]):
            best = (s, ratio, shared)
    return best


def _window(s: _Sentence, shared: set[str]) -> tuple[int, int]:
    """The stretch of ``s`` where the shared words sit closest together."""
    hits = [k for k, t in enumerate(s.tokens) if content_words([t]) and set(content_words([t])) & shared]
    if not hits:
        return s.start, s.end
    best = (hits[0], hits[0])
    lo = hits[0]
    for prev, cur in zip(hits, hits[1:], strict=False):
        if cur - prev > UNQUOTED_WINDOW_GAP:
            lo = cur
        if cur - lo > best[1] - best[0]:
            best = (lo, cur)
    return s.tokens[best[0]].start, s.tokens[best[1]].end


# ----------------------------------------------------------------------------- the comparer


def _who(u: _Unit) -> str:
    return u.speaker if u.speaker else "the speaker"


def _snippet(words: Sequence[str], limit: int = 14) -> str:
    if len(words) <= limit:
        return " ".join(words)
    half = limit // 2
    return " ".join(words[:half]) + " \u2026 " + " ".join(words[-half:])


def _changed_words(diff, side: int) -> list[str]:
    """The changed stretch of one side with a word of context either side."""
    first = next((k for k, r in enumerate(diff) if r[0] != "equal"), None)
    if first is None:
        return []
    last = max(k for k, r in enumerate(diff) if r[0] != "equal")
    words: list[str] = []
    if first > 0:
        words.extend(diff[first - 1][side + 1][-2:])
    for r in diff[first : last + 1]:
        words.extend(r[side + 1])
    if last + 1 < len(diff):
        words.extend(diff[last + 1][side + 1][:2])
    return words


class _Mentions:
    """The mentions of one comparison, each built once: a passage is cited by a finding for
    every other article whose version of it differs."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self.docs = docs
        self.made: dict[tuple[int, int, int], Mention] = {}

    def __call__(self, d: int, start: int, end: int) -> Mention:
        key = (d, start, end)
        found = self.made.get(key)
        if found is None:
            found = self.made[key] = mention(self.docs[d], start, end)
        return found

    def quoted(self, u: _Unit, span: tuple[int, int]) -> Mention:
        """The mention of the keys ``span`` of passage ``u``, kept with the passage: it is
        cited for the same match with every article whose version differs."""
        found = u.cited.get(span)
        if found is None:
            found = u.cited[span] = self(u.doc, u.tokens[span[0]].start, u.tokens[span[1] - 1].end)
        return found


def _quote_finding(ids: list[str], a: _Unit, b: _Unit, m: _Match, cls: str, mentions: _Mentions) -> Finding:
    ida, idb = ids[a.doc], ids[b.doc]
    ma, mb = mentions.quoted(a, m.a_span), mentions.quoted(b, m.b_span)
    ta, tb = ma.text, mb.text
    if cls == "attribution":
        message = (
            f"The same quoted words are credited to {a.speaker} in {ida} but to {b.speaker} "
            f"in {idb}: \u201c{_snippet(ta.split())}\u201d."
        )
        # a pronoun resolved to the last named source is a weaker reading than a name
        confidence = 0.7 if a.speaker_resolved or b.speaker_resolved else 0.85
    elif cls == "altered":
        wa, wb = m.changed
        message = (
            f"The quote from {_who(a)} is worded differently inside the quotation marks: "
            f"{ida} has \u201c{wa}\u201d where {idb} has \u201c{wb}\u201d "
            f"({m.changes} word{'s' if m.changes != 1 else ''} changed)."
        )
        confidence = min(0.95, 0.55 + 0.4 * m.similarity)
    else:
        message = (
            f"{ida} and {idb} quote {_who(a)} saying the same thing in different words; "
            f"check which wording is the speaker's."
        )
        confidence = min(0.8, 0.45 + 0.4 * m.similarity)
    details = {
        "class": cls,
        "similarity": round(m.similarity, 3),
        "articles": [ida, idb],
        "quotes": {ida: ta, idb: tb},
        "speakers": {ida: a.speaker, idb: b.speaker},
        "diff": m.diff_records,
    }
    return make_finding(
        type=FINDING_TYPE,
        severity=SEVERITY[cls],
        confidence=confidence,
        message=message,
        mentions=(ma, mb),  # a tuple, which make_finding keeps rather than copies
        details=details,
    )


def _unquoted_finding(
    docs, a: _Unit, bdoc: int, s: _Sentence, ratio: float, shared, mentions: _Mentions
) -> Finding:
    da, db = docs[a.doc], docs[bdoc]
    b_start, b_end = _window(s, shared)
    ta, tb = da.text[a.start : a.end], db.text[b_start:b_end]
    details = {
        "class": "unquoted",
        "similarity": round(ratio, 3),
        "articles": [da.id, db.id],
        "quotes": {da.id: ta, db.id: None},
        "unquoted": {db.id: tb},
        "speakers": {da.id: a.speaker, db.id: None},
        "shared_words": sorted(shared),
        "diff": [],
    }
    message = (
        f"{da.id} quotes {_who(a)} directly (\u201c{_snippet(ta.split())}\u201d) where {db.id} "
        f"reports it without quotation marks; check the wording against the source."
    )
    return make_finding(
        type=FINDING_TYPE,
        severity=SEVERITY["unquoted"],
        confidence=0.35 + 0.4 * ratio,
        message=message,
        mentions=(mentions(a.doc, a.start, a.end), mentions(bdoc, b_start, b_end)),
        details=details,
    )


def _cluster_sets(alignment: Alignment) -> dict[tuple[str, int], set[str]]:
    out: dict[tuple[str, int], set[str]] = {}
    for c in alignment.clusters:
        for m in c.members:
            out.setdefault((m.article_id, m.sentence), set()).add(c.id)
    return out


class _Sources:
    """The people an attribution in one article could point at, paragraph by paragraph: the
    named subjects of verbs outside its quotations, then its quotes' explicitly named speakers.
    Built only for an article with a quote whose speaker is in question."""

    def __init__(self, doc: Document, quotes: Sequence[Any]) -> None:
        self.named = NamedSources(doc, quotes)
        self.paragraph = partial(paragraph_of, doc)
        self.speakers: dict[int, list[str]] = {}
        for q in quotes:
            if q.speaker is not None and q.speaker_is_name and getattr(q, "grounding", None) == EXPLICIT:
                self.speakers.setdefault(self.paragraph(q.start), []).append(q.speaker)

    def around(self, u: _Unit) -> list[str]:
        """The sources from the paragraph of ``u``'s attribution (or the one before, for a
        pronoun resolved nearby) to the paragraph where ``u`` starts."""
        here = self.paragraph(u.anchor)
        lo = here - 1 if u.grounding == NEAR else here
        out: list[str] = []
        for p in range(max(lo, 0), self.paragraph(u.start) + 1):
            out += self.named.in_paragraph(p)
            out += self.speakers.get(p, ())
        return out


class _Versions:
    """What the comparer works out once per distinct version of a quoted passage rather than
    once per pair of articles: a number per version, the comparison of two versions, and the
    candidates each version finds in each article."""

    def __init__(self, docs, units: list[list[_Unit]], clusters):
        self.units = units
        # with more than two articles, the words of each version, by number
        self.version_words: list[frozenset[str]] | None = None
        if len(units) > 2:
            ids: dict[tuple, int] = {}
            self.version_words = words = []
            for u in chain.from_iterable(units):
                u.version = ids.setdefault(u.shape(), len(ids))
                if u.version == len(words):
                    words.append(u.words)
            self.versions_of = [[u.version for u in us] for us in units]
        for d, us in enumerate(units):
            doc_id = docs[d].id
            for u in us:
                u.clusters = frozenset(clusters.get((doc_id, u.sentence), ()))
        # the first passage of each place, standing for all of them: a passage's best match
        # depends only on its place (``_best_for``)
        self.representatives: list[_Unit] = []
        if self.version_words is None:
            # two articles compare each pair of passages once anyway: a number per passage, which
            # is its version and its place
            self.representatives += chain.from_iterable(units)
            for n, u in enumerate(self.representatives):
                u.version = u.place = n
        else:
            places: dict[tuple[int, frozenset[str]], int] = {}
            for u in chain.from_iterable(units):
                u.place = places.setdefault((u.version, u.clusters), len(places))
                if u.place == len(self.representatives):
                    self.representatives.append(u)
        self.places_of = [[u.place for u in us] for us in units]
        self.compared: dict[tuple[int, int, bool], _Match | None] = {}
        # With more than two articles, per place and side, the match with each place
        # (``_best_for``): a list indexed by the other place, read at the cost of an index rather
        # than a key built per candidate. Two articles ask about each place once per side.
        self.rows: dict[tuple[int, bool], list[_Match | None]] | None = {} if len(units) > 2 else None
        self.finders: dict[int, _Finder] = {}
        self.found: dict[tuple[int, int], list[tuple[int, int]]] = {}
        # words shared by two versions, a row of every version's count per version asked about
        self.shared: dict[int, list[int]] = {}

    def compare(self, x: _Unit, y: _Unit, flipped: bool) -> _Match | None:
        """The match of ``x`` with ``y``, the first article's passage first (``y`` when
        ``flipped``), worked out once per two versions and whether their sentences align (which
        may make them a paraphrase)."""
        aligned = not x.clusters.isdisjoint(y.clusters)
        key = (y.version, x.version, aligned) if flipped else (x.version, y.version, aligned)
        m = self.compared.get(key, _UNSEEN)
        if m is _UNSEEN:
            m = self.compared[key] = _compare(y, x, aligned) if flipped else _compare(x, y, aligned)
        return m

    def row(self, place: int, flipped: bool) -> list[_Match | None]:
        """The matches of the passages of ``place`` with each place, as far as worked out (with
        more than two articles)."""
        found = self.rows.get((place, flipped))
        if found is None:
            found = self.rows[(place, flipped)] = [_UNSEEN] * len(self.representatives)
        return found

    def candidates(self, x: _Unit, d: int) -> list[tuple[int, int]]:
        """The passages of article ``d`` sharing most words with ``x``: what ``_Finder`` finds,
        from counts worked out once per two versions when the articles hold at most
        MAX_POSTINGS passages each, so that no word is too common to count."""
        key = (x.version, d)
        found = self.found.get(key)
        if found is None:
            small = len(self.units[d]) <= MAX_POSTINGS
            if self.version_words is not None and small:
                found = self.found[key] = self._from_rows(x, d)
            elif len(self.units) == 2 and small and len(self.units[x.doc]) <= MAX_POSTINGS:
                self._both_ways(x.doc, d)
                found = self.found[key]
            else:
                finder = self.finders.get(d)
                if finder is None:
                    finder = self.finders[d] = _Finder([y.words for y in self.units[d]])
                found = self.found[key] = finder.candidates(x.words)
        return found

    def _from_rows(self, x: _Unit, d: int) -> list[tuple[int, int]]:
        """With more than two articles: the counts of x's version with every version, worked
        out once per version, read for the versions of article ``d``. Articles that quote
        alike share versions, so two are counted once rather than once per article."""
        row = self.shared.get(x.version)
        if row is None:
            row = self.shared[x.version] = list(map(len, map(x.words.intersection, self.version_words)))
        return _most_shared(filter(_COUNT, enumerate(map(row.__getitem__, self.versions_of[d]))))

    def _both_ways(self, i: int, d: int) -> None:
        """With two articles: the candidates of every passage of each in the other, from one
        table of the words each two passages share, rather than each count worked out once
        each way."""
        xs, ys = self.units[i], self.units[d]
        ys_words = [y.words for y in ys]
        table = [list(map(len, map(x.words.intersection, ys_words))) for x in xs]
        for x, row in zip(xs, table, strict=True):
            self.found[(x.version, d)] = _most_shared(filter(_COUNT, enumerate(row)))
        for k, y in enumerate(ys):
            column = map(itemgetter(k), table)
            self.found[(y.version, i)] = _most_shared(filter(_COUNT, enumerate(column)))


# Speakers found in a quote's own attribution or by a pronoun resolved nearby.
_WELL_GROUNDED = frozenset([EXPLICIT, NEAR])
# what a memo holds for a key it has not seen, as None is a result
_UNSEEN: Any = object()


class _BestIn(dict):
    """Place -> the best match in article ``d`` of the passages of that place (``_best_for``),
    as (position in ``d``, match) or None; ``flipped`` when ``d`` is the first article of the
    pair. A dict whose ``__missing__`` works out a place not asked about yet, so the loop over
    pairs of articles reads the places of a whole article with one C-level map."""

    __slots__ = ("versions", "d", "flipped")

    def __init__(self, versions: _Versions, d: int, flipped: bool) -> None:
        # born empty: dict.__init__ has nothing to add
        self.versions = versions
        self.d = d
        self.flipped = flipped

    def __missing__(self, place: int) -> tuple[int, _Match] | None:
        v = self.versions
        hit = self[place] = _best_for(v.representatives[place], v.units[self.d], self.d, self.flipped, v)
        return hit


def _best_matches(places_a: list[int], places_b: list[int], into_b: _BestIn, into_a: _BestIn):
    """Pairs of passages (positions in article a and in article b) where either is the other's
    best match, so a long quote in one article can match two shorter ones in the other.

    The best match of a passage in another article depends on the passage's version, the
    clusters of its sentence (its place) and that article alone: the same passage in another
    article with the same alignment finds the same partner, looked up rather than searched."""
    found: dict[tuple[int, int], _Match] = {}
    for x, hit in enumerate(map(into_b.__getitem__, places_a)):
        if hit is not None:
            found[x, hit[0]] = hit[1]
    for y, hit in enumerate(map(into_a.__getitem__, places_b)):
        if hit is not None:
            found[hit[0], y] = hit[1]
    return found


def _best_for(x: _Unit, ys: list[_Unit], d: int, flipped: bool, versions: _Versions):
    """The position in ``ys`` of the passage that matches ``x`` best, and the match."""
    least = min(2, len(x.words))
    row = None if versions.rows is None else versions.row(x.place, flipped)
    best = None
    for k, n in versions.candidates(x, d):
        if n < least:
            break  # candidates come most shared words first: the rest share fewer
        y = ys[k]
        if row is None:
            m = versions.compare(x, y, flipped)
        else:
            m = row[y.place]
            if m is _UNSEEN:
                m = row[y.place] = versions.compare(x, y, flipped)
        if m is None:
            continue
        rank = (m.coverage, m.similarity, -k)
        if best is None or rank > best[0]:
            best = (rank, k, m)
    return None if best is None else (best[1], best[2])


def compare_quotes(
    docs: Sequence[Document],
    alignment: Alignment,
    extracted: Mapping[str, tuple[Any, ...]],
    *,
    options: Mapping[str, Any],
) -> CheckResult:
    """Every pair of articles: match their quotations, class each match, and report the
    altered, paraphrased, unquoted and misattributed ones. ``clusters`` lists every matched
    quote, verbatim ones too."""
    units = [_units(d, doc, extracted.get(doc.id, ())) for d, doc in enumerate(docs)]
    plain: dict[int, list[_Sentence]] = {}
    plain_finders: dict[int, _Finder] = {}
    firsts: dict[str, _Sentence] = {}  # per sentence text (``_plain_sentences``)

    def sentences_of(d: int) -> tuple[list[_Sentence], _Finder]:
        # built on the first quote that has no quoted match in article d
        if d not in plain:
            plain[d] = _plain_sentences(docs[d], extracted.get(docs[d].id, ()), firsts)
            plain_finders[d] = _Finder([s.words for s in plain[d]])
        return plain[d], plain_finders[d]

    sources: dict[int, _Sources] = {}
    # per passage and speaker: a passage meets the same few speakers in every other article
    nearby: dict[tuple[int, int, str], bool] = {}

    def named_nearby(u: _Unit, speaker: str) -> bool:
        # whether the other article's speaker is a candidate around ``u`` too: speaking with,
        # or next to, ours; or, for a pronoun, could as well be the one it stands for, named
        # between it and the paragraph before: "Ann Lee's aide met Tom Baker. He said ..."
        key = (u.doc, u.index, speaker)
        found = nearby.get(key)
        if found is None:
            d = u.doc
            if d not in sources:
                sources[d] = _Sources(docs[d], extracted.get(docs[d].id, ()))
            found = nearby[key] = any(same_entity(name, speaker) for name in sources[d].around(u)) or (
                u.grounding == NEAR and _named_before(docs[d], u.anchor, speaker)
            )
        return found

    def attribution(a: _Unit, b: _Unit, m: _Match) -> bool:
        # the cheap tests first: most matches fail one of them
        ga, gb = a.grounding, b.grounding
        # positional guesses (a continuation, a far pronoun) change when paragraphs move;
        # two pronouns resolved nearby may each have picked a neighbour the other moved
        if ga not in _WELL_GROUNDED or gb not in _WELL_GROUNDED or EXPLICIT not in (ga, gb):
            return False
        if m.shared < ATTRIBUTION_MIN_WORDS or m.shared < ATTRIBUTION_MIN_SHARE * max(
            len(a.keys), len(b.keys)
        ):
            return False
        if not _different_speakers(a, b):
            return False
        # both speakers are names from here on
        return not (named_nearby(a, b.speaker) or named_nearby(b, a.speaker))

    clusters = _cluster_sets(alignment)
    versions = _Versions(docs, units, clusters)
    # a passage told without quotation marks in another article, per version of the passage
    unquoted: dict[tuple[int, str | None, bool, int], _Told | None] = {}
    # ... and the sentences that may tell it, per version of the passage, whoever its speaker
    told: dict[tuple[int, int], list[_Told]] = {}
    findings: list[Finding] = []
    mentions = _Mentions(docs)
    ids = [doc.id for doc in docs]  # a property: read once
    # matched passages, for the cluster records; only built when the caller reads them
    links: list[tuple[tuple[int, int], tuple[int, int], str, float]] | None = (
        [] if wants(options, "quotes") else None
    )
    # pairs in article-id order, so the findings do not depend on the order articles came in
    order = sorted(range(len(docs)), key=lambda d: docs[d].id)
    # Per article, what the loop over pairs of articles tests again and again: the speaker of
    # each passage credited to a well grounded name (the only ones an attribution finding can
    # be about), else None, and the passages long enough to be found told without quotation marks.
    named = [
        [u.speaker if u.grounding in _WELL_GROUNDED and u.speaker_is_name else None for u in us]
        for us in units
    ]
    long_enough = [[u for u in us if len(u.keys) >= UNQUOTED_MIN_WORDS] for us in units]
    places = versions.places_of
    # per article, the best match there of each place, for the first and the second article of
    # a pair (kept here, not in ``versions``, which they refer to: no cycle for the collector)
    best_in = [(_BestIn(versions, d, False), _BestIn(versions, d, True)) for d in range(len(docs))]
    for n, i in enumerate(order):
        ui, named_i = units[i], named[i]
        for j in order[n + 1 :]:
            uj, named_j = units[j], named[j]
            matches = _best_matches(places[i], places[j], best_in[j][0], best_in[i][1])
            matched_a = {a for a, _ in matches}
            matched_b = {b for _, b in matches}
            for (x, y), m in sorted(matches.items()):
                cls = m.cls
                sa, sb = named_i[x], named_j[y]
                # one name is one person: most matches, told at once
                if sa and sb and sa != sb and cls != "paraphrased" and attribution(ui[x], uj[y], m):
                    cls = "attribution"
                if links is not None:
                    links.append(((i, x), (j, y), cls, m.similarity))
                if cls in SEVERITY:
                    findings.append(_quote_finding(ids, ui[x], uj[y], m, cls, mentions))
            for src, dst, matched in ((i, j, matched_a), (j, i, matched_b)):
                for u in long_enough[src]:
                    if u.index in matched:
                        continue
                    key = (u.version, u.speaker, u.speaker_is_name, dst)
                    if key not in unquoted:
                        told_key = (u.version, dst)
                        if told_key not in told:
                            told[told_key] = _told_in(u, *sentences_of(dst))
                        unquoted[key] = _unquoted(u, told[told_key])
                    hit = unquoted[key]
                    if hit is not None:
                        s, ratio, shared = hit
                        findings.append(_unquoted_finding(docs, u, dst, s, ratio, shared, mentions))
                        if links is not None:
                            links.append(((src, u.index), (dst, -1 - s.start), "unquoted", ratio))
    if links is None:
        return CheckResult(findings=tuple(findings))
    return CheckResult(findings=tuple(findings), clusters=_cluster_records(docs, units, plain, links))


def _cluster_records(docs, units, plain, links) -> tuple[Mapping[str, Any], ...]:
    """Every group of matched quotes, verbatim ones too, as JSON-ready records."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _, _ in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple[int, int], list] = {}
    for a, b, cls, sim in links:
        groups.setdefault(find(a), []).append((a, b, cls, sim))
    records = []
    for root in sorted(groups):
        members: dict[tuple[int, int], dict[str, Any]] = {}
        pairs = []
        for a, b, cls, sim in groups[root]:
            for node in (a, b):
                if node not in members:
                    members[node] = _member(docs, units, plain, node)
            pairs.append(
                {
                    "articles": [docs[a[0]].id, docs[b[0]].id],
                    "class": cls,
                    "similarity": round(sim, 3),
                }
            )
        ordered = [members[k] for k in sorted(members, key=lambda n: (n[0], members[n]["start"]))]
        classes = {p["class"] for p in pairs}
        worst = next((c for c in ("attribution", "altered", "paraphrased", "unquoted") if c in classes), None)
        records.append(
            {
                "id": f"q{len(records) + 1}",
                "class": worst if worst is not None else ("excerpt" if "excerpt" in classes else "verbatim"),
                "quotes": ordered,
                "pairs": pairs,
            }
        )
    return tuple(records)


def _member(docs, units, plain, node) -> dict[str, Any]:
    d, k = node
    doc = docs[d]
    if k >= 0:
        u = units[d][k]
        return {
            "article_id": doc.id,
            "start": u.start,
            "end": u.end,
            "text": doc.text[u.start : u.end],
            "speaker": u.speaker,
            "quoted": True,
        }
    start = -1 - k
    s = next(s for s in plain[d] if s.start == start)
    return {
        "article_id": doc.id,
        "start": s.start,
        "end": s.end,
        "text": doc.text[s.start : s.end],
        "speaker": None,
        "quoted": False,
    }
