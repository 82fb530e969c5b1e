"""The dump: everything needed to rebuild the graph, as JSON lines.

`chainwatch export DIR --format jsonl` writes

  nodes.jsonl          one node a line: {"key": [label, value], "labels": [...], "properties": {...}}
  relationships.jsonl  one a line: {"start": [label, value], "type": ..., "end": [label, value],
                       "properties": {...}}
  manifest.json        the format, and each file's line count and SHA-256

Claims are nodes like any other (`Claim` by `id`), so the dump holds each
dataset's word next to the values derived from it; `comparable()` reads a
dump without the run log and load times, for "did this change anything".

Every node is named by its key (the vocabulary's `node_keys`: `Entity` by
`id`, `Dataset` by `name`, `IngestRun` by `id`), never by Neo4j's internal
ids, so a dump can be restored into any server. Lines are sorted and written
with sorted keys and fixed separators, and nothing in it records when it was
made: the dump of a restored graph is byte-identical to the original. Values
Neo4j types and JSON lacks are tagged: {"$date": "2022-01-05"},
{"$datetime": "2022-04-25T10:00:00Z"}.

`chainwatch restore DIR` rebuilds the graph into an empty database (`--wipe`
empties it first), schema included.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Callable

import neo4j.time

from graph import config, querylib, schema
from graph.db import Graph
from graph.redaction import Redactor
from graph.values import json_lines
from graph.vocabulary import load as load_vocabulary
from graph.writes import batched, statement, write_batches

FORMAT = "chainwatch-dump"
VERSION = 1
NODES, RELATIONSHIPS, MANIFEST = "nodes.jsonl", "relationships.jsonl", "manifest.json"
WIPE_BATCH = 10_000

Progress = Callable[[str, int, int], None]


class DumpError(RuntimeError):
    """The dump cannot be written or read as asked; the message says why and what to do."""


# -- values ---------------------------------------------------------------------

def encode(value: Any) -> Any:
    """A property value as JSON, Neo4j's temporal types tagged."""
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, neo4j.time.DateTime):
        return {"$datetime": value.iso_format()}
    if isinstance(value, neo4j.time.Date):
        return {"$date": value.iso_format()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    raise DumpError(f"a property of type {type(value).__name__} cannot be dumped yet: {value!r}")


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if "$date" in value:
            return neo4j.time.Date.from_iso_format(value["$date"])
        if "$datetime" in value:
            return neo4j.time.DateTime.from_iso_format(value["$datetime"])
        raise DumpError(f"unknown tagged value {value!r}")
    return value


def _line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# -- export ---------------------------------------------------------------------

def export(graph: Graph, folder: Path, *, redact: bool = False) -> dict[str, int]:
    """Write the dump of the whole graph into folder; returns the counts. With `redact`, every
    string in it (ids, names, claims, quotes, keys) passes through the Redactor, so the dump of
    a redacted graph can be handed over and restored without a trace of a protected person."""
    keys = load_vocabulary().node_keys
    redactor = Redactor.for_graph(graph) if redact else Redactor.none()
    nodes = []
    for row in map(redactor, graph.read("dump/nodes", node_keys=keys)):
        if row["key_label"] is None:
            raise DumpError(f"a node with labels {row['labels']} has none of the key labels "
                            f"({', '.join(keys)}), so a dump cannot name it; give it one, or delete it "
                            f"(element id {row['key']})")
        nodes.append(_line({"key": [row["key_label"], row["key"]], "labels": sorted(row["labels"]),
                            "properties": {k: encode(v) for k, v in row["properties"].items()}}))
    rels = [_line({"start": [r["start_label"], r["start_key"]], "type": r["type"],
                   "end": [r["end_label"], r["end_key"]],
                   "properties": {k: encode(v) for k, v in r["properties"].items()}})
            for r in map(redactor, graph.read("dump/relationships", node_keys=keys))]
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"format": FORMAT, "version": VERSION, "redacted": redact, "files": {}}
    for name, lines in ((NODES, nodes), (RELATIONSHIPS, rels)):
        data = "".join(line + "\n" for line in sorted(lines)).encode("utf-8")
        (folder / name).write_bytes(data)
        manifest["files"][name] = {"lines": len(lines), "sha256": hashlib.sha256(data).hexdigest()}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return {"nodes": len(nodes), "relationships": len(rels)}


