"""The text layer: paragraphs, sentences and tokens, each with offsets into the original text.

Segmentation is rule-based and tuned for news copy: a sentence ends at ``.``, ``!``, ``?`` or
an ellipsis, possibly followed by closing quotes or brackets, then space and a capital letter,
digit or opening quote. Abbreviations (Mr., U.S., Jan. 5, No. 3), initials (George W. Bush)
and decimals (87.3) do not end sentences. A line break always ends a paragraph, and so a
sentence. Every pattern here runs in linear time on any input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

from .constants import (
    ABBREVIATIONS_BEFORE_NUMBER,
    AMBIGUOUS_ABBREVIATIONS,
    NEVER_FINAL_ABBREVIATIONS,
    REPORTING_VERBS,
    SENTENCE_STARTERS,
)
from .model import DEFAULT_LIMITS, Article, Document, Limits, Sentence, Span, Token, built_from
from .normalize import fold

# Characters at which str.splitlines breaks a line but a paragraph goes on.
_NOT_LINE_BREAKS = ("\x1c", "\x1d", "\x1e")

# A sentence-final run: terminal marks, then closing quotes or brackets, then space. The
# lookbehind makes a run of 100,000 dots one candidate, not 100,000 (linear time). It comes
# after the first mark rather than before it so that the pattern starts with a character set,
# which lets ``re`` skip ahead to the next mark instead of trying the pattern at every position.
_FINAL = re.compile(r"[.!?\u2026](?<![.!?\u2026]{2})[.!?\u2026]*+[\"'\u201d\u2019\u00bb)\]]*+\s++")
_OPENERS = "\"'\u201c\u2018\u00ab([\u201e"
_CLOSERS = "\"'\u201d\u2019\u00bb"
# The word just before a final period: letters, possibly dotted (U.S, a.m, e.g), at most 12
# within the 24 characters before it. Matched backwards, on those characters reversed (each
# letter with the dot after it, if any, read dot first): searching forwards for a match that
# ends at the period tries the pattern at every start, about three times slower. The forward
# pattern ended with ``$``, which also matches before a line break that ends the characters
# (a period that opens a paragraph looks back into the one before), so one is skipped here.
_WORD_BEFORE_REVERSED = re.compile(r"\n?((?:\.?[^\W\d_]){1,12})")

_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD_CHAR = rf"[\w{_COMBINING}]"
# A number, a word or a punctuation mark, in that order of preference. The space before each
# token is captured too, so that ``findall`` (strings, no match objects) gives every offset by
# adding up lengths. Every character that is not space starts one of the three alternatives,
# so the tokens are those of the pattern without the leading space.
_TOKEN = re.compile(
    r"(\s*+)("
    r"\d++(?:[.,:/]\d++)*+"
    rf"|{_WORD_CHAR}++(?:['\u2019\-\u2010\u2011]{_WORD_CHAR}++)*+"
    r"|[^\w\s])"
)
# Which alternative matched follows from a token's first character: a digit always starts a
# number, and otherwise a word character a word.
_NUMBER_START = re.compile(r"\d")
_WORD_START = re.compile(_WORD_CHAR)


def paragraphs(text: str) -> tuple[Span, ...]:
    """Non-empty lines of ``text``, trimmed of surrounding space: news copy puts one paragraph
    on a line, with or without blank lines between."""
    out = []
    pos = 0
    for line in _lines(text):
        content = line.lstrip()
        if content:
            start = pos + len(line) - len(content)
            out.append(Span(start, start + len(content.rstrip())))
        pos += len(line)
    return tuple(out)


def _lines(text: str) -> list[str]:
    """The lines of ``text``, each with its line break, so that they add up to ``text``."""
    # str.splitlines scans about twice as fast as a regex over the text, but it also breaks at
    # the separators \x1c-\x1e, which do not end a paragraph: lines it ends there are joined
    # back to the next.
    lines = text.splitlines(keepends=True)
    if any(sep in text for sep in _NOT_LINE_BREAKS):
        joined: list[str] = []
        pending: list[str] = []
        for line in lines:
            pending.append(line)
            if not line.endswith(_NOT_LINE_BREAKS):
                joined.append("".join(pending))
                pending.clear()
        if pending:
            joined.append("".join(pending))
        lines = joined
    return lines


def _next_word(text: str, pos: int, end: int) -> str:
    """The word starting at ``pos`` (after any opening quotes), for abbreviation decisions."""
    while pos < end and text[pos] in _OPENERS:
        pos += 1
    stop = pos
    while stop < end and (text[stop].isalnum()):
        stop += 1
    return text[pos:stop]


def _is_boundary(text: str, mark_start: int, next_start: int, end: int) -> bool:
    """Whether the final run starting at ``mark_start`` ends a sentence before ``next_start``."""
    nxt = _next_word(text, next_start, end)
    if not nxt:
        # Only an opening quote or a symbol follows; a quote opening a new sentence counts.
        return next_start < end and text[next_start] in _OPENERS
    first = nxt[0]
    if not (first.isupper() or first.isdigit()):
        return False
    if text[mark_start] != ".":
        return True
    if text[mark_start : mark_start + 2] == "..":
        return True
    before = _WORD_BEFORE_REVERSED.match(text[max(0, mark_start - 24) : mark_start][::-1])
    if before is None:
        return True
    word = before.group(1)[::-1]
    key = word.lower()
    if key in NEVER_FINAL_ABBREVIATIONS:
        return False
    if key in ABBREVIATIONS_BEFORE_NUMBER:
        # "Jan. 5", "No. 3": the number belongs to the abbreviation.
        return not first.isdigit() and nxt.lower() in SENTENCE_STARTERS
    if len(word) == 1 and word.isupper():
        # An initial, as in "George W. Bush" or "J. K. Rowling".
        return False
    if key in AMBIGUOUS_ABBREVIATIONS or "." in word:
        # "U.S. The": a new sentence only when a typical sentence opener follows.
        return nxt.lower() in SENTENCE_STARTERS
    return True


def _attribution_follows(text: str, pos: int, end: int) -> bool:
    """Whether a quotation that just closed is attributed by what follows: "Why?” Mr. Lee asked."
    or "Why?” asked Mr. Lee." keep the attribution in the quotation's sentence; "Done.” Officials
    said the count was over." starts a new one."""
    words = text[pos : min(end, pos + 80)].split()[:6]
    for i, word in enumerate(words[:5]):
        if word.strip(".,;:!?\"'\u201d\u2019").lower() in REPORTING_VERBS:
            return i == 0 or word[-1] in ".,;:!?"
    return False


