"""A private Neo4j for a benchmark: its own home in a temporary folder, free
loopback ports, the schema applied, stopped and deleted afterwards, also when the bench is
killed (SIGTERM) rather than left running with nobody to stop it.
CHAINWATCH_BENCH_HEAP sets its Java heap (e.g. 2g) and CHAINWATCH_BENCH_PAGECACHE its page
cache (defaults as `server start`)."""

from __future__ import annotations

import os
import signal
import socket
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from graph import schema, server
from graph.config import connection
from graph.db import Graph


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _killed(signum, _frame):
    sys.exit(128 + signum)  # unwinds, so the server is stopped and the folder deleted


@contextmanager
def private_graph() -> Iterator[tuple[Graph, Path]]:
    """Yields the graph and a scratch folder for datasets."""
    previous = signal.signal(signal.SIGTERM, _killed)
    try:
        with _private() as found:
            yield found
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _private() -> Iterator[tuple[Graph, Path]]:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        server.start(home, bolt_port=_port(), http_port=_port(), heap=os.environ.get("CHAINWATCH_BENCH_HEAP"),
                     pagecache=os.environ.get("CHAINWATCH_BENCH_PAGECACHE"))
        try:
            with Graph(connection(home)) as g:
                schema.apply(g)
                yield g, Path(tmp)
        finally:
            server.stop(home)
