"""How much UNWIND batching buys: the same synthetic load written one row per
transaction (the baseline) and in batches, on a private Neo4j started here.

Prints rows per second and the ratio to the baseline, measured in one process
on one server, so the ratio holds on any machine even when the seconds do not.
Run with `make bench`; CHAINWATCH_BENCH_PEOPLE sets the size (default 2000).
"""

from __future__ import annotations

import os
import socket
import tempfile
import time
from pathlib import Path

from bench.synthetic import chain_dataset
from graph import schema, server
from graph.config import connection
from graph.db import Graph
from ingest.load import ingest


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    people = int(os.environ.get("CHAINWATCH_BENCH_PEOPLE", 2000))
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        server.start(home, bolt_port=_port(), http_port=_port())
        try:
            path = chain_dataset(Path(tmp) / "data", people)
            with Graph(connection(home)) as g:
                schema.apply(g)
                results = {}
                for batch in (1, 50, 500, 2000):
                    g.write("admin/delete_everything")
                    t0 = time.perf_counter()
                    report = ingest(g, path, batch_size=batch)
                    seconds = time.perf_counter() - t0
                    rows = report.nodes + report.relations
                    results[batch] = rows / seconds
                base = results[1]
                print(f"ingest of {people} people ({rows} rows), rows per second:")
                for batch, rate in results.items():
                    print(f"  batch {batch:>5}: {rate:8.0f} rows/s   x{rate / base:5.1f} vs one row per transaction")
        finally:
            server.stop(home)


if __name__ == "__main__":
    main()
