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

import datetime as dt
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import neo4j.time
import pytz
from neo4j.exceptions import DriverError, Neo4jError

from graph import config, querylib, schema
from graph.db import Graph
from graph.redaction import Redactor
from graph.values import json_lines
from graph.vocabulary import load as load_vocabulary
from graph.writes import batched, statement, write_batches

FORMAT = "chainwatch-dump"
VERSION = 1
NODES, RELATIONSHIPS, MANIFEST = "nodes.jsonl", "relationships.jsonl", "manifest.json"
TAGS = ("$date", "$datetime")  # the types JSON lacks, as encode tags them
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
        return {"$datetime": _moment(value)}
    if isinstance(value, neo4j.time.Date):
        return {"$date": value.iso_format()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    raise DumpError(f"a property of type {type(value).__name__} cannot be dumped yet: {value!r}")


def _moment(value: neo4j.time.DateTime) -> str:
    """A date and time as ISO 8601, with its named time zone after it as Cypher writes one
    (`+05:00[Asia/Almaty]`), so restore gives back a zone and not only its offset. UTC is
    written as an offset: the driver reads an offset of zero and the zone UTC alike (pytz), and
    what chainwatch writes is an offset."""
    zone = getattr(value.tzinfo, "zone", None)
    return value.iso_format() if zone in (None, "UTC") else f"{value.iso_format()}[{zone}]"


def decode(value: Any) -> Any:
    """A dumped value as the driver sends it: an offset stays an offset, a zone a zone."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and (tag := next(iter(value))) in TAGS:
            return _tagged(tag, value[tag])
        raise DumpError(f"unknown tagged value {value!r}")
    return value


@lru_cache(maxsize=1 << 16)  # a load's claims share its time, relations their dates
def _tagged(tag: str, text: str) -> neo4j.time.Date | neo4j.time.DateTime:
    if tag == "$date":
        return neo4j.time.Date.from_iso_format(text)
    text, _, zone = text.partition("[")
    moment = neo4j.time.DateTime.from_iso_format(text)
    if zone:
        return moment.astimezone(pytz.timezone(zone.removesuffix("]")))
    if moment.tzinfo is None:  # a local date and time
        return moment
    return moment.replace(tzinfo=dt.timezone(moment.utcoffset()))


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


# -- reading and checking ---------------------------------------------------------

# A dump that chainwatch wrote passes every check below; one that fails was made, or changed and
# sealed again, by another tool. It is refused before anything is touched, as a dataset is.
NOT_OURS = ("chainwatch never writes this, so the dump was made or changed by another tool: restore "
            "from an intact copy (`chainwatch export DIR --format jsonl` writes one)")
LONG = range(-2 ** 63, 2 ** 63)  # the whole numbers Neo4j stores


def _unstorable(value: Any) -> str | None:
    """Why Neo4j could not store this dumped property value as `restore` would set it, or None."""
    kind = type(value)
    if kind in (str, bool, float):
        return None
    if kind is int:
        return None if value in LONG else f"the number {value} is beyond the 64 bits Neo4j stores"
    if kind is dict:
        if len(value) != 1 or next(iter(value)) not in TAGS or type(next(iter(value.values()))) is not str:
            return f"{_short(value)} is neither a value nor a date or datetime as chainwatch tags them"
        try:
            decode(value)
        except (ValueError, TypeError, AttributeError, IndexError, OverflowError, KeyError):  # KeyError: no such zone
            return f"{_short(value)} is no date or datetime"
        return None
    if kind is list:
        kinds = {type(v) if type(v) is not dict else next(iter(v), None) for v in value}
        if len(kinds) > 1 or kinds & {list, type(None)}:
            return f"the list {_short(value)} mixes kinds of values, or holds lists or nulls, which Neo4j cannot store"
        return next(filter(None, map(_unstorable, value)), None)
    return f"{_short(value)} is no value Neo4j stores"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _token(name: Any) -> bool:
    """A name Neo4j takes for a label, a relationship type or a property key."""
    return type(name) is str and name != "" and "\x00" not in name


def _key(value: Any) -> tuple[str, str] | None:
    return tuple(value) if type(value) is list and len(value) == 2 and all(type(v) is str for v in value) else None


def _properties_problem(props: Any) -> str | None:
    if type(props) is not dict:
        return "its properties are not a JSON object"
    for k, v in props.items():
        if not _token(k):
            return f"the property name {_short(k)} is empty or holds a NUL"
        if type(v) is not str and (why := _unstorable(v)):  # most values are text: no call
            return f"the property '{k}': {why}"
    return None


def _node_problem(node: Any, node_keys: dict[str, str]) -> str | None:
    if type(node) is not dict:
        return "the line is not a JSON object"
    labels, key = node.get("labels"), _key(node.get("key"))
    if type(labels) is not list or not labels or not all(map(_token, labels)):
        return "its labels are not a list of names"
    if problem := _properties_problem(node.get("properties")):
        return problem
    if key is None or key[0] not in labels or key[0] not in node_keys:
        return (f"its key {_short(node.get('key'))} is not [label, value] with one of its labels that "
                f"names a node ({', '.join(node_keys)})")
    if node["properties"].get(node_keys[key[0]]) != key[1]:
        return f"its key {_short(node['key'])} is not its '{node_keys[key[0]]}'"
    return None


def _relationship_problem(rel: Any, nodes: dict[tuple, int]) -> str | None:
    if type(rel) is not dict:
        return "the line is not a JSON object"
    if not _token(rel.get("type")):
        return "its type is not a name"
    if problem := _properties_problem(rel.get("properties")):
        return problem
    for end in ("start", "end"):
        if (key := _key(rel.get(end))) is None:
            return f"its {end} {_short(rel.get(end))} is not [label, value]"
        if key not in nodes:
            return f"its {end} {_short(rel[end])} names a node the dump does not hold"
    return None


def _lines(folder: Path, name: str, manifest: dict) -> list[tuple[int, Any]]:
    """The numbered JSON values of one of the dump's files, once its checksum holds."""
    path = folder / name
    try:
        data = path.read_bytes()
        sealed = manifest["files"][name]["sha256"]
    except OSError as e:
        raise DumpError(f"{path} cannot be read ({e.strerror}): restore from an intact copy") from None
    except (KeyError, TypeError):
        raise DumpError(f"{folder / MANIFEST} gives no checksum of {name}: restore from an intact copy") from None
    if hashlib.sha256(data).hexdigest() != sealed:
        raise DumpError(f"{path} does not match its checksum in {MANIFEST}: the dump was "
                        "changed or cut short; restore from an intact copy")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise DumpError(f"{path}, line {line}: not UTF-8 text; {NOT_OURS}") from None
    parsed = []
    for n, line in json_lines(text):
        try:
            parsed.append((n, json.loads(line)))
        except ValueError as e:
            raise DumpError(f"{path}, line {n}: not JSON ({e}); {NOT_OURS}") from None
    return parsed


def read(folder: Path) -> tuple[list[dict], list[dict]]:
    """The dump's nodes and relationships, every line checked: keys, labels, types, values Neo4j
    stores, no key twice and no relationship to a node the dump lacks. A dump is data from
    outside like a dataset: one that fails is refused whole, before the database is touched."""
    manifest_path = folder / MANIFEST
    if not manifest_path.exists():
        raise DumpError(f"{folder} is not a chainwatch dump: {MANIFEST} is missing "
                        "(write one with `chainwatch export DIR --format jsonl`)")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        raise DumpError(f"{manifest_path}: not JSON ({e}); restore from an intact copy") from None
    if type(manifest) is not dict or manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise DumpError(f"{manifest_path}: not a version {VERSION} chainwatch dump")
    node_keys = load_vocabulary().node_keys
    nodes: dict[tuple, int] = {}
    for n, node in (node_lines := _lines(folder, NODES, manifest)):
        if (problem := _node_problem(node, node_keys)) is None and (key := tuple(node["key"])) in nodes:
            problem = f"its key {_short(node['key'])} is the key of line {nodes[key]} too"
        if problem:
            raise DumpError(f"{folder / NODES}, line {n}: {problem}; {NOT_OURS}")
        nodes[key] = n
    rel_lines = _lines(folder, RELATIONSHIPS, manifest)
    for n, rel in rel_lines:
        if problem := _relationship_problem(rel, nodes):
            raise DumpError(f"{folder / RELATIONSHIPS}, line {n}: {problem}; {NOT_OURS}")
    return [node for _, node in node_lines], [rel for _, rel in rel_lines]


# -- restore --------------------------------------------------------------------

def restore(graph: Graph, folder: Path, *, wipe: bool = False, batch_size: int | None = None,
            progress: Progress | None = None) -> dict[str, int]:
    """Rebuild the dump in folder into the database, which must be empty unless `wipe`."""
    nodes, rels = read(folder)  # checked before anything is touched
    if not graph.read("dump/is_empty")[0]["empty"] and not wipe:
        raise DumpError("the database is not empty; restore writes only into an empty one. "
                        "Add --wipe to delete everything in it first (take a dump of it before)")
    try:
        _rebuild(graph, nodes, rels, batch_size, progress)
    except (Neo4jError, DriverError, OSError) as e:  # the server failed or went away part way
        raise DumpError(f"the restore stopped part way ({type(e).__name__}: {e}), so the database holds "
                        f"part of the dump: run `chainwatch restore {folder} --wipe` to start again") from e
    return {"nodes": len(nodes), "relationships": len(rels)}


def _rebuild(graph: Graph, nodes: list[dict], rels: list[dict], batch_size: int | None,
             progress: Progress | None) -> None:
    """Empty the database, then write the dump's nodes and relationships into it, in batches."""
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
    links = [{"start": element[tuple(r["start"])], "end": element[tuple(r["end"])], "type": r["type"],
              "properties": {k: decode(v) for k, v in r["properties"].items()}} for r in rels]
    write_batches(graph, links, statement("dump/create_relationships"), batch_size=batch_size,
                  on_batch=(lambda n: progress("relationships", n, len(links))) if progress else None)
