"""Export to our own dataset format (`chainwatch export DIR --format csv`): a
folder of CSV files and dataset.yaml that `chainwatch ingest` loads again to the
same graph, and that a spreadsheet program opens without running anything.

The columns are the vocabulary's, so the files are what a researcher would
have typed; every cell is neutralised against formulas (graph/cells.py).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

from graph.cells import list_cell, neutralise
from graph.db import Graph
from graph.redaction import Redactor
from graph.values import cell_text, plain
from graph.vocabulary import load as load_vocabulary

WHOLE_GRAPH = "graph-export"  # the dataset name when no --dataset is given


def _write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180: a CR inside a value is quoted
    writer.writerow(columns)
    for r in rows:
        writer.writerow([neutralise(_cell(r.get(c))) for c in columns])
    path.write_text(buf.getvalue(), encoding="utf-8")


def _cell(value) -> str:
    """A value as the dataset reader reads it back: a list with a `;` inside a value escaped."""
    value = plain(value)
    return list_cell(value) if isinstance(value, list) else cell_text(value)


def write(graph: Graph, folder: Path, *, dataset: str | None = None, redact: bool = False) -> dict[str, int]:
    vocab = load_vocabulary()
    found = graph.read("export/dataset", dataset=dataset)[0]
    redactor = Redactor.for_graph(graph) if redact else Redactor.none()
    nodes, relations = redactor(plain(found["nodes"])), redactor(plain(found["relations"]))
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for label in vocab.labels.values():
        rows = sorted(({**n["properties"], "id": n["id"]} for n in nodes if n["label"] == label.name),
                      key=lambda r: r["id"])
        if rows:
            _write_csv(folder / f"{label.file}.csv", list(label.columns), rows)
            counts[label.file] = len(rows)
    facts = sorted(({**r["properties"], "subject": r["subject"], "relation": r["relation"],
                     "object": r["object"]} for r in relations),
                   key=lambda r: (r["subject"], r["relation"], r["object"], r.get("id") or ""))
    if facts:
        _write_csv(folder / f"{vocab.relation_file}.csv", list(vocab.relation_columns), facts)
        counts[vocab.relation_file] = len(facts)
    metadata = {k: v for k, v in (found["metadata"] or {}).items() if isinstance(v, str)}
    metadata["name"] = dataset or WHOLE_GRAPH
    (folder / "dataset.yaml").write_text(yaml.safe_dump(redactor(metadata), allow_unicode=True, sort_keys=True),
                                         encoding="utf-8")
    return counts
