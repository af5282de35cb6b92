"""Load what the engine loads lazily (lexicons, compiled tables, caches) before real work.

A server worker calls ``warm_up`` once after it starts, so that its first request is as fast
as the others and its memory is at its working size from the start.
"""

from __future__ import annotations

import gc

from .model import Article
from .pipeline import compare

# Allocations between two collections of the youngest generation once warm (Python's default: 700).
YOUNG_COLLECTION_THRESHOLD = 10_000

# Two short versions of one invented story that exercise every check.
_SAMPLE = (
    Article(
        "warm-1",
        "The council approved a budget of $3.2 million on Monday, with 64.8 per cent in favour.\n\n"
        "“We will build the bridge next year,” the mayor said. She had never supported the plan.",
    ),
    Article(
        "warm-2",
        "The council approves a budget of $3.5 million, with 64.71% in favour.\n\n"
        "“We shall build the bridge next year,” the mayor said. She has never supported the plan.",
    ),
)


def warm_up(*, freeze: bool = False) -> int:
    """Run one small comparison; returns its number of findings (so the work is not optimised away).

    With ``freeze``, everything alive afterwards (modules, lexicons, compiled patterns) is moved
    out of the garbage collector's sight with ``gc.freeze()``. It lives as long as the process,
    and a full collection, which a large comparison triggers, would otherwise walk every entry
    of the lexicons: about a tenth of a 20-article comparison. Young collections are also made
    rarer: a comparison allocates tens of thousands of short-lived tuples that form no cycles,
    and collecting every 700 allocations walked them again and again (2-4% of a comparison).
    For a process that does nothing but serve comparisons.
    """
    found = len(compare(_SAMPLE).findings)
    if freeze:
        gc.collect()
        gc.freeze()
        gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])
    return found
