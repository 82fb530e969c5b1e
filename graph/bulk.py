"""Restoring a large dump with `neo4j-admin database import` (`chainwatch restore --bulk`).

The importer writes the store files directly, many times faster than transactions, but only
into a stopped server's database, which it replaces whole. So this works on the local server
of a home only: the dump is checked, turned into the importer's CSV files (ImportFiles), the
server is stopped, the importer run from the jars in `server/lib/`, the server
started again and the schema applied. The dump of the result is byte-identical to the dump
restored (tests/test_bulk.py).
"""

from __future__ import annotations

import csv
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from graph import schema, server
from graph.config import connection
from graph.db import Graph
from graph.dump import DumpError, decode, read

EMPTIES_BATCH = 10_000  # nodes given back their empty lists per transaction
ARRAY = "\x1f"  # the importer's array delimiter: the ASCII unit separator, never in text we load


def _typed(value: Any) -> tuple[str, str]:
    """The importer's type and cell for a dumped value (dump.encode tags dates and times)."""
    kind = type(value)
    if kind is str:
        if ARRAY in value:
            raise DumpError("it holds the ASCII unit separator, which neo4j-admin import would split")
        return "string", value
    if kind is list:
        if all(type(v) is str and ARRAY not in v for v in value):  # most lists: text, no call an item
            return "string[]", ARRAY.join(value)
        items = [_typed(v) for v in value]
        kinds = {k for k, _ in items}
        if len(kinds) != 1:
            raise DumpError(f"a list of mixed types {sorted(kinds)} cannot be imported")
        return kinds.pop() + "[]", ARRAY.join(c for _, c in items)
    if kind is bool:
        return "boolean", "true" if value else "false"
    if kind is int:
        return "long", str(value)
    if kind is float:
        return "double", repr(value)
    if kind is dict:
        if "$date" in value:
            return "date", value["$date"]
        local = decode(value).tzinfo is None  # neither offset nor zone (decoded once per text)
        return ("localdatetime" if local else "datetime"), value["$datetime"]
    return "string", str(value)


def _columns(properties: dict, what: str) -> tuple[tuple[str, ...], list[str]]:
    """The typed header names (`name:string[]`) and the cells of a node or relationship, by
    name; empty lists left out (see ImportFiles). A value the importer would change is refused,
    naming the property and `what` holds it."""
    header, cells = [], []
    for k in sorted(properties):
        v = properties[k]
        if type(v) is str and ARRAY not in v:  # most values: text, no call
            header.append(k + ":string")
            cells.append(v)
            continue
        if v == []:
            continue
        try:
            kind, cell = _typed(v)
        except DumpError as e:
            raise DumpError(f"the '{k}' of {what}: {e}; load or restore it without --bulk") from None
        header.append(f"{k}:{kind}")
        cells.append(cell)
    return tuple(header), cells


def _import_id(key: list[str]) -> str:
    """A node's id in the importer's files: its key label and key (`Claim|synth|person:x`); the
    key label holds no `|`, so no two keys give one id."""
    return f"{key[0]}|{key[1]}"


# The importer cannot write an empty list (an empty cell is no property at all). A node that
# has one is imported with this label and the names of those properties, and
# cypher/dump/set_empty_lists.cypher, which names them too, sets them after the import.
EMPTY_LISTS_LABEL, EMPTY_LISTS_PROPERTY = "BulkEmptyLists", "bulk_empty_lists"


