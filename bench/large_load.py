"""One load path alone at a size the whole of bench/scale.py would take hours at (a million
people): a `chainwatch synth` dataset loaded into a private server, the peak memory of this
process, and then what users wait for on the result, as bench/scale.py measures it (`chain` at
a date, search, shortest paths, each conflict rule and the full scan, with database hits), in
fewer runs where one takes seconds or more.

- LOAD=bulk (the default): `ingest --bulk`, each step's seconds, the importer's own step as the
  baseline (raw neo4j-admin import of the very files the bulk path wrote);
- LOAD=incremental: `ingest` into the empty graph, the same files reloaded (skipped as
  unchanged), and the naive baseline (one row per transaction) beside the incremental path on a
  small dataset in the same run (at a million rows it would take days).

Run with `make bench-large SIZE=1000000 LOAD=incremental` (or CHAINWATCH_BENCH_SIZE and
CHAINWATCH_BENCH_LOAD); CHAINWATCH_BENCH_HEAP and CHAINWATCH_BENCH_PAGECACHE size the server.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.private import private_graph
from bench.scale import NAIVE_PEOPLE, measure, peak_mb, rate
from graph.config import connection
from graph.db import Graph
from ingest.bulk import ingest_bulk
from ingest.load import ingest
from ingest.synth import synth

RUNS = 20  # a search: a few hundred milliseconds each, so p95 is more than the slowest of a few
CHAIN_RUNS = 100  # a chain: tens of milliseconds, asked of a different officer each time
SCAN_RUNS = 3  # a rule or a scan of a million people: seconds to a minute or more


def runs(name: str) -> int:
    """How many runs a query of bench.scale.queries gets at this size."""
    if name.startswith("chain"):
        return CHAIN_RUNS
    return SCAN_RUNS if name.startswith("rule") or name.endswith("scan") else RUNS


def bulk(g: Graph, home: Path, dataset: Path) -> Graph:
    """`ingest --bulk` into the private server of `home`; a new connection to the result."""
    g.close()  # the import replaces the database: a driver kept across it waits on old bookmarks
    t0 = time.perf_counter()
    report = ingest_bulk(home, dataset)
    took = time.perf_counter() - t0
    rows, raw = report.nodes + report.relations, report.seconds["neo4j-admin import"]
    print(f"ingest --bulk, {report.nodes:,} records and {report.relations:,} relations: {took:.1f} s, "
          f"{rows / took:,.0f} rows/s; x{took / raw:.2f} the importer's own {raw:.1f} s "
          f"(raw neo4j-admin import of the same files); peak memory {peak_mb():,.0f} MB "
          f"(the process writing the importer's files beside it: {report.writer_peak_mb:,.0f} MB)")
    print("  step by step: " + ", ".join(f"{k} {v:.1f} s" for k, v in report.seconds.items()), flush=True)
    return Graph(connection(home))


def incremental(g: Graph, home: Path, dataset: Path) -> Graph:
    """`ingest` into `g` (the server of `home`), after the naive baseline on a small dataset."""
    small = dataset.parent / "small"
    synth(small, NAIVE_PEOPLE, seed=1)
    naive, rows = rate(g, small, batch_size=1)
    batched, _ = rate(g, small)
    print(f"ingest, {NAIVE_PEOPLE} people ({rows:,} rows), same run: naive, one row per transaction "
          f"(baseline) {naive:,.0f} rows/s; incremental {batched:,.0f} rows/s, x{batched / naive:.1f}", flush=True)
    g.write("admin/delete_everything")
    before = peak_mb()
    t0 = time.perf_counter()
    report = ingest(g, dataset)
    took = time.perf_counter() - t0
    rows = report.nodes + report.relations
    print(f"ingest, {report.nodes:,} records and {report.relations:,} relations: {took:.1f} s, "
          f"{rows / took:,.0f} rows/s (x{rows / took / naive:.1f} the naive loader's rate above: a commit a row "
          f"costs it the same at any size); peak memory {peak_mb():,.0f} MB ({before:,.0f} MB before)", flush=True)
    t0 = time.perf_counter()
    ingest(g, dataset)
    again = time.perf_counter() - t0
    print(f"reload unchanged: {again:.2f} s, x{took / again:.0f} faster than the first load", flush=True)
    return g


PATHS = {"bulk": bulk, "incremental": incremental}


def main() -> None:
    size = int(os.environ.get("CHAINWATCH_BENCH_SIZE", 10_000))
    chosen = os.environ.get("CHAINWATCH_BENCH_LOAD") or "bulk"
    if chosen not in PATHS:
        raise SystemExit(f"CHAINWATCH_BENCH_LOAD (make's LOAD) is one of {', '.join(PATHS)}, not {chosen!r}")
    load = PATHS[chosen]
    with private_graph() as (g, tmp):
        t0 = time.perf_counter()
        made = synth(tmp / "dataset", size, seed=1)
        print(f"synth, {size:,} people: {made['rows']:,} rows in {time.perf_counter() - t0:.1f} s, "
              f"peak memory {peak_mb():,.0f} MB", flush=True)
        with load(g, tmp / "home", tmp / "dataset") as loaded:
            measure(loaded, size, runs)


if __name__ == "__main__":
    main()
