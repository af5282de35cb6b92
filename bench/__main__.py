"""``python -m bench``: engine timings (seed pair by stage, scaling with articles), HTTP
throughput (seed pair next to /v1/health, one run) and a sustained load with worker memory;
prints tables and writes bench/results.json. Not a test: it reports numbers, never fails on them."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path

from engine import warm_up

from . import engine_bench, http_bench


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "python": sys.version.split()[0],
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "os": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=200, help="timed runs per seed-pair measurement")
    parser.add_argument("--scaling-runs", type=int, default=11, help="timed rounds over the cluster sizes")
    parser.add_argument("--growth-runs", type=int, default=5, help="staged rounds at 10 and 20 articles")
    parser.add_argument("--http-seconds", type=int, default=10, help="seconds per throughput run")
    parser.add_argument("--load-seconds", type=int, default=60, help="seconds of sustained load")
    parser.add_argument("--load-connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
    parser.add_argument("--no-http", action="store_true", help="engine timings only")
    parser.add_argument("--out", default=str(Path(__file__).with_name("results.json")))
    args = parser.parse_args(argv)

    results: dict[str, object] = {"machine": machine()}
    print(f"machine: {results['machine']}")
    # The engine measured as a server worker runs it: warmed up, its lexicons frozen.
    warm_up(freeze=True)

    stages = engine_bench.seed_stages(runs=args.runs)
    results["seed_pair_ms"] = {k: round(v, 3) for k, v in stages.items()}
    print(f"\nseed pair (median of {args.runs} runs, ms; each run from fresh documents)")
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

    results["stage_growth"] = stage_growth(args)

    if not args.no_http:
        results["http"] = http_throughput(args)
        results["load"] = http_load(args)

    results["targets"] = targets(results)
    print("\ntargets (reported, never asserted)")
    for row in results["targets"]:
        print(f"  {'met    ' if row['met'] else 'NOT met'}  {row['target']:<44} {row['measured']}")

    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


def targets(results: dict) -> list[dict[str, object]]:
    """Each speed target next to what this run measured."""
    rows = []
    seed = results["seed_pair_ms"]["total"]
    rows.append(
        {"target": "seed pair <= 5 ms (engine, median)", "measured": f"{seed:.2f} ms", "met": seed <= 5.0}
    )
    by_n = {r["articles"]: r for r in results["scaling"]}
    if 20 in by_n:
        ms = by_n[20]["median_ms"]
        rows.append(
            {"target": "20 articles of ~1,000 words <= 250 ms", "measured": f"{ms:.1f} ms", "met": ms <= 250}
        )
    growth = results.get("growth_10_to_20")
    if growth:
        # Linear in words: time grows by no more than the words do (5% allowed for noise).
        met = growth["time"] <= growth["words"] * 1.05
        rows.append(
            {
                "target": "growth no worse than linear in words",
                "measured": f"time x{growth['time']:.2f} for words x{growth['words']:.2f}",
                "met": met,
            }
        )
    http = results.get("http", {})
    if "seed_to_health_ratio" in http:
        ratio = http["seed_to_health_ratio"]
        rows.append(
            {
                "target": "HTTP seed pair >= 50% of /v1/health req/s",
                "measured": f"{ratio:.2f} ({http['seed_pair']['requests_per_second']:.0f} vs "
                f"{http['health']['requests_per_second']:.0f} req/s)",
                "met": ratio >= 0.5,
            }
        )
    return rows


def stage_growth(args) -> dict[str, object]:
    result = engine_bench.stage_growth(runs=args.growth_runs)
    small, large = result["articles"]
    stages = result["stages_ms"]
    runs = args.growth_runs
    print(f"\nwhere the growth goes: stages at {small} and {large} articles (median of {runs} runs)")
    print(f"  {'stage, ms':<18} {small:>9} {large:>9} {'growth':>7}")
    total = [round(sum(ms[i] for ms in stages.values()), 2) for i in (0, 1)]
    for name, (a, b) in [*stages.items(), ("sum of stages", total), ("findings", result["findings"])]:
        print(f"  {name:<18} {a:>9.6g} {b:>9.6g} {f'x{b / a:.2f}' if a else '-':>7}")
    return result


def http_throughput(args) -> dict[str, object]:
    print(f"\nHTTP throughput, gunicorn with {args.workers} workers, wrk -c8, {args.http_seconds} s each")
    result = http_bench.throughput(seconds=args.http_seconds, connections=8, workers=args.workers)
    if "skipped" in result:
        print(f"  skipped: {result['skipped']}")
        return result
    print(f"  {'endpoint':<16} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name in ("health", "seed_pair"):
        r = result[name]
        print(
            f"  {name:<16} {r['requests_per_second']:>9.1f} {r.get('p50_ms', 0):>8.2f} "
            f"{r.get('p99_ms', 0):>8.2f} {int(r['errors']):>7}"
        )
    print(f"  seed pair / health throughput: {result['seed_to_health_ratio']:.2f}")
    return result


def http_load(args) -> dict[str, object]:
    print(
        f"\nload: seed pair, {args.load_seconds} s at concurrency {args.load_connections}, "
        f"{args.workers} workers"
    )
    result = http_bench.load(
        seconds=args.load_seconds, connections=args.load_connections, workers=args.workers
    )
    if "skipped" in result:
        print(f"  skipped: {result['skipped']}")
        return result
    print(
        f"  {result['requests_per_second']:.1f} req/s, p50 {result.get('p50_ms', 0):.2f} ms, "
        f"p99 {result.get('p99_ms', 0):.2f} ms, errors {int(result['errors'])}, "
        f"requests {int(result['requests'])}"
    )
    for pid, start in result["rss_kib_start"].items():
        end = result["rss_kib_end"].get(pid)
        print(f"  worker {pid}: RSS {start} KiB -> {end} KiB ({result['rss_growth_percent'].get(pid)}%)")
    return result


if __name__ == "__main__":
    raise SystemExit(main())
