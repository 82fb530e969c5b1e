"""The conflict-of-interest engine (design/conflict-rules.md).

Each rule is a file in cypher/conflicts/; adding a rule is adding a file
(and its tests). The rules share their terms (which event types are
allegations, which roles implicate a body...) through the vocabulary's
`conflict_terms`, passed to each as parameters. Every rule returns one finding
per allegation and actor, of one shape: rule, severity, allegation, actor,
implicated (a list), events, evidence {nodes, relationships}, sources,
explanation. This module runs them, adds each finding's strength
(`weakest_confidence`, `inferred`, said in words in the explanation) in one
place for every rule, and orders the findings.
"""

from __future__ import annotations

import os
import queue
import threading
from typing import Callable, Iterator

from graph import querylib
from graph.db import Graph
from graph.vocabulary import load as load_vocabulary

FOLDER = "conflicts"
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2}
FIELDS = ("rule", "severity", "allegation", "actor", "implicated", "events", "evidence",
          "sources", "explanation", "weakest_confidence", "inferred")
COLUMNS = FIELDS[:9]  # what each rule returns; the strength is added here
DEFAULT_MAX_DEPTH = 2
PARTS_PER_CORE = 1
LOW_CONFIDENCE = " Part of this rests on low-confidence links."


def rules() -> dict[str, querylib.CypherFile]:
    folder = querylib.cypher_dir() / FOLDER
    return {p.stem: querylib.get(f"{FOLDER}/{p.stem}") for p in sorted(folder.glob("*.cypher"))}


class UnknownRule(LookupError):
    pass


def _ordered_unique(items) -> list:
    return list(dict.fromkeys(i for i in items if i is not None))


def findings(graph: Graph, rule: str | None = None, as_of: str | None = None,
             max_depth: int = DEFAULT_MAX_DEPTH, documented_only: bool = False,
             progress: Callable[[str, int, int], None] | None = None,
             allegation: str | None = None) -> list[dict]:
    """Findings of one rule or all, most severe first, grouped by allegation.
    `documented_only` leaves out findings whose evidence rests on an inferred link.
    `allegation` asks about that allegation alone (the case view): the rules read nothing of the
    others, where a scan of a large graph reads every one.
    `progress(step, done, total)` hears of each part as it ends: a scan of a large graph
    takes seconds or minutes. All the rules run in one statement, which works out once what
    they all start from (findings/allegations), over the allegations in runs of ids, as many
    runs at once as the machine has cores: Community Edition runs each query on one core."""
    terms = load_vocabulary().conflict_terms
    q, params = statement(rule, as_of, max_depth)
    # one allegation: the ids from its own up to the next string after it, so only its own
    ranges = [(allegation, allegation + "\x00")] if allegation else _id_ranges(graph, params)
    parts = [(q, {**params, "from_id": lo, "to_id": hi}) for lo, hi in ranges]
    out = []
    for rows in _side_by_side(graph, parts):
        out += [_tidy(row) for row in rows]
        if progress:
            progress("conflict rules", 1, len(parts))
    _add_strength(graph, out, terms)
    if documented_only:
        out = [f for f in out if not f["inferred"]]
    first_severity: dict[str, int] = {}
    for f in out:
        s = SEVERITY_ORDER[f["severity"]]
        first_severity[f["allegation"]] = min(s, first_severity.get(f["allegation"], s))
    out.sort(key=lambda f: (first_severity[f["allegation"]], f["allegation"],
                            SEVERITY_ORDER[f["severity"]], f["rule"], f["actor"]))
    return [{k: f[k] for k in FIELDS} for f in out]


def statement(rule: str | None = None, as_of: str | None = None,
              max_depth: int = DEFAULT_MAX_DEPTH) -> tuple[querylib.CypherFile, dict]:
    """The statement of one rule, or of them all, and its parameters (every allegation: no
    from_id, no to_id), as `chainwatch conflicts --cypher` shows them for Neo4j Browser."""
    available = rules()
    if rule and rule not in available:
        raise UnknownRule(f"no rule named '{rule}'; rules: {', '.join(available)}")
    q = available[rule] if rule else querylib.together(
        f"{FOLDER}/all", [q.name for q in available.values()], COLUMNS)
    given = {"as_of": as_of, "max_depth": max_depth, "from_id": None, "to_id": None,
             **load_vocabulary().conflict_terms}
    return q, {p: given[p] for p in q.param_names}


def _id_ranges(graph: Graph, given: dict) -> list[tuple[str | None, str | None]]:
    """The allegations in runs of ids, one a core: Community Edition runs a query on one core, so
    the scan runs its parts side by side. More runs cost more than they balance (each reads the
    index of allegations through)."""
    q = querylib.get("findings/allegation_bounds")
    parts = PARTS_PER_CORE * (os.cpu_count() or 1)
    row = graph.read(q.name, **{**{p: given.get(p) for p in q.param_names}, "parts": parts})[0]
    if not row["allegations"]:
        return []
    bounds = [None] + _ordered_unique(row["bounds"]) + [None]
    return list(zip(bounds, bounds[1:]))


def _side_by_side(graph: Graph, statements: list[tuple[querylib.CypherFile, dict]]) -> Iterator[list[dict]]:
    """Each statement's rows as it ends, as many running at once as there are cores. The threads
    are daemons: Ctrl-C ends the command at once, and the server ends the queries of the
    connections that closed with it."""
    todo = queue.SimpleQueue()
    for one in statements:
        todo.put(one)
    ended = queue.SimpleQueue()

    def work() -> None:
        while True:
            try:
                name, params = todo.get_nowait()
            except queue.Empty:
                return
            try:
                ended.put(graph.read(name, **params))
            except Exception as e:  # handed to the caller, raised there
                ended.put(e)

    for _ in range(min(len(statements), os.cpu_count() or 1)):
        threading.Thread(target=work, daemon=True).start()
    for _ in statements:
        rows = ended.get()
        if isinstance(rows, Exception):
            raise rows
        yield rows


def _tidy(row: dict) -> dict:
    """A rule's row with its lists in first-seen order, once each (sources sorted)."""
    ev = row["evidence"]
    return {**row, "implicated": _ordered_unique(row["implicated"]), "events": _ordered_unique(row["events"]),
            "sources": sorted(_ordered_unique(row["sources"])),
            "evidence": {"nodes": _ordered_unique(ev["nodes"]), "relationships": _ordered_unique(ev["relationships"])}}


def _add_strength(graph: Graph, found: list[dict], terms: dict) -> None:
    """weakest_confidence: the lowest confidence on the evidence path; inferred: whether any
    link or event on it is an inference. Both are said in the explanation."""
    if not found:
        return
    rows = graph.read("findings/strength",
                      relationships=sorted({r for f in found for r in f["evidence"]["relationships"]}),
                      nodes=sorted({n for f in found for n in f["evidence"]["nodes"]}),
                      inferred_kind=terms["inferred_source_kind"])
    items = {i["id"]: i for i in rows[0]["items"]}
    order = terms["confidence_order"]
    for f in found:
        path = [items[i] for i in f["evidence"]["relationships"] + f["evidence"]["nodes"] if i in items]
        levels = [p["confidence"] for p in path if p["confidence"] in order]
        f["weakest_confidence"] = min(levels, key=order.index) if levels else None
        inferred = [p["what"] for p in path if p["inferred"]]
        f["inferred"] = bool(inferred)
        if f["weakest_confidence"] == order[0]:
            f["explanation"] += LOW_CONFIDENCE
        if inferred:
            f["explanation"] += " Inferred, not stated by a source: " + "; ".join(f"«{w}»" for w in inferred) + "."
