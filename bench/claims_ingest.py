"""What claims cost a load: the same dataset loaded by the statements ingest used
before claims (kept frozen in bench/pre_claims/, the baseline) and by today's
ingest, which writes each dataset's claims and derives the values from them.
The baseline writes the records' search keys (name_keys) as today's ingest does:
they came with entity resolution after the statements were frozen, and are no
part of what claims cost; the frozen statements without them are shown too.

Each path loads into an emptied database, alternating, five rounds
(CHAINWATCH_BENCH_ROUNDS); the best and the median round of each are reported in rows per second with the ratio to the baseline,
measured in one process on one server. Further tables load the same files again
(a corrected dataset reloaded), and a second dataset over the first (every
record shared), the case claims exist for. Ingest writes with two sessions at once
(graph/writes.py), which the baseline never did: the same ingest writing one batch at a time
is shown too, and so are the statements before claims given two sessions the same way: what
the claims cost and what the second session gains are seen apart.
Run with `make bench`; CHAINWATCH_BENCH_PEOPLE sets the size (default 5000).
"""

from __future__ import annotations

import os
import statistics
import time
from collections import Counter
from pathlib import Path
from unittest.mock import patch

from bench.private import private_graph
from bench.ratios import show
from bench.synthetic import chain_dataset
from graph import claims
from graph.db import Graph
from graph.writes import write_batches
from ingest.load import ingest

PRE_CLAIMS = Path(__file__).parent / "pre_claims"
BATCH = 500
ROUNDS = int(os.environ.get("CHAINWATCH_BENCH_ROUNDS", 5))
BASELINE = "before claims (baseline)"


def pre_claims_put(name_keys: bool, sessions: int):
    """The write step as it was before claims: the two MERGE statements, in batches; with
    `name_keys`, also writing the search keys entity resolution added later, as ingest does.
    Written by `sessions` at once as today's ingest writes (graph/writes.py), rows of one record
    or fact in one session, sources first."""
    def put(graph: Graph, nodes, relations, *, dataset: str, **_) -> Counter:
        for name, rows, part_of, step_of in (
                ("merge_nodes", nodes, lambda r: r["id"], claims.sources_first),
                ("merge_relations", relations, lambda r: f"{r['id']}|{r['type']}", None)):
            text = (PRE_CLAIMS / f"{name}.cypher").read_text(encoding="utf-8")

            def work(tx, batch: list[dict]) -> Counter:
                tx.run(text, rows=batch, dataset=dataset, name_keys=name_keys).consume()
                return Counter()
            with patch.dict(os.environ, {"CHAINWATCH_WRITE_SESSIONS": str(sessions)}):
                # the rows come spooled from disk, as ingest streams them
                write_batches(graph, rows, work, batch_size=BATCH, part_of=part_of,
                              step_of=step_of)
        return Counter()
    return put


def pre_claims_load(name_keys: bool, sessions: int = 1):
    """Today's ingest (validation, run log, batches) with the write step it had before claims."""
    def load(graph: Graph, path: Path) -> int:
        with patch.object(claims, "put", pre_claims_put(name_keys, sessions)):
            return claims_load(graph, path)
    return load


def claims_load(graph: Graph, path: Path) -> int:
    """force: the unchanged reload is written, as the baseline writes it (bench/reload.py
    measures the skip of unchanged files)."""
    report = ingest(graph, path, batch_size=BATCH, force=True)
    return report.nodes + report.relations


def one_session_load(graph: Graph, path: Path) -> int:
    """Today's ingest writing one batch at a time, as the baseline does: what the claims
    themselves cost, the second session aside."""
    with patch.dict(os.environ, {"CHAINWATCH_WRITE_SESSIONS": "1"}):
        return claims_load(graph, path)


def timed(graph: Graph, load, paths: list[Path]) -> float:
    """Rows per second of loading `paths` one after the other into an empty database
    (only the last load is timed: the earlier ones set the scene)."""
    graph.write("admin/delete_everything")
    for p in paths[:-1]:
        load(graph, p)
    t0 = time.perf_counter()
    rows = load(graph, paths[-1])
    return rows / (time.perf_counter() - t0)


def main() -> None:
    people = int(os.environ.get("CHAINWATCH_BENCH_PEOPLE", 5000))
    with private_graph() as (g, tmp):
        first = chain_dataset(tmp / "first", people, name="first")
        second = chain_dataset(tmp / "second", people, name="second")
        rows = people * 2 + 30 + 29 + 1
        for title, paths in (("one dataset into an empty graph", [first]),
                             ("the same dataset loaded again, unchanged", [first, first]),
                             ("a second dataset over the first (every record shared)", [first, second])):
            loads = {BASELINE: pre_claims_load(name_keys=True),
                     "before claims, without search keys": pre_claims_load(name_keys=False),
                     "before claims, two sessions": pre_claims_load(name_keys=True, sessions=2),
                     "with claims, one session": one_session_load,
                     "with claims, two sessions (as ingest writes)": claims_load}
            speeds: dict[str, list[float]] = {label: [] for label in loads}
            for _ in range(ROUNDS):
                for label, load in loads.items():
                    speeds[label].append(timed(g, load, paths))
            for kind, pick in (("best", max), ("median", statistics.median)):
                show(f"{title}: {rows} rows, batch {BATCH}, {kind} of {ROUNDS}",
                     {label: pick(v) for label, v in speeds.items()}, BASELINE, "rows/s")


if __name__ == "__main__":
    main()
