"""The local server, through the real `chainwatch server` commands, in a home
of its own (not the session's test server)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from graph import server
from graph.config import ServerSettings, password_file
from tests.conftest import ROOT, free_port


def chainwatch(home, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(CHAINWATCH_HOME=str(home), COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "chainwatch", *args], capture_output=True,
                          text=True, env=env, timeout=300, cwd=ROOT)


def dead_pid() -> int:
    p = subprocess.Popen(["true"])
    p.wait()
    return p.pid


@pytest.fixture
def home(tmp_path):
    h = tmp_path / "home"
    yield h
    server.stop(h)


def test_start_status_stop_with_stale_pid_and_auth(home):
    bolt, http = free_port(), free_port()
    home.mkdir()
    (home / "neo4j.pid").write_text(f"{dead_pid()}\n")  # left by a crashed server
    status = chainwatch(home, "server", "status")
    assert status.returncode == 3 and "not running" in status.stdout

    started = chainwatch(home, "server", "start", "--bolt-port", str(bolt), "--http-port", str(http),
                         "--transaction-memory", "300m")
    assert started.returncode == 0, started.stderr
    assert f"bolt://127.0.0.1:{bolt}" in started.stdout

    pw = password_file(home)
    assert stat.S_IMODE(pw.stat().st_mode) == 0o600
    conf = (home / "conf" / "neo4j.conf").read_text()
    assert "dbms.security.auth_enabled=true" in conf and f"127.0.0.1:{bolt}" in conf
    assert "dbms.usage_report.enabled=false" in conf
    assert "dbms.memory.transaction.total.max=300m" in conf  # a large graph's setting, kept for later starts
    assert ServerSettings.read(home).bolt_port == bolt and ServerSettings.read(home).transaction_memory == "300m"

    with GraphDatabase.driver(f"bolt://127.0.0.1:{bolt}", auth=("neo4j", pw.read_text().strip())) as d:
        assert d.execute_query("RETURN 1 AS one").records[0]["one"] == 1
    with GraphDatabase.driver(f"bolt://127.0.0.1:{bolt}", auth=("neo4j", "neo4j")) as d:
        with pytest.raises(AuthError):
            d.verify_connectivity()

    pid = server.status(home).pid
    again = chainwatch(home, "server", "start")  # harmless, same server
    assert again.returncode == 0 and server.status(home).pid == pid

    running = chainwatch(home, "server", "status")
    assert running.returncode == 0 and f"pid {pid}" in running.stdout

    stopped = chainwatch(home, "server", "stop")
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert not server.status(home).running
    assert "Stopped." in (home / "logs" / "neo4j.log").read_text()  # a graceful shutdown
    assert chainwatch(home, "server", "stop").stdout.startswith("Neo4j was not running")


def test_bad_memory_setting_is_refused_before_starting(home):
    result = chainwatch(home, "server", "start", "--heap", "lots")
    assert result.returncode == 1
    assert "--heap 'lots' is not a memory size; write e.g. 512m or 2g" in result.stderr
    assert not password_file(home).exists()


def test_failed_start_shows_the_servers_own_log(home):
    result = chainwatch(home, "server", "start", "--bolt-port", str(free_port()),
                        "--http-port", str(free_port()), "--heap", "1m")  # too small for a JVM
    assert result.returncode != 0
    assert "exited" in result.stderr and "console.log" in result.stderr
    assert "heap" in result.stderr.lower()  # the JVM's own complaint, shown to the user
    assert not server.status(home).running


def test_commands_without_a_server_say_what_to_do(tmp_path):
    result = chainwatch(tmp_path / "nowhere", "stats")
    assert result.returncode == 1
    assert "chainwatch server start" in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3


def test_a_new_password_never_reads_as_an_option():
    """neo4j-admin took a generated password beginning with `-` for an option (one start in 64)."""
    drawn = [server.new_password() for _ in range(2000)]
    assert all(p.isalnum() and len(p) == 32 for p in drawn)
    assert len(set(drawn)) == len(drawn)


def test_the_server_runs_with_the_jvm_options_neo4j_ships(neo4j_home):
    """Started without its modules opened, Neo4j runs its page cache in a fallback mode and
    warns of it in debug.log; nothing there may ask for a JVM option we left out."""
    log = (neo4j_home / "logs" / "debug.log").read_text(errors="replace")
    assert "Started." in (neo4j_home / "logs" / "neo4j.log").read_text()
    complaints = [line for line in log.splitlines() if " WARN " in line
                  and ("fallback" in line or "VM option" in line)]
    assert not complaints, complaints
