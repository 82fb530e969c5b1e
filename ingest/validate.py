"""Judge a dataset against the vocabulary and turn its rows into typed nodes
and relations, collecting every problem at once (never stopping at the first).

Ids a row refers to must be defined in the dataset or already be in the graph;
`known_ids` asks the graph about the ones the dataset does not define.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import networkx as nx

from graph import dates
from graph.vocabulary import Column, Vocabulary, load
from ingest import formats, types
from ingest.readers import RawDataset
from ingest.problems import Problem
from ingest.readers import RawDataset, Row

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

# Given ids, return {id: [labels]} for those already in the graph.
KnownIds = Callable[[list[str]], dict[str, list[str]]]


@dataclass(slots=True)
class Node:
    id: str
    label: str
    props: dict
    sources: list[str]
    row: Row


@dataclass(slots=True)
class Relation:
    id: str
    type: str
    subject: str
    object: str
    props: dict
    sources: list[str]
    row: Row


@dataclass
class Dataset:
    name: str
    path: Path
    metadata: dict
    nodes: list[Node] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # rows an importer left out

    @property
    def priority(self) -> int:
        """dataset.yaml's `priority` (checked to be a whole number): higher gives names first."""
        return int(self.metadata.get("priority") or 0)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def ok(self) -> bool:
        return not self.errors


def relation_id(subject: str, rel_type: str, obj: str, role: str, start: str, end: str) -> str:
    """A stable id for one fact: re-loading updates it; the same two nodes
    linked again with other dates or another role is another fact."""
    key = "\x1f".join([subject, rel_type, obj, role, start, end])
    return "rel:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class _Checker:
    def __init__(self, raw: RawDataset, vocab: Vocabulary):
        self.raw = raw
        self.vocab = vocab
        self.problems: list[Problem] = list(raw.problems)

    def problem(self, row: Row, name: str | None, message: str, warning: bool = False) -> None:
        line, col = row.where(name) if name else (row.line, None)
        self.problems.append(Problem(row.file, line, col, name, message, warning))

    def value(self, row: Row, col: Column):
        """The cell's value cleaned by its column's type (ingest/types.py), or None after a problem."""
        if not row.text(col.name):
            if col.required and (col.name in row.cells or not row.file.endswith(".csv")):
                self.problem(row, col.name, f"'{col.name}' is required and empty; fill it in")
            return types.empty(col)
        try:
            return types.clean(row.cells[col.name].value, col, self.vocab)
        except types.Invalid as e:
            self.problem(row, col.name, str(e))
            return None

    def values(self, row: Row, columns: dict[str, Column]) -> dict:
        return {name: self.value(row, col) for name, col in columns.items()}


def validate(path: Path | str, known_ids: KnownIds | None = None,
             vocab: Vocabulary | None = None, fmt: str = "native") -> Dataset:
    """Read (with the reader of format `fmt`) and check a dataset; `known_ids` (when given)
    consults the graph."""
    vocab = vocab or load()
    return check_raw(formats.reader(fmt)(Path(path), vocab), known_ids, vocab)


def check_raw(raw: RawDataset, known_ids: KnownIds | None = None, vocab: Vocabulary | None = None) -> Dataset:
    """Check a dataset already read (ingest reads first, to skip files loaded before unchanged)."""
    vocab = vocab or load()
    check = _Checker(raw, vocab)
    ds = Dataset(name=raw.metadata.get("name", "").strip(), path=raw.path,
                 metadata=raw.metadata, hashes=raw.hashes, skipped=raw.skipped)
    _check_metadata(check, raw, ds)
    default_conf = raw.metadata.get("default_confidence") or "medium"
    if default_conf not in vocab.lists["confidence"]:
        default_conf = "medium"

    # Sources first, so a load's batches always find the sources they link to.
    order = {stem: i for i, stem in enumerate(vocab.files)}
    raw.rows.sort(key=lambda r: order[r.kind])
    defined: dict[str, tuple[str, Row]] = {}
    for row in raw.rows:
        if row.kind == vocab.relation_file:
            continue
        label = vocab.label_for_file(row.kind)
        v = check.values(row, label.columns)
        node_id = v.pop("id")
        if node_id is None:
            continue
        if node_id in defined:
            first = defined[node_id][1]
            check.problem(row, "id", f"id '{node_id}' is already defined in {first.file} line "
                          f"{first.line}; ids are unique across the whole dataset")
            continue
        defined[node_id] = (label.name, row)
        sources = v.pop("sources", None) or []
        if label.name == "Event":
            _event_dates(check, row, v)
            if not v.get("confidence"):
                v["confidence"] = default_conf
        if label.name == "Person" and v.get("protected") and not v.get("pseudonym"):
            check.problem(row, "pseudonym", "this person is protected but has no pseudonym; "
                          "public outputs will call them by an automatic one until you add it",
                          warning=True)
        ds.nodes.append(Node(node_id, label.name, v, sources, row))

    seen_relations: dict[str, Row] = {}
    for row in raw.rows:
        if row.kind != vocab.relation_file:
            continue
        rel = _relation(check, row, vocab, default_conf)
        if rel is None:
            continue
        if rel.id in seen_relations:
            first = seen_relations[rel.id]
            check.problem(row, None, f"the same fact is already on line {first.line} (same subject, "
                          "relation, object, role and dates); merge the two rows' sources into one")
            continue
        seen_relations[rel.id] = row
        ds.relations.append(rel)

    _check_references(check, ds, defined, known_ids, vocab)
    _check_cycles(check, ds)
    ds.problems = check.problems
    return ds


