"""The local Neo4j Community server: a real server run from the jars that
server/pom.xml fetches from Maven Central, on 127.0.0.1, with its own home.

Layout of a home:
  conf/neo4j.conf   written at every start from server.json
  data/ logs/       Neo4j's own
  password          generated at first start, mode 0600; user `neo4j`
  server.json       ports and memory (see graph.config.ServerSettings)
  neo4j.pid         the running server's process id
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graph.config import ServerSettings, password_file

NEO4J_LIB = Path(os.environ.get("CHAINWATCH_NEO4J_LIB",
                                Path(__file__).resolve().parent.parent / "server" / "lib"))
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
START_TIMEOUT = float(os.environ.get("CHAINWATCH_START_TIMEOUT", 180))
STOP_TIMEOUT = 60.0
# What Neo4j's own launcher gives the JVM (`server.jvm.additional` in the distribution's
# neo4j.conf, 5.26). chainwatch starts java itself, so it names them here. Without the
# opened modules the page cache runs in a fallback mode that Neo4j warns may cost speed and
# memory (debug.log: "Reflection access to java.nio.DirectByteBuffer is not available"; we
# measured no difference, bench/RESULTS.md); the admin tools (the importer) get them too.
JVM_MODULES = ("--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
               "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED")
JVM_SERVER = ("-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+UnlockExperimentalVMOptions",
              "-XX:+TrustFinalNonStaticFields", "-XX:+DisableExplicitGC", "-Djdk.nio.maxCachedBufferSize=1024",
              "-Dio.netty.tryReflectionSetAccessible=true", "-Djdk.tls.ephemeralDHKeySize=2048",
              "-Djdk.tls.rejectClientInitiatedRenegotiation=true", "-Dlog4j2.disable.jmx=true",
              "-XX:+ExitOnOutOfMemoryError", *JVM_MODULES)


MEMORY_SIZE = re.compile(r"^[1-9][0-9]*[kmgKMG]?$")
DURATION = re.compile(r"^[1-9][0-9]*(ms|s|m|h)$")


class ServerError(RuntimeError):
    pass


@dataclass
class Status:
    running: bool
    pid: int | None
    home: Path
    settings: ServerSettings
    stale_pid: bool = False

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.settings.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.http_port}"


def _pid_file(home: Path) -> Path:
    return home / "neo4j.pid"


def _is_our_server(pid: int) -> bool:
    """True if pid is alive and is a Neo4j server (not a recycled pid)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True  # no /proc (macOS): trust the live pid
    return ENTRY_POINT in cmdline


def status(home: Path) -> Status:
    settings = ServerSettings.read(home)
    pf = _pid_file(home)
    if not pf.exists():
        return Status(False, None, home, settings)
    try:
        pid = int(pf.read_text().strip())
    except ValueError:
        return Status(False, None, home, settings, stale_pid=True)
    if _is_our_server(pid):
        return Status(True, pid, home, settings)
    return Status(False, pid, home, settings, stale_pid=True)


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    java = Path(java_home, "bin", "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        raise ServerError("java not found: install Java 17 or 21 (Neo4j 5.26 runs on both) "
                          "or set JAVA_HOME")
    return str(java)


def _classpath() -> str:
    if not any(NEO4J_LIB.glob("neo4j-5.26*.jar")):
        raise ServerError(f"Neo4j jars not found in {NEO4J_LIB}: run `make setup` "
                          "(it runs `mvn -f server/pom.xml package`)")
    return f"{NEO4J_LIB}/*"


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _bolt_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def _write_conf(home: Path, s: ServerSettings) -> None:
    conf = home / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Written by `chainwatch server start` from server.json; edits are overwritten.",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{s.bolt_port}",
        f"server.http.listen_address=127.0.0.1:{s.http_port}",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        f"server.memory.heap.initial_size={s.heap}",
        f"server.memory.heap.max_size={s.heap}",
        f"server.memory.pagecache.size={s.pagecache}",
        *([f"dbms.memory.transaction.total.max={s.transaction_memory}"] if s.transaction_memory else []),
        f"server.directories.data={home / 'data'}",
        f"server.directories.logs={home / 'logs'}",
        f"server.directories.run={home / 'run'}",
        "db.tx_log.rotation.retention_policy=2 files",
        # A transaction that names no limit of its own (Neo4j Browser, cypher-shell) is stopped
        # after this; chainwatch's whole-graph statements raise it for themselves (graph/db.py).
        f"db.transaction.timeout={s.transaction_timeout}",
        # LOAD CSV may read no file on this machine and fetch nothing from any network:
        # the import folder is an empty one of the home's, file URLs are refused, and
        # every address is blocked for URL loading (docs/security.md).
        f"server.directories.import={home / 'import'}",
        "dbms.security.allow_csv_import_from_file_urls=false",
        "internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0",
    ]
    (home / "import").mkdir(exist_ok=True)
    (conf / "neo4j.conf").write_text("\n".join(lines) + "\n")


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}


def new_password() -> str:
    """32 letters and digits (about 190 bits). Not token_urlsafe: one in 64 of those begins with
    `-`, which neo4j-admin reads as an option, and the first start failed."""
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(32))


