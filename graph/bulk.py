"""Restoring a large dump with `neo4j-admin database import` (`chainwatch restore --bulk`).

The importer writes the store files directly, many times faster than transactions, but only
into a stopped server's database, which it replaces whole. So this works on the local server
of a home only: the dump is checked, turned into the importer's CSV files (one file per label
set, or relationship type, and set of typed properties, since the importer types a column once
per file), the server is stopped, the importer run from the jars in `server/lib/`, the server
started again and the schema applied. The dump of the result is byte-identical to the dump
restored (tests/test_bulk.py).
"""

from __future__ import annotations

import csv
import shutil
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph import schema, server
from graph.config import connection
from graph.db import Graph
from graph.dump import DumpError, read
from graph.writes import batched

EMPTIES_BATCH = 5_000  # nodes given back their empty lists per transaction
ARRAY = "\x1f"  # the importer's array delimiter: the ASCII unit separator, never in text we load


def _type(value: Any) -> str:
    """The importer's type for a dumped value (dump.encode's tags for dates and times)."""
    if isinstance(value, list):
        kinds = {_type(v) for v in value}
        if len(kinds) != 1:
            raise DumpError(f"a list of mixed types {sorted(kinds)} cannot be imported; restore without --bulk")
        return kinds.pop() + "[]"
    if isinstance(value, dict):
        return "date" if "$date" in value else "datetime"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ARRAY.join(_cell(v) for v in value)
    if isinstance(value, dict):
        return value.get("$date") or value["$datetime"]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and ARRAY in value:
        raise DumpError("a value holds the ASCII unit separator, which neo4j-admin import would split; "
                        "restore without --bulk")
    return repr(value) if isinstance(value, float) else str(value)


def _signature(properties: dict) -> tuple[tuple[str, str], ...]:
    """The typed columns of a node or relationship (empty lists left out: see `empties`)."""
    return tuple(sorted((k, _type(v)) for k, v in properties.items() if v != []))


@dataclass
class ImportFiles:
    nodes: list[Path]
    relationships: list[Path]
    empties: dict[str, dict[str, list[str]]]  # key label -> key -> properties that are empty lists


def write_import_files(nodes: list[dict], rels: list[dict], folder: Path) -> ImportFiles:
    """The dump as neo4j-admin import CSV files (header on the first line of each); nodes are
    named by their place in the dump. Empty lists, which the importer cannot write, are
    returned apart, to be set afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = {tuple(n["key"]): str(i) for i, n in enumerate(nodes)}
    node_groups: dict[tuple, list] = defaultdict(list)
    empties: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for i, n in enumerate(nodes):
        node_groups[(tuple(n["labels"]), _signature(n["properties"]))].append((i, n))
        if empty := sorted(k for k, v in n["properties"].items() if v == []):
            empties[n["key"][0]][n["key"][1]] = empty
    rel_groups: dict[tuple, list] = defaultdict(list)
    for r in rels:
        start, end = ids.get(tuple(r["start"])), ids.get(tuple(r["end"]))
        if start is None or end is None:
            raise DumpError(f"a {r['type']} from {r['start']} to {r['end']} names a node the dump does not hold")
        if [] in r["properties"].values():
            raise DumpError(f"a {r['type']} relationship has an empty list, which neo4j-admin import cannot "
                            "write; restore without --bulk")
        rel_groups[(r["type"], _signature(r["properties"]))].append((start, end, r))
    node_files, rel_files = [], []
    for k, ((labels, sig), members) in enumerate(sorted(node_groups.items())):
        path = folder / f"nodes-{k}.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow([":ID", ":LABEL", *(f"{name}:{kind}" for name, kind in sig)])
            for i, n in members:
                w.writerow([str(i), ARRAY.join(labels), *(_cell(n["properties"][name]) for name, _ in sig)])
        node_files.append(path)
    for k, ((rtype, sig), members) in enumerate(sorted(rel_groups.items(), key=lambda g: (g[0][0], g[0][1]))):
        path = folder / f"relationships-{k}.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow([":START_ID", ":END_ID", ":TYPE", *(f"{name}:{kind}" for name, kind in sig)])
            for start, end, r in members:
                w.writerow([start, end, rtype, *(_cell(r["properties"][name]) for name, _ in sig)])
        rel_files.append(path)
    return ImportFiles(node_files, rel_files, dict(empties))


def restore(home: Path, folder: Path, *, wipe: bool = False) -> dict[str, int]:
    """Replace the local server's database by the dump in `folder` through neo4j-admin import;
    refuses a database that is not empty unless `wipe` (the import replaces it whole)."""
    nodes, rels = read(folder)  # checked before anything is touched
    return replace_database(home, nodes, rels, wipe=wipe)


def replace_database(home: Path, nodes: list[dict], rels: list[dict], *, wipe: bool = False) -> dict[str, int]:
    """Replace the local server's database by these dump lines (as graph/dump.py reads them):
    `restore --bulk`, and `ingest --bulk` with the lines a load would have written."""
    refuse_unless_empty(home, "restore --bulk replaces it whole. Add --wipe to allow that "
                              "(take a dump of it before)", wipe=wipe)
    work = home / "import" / f"bulk-{time.time_ns()}"
    try:
        files = write_import_files(nodes, rels, work)
        settings = server.status(home).settings
        server.stop(home)
        try:
            server.admin_import(home, files.nodes, files.relationships, array_delimiter=ARRAY)
        finally:  # the server comes back either way, to say what it holds
            server.start(home, settings.bolt_port, settings.http_port)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = [{"label": label, "key": key, "empty": empty}
            for label, by_key in sorted(files.empties.items()) for key, empty in sorted(by_key.items())]
    with Graph(connection(home)) as g:
        schema.apply(g)
        for batch in batched(rows, EMPTIES_BATCH):
            if g.write("dump/set_empty_lists", rows=batch)[0]["fixed"] != len(batch):  # a key label without a branch
                raise DumpError("empty lists could not all be set after the import: "
                                "cypher/dump/set_empty_lists.cypher needs a branch for every key label")
    return {"nodes": len(nodes), "relationships": len(rels)}


def refuse_unless_empty(home: Path, why: str, *, wipe: bool = False) -> None:
    with Graph(connection(home)) as g:
        if not wipe and not g.read("dump/is_empty")[0]["empty"]:
            raise DumpError(f"the database is not empty; {why}")
