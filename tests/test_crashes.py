"""Crashes, as they happen on a laptop: the ingest process killed at twenty
random points, and the Neo4j server killed in the middle of a load. Each time,
running the same command again gives the same graph as a clean load."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from bench.synthetic import chain_dataset
from graph import server
from ingest.load import ingest
from tests.conftest import ROOT, snapshot
from tests.test_ingest import cypher

PEOPLE = 1500
KILLED_PEOPLE = 400
KILLS = 20


def _count(graph) -> int:
    """Nodes and relationships in the graph, cheaply, to know how far a load has got."""
    return cypher(graph, "CALL () { MATCH (n) RETURN count(n) AS n } "
                         "CALL () { MATCH ()-[r]->() RETURN count(r) AS r } RETURN n + r AS size")[0]["size"]


def _ingest_process(path, home, batch_size: int = 20) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["CHAINWATCH_HOME"] = str(home)
    return subprocess.Popen([sys.executable, "-m", "chainwatch", "ingest", str(path), "--batch-size", str(batch_size)],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _clean_load(graph, path):
    graph.write("admin/delete_everything")
    ingest(graph, path)
    return snapshot(graph)


def _nothing_half_linked(graph) -> None:
    assert cypher(graph, "MATCH (n:Entity) WHERE NOT n:Source AND NOT EXISTS { (:Source)-[:MENTIONS]->(n) } "
                         "RETURN count(n) AS n") == [{"n": 0}]


def test_an_ingest_killed_at_twenty_random_points_resumes_to_the_same_graph(graph, neo4j_home, tmp_path):
    path = chain_dataset(tmp_path / "big", KILLED_PEOPLE)
    expected = _clean_load(graph, path)
    total = _count(graph)
    rng = random.Random(20221)
    landed = []
    for _ in range(KILLS):
        graph.write("admin/delete_everything")
        target = rng.randint(total // 20, total * 19 // 20)  # a random point of the load
        proc = _ingest_process(path, neo4j_home, batch_size=10)
        while proc.poll() is None and _count(graph) < target:
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        _nothing_half_linked(graph)
        landed.append(_count(graph))
        ingest(graph, path)  # the same command again
        assert snapshot(graph) == expected, landed
    mid_load = [n for n in landed if 0 < n < total]
    assert len(mid_load) >= KILLS * 3 // 4, (landed, total)  # the kills landed all through the load
    assert max(mid_load) - min(mid_load) > total // 3, (landed, total)


def test_a_server_killed_during_ingest_restarts_and_the_load_completes(graph, neo4j_home, tmp_path):
    path = chain_dataset(tmp_path / "big", PEOPLE)
    expected = _clean_load(graph, path)
    graph.write("admin/delete_everything")
    proc = _ingest_process(path, neo4j_home)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and cypher(graph, "MATCH (p:Person) RETURN count(p) AS n")[0]["n"] < 100:
        time.sleep(0.05)
    os.kill(server.status(neo4j_home).pid, signal.SIGKILL)  # the database dies, not the loader
    _, stderr = proc.communicate(timeout=180)
    assert proc.returncode == 1
    assert "Traceback" not in stderr and "run the same command again" in stderr, stderr
    server.start(neo4j_home)  # the stale pid file is cleaned up; the store recovers from its log
    _nothing_half_linked(graph)
    assert 0 < cypher(graph, "MATCH (p:Person) RETURN count(p) AS n")[0]["n"] < PEOPLE
    ingest(graph, path)
    assert snapshot(graph) == expected
