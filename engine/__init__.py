"""crosscheck's comparison engine: pure Python, no web framework, no I/O, no global state.

from engine import Article, compare
report = compare([Article("a1", text1), Article("a2", text2)])
"""

from .align import align
from .checks import CHECK_NAMES
from .model import (
    Alignment,
    Article,
    Cluster,
    Document,
    Finding,
    Limits,
    Mention,
    Report,
    Sentence,
    SentenceRef,
    Span,
    Token,
)
from .pipeline import Extraction, compare, extract
from .text import analyse
from .warmup import warm_up

__all__ = [
    "CHECK_NAMES",
    "Alignment",
    "Article",
    "Cluster",
    "Document",
    "Extraction",
    "Finding",
    "Limits",
    "Mention",
    "Report",
    "Sentence",
    "SentenceRef",
    "Span",
    "Token",
    "align",
    "analyse",
    "compare",
    "extract",
    "warm_up",
]