class ImportFiles:
    """neo4j-admin import CSV files written as the dump's lines come, so nothing is held: one
    file per label set (or relationship type) and typed columns, since the importer types a
    column once per file, each with its header on its first line. Use as a context manager."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.nodes: list[Path] = []
        self.relationships: list[Path] = []
        self.counts = {"nodes": 0, "relationships": 0}
        self._open: dict[tuple, tuple[Any, Any]] = {}

    def __enter__(self) -> "ImportFiles":
        return self

    def __exit__(self, *exc) -> None:
        for f, _ in self._open.values():
            f.close()
        self._open.clear()

    def _writer(self, group: tuple, kind: str, header: list[str]):
        if group not in self._open:
            paths = self.nodes if kind == "nodes" else self.relationships
            path = self.folder / f"{kind}-{len(paths)}.csv"
            f = open(path, "w", newline="", encoding="utf-8")
            w = csv.writer(f, lineterminator="\r\n")  # RFC 4180: a CR inside a value is quoted
            w.writerow(header)
            self._open[group] = (f, w)
            paths.append(path)
        return self._open[group][1]

    def node(self, line: dict) -> None:
        """One node as graph/dump.py writes it: {"key", "labels", "properties"}."""
        props, labels = line["properties"], line["labels"]
        if [] in props.values() and (empty := sorted(k for k, v in props.items() if v == [])):
            props, labels = {**props, EMPTY_LISTS_PROPERTY: empty}, [*labels, EMPTY_LISTS_LABEL]
        header, cells = _columns(props, line["key"][1])
        self._writer(("nodes", tuple(labels), header), "nodes", [":ID", ":LABEL", *header]).writerow(
            [_import_id(line["key"]), ARRAY.join(labels), *cells])
        self.counts["nodes"] += 1

    def relationship(self, line: dict) -> None:
        """One relationship as graph/dump.py writes it: {"start", "type", "end", "properties"}."""
        props, rtype = line["properties"], line["type"]
        what = f"the {rtype} from {line['start'][1]} to {line['end'][1]}"
        if [] in props.values():
            raise DumpError(f"{what} has an empty list, which neo4j-admin import cannot write; "
                            "load or restore it without --bulk")
        header, cells = _columns(props, what)
        self._writer(("relationships", rtype, header), "relationships", [":START_ID", ":END_ID", ":TYPE", *header]
                     ).writerow([_import_id(line["start"]), _import_id(line["end"]), rtype, *cells])
        self.counts["relationships"] += 1


def write_import_files(nodes: Iterable[dict], rels: Iterable[dict], folder: Path) -> ImportFiles:
    """Dump lines as the importer's files in `folder`."""
    with ImportFiles(folder) as files:
        for n in nodes:
            files.node(n)
        for r in rels:
            files.relationship(r)
    return files


@contextmanager
def work_folder(home: Path) -> Iterator[Path]:
    """A folder of the home for the importer's files, removed however the import ends."""
    work = home / "import" / f"bulk-{time.time_ns()}"
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


class Steps:
    """The steps of a bulk path: what it is doing now, for a spinner (`show`), and the seconds
    each one took, for the report and the benchmark."""

    def __init__(self, show: Callable[[str], None] | None = None):
        self.seconds: dict[str, float] = {}
        self._show = show
        self._name: str | None = None
        self._since = time.perf_counter()

    def next(self, name: str | None) -> None:
        """End the step under way, if any, and begin `name` (None: the last has ended)."""
        now = time.perf_counter()
        if self._name:
            self.seconds[self._name] = round(now - self._since, 1)
        self._name, self._since = name, now
        if name and self._show:
            self._show(name)


def restore(home: Path, folder: Path, *, wipe: bool = False, steps: Steps | None = None) -> dict[str, int]:
    """Replace the local server's database by the dump in `folder` through neo4j-admin import;
    refuses a database that is not empty unless `wipe` (the import replaces it whole)."""
    steps = steps or Steps()
    steps.next("reading the dump")
    nodes, rels = read(folder)  # checked before anything is touched
    refuse_unless_empty(home, "restore --bulk replaces it whole. Add --wipe to allow that "
                              "(take a dump of it before)", wipe=wipe)
    with work_folder(home) as work:
        steps.next("writing the importer's files")
        return replace_database(home, [write_import_files(nodes, rels, work)], steps)


def replace_database(home: Path, files: list[ImportFiles], steps: Steps) -> dict[str, int]:
    """Replace the local server's database, whatever it holds, by what these importer files
    hold together: `restore --bulk`, and `ingest --bulk` with the lines a load would have
    written. Callers refuse a database that is not empty first (refuse_unless_empty)."""
    settings = server.status(home).settings
    steps.next("stopping the server")
    server.stop(home)
    try:
        steps.next("neo4j-admin import")
        server.admin_import(home, [p for f in files for p in f.nodes],
                            [p for f in files for p in f.relationships], array_delimiter=ARRAY)
    finally:  # the server comes back either way, to say what it holds
        steps.next("starting the server")
        server.start(home, settings.bolt_port, settings.http_port)
    with Graph(connection(home)) as g:
        steps.next("building the indexes")
        schema.apply(g)
        steps.next("setting the empty lists")
        while g.write("dump/set_empty_lists", limit=EMPTIES_BATCH)[0]["fixed"]:
            pass
    steps.next(None)
    return {kind: sum(f.counts[kind] for f in files) for kind in ("nodes", "relationships")}


def refuse_unless_empty(home: Path, why: str, *, wipe: bool = False) -> None:
    with Graph(connection(home)) as g:
        if not wipe and not g.read("dump/is_empty")[0]["empty"]:
            raise DumpError(f"the database is not empty; {why}")
