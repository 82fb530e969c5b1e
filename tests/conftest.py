"""Test fixtures: one real Neo4j for the whole session, in a temporary home on
free ports, so the tests never touch a user's server or data.

`graph` hands each test an empty database; `cli` runs the real `chainwatch`
command against the test server in a subprocess.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from graph import server
from graph.config import connection
from graph.db import Graph

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "kazakhstan-2022"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(autouse=True)
def main_module():
    """Streamlit's AppTest runs an app as `__main__` and leaves it there; a process spawned
    later (`ingest --bulk` writes the importer's files in one) would run that app's code as
    its own main. Each test gets the real one back."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture(scope="session", autouse=True)
def neo4j_home(tmp_path_factory) -> Path:
    """The test server. The whole session points at it, so no code path under
    test can reach the user's own server or NEO4J_URI by accident."""
    home = tmp_path_factory.mktemp("neo4j-home")
    saved = {k: os.environ.pop(k) for k in list(os.environ) if k.startswith("NEO4J_")}
    saved["CHAINWATCH_HOME"] = os.environ.get("CHAINWATCH_HOME")
    os.environ["CHAINWATCH_HOME"] = str(home)
    for attempt in range(3):  # a free port can be taken by another process before Neo4j binds it
        try:
            server.start(home, bolt_port=free_port(), http_port=free_port())
            break
        except server.ServerError:
            if attempt == 2:
                raise
    yield home
    server.stop(home)
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def session_graph(neo4j_home):
    g = Graph(connection(neo4j_home))
    from graph import schema
    schema.apply(g)
    yield g
    g.close()


@pytest.fixture
def graph(session_graph) -> Graph:
    """An empty database with the schema applied."""
    session_graph.write("admin/delete_everything")
    return session_graph


@pytest.fixture
def cli(graph, neo4j_home):
    """Run `chainwatch ARGS...` as a user would; returns the CompletedProcess."""
    def run(*args: str, input: str | None = None, timeout: float = 300, columns: int = 200) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
        env.update(CHAINWATCH_HOME=str(neo4j_home), COLUMNS=str(columns), NO_COLOR="1")
        return subprocess.run([sys.executable, "-m", "chainwatch", *map(str, args)],
                              capture_output=True, text=True, env=env, input=input,
                              timeout=timeout, cwd=ROOT)
    return run


def snapshot(graph: Graph) -> tuple[list, list]:
    """The data in the graph (not the run log), comparable between two loads."""
    return graph.read("export/nodes"), graph.read("export/relationships")
