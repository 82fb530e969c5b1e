"""The bulk path (`chainwatch ingest --bulk`): a dataset into an empty database through
neo4j-admin database import.

Into an empty graph every record and fact has one claim, so what a load would write is
known without asking the server: the claims, the values derived from them (the one
claim's, as `claims/create_records` and `claims/create_facts` give a record the graph
did not hold), the MENTIONS links, the Dataset and its run. This module writes those as
dump lines (graph/dump.py's form) straight into the importer's files (graph/bulk.py), in a
second process fed the rows as validation makes them, holding none of them, and the importer
replaces the stopped local server's database. The incremental path and this one give the
same dump for the same dataset (tests/test_bulk.py): the shortcut is held to the policy.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import pickle
import resource
import signal
import traceback
from pathlib import Path
from typing import Any

import neo4j.time

from graph import bulk as importer
from graph import claims
from graph.config import connection
from graph.db import Graph
from graph.dump import DumpError
from graph.vocabulary import load as load_vocabulary
from ingest import formats
from ingest.load import LoadReport, dataset_metadata, fingerprint, run_record, validated
from ingest.spool import Spool


def ingest_bulk(home: Path, path: Path | str, *, fmt: str = "native",
                steps: importer.Steps | None = None) -> LoadReport:
    """Load one dataset into the empty database of the local server in `home`; the report's
    `seconds` says how long each step took."""
    steps = steps or importer.Steps()
    steps.next("validating the dataset and writing the importer's files")
    raw = formats.reader(fmt)(Path(path), load_vocabulary())
    importer.refuse_unless_empty(home, "ingest --bulk loads into an empty database only; "
                                       "load without --bulk to add a dataset to a graph")
    run = run_record(raw, "update", fingerprint(raw, fmt))
    with importer.work_folder(home) as work:
        with Graph(connection(home)) as graph, \
                _Writer(work / "rows", raw.name, raw.priority, run) as writer, \
                validated(graph, raw, send=writer.send) as (ds, spool, _):
            steps.next("writing the rest of the importer's files")
            rows = writer.finish()
            with importer.ImportFiles(work / "run") as run_files:
                _run_lines(ds.name, _counts(spool), run, dataset_metadata(raw), run_files)
        importer.replace_database(home, [rows, run_files], steps)
    report = LoadReport(ds.name, spool.counts["nodes"], spool.counts["relations"], False,
                        skipped=ds.skipped, run_id=run["id"], seconds=steps.seconds,
                        writer_peak_mb=writer.peak_mb)
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
    """The values as the server keeps them (`SET c += row.props` leaves out nulls)."""
    return {k: v if type(v) is str else _tagged(v) for k, v in props.items() if v is not None}


def _node(key_label: str, key: str, labels: list[str], properties: dict) -> dict:
    return {"key": [key_label, key], "labels": sorted(labels), "properties": properties}


def _link(start: str, rel_type: str, end: str, properties: dict) -> dict:
    return {"start": ["Entity", start], "type": rel_type, "end": ["Entity", end], "properties": properties}


class _Lines:
    """The dump of an empty graph after loading this dataset alone (graph/dump.py's lines), a
    record or a fact at a time."""

    def __init__(self, name: str, priority: int, run: dict, out: importer.ImportFiles):
        self.name, self.out = name, out
        self.claim = {"dataset": name, "priority": priority, "last_run": run["id"],
                      "first_loaded": _tagged(run["started"])}

    def record(self, row: dict) -> None:
        # the record before its claim: a value the importer refuses is named by the id the user
        # wrote, not the claim's. The values are those a load gives (graph/claims.py).
        name, out = self.name, self.out
        record = _given(claims.sole_record(row, name)) | {"id": row["node"]}
        out.node(_node("Entity", row["node"], ["Entity", *row["labels"]], record))
        out.node(_node("Claim", f"{name}|{row['id']}", ["Claim"],
                       _given(claims.record_said(row, name)) | self.claim))
        for s in record["sources"]:
            out.relationship(_link(s, "MENTIONS", row["node"], {}))

    def fact(self, row: dict) -> None:
        name, out = self.name, self.out
        out.relationship(_link(row["subject_node"], row["type"], row["object_node"],
                               _given(claims.sole_fact(row, name)) | {"id": row["id"]}))
        out.node(_node("Claim", f"{name}|{row['id']}|{row['type']}", ["Claim"],
                       _given(claims.fact_said(row, name)) | self.claim))


def _run_lines(name: str, counts: dict, run: dict, metadata: dict, out: importer.ImportFiles) -> None:
    """The Dataset and the run that loaded it, complete."""
    out.node(_node("Dataset", name, ["Dataset"], {**metadata, "name": name}))
    finished = dt.datetime.now(dt.timezone.utc)
    out.node(_node("IngestRun", run["id"], ["IngestRun"], {
        **_given(run), **counts, "dataset": name, "status": "complete", "finished": _tagged(finished)}))
    out.relationship({"start": ["IngestRun", run["id"]], "type": "LOADED", "end": ["Dataset", name],
                      "properties": {}})


class _Writer:
    """The importer's files written by a second process while this one validates: validation
    and the files each take one of the machine's cores, instead of one after the other. The
    rows come as the spool's chunks (ingest/spool.py); a failed validation stops the process
    and the work folder, files and all, goes."""

    def __init__(self, folder: Path, name: str, priority: int, run: dict):
        context = multiprocessing.get_context("spawn")  # nothing of this process's connections
        self.peak_mb: float | None = None  # the most memory the process held, once finished
        self._conn, theirs = context.Pipe()
        self._process = context.Process(target=_write_rows, args=(theirs, folder, name, priority, run),
                                        name="chainwatch-import-files", daemon=True)
        self._process.start()
        theirs.close()

    def send(self, kind: str, rows: list[dict]) -> None:
        try:
            self._conn.send_bytes(pickle.dumps((kind, rows), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            raise self._stopped() from None

    def finish(self) -> importer.ImportFiles:
        """The files, once the process has written the last rows (`peak_mb` then says the most
        memory it held); raises what stopped it."""
        try:
            self._conn.send_bytes(b"")  # no more rows
            outcome = self._conn.recv()
        except (OSError, EOFError):
            raise self._stopped() from None
        self._process.join()
        if isinstance(outcome, BaseException):
            raise outcome
        files, self.peak_mb = outcome
        return files

    def _stopped(self) -> RuntimeError:
        self._process.join(timeout=10)
        return RuntimeError(f"the process writing the importer's files stopped (exit code "
                            f"{self._process.exitcode}); nothing was imported: run the command again")

    def __enter__(self) -> "_Writer":
        return self

    def __exit__(self, *exc) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._conn.close()


def _write_rows(conn, folder: Path, name: str, priority: int, run: dict) -> None:
    """The writer process: chunks of rows into the importer's files until an empty message, then
    the files back, or the error that stopped them (the rest is read and let go, so the
    validating process never waits on a full pipe)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the validating process's to handle: it stops this one
    failed = None
    with importer.ImportFiles(folder) as files:
        lines = _Lines(name, priority, run, files)
        while chunk := conn.recv_bytes():
            if failed:
                continue
            kind, rows = pickle.loads(chunk)
            write = lines.record if kind == "nodes" else lines.fact
            try:
                for row in rows:
                    write(row)
            except DumpError as e:
                failed = e
            except Exception:  # a fault of ours: its traceback, for the report
                failed = RuntimeError(traceback.format_exc())
    conn.send(failed or (files, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    conn.close()
