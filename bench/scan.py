"""The full conflicts scan with its rules side by side (graph/conflicts.py runs as many at once
as there are cores; Community Edition runs each query on one core), against the rules one after
another (the baseline: each rule alone, in turn, as the scan ran before). Median of five rounds
after a warm-up, on `chainwatch synth` data, in one process. CHAINWATCH_BENCH_PEOPLE sets the
size (default 10000)."""

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
        side_by_side = lambda: findings(g)  # noqa: E731
        assert len(one_by_one()) == len(side_by_side())
        show(f"full conflicts scan, {people:,} people, {os.cpu_count()} cores, median of {ROUNDS}",
             {"rules one after another (baseline)": median_ms(one_by_one),
              "rules side by side": median_ms(side_by_side)},
             "rules one after another (baseline)", "ms", lower_is_better=True)


if __name__ == "__main__":
    main()