def _sentence_spans(text: str, paras: Sequence[Span]) -> Iterator[tuple[int, int, int]]:
    """The paragraph, start and end of each sentence, in order.

    The final runs of all paragraphs come from one scan of the text rather than one scan per
    paragraph, and are the same: a paragraph starts and ends with a character that is not
    space, so a run inside it ends with all the space before the next character, short of the
    paragraph's end. A run at the end of a paragraph goes on over the line break instead, and
    ends no sentence the paragraph does not already end.
    """
    if not paras:
        return
    finals = _FINAL.finditer(text, paras[0].start, paras[-1].end)
    m = next(finals, None)
    for p_index, para in enumerate(paras):
        start, end = para.start, para.end
        while m is not None and m.end() < end:  # a final run inside this paragraph
            marks_end = _sentence_end(text, m, end)
            if marks_end is not None:
                yield p_index, start, marks_end
                start = m.end()
            m = next(finals, None)
        if m is not None and m.start() < end:  # the run at the paragraph's end
            m = next(finals, None)
        yield p_index, start, end


def _sentence_end(text: str, final: re.Match[str], para_end: int) -> int | None:
    """Where the sentence ends when the final run ``final`` ends one (the run's space left
    out), else None."""
    marks = final.group().rstrip()
    if marks[-1] in _CLOSERS and _attribution_follows(text, final.end(), para_end):
        return None
    if _is_boundary(text, final.start(), final.end(), para_end):
        return final.start() + len(marks)
    return None


