"""Ready for a cluster: the same work through the `neo4j://` scheme, which routes reads and
writes as a cluster or Aura would (a single server answers the routing table with itself).
What is loaded, found and dumped through it equals what `bolt://` gives."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest

from graph.chains import chain
from graph.config import connection, password_file
from graph.conflicts import findings
from graph.db import Graph
from graph.dump import comparable, export
from ingest.load import ingest
from tests.conftest import ROOT, SAMPLE


@pytest.fixture
def routed(graph, neo4j_home):
    conn = connection(neo4j_home)
    assert conn.uri.startswith("bolt://")
    with Graph(dataclasses.replace(conn, uri=conn.uri.replace("bolt://", "neo4j://"))) as g:
        yield g


def test_load_find_and_dump_through_neo4j_scheme_equal_bolt(routed, graph, tmp_path):
    ingest(routed, SAMPLE)
    through_routing = (findings(routed), chain(routed, "person:batyrbaev-officer", "2022-01-20").up)
    export(routed, tmp_path / "routed")
    graph.write("admin/delete_everything")
    ingest(graph, SAMPLE)
    assert (findings(graph), chain(graph, "person:batyrbaev-officer", "2022-01-20").up) == through_routing
    export(graph, tmp_path / "bolt")
    assert comparable(tmp_path / "routed") == comparable(tmp_path / "bolt")


def test_the_command_line_runs_against_a_neo4j_uri(graph, neo4j_home):
    ingest(graph, SAMPLE)
    conn = connection(neo4j_home)
    env = {k: v for k, v in os.environ.items() if k != "CHAINWATCH_HOME"}
    env.update(NEO4J_URI=conn.uri.replace("bolt://", "neo4j://"), NEO4J_USER="neo4j",
               NEO4J_PASSWORD=password_file(neo4j_home).read_text().strip(), COLUMNS="200")
    run = subprocess.run([sys.executable, "-m", "chainwatch", "conflicts", "--format", "csv"], capture_output=True,
                         text=True, env=env, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.splitlines()) - 1 == len(findings(graph)) > 0