def _check_metadata(check: _Checker, raw: RawDataset, ds: Dataset) -> None:
    where = raw.metadata_file
    if not raw.metadata and not any(p.file == where for p in check.problems):
        check.problems.append(Problem(where, None, None, "name",
            f"no dataset metadata: add {where} with at least `name: my-dataset`"
            if where.endswith("dataset.yaml") else
            "no dataset metadata: add a top-level `dataset:` mapping with at least `name:`"))
        return
    if not ds.name:
        check.problems.append(Problem(where, None, None, "name",
                                      "the dataset needs a `name`, e.g. name: kazakhstan-2022"))
    elif not NAME_PATTERN.match(ds.name):
        check.problems.append(Problem(where, None, None, "name",
            f"'{ds.name}' is not a valid dataset name: letters, digits, _ . - only"))
    priority = raw.metadata.get("priority") or "0"
    if not re.fullmatch(r"-?[0-9]{1,9}", priority.strip()):
        check.problems.append(Problem(where, None, None, "priority",
            f"'{priority}' is not a whole number; a dataset with a higher priority gives names "
            "and values before datasets loaded earlier (default 0)"))
    conf = raw.metadata.get("default_confidence")
    allowed = check.vocab.lists["confidence"]
    if conf and conf not in allowed:
        check.problems.append(Problem(where, None, None, "default_confidence",
            f"'{conf}' is not a confidence; allowed: {', '.join(allowed)}"))


def _event_dates(check: _Checker, row: Row, v: dict) -> None:
    start, end = v.get("date"), v.get("end_date")
    v["date_from"] = dates.first_day(start) if start else None
    v["date_to"] = dates.last_day(end or start) if (end or start) else None
    if end and not start:
        check.problem(row, "end_date", "an end_date needs a date; fill in when it began")
    elif start and end and v["date_to"] < v["date_from"]:
        check.problem(row, "end_date", f"the event ends ({end}) before it begins ({start})")


def _relation(check: _Checker, row: Row, vocab: Vocabulary, default_conf: str) -> Relation | None:
    v = check.values(row, vocab.relation_columns)
    rel_name = v.pop("relation")
    if not rel_name:
        return None
    spec = vocab.relation(rel_name)
    if spec is None:
        check.problem(row, "relation", f"'{rel_name}' is not a relation; allowed: "
                      f"{', '.join(vocab.relations)}")
        return None
    role = v.get("role")
    if spec.role_list:
        allowed = vocab.lists[spec.role_list]
        if not role:
            check.problem(row, "role", f"{spec.name} needs a role; allowed: {', '.join(allowed)}")
        elif role not in allowed:
            check.problem(row, "role", f"'{role}' is not a participation role; allowed: "
                          f"{', '.join(allowed)}")
    for extra in ("role", "rank", "title"):
        if v.get(extra) and extra not in spec.extra:
            check.problem(row, extra, f"{spec.name} takes no {extra}; it is used with "
                          + ", ".join(r.name for r in vocab.relations.values() if extra in r.extra))
    start, end = v.get("start"), v.get("end")
    v["valid_from"] = dates.first_day(start) if start else None
    v["valid_to"] = dates.last_day(end) if end else None
    if v["valid_from"] and v["valid_to"] and v["valid_to"] < v["valid_from"]:
        check.problem(row, "end", f"ends ({end}) before it starts ({start})")
    if not v.get("confidence"):
        v["confidence"] = default_conf
    if not (v["subject"] and v["object"]) or (spec.role_list and role not in vocab.lists[spec.role_list]):
        return None
    sources = v.pop("sources")
    subject, obj = v.pop("subject"), v.pop("object")
    rid = relation_id(subject, spec.name, obj, role or "", start or "", end or "")
    return Relation(rid, spec.name, subject, obj, v, sources, row)


