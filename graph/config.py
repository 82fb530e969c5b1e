"""Where chainwatch keeps its state and which Neo4j it talks to.

The home folder holds the local server (data, logs, config) and its
generated password: `--home`, else `$CHAINWATCH_HOME`, else `.chainwatch/`
in the current directory. `NEO4J_URI` (with `NEO4J_USER`, `NEO4J_PASSWORD`,
`NEO4J_DATABASE`) overrides it and points every command at another server,
a cluster or Aura.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
DEFAULT_HEAP = "512m"
DEFAULT_PAGECACHE = "256m"
DEFAULT_QUERY_TIMEOUT = 30.0  # seconds, for `cypher`, `query` and the explorer console
DEFAULT_TRANSACTION_TIMEOUT = "2m"  # the server's limit for any transaction that names none
DEFAULT_LONG_TIMEOUT = 3600.0  # seconds, for chainwatch's own whole-graph statements
DEFAULT_ROW_CAP = 1000
DEFAULT_BATCH_SIZE = 500  # rows per write transaction in `ingest`
DEFAULT_WRITE_SESSIONS = 2  # transactions `ingest` writes at once (graph/writes.py)


class ConfigError(RuntimeError):
    """Raised when chainwatch cannot tell which server to use or how."""


def resolve_home(home: str | os.PathLike | None = None) -> Path:
    chosen = home or os.environ.get("CHAINWATCH_HOME") or ".chainwatch"
    return Path(chosen).expanduser().resolve()


@dataclass(frozen=True)
class ServerSettings:
    """How the local server of a home is run; saved in HOME/server.json."""

    bolt_port: int = DEFAULT_BOLT_PORT
    http_port: int = DEFAULT_HTTP_PORT
    heap: str = DEFAULT_HEAP
    pagecache: str = DEFAULT_PAGECACHE
    transaction_memory: str | None = None  # all transactions together; None: Neo4j's default (70% of the heap)
    transaction_timeout: str = DEFAULT_TRANSACTION_TIMEOUT

    @staticmethod
    def path(home: Path) -> Path:
        return home / "server.json"

    @classmethod
    def read(cls, home: Path) -> "ServerSettings":
        p = cls.path(home)
        return cls(**json.loads(p.read_text())) if p.exists() else cls()

    def write(self, home: Path) -> None:
        self.path(home).write_text(json.dumps(self.__dict__, indent=2) + "\n")


def password_file(home: Path) -> Path:
    return home / "password"


@dataclass(frozen=True)
class Connection:
    uri: str
    user: str
    password: str
    database: str
    local_home: Path | None  # the home whose server this is, if local


def connection(home: str | os.PathLike | None = None) -> Connection:
    """The server to talk to: NEO4J_URI if set, else the local server of the home."""
    database = os.environ.get("NEO4J_DATABASE", "neo4j")
    if os.environ.get("NEO4J_URI"):
        password = os.environ.get("NEO4J_PASSWORD")
        if not password:
            raise ConfigError("NEO4J_URI is set but NEO4J_PASSWORD is not; set both "
                              "(authentication is always on)")
        return Connection(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                          password, database, None)
    h = resolve_home(home)
    pw = password_file(h)
    if not pw.exists():
        raise ConfigError(f"no local server in {h}: run `chainwatch server start` first, "
                          "or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use another Neo4j")
    port = ServerSettings.read(h).bolt_port
    return Connection(f"bolt://127.0.0.1:{port}", "neo4j", pw.read_text().strip(), database, h)


def query_timeout() -> float:
    return float(os.environ.get("CHAINWATCH_QUERY_TIMEOUT", DEFAULT_QUERY_TIMEOUT))


def long_timeout() -> float:
    """The limit chainwatch's whole-graph statements (`// timeout: long`) set for themselves,
    above the server's default: a conflict scan of a million records must not be cut off."""
    raw = os.environ.get("CHAINWATCH_LONG_TIMEOUT", str(DEFAULT_LONG_TIMEOUT))
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"CHAINWATCH_LONG_TIMEOUT={raw!r} is not a number of seconds; "
                          "set e.g. 7200, or unset it") from None


def network_cap() -> int:
    """How many nodes the explorer's network draws around a centre (150; a fast machine and
    browser draw 500 in a few seconds: bench/explorer_draw.py)."""
    return _count("CHAINWATCH_NETWORK_CAP", 150, "nodes", "set e.g. 300")


def row_cap() -> int:
    return int(os.environ.get("CHAINWATCH_ROW_CAP", DEFAULT_ROW_CAP))


def batch_size() -> int:
    return _count("CHAINWATCH_BATCH_SIZE", DEFAULT_BATCH_SIZE, "rows", "set a whole number such as 500")


def write_sessions() -> int:
    """How many transactions a load writes at once: two keep both of a small machine's cores
    busy, the server on one batch while Python prepares the next (bench/claims_ingest.py);
    1 writes one batch after another."""
    return _count("CHAINWATCH_WRITE_SESSIONS", DEFAULT_WRITE_SESSIONS, "sessions",
                  "set 1 to write one batch at a time, 2 (the default) or more")


def _count(variable: str, default: int, unit: str, advice: str) -> int:
    """A whole number of at least 1 from the environment, or the error that says how to set it."""
    raw = os.environ.get(variable, str(default))
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"{variable}={raw!r} is not a number of {unit}; {advice}, or unset it")
    return int(raw)
