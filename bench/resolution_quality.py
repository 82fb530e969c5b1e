"""How good `chainwatch resolve` is: precision and recall at each threshold on the
labelled set in tests/fixtures/resolution/ (a Cyrillic and a Latin dataset of mostly
the same people, with planted look-alikes: fathers and sons, namesakes, names a
letter or a word apart, brothers). A wrong merge lands an innocent name in a report,
so the default threshold is the lowest at which precision is 1.

Precision: of the pairs proposed, the share that are one person (same.csv).
Recall: of the pairs that are one person, the share proposed.
Run with `PYTHONPATH=. python -m bench.resolution_quality`.
"""

from __future__ import annotations

import csv
from pathlib import Path

from bench.private import private_graph
from graph.resolution import DEFAULT_THRESHOLD, candidates
from ingest.load import ingest

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "resolution"
THRESHOLDS = [round(0.5 + 0.05 * i, 2) for i in range(11)]


def main() -> None:
    with open(LABELLED / "same.csv", encoding="utf-8") as f:
        same = {frozenset((r["a"], r["b"])) for r in csv.DictReader(f)}
    with private_graph() as (g, _):
        ingest(g, LABELLED / "ledger")
        ingest(g, LABELLED / "press")
        scored = {frozenset((c.a["id"], c.b["id"])): c.score for c in candidates(g, threshold=0.0)}
    people = sum(1 for p in scored if all(i.startswith("person:") for i in p))
    print(f"{len(same)} true pairs; {len(scored)} pairs compared after blocking ({people} between people)")
    print("| threshold | proposed | true | false | precision | recall |")
    print("|---|---|---|---|---|---|")
    for t in THRESHOLDS:
        proposed = {p for p, s in scored.items() if s >= t - 1e-9}
        true = len(proposed & same)
        precision = true / len(proposed) if proposed else 1.0
        mark = " (default)" if abs(t - DEFAULT_THRESHOLD) < 1e-9 else ""
        print(f"| {t:.2f}{mark} | {len(proposed)} | {true} | {len(proposed) - true} | "
              f"{precision:.2f} | {true / len(same):.2f} |")


if __name__ == "__main__":
    main()
