"""What validation remembers across a dataset's rows, kept on disk so that a million
people take the memory a thousand do (issue 12).

Every reference must be judged against every id the dataset defines, and every fact against
every other, so validation cannot forget what it has read. Held in memory, even packed into
sorted arrays (about 25 bytes an id, 16 a fact), that grew with the dataset: validation
peaked at 289 MB at a million people and 90 MB at 100,000 (bench/RESULTS.md). Here it goes into a private SQLite database with a page cache of a few
megabytes (`CACHE_KB`), and only the latest ids stay in a dict, where most references find
them (a fact names the person a few rows above it).

The database has no name: SQLite opens a temporary file for it (in $TMPDIR, else /var/tmp) and
unlinks it at once, so nothing else can open it and the system frees it however the load ends. It holds ids, labels and line numbers only, on the
machine that holds the dataset (docs/decisions.md).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Iterator

from ingest.readers import Row

CACHE_KB = 8_192  # SQLite's page cache: what the database may hold in memory
FOLD = 65_536  # ids kept in a dict, and facts waiting, before they go to the database
LOOKUP = 10_000  # ids looked up in one statement


def _scratch(schema: str) -> sqlite3.Connection:
    """A private database in a temporary file (SQLite's empty file name), its memory bounded
    by the page cache; it needs no journal or sync: nothing survives the process anyway."""
    db = sqlite3.connect("")
    for pragma in (f"cache_size = -{CACHE_KB}", "journal_mode = OFF", "synchronous = OFF", "temp_store = FILE"):
        db.execute(f"PRAGMA {pragma}")
    db.execute(schema)
    return db


class DefinedIds:
    """The ids a dataset defines, each with its label and where it was first defined packed in
    one integer (line and place). The latest FOLD ids are in a dict; then they move into the
    database in one sorted insert. Ids found there lately are kept in a dict too (the units and
    sources a dataset's facts name over and over)."""

    IN_GRAPH = 1 << 62  # beside line and place: the graph held the id before this load

    def __init__(self):
        self._recent: dict[str, int] = {}
        self._found: dict[str, int] = {}  # ids found in the database lately
        self._db: sqlite3.Connection | None = None  # opened at the first fold: most datasets need none
        self._count = 0
        self._places: list[tuple[str, str]] = []  # (file, label)
        self._place_index: dict[tuple[str, str], int] = {}
        self.asked_graph = False  # whether validation asked the graph about the ids (mark_in_graph)

    def define(self, node_id: str, label: str, row: Row) -> tuple[str, int] | None:
        """Record node_id; if it was defined before, return (file, line) of that first time."""
        if (at := self._at(node_id)) is not None:
            return self._places[at & 0xFFFF][0], (at & ~self.IN_GRAPH) >> 16
        place = self._place_index.setdefault((row.file, label), len(self._places))
        if place == len(self._places):
            self._places.append((row.file, label))
        self._recent[node_id] = row.line << 16 | place
        self._count += 1
        if len(self._recent) >= FOLD:
            self._fold()
        return None

    def recent_label(self, node_id: str) -> str | None:
        """The label of an id defined or found lately (dict look-ups, not the database)."""
        at = self._recent.get(node_id, self._found.get(node_id))
        return None if at is None else self._places[at & 0xFFFF][1]

    def labels(self, node_ids: list[str]) -> list[str | None]:
        """The labels of many ids at once, None for those not defined: the database is asked
        once for all of them, and what it gives is kept a while."""
        if len(self._found) > FOLD:
            self._found = {}
        at = self._where(node_ids, self._found)
        return [None if a is None else self._places[a & 0xFFFF][1] for a in at]

    def __contains__(self, node_id: str) -> bool:
        return self._at(node_id) is not None

    def __len__(self) -> int:
        return self._count

    def _at(self, node_id: str) -> int | None:
        """Where node_id was defined (None if not), from the dict, then the database."""
        if (at := self._recent.get(node_id)) is not None or self._db is None:
            return at
        row = self._db.execute("SELECT at FROM ids WHERE id = ?", (node_id,)).fetchone()
        return None if row is None else row[0]

    def _where(self, node_ids: list[str], found: dict[str, int] | None = None) -> list[int | None]:
        """Where each id was defined (None if not): from the dicts (and `found`, which keeps
        what the database gives), then the database, asked once for all the others."""
        found = {} if found is None else found
        at = [self._recent.get(i, found.get(i)) for i in node_ids]
        missing = [i for i, a in zip(node_ids, at) if a is None]
        if not missing or self._db is None:
            return at
        stored: dict[str, int] = {}
        for k in range(0, len(missing), LOOKUP):
            stored.update(self._db.execute("SELECT id, at FROM ids WHERE id IN (SELECT value FROM json_each(?))",
                                           (json.dumps(missing[k:k + LOOKUP]),)))
        found.update(stored)
        return [stored.get(i) if a is None else a for i, a in zip(node_ids, at)]

    def mark_in_graph(self, node_ids: list[str]) -> None:
        """Record that the graph held these ids before this load (validation asks it of every
        id the dataset defines): the load looks up in the graph only what it cannot know is new."""
        self._found = {}  # copies of what is marked now
        elsewhere = []
        for node_id in node_ids:
            if node_id in self._recent:
                self._recent[node_id] |= self.IN_GRAPH
            else:
                elsewhere.append(node_id)
        if elsewhere and self._db is not None:
            with self._db:
                self._db.execute("UPDATE ids SET at = at | ? WHERE id IN (SELECT value FROM json_each(?))",
                                 (self.IN_GRAPH, json.dumps(elsewhere)))

    def new_to_graph(self, node_ids: list[str]) -> list[bool]:
        """Whether each id is one this dataset defines that the graph did not hold before this
        load; all False unless validation asked the graph (`asked_graph`)."""
        if not self.asked_graph:
            return [False] * len(node_ids)
        return [a is not None and not a & self.IN_GRAPH for a in self._where(node_ids)]

    def _fold(self) -> None:
        """Move the recent ids into the database, in order (a sorted insert touches each page once)."""
        if self._db is None:
            self._db = _scratch("CREATE TABLE ids (id TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID")
        with self._db:
            self._db.executemany("INSERT INTO ids VALUES (?, ?)", sorted(self._recent.items()))
        self._recent = {}


class FactRows:
    """Each fact's id and where it was given, to name a fact given twice: its id (16 hex
    digits of a hash) as a 64-bit integer and its place (line and file) in another."""

    def __init__(self):
        self._db = _scratch("CREATE TABLE facts (key INTEGER NOT NULL, at INTEGER NOT NULL)")
        self._waiting: list[tuple[int, int]] = []
        self._files: dict[str, int] = {}

    def add(self, fact_id: str, file: str, line: int) -> None:
        key = int(fact_id[4:], 16) - (1 << 63)  # "rel:" and 64 bits, as SQLite's signed integer
        self._waiting.append((key, line << 16 | self._files.setdefault(file, len(self._files))))
        if len(self._waiting) >= FOLD:
            self._flush()

    def _flush(self) -> None:
        with self._db:
            self._db.executemany("INSERT INTO facts VALUES (?, ?)", self._waiting)
        self._waiting = []

    def repeats(self) -> Iterator[tuple[str, int, int]]:
        """(file, line, first line) of each row that gives a fact a row before it gave, naming
        the first row that gave it (fact by fact: the caller puts problems in line order)."""
        self._flush()
        files = list(self._files)
        first: dict[int, int] = {}
        for key, at in self._db.execute(
                "SELECT key, at FROM facts WHERE key IN (SELECT key FROM facts GROUP BY key HAVING count(*) > 1) "
                "ORDER BY key, rowid"):
            if key in first:
                yield files[at & 0xFFFF], at >> 16, first[key] >> 16
            else:
                first = {key: at}
