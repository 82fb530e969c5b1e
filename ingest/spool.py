"""Hold a validated dataset on disk between validation and writing.

A load checks every row before it writes any (a bad row must leave the graph as it
was), so what validation makes has to wait somewhere until the last row is read.
Kept in memory that was about 12 KB a row (1.2 GB at 100,000 people); here each
batch of write-ready rows is pickled to a temporary file as validation makes it and
read back a batch at a time for writing, so a load holds one batch (and validation's
latest ids: ingest/remembered.py).

The files have no name (`tempfile.TemporaryFile`): nothing else can open them and
the system deletes them when the load ends, however it ends. They hold what the
dataset's own files hold, on the same machine (docs/decisions.md).
"""

from __future__ import annotations

import pickle
import tempfile
from typing import Callable, Iterator

CHUNK = 1_000  # rows pickled together: large enough to pickle fast, small enough to hold


class Spooled:
    """The rows of one kind, in the order they were added: iterated from disk, with a length."""

    def __init__(self, spool: "Spool", kind: str):
        self._spool, self._kind = spool, kind

    def __len__(self) -> int:
        return self._spool.counts[self._kind]

    def __iter__(self) -> Iterator[dict]:
        return self._spool.read(self._kind)


class Spool:
    """Rows added in two kinds (records, then relations), each to its own file."""

    KINDS = ("nodes", "relations")

    def __init__(self, make_row: Callable[[object], tuple[str, dict]],
                 send: Callable[[str, list[dict]], None] | None = None):
        """make_row turns what validation kept into (kind, write-ready row). `send`, when given,
        takes each chunk (kind, rows) instead of the files, as it is made: the bulk path hands
        them to the process that writes the importer's files (ingest/bulk.py)."""
        self._make_row, self._send = make_row, send
        self._files = {} if send else {k: tempfile.TemporaryFile(prefix="chainwatch-load-") for k in self.KINDS}
        self._pending: dict[str, list[dict]] = {k: [] for k in self.KINDS}
        self.counts = {k: 0 for k in self.KINDS}

    def keep(self, record) -> None:
        kind, row = self._make_row(record)
        self._pending[kind].append(row)
        self.counts[kind] += 1
        if len(self._pending[kind]) >= CHUNK:
            self._flush(kind)

    def _flush(self, kind: str) -> None:
        if self._pending[kind]:
            if self._send:
                self._send(kind, self._pending[kind])
            else:
                pickle.dump(self._pending[kind], self._files[kind], protocol=pickle.HIGHEST_PROTOCOL)
            self._pending[kind] = []

    def finish(self) -> None:
        """Hand on the last rows, which wait for a full chunk otherwise."""
        for kind in self.KINDS:
            self._flush(kind)

    def read(self, kind: str) -> Iterator[dict]:
        self._flush(kind)
        f = self._files[kind]
        f.seek(0)
        while True:
            try:
                chunk = pickle.load(f)
            except EOFError:
                return
            yield from chunk

    def rows(self, kind: str) -> Spooled:
        return Spooled(self, kind)

    def close(self) -> None:
        for f in self._files.values():
            f.close()

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
