"""Regular expressions on input text against the inputs that make backtracking patterns blow up.

Each case aims at one family of patterns (sentence ends, tokens, number forms, verb groups,
quotation marks) with a long run of what that pattern almost matches, and runs the extractor
that uses it. Time is CPU time of this process; a linear pattern takes milliseconds here, a
backtracking one takes seconds or never returns.
"""

import time

import pytest

from engine import Article, analyse
from engine.checks import REGISTRY

N = 20_000

CASES = {
    # engine/text.py: sentence-final runs, abbreviations before a period, tokens
    "final marks without space": "?!." * N,
    "final marks with closing quotes": ".”’" * N + " A",
    "abbreviation chain": "U.S.U.K.a.m." * (N // 4) + " The",
    "initials": "A. B. C. " * (N // 2),
    "ellipses": "... " * N,
    "reporting verb after closed quote": "“Why?” said. " * (N // 4),
    "hyphen-apostrophe word": "a-'b-" * N,
    "long number with separators": "1.2,3:4/" * N,
    "combining marks": "e\u0301\u0302\u0303" * N,
    # engine/numbers.py: digit groups, number words, ranges, units, dates
    "indian grouping almost": "12,34," * N,
    "western grouping almost": "1,234," * N,
    "number words": "twenty one and " * (N // 2),
    "number word separators": "one - - and " * (N // 2),
    "ordinal words": "twenty-first and " * (N // 2),
    "point digits": "point one " * N,
    "range separators": "10-20-30 to " * (N // 2),
    "year ranges": "2023-28-" * N,
    "fiscal years": "FY19-20-" * N,
    "clock times": "12:30:45:" * N,
    "currency run": "$£€¥₹" * N,
    "percent words": "per cent per cent " * (N // 2),
    "scale words": "1 million billion trillion " * (N // 4),
    "months and days": "March 18 March 18, " * (N // 2),
    "vulgar fractions": "7½½" * N,
    "exponents": "1e1e1e" * N,
    "spaced groups": "1 000 000 000 " * (N // 2),
    "glued letters": "1a" * N,
    # engine/tense.py: auxiliary chains, negation, adverbs, contractions
    "auxiliary chain": "will have been being " * (N // 2),
    "negations": "not never n't " * (N // 2),
    "adverbs between auxiliaries": "has really really really " * (N // 2),
    "contractions": "hasn't couldn't've " * (N // 2),
    # engine/quotes.py: marks, apostrophes, nesting, attributions
    "apostrophes and quotes": "'s ’s ‘s \"s " * (N // 2),
    "nested mixed marks": "“‘\"'" * N,
    "unclosed quote per paragraph": "“Open\n" * N,
    "speaker cues": "according to said told added " * (N // 4),
}


@pytest.mark.parametrize("name", list(CASES))
def test_patterns_run_in_linear_time(name):
    text = CASES[name]
    started = time.process_time()
    doc = analyse(Article("a", text))
    for check in REGISTRY.values():
        check.extract(doc)
    elapsed = time.process_time() - started
    assert elapsed < 1.0, f"{name}: {elapsed:.2f} s of CPU for {len(text)} characters"
