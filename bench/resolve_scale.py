"""How long `chainwatch resolve` takes as the graph grows, and what blocking saves.

Loads bench.synthetic.people_dataset (Kazakh and Russian names, a tenth again in
Latin letters under another id) at each size, then times candidates() inside
the process: the read of the actors, then blocking and scoring. The baseline is
comparing every pair, measured per pair on the pairs blocking proposes and
multiplied by n(n-1)/2: what resolution without blocking would cost.
CHAINWATCH_BENCH_PEOPLE sets the sizes (default "10000,100000").
Run with `PYTHONPATH=. python -m bench.resolve_scale`.
"""

from __future__ import annotations

import os
import resource
import time

from bench.private import private_graph
from bench.synthetic import people_dataset
from graph import resolution
from graph.values import plain
from ingest.load import ingest


def main() -> None:
    sizes = [int(s) for s in os.environ.get("CHAINWATCH_BENCH_PEOPLE", "10000,100000").split(",")]
    for size in sizes:
        with private_graph() as (g, tmp):
            t0 = time.perf_counter()
            ingest(g, people_dataset(tmp / "people", size), batch_size=2000)
            loaded = time.perf_counter() - t0
            t0 = time.perf_counter()
            records = [plain(r) for r in g.read("resolve/actors", datasets=None)]
            read = time.perf_counter() - t0
            t0 = time.perf_counter()
            compared = [(x, y) for x, y in resolution.pairs(records)]
            blocked = time.perf_counter() - t0
            t0 = time.perf_counter()
            scored = [resolution.score(x, y) for x, y in compared]
            scoring = time.perf_counter() - t0
            t0 = time.perf_counter()
            proposed = resolution.candidates(g)
            whole = time.perf_counter() - t0
        n = len(records)
        per_pair = scoring / max(1, len(compared))
        all_pairs = per_pair * n * (n - 1) / 2
        print(f"{n} actors (loaded in {loaded:.0f} s): resolve {whole:.1f} s in all "
              f"(read {read:.1f} s, blocking {blocked:.1f} s, scoring {len(compared)} pairs {scoring:.1f} s); "
              f"{sum(1 for c in scored if c.score >= resolution.DEFAULT_THRESHOLD)} pairs proposed "
              f"({len(proposed)} by candidates()); every pair would take {all_pairs:.0f} s: "
              f"blocking x{all_pairs / max(whole, 1e-9):.0f}; peak memory "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", flush=True)


if __name__ == "__main__":
    main()