def _check_references(check: _Checker, ds: Dataset, defined: dict, known_ids: KnownIds | None,
                      vocab: Vocabulary) -> None:
    wanted: set[str] = set()
    for n in ds.nodes:
        wanted.update(n.sources)
    for r in ds.relations:
        wanted.update([r.subject, r.object, *r.sources])
    outside = sorted(i for i in wanted if i not in defined)
    in_graph = known_ids(outside) if (known_ids and outside) else {}
    # Ids the dataset defines must not already be in the graph as another kind.
    if known_ids and defined:
        for node_id, labels in known_ids(sorted(defined)).items():
            label, row = defined[node_id]
            if label not in labels:
                check.problem(row, "id", f"'{node_id}' is already in the graph as a "
                              f"{'/'.join(labels)}, not a {label}; choose another id")

    def label_of(i: str) -> set[str]:
        if i in defined:
            return {defined[i][0]}
        return set(in_graph.get(i, []))

    def missing(i: str, what: str) -> str:
        where = "in this dataset or in the graph" if known_ids else \
            "in this dataset (the graph was not consulted)"
        return f"{what} '{i}' is not defined {where}; add it, or fix the id's spelling"

    for n in ds.nodes:
        for s in n.sources:
            if not label_of(s):
                check.problem(n.row, "sources", missing(s, "source"))
            elif "Source" not in label_of(s):
                check.problem(n.row, "sources", f"'{s}' is a {'/'.join(label_of(s))}, not a Source")
    for r in ds.relations:
        spec = vocab.relations[r.type]
        if not r.sources:
            check.problem(r.row, "sources", "every fact must cite at least one source id "
                          "(from sources.csv)")
        for s in r.sources:
            if not label_of(s):
                check.problem(r.row, "sources", missing(s, "source"))
            elif "Source" not in label_of(s):
                check.problem(r.row, "sources", f"'{s}' is a {'/'.join(label_of(s))}, not a Source")
        for end, allowed, field_name in ((r.subject, spec.sources, "subject"),
                                         (r.object, spec.targets, "object")):
            labels = label_of(end)
            if not labels:
                check.problem(r.row, field_name, missing(end, field_name))
            elif not labels & set(allowed):
                check.problem(r.row, field_name, f"a {r.type} {field_name} must be a "
                              f"{' or '.join(allowed)}, and '{end}' is a {'/'.join(sorted(labels))}")


MAX_CYCLES_REPORTED = 20


def _check_cycles(check: _Checker, ds: Dataset) -> None:
    """A body cannot be part of itself: PART_OF links that close a loop while all are valid
    at some common date are a data error (a reorganisation that reverses a link years later
    is not). Chains stay finite whatever the data, but a loop would make nonsense of them."""
    hierarchy = nx.MultiDiGraph()
    for r in ds.relations:
        if r.type == "PART_OF":
            hierarchy.add_edge(r.subject, r.object, rel=r)
    reported = 0
    for cycle in nx.simple_cycles(nx.DiGraph(hierarchy)):
        if reported == MAX_CYCLES_REPORTED:
            break
        links = [min((d["rel"] for d in hierarchy.get_edge_data(a, b).values()), key=lambda r: r.row.line)
                 for a, b in zip(cycle, cycle[1:] + cycle[:1])]
        starts = [r.props.get("valid_from") for r in links if r.props.get("valid_from")]
        ends = [r.props.get("valid_to") for r in links if r.props.get("valid_to")]
        if starts and ends and max(starts) > min(ends):
            continue  # the links never hold at the same time
        loop = " -> ".join(cycle + cycle[:1])
        check.problem(links[0].row, "object", f"PART_OF makes a loop ({loop}) while every link in it "
                      "holds: a body cannot be part of itself; fix the direction or the dates of one link")
        reported += 1
