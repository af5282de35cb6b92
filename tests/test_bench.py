"""`make bench` must keep working: a short run of the engine part writes every figure the README
quotes, and the synthetic clusters are what the bench says they are."""

import gc
import json

from bench import __main__ as bench_main
from bench.engine_bench import synthetic_cluster


def test_short_engine_run_writes_every_figure(tmp_path, capsys):
    out = tmp_path / "results.json"
    threshold = gc.get_threshold()
    try:
        short = ["--runs", "2", "--scaling-runs", "1", "--growth-runs", "1"]
        assert bench_main.main(["--no-http", *short, "--out", str(out)]) == 0
    finally:
        # the bench sets up the collector as a server worker does
        gc.unfreeze()
        gc.set_threshold(*threshold)
    results = json.loads(out.read_text(encoding="utf-8"))
    stages = results["seed_pair_ms"]
    for name in ("text", "alignment", "numbers.extract", "quotes.compare", "total", "api layer"):
        assert stages[name] > 0
    assert [r["articles"] for r in results["scaling"]] == [2, 5, 10, 20]
    assert results["growth_10_to_20"]["words"] > 1.5
    growth = results["stage_growth"]
    assert growth["articles"] == [10, 20] and growth["findings"][1] > growth["findings"][0] > 0
    assert all(small > 0 and large > 0 for small, large in growth["stages_ms"].values())
    assert {t["target"].split()[0] for t in results["targets"]} >= {"seed", "20", "growth"}
    printed = capsys.readouterr().out
    assert "targets (reported, never asserted)" in printed


def test_synthetic_articles_are_distinct_versions_of_about_a_thousand_words():
    articles = synthetic_cluster(5)
    assert len({a.text for a in articles}) == 5
    for a in articles:
        assert 700 <= len(a.text.split()) <= 1100
