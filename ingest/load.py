"""Load a valid dataset into the graph (`chainwatch ingest`).

Order of work, each step idempotent so the same command completes an
interrupted load:
  0. read the files; if the dataset's last load was complete, of the same files by
     the same format and vocabulary (and, with --replace, a replace too), record
     a run that wrote nothing and stop: loading them again would change nothing
     (`force=True` loads anyway);
  1. validate everything, keeping what it makes on disk (ingest/spool.py: memory holds
     a batch, not the dataset; ingest/remembered.py keeps the ids on disk too); any error
     and nothing is written;
  2. record an IngestRun (dataset, file hashes, time);
  3. the dataset's claims on nodes in batches (sources first, so MENTIONS links
     find them), each batch deriving the nodes it touched (graph/claims.py);
  4. claims on relationships the same way, each matching both ends in its own
     transaction;
  5. with --replace, withdraw the claims this run did not write (after the new
     data is in, so an interruption never loses what was there);
  6. close the IngestRun with its counts.

A load that would make public someone only this dataset protected stops
before writing, unless told (`unprotect=True`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from importlib.metadata import version
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from graph import claims, config, names
from graph.db import Graph
from graph.identity import Identity
from graph.vocabulary import VOCABULARY_FILE, load as load_vocabulary
from graph.writes import batched
from ingest import formats
from ingest.problems import DatasetInvalid
from ingest.readers import RawDataset
from ingest.spool import Spool
from ingest.validate import LOOKUP_BATCH, Dataset, Node, Relation, check_raw

# Called as progress(step_name, rows_done_now, rows_total_for_step).
Progress = Callable[[str, int, int], None]


@dataclass
class LoadReport:
    dataset: str
    nodes: int
    relations: int
    dry_run: bool
    counters: Counter = field(default_factory=Counter)
    existing_nodes: int | None = None  # dry run: how many are already in the graph
    existing_relations: int | None = None
    withdrawn: dict = field(default_factory=dict)
    run_id: str | None = None
    skipped: list = field(default_factory=list)  # rows an importer left out (ingest/formats)
    unchanged_since: str | None = None  # the run that loaded these same files: nothing was written
    seconds: dict = field(default_factory=dict)  # ingest --bulk: each step's time (graph/bulk.Steps)
    writer_peak_mb: float | None = None  # ingest --bulk: the most memory its file-writing process held

    def as_dict(self) -> dict:
        return {"dataset": self.dataset, "nodes": self.nodes, "relations": self.relations,
                "dry_run": self.dry_run, "counters": dict(self.counters),
                "existing_nodes": self.existing_nodes,
                "existing_relations": self.existing_relations,
                "withdrawn": self.withdrawn, "run_id": self.run_id, "unchanged_since": self.unchanged_since}


def fingerprint(raw: RawDataset, fmt: str) -> str | None:
    """What a load's result depends on besides the graph: the files (their hashes), the format
    read, the vocabulary and chainwatch's version. None when a reader gave no hashes."""
    if not raw.hashes:
        return None
    told = {"files": raw.hashes, "format": fmt, "chainwatch": version("chainwatch"),
            "vocabulary": hashlib.sha256(VOCABULARY_FILE.read_bytes()).hexdigest()}
    return hashlib.sha256(json.dumps(told, sort_keys=True).encode()).hexdigest()


def loaded_before(graph: Graph, dataset: str, print_: str | None, replace: bool) -> dict | None:
    """The run after which loading these files again would change nothing, if there is one:
    the dataset's latest run, complete, with the same fingerprint, the dataset still in the
    graph, and (for --replace, which also withdraws) a replace itself."""
    last = graph.read("ingest/last_run", dataset=dataset)[0]
    if (print_ and last["id"] and last["present"] and last["status"] == "complete"
            and last["fingerprint"] == print_ and (not replace or last["mode"] == "replace")):
        return last
    return None


def known_ids(graph: Graph, ident: Identity | None = None) -> Callable[[list[str]], dict[str, list[str]]]:
    """Labels of the ids already in the graph; a merged id has its record's."""
    ident = ident or Identity.of(graph)

    def lookup(ids: list[str]) -> dict[str, list[str]]:
        records = {i: ident.canonical(i) for i in ids}
        found = {r["id"]: r["labels"] for r in graph.read("ingest/known_ids", ids=sorted(set(records.values())))}
        return {i: found[r] for i, r in records.items() if r in found}
    return lookup


def write_ready(ident: Identity) -> Callable[[Node | Relation], tuple[str, dict]]:
    """A validated record as the row claims.put writes: a record with the record it is now
    (`node`: another id when a merge took it in), a fact with its ends as the dataset says
    them and the records they are now."""
    vocab = load_vocabulary()

    def row(record: Node | Relation) -> tuple[str, dict]:
        if isinstance(record, Node):
            p = record.props
            return "nodes", {"id": record.id, "node": ident.canonical(record.id), "label": record.label,
                             "labels": vocab.labels[record.label].labels, "props": p, "sources": record.sources,
                             "name_keys": names.keys([p.get("name"), p.get("title"), *(p.get("aliases") or [])]) or None}
        return "relations", {"id": record.id, "type": record.type, "subject": record.subject,
                             "object": record.object, "subject_node": ident.canonical(record.subject),
                             "object_node": ident.canonical(record.object), "props": record.props,
                             "sources": record.sources}
    return row


