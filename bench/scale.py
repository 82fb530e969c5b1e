"""chainwatch at scale (issue 12): a `chainwatch synth` dataset of SIZE people loaded into a
private server, then what users wait for, measured inside this one process.

- ingest: rows per second of the incremental path, beside the naive baseline (one row per
  transaction) on the same small dataset in the same run, and the full-size load;
- reload: the same files again (skipped as unchanged) against the first load;
- peak memory of this process while loading;
- latency, the first run and p50 and p95 of several after a warm-up: `chain` at a date (of a
  different officer each run), search, shortest paths, each
  conflict rule and the full conflicts scan, with the database hits `PROFILE` counts.

Run with `make bench SIZE=10000` (or CHAINWATCH_BENCH_SIZE); CHAINWATCH_BENCH_HEAP sets the
server's heap. Also: the dataset loaded by `ingest --bulk` and its dump restored by transactions
and by `--bulk`, beside raw neo4j-admin import of the same graph's files (the importer alone).
The explorer drawing 500 nodes is `bench/explorer_draw.py`.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import time
from pathlib import Path
from typing import Callable

from bench.private import private_graph
from graph import bulk, conflicts, querylib, server
from graph.chains import chain
from graph.config import connection
from graph.db import Graph
from graph.dump import WIPE_BATCH, export, read, restore
from graph.search import search
from ingest.bulk import ingest_bulk
from ingest.load import ingest
from ingest.synth import synth

NAIVE_PEOPLE = 1000  # the naive loader's dataset (one row per transaction is slow)
RUNS = 7


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rate(graph: Graph, path: Path, **options) -> tuple[float, int]:
    """Rows per second of loading `path` into an emptied graph, and the rows."""
    graph.write("admin/delete_everything")
    t0 = time.perf_counter()
    report = ingest(graph, path, force=True, **options)
    rows = report.nodes + report.relations
    return rows / (time.perf_counter() - t0), rows


WARMUP_SECONDS = 15.0  # a server's JIT takes about this long to settle (below)


def officer(size: int, run: int) -> str:
    """A different officer for each run number (the same for a size and number every time),
    so a latency is that of asking about anyone, not of one person's pages kept in memory."""
    return f"person:o{random.Random(run).randrange(int(size * 0.55))}"


def latency(run: Callable[[int], object], runs: int) -> tuple[float, float, float]:
    """The first run in milliseconds (cold: the plan compiled, the pages read from disk), then
    p50 and p95 of `runs` more after a warm-up of WARMUP_SECONDS (at least one run). `run`
    is given the run's number: 1 to `runs` measured, 0 and below before. A server runs for a
    whole investigation, and just after it starts the JVM's compiler threads share this
    machine's two cores with the queries: at 100,000 people, `chain` took p50 35 ms over its
    first 50 runs after a start and 14.5 ms over 50 runs 15 s later."""
    t0 = time.perf_counter()
    run(0)
    first = (time.perf_counter() - t0) * 1000
    warm = -1
    while time.perf_counter() - t0 < WARMUP_SECONDS:
        run(warm)
        warm -= 1
    times = []
    for n in range(1, runs + 1):
        t0 = time.perf_counter()
        run(n)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return first, statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def db_hits(graph: Graph, name: str, params: dict) -> int:
    profile = graph.driver.execute_query("PROFILE " + querylib.get(name).text, params,
                                         database_=graph.database).summary.profile

    def total(plan) -> int:
        return plan.get("dbHits", 0) + sum(total(c) for c in plan.get("children", []))
    return total(profile)


# A query users wait for: run(n) runs it (n the run's number, for latency), and the statement
# and parameters PROFILE counts its database hits on, where one statement is the whole of it.
Query = tuple[Callable[[int], object], tuple[str, dict] | None]


def queries(g: Graph, size: int) -> dict[str, Query]:
    """What users wait for on a graph of `size` synth people: `chain` at a date (of a different
    officer each run), search, shortest paths, each conflict rule and the full scan."""
    paths = {"from": officer(size, 1), "to": "unit:a0-l1-0", "max_hops": 6}
    out: dict[str, Query] = {
        "chain at 2012-06-01, anyone": (lambda n: chain(g, officer(size, n), "2012-06-01"), None),
        "search 'Кийсымбаев'": (lambda n: search(g, "Кийсымбаев"), None),
        "shortest paths, officer to unit": (lambda n: g.read("library/shortest_paths", **paths),
                                            ("library/shortest_paths", paths)),
    }
    for name in conflicts.rules():
        q, params = conflicts.statement(name)
        out[f"rule {name}"] = (lambda n, name=name: conflicts.findings(g, name), (q.name, params))
    out["full conflicts scan"] = (lambda n: conflicts.findings(g), None)
    return out


