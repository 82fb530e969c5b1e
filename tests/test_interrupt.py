"""An ingest killed with SIGKILL in the middle, then run again, gives the same
graph as a clean load; in between, nothing is half-linked."""

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


def test_killed_ingest_resumes_to_the_same_graph(graph, neo4j_home, tmp_path):
    path = chain_dataset(tmp_path / "big", PEOPLE)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["CHAINWATCH_HOME"] = str(neo4j_home)
    proc = subprocess.Popen([sys.executable, "-m", "chainwatch", "ingest", str(path), "--batch-size", "25"],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    written = 0
    while time.monotonic() < deadline and proc.poll() is None:
        written = cypher(graph, "MATCH (p:Person) RETURN count(p) AS n")[0]["n"]
        if written >= 200:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the load finished before it could be interrupted"
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
