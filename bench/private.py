"""A private Neo4j for a benchmark: its own home in a temporary folder, free
loopback ports, the schema applied, stopped and deleted afterwards.
CHAINWATCH_BENCH_HEAP sets its Java heap (e.g. 2g) and CHAINWATCH_BENCH_PAGECACHE its page
cache (defaults as `server start`)."""

from __future__ import annotations

import os
import socket
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


@contextmanager
def private_graph() -> Iterator[tuple[Graph, Path]]:
    """Yields the graph and a scratch folder for datasets."""
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
