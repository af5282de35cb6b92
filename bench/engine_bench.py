"""Engine timings in-process: the seed pair stage by stage, and synthetic clusters of articles.

Medians of many runs after a warm-up; wall-clock time on a shared machine, so read ratios
measured in the same run rather than absolute figures from different runs.
"""

from __future__ import annotations

import json
import random
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from engine import Article, align, analyse, compare
from engine.checks import REGISTRY
from engine.pipeline import extract_items

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


def _staged_comparison(articles: list[Article]) -> dict[str, float]:
    """One comparison done stage by stage, as the pipeline does it, with seconds per stage.

    Every run starts from fresh documents: a stage timed again and again on the same documents
    would find whatever an earlier run left in their lazily built attributes, and the stages
    would no longer add up to the whole.
    """
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    docs = tuple(analyse(a) for a in articles)
    t1 = time.perf_counter()
    alignment, _ = align(docs)
    times["text"], times["alignment"] = t1 - t0, time.perf_counter() - t1
    options = {"include": frozenset()}
    for name, check in REGISTRY.items():
        t0 = time.perf_counter()
        # as the pipeline runs it when the caller wants no items
        extracted = extract_items(check, docs, alignment, every_item=False)
        t1 = time.perf_counter()
        check.compare(docs, alignment, extracted, options=options)
        times[f"{name}.extract"], times[f"{name}.compare"] = t1 - t0, time.perf_counter() - t1
    return times


def _api_layer(articles: list[Article]) -> Callable[[], object]:
    """What the HTTP route adds around the engine, in-process: JSON parsing, request
    validation, the response schema and JSON encoding (no network, no WSGI)."""
    from schemas import dump_report, items_included, load_compare
    from schemas.context import request_limits

    raw = json.dumps({"articles": [{"id": a.id, "text": a.text} for a in articles]})
    req = load_compare(json.loads(raw), limits=request_limits())
    report = compare(req.articles, include=req.include, items=items_included(req.include))

    def run() -> object:
        loaded = load_compare(json.loads(raw), limits=request_limits())
        return json.dumps(dump_report(report, include=loaded.include))

    return run


def seed_stages(*, runs: int) -> dict[str, float]:
    """Median milliseconds per stage on the seed pair, their sum, the whole comparison as the
    API runs it (no optional sections), and the API layer around it."""
    articles = seed_articles()
    for _ in range(3):
        _staged_comparison(articles)
    samples: dict[str, list[float]] = {}
    # The staged run and the whole comparison take turns, so that a busy spell on a shared
    # machine slows both alike and the stages still add up to the whole.
    for _ in range(runs):
        staged = _staged_comparison(articles)
        staged["sum of stages"] = sum(staged.values())
        t0 = time.perf_counter()
        compare(articles, include=(), items=())
        staged["total"] = time.perf_counter() - t0
        for name, seconds in staged.items():
            samples.setdefault(name, []).append(seconds)
    stages = {name: statistics.median(v) * 1000 for name, v in samples.items()}
    stages["api layer"] = median_ms(_api_layer(articles), runs=runs)
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
    """Median milliseconds per comparison for each cluster size.

    The sizes take turns within each round rather than one size after another, so that a busy
    spell on a shared machine slows every size alike and the growth between sizes stays fair.
    """
    clusters = {n: synthetic_cluster(n) for n in sizes}
    for articles in clusters.values():
        compare(articles, include=(), items=())
    samples: dict[int, list[float]] = {n: [] for n in sizes}
    for _ in range(runs):
        for n, articles in clusters.items():
            t0 = time.perf_counter()
            compare(articles, include=(), items=())
            samples[n].append(time.perf_counter() - t0)
    rows = []
    for n, articles in clusters.items():
        total_words = sum(len(a.text.split()) for a in articles)
        ms = statistics.median(samples[n]) * 1000
        rows.append(
            {
                "articles": n,
                "words": total_words,
                "median_ms": round(ms, 2),
                "words_per_second": round(total_words / (ms / 1000)),
            }
        )
    return rows


def stage_growth(*, sizes: tuple[int, int] = (10, 20), runs: int) -> dict[str, object]:
    """Median milliseconds per stage for two cluster sizes, staged runs taking turns as in
    ``scaling``, with the number of findings at each size: which stages grow faster than the
    words do, and whether they grow like their output."""
    clusters = {n: synthetic_cluster(n) for n in sizes}
    samples: dict[int, dict[str, list[float]]] = {n: {} for n in sizes}
    for _ in range(runs):
        for n, articles in clusters.items():
            for name, seconds in _staged_comparison(articles).items():
                samples[n].setdefault(name, []).append(seconds)
    return {
        "articles": list(sizes),
        "stages_ms": {
            name: [round(statistics.median(samples[n][name]) * 1000, 2) for n in sizes]
            for name in samples[sizes[0]]
        },
        "findings": [len(compare(clusters[n], include=(), items=()).findings) for n in sizes],
    }
