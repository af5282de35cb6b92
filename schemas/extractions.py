"""The items each check extracts from one article, and the schema that writes them out.

A check that extracts items (quantities, verb groups, quotes) registers its item schema here,
next to the key its items appear under in responses and the ``options.include`` name that asks
for them in /v1/compare:

    EXTRACTIONS["numbers"] = Extracted(key="quantities", include="numbers", schema=QuantitySchema())

Offsets in an item schema are ``schemas.fields.Offset`` fields, so that ``options.offsets`` applies to
them. openapi.yaml describes each item (``Quantity``, ``VerbGroup``, ``Quote``), and a contract
test checks that every check in ``engine.CHECK_NAMES`` has an entry here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from marshmallow import Schema

from .numbers import QuantitySchema
from .quotes import QuoteSchema
from .tense import VerbGroupSchema


@dataclass(frozen=True)
class Extracted:
    key: str  # where the items appear in a response: "quantities", "verb_groups", "quotes"
    include: str  # the options.include name that asks for them: "numbers", "verb_groups", "quotes"
    schema: Schema  # dumps one item; instantiated once


# check name -> how its items are written out
EXTRACTIONS: dict[str, Extracted] = {
    "numbers": Extracted(key="quantities", include="numbers", schema=QuantitySchema()),
    "tense": Extracted(key="verb_groups", include="verb_groups", schema=VerbGroupSchema()),
    "quotes": Extracted(key="quotes", include="quotes", schema=QuoteSchema()),
}

# The options.include names that ask /v1/compare for extracted items: all of them, or one check's.
ITEM_SECTIONS = frozenset({"extractions", "numbers", "verb_groups", "quotes"})


def items_included(include: frozenset[str]) -> frozenset[str]:
    """The check names whose items a /v1/compare response with ``include`` will show: every
    check's for "extractions", else those asked for by name."""
    if "extractions" in include:
        return frozenset(EXTRACTIONS)
    return frozenset(name for name, entry in EXTRACTIONS.items() if entry.include in include)


def dump_items(items: Mapping[str, tuple[Any, ...]], checks: frozenset[str] | None = None) -> dict[str, list]:
    """The items of each check in ``items`` (check name -> items of one article), under their keys.

    ``checks`` limits the output to those check names; checks without a registered schema are
    left out. Call it inside ``DumpState.in_article`` so offsets are converted for that article.
    """
    out = {}
    for name, found in items.items():
        entry = EXTRACTIONS.get(name)
        if entry is not None and (checks is None or name in checks):
            out[entry.key] = entry.schema.dump(found, many=True)
    return out
