"""Precision probe on real news articles: findings where there should be none or few.

Reads the PolNeAR articles from ../shared/peers at run time (never copied here) and runs the
engine in two settings:

* ``shuffle``: each article against a copy of itself with a fifth of its paragraphs dropped and
  neighbouring paragraphs swapped. The facts, the quotes and their speakers are the same, so
  every finding is a false alarm (apart from a quote whose speaker really becomes ambiguous
  when paragraphs move).
* ``pairs``: the most similar pairs of different articles (Dice over content words). They
  share topic and people but mostly not the same event, so findings here are mostly false
  alarms; they show how careful the pairing of mentions is.

    .venv/bin/python -m bench.precision_probe [shuffle|pairs] [--pairs 20] [--verbose]
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from collections import Counter
from pathlib import Path

from engine import Article, analyse, compare
from engine.align import content_words

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "peers" / "polnear" / "data"


def _articles(split: str) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(POLNEAR.glob(f"{split}/text/*.txt"))}


def _shuffled(text: str, rng: random.Random) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    kept = [p for p in paras if rng.random() > 0.2]
    for i in range(0, len(kept) - 1, 3):
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    return "\n\n".join(kept)


def _show(findings, verbose: bool) -> None:
    if not verbose:
        return
    for f in findings:
        texts = " || ".join(repr(m.text[:60]) for m in f.mentions)
        print(f"    [{f.type} {f.severity} {f.details.get('class', '')}] {texts}")


def shuffle(*, verbose: bool) -> Counter:
    rng = random.Random(1)
    counts: Counter = Counter()
    for name, text in _articles("test").items():
        report = compare([Article("original", text), Article("shuffled", _shuffled(text, rng))])
        if report.findings and verbose:
            print(f"  {name}: {len(report.findings)}")
        _show(report.findings, verbose)
        counts.update(f.type for f in report.findings)
    return counts


def pairs(*, n: int, verbose: bool) -> Counter:
    arts = {**_articles("test"), **_articles("dev")}
    words = {
        k: {w for s in analyse(Article(k, t)).sentences for w in content_words(s.tokens)}
        for k, t in arts.items()
    }
    scored = sorted(
        (
            (2 * len(words[a] & words[b]) / (len(words[a]) + len(words[b])), a, b)
            for a, b in itertools.combinations(sorted(arts), 2)
        ),
        reverse=True,
    )
    counts: Counter = Counter()
    for dice, a, b in scored[:n]:
        report = compare([Article(a, arts[a]), Article(b, arts[b])])
        if report.findings and verbose:
            print(f"  {dice:.2f} {a} | {b}: {len(report.findings)}")
        _show(report.findings, verbose)
        counts.update(f.type for f in report.findings)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.precision_probe", description=__doc__.split("\n")[0]
    )
    parser.add_argument("mode", nargs="?", choices=["shuffle", "pairs", "both"], default="both")
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not POLNEAR.is_dir():
        print(f"no PolNeAR data at {POLNEAR}")
        return 2
    if args.mode in ("shuffle", "both"):
        started = time.perf_counter()
        counts = shuffle(verbose=args.verbose)
        total = sum(counts.values())
        print(f"shuffle: {total} findings on 84 article/shuffled-copy pairs {dict(counts)} "
              f"({time.perf_counter() - started:.1f} s)")  # fmt: skip
    if args.mode in ("pairs", "both"):
        counts = pairs(n=args.pairs, verbose=args.verbose)
        print(
            f"pairs: {sum(counts.values())} findings on the {args.pairs} most similar pairs {dict(counts)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