def comparable(folder: Path) -> tuple[list[dict], list[dict]]:
    """A dump's nodes and relationships without what differs between two loads of the
    same files: the run log (IngestRun, LOADED) and the claims' load times. Two graphs
    holding the same word of the same datasets compare equal."""
    vocab = load_vocabulary()
    nodes = []
    for _, line in json_lines((folder / NODES).read_text(encoding="utf-8")):
        node = json.loads(line)
        if "IngestRun" in node["labels"]:
            continue
        if "Claim" in node["labels"]:
            for k in vocab.claim_load_times:
                node["properties"].pop(k, None)
        nodes.append(node)
    rels = [json.loads(line) for _, line in json_lines((folder / RELATIONSHIPS).read_text(encoding="utf-8"))]
    return nodes, [r for r in rels if r["type"] != "LOADED"]


# -- restore --------------------------------------------------------------------

def read(folder: Path) -> tuple[list[dict], list[dict]]:
    manifest_path = folder / MANIFEST
    if not manifest_path.exists():
        raise DumpError(f"{folder} is not a chainwatch dump: {MANIFEST} is missing "
                        "(write one with `chainwatch export DIR --format jsonl`)")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise DumpError(f"{manifest_path}: not a version {VERSION} chainwatch dump")
    parts = []
    for name in (NODES, RELATIONSHIPS):
        data = (folder / name).read_bytes()
        if hashlib.sha256(data).hexdigest() != manifest["files"][name]["sha256"]:
            raise DumpError(f"{folder / name} does not match its checksum in {MANIFEST}: the dump was "
                            "changed or cut short; restore from an intact copy")
        parts.append([json.loads(line) for _, line in json_lines(data.decode("utf-8"))])
    return parts[0], parts[1]


def restore(graph: Graph, folder: Path, *, wipe: bool = False, batch_size: int | None = None,
            progress: Progress | None = None) -> dict[str, int]:
    """Rebuild the dump in folder into the database, which must be empty unless `wipe`."""
    nodes, rels = read(folder)  # checked before anything is touched
    if not graph.read("dump/is_empty")[0]["empty"]:
        if not wipe:
            raise DumpError("the database is not empty; restore writes only into an empty one. "
                            "Add --wipe to delete everything in it first (take a dump of it before)")
        while graph.write("dump/wipe_batch", limit=WIPE_BATCH)[0]["deleted"]:
            pass
    schema.apply(graph)
    element: dict[tuple, str] = {}
    rows = [{"ref": i, "labels": n["labels"], "properties": {k: decode(v) for k, v in n["properties"].items()}}
            for i, n in enumerate(nodes)]
    with graph.session() as session:
        for batch in batched(rows, batch_size or config.batch_size()):
            created = session.execute_write(
                lambda tx, b=batch: tx.run(querylib.get("dump/create_nodes").text, rows=b).data())
            for c in created:
                element[tuple(nodes[c["ref"]]["key"])] = c["element"]
            if progress:
                progress("nodes", len(batch), len(rows))
    links = []
    for r in rels:
        start, end = element.get(tuple(r["start"])), element.get(tuple(r["end"]))
        if start is None or end is None:
            raise DumpError(f"{RELATIONSHIPS}: a {r['type']} from {r['start']} to {r['end']} names a node "
                            f"the dump does not hold")
        links.append({"start": start, "end": end, "type": r["type"],
                      "properties": {k: decode(v) for k, v in r["properties"].items()}})
    write_batches(graph, links, statement("dump/create_relationships"), batch_size=batch_size,
                  on_batch=(lambda n: progress("relationships", n, len(links))) if progress else None)
    return {"nodes": len(nodes), "relationships": len(rels)}
