"""``python -m bench``: engine timings (seed pair by stage, scaling with articles); writes
bench/results.json. Not a test: it reports numbers and never fails on them."""

from __future__ import annotations

import argparse
import json
import platform
import sys
from pathlib import Path

from . import engine_bench


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return {
        "python": sys.version.split()[0],
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "os": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=200, help="timed runs per seed-pair measurement")
    parser.add_argument("--scaling-runs", type=int, default=5, help="timed runs per cluster size")
    parser.add_argument("--out", default=str(Path(__file__).with_name("results.json")))
    args = parser.parse_args(argv)

    results: dict[str, object] = {"machine": machine()}
    print(f"machine: {results['machine']}")

    stages = engine_bench.seed_stages(runs=args.runs)
    results["seed_pair_ms"] = {k: round(v, 3) for k, v in stages.items()}
    print(f"\nseed pair, engine only (median of {args.runs} runs, ms)")
    for name, ms in stages.items():
        print(f"  {name:<18} {ms:8.3f}")

    rows = engine_bench.scaling(runs=args.scaling_runs)
    results["scaling"] = rows
    print(f"\nsynthetic clusters of ~1,000-word articles (median of {args.scaling_runs} runs)")
    print(f"  {'articles':>8} {'words':>7} {'ms':>9} {'words/s':>9}")
    for row in rows:
        print(
            f"  {row['articles']:>8} {row['words']:>7} {row['median_ms']:>9.2f} {row['words_per_second']:>9}"
        )
    by_n = {r["articles"]: r for r in rows}
    if 10 in by_n and 20 in by_n:
        growth = by_n[20]["median_ms"] / by_n[10]["median_ms"]
        word_growth = by_n[20]["words"] / by_n[10]["words"]
        results["growth_10_to_20"] = {"time": round(growth, 2), "words": round(word_growth, 2)}
        print(f"  growth 10 -> 20 articles: time x{growth:.2f} for words x{word_growth:.2f}")

    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
