"""Marshmallow schemas: what the API accepts and what it returns, as openapi.yaml states it."""

from .context import RequestLimits
from .extractions import items_included
from .requests import INCLUDE, CompareRequest, ExtractRequest, load_compare, load_extract
from .responses import dump_extraction, dump_health, dump_report

__all__ = [
    "INCLUDE",
    "CompareRequest",
    "ExtractRequest",
    "RequestLimits",
    "dump_extraction",
    "dump_health",
    "dump_report",
    "items_included",
    "load_compare",
    "load_extract",
]
