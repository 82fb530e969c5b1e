"""The bulk path (`chainwatch ingest --bulk`): a dataset into an empty database through
neo4j-admin database import.

Into an empty graph every record and fact has one claim, so what a load would write is
known without asking the server: the claims, the values derived from them (the one
claim's, as `claims/create_records` and `claims/create_facts` give a record the graph
did not hold), the MENTIONS links, the Dataset and its run. This module writes those as
dump lines (graph/dump.py's form) straight into the importer's files while the validated rows
are read back, holding none of them (graph/bulk.py), and the importer replaces the stopped
local server's database. The incremental path and this one give the
same dump for the same dataset (tests/test_bulk.py): the shortcut is held to the policy.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import neo4j.time

from graph import bulk as importer
from graph.config import connection
from graph.db import Graph
from graph.vocabulary import load as load_vocabulary
from ingest import formats
from ingest.load import LoadReport, dataset_metadata, fingerprint, run_record, validated
from ingest.spool import Spool
from ingest.validate import Dataset


def ingest_bulk(home: Path, path: Path | str, *, fmt: str = "native",
                steps: importer.Steps | None = None) -> LoadReport:
    """Load one dataset into the empty database of the local server in `home`; the report's
    `seconds` says how long each step took."""
    steps = steps or importer.Steps()
    steps.next("validating the dataset")
    raw = formats.reader(fmt)(Path(path), load_vocabulary())
    importer.refuse_unless_empty(home, "ingest --bulk loads into an empty database only; "
                                       "load without --bulk to add a dataset to a graph")
    with importer.work_folder(home) as work:
        with Graph(connection(home)) as graph, validated(graph, raw) as (ds, spool, _), \
                importer.ImportFiles(work) as files:
            steps.next("writing the importer's files")
            run = run_record(raw, "update", fingerprint(raw, fmt))
            write_lines(ds, spool, run, dataset_metadata(raw), files)
        importer.replace_database(home, files, steps)
    report = LoadReport(ds.name, spool.counts["nodes"], spool.counts["relations"], False,
                        skipped=ds.skipped, run_id=run["id"], seconds=steps.seconds)
    report.counters.update(_counts(spool))
    return report


def _counts(spool: Spool) -> dict[str, int]:
    """What a load of these rows into an empty graph creates: every record, fact and claim."""
    nodes, relations = spool.counts["nodes"], spool.counts["relations"]
    return {"nodes_created": nodes, "relationships_created": relations, "claims_written": nodes + relations}


def _tagged(value: Any) -> Any:
    """A value as graph/dump.py writes what the server gives back for it."""
    if isinstance(value, list):
        return [_tagged(v) for v in value]
    if isinstance(value, dt.datetime):
        return {"$datetime": neo4j.time.DateTime.from_native(value).iso_format()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    return value


def _given(props: dict) -> dict:
    """The values a claim gives (`SET c += row.props` leaves out nulls)."""
    return {k: _tagged(v) for k, v in props.items() if v is not None}


def _unique(items) -> list:
    return list(dict.fromkeys(items))


def _node(key_label: str, key: str, labels: list[str], properties: dict) -> dict:
    return {"key": [key_label, key], "labels": sorted(labels), "properties": properties}


def _link(start: str, rel_type: str, end: str, properties: dict) -> dict:
    return {"start": ["Entity", start], "type": rel_type, "end": ["Entity", end], "properties": properties}


def write_lines(ds: Dataset, spool: Spool, run: dict, metadata: dict, out: importer.ImportFiles) -> None:
    """The dump of an empty graph after loading this dataset alone, line by line into `out`."""
    name, now = ds.name, _tagged(run["started"])
    claim = {"dataset": name, "priority": ds.priority, "last_run": run["id"], "first_loaded": now}
    # the record or fact before its claim: a value the importer refuses is named by the id the
    # user wrote, not the claim's
    for row in spool.rows("nodes"):
        given = _given(row["props"])
        record = {**given, "id": row["node"], "sources": _unique(row["sources"]), "datasets": [name]}
        aliases = _unique(a for a in given.get("aliases") or [] if a != given.get("name"))
        record.pop("aliases", None)
        if aliases:
            record["aliases"] = aliases
        if row["name_keys"]:
            record["name_keys"] = row["name_keys"]
        out.node(_node("Entity", row["node"], ["Entity", *row["labels"]], record))
        out.node(_node("Claim", f"{name}|{row['id']}", ["Claim"], {
            **given, **claim, "id": f"{name}|{row['id']}", "target": row["node"], "label": row["label"],
            "sources": row["sources"], **({"name_keys": row["name_keys"]} if row["name_keys"] else {})}))
        for s in record["sources"]:
            out.relationship(_link(s, "MENTIONS", row["node"], {}))
    for row in spool.rows("relations"):
        given = _given(row["props"])
        out.relationship(_link(row["subject_node"], row["type"], row["object_node"], {
            **given, "id": row["id"], "sources": _unique(row["sources"]), "datasets": [name]}))
        out.node(_node("Claim", f"{name}|{row['id']}|{row['type']}", ["Claim"], {
            **given, **claim, "id": f"{name}|{row['id']}|{row['type']}", "target": row["id"],
            "relation": row["type"], "subject": row["subject"], "object": row["object"],
            "sources": row["sources"]}))
    counts = {"nodes": spool.counts["nodes"], "relations": spool.counts["relations"], **_counts(spool)}
    out.node(_node("Dataset", name, ["Dataset"], {**metadata, "name": name}))
    finished = dt.datetime.now(dt.timezone.utc)
    out.node(_node("IngestRun", run["id"], ["IngestRun"], {
        **_given(run), **counts, "dataset": name, "status": "complete", "finished": _tagged(finished)}))
    out.relationship({"start": ["IngestRun", run["id"]], "type": "LOADED", "end": ["Dataset", name],
                      "properties": {}})
