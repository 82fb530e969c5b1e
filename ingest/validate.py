"""Judge a dataset against the vocabulary and turn its rows into typed nodes
and relations, collecting every problem at once (never stopping at the first).

Ids a row refers to must be defined in the dataset or already be in the graph;
`known_ids` asks the graph about the ones the dataset does not define.
"""

from __future__ import annotations

import gc
import hashlib
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import networkx as nx

from graph import dates
from graph.values import HIDDEN
from graph.vocabulary import Column, Vocabulary, load
from ingest import formats, types
from ingest.problems import Problem
from ingest.readers import RawDataset, Row
from ingest.remembered import DefinedIds, FactRows

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
BIDI_CONTROLS = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}  # Unicode's bidirectional classes

# Given ids, return {id: [labels]} for those already in the graph.
KnownIds = Callable[[list[str]], dict[str, list[str]]]
LOOKUP_BATCH = 5_000  # ids asked of the graph at a time
# Takes each valid record (a Node or a Relation) as validation makes it.
Keep = Callable[["Node | Relation"], None]


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
    nodes: list[Node] = field(default_factory=list)  # filled unless check_raw was given `keep`
    relations: list[Relation] = field(default_factory=list)
    node_count: int = 0
    relation_count: int = 0
    ids: DefinedIds = field(default_factory=DefinedIds)
    hashes: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # rows an importer left out
    priority: int = 0  # dataset.yaml's `priority` (checked to be a whole number): higher gives names first

    def keep(self, record: "Node | Relation") -> None:
        (self.nodes if isinstance(record, Node) else self.relations).append(record)

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
        self.problems: list[Problem] = []

    def problem(self, row: Row, name: str | None, message: str, warning: bool = False) -> None:
        line, col = row.where(name) if name else (row.line, None)
        self.problems.append(Problem(row.file, line, col, name, message, warning))

    def value(self, row: Row, col: Column):
        """The cell's value cleaned by its column's type (ingest/types.py), or None after a problem."""
        cell = row.cells.get(col.name)
        raw = None if cell is None else cell.value
        if not (raw.strip() if type(raw) is str else types.text_of(raw)):  # most cells: text
            if col.required and (cell is not None or not row.file.endswith(".csv")):
                self.problem(row, col.name, f"'{col.name}' is required and empty; fill it in")
            return types.empty(col)
        try:
            value = types.clean(raw, col, self.vocab)
        except types.Invalid as e:
            self.problem(row, col.name, str(e))
            return None
        if not (type(value) is str and value.isprintable()):  # most cells: printable text, no call
            self.hidden(row, col, value)
        return None if value == [] else value  # a list of nothing (`;`) is no value, as an empty cell

    def hidden(self, row: Row, col: Column, value) -> None:
        """Warn of a character that acts rather than shows (graph/values.HIDDEN): invisible in a
        spreadsheet, it makes two spellings of one name differ, and it may be an attack on
        whoever reads the data in a terminal."""
        for text in value if isinstance(value, list) else (value,):
            if type(text) is str and not text.isprintable() and (found := HIDDEN.search(text)):
                char = found.group()[0]
                what = ("bidirectional control character U+{:04X}, which reorders the text around it"
                        if unicodedata.bidirectional(char) in BIDI_CONTROLS else "control character U+{:04X}")
                self.problem(row, col.name, f"'{col.name}' holds the invisible {what.format(ord(char))}; "
                             "it is kept as it is (a terminal shows it as an escape such as \\x1b): "
                             "remove it unless it belongs there", warning=True)
                return

    def values(self, row: Row, columns: dict[str, Column]) -> dict:
        return {name: self.value(row, col) for name, col in columns.items()}


def validate(path: Path | str, known_ids: KnownIds | None = None,
             vocab: Vocabulary | None = None, fmt: str = "native", keep: Keep | None = None) -> Dataset:
    """Read (with the reader of format `fmt`) and check a dataset; `known_ids` (when given)
    consults the graph; `keep` as for check_raw."""
    vocab = vocab or load()
    return check_raw(formats.reader(fmt)(Path(path), vocab), known_ids, vocab, keep)


