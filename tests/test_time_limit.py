"""The server's time limit (issue 12): a transaction that names no limit of its own, as Neo4j
Browser's do, is stopped by the server after `server start --transaction-timeout`; chainwatch's
own statements name theirs: the console's `--timeout`, and an hour for every statement that may
read the whole graph (`// timeout: long`). On a server of its own, started with a one-second
limit."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from neo4j import Query
from neo4j.exceptions import ClientError

from graph import querylib, server
from graph.config import connection
from graph.db import Graph
from tests.conftest import ROOT, free_port

# Slow by arithmetic alone, so it needs no data: n thousand rows per step of $n.
SLOW = "UNWIND range(1, $n) AS a UNWIND range(1, 1000) AS b WITH a * b AS x WHERE x % 7 = 3 RETURN count(x) AS c"


@pytest.fixture(scope="module")
def strict_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("strict") / "home"
    server.start(home, bolt_port=free_port(), http_port=free_port(), transaction_timeout="1s")
    yield home
    server.stop(home)


@pytest.fixture(scope="module")
def slow_n(strict_home) -> int:
    """A size for SLOW that takes at least ten seconds on this machine today, measured with a
    limit of its own: the server checks its limits every two seconds, and the same query may run
    several times faster a minute later (JIT, a machine busy with something else when measured)."""
    n = 2000
    with Graph(connection(strict_home)) as g:
        while True:
            t0 = time.perf_counter()
            g.driver.execute_query(Query(SLOW, timeout=600), n=n, database_=g.database)
            if time.perf_counter() - t0 >= 10:
                return n
            n *= 2


def test_a_query_without_a_limit_of_its_own_is_stopped_by_the_server(strict_home, slow_n):
    with Graph(connection(strict_home)) as g:
        t0 = time.perf_counter()
        with pytest.raises(ClientError, match="(?i)timed? ?out|terminated"):
            g.driver.execute_query(SLOW, n=slow_n, database_=g.database)  # as Neo4j Browser sends it
        assert time.perf_counter() - t0 < 60


def test_chainwatch_raises_the_limit_where_it_needs_to(strict_home, slow_n):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(CHAINWATCH_HOME=str(strict_home), COLUMNS="200")
    run = subprocess.run([sys.executable, "-m", "chainwatch", "cypher", SLOW, "--param", f"n={slow_n}",
                          "--timeout", "600", "--format", "json"],
                         capture_output=True, text=True, env=env, timeout=900, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert '"c"' in run.stdout
    # A chainwatch scan on a million records is cut off by no default: the statements that may
    # read the whole graph all name their own limit (graph/db.py passes it as the console does).
    for folder in ("conflicts", "dump", "export"):
        whole = [p.stem for p in (querylib.cypher_dir() / folder).glob("*.cypher")
                 if p.stem in ("nodes", "relationships") or folder != "dump"]
        assert all(querylib.get(f"{folder}/{name}").long for name in whole), folder


def test_the_limit_is_a_setting_of_server_start(tmp_path):
    with pytest.raises(server.ServerError, match="duration"):
        server.start(tmp_path / "home", bolt_port=free_port(), http_port=free_port(), transaction_timeout="soon")
