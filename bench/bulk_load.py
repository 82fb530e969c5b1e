"""The bulk path alone at a size the whole of bench/scale.py would take hours at (a million
people): a `chainwatch synth` dataset loaded by `ingest --bulk` into a private server, each
step's seconds, the importer's own step as the baseline (raw neo4j-admin import of the very
files the bulk path wrote), the peak memory of this process, and then what users wait for on
the result: `chain` at a date, search and the full conflicts scan (fewer runs than scale.py:
a scan of a million people takes a minute or more).

Run with `make bench-bulk SIZE=1000000` (or CHAINWATCH_BENCH_SIZE); CHAINWATCH_BENCH_HEAP and
CHAINWATCH_BENCH_PAGECACHE size the server.
"""

from __future__ import annotations

import os
import random
import time

from bench.private import private_graph
from bench.scale import latency, peak_mb
from graph import conflicts
from graph.chains import chain
from graph.config import connection
from graph.db import Graph
from graph.search import search
from ingest.bulk import ingest_bulk
from ingest.synth import synth

RUNS = 3


def main() -> None:
    size = int(os.environ.get("CHAINWATCH_BENCH_SIZE", 10_000))
    with private_graph() as (g, tmp):
        g.close()  # the import replaces the database: a driver kept across it waits on old bookmarks
        t0 = time.perf_counter()
        made = synth(tmp / "dataset", size, seed=1)
        print(f"synth, {size:,} people: {made['rows']:,} rows in {time.perf_counter() - t0:.1f} s, "
              f"peak memory {peak_mb():,.0f} MB", flush=True)
        t0 = time.perf_counter()
        report = ingest_bulk(tmp / "home", tmp / "dataset")
        took = time.perf_counter() - t0
        rows, raw = report.nodes + report.relations, report.seconds["neo4j-admin import"]
        print(f"ingest --bulk, {report.nodes:,} records and {report.relations:,} relations: {took:.1f} s, "
              f"{rows / took:,.0f} rows/s; x{took / raw:.2f} the importer's own {raw:.1f} s "
              f"(raw neo4j-admin import of the same files); peak memory {peak_mb():,.0f} MB")
        print("  step by step: " + ", ".join(f"{k} {v:.1f} s" for k, v in report.seconds.items()), flush=True)
        with Graph(connection(tmp / "home")) as fresh:
            officer = f"person:o{random.Random(1).randrange(int(size * 0.55))}"
            checks = {"chain at 2012-06-01": lambda: chain(fresh, officer, "2012-06-01"),
                      "search 'Кийсымбаев'": lambda: search(fresh, "Кийсымбаев"),
                      "full conflicts scan": lambda: conflicts.findings(fresh)}
            print(f"latency, {RUNS} runs after a warm-up: p50 / p95 ms")
            for name, run in checks.items():
                p50, p95 = latency(run, RUNS)
                print(f"  {name:<36} {p50:9.1f} {p95:9.1f}", flush=True)


if __name__ == "__main__":
    main()