def measure(g: Graph, size: int, runs: Callable[[str], int]) -> None:
    """Print each of `queries` with its first run, p50 and p95 of `runs(name)` runs after a
    warm-up, and its database hits."""
    print("latency: the first run, then p50 / p95 after a warm-up, ms; database hits")
    for name, (run, profiled) in queries(g, size).items():
        first, p50, p95 = latency(run, runs(name))
        hits = f"{db_hits(g, *profiled):,}" if profiled else ""
        print(f"  {name:<36} {first:9.1f} {p50:9.1f} {p95:9.1f}  ({runs(name)} runs)  {hits}", flush=True)


def main() -> None:
    size = int(os.environ.get("CHAINWATCH_BENCH_SIZE", 10_000))
    with private_graph() as (g, tmp):
        small, full = tmp / "small", tmp / "full"
        synth(small, NAIVE_PEOPLE, seed=1)
        naive, rows = rate(g, small, batch_size=1)
        batched, _ = rate(g, small)
        print(f"ingest, {NAIVE_PEOPLE} people ({rows:,} rows), same data, same run:")
        print(f"  naive, one row per transaction (baseline) {naive:8.0f} rows/s   x 1.00")
        print(f"  incremental path                          {batched:8.0f} rows/s   x{batched / naive:5.2f}")
        made = synth(full, size, seed=1)
        before = peak_mb()
        g.write("admin/delete_everything")
        t0 = time.perf_counter()
        report = ingest(g, full)
        first = time.perf_counter() - t0
        rows = report.nodes + report.relations
        print(f"ingest, {size:,} people: {report.nodes:,} nodes, {report.relations:,} relations "
              f"({made['rows']:,} rows written by synth): {first:.1f} s, {rows / first:,.0f} rows/s "
              f"(x{rows / first / naive:.1f} the naive loader's rate above: a commit a row costs it the same at any size); "
              f"peak memory {peak_mb():,.0f} MB (before the load {before:,.0f} MB)")
        t0 = time.perf_counter()
        ingest(g, full)
        again = time.perf_counter() - t0
        print(f"reload unchanged: {again:.2f} s, x{first / again:.1f} faster than the first load")

        measure(g, size, lambda name: RUNS)
        restores(g, tmp, full)


def restores(g: Graph, tmp: Path, dataset: Path) -> None:
    """The dataset loaded by `ingest --bulk`, and the dump of the loaded graph restored by
    transactions and by bulk import, beside raw neo4j-admin import of the same graph's files
    (the baseline: the importer alone, server stopped)."""
    home, dump = tmp / "home", tmp / "dump"
    export(g, dump)
    nodes, rels = read(dump)
    rows = sum(1 for n in nodes if "Entity" in n["labels"]) + sum(1 for r in rels if r["type"] != "MENTIONS"
                                                                  and r["type"] != "LOADED")
    t0 = time.perf_counter()
    restore(g, dump, wipe=True)
    by_transactions = time.perf_counter() - t0
    t0 = time.perf_counter()
    bulk.restore(home, dump, wipe=True)
    by_import = time.perf_counter() - t0
    with Graph(connection(home)) as fresh:  # g's bookmarks name transactions the import replaced
        while fresh.write("dump/wipe_batch", limit=WIPE_BATCH)[0]["deleted"]:
            pass
    peak_before = peak_mb()
    t0 = time.perf_counter()
    bulk_steps = ingest_bulk(home, dataset).seconds
    by_bulk_load = time.perf_counter() - t0
    files = bulk.write_import_files(nodes, rels, tmp / "raw")
    settings = server.status(home).settings
    server.stop(home)
    t0 = time.perf_counter()
    server.admin_import(home, files.nodes, files.relationships, array_delimiter=bulk.ARRAY)
    raw = time.perf_counter() - t0
    server.start(home, settings.bolt_port, settings.http_port)
    print(f"the same graph, {len(nodes):,} nodes and {len(rels):,} relationships ({rows:,} dataset rows), "
          "seconds:")
    for name, seconds in (("raw neo4j-admin import (baseline)", raw),
                          ("ingest --bulk (from the dataset)", by_bulk_load),
                          ("restore --bulk (from the dump)", by_import),
                          ("restore (transactions)", by_transactions)):
        print(f"  {name:<36} {seconds:8.1f} s   x{seconds / raw:5.2f} the baseline's time   "
              f"{rows / seconds:9,.0f} rows/s")
    print(f"  peak memory of this process: {peak_mb():,.0f} MB ({peak_before:,.0f} MB before the bulk load; "
          "the dump read whole for the restores)")
    print("  ingest --bulk, step by step: " + ", ".join(f"{k} {v:.1f} s" for k, v in bulk_steps.items()))


if __name__ == "__main__":
    main()