def tokens(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Word, number and punctuation tokens of ``text[start:end]`` with original offsets."""
    end = len(text) if end is None else end
    return _tokens_of(text[start:end], start)


# No token contains space, and the token pattern looks neither behind nor ahead, so the tokens
# of a text are those of each of its space-separated chunks, shifted to where the chunk starts.
# Most chunks are a word, or a word with its punctuation ("said,"): str.split and one table
# lookup per chunk cost less than matching the pattern at every token.
_LONGEST_KEPT_CHUNK = 24
_CHUNK_TABLE_SIZE = 16384

# What the token builder reads per token: the length of the space before it, its length, text,
# comparison form and kind. Plain tuples, which unpack faster than named ones.
_Step = tuple[int, int, str, str, str]


class ChunkTable(dict):
    """What ``compute`` gives for a chunk of text without space, read with the dict's C-level
    ``__getitem__`` (one ``map`` per sentence; about twice as fast as an ``lru_cache`` hit).

    Only chunks of at most 24 characters are kept, and the table is emptied when it holds
    16,384 of them, so that whatever clients send it stays bounded (a few tens of MB) and new
    words still get in. A longer chunk (a link, a run of symbols) is computed each time.
    """

    __slots__ = ("compute",)

    def __init__(self, compute: Callable[[str], Any]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, chunk: str) -> Any:
        value = self.compute(chunk)
        if len(chunk) <= _LONGEST_KEPT_CHUNK:
            if len(self) >= _CHUNK_TABLE_SIZE:
                self.clear()
            self[chunk] = value
        return value


def _steps(text: str) -> list[_Step]:
    """The steps of the tokens of ``text``, by matching the token pattern."""
    # Strings from findall rather than match objects, and one cached lookup for what depends on
    # the token's text alone.
    out = []
    append = out.append
    for space, surface in _TOKEN.findall(text):
        norm, kind = norm_and_kind(surface)
        append((len(space), len(surface), surface, norm, kind))
    return out


def _chunk_steps(chunk: str) -> tuple[_Step, ...]:
    """The steps of the tokens of a chunk after one space."""
    return tuple(_steps(" " + chunk))


_CHUNK_STEPS = ChunkTable(_chunk_steps)


def _tokens_of(part: str, offset: int) -> tuple[Token, ...]:
    """The tokens of ``part``, a stretch of text that starts at ``offset``."""
    # Chunk by chunk, as if one space came before each: no search for where a chunk starts.
    chunks = map(_CHUNK_STEPS.__getitem__, part.split())
    found, end = _built(offset - 1, chain.from_iterable(chunks))
    # The last token then ends one character per chunk and per space between two chunks after
    # ``offset``: at the end of ``part`` only if one space character separates each two chunks
    # and none comes first or last. Otherwise (two spaces, a blank line; under 1% of news
    # sentences) the offsets are off, and the pattern is matched over the whole part instead.
    if end == offset + len(part):
        return found
    return _built(offset, _steps(part))[0]


def _built(pos: int, steps: Iterable[_Step]) -> tuple[tuple[Token, ...], int]:
    """The tokens of ``steps`` after position ``pos``, and where the last one ends."""
    # The hottest loop of the text layer: local names and tuple.__new__, which skips the named
    # tuple's argument parsing.
    new = tuple.__new__
    token = Token
    out: list[Token] = []
    append = out.append
    for space, length, surface, norm, kind in steps:
        start = pos + space
        pos = start + length
        append(new(token, (start, pos, surface, norm, kind)))
    return tuple(out), pos


@lru_cache(maxsize=65536)
def norm_and_kind(surface: str) -> tuple[str, str]:
    """The comparison form and the kind of a token with this text."""
    if _NUMBER_START.match(surface):
        kind = "number"
    elif _WORD_START.match(surface):
        kind = "word"
    else:
        kind = "punct"
    return fold(surface), kind


def analyse(article: Article, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Split an article into paragraphs, sentences and tokens; the text is left untouched.

    At most ``limits.max_sentences_per_article`` sentences are kept; the rest of the text is
    still covered by paragraphs but is not segmented further.
    """
    text = article.text
    paras = paragraphs(text)
    sentences: list[Sentence] = []
    cap = limits.max_sentences_per_article
    complete = True
    for p_index, s, e in _sentence_spans(text, paras):
        if len(sentences) >= cap:
            complete = False
            break
        part = text[s:e]
        index, tokens = len(sentences), _tokens_of(part, s)
        fields = {"index": index, "start": s, "end": e, "paragraph": p_index, "text": part, "tokens": tokens}
        sentences.append(built_from(Sentence, fields))
    return Document(article=article, paragraphs=paras, sentences=tuple(sentences), complete=complete)