def ingest(graph: Graph, path: Path | str, *, replace: bool = False, dry_run: bool = False,
           unprotect: bool = False, batch_size: int | None = None, fmt: str = "native",
           progress: Progress | None = None, force: bool = False) -> LoadReport:
    batch_size = batch_size or config.batch_size()  # before anything is written: a bad value stops here
    config.write_sessions()  # the same
    raw = formats.reader(fmt)(Path(path), load_vocabulary())
    print_ = fingerprint(raw, fmt)
    if not (dry_run or force) and raw.name and (last := loaded_before(graph, raw.name, print_, replace)):
        # recorded like any run (dataset-format.md: every run is), as complete and writing nothing;
        # it keeps the mode of the load it matched, so a later --replace may be skipped after it too
        run_id, _ = _begin_run(graph, raw.name, raw, last["mode"], print_, unchanged_since=last["loaded_by"])
        _end_run(graph, run_id, {"nodes": 0, "relations": 0})
        return LoadReport(raw.name, 0, 0, dry_run, skipped=raw.skipped, run_id=run_id,
                          unchanged_since=last["loaded_by"])
    with validated(graph, raw) as (ds, spool, protected):
        nodes, relations = spool.rows("nodes"), spool.rows("relations")
        report = LoadReport(ds.name, len(nodes), len(relations), dry_run, skipped=ds.skipped)
        if dry_run:
            report.existing_nodes, report.existing_relations = _existing(graph, nodes, relations)
            return report

        lifted = claims.protection_lifted(graph, ds.name, named=ds.ids, protected=protected, replace=replace)
        if lifted and not unprotect:
            raise claims.ProtectionLifted(ds.name, lifted)

        report.run_id, now = _begin_run(graph, ds.name, raw, "replace" if replace else "update", print_)
        report.counters += claims.put(graph, nodes, relations, dataset=ds.name, priority=ds.priority,
                                      run=report.run_id, now=now, batch_size=batch_size,
                                      progress=progress, new_to_graph=ds.ids.new_to_graph)
    if replace:
        report.withdrawn = claims.withdraw(graph, ds.name, keep_run=report.run_id,
                                           batch_size=batch_size, progress=progress)
    _end_run(graph, report.run_id, {"nodes": report.nodes, "relations": report.relations,
                                    **{k: report.counters.get(k, 0) for k in
                                       ("nodes_created", "relationships_created", "claims_written")},
                                    **{f"withdrawn_{k}": v for k, v in report.withdrawn.items()}})
    return report


@contextmanager
def validated(graph: Graph, raw: RawDataset, send: Callable[[str, list[dict]], None] | None = None
              ) -> Iterator[tuple[Dataset, Spool, set[str]]]:
    """Check the dataset, its write-ready rows spooled to disk as they are made (ingest/spool.py;
    or handed to `send`), and the ids it marks protected; raises DatasetInvalid, with every
    problem, if any is an error."""
    ident = Identity.of(graph)
    with Spool(write_ready(ident), send) as spool:
        protected: set[str] = set()

        def keep(record: Node | Relation) -> None:
            if isinstance(record, Node) and record.props.get("protected"):
                protected.add(record.id)
            spool.keep(record)

        ds = check_raw(raw, known_ids=known_ids(graph, ident), keep=keep)
        if not ds.ok:
            raise DatasetInvalid(ds.problems)
        spool.finish()
        yield ds, spool, protected


def _existing(graph: Graph, nodes: Iterable[dict], relations: Iterable[dict]) -> tuple[int, int]:
    """For a dry run: how many of the records and facts are in the graph already, asked a
    batch at a time."""
    found = Counter()
    for batch in batched(nodes, LOOKUP_BATCH):
        found["nodes"] += graph.read("ingest/existing", node_ids=[n["node"] for n in batch], relations=[])[0]["nodes"]
    for batch in batched(relations, LOOKUP_BATCH):
        found["relations"] += graph.read("ingest/existing", node_ids=[], relations=[
            {"id": r["id"], "subject": r["subject_node"], "object": r["object_node"]} for r in batch])[0]["relations"]
    return found["nodes"], found["relations"]


def run_record(raw: RawDataset, mode: str, print_: str | None, **more: str) -> dict:
    """The properties an IngestRun begins with: its id, when it began (a claim's first_loaded),
    what it read."""
    return {"id": f"run:{uuid.uuid4()}", "started": dt.datetime.now(dt.timezone.utc), "mode": mode,
            "path": str(raw.path), "files": json.dumps(raw.hashes, sort_keys=True), "fingerprint": print_, **more}


def dataset_metadata(raw: RawDataset) -> dict:
    """What the Dataset node holds besides its name."""
    return {k: v for k, v in raw.metadata.items() if k != "name"}


def _begin_run(graph: Graph, dataset: str, raw: RawDataset, mode: str, print_: str | None,
               **more: str) -> tuple[str, dt.datetime]:
    """Record that a load of `dataset` begins (dataset-format.md: every run is recorded, a
    skipped one too); returns its id and when it began."""
    run = run_record(raw, mode, print_, **more)
    graph.write("ingest/run_begin", dataset=dataset, metadata=dataset_metadata(raw), run=run)
    return run["id"], run["started"]


def _end_run(graph: Graph, run_id: str, counts: dict) -> None:
    graph.write("ingest/run_end", run_id=run_id, finished=dt.datetime.now(dt.timezone.utc).isoformat(),
                counts=counts)
