"""`chainwatch restore --bulk`: a dump rebuilt through neo4j-admin database import, on a server
of its own (the import stops it and replaces its database), gives back the same dump, byte for
byte; a database that is not empty is replaced only when told."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from graph import bulk, server
from graph.config import connection
from graph.db import Graph
from graph.dump import DumpError, export
from ingest.load import ingest
from ingest.synth import synth
from tests.conftest import ROOT, SAMPLE, free_port


@pytest.fixture(scope="module")
def own_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("bulk") / "home"
    server.start(home, bolt_port=free_port(), http_port=free_port())
    yield home
    server.stop(home)


def nodes_in(home) -> int:
    with Graph(connection(home)) as g:
        return g.driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=g.database).records[0]["n"]


def test_a_bulk_restore_gives_back_the_same_dump_and_then_refuses_to_replace_it(graph, own_home, tmp_path):
    ingest(graph, SAMPLE)  # dates, datetimes, lists (empty ones too), quotes with newlines, protected people
    ingest(graph, synth(tmp_path / "synth", 300, seed=2, planted=1) and tmp_path / "synth")
    export(graph, tmp_path / "before")
    counts = bulk.restore(own_home, tmp_path / "before")
    assert server.status(own_home).running and counts["nodes"] > 1000
    with Graph(connection(own_home)) as g:
        export(g, tmp_path / "after")
        assert {r["name"] for r in g.read("schema/show")} == {r["name"] for r in graph.read("schema/show")}
    for name in ("nodes.jsonl", "relationships.jsonl", "manifest.json"):
        assert (tmp_path / "after" / name).read_bytes() == (tmp_path / "before" / name).read_bytes(), name
    with pytest.raises(DumpError, match="--wipe"):
        bulk.restore(own_home, tmp_path / "before")
    assert nodes_in(own_home) == counts["nodes"]


def test_the_command_line_replaces_with_wipe_and_refuses_a_remote_server(graph, own_home, tmp_path):
    ingest(graph, SAMPLE)
    export(graph, tmp_path / "dump")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(CHAINWATCH_HOME=str(own_home), COLUMNS="200")
    run = subprocess.run([sys.executable, "-m", "chainwatch", "restore", str(tmp_path / "dump"), "--bulk", "--wipe"],
                         capture_output=True, text=True, env=env, timeout=600, cwd=ROOT)
    assert run.returncode == 0 and "by bulk import" in run.stdout, run.stderr
    with Graph(connection(own_home)) as g:
        export(g, tmp_path / "again")
    assert (tmp_path / "again" / "nodes.jsonl").read_bytes() == (tmp_path / "dump" / "nodes.jsonl").read_bytes()
    env.update(NEO4J_URI="neo4j://127.0.0.1:1", NEO4J_PASSWORD="x")
    remote = subprocess.run([sys.executable, "-m", "chainwatch", "restore", str(tmp_path / "dump"), "--bulk"],
                            capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)
    assert remote.returncode == 1 and "the local server's files" in remote.stderr
