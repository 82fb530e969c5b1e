"""How long a command takes to start: `chainwatch --help` and `chainwatch query` (the list of
saved queries, no server), each as a fresh process, median of seven, with and without the
driver's optional-dependency probe (graph/__init__.py tells it that pandas, numpy and pyarrow
are absent; the baseline imports the probe first, as every command did before)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from bench.ratios import show

RUNS = 7
ENTRY = "from chainwatch.cli import app; app(prog_name='chainwatch')"
PROBE = "import neo4j._optional_deps; "  # what `import neo4j` did on its own before


def seconds(code: str, *args: str) -> float:
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    for args in (["--help"], ["query"]):
        show(f"chainwatch {' '.join(args)}: start to exit, median of {RUNS}",
             {"with the probe (baseline)": seconds(PROBE + ENTRY, *args) * 1000,
              "without": seconds(ENTRY, *args) * 1000},
             "with the probe (baseline)", "ms", lower_is_better=True)


if __name__ == "__main__":
    main()