def _ensure_password(home: Path) -> None:
    """Generate the password at first start and give it to Neo4j before the
    system database exists (afterwards it only changes through Cypher)."""
    pw = password_file(home)
    if pw.exists():
        return
    if (home / "data" / "databases" / "system").exists():
        raise ServerError(f"{pw} is missing but the server in {home} already has users: "
                          "restore the file, or remove the home folder to start afresh")
    secret = new_password()
    fd = os.open(pw, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(secret + "\n")
    result = subprocess.run(
        [_java(), *JVM_MODULES, "-cp", _classpath(), ADMIN_TOOL, "dbms", "set-initial-password", secret],
        env=_env(home), capture_output=True, text=True)
    if result.returncode != 0:
        pw.unlink()
        raise ServerError("could not set the initial password: " + result.stderr.strip()[-500:])


def admin_import(home: Path, node_files: list[Path], rel_files: list[Path], *, array_delimiter: str) -> None:
    """`neo4j-admin database import full` into the (stopped) server's default database, which
    it replaces; CSV files with their header on the first line (graph/bulk.py writes them).
    The importer's report goes to the home's logs, not to the folder the user runs from."""
    if status(home).running:
        raise ServerError("the server is running; neo4j-admin import needs it stopped")
    result = subprocess.run(
        [_java(), *JVM_MODULES, "-cp", _classpath(), ADMIN_TOOL, "database", "import", "full", "neo4j",
         "--overwrite-destination=true", "--id-type=string", "--multiline-fields=true",
         f"--array-delimiter={array_delimiter}", "--skip-bad-relationships=false", "--skip-duplicate-nodes=false",
         f"--report-file={home / 'logs' / 'import.report'}",
         *(f"--nodes={p}" for p in node_files), *(f"--relationships={p}" for p in rel_files)],
        env=_env(home), capture_output=True, text=True)
    if result.returncode != 0:
        # What a failed import leaves the server cannot open ("likely in an unusable state", the
        # importer says): without it the server makes the default database again, empty.
        for folder in ("databases", "transactions"):
            shutil.rmtree(home / "data" / folder / "neo4j", ignore_errors=True)
        raise ServerError("neo4j-admin database import failed, and what it left was removed: the "
                          "database is empty. " + (result.stderr or result.stdout).strip()[-1500:])


def log_tail(home: Path, lines: int = 25) -> str:
    parts = []
    for name in ("neo4j.log", "console.log"):
        p = home / "logs" / name
        if p.exists():
            text = p.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- {p} ---\n" + "\n".join(text))
    return "\n".join(parts) or f"(no logs in {home / 'logs'})"


def start(home: Path, bolt_port: int | None = None, http_port: int | None = None,
          heap: str | None = None, pagecache: str | None = None, transaction_memory: str | None = None,
          transaction_timeout: str | None = None) -> Status:
    """Start the server of `home` and wait until Bolt answers; harmless if running."""
    home.mkdir(parents=True, exist_ok=True)
    current = status(home)
    if current.running:
        return current
    if current.stale_pid:
        _pid_file(home).unlink()
    old = ServerSettings.read(home)
    settings = ServerSettings(bolt_port or old.bolt_port, http_port or old.http_port,
                              heap or old.heap, pagecache or old.pagecache,
                              transaction_memory or old.transaction_memory,
                              transaction_timeout or old.transaction_timeout)
    for name, size in (("--heap", settings.heap), ("--pagecache", settings.pagecache),
                       ("--transaction-memory", settings.transaction_memory)):
        if size is not None and not MEMORY_SIZE.match(size):
            raise ServerError(f"{name} {size!r} is not a memory size; write e.g. 512m or 2g")
    if not DURATION.match(settings.transaction_timeout):
        raise ServerError(f"--transaction-timeout {settings.transaction_timeout!r} is not a duration; "
                          "write e.g. 90s, 2m or 1h")
    for port in (settings.bolt_port, settings.http_port):
        if not _port_free(port):
            raise ServerError(f"port {port} on 127.0.0.1 is taken by another program: "
                              "choose others with --bolt-port / --http-port")
    settings.write(home)
    _write_conf(home, settings)
    (home / "logs").mkdir(exist_ok=True)
    _ensure_password(home)
    log = home / "logs" / "neo4j.log"
    log_offset = log.stat().st_size if log.exists() else 0
    console = open(home / "logs" / "console.log", "ab")
    proc = subprocess.Popen(
        [_java(), f"-Xms{settings.heap}", f"-Xmx{settings.heap}", *JVM_SERVER, "-cp", _classpath(), ENTRY_POINT,
         f"--home-dir={home}", f"--config-dir={home / 'conf'}"],
        env=_env(home), stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True)
    console.close()
    _pid_file(home).write_text(f"{proc.pid}\n")
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _pid_file(home).unlink(missing_ok=True)
            raise ServerError(f"Neo4j exited with status {proc.returncode} while starting; "
                              f"its last log lines:\n{log_tail(home)}")
        if _bolt_answers(settings.bolt_port) and _logged_since(log, log_offset, "Started."):
            return status(home)
        time.sleep(0.5)
    stop(home)
    raise ServerError(f"Neo4j did not answer on Bolt within {START_TIMEOUT:.0f}s; "
                      f"its last log lines:\n{log_tail(home)}")


def _logged_since(log: Path, offset: int, marker: str) -> bool:
    if not log.exists():
        return False
    with open(log, "rb") as f:
        f.seek(offset)
        return marker.encode() in f.read()


def stop(home: Path) -> bool:
    """Stop gracefully (SIGTERM runs Neo4j's shutdown); True if one was running."""
    st = status(home)
    if not st.running:
        if st.stale_pid:
            _pid_file(home).unlink()
        return False
    os.kill(st.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline and _is_our_server(st.pid):
        _reap(st.pid)
        time.sleep(0.2)
    if _is_our_server(st.pid):
        os.kill(st.pid, signal.SIGKILL)
        _reap(st.pid)
    _pid_file(home).unlink(missing_ok=True)
    return True


def _reap(pid: int) -> None:
    """Collect the exit status if the server is our child (tests start it in-process)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
