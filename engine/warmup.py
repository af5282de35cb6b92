"""Load what the engine loads lazily (lexicons, compiled tables, caches) before real work.

A server worker calls ``warm_up`` once after it starts, so that its first request is as fast
as the others and its memory is at its working size from the start.
"""

from __future__ import annotations

from .model import Article
from .pipeline import compare

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


def warm_up() -> int:
    """Run one small comparison; returns its number of findings (so the work is not optimised away)."""
    return len(compare(_SAMPLE).findings)
