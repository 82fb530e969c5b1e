"""An ingest or a removal killed with SIGKILL in the middle, then run again,
gives the same graph as a clean run; in between, nothing is half-linked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from ingest.load import ingest
from tests.conftest import ROOT, snapshot
from bench.synthetic import chain_dataset
from tests.test_ingest import cypher

PEOPLE = 3000


def kill_halfway(neo4j_home, args: list[str], halfway) -> None:
    """Run `chainwatch ARGS` and SIGKILL it as soon as `halfway()` is true."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["CHAINWATCH_HOME"] = str(neo4j_home)
    proc = subprocess.Popen([sys.executable, "-m", "chainwatch", *args], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and not halfway():
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"{args[0]} finished before it could be interrupted"


def test_killed_ingest_resumes_to_the_same_graph(graph, neo4j_home, tmp_path):
    path = chain_dataset(tmp_path / "big", PEOPLE)
    kill_halfway(neo4j_home, ["ingest", str(path), "--batch-size", "25"],
                 lambda: cypher(graph, "MATCH (p:Person) RETURN count(p) AS n")[0]["n"] >= 200)
    people = cypher(graph, "MATCH (p:Person) RETURN count(p) AS n")[0]["n"]
    assert 0 < people < PEOPLE, people
    # Nothing half-written: every node in the graph has its provenance link.
    assert cypher(graph, "MATCH (n:Entity) WHERE NOT n:Source AND NOT EXISTS { (:Source)-[:MENTIONS]->(n) } "
                         "RETURN count(n) AS n") == [{"n": 0}]

    ingest(graph, path)  # the same command again
    resumed = snapshot(graph)
    runs = cypher(graph, "MATCH (r:IngestRun) RETURN r.status AS status ORDER BY r.started")
    assert [r["status"] for r in runs] == ["interrupted", "complete"]

    graph.write("admin/delete_everything")
    ingest(graph, path)
    assert resumed == snapshot(graph)
    assert len(resumed[0]) == PEOPLE + 31 and len(resumed[1]) == PEOPLE + 29 + (PEOPLE + 30)  # facts + MENTIONS


def test_killed_remove_finishes_when_run_again(graph, neo4j_home, tmp_path):
    from graph import claims
    from graph.dump import comparable, export
    from tests.datasets import small
    ingest(graph, small(tmp_path / "small", name="small"))
    export(graph, tmp_path / "small-alone")
    ingest(graph, chain_dataset(tmp_path / "big", PEOPLE))
    claims_left = "MATCH (c:Claim) WHERE c.dataset = 'big' RETURN count(c) AS n"
    kill_halfway(neo4j_home, ["remove", "big", "--batch-size", "25"],  # stopped about half-way through
                 lambda: cypher(graph, claims_left)[0]["n"] <= PEOPLE)
    left = cypher(graph, claims_left)[0]["n"]
    assert 0 < left < 2 * PEOPLE + 60, left
    # Nothing half-withdrawn: every relationship left still has a claim behind it.
    assert cypher(graph, "MATCH ()-[r]->() WHERE NOT type(r) IN ['MENTIONS', 'LOADED'] "
                         "AND NOT EXISTS { MATCH (c:Claim {target: r.id}) } RETURN count(r) AS n") == [{"n": 0}]
    claims.remove(graph, "big")  # the same command again
    export(graph, tmp_path / "after")
    assert comparable(tmp_path / "after") == comparable(tmp_path / "small-alone")
    runs = cypher(graph, "MATCH (r:IngestRun {dataset: 'big', mode: 'remove'}) RETURN r.status AS s ORDER BY r.started")
    assert [r["s"] for r in runs] == ["interrupted", "complete"]
