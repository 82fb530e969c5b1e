"""Secrets: no connection without the password, the password file readable by
its owner only, and the password in no log, error message, output or report."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError

from graph.config import ServerSettings, password_file
from graph.report import build
from graph.report_formats import FORMATS, render
from ingest.load import ingest
from tests.conftest import ROOT, SAMPLE


@pytest.fixture
def secret(neo4j_home) -> str:
    return password_file(neo4j_home).read_text().strip()


def test_the_password_file_is_the_owners_alone(neo4j_home, secret):
    mode = stat.S_IMODE(password_file(neo4j_home).stat().st_mode)
    assert mode == 0o600, oct(mode)
    assert len(secret) >= 24


def test_bolt_refuses_connections_without_the_password(neo4j_home):
    uri = f"bolt://127.0.0.1:{ServerSettings.read(neo4j_home).bolt_port}"
    for auth in (None, ("neo4j", ""), ("neo4j", "neo4j"), ("neo4j", "password")):
        with GraphDatabase.driver(uri, auth=auth) as driver:
            with pytest.raises((AuthError, ClientError)):
                driver.verify_connectivity()


def test_http_refuses_requests_without_the_password(neo4j_home):
    port = ServerSettings.read(neo4j_home).http_port
    body = json.dumps({"statements": [{"statement": "MATCH (n) RETURN count(n)"}]}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/db/neo4j/tx/commit", data=body,
                                     headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 401


def test_no_password_in_errors_outputs_or_logs(cli, graph, neo4j_home, secret, tmp_path):
    ingest(graph, SAMPLE)
    outputs = [cli("server", "status"), cli("stats"), cli("cypher", "RETURN $x", "--param", "x=1"),
               cli("cypher", "MATCH (n RETURN n"), cli("query", "nonexistent"), cli("conflicts")]
    # A wrong password given through the environment is not echoed either.
    env_wrong = dict(os.environ, NEO4J_URI=f"bolt://127.0.0.1:{ServerSettings.read(neo4j_home).bolt_port}",
                     NEO4J_PASSWORD="typed-wrong-secret-123")
    wrong = subprocess.run([sys.executable, "-m", "chainwatch", "stats"], capture_output=True, text=True,
                           env=env_wrong, cwd=ROOT, timeout=120)
    assert wrong.returncode == 1 and "refused the credentials" in wrong.stderr
    for result in outputs + [wrong]:
        for leaked in (secret, "typed-wrong-secret-123"):
            assert leaked not in result.stdout + result.stderr, result.args
    for fmt in FORMATS:
        assert secret.encode() not in render(build(graph), fmt)
    for log in (neo4j_home / "logs").iterdir():
        assert secret not in log.read_text(errors="replace"), log
    assert secret not in (neo4j_home / "conf" / "neo4j.conf").read_text()
