"""The tense check: verb groups with tense, aspect, voice, modality and polarity, and the same
event told in a different tense (``tense_shift``) or polarity (``negation_flip``) across
aligned sentences.

A verb group is a finite verb with its auxiliaries, modals, negation and the adverbs between
them ("had never backed", "will be held", "is expected to announce"). Word forms come from
the lemminflect lexicon that ships inside its package; ambiguous forms ("the said policy", "his
remains", "an extended deadline") are resolved from the words around them. Non-finite forms
(infinitives, gerunds, participles used as modifiers) are not verb groups.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from operator import attrgetter, itemgetter
from typing import Any

from lemminflect import getAllLemmas, getAllLemmasOOV, getInflection
from rapidfuzz.distance import Indel

from .checks import CheckResult
from .constants import (
    TENSE_BE_CATENATIVES,
    TENSE_BE_FORMS,
    TENSE_CLAUSE_OPENERS,
    TENSE_CLITIC_HOSTS,
    TENSE_DETERMINERS,
    TENSE_DO_FORMS,
    TENSE_GROUP_ADVERBS,
    TENSE_HAVE_FORMS,
    TENSE_MODALS,
    TENSE_NEGATORS,
    TENSE_NOT_SUBJECTS,
    TENSE_OBJECT_STARTS,
    TENSE_PARTICIPLE_ONLY,
    TENSE_PARTICLE_VERBS,
    TENSE_PLURAL_NOUNS,
    TENSE_PLURAL_SUBJECTS,
    TENSE_REPORTING_VERBS,
    TENSE_SUBJECT_PRONOUNS,
    TENSE_VERB_CATENATIVES,
)
from .findings import make_finding, mention
from .model import Alignment, Document, Finding, Sentence, Token, built_from, moved
from .text import ChunkTable, norm_and_kind

NAME = "tense"

TENSES = ("past", "present", "future")
ASPECTS = ("simple", "progressive", "perfect", "perfect progressive")
VOICES = ("active", "passive")
POLARITIES = ("positive", "negative")

# Modals that mark the future rather than a modality of their own.
_FUTURE_MODALS = frozenset(["will", "shall"])
# Lemmas too common to pair across sentences on the lemma alone.
_LIGHT_LEMMAS = frozenset(["be", "have", "do", "get", "make", "go"])
# A changed stretch of at most this many words on each side, with the same words before and
# after, tells the same event even when the verbs differ ("has been fined" / "paid a").
_SWAP_MAX_WORDS = 4
# How far (in words) a question's subject may sit between the auxiliary and the main verb.
_QUESTION_SUBJECT_MAX = 5

_AUX_WORDS = frozenset([*TENSE_MODALS, *TENSE_BE_FORMS, *TENSE_HAVE_FORMS, *TENSE_DO_FORMS, "'s", "'d"])

_VERB_TAGS = ("VB", "VBD", "VBN", "VBG", "VBZ", "VBP")


@dataclass(frozen=True)
class VerbGroup:
    """A finite verb group: ``doc.text[start:end] == text``; ``head_start``/``head_end`` span
    the main verb. ``tense`` is past, present or future; ``aspect`` one of ``ASPECTS``;
    ``modality`` the modal or the verb of intention ("would", "expected to", "plan to"), or
    None; ``reported`` is true in a clause that follows a reporting verb ("said that ...")."""

    start: int
    end: int
    text: str
    head_start: int
    head_end: int
    lemma: str
    tense: str
    aspect: str
    voice: str
    modality: str | None
    polarity: str
    sentence: int
    reported: bool


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class _Word:
    """What the lexicon says about one lower-case word form."""

    lemma: str | None  # verb lemma, None when the form is never a verb
    tags: frozenset[str]  # Penn verb tags the form can carry
    noun: bool
    adj: bool
    adverb: bool


# lemminflect reads its inflection table on first use; read it when the engine is imported, so
# that the first request does not pay for it.
getInflection("be", tag="VBD")


@lru_cache(maxsize=65536)
def _inflections(lemma: str, tag: str) -> tuple[str, ...]:
    return tuple(f.lower() for f in getInflection(lemma, tag))


@lru_cache(maxsize=65536)
def _word(norm: str) -> _Word:
    lemmas = getAllLemmas(norm)
    verb = lemmas.get("VERB") or lemmas.get("AUX")
    if not verb and not lemmas and norm.isalpha() and norm.endswith(("ed", "es", "ing")):
        # Out of the lexicon: trust the suffix only for forms that look verbal.
        verb = getAllLemmasOOV(norm, "VERB").get("VERB")
    lemma = None
    tags: set[str] = set()
    if verb:
        for cand in verb:
            found = {t for t in _VERB_TAGS if norm in _inflections(cand, t)}
            if found:
                lemma = cand.lower()
                tags = found
                break
    adverb = "ADV" in lemmas and not verb and "NOUN" not in lemmas
    return _Word(lemma, frozenset(tags), "NOUN" in lemmas, "ADJ" in lemmas, adverb)


# A finite main verb's role is _PLAIN_PRESENT for a form that can only be a plain present
# ("say", "work": no past, no third person), which only a plural subject or a pronoun precedes.
_NONE, _OPENER, _AUX, _FINITE, _PLAIN_PRESENT = range(5)
_FINITE_TAGS = frozenset(["VBD", "VBZ", "VBP"])
_PAST_OR_THIRD = frozenset(["VBD", "VBZ"])
_PARTICIPLE_TAGS = frozenset(["VBN", "VBG"])
_RELATIVES = frozenset(["which", "who"])
_COORDINATORS = frozenset(["and", "but", "or"])
_NOT_ONLY = frozenset(["only", "just", "merely", "simply"])


@lru_cache(maxsize=65536)
def _role(norm: str) -> int:
    """What a word form can do in a verb group: open a clause, be an auxiliary, or be a
    finite main verb (past or third person, or only a plain present)."""
    if norm in _AUX_WORDS:
        return _AUX
    if norm in TENSE_CLAUSE_OPENERS:
        return _OPENER
    if norm in TENSE_PARTICIPLE_ONLY:
        return _NONE  # "according", "based": never a finite verb, so never worth the rules
    info = _word(norm)
    if info.lemma is not None and info.lemma not in ("be", "have", "do") and info.tags & _FINITE_TAGS:
        return _FINITE if info.tags & _PAST_OR_THIRD else _PLAIN_PRESENT
    return _NONE


# --------------------------------------------------------------------------- words


# A word of a sentence is the text layer's token, or a piece of a contraction ("hasn't" ->
# "has", "not"); ``kind`` is "cap" for a capitalised word that does not open the sentence (a
# name: never a verb here), else "word" or "number".
_W = Token


_NEG_CLITIC_BASE = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}
_VERB_CLITICS = {"'re": "are", "'ve": "have", "'ll": "will", "'m": "am"}


_HARD_PUNCT = frozenset(";:\"'()[]\u2014-")

# What a token is to ``_words``: a word kept as it is (a possessive too), a capitalised word, a
# mark that is a phrase or a clause boundary, or a token that needs ``_rare_token`` (a
# contraction, an apostrophe that may close a plural possessive). The two kinds of word come
# first, so that ``_words`` tells a word by one comparison.
_PLAIN, _CAPITAL, _SOFT_MARK, _HARD_MARK, _RARE = range(5)

def _token_info(text: str) -> tuple[int, int]:
    """What a token with this text is to ``_words``, and its ``_role``."""
    norm, kind = norm_and_kind(text)
    if kind == "punct":
        code = _RARE if norm == "'" else (_HARD_MARK if norm in _HARD_PUNCT else _SOFT_MARK)
    elif kind != "word":
        code = _PLAIN
    elif ("'" in norm or norm == "cannot") and _split_at(norm, len(text)) is not None:
        code = _RARE
    else:
        code = _CAPITAL if text[0].isupper() else _PLAIN
    return code, _role(norm)


# ``_token_info`` per token text (the token's comparison form and kind follow from it), read for
# a whole sentence with one C-level ``map``: every token of every parsed sentence is read.
_TOKEN_INFO = ChunkTable(_token_info)
_TOKEN_START, _TEXT, _TOKEN_NORM = itemgetter(0), itemgetter(2), itemgetter(3)


def _token_infos(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """``_token_info`` of each token."""
    return list(map(_TOKEN_INFO.__getitem__, map(_TEXT, tokens)))


def _words(sentence) -> tuple[list[_W], list[int], list[tuple[int, int]]]:
    """The sentence's words (contractions split); per word, what precedes it: 0 nothing,
    1 punctuation (a phrase boundary), 2 a clause-breaking mark (quote, colon, dash,
    bracket); and the index and ``_role`` of each word that has a role or follows a mark, the
    only words that can start a verb group or change what the scan of the sentence knows."""
    tokens = sentence.tokens
    infos = _token_infos(tokens)
    out: list[_W] = []
    breaks: list[int] = []
    todo: list[tuple[int, int]] = []
    brk = 2
    append, mark, wanted = out.append, breaks.append, todo.append
    new = tuple.__new__  # skips the named tuple's argument parsing
    for tok, (code, role) in zip(tokens, infos, strict=True):
        if code < _SOFT_MARK:  # _PLAIN or _CAPITAL: a word (one test for the most common tokens)
            if code and out:
                # A capitalised word that does not open the sentence: a name.
                tok = new(Token, (tok.start, tok.end, tok.text, tok.norm, "cap"))
            if role or brk:
                wanted((len(out), role))
            append(tok)
            mark(brk)
            brk = 0
        elif code == _RARE:
            # Handled in place, so that a sentence with one contraction still has its other
            # tokens read from the table.
            brk = _rare_token(tok, out, breaks, todo, brk)
        else:
            brk = 2 if brk == 2 or code == _HARD_MARK else 1
    return out, breaks, todo


def _rare_token(tok: Token, out: list[_W], breaks: list[int], todo: list[tuple[int, int]], brk: int) -> int:
    """Add a contraction's pieces ("hasn't" -> "has", "not") to ``_words``' lists, or read an
    apostrophe: the end of a plural possessive ("the players' wages", neither a quotation nor a
    pause) or a clause-breaking mark. Returns the boundary before the next word."""
    if tok.kind == "punct":
        if out and out[-1].end == tok.start and out[-1].norm.endswith("s"):
            last = out[-1]
            norm = last.norm + "'"
            out[-1] = Token(last.start, tok.end, last.text + tok.text, norm, last.kind)
            # The possessive's role is that of its new form.
            k = len(out) - 1
            if todo and todo[-1][0] == k:
                todo.pop()
            role = _role(norm)
            if role or breaks[k]:
                todo.append((k, role))
            return brk
        return 2 if brk == 2 or tok.norm in _HARD_PUNCT else 1
    # A word is _RARE only when it splits.
    first, cut, second = _split_at(tok.norm, len(tok.text))  # type: ignore[misc]
    start, text = tok.start, tok.text
    kind = "cap" if out and text[0].isupper() else "word"
    for piece, piece_brk in (
        (Token(start, start + cut, text[:cut], first, kind), brk),
        (Token(start + cut, tok.end, text[cut:], second, "word"), 0),
    ):
        role = _role(piece.norm)
        if role or piece_brk:
            todo.append((len(out), role))
        out.append(piece)
        breaks.append(piece_brk)
    return 0


def _split_at(norm: str, length: int) -> tuple[str, int, str] | None:
    """How a contraction of ``length`` characters splits: its first piece's form, where in the
    text the second piece starts, and the second piece's form; None for a word that stays
    whole (a possessive, "Lee's")."""
    if norm.endswith("n't") and len(norm) > 3:
        base = norm[:-3]
        return _NEG_CLITIC_BASE.get(base, base), length - 3, "not"
    if norm == "cannot":
        return "can", 3, "not"
    base, _, clitic = norm.rpartition("'")
    clitic = "'" + clitic
    if clitic == "'ve" and base in TENSE_MODALS:
        return base, length - 3, "have"  # "could've scored"
    if clitic in _VERB_CLITICS or clitic == "'d":
        return base, length - len(clitic), clitic
    if clitic == "'s" and base in TENSE_CLITIC_HOSTS:
        return base, length - 2, "'s"
    return None


# --------------------------------------------------------------------------- verb groups


def _is_adverb(w: _W) -> bool:
    n = w.norm
    if n in TENSE_GROUP_ADVERBS:
        return True
    if (w.kind == "cap") or len(n) < 5 or not n.endswith("ly"):
        return False
    info = _word(n)
    return info.adverb


def _skip_adverbs(words: list[_W], i: int, punct: list[int]) -> tuple[int, bool]:
    """The index of the first word at or after ``i`` that is not an adverb or negation inside
    a verb group, and whether a negation was passed."""
    neg = False
    n = len(words)
    while i < n and not punct[i]:
        w = words[i]
        if w.norm in TENSE_NEGATORS:
            # "is not only a ...": not a negation of the verb.
            if not (i + 1 < n and words[i + 1].norm in _NOT_ONLY):
                neg = True
        elif w.norm == "no" and i + 1 < n and words[i + 1].norm == "longer":
            neg = True
            i += 1
        elif w.norm not in TENSE_GROUP_ADVERBS and (not w.norm.endswith("ly") or not _is_adverb(w)):
            break  # (other adverbs end in -ly: most words are told apart without the call)
        i += 1
    return i, neg


def _verb(w: _W, tag: str) -> bool:
    if w.kind == "cap":
        return False
    return tag in _word(w.norm).tags


def _prev_word(words: list[_W], punct: list[int], i: int) -> _W | None:
    """The word before ``i``, skipping adverbs; None at the start of a clause."""
    j = i - 1
    # A few adverbs at most ("he also quietly opposed"), so a flood of them stays linear.
    stop = i - 4 if i > 4 else 0
    while j >= stop:
        if punct[j + 1]:
            return None
        w = words[j]
        n = w.norm
        # Most words are neither listed nor in -ly: told apart without the call to _is_adverb.
        if n not in _LOOKED_PAST and (not n.endswith("ly") or not _is_adverb(w)):
            return w
        j -= 1
    return None


# The words ``_prev_word`` looks past whatever else they are (other adverbs end in -ly).
_LOOKED_PAST = TENSE_GROUP_ADVERBS | TENSE_NEGATORS


def _subject_like(w: _W | None) -> bool:
    """Whether ``w`` can end a subject (a pronoun, a noun, a name, a number)."""
    if w is None:
        return False
    n = w.norm
    if n in TENSE_SUBJECT_PRONOUNS:
        return True
    if n in TENSE_NOT_SUBJECTS or n in TENSE_DETERMINERS:
        return False
    if (w.kind == "cap") or n[:1].isdigit() or n.endswith("'s"):
        return True
    info = _word(n)
    if info.noun:
        return True
    return info.lemma is None and not info.adj and not info.adverb


def _object_start(w: _W | None) -> bool:
    """Whether ``w`` can open what follows a finite verb: an object, a clause or a number
    ("signed a deal", "said he", "won 60 per cent", "says the cost")."""
    if w is None:
        return False
    n = w.norm
    return (
        n in TENSE_DETERMINERS
        or n in TENSE_OBJECT_STARTS
        or n[:1].isdigit()
        or ((w.kind == "cap") and _word(n).lemma is None)
    )


@dataclass(slots=True)
class _Ctx:
    """What the scan of one sentence knows when it reaches a word."""

    sentence: Any
    headline: bool  # no closing punctuation: a headline, where "Two hurt in crash" is a participle
    clause_verb: bool = False  # the current clause already has a finite verb
    resume: bool = False  # a relative clause between commas just closed before a verbless clause
    last_end: int = -2  # index of the last word of the previous group
    last_aux: bool = False  # the previous group had auxiliaries ("was stopped and searched")


def _finite_simple(words: list[_W], punct: list[int], i: int, ctx: _Ctx, prev: _W | None) -> str | None:
    """The tense of ``words[i]`` as a finite main verb without auxiliaries, or None. ``prev``
    is ``_prev_word(words, punct, i)``; the caller has ruled out a form right after a word that
    ``_roles_ruled_out_after`` names.

    A participle after a noun is a modifier when the clause already has its verb ("rejected the
    tariffs imposed on ...") or when a verb follows ("the cars recalled in May were ...")."""
    w = words[i]
    info = _word(w.norm)
    lemma = info.lemma  # a verb other than be, have or do: the word's role is _FINITE or _PLAIN_PRESENT
    tags = info.tags
    nxt = words[i + 1] if i + 1 < len(words) and not punct[i + 1] else None
    if prev is not None:
        p = prev.norm
        if p in TENSE_DETERMINERS or p == "to" or p.endswith(("'s", "s'")):
            return None
        if p.endswith("ing") and "VBG" in _word(p).tags:
            # "after raising doubled fees": a participle, not a subject, unless it is a
            # noun after a determiner ("the building collapsed").
            j = i - 2
            if j < 0 or words[j].norm not in TENSE_DETERMINERS:
                return None
        if "VBD" not in tags and "VBZ" not in tags and p not in TENSE_SUBJECT_PRONOUNS:
            # A plain present ("say", "work") after a word other than a pronoun needs a plural
            # subject ("the doctors say"): tested before the other rules, which most such
            # forms ("the values work", "mutual respect") would otherwise run through.
            if not _plural_subject(prev):
                return None
    reporting = lemma in TENSE_REPORTING_VERBS
    if prev is None:
        if ctx.resume:
            return "past" if "VBD" in tags else ("present" if "VBZ" in tags else None)
        if i == 0 or not (tags & _PAST_OR_THIRD):
            return None
        past = "VBD" in tags
        # A quotation, then "said the report": the inverted reporting verb.
        if reporting and _quote_near(ctx.sentence, w.start):
            return "past" if past else "present"
        if ctx.clause_verb or (nxt is not None and nxt.norm == "by") or (nxt is None and not reporting):
            return None  # "X, announced by Y", "Smith (left)"
        # "Ms Lee, head of the firm, signed the deal", "X, a spokesman, said": after
        # an appositive, in a clause that has no verb yet.
        # "The plan, unveiled on Monday, pleased": a participle phrase between commas.
        parenthetical = "VBN" in tags and nxt is not None and any(punct[i + 2 : i + 12])
        if not parenthetical and (reporting or _object_start(nxt) or _opens_with_subject(words[0])):
            if not _starts_with_participle(words, i):
                return "past" if past else "present"
        return None
    if "VBD" in tags:
        if prev.norm in ("and", "or", "but"):
            if ctx.last_aux and ctx.last_end == i - 2 and "VBN" in tags:
                return None  # "was stopped and searched"
            return "past" if _coordinated_finite(words, i) else None
        if prev.norm in TENSE_SUBJECT_PRONOUNS:
            return "past"
        if not _subject_like(prev):
            return None
        if "VBN" in tags:
            if nxt is not None and nxt.norm == "by":
                return None  # "the plan unveiled by ..."
            if not _object_start(nxt):
                if ctx.headline or (ctx.clause_verb and not info.noun) or info.noun:
                    return None  # "rejected the tariffs imposed on steel"
                if _verb_follows(words, punct, i):
                    return None  # "the cars recalled in May were repaired"
        return "past"
    if "VBZ" in tags or "VBP" in tags:
        third = "VBZ" in tags
        if nxt is not None and (nxt.norm in _AUX_WORDS or _clear_finite_form(nxt)):
            return None  # "the club elects were", "the trade talks stalled"
        if prev.norm in TENSE_SUBJECT_PRONOUNS:
            if not third and prev.norm not in TENSE_PLURAL_SUBJECTS:
                return None
            if info.noun and prev.norm in _DEMONSTRATIVES and not _object_start(nxt):
                return None  # "lost that match", "these delays and costs"
            if info.noun and nxt is None:
                return None
            return "present"
        if not _subject_like(prev):
            return None
        # (A plain present here follows a plural subject: see above.)
        if reporting and (nxt is None or nxt.norm == "that" or not ctx.clause_verb):
            return "present"  # "analysts say.", "the doctors say sleep ..."
        if info.noun or info.adj:
            # "the remains", "common interests": a noun; "Spain says the", "Firm ups
            # forecast" (a headline), "plans to visit": a verb.
            if ctx.headline and i == 1 and nxt is not None:
                return "present"
            if nxt is not None and nxt.norm == "to" and lemma in TENSE_VERB_CATENATIVES:
                return "present"
            if nxt is not None and nxt.norm[:1].isdigit():
                return None  # "border posts 12"
            if not _object_start(nxt):
                return None
        elif ctx.clause_verb and not third:
            return None
        return "present"
    return None


_DEMONSTRATIVES = frozenset(["this", "that", "these", "those"])


def _plural_subject(w: _W) -> bool:
    """Whether ``w`` can end a plural subject ("the doctors", "police")."""
    n = w.norm
    return n in TENSE_PLURAL_NOUNS or (n.endswith("s") and w.kind != "cap" and _word(n).noun)


# Words right before a verb form that make it no finite verb (adverbs are looked past instead).
_NO_VERB_AFTER = (
    (TENSE_DETERMINERS | TENSE_NOT_SUBJECTS) - _COORDINATORS - TENSE_GROUP_ADVERBS - TENSE_NEGATORS
)


_EVERY_FINITE_ROLE = (_FINITE, _PLAIN_PRESENT)


@lru_cache(maxsize=65536)
def _roles_ruled_out_after(norm: str, kind: str) -> tuple[int, ...] | None:
    """The roles of the verb forms that a word right before them makes no finite verb without
    auxiliaries, by the rules of ``_finite_simple``, which take it as the word before the verb
    when it is no adverb or negation to look past (None for those): every form after a word of
    ``_NO_VERB_AFTER`` or a word that can end no subject ("mutual", "shared"; "and", "or",
    "but" can be followed by a coordinated past); a plain present after a word that is no
    pronoun and can end no plural subject ("policy", a name)."""
    if norm in _NO_VERB_AFTER:
        return _EVERY_FINITE_ROLE
    w = Token(0, len(norm), norm, norm, kind)
    if norm in _LOOKED_PAST or _is_adverb(w):
        return None
    if not _subject_like(w) and norm not in _COORDINATORS:
        return _EVERY_FINITE_ROLE
    if norm not in TENSE_SUBJECT_PRONOUNS and not _plural_subject(w):
        return (_PLAIN_PRESENT,)
    return ()


def _verb_follows(words: list[_W], punct: list[int], i: int) -> bool:
    """Whether a finite verb follows within the phrase after ``i``, so that ``words[i]`` is a
    participle modifying the subject of that verb."""
    for j in range(i + 1, min(len(words), i + 10)):
        if punct[j]:
            return False
        n = words[j].norm
        if n in TENSE_CLAUSE_OPENERS:
            return False
        if n in _AUX_WORDS and n not in ("'s", "'d"):
            return True
    return False


def _opens_with_subject(first: _W) -> bool:
    """Whether a sentence that opens with the word ``first`` opens with its subject, not a
    phrase or a participle (worked out only where a rule asks, rarely, rather than per
    sentence)."""
    n = first.norm
    return (
        n not in TENSE_NOT_SUBJECTS
        and n not in TENSE_CLAUSE_OPENERS
        and not (_word(n).tags & _PARTICIPLE_TAGS)
    )


def _starts_with_participle(words: list[_W], i: int) -> bool:
    """Whether the sentence opens with a participle clause ("Asked about it, he said")."""
    first = words[0]
    if (first.kind == "cap") or 0 == i:
        return False
    tags = _word(first.norm).tags
    return bool(tags & _PARTICIPLE_TAGS) and "VBZ" not in tags


def _clear_finite_form(w: _W) -> bool:
    """A word that can only be a finite past or present verb ("stalled" is not: a participle)."""
    if w.kind == "cap":
        return False
    info = _word(w.norm)
    return info.lemma is not None and not info.noun and bool(info.tags & _PAST_OR_THIRD)


def _coordinated_finite(words: list[_W], i: int) -> bool:
    """ "... rejected X and urged Y": a past form after "and" shares a finite subject when a
    finite past verb came earlier in the sentence."""
    info = _word(words[i].norm)
    if "VBN" not in info.tags:
        return True
    return any("VBD" in _word(w.norm).tags and not (w.kind == "cap") for w in words[max(0, i - 40) : i - 1])


@dataclass(slots=True)
class _Chain:
    start: int
    end_word: int  # index of the last word of the group
    head: int  # index of the main verb
    lemma: str
    tense: str
    aspect: str
    voice: str
    modality: str | None
    negative: bool


def _parse_aux(words: list[_W], punct: list[int], i: int, question: bool) -> _Chain | None:
    """A verb group that starts with a finite auxiliary or modal at ``i``."""
    w = words[i]
    n = w.norm
    if w.kind == "cap":
        return None
    prev = _prev_word(words, punct, i)
    if prev is not None and (prev.norm in TENSE_DETERMINERS or prev.norm == "to"):
        return None  # "the will of the people", "to do", "to have"
    if n == "am" and (prev is None or prev.norm != "i") and i > 0:
        return None  # "6:00am"
    modality = None
    neg = False
    if n in TENSE_MODALS:
        modality = TENSE_MODALS[n]
        tense = (
            "future"
            if modality in _FUTURE_MODALS
            else ("past" if modality in ("would", "could", "might", "should") else "present")
        )
        j, neg = _next_verb(words, punct, i + 1, question, _WANT_BASE)
        if j is None or not _verb(words[j], "VB"):
            return None
        k = j
    elif n in TENSE_DO_FORMS:
        tense = TENSE_DO_FORMS[n]
        j, neg = _next_verb(words, punct, i + 1, question, _WANT_BASE)
        if j is not None and _verb(words[j], "VB") and words[j].norm not in TENSE_DO_FORMS:
            return _rest(words, punct, i, j, tense, None, neg, False, False, False)
        return _Chain(i, i, i, "do", tense, "simple", "active", None, False)
    elif n == "'s" or n == "'d":
        j, neg = _skip_adverbs(words, i + 1, punct)
        nxt = words[j] if j < len(words) and not punct[j] else None
        if n == "'d":
            if nxt is not None and _verb(nxt, "VBN") and not _verb(nxt, "VB"):
                return _after_have(words, punct, i, "past", neg, question)
            modality, tense = "would", "past"
            if nxt is None or not _verb(nxt, "VB"):
                return None
            k = j
        else:
            if nxt is not None and nxt.norm in ("been", "got", "gotten"):
                return _after_have(words, punct, i, "present", neg, question)
            return _after_be(words, punct, i, "present", neg, question)
    elif n in TENSE_HAVE_FORMS:
        return _after_have(words, punct, i, TENSE_HAVE_FORMS[n], neg, question)
    elif n in TENSE_BE_FORMS:
        return _after_be(words, punct, i, TENSE_BE_FORMS[n], neg, question)
    else:
        return None
    # After a modal: base verb at k.
    base = words[k].norm
    if base == "have" and k + 1 < len(words):
        j2, neg2 = _skip_adverbs(words, k + 1, punct)
        if j2 < len(words) and not punct[j2] and _verb(words[j2], "VBN"):
            return _perfect_rest(words, punct, i, j2, tense, modality, neg or neg2)
    if base == "be":
        j2, neg2 = _skip_adverbs(words, k + 1, punct)
        neg = neg or neg2
        chain = _be_rest(words, punct, i, k, j2, tense, modality, neg, False)
        if chain is not None:
            return chain
    return _rest(words, punct, i, k, tense, modality, neg, False, False, False)


def _next_verb(
    words: list[_W], punct: list[int], i: int, question: bool, want: frozenset[str]
) -> tuple[int | None, bool]:
    """The next verb after adverbs and negation; in a question, also after the subject, where
    the verb must carry one of the tags in ``want``."""
    j, neg = _skip_adverbs(words, i, punct)
    n = len(words)
    if j < n and not punct[j] and _word(words[j].norm).lemma is not None and words[j].kind != "cap":
        return j, neg
    if not question or j >= n or punct[j]:
        return None, neg
    # "Did the council approve ...?": skip the subject. Its first word after a determiner is
    # its noun or adjective even when the lexicon also knows it as a verb ("the bridge").
    w = words[j]
    if w.norm in TENSE_DETERMINERS:
        j += 2
    else:
        j += 1
        while j < n and words[j].kind == "cap" and not punct[j]:
            j += 1
    limit = min(n, j + _QUESTION_SUBJECT_MAX)
    while j < limit and not punct[j]:
        w = words[j]
        if w.norm in TENSE_NEGATORS:
            neg = True
        elif w.kind != "cap" and _word(w.norm).tags & want:
            return j, neg
        j += 1
    return None, neg


_WANT_BASE = frozenset(["VB"])
_WANT_PARTICIPLE = frozenset(["VBN"])
_WANT_AFTER_BE = _PARTICIPLE_TAGS


def _after_have(words, punct, i, tense, neg, question) -> _Chain | None:
    j, neg2 = _next_verb(words, punct, i + 1, question, _WANT_PARTICIPLE)
    neg = neg or neg2
    if j is not None and _verb(words[j], "VBN"):
        return _perfect_rest(words, punct, i, j, tense, None, neg)
    j2, _ = _skip_adverbs(words, i + 1, punct)
    if j2 < len(words) and not punct[j2] and words[j2].norm == "to":
        # "had to go": obligation, the event is the verb after "to".
        k = j2 + 1
        if k < len(words) and not punct[k] and _verb(words[k], "VB"):
            return _rest(words, punct, i, k, tense, "have to", neg, False, False, False)
    return _Chain(i, i, i, "have", tense, "simple", "active", None, neg)


def _perfect_rest(words, punct, i, j, tense, modality, neg) -> _Chain:
    """After "have": the participle at ``j``; "been" may lead on to a progressive or passive."""
    if words[j].norm == "been":
        k, neg2 = _skip_adverbs(words, j + 1, punct)
        chain = _be_rest(words, punct, i, j, k, tense, modality, neg or neg2, True)
        if chain is not None:
            return chain
    return _rest(words, punct, i, j, tense, modality, neg, True, False, False)


def _after_be(words, punct, i, tense, neg, question) -> _Chain | None:
    k, neg2 = _next_verb(words, punct, i + 1, question, _WANT_AFTER_BE)
    if k is None:
        k, neg3 = _skip_adverbs(words, i + 1, punct)
        neg2 = neg2 or neg3
    chain = _be_rest(words, punct, i, i, k, tense, None, neg or neg2, False)
    if chain is not None:
        return chain
    # A copula: "was against", "is president".
    return _Chain(i, i, i, "be", tense, "simple", "active", None, neg or neg2)


def _be_rest(words, punct, i, be, k, tense, modality, neg, perfect) -> _Chain | None:
    """After a form of "be" at ``be``: a progressive, a passive, or "is expected to", or None
    for a copula."""
    if k is None or k >= len(words) or punct[k] or (words[k].kind == "cap"):
        return None
    w = words[k]
    n = w.norm
    if n in TENSE_BE_CATENATIVES and k + 2 < len(words) and words[k + 1].norm == "to":
        base_i, neg2 = _skip_adverbs(words, k + 2, punct)
        if base_i < len(words) and not punct[base_i] and not punct[k + 1] and _verb(words[base_i], "VB"):
            mod = TENSE_BE_CATENATIVES[n]
            if mod == "going to" and tense == "present":
                tense = "future"  # "is going to close": the future itself, no modality of its own
            elif modality is None:
                modality = mod
            return _rest(words, punct, i, base_i, tense, modality, neg or neg2, perfect, False, False)
    if _verb(w, "VBG") and n != "being" and n not in TENSE_PARTICIPLE_ONLY:
        return _rest(words, punct, i, k, tense, modality, neg, perfect, True, False)
    if n == "being":
        k2, _ = _skip_adverbs(words, k + 1, punct)
        if k2 < len(words) and not punct[k2] and _verb(words[k2], "VBN"):
            return _rest(words, punct, i, k2, tense, modality, neg, perfect, True, True)
        return None
    if _verb(w, "VBN"):
        return _rest(words, punct, i, k, tense, modality, neg, perfect, False, True)
    return None


def _rest(words, punct, i, k, tense, modality, neg, perfect, progressive, passive) -> _Chain:
    """Finish a group whose main verb is at ``k``; "plans to visit" extends it to the
    verb of intention's complement."""
    lemma = _word(words[k].norm).lemma or words[k].norm
    end = k
    if not passive and lemma in TENSE_VERB_CATENATIVES and k + 2 < len(words):
        if words[k + 1].norm == "to" and not punct[k + 1]:
            j, neg2 = _skip_adverbs(words, k + 2, punct)
            if j < len(words) and not punct[j] and _verb(words[j], "VB"):
                inner = _word(words[j].norm).lemma or words[j].norm
                mod = TENSE_VERB_CATENATIVES[lemma]
                if inner == "be":
                    j3, _ = _skip_adverbs(words, j + 1, punct)
                    if j3 < len(words) and not punct[j3] and _verb(words[j3], "VBN"):
                        j = j3
                        inner = _word(words[j].norm).lemma or words[j].norm
                        passive = True
                if modality is None:
                    modality = mod
                k = end = j
                lemma = inner
                neg = neg or neg2
    if perfect and progressive:
        aspect = "perfect progressive"
    elif perfect:
        aspect = "perfect"
    elif progressive:
        aspect = "progressive"
    else:
        aspect = "simple"
    return _Chain(i, end, k, lemma, tense, aspect, "passive" if passive else "active", modality, neg)


# The comparer reads verb groups of aligned sentences only, and skips a cluster whose sentences
# are the same word for word: the pipeline may ask for just the others.
REWORDED_ONLY = True


# Each sentence is read on its own: its groups depend on its text alone, offsets aside.
PER_SENTENCE = True

# Per sentence text: the first sentence found with it and its groups.
_Shared = dict[str, tuple[Sentence, list[VerbGroup]]]


def extract(
    doc: Document,
    sentences: Container[int] | None = None,
    *,
    shared: _Shared | None = None,
) -> tuple[VerbGroup, ...]:
    """Every finite verb group of ``doc``, in text order; with ``sentences``, only those of the
    sentences with these indices (each sentence is read on its own, so the groups are the same).

    ``shared``, one dict for the articles of one comparison, holds the groups found per
    sentence text: a sentence another article copies word for word is parsed once and its
    groups moved to where this copy stands."""
    out: list[VerbGroup] = []
    text = doc.text
    for sentence in doc.sentences:
        if sentences is None or sentence.index in sentences:
            if shared is None:
                out.extend(_sentence_groups(text, sentence))
            else:
                out.extend(_shared_groups(text, sentence, shared))
    return tuple(out)


def _shared_groups(text: str, sentence: Sentence, shared: _Shared) -> list[VerbGroup]:
    """``_sentence_groups``, read from ``shared`` when a sentence of the same text was parsed."""
    found = shared.get(sentence.text)
    if found is None:
        groups = _sentence_groups(text, sentence)
        shared[sentence.text] = (sentence, groups)
        return groups
    origin, groups = found
    shift = sentence.start - origin.start
    if not shift and sentence.index == origin.index:
        return groups
    return [moved(g, shift, sentence.index, _GROUP_OFFSETS) for g in groups]


# The fields of a verb group that are offsets into its article's text.
_GROUP_OFFSETS = ("start", "end", "head_start", "head_end")


def _sentence_groups(text: str, sentence) -> list[VerbGroup]:
    words, punct, todo = _words(sentence)
    n = len(words)
    if not n:
        return []
    stripped = sentence.text.rstrip("\"'\u201d\u2019 )")
    question = stripped.endswith("?")
    ctx = _Ctx(sentence=sentence, headline=not stripped.endswith((".", "!", "?", ":", ";", "\u2026")))
    groups: list[VerbGroup] = []
    reporting_end = -1
    relative: bool | None = None  # inside ", which ...": whether the main clause had a verb
    after = 0  # the first word after the last group found
    # Only a word with a role or after a mark can start a group or change what the scan knows:
    # the others, most words, are not visited. (``ctx.resume`` matters only at the word after
    # the mark that sets it, so the words passed over need not clear it.)
    for i, role in todo:
        if i < after:
            continue  # inside the group just found
        if punct[i]:
            norm = words[i].norm
            resume = False
            if relative is not None:
                ctx.clause_verb, relative = relative, None
                resume = not ctx.clause_verb
            if norm in _RELATIVES:
                relative = ctx.clause_verb
            if punct[i] == 2 or norm in _COORDINATORS:
                ctx.clause_verb = False
            ctx.resume = resume
        else:
            ctx.resume = False
        if role == _NONE:
            continue
        if role == _OPENER:
            ctx.clause_verb = False
            continue
        chain = None
        if role == _AUX:
            chain = _parse_aux(words, punct, i, question)
        elif words[i].kind != "cap":  # _FINITE or _PLAIN_PRESENT
            # The word before the form, read once for the test here and the rules. After "the",
            # "of", "to", a word that can end no subject, or (for a plain present) no plural one,
            # a form is no finite verb ("the remains", "mutual respect", "policy plan"): the
            # rules of ``_finite_simple`` agree, and this test saves the call for most nouns
            # that are also verb forms.
            prev = None  # at the start of a clause
            if not punct[i]:
                before = words[i - 1]  # (the first word always follows a mark)
                ruled_out = _roles_ruled_out_after(before.norm, before.kind)
                if ruled_out is None:  # an adverb or a negation: looked past
                    prev = _prev_word(words, punct, i)
                elif role in ruled_out:
                    continue
                else:
                    prev = before
            tense = _finite_simple(words, punct, i, ctx, prev)
            if tense is not None:
                chain = _rest(words, punct, i, i, tense, None, False, False, False, False)
        if chain is None:
            continue
        # What follows a reporting verb is a clause of its own ("said the figures show").
        reporting = chain.lemma in TENSE_REPORTING_VERBS
        ctx.clause_verb = not reporting
        ctx.last_end = last_word = max(chain.end_word, chain.head)
        ctx.last_aux = chain.start != chain.head
        first, last, head = words[chain.start], words[chain.end_word], words[chain.head]
        if chain.lemma in TENSE_PARTICLE_VERBS and chain.end_word + 1 < n:
            nxt = words[chain.end_word + 1]
            if nxt.norm == TENSE_PARTICLE_VERBS[chain.lemma] and not punct[chain.end_word + 1]:
                last = nxt
        start, end = first.start, last.end
        groups.append(
            built_from(
                VerbGroup,
                {
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "head_start": head.start,
                    "head_end": head.end,
                    "lemma": chain.lemma,
                    "tense": chain.tense,
                    "aspect": chain.aspect,
                    "voice": chain.voice,
                    "modality": chain.modality,
                    "polarity": "negative" if chain.negative else "positive",
                    "sentence": sentence.index,
                    "reported": reporting_end >= 0 and start >= reporting_end,
                },
            )
        )
        if reporting and reporting_end < 0:
            reporting_end = end
        after = last_word + 1
    return groups


def _quote_near(sentence, offset: int) -> bool:
    """Whether a quotation mark ends the text just before ``offset`` in the sentence
    (",\u201d said the report")."""
    rel = offset - sentence.start
    before = sentence.text[max(0, rel - 8) : rel].rstrip()
    return before.endswith(('"', "'", "\u201d", "\u2019", "\u201c", "\u2018", "\u00bb"))


# --------------------------------------------------------------------------- comparer


def _time(g: VerbGroup) -> str:
    """Where the group puts its event: future (will, is expected to), past, perfect (a
    present perfect: done, with present relevance) or present."""
    if g.tense == "future" or (g.modality is not None and g.modality not in _PLAIN_MODALS):
        return "future"
    if g.tense == "past":
        return "past"
    if g.aspect in ("perfect", "perfect progressive"):
        return "perfect"
    return "present"


# Modals whose meaning is a modality of its own (possibility, obligation), not a time.
_PLAIN_MODALS = frozenset(["would", "could", "can", "may", "might", "must", "should", "have to"])


def _label(g: VerbGroup) -> str:
    """How an editor names the form: "past simple", "present perfect", "would + perfect",
    "planned, expected to"."""
    if g.modality is None or g.modality in ("will", "shall"):
        return f"{g.tense} {g.aspect}"
    if g.modality in _PLAIN_MODALS:
        return f"{g.modality} + {g.aspect}" if g.aspect != "simple" else g.modality
    return f"planned, {g.modality}"


def _shift(x: VerbGroup, y: VerbGroup, quoted: tuple[bool, bool] = (False, False)) -> tuple[str, str] | None:
    """The severity of telling event ``x`` as ``y`` and the reason, or None when the two agree
    in tense and aspect or differ only by a modality this check does not judge.

    ``quoted`` says whether each group stands inside quotation marks: a present in a direct
    quotation and a past in reported speech ("We are ready," he said / he said they were
    ready) is a backshift."""
    mx = x.modality if x.modality in _PLAIN_MODALS else None
    my = y.modality if y.modality in _PLAIN_MODALS else None
    if mx != my:
        # "will build" quoted or stated, "said it would build" reported: a backshift.
        would, other = (x, y) if mx == "would" else (y, x)
        if {mx, my} == {"would", None} and other.tense == "future" and would.reported:
            if would.aspect == other.aspect and would.polarity == other.polarity:
                return "low", "backshift"
        return None  # "could win" vs "won": a change of modality, not of tense
    if mx is not None:
        if x.aspect != y.aspect:
            return "low", "aspect"
        return None
    tx, ty = _time(x), _time(y)
    if tx == ty:
        if tx == "past" and (x.reported or y.reported) and {x.aspect, y.aspect} == {"perfect", "simple"}:
            return None  # "said he had fled" / "said he fled": the same past, told as reported
        if x.aspect != y.aspect and tx != "future":
            return "low", "aspect"
        if x.tense != y.tense and tx != "future":
            return "medium", "time"
        return None
    if "future" in (tx, ty):
        other = ty if tx == "future" else tx
        return ("high", "done") if other in ("past", "perfect") else ("medium", "future")
    pair = {tx, ty}
    if pair == {"past", "present"}:
        past, present = (x, y) if tx == "past" else (y, x)
        past_quoted, present_quoted = quoted if tx == "past" else quoted[::-1]
        if past.reported and present_quoted and not past_quoted and past.aspect == present.aspect:
            return "low", "backshift"
        return "medium", "time"
    if pair == {"past", "perfect"}:
        if x.aspect == y.aspect and (x.reported or y.reported):
            return "low", "backshift"
        return "low", "aspect"
    # A present perfect against a present simple or progressive.
    return "low", "aspect"


_EXPLAIN = {
    "done": "{fut} tells it as planned or still to come, {done} as already done",
    "future": "{fut} tells it as still to come, {other} as happening now",
    "time": "{pres} presents it as still true or in force, {past} as past",
    "backshift": "the same statement in reported speech, moved one tense back in {past}",
    "aspect": "the same event told with a different aspect, which changes little of its meaning",
}


def _explanation(kind: str, x: VerbGroup, y: VerbGroup, ax: str, ay: str) -> str:
    head = f"{_label(x)} in {ax}, {_label(y)} in {ay}"
    tx = _time(x)
    if kind == "done" or kind == "future":
        fut, other = (ax, ay) if tx == "future" else (ay, ax)
        body = _EXPLAIN[kind].format(fut=fut, done=other, other=other)
    elif kind == "time" or kind == "backshift":
        past, pres = (ax, ay) if x.tense == "past" else (ay, ax)
        body = _EXPLAIN[kind].format(past=past, pres=pres)
    else:
        body = _EXPLAIN[kind]
    return f"{head}: {body}"


# Compared and hashed by identity: a slot is one group's place in one comparison, and keys the
# matching and the joining of events directly.
@dataclass(eq=False, slots=True)
class _Slot:
    article: str
    group: VerbGroup
    index: int  # word index of the head in the article's part of the cluster


def _cluster_words(doc: Document, sentences: Sequence[int]) -> tuple[list[str], list[Token]]:
    """The cluster sentences' words (folded), and their tokens."""
    # Token fields read by position (t[4] is the kind) and gathered with a C-level map: cheaper
    # than by name.
    toks = [t for s in sentences for t in doc.sentences[s].tokens if t[4] != "punct"]
    return list(map(_TOKEN_NORM, toks)), toks


def _head_index(toks: list[Token], offset: int) -> int:
    """The index of the word at ``offset`` among ``toks`` (searched by their starts, with no
    list of starts built for the few verbs of a cluster)."""
    return max(0, bisect_right(toks, offset, key=_TOKEN_START) - 1)


def _blocks(a: list[str], b: list[str], wanted: list[int]) -> list[tuple[int, int, bool]]:
    """Per word index of ``a`` in ``wanted``: the range of ``b`` the word corresponds to and
    whether it sits in a short changed stretch between equal words (a swap). Only the wanted
    words (the verbs, a few among dozens of words) are mapped, each by a search over the
    blocks of the alignment."""
    # (tag, src_start, src_end, dest_start, dest_end) tuples: cheaper to read than Opcode objects
    ops = Indel.opcodes(a, b).as_list()
    # (first word of a, first word of b, end in b, swap, equal) per block that holds words of a
    blocks: list[tuple[int, int, int, bool, bool]] = []
    k = 0
    while k < len(ops):
        tag, s0, s1, d0, d1 = ops[k]
        if tag == "equal":
            blocks.append((s0, d0, d1, False, True))
            k += 1
            continue
        m = k
        while m + 1 < len(ops) and ops[m + 1][0] != "equal":
            m += 1
        _, _, s1, _, d1 = ops[m]
        bounded = k > 0 and m + 1 < len(ops)
        swap = bounded and 0 < s1 - s0 <= _SWAP_MAX_WORDS and 0 < d1 - d0 <= _SWAP_MAX_WORDS
        if s1 > s0:
            blocks.append((s0, d0, d1, swap, False))
        k = m + 1
    firsts = [block[0] for block in blocks]
    out = []
    for x in wanted:
        s0, d0, d1, swap, equal = blocks[bisect_right(firsts, x) - 1]
        if equal:
            j = d0 + x - s0  # word for word
            out.append((j, j + 1, False))
        else:
            out.append((d0, d1, swap))
    return out


# At most this many candidate partners are weighed for one verb group (hostile input can hold
# thousands of groups with one lemma in one changed stretch).
_MAX_CANDIDATES = 8


def _within(indices: list[int], lo: int, hi: int, centre: float) -> list[int]:
    """Positions into ``indices`` (sorted) whose value lies in ``[lo, hi)``, nearest
    ``centre`` first, at most ``_MAX_CANDIDATES``."""
    first, last = bisect_left(indices, lo), bisect_left(indices, hi)
    if last - first > _MAX_CANDIDATES:
        mid = bisect_left(indices, centre, first, last)
        first = max(first, mid - _MAX_CANDIDATES // 2)
        last = min(last, first + _MAX_CANDIDATES)
    return list(range(first, last))


def _match(sa: list[_Slot], sb: list[_Slot], words_a, words_b) -> list[tuple[float, _Slot, _Slot]]:
    """Pairs of groups, one of each article, that tell the same event, with a confidence."""
    ranges = _blocks(words_a, words_b, [x.index for x in sa])
    by_lemma: dict[str, list[_Slot]] = {}
    for y in sb:  # sb is in text order, so each list is sorted by index
        by_lemma.setdefault(y.group.lemma, []).append(y)
    lemma_index = {k: [y.index for y in v] for k, v in by_lemma.items()}
    all_index = [y.index for y in sb]
    count_a: dict[str, int] = {}
    swaps_a: dict[tuple[int, int], int] = {}
    for x, (lo, hi, swap) in zip(sa, ranges, strict=True):
        count_a[x.group.lemma] = count_a.get(x.group.lemma, 0) + 1
        if swap:
            swaps_a[(lo, hi)] = swaps_a.get((lo, hi), 0) + 1
    scale = len(words_b) / max(1, len(words_a))
    cands = []
    for x, (lo, hi, swap) in zip(sa, ranges, strict=True):
        lemma = x.group.lemma
        centre = x.index * scale
        same = by_lemma.get(lemma, ())
        chosen: list[tuple[float, _Slot]] = []
        if same:
            for k in _within(lemma_index[lemma], lo, hi, centre):
                chosen.append((0.9, same[k]))
            if not chosen and count_a[lemma] == 1 and len(same) == 1 and lemma not in _LIGHT_LEMMAS:
                chosen.append((0.75, same[0]))
        if swap and swaps_a.get((lo, hi)) == 1:
            inside = _within(all_index, lo, hi, centre)
            if len(inside) == 1 and sb[inside[0]].group.lemma != lemma:
                chosen.append((0.6, sb[inside[0]]))
        for conf, y in chosen:
            dist = abs(x.index - y.index / scale) if scale else 0.0
            cands.append((-conf, dist, x.group.start, y.group.start, x, y))
    cands.sort(key=lambda c: c[:4])
    used_a: set[_Slot] = set()
    used_b: set[_Slot] = set()
    out = []
    for negconf, _, _, _, x, y in cands:
        if x in used_a or y in used_b:
            continue
        used_a.add(x)
        used_b.add(y)
        out.append((-negconf, x, y))
    return out


def _match_positions(sa: list[_Slot], sb: list[_Slot], words_a, words_b) -> list[tuple[float, int, int]]:
    """``_match`` with each group given by its position in ``sa`` and ``sb``. Ties in
    ``_match`` are broken by text offset, which follows the positions, so the pairs hold for
    any two articles whose words and verbs are these."""
    where_a = {x: k for k, x in enumerate(sa)}
    where_b = {y: k for k, y in enumerate(sb)}
    return [(conf, where_a[x], where_b[y]) for conf, x, y in _match(sa, sb, words_a, words_b)]


def compare(
    docs: Sequence[Document],
    alignment: Alignment,
    extracted: Mapping[str, tuple[VerbGroup, ...]],
    *,
    options: Mapping[str, Any],
) -> CheckResult:
    """Tense shifts and negation flips of the same event across aligned sentences.

    Confidence is 0..1: higher when the two verbs share their lemma and their place in the
    sentence, lower when only their place (a swapped verb) ties them.
    """
    by_id = {d.id: d for d in docs}
    # Match articles in id order, not input order: word alignment breaks ties by position, so
    # a fixed direction keeps the findings independent of the order the articles came in.
    order = {aid: k for k, aid in enumerate(sorted(by_id))}
    at: dict[tuple[str, int], list[VerbGroup]] = {}
    for aid, groups in extracted.items():
        for g in groups:
            at.setdefault((aid, g.sentence), []).append(g)
    findings: list[Finding] = []
    versions: dict[tuple, int] = {}
    matched: dict[tuple[int, int], list[tuple[float, int, int]]] = {}
    for cluster in alignment.clusters:
        found: dict[str, tuple[list[int], list[VerbGroup]]] = {}
        told: set[tuple] = set()
        for aid, sentences in _sentences_by_article(cluster).items():
            if aid not in by_id:
                continue
            if len(sentences) == 1:  # most often: the sentence's own list of groups serves
                groups = at.get((aid, sentences[0]))
            else:
                groups = [g for s in sentences for g in at.get((aid, s), ())]
            if groups:
                found[aid] = (sentences, groups)
                told.add(tuple(map(_TOLD, groups)))
        # Every article telling the same verbs in the same forms in the same order, or every
        # group told in one form (read off the few distinct tellings): no pair can differ.
        if len(found) < 2 or len(told) < 2 or len({verb[1:] for verbs in told for verb in verbs}) < 2:
            continue
        slots: dict[str, list[_Slot]] = {}
        words: dict[str, list[str]] = {}
        version: dict[str, int] = {}
        for aid, (sentences, groups) in found.items():
            norms, toks = _cluster_words(by_id[aid], sentences)
            words[aid] = norms
            slots[aid] = [_Slot(aid, g, _head_index(toks, g.head_start)) for g in groups]
        ids = sorted(slots, key=order.__getitem__)
        if len(ids) == 2:
            a, b = ids
            findings.extend(_pair_events(_match(slots[a], slots[b], words[a], words[b]), by_id))
            continue
        for aid in ids:
            shape = (tuple(words[aid]), tuple((x.group.lemma, x.index) for x in slots[aid]))
            version[aid] = versions.setdefault(shape, len(versions))
        edges = []
        for a, b in combinations(ids, 2):
            # Articles that tell the cluster in the same words with the same verbs match alike:
            # each two versions are matched once.
            key = (version[a], version[b])
            pairs = matched.get(key)
            if pairs is None:
                pairs = matched[key] = _match_positions(slots[a], slots[b], words[a], words[b])
            sa, sb = slots[a], slots[b]
            edges.extend((conf, sa[i], sb[j]) for conf, i, j in pairs)
        findings.extend(_events(edges, by_id, order))
    return CheckResult(findings=tuple(findings))


# A group's verb and form: the cluster filter compares these across articles.
_TOLD = attrgetter("lemma", "tense", "aspect", "modality", "polarity")


def _sentences_by_article(cluster) -> dict[str, list[int]]:
    """The cluster's sentences of each article, articles and sentences in member order (one
    pass over the members rather than one per article)."""
    out: dict[str, list[int]] = {}
    for m in cluster.members:
        out.setdefault(m.article_id, []).append(m.sentence)
    return out


def _events(edges, by_id, order) -> list[Finding]:
    """Join matched pairs into events (one version per article) and report each event once."""
    # Each event's groups, one per article, keyed by its first group; every group's event.
    members: dict[_Slot, dict[str, _Slot]] = {}
    event_of: dict[_Slot, _Slot] = {}
    # Per event, the lowest confidence of the pairs joined into it: the event's confidence.
    lowest: dict[_Slot, float] = {}
    # The confidence never rises along this order, so a pair taken into an event sets the
    # event's lowest confidence.
    for k in _surest_first(edges):
        c, x, y = edges[k]
        rx = event_of.get(x)
        if rx is None:  # a group's first pair: an event of its own to start with
            rx = event_of[x] = x
            members[x] = {x.article: x}
        ry = event_of.get(y)
        if ry is None:
            ry = event_of[y] = y
            members[y] = {y.article: y}
        if rx is ry:
            lowest[rx] = c
            continue
        if not members[rx].keys().isdisjoint(members[ry]):
            continue  # an article would tell the event twice
        # An event holds at most one group per article, so relabelling the joined one is cheap.
        joined = members.pop(ry)
        for s in joined.values():
            event_of[s] = rx
        members[rx].update(joined)
        lowest.pop(ry, None)
        lowest[rx] = c
    out: list[Finding] = []
    # A group is in a finding with each article that tells its event differently: its mention
    # and whether it is quoted are worked out once, not once per finding.
    mention_of, quoted_of = _mention_and_quoted(by_id)
    for root, versions in members.items():
        if len(versions) < 2:
            continue
        slots = sorted(versions.values(), key=lambda s: order[s.article])
        forms = [_FORM(s.group) for s in slots]
        if forms.count(forms[0]) == len(forms):
            continue  # every article tells it in the same form: no pair differs
        confidence = lowest[root]
        every = _versions(slots)
        # One finding per pair of articles that tell the event differently, each carrying
        # every article's version: articles that agree are never put in one finding, so a
        # finding never marks two identical passages as inconsistent.
        for (x, fx), (y, fy) in combinations(zip(slots, forms, strict=True), 2):
            if fx != fy:  # the same form: no shift (``_shift`` agrees) and the same polarity
                _pair_findings(x, y, every, mention_of, quoted_of, confidence, out)
    return out


def _surest_first(edges) -> list[int]:
    """The positions of ``edges`` surest pair first, then in text order (by where the pair's
    first group starts, then its second), ties in the order given: what a sort by the key
    ``(-confidence, x start, y start)`` gives. Two stable sorts by plain numbers, with the keys
    built in one pass and looked up in C, cost a fraction of that sort: most pairs share their
    confidence, so comparing two keys goes on to compare starts through generic tuple
    comparison."""
    span = 1 + max((y.group.start for _, _, y in edges), default=0)
    places = [x.group.start * span + y.group.start for _, x, y in edges]  # ordered as (x, y) starts
    order = sorted(range(len(edges)), key=places.__getitem__)
    doubts = [-c for c, _, _ in edges]
    order.sort(key=doubts.__getitem__)
    return order


def _pair_events(pairs, by_id) -> list[Finding]:
    """``_events`` for a cluster told by two articles. ``_match`` pairs each group at most
    once, so each pair is an event of its own with the pair's confidence, and nothing needs
    joining: only the pairs told in different forms are looked at, in the order ``_events``
    reports events (surest first, then in text order)."""
    differ = [(c, x, y) for c, x, y in pairs if _FORM(x.group) != _FORM(y.group)]
    if not differ:
        return []
    differ.sort(key=lambda e: (-e[0], e[1].group.start, e[2].group.start))
    out: list[Finding] = []
    mention_of, quoted_of = _mention_and_quoted(by_id)
    for c, x, y in differ:
        _pair_findings(x, y, _versions([x, y]), mention_of, quoted_of, c, out)
    return out


def _pair_findings(x: _Slot, y: _Slot, every, mention_of, quoted_of, confidence: float, out) -> None:
    """Append the findings of one event told in different forms by ``x`` and ``y``."""
    shift = _shift(x.group, y.group)
    if shift is not None and shift[1] == "time":
        shift = _shift(x.group, y.group, (quoted_of(x), quoted_of(y)))
    if shift is not None:
        out.append(_tense_finding(x, y, shift, every, mention_of, confidence))
    if x.group.polarity != y.group.polarity:
        out.append(_negation_finding(x, y, every, mention_of, confidence))


def _mention_and_quoted(by_id) -> tuple[Callable[[_Slot], Any], Callable[[_Slot], Any]]:
    """Each slot's mention and whether its group is quoted, each worked out once."""
    mention_of = _per_slot(lambda s: mention(by_id[s.article], s.group.start, s.group.end))
    quoted_of = _per_slot(lambda s: _quoted(by_id[s.article], s.group))
    return mention_of, quoted_of


def _per_slot(compute: Callable[[_Slot], Any]) -> Callable[[_Slot], Any]:
    """``compute``, remembered for each slot it is asked about."""
    known: dict[_Slot, Any] = {}

    def get(s: _Slot) -> Any:
        value = known.get(s)
        if value is None:
            value = known[s] = compute(s)
        return value

    return get


# What ``_shift`` and the negation check read of a group: two groups alike in these never differ.
_FORM = attrgetter("tense", "aspect", "modality", "polarity", "reported")


_DOUBLE_QUOTES = frozenset('"\u201c\u201d\u00ab\u00bb\u201e')
_SINGLE_QUOTES = frozenset("'\u2018\u2019")
_QUOTE_MARK = re.compile(f"[{''.join(sorted(_DOUBLE_QUOTES | _SINGLE_QUOTES))}]")
_START = attrgetter("start")


def _quoted(doc: Document, g: VerbGroup) -> bool:
    """Whether ``g`` stands inside quotation marks opened earlier in its paragraph (an
    apostrophe between letters is not a mark)."""
    text = doc.text
    k = bisect_right(doc.paragraphs, g.start, key=_START) - 1
    start = doc.paragraphs[k].start if k >= 0 else 0
    inside_double = inside_single = False
    # Only the marks matter: the regex engine finds them rather than a loop over every character.
    for mark in _QUOTE_MARK.finditer(text, start, g.start):
        j = mark.start()
        if mark.group() in _DOUBLE_QUOTES:
            inside_double = not inside_double
        else:
            before = text[j - 1] if j > 0 else " "
            after = text[j + 1] if j + 1 < len(text) else " "
            if not (before.isalnum() and after.isalnum()):
                inside_single = not inside_single
    return inside_double or inside_single


def _tense_finding(x: _Slot, y: _Slot, shift, every, mention_of, confidence: float) -> Finding:
    severity, kind = shift
    gx, gy = x.group, y.group
    lemma = gx.lemma if gx.lemma == gy.lemma else None
    message = (
        f"Tense shift: \u201c{gx.text}\u201d ({_label(gx)}) in {x.article} but "
        f"\u201c{gy.text}\u201d ({_label(gy)}) in {y.article}."
    )
    return make_finding(
        type="tense_shift",
        severity=severity,
        confidence=confidence if kind != "aspect" else confidence * 0.9,
        message=message,
        mentions=[mention_of(x), mention_of(y)],
        details={
            "lemma": lemma,
            "shift": kind,
            "explanation": _explanation(kind, gx, gy, x.article, y.article),
            "versions": every,
        },
    )


def _negation_finding(x: _Slot, y: _Slot, every, mention_of, confidence: float) -> Finding:
    gx, gy = x.group, y.group
    neg, pos = (x, y) if gx.polarity == "negative" else (y, x)
    message = (
        f"The same event is negated in {neg.article} (\u201c{neg.group.text}\u201d) "
        f"but affirmed in {pos.article} (\u201c{pos.group.text}\u201d)."
    )
    return make_finding(
        type="negation_flip",
        severity="high",
        confidence=confidence,
        message=message,
        mentions=[mention_of(x), mention_of(y)],
        details={
            "lemma": gx.lemma if gx.lemma == gy.lemma else None,
            "negative": neg.article,
            "positive": pos.article,
            "versions": every,
        },
    )


def _versions(slots: list[_Slot]) -> dict[str, dict[str, Any]]:
    return {
        s.article: {
            "words": s.group.text,
            "lemma": s.group.lemma,
            "tense": s.group.tense,
            "aspect": s.group.aspect,
            "voice": s.group.voice,
            "modality": s.group.modality,
            "polarity": s.group.polarity,
        }
        for s in slots
    }