def check_raw(raw: RawDataset, known_ids: KnownIds | None = None, vocab: Vocabulary | None = None,
              keep: Keep | None = None) -> Dataset:
    """Check a dataset already read (ingest reads first, to skip files loaded before unchanged).
    Each valid record goes to `keep` as it is made (by default, into the Dataset's lists): a
    folder's rows are read one at a time, and what must be remembered across them goes to disk
    (ingest/remembered.py), so a caller that spools them holds about as much for a million
    rows as for a thousand."""
    vocab = vocab or load()
    check = _Checker(raw, vocab)
    ds = Dataset(name=raw.name, path=raw.path, metadata=raw.metadata, hashes=raw.hashes,
                 skipped=raw.skipped, priority=raw.priority)
    keep = keep or ds.keep
    _check_metadata(check, raw, ds)
    default_conf = raw.metadata.get("default_confidence") or "medium"
    if default_conf not in vocab.lists["confidence"]:
        default_conf = "medium"
    refs = _References(check, known_ids, vocab, ds.ids)
    facts = _Facts()
    with _collector_paused():
        for row in _in_loading_order(raw.rows, vocab):
            if row.kind == vocab.relation_file:
                refs.all_defined = True
                rel = _relation(check, row, vocab, default_conf)
                if rel is not None:
                    refs.check_relation(rel)
                    facts.add(rel)
                    keep(rel)
                    ds.relation_count += 1
                continue
            node = _node(check, row, vocab, default_conf)
            if node is not None and refs.define(node):
                keep(node)
                ds.node_count += 1
    refs.finish()
    facts.check(check)
    # References are judged in batches, facts and loops at the end: put each in its place
    order = {stem: i for i, stem in enumerate(vocab.files)}
    check.problems.sort(key=lambda p: (order.get(Path(p.file).stem, len(order)), p.line or 0, p.column or 0))
    ds.problems = [*raw.problems, *check.problems]
    return ds


