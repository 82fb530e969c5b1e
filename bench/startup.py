"""How long a command takes to start: `chainwatch --help`, `chainwatch query` (the list of saved
queries, no server) and `chainwatch chain` up to its connection attempt (a closed port, so the
server's own time is left out), each as a fresh process, median of seven.

The baseline imports first what every command imported before: the driver's optional-dependency
probe (pandas, numpy and pyarrow, 0.4 s) and the driver itself (now imported only by commands that
reach a server). Not in it: Typer 0.29 imports pydantic to coerce every option (0.13 s more per
command); pyproject.toml holds Typer below 0.29, so it is not installed to compare with."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from bench.ratios import show

RUNS = 7
ENTRY = "from chainwatch.cli import main; import sys; sys.argv[0] = 'chainwatch'; main()"
BEFORE = "import neo4j._optional_deps, neo4j; "
CLOSED = {"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "unused"}  # refused at once


def seconds(code: str, args: list[str]) -> float:
    env = {**os.environ, **CLOSED}
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, env=env)
        times.append(time.perf_counter() - t0)
        if done.returncode not in (0, 1) or b"Traceback" in done.stderr:
            raise SystemExit(f"{args} failed: {done.stderr.decode()[-500:]}")
    return statistics.median(times)


def main() -> None:
    for args in (["--help"], ["query"], ["chain", "P1"]):
        show(f"chainwatch {' '.join(args)}: start to exit, median of {RUNS}",
             {"as before (baseline)": seconds(BEFORE + ENTRY, args) * 1000,
              "now": seconds(ENTRY, args) * 1000},
             "as before (baseline)", "ms", lower_is_better=True)


if __name__ == "__main__":
    main()
