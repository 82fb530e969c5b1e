"""How much UNWIND batching buys: the same synthetic load written one row per
transaction (the baseline) and in batches, on a private Neo4j started here.

Prints rows per second and the ratio to the baseline, measured in one process
on one server, so the ratio holds on any machine even when the seconds do not.
Run with `make bench`; CHAINWATCH_BENCH_PEOPLE sets the size (default 2000).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.private import private_graph
from bench.ratios import show
from bench.synthetic import chain_dataset
from ingest.load import ingest


def main() -> None:
    people = int(os.environ.get("CHAINWATCH_BENCH_PEOPLE", 2000))
    with private_graph() as (g, tmp):
        path = chain_dataset(Path(tmp) / "data", people)
        results = {}
        for batch in (1, 50, 500, 2000):
            g.write("admin/delete_everything")
            t0 = time.perf_counter()
            report = ingest(g, path, batch_size=batch)
            seconds = time.perf_counter() - t0
            rows = report.nodes + report.relations
            results[f"batch {batch}" + (" (baseline)" if batch == 1 else "")] = rows / seconds
        show(f"ingest of {people} people ({rows} rows), one transaction per batch:", results,
             "batch 1 (baseline)", "rows/s")


if __name__ == "__main__":
    main()
