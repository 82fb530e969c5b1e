"""The full conflicts scan (graph/conflicts.py: every rule in one statement, after what they all
start from, over runs of allegations side by side, one a core; Community Edition runs each query
on one core), against the rules one after another (the baseline: each rule alone, in turn, each
reading again what the rules share). Median of five rounds after a warm-up, on `chainwatch synth`
data, in one process. CHAINWATCH_BENCH_PEOPLE sets the size (default 10000)."""

from __future__ import annotations

import os
import statistics
import time

from bench.private import private_graph
from bench.ratios import show
from graph.conflicts import findings, rules
from ingest.load import ingest
from ingest.synth import synth

ROUNDS = 5


def median_ms(scan) -> float:
    scan()  # warm-up: plans cached, pages in memory
    times = []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        scan()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    people = int(os.environ.get("CHAINWATCH_BENCH_PEOPLE", 10_000))
    with private_graph() as (g, tmp):
        synth(tmp / "ds", people, seed=1)
        ingest(g, tmp / "ds")
        one_by_one = lambda: [f for name in rules() for f in findings(g, name)]  # noqa: E731
        scan = lambda: findings(g)  # noqa: E731
        assert len(one_by_one()) == len(scan())
        show(f"full conflicts scan, {people:,} people, {os.cpu_count()} cores, median of {ROUNDS}",
             {"rules one after another (baseline)": median_ms(one_by_one),
              "the scan: one statement, its runs side by side": median_ms(scan)},
             "rules one after another (baseline)", "ms", lower_is_better=True)


if __name__ == "__main__":
    main()
