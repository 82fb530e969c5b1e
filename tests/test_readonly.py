"""The read-only promise, attacked: the console (command line and explorer)
must not read the machine's files, fetch from a network, kill other users'
work, manage the server or write, and the server itself must refuse file and
network loads even to a user who passes --write."""

from __future__ import annotations

import http.server
import threading

import pytest

from explorer import data
from graph.config import password_file
from graph.db import GraphError
from tests.conftest import free_port

SECRET_FILE_MARK = "chainwatch-secret-marker"

# Each is a query a curious or hostile console user might type; none may run read-only.
ATTACKS = [
    "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r",
    "LOAD CSV FROM $url AS r RETURN r",
    "CALL { LOAD CSV FROM 'file:///etc/hostname' AS r RETURN r } RETURN r",
    "MATCH (n) WITH n LIMIT 1 LOAD CSV FROM 'https://example.com/x.csv' AS r RETURN r",
    "// a comment first\nLOAD CSV WITH HEADERS FROM 'file:///etc/passwd' AS r RETURN r",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW TRANSACTIONS",
    "SHOW SETTINGS",
    "SHOW USERS",
    "SHOW DATABASES",
    "CALL dbms.listConfig()",
    "CALL dbms.components()",
    "CALL db.clearQueryCaches()",
    "CALL db.createLabel('Injected')",
    "CREATE (n:Injected) RETURN n",
    "MERGE (n:Entity {id: 'injected'}) RETURN n",
    "MATCH (n) SET n.injected = true RETURN count(n)",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) CALL (n) { SET n.injected = true } RETURN count(n)",
    "CREATE INDEX injected FOR (n:Person) ON (n.injected)",
    "DROP CONSTRAINT entity_id IF EXISTS",
    "CREATE USER mallory SET PASSWORD 'mallory-password'",
    "ALTER CURRENT USER SET PASSWORD FROM 'x' TO 'y'",
    "PROFILE LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r",
    "CYPHER runtime=slotted LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r",
]


@pytest.fixture
def marked_file(tmp_path):
    path = tmp_path / "secret.csv"
    path.write_text(f"{SECRET_FILE_MARK}\n")
    return path


def test_every_attack_is_refused_by_the_command_line_and_changes_nothing(cli, marked_file, neo4j_home):
    before = cli("cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json").stdout
    password = password_file(neo4j_home).read_text().strip()
    for query in ATTACKS + [f"LOAD CSV FROM 'file://{marked_file}' AS r RETURN r"]:
        result = cli("cypher", query, "--param", f"url=file://{marked_file}")
        assert result.returncode == 1, (query, result.stdout)
        assert result.stderr.startswith("error:"), (query, result.stderr)
        for leaked in ("root:", SECRET_FILE_MARK, password):
            assert leaked not in result.stdout + result.stderr, query
    assert cli("cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json").stdout == before
    users = cli("cypher", "SHOW USERS", "--write")
    assert "mallory" not in users.stdout


def test_the_explorer_console_refuses_the_same_attacks(graph, marked_file, neo4j_home):
    password = password_file(neo4j_home).read_text().strip()
    for query in ATTACKS:
        with pytest.raises(GraphError) as refused:
            data.console(query, {"url": f"file://{marked_file}"}, public=False)
        assert SECRET_FILE_MARK not in str(refused.value) and password not in str(refused.value)
    rows = graph.run_user_query("MATCH (n) RETURN count(n) AS n", {}, write=False, timeout=30, row_cap=1)
    assert rows.records[0]["n"] == 0


def test_plain_reads_still_run(cli):
    for query in ("MATCH (n) RETURN count(n) AS n", "CALL db.labels() YIELD label RETURN label",
                  "SHOW INDEXES YIELD name RETURN count(*) AS n", "CYPHER 5 RETURN 1 AS one",
                  "// a comment\nRETURN 1 AS one"):
        result = cli("cypher", query)
        assert result.returncode == 0, (query, result.stderr)


def test_the_server_refuses_file_urls_even_with_write(cli, marked_file, neo4j_home):
    """Defence in depth: chainwatch's own check aside, the server's configuration forbids it."""
    for target in (marked_file, password_file(neo4j_home), "/etc/passwd"):
        result = cli("cypher", f"LOAD CSV FROM 'file://{target}' AS r RETURN r", "--write")
        assert result.returncode == 1
        assert "allow_csv_import_from_file_urls" in result.stderr
        assert SECRET_FILE_MARK not in result.stdout and "root:" not in result.stdout


def test_the_server_fetches_nothing_from_any_address_even_with_write(cli):
    """A listener on this machine stands in for any host: the server must not even connect."""
    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"a,b\n")

        def log_message(self, *args):
            pass

    port = free_port()
    listener = http.server.HTTPServer(("127.0.0.1", port), Recorder)
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    try:
        result = cli("cypher", f"LOAD CSV FROM 'http://127.0.0.1:{port}/x.csv' AS r RETURN r", "--write")
    finally:
        listener.shutdown()
    assert result.returncode == 1 and "blocked" in result.stderr
    assert requests == []


def test_the_generated_configuration_closes_loading(neo4j_home):
    conf = (neo4j_home / "conf" / "neo4j.conf").read_text()
    assert "dbms.security.allow_csv_import_from_file_urls=false" in conf
    assert "internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0" in conf
    assert f"server.directories.import={neo4j_home / 'import'}" in conf
    assert list((neo4j_home / "import").iterdir()) == []
