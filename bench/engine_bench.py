"""Engine timings in-process: the seed pair stage by stage, and synthetic clusters of articles.

Medians of many runs after a warm-up; wall-clock time on a shared machine, so read ratios
measured in the same run rather than absolute figures from different runs.
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from engine import Article, align, analyse, compare
from engine.checks import REGISTRY

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def median_ms(fn: Callable[[], object], *, runs: int, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def seed_articles() -> list[Article]:
    files = sorted(SEEDS.glob("*.txt"))
    return [Article(f"a{i + 1}", p.read_text(encoding="utf-8")) for i, p in enumerate(files)]


def seed_stages(*, runs: int) -> dict[str, float]:
    """Median milliseconds per stage on the seed pair, and for the whole comparison."""
    articles = seed_articles()
    docs = [analyse(a) for a in articles]
    alignment, _ = align(docs)
    stages = {
        "text": median_ms(lambda: [analyse(a) for a in articles], runs=runs),
        "alignment": median_ms(lambda: align(docs), runs=runs),
    }
    for name, check in REGISTRY.items():
        extracted = {d.id: check.extract(d) for d in docs}
        stages[f"{name}.extract"] = median_ms(lambda c=check: [c.extract(d) for d in docs], runs=runs)
        stages[f"{name}.compare"] = median_ms(
            lambda c=check, e=extracted: c.compare(docs, alignment, e, options={"include": frozenset()}),
            runs=runs,
        )
    stages["total"] = median_ms(lambda: compare(articles, include=()), runs=runs)
    return stages


# ---------------------------------------------------------------- synthetic clusters

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_TENSE_SWAPS = [("extended", "extends"), ("has ", "had "), ("will hold", "held"), ("issued", "has issued")]


def _perturb(paragraphs: list[str], rng: random.Random) -> str:
    """Another outlet's version: some paragraphs dropped or shuffled, numbers and tenses changed."""
    out = []
    for para in paragraphs:
        if rng.random() < 0.1:
            continue
        if rng.random() < 0.15:
            para = _NUMBER.sub(lambda m: str(int(float(m.group(0))) + rng.randint(1, 3)), para, count=1)
        if rng.random() < 0.15:
            old, new = rng.choice(_TENSE_SWAPS)
            para = para.replace(old, new, 1)
        if rng.random() < 0.1:
            para = para.replace("“", "\u201c").replace(" the ", " a ", 1)
        out.append(para)
    if len(out) > 3:
        i = rng.randrange(len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return "\n\n".join(out)


def synthetic_cluster(n_articles: int, *, words: int = 1000, seed: int = 7) -> list[Article]:
    """``n_articles`` versions of one story of about ``words`` words, built from the seed texts."""
    rng = random.Random(seed)
    base: list[str] = []
    source = [p for a in seed_articles() for p in a.text.split("\n") if p.strip()]
    while sum(len(p.split()) for p in base) < words:
        base.extend(source)
    trimmed, count = [], 0
    for para in base:
        if count >= words:
            break
        trimmed.append(para)
        count += len(para.split())
    return [Article(f"a{i + 1}", _perturb(trimmed, rng)) for i in range(n_articles)]


def scaling(*, sizes=(2, 5, 10, 20), runs: int) -> list[dict[str, float]]:
    rows = []
    for n in sizes:
        articles = synthetic_cluster(n)
        total_words = sum(len(a.text.split()) for a in articles)
        ms = median_ms(lambda a=articles: compare(a, include=()), runs=runs, warmup=1)
        rows.append(
            {
                "articles": n,
                "words": total_words,
                "median_ms": round(ms, 2),
                "words_per_second": round(total_words / (ms / 1000)),
            }
        )
    return rows
