"""Re-loading files that have not changed (issue 12: at least five times faster than the
first load): the first load of a synthetic dataset into an empty graph is the baseline, then
the same files again, skipped as unchanged (ingest/load.py), and again with --force, which
writes every claim as before the skip existed. Best of three rounds, in one process.
CHAINWATCH_BENCH_PEOPLE sets the size (default 5000)."""

from __future__ import annotations

import os
import time

from bench.private import private_graph
from bench.ratios import show
from bench.synthetic import chain_dataset
from ingest.load import ingest

ROUNDS = 3


def seconds(load) -> float:
    t0 = time.perf_counter()
    load()
    return time.perf_counter() - t0


def main() -> None:
    people = int(os.environ.get("CHAINWATCH_BENCH_PEOPLE", 5000))
    with private_graph() as (g, tmp):
        path = chain_dataset(tmp / "ds", people, name="reload")
        best = {"first load (baseline)": float("inf"), "unchanged, skipped": float("inf"),
                "unchanged, --force": float("inf")}
        for _ in range(ROUNDS):
            g.write("admin/delete_everything")
            for name, load in (("first load (baseline)", lambda: ingest(g, path)),
                               ("unchanged, skipped", lambda: ingest(g, path)),
                               ("unchanged, --force", lambda: ingest(g, path, force=True))):
                best[name] = min(best[name], seconds(load))
        show(f"{people * 2 + 30 + 29 + 1} rows, best of {ROUNDS}", {k: v * 1000 for k, v in best.items()},
             "first load (baseline)", "ms", lower_is_better=True)


if __name__ == "__main__":
    main()