@contextmanager
def _collector_paused():
    """Validation makes millions of short-lived rows, cells and values, and no reference
    cycles: the cyclic garbage collector's passes over them took a seventh of its time, and a
    third once references waited in batches (bench/RESULTS.md)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _in_loading_order(rows: Iterable[Row], vocab: Vocabulary) -> Iterable[Row]:
    """Sources first, relations last: a load's batches always find the records they link to,
    and every id is defined before a relation names it. A folder's reader yields its rows in
    this order already; a list (a YAML file, an importer's rows) is sorted."""
    if not isinstance(rows, list):
        return rows
    order = {stem: i for i, stem in enumerate(vocab.files)}
    return sorted(rows, key=lambda r: order[r.kind])


def _node(check: _Checker, row: Row, vocab: Vocabulary, default_conf: str) -> Node | None:
    label = vocab.label_for_file(row.kind)
    v = check.values(row, label.columns)
    node_id = v.pop("id")
    if node_id is None:
        return None
    sources = v.pop("sources", None) or []
    if label.name == "Event":
        _event_dates(check, row, v)
        if not v.get("confidence"):
            v["confidence"] = default_conf
    if label.name == "Person" and v.get("protected") and not v.get("pseudonym"):
        check.problem(row, "pseudonym", "this person is protected but has no pseudonym; "
                      "public outputs will call them by an automatic one until you add it",
                      warning=True)
    return Node(node_id, label.name, v, sources, row)


def _check_metadata(check: _Checker, raw: RawDataset, ds: Dataset) -> None:
    where = raw.metadata_file
    if not raw.metadata and not any(p.file == where for p in raw.problems):
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
    sources = v.pop("sources") or []
    subject, obj = v.pop("subject"), v.pop("object")
    rid = relation_id(subject, spec.name, obj, role or "", start or "", end or "")
    return Relation(rid, spec.name, subject, obj, v, sources, row)


class _References:
    """Every id a row names must be defined, in the dataset or in the graph, and be of a
    kind its field allows. Ids still in DefinedIds' dicts are judged at once, those in its
    database in batches; the others are asked of the graph in batches once every record is read
    (relations come last), so no list of all references is kept."""

    def __init__(self, check: _Checker, known_ids: KnownIds | None, vocab: Vocabulary, ids: DefinedIds):
        self.check, self.known_ids, self.vocab, self.ids = check, known_ids, vocab, ids
        self.all_defined = False  # set when the first relation is read
        self.pending: list[tuple[Row, str, str, str | None]] = []  # row, field, id, relation type
        self.resolve_at = LOOKUP_BATCH
        self.new: list[tuple[str, str, Row]] = []  # ids defined here, to check against the graph
        ids.asked_graph = known_ids is not None

    def define(self, node: Node) -> bool:
        """Record a node's id (False, with the problem, when the dataset defined it already)
        and check the sources it cites."""
        if first := self.ids.define(node.id, node.label, node.row):
            self.check.problem(node.row, "id", f"id '{node.id}' is already defined in {first[0]} line "
                               f"{first[1]}; ids are unique across the whole dataset")
            return False
        if self.known_ids:
            self.new.append((node.id, node.label, node.row))
            if len(self.new) >= LOOKUP_BATCH:
                self._check_new()
        for s in node.sources:
            self._cite(node.row, "sources", s, None)
        return True

    def check_relation(self, r: Relation) -> None:
        if not r.sources:
            self.check.problem(r.row, "sources", "every fact must cite at least one source id "
                               "(from sources.csv)")
        for s in r.sources:
            self._cite(r.row, "sources", s, None)
        self._cite(r.row, "subject", r.subject, r.type)
        self._cite(r.row, "object", r.object, r.type)

    def finish(self) -> None:
        self.all_defined = True
        self._check_new()
        self._resolve()

    def _cite(self, row: Row, field_name: str, i: str, rel_type: str | None) -> None:
        label = self.ids.recent_label(i)
        if label is not None:
            self._judge(row, field_name, i, {label}, rel_type)
            return
        self.pending.append((row, field_name, i, rel_type))
        if len(self.pending) >= self.resolve_at:
            self._resolve()

    def _resolve(self) -> None:
        """Judge the references pending: those to ids the dataset defined (looked up in the
        database together) and, once every record is read, the others, against the graph.
        Until then, an id not yet defined waits (a record may come later that defines it)."""
        labels = self.ids.labels([i for _, _, i, _ in self.pending])
        outside = sorted({i for (_, _, i, _), label in zip(self.pending, labels) if label is None})
        in_graph = self._ask_graph(outside) if (self.known_ids and outside and self.all_defined) else {}
        waiting = []
        for ref, label in zip(self.pending, labels):
            row, field_name, i, rel_type = ref
            if label is None and not self.all_defined:
                waiting.append(ref)
            else:
                self._judge(row, field_name, i, {label} if label else set(in_graph.get(i, [])), rel_type)
        self.pending = waiting
        self.resolve_at = len(waiting) + LOOKUP_BATCH

    def _check_new(self) -> None:
        """Ids the dataset defines must not already be in the graph as another kind."""
        if self.new:
            found = self._ask_graph([i for i, _, _ in self.new])
            self.ids.mark_in_graph(list(found))
            for node_id, label, row in self.new:
                if node_id in found and label not in found[node_id]:
                    self.check.problem(row, "id", f"'{node_id}' is already in the graph as a "
                                       f"{'/'.join(found[node_id])}, not a {label}; choose another id")
        self.new = []

    def _ask_graph(self, node_ids: list[str]) -> dict[str, list[str]]:
        """known_ids, then the youngest garbage collected: each request leaves reference cycles
        in the driver holding its buffers (about 400 KB), which the paused collector
        (_collector_paused) would keep until validation ends, 150 MB at a million people."""
        found = self.known_ids(node_ids)
        gc.collect(0)
        return found

    def _judge(self, row: Row, field_name: str, i: str, labels: set[str], rel_type: str | None) -> None:
        """rel_type None: a cited source; else the subject or object of a relation of that type."""
        if not labels:
            where = "in this dataset or in the graph" if self.known_ids else \
                "in this dataset (the graph was not consulted)"
            what = "source" if rel_type is None else field_name
            self.check.problem(row, field_name, f"{what} '{i}' is not defined {where}; "
                               "add it, or fix the id's spelling")
        elif rel_type is None:
            if "Source" not in labels:
                self.check.problem(row, field_name, f"'{i}' is a {'/'.join(labels)}, not a Source")
        else:
            spec = self.vocab.relations[rel_type]
            allowed = spec.sources if field_name == "subject" else spec.targets
            if not labels & set(allowed):
                self.check.problem(row, field_name, f"a {rel_type} {field_name} must be a "
                                   f"{' or '.join(allowed)}, and '{i}' is a {'/'.join(sorted(labels))}")


class _Facts:
    """What is checked across relations once all are read: the same fact twice (each fact's
    id and place, on disk: ingest/remembered.py) and loops in the hierarchy (its PART_OF links
    are kept, without their rows)."""

    def __init__(self):
        self.rows = FactRows()
        self.part_of: list[_Link] = []

    def add(self, r: Relation) -> None:
        self.rows.add(r.id, r.row.file, r.row.line)
        if r.type == "PART_OF":
            self.part_of.append(_Link(r.subject, r.object, r.props.get("valid_from"), r.props.get("valid_to"),
                                      r.row.file, *r.row.where("object")))

    def check(self, check: _Checker) -> None:
        self._check_repeats(check)
        _check_cycles(check, self.part_of)

    def _check_repeats(self, check: _Checker) -> None:
        for file, line, first in self.rows.repeats():
            check.problems.append(Problem(file, line, None, None,
                f"the same fact is already on line {first} (same subject, relation, object, "
                "role and dates); merge the two rows' sources into one"))


MAX_CYCLES_REPORTED = 20


@dataclass(slots=True)
class _Link:
    """A PART_OF link as the loop check needs it: its ends, dates and where its object is."""
    subject: str
    object: str
    valid_from: str | None
    valid_to: str | None
    file: str
    line: int
    column: int | None


def _check_cycles(check: _Checker, part_of: list[_Link]) -> None:
    """A body cannot be part of itself: PART_OF links that close a loop while all are valid
    at some common date are a data error (a reorganisation that reverses a link years later
    is not). Chains stay finite whatever the data, but a loop would make nonsense of them.
    Loops are looked for only among the bodies on one (in a strongly connected component, or
    part of themselves): the whole hierarchy with every link's data took 90 MB at a million
    people, its bare links a fifth of that."""
    bare = nx.DiGraph((link.subject, link.object) for link in part_of)
    looped = set(nx.nodes_with_selfloops(bare)).union(
        *(c for c in nx.strongly_connected_components(bare) if len(c) > 1))
    del bare
    hierarchy = nx.MultiDiGraph()
    for link in part_of:
        if link.subject in looped and link.object in looped:
            hierarchy.add_edge(link.subject, link.object, link=link)
    reported = 0
    for cycle in nx.simple_cycles(nx.DiGraph(hierarchy)):
        if reported == MAX_CYCLES_REPORTED:
            break
        links = [min((d["link"] for d in hierarchy.get_edge_data(a, b).values()), key=lambda k: k.line)
                 for a, b in zip(cycle, cycle[1:] + cycle[:1])]
        first = min(range(len(links)), key=lambda k: (links[k].file, links[k].line))
        cycle, links = cycle[first:] + cycle[:first], links[first:] + links[:first]  # told from its first row
        starts = [k.valid_from for k in links if k.valid_from]
        ends = [k.valid_to for k in links if k.valid_to]
        if starts and ends and max(starts) > min(ends):
            continue  # the links never hold at the same time
        loop = " -> ".join(cycle + cycle[:1])
        check.problems.append(Problem(links[0].file, links[0].line, links[0].column, "object",
            f"PART_OF makes a loop ({loop}) while every link in it holds: a body cannot be part "
            "of itself; fix the direction or the dates of one link"))
        reported += 1
