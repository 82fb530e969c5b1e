"""Candidate duplicates (`chainwatch resolve`): pairs of records that may be one actor,
scored, with the reasons a person can check, strongest first.

Blocking keeps it from comparing every pair: two records are compared only if
they share a rare name key (a word of their names, script- and spelling-blind:
graph/names.py) or a rare pair of keys (a common first name with a surname).
A key or pair held by more than MAX_BLOCK records says nothing and is skipped.

The score starts from how alike the names are (0.8 of it) and adds or removes
what the records say of themselves: birth dates, postings, events. A wrong merge
lands an innocent name in a report, so different birth dates weigh more than
anything in favour, and the default threshold was chosen for precision on a
labelled set (bench/resolution_quality.py, bench/RESULTS.md).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from graph import names
from graph.db import Graph
from graph.identity import Identity
from graph.values import plain

DEFAULT_THRESHOLD = 0.8  # bench/RESULTS.md: the lowest with no false pair on the labelled set
MAX_BLOCK = 60  # records sharing a key (or a pair of keys) beyond which the key is not used to pair

NAME_WEIGHT = 0.8
SAME_BIRTH_DATE = 0.15
SAME_BIRTH_YEAR = 0.05  # one date only a year, the other in that year
OTHER_BIRTH_DATE = -0.45  # namesakes, fathers and sons
SAME_UNIT = 0.05  # each unit both were posted to, up to two
SAME_UNIT_AT_ONCE = 0.1  # and at overlapping dates (once)
SAME_EVENT = 0.05  # each event both took part in, up to two
OTHER_UNITS = -0.05  # both posted, never to one unit


@dataclass
class Candidate:
    a: dict
    b: dict
    score: float
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        side = ("id", "label", "name", "datasets")
        return {"score": round(self.score, 3), "a": {k: self.a.get(k) for k in side},
                "b": {k: self.b.get(k) for k in side}, "reasons": self.reasons}


def candidates(graph: Graph, *, dataset: str | None = None, against: str | None = None,
               threshold: float = DEFAULT_THRESHOLD) -> list[Candidate]:
    """Pairs scoring at least `threshold`, strongest first. With `dataset`, pairs with a record
    of that dataset on one side (and any record on the other); with `against` too, a record of
    that one on the other side."""
    both = [dataset, against] if dataset and against else None  # else every record may be the other side
    records = [plain(r) for r in graph.read("resolve/actors", datasets=both)]
    ident = Identity.of(graph)
    found = []
    for x, y in pairs(records):
        if not _sides_match(x, y, dataset, against) or ident.judged_distinct(x["id"], y["id"]):
            continue
        c = score(x, y)
        if c.score >= threshold:
            found.append(c)
    return sorted(found, key=lambda c: (-c.score, c.a["id"], c.b["id"]))


def pairs(records: list[dict]):
    """Each pair of records of one label that shares a rare key or a rare pair of keys, once."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        keys = sorted(set(r["keys"] or []))
        for k in keys:
            blocks[(r["label"], k)].append(i)
        for k1, k2 in combinations(keys, 2):
            blocks[(r["label"], k1, k2)].append(i)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for i, j in combinations(members, 2):
            if (i, j) not in seen:
                seen.add((i, j))
                yield records[i], records[j]


def _sides_match(x: dict, y: dict, dataset: str | None, against: str | None) -> bool:
    def has(r, d):
        return d in (r["datasets"] or [])
    if dataset and against:
        return (has(x, dataset) and has(y, against)) or (has(y, dataset) and has(x, against))
    if dataset or against:
        return has(x, dataset or against) or has(y, dataset or against)
    return True


def score(x: dict, y: dict) -> Candidate:
    """How likely two records are one actor, and why."""
    reasons = []
    best, pair = 0.0, ("", "")
    for a in [x["name"], *x["aliases"]]:
        for b in [y["name"], *y["aliases"]]:
            if a and b and (s := names.similarity(a, b)) > best:
                best, pair = s, (a, b)
    if best == 1.0:
        reasons.append(f"same name in Latin letters: {pair[0]} / {pair[1]}")
    elif best == 0.95:
        reasons.append(f"one name is the other without a middle name or patronymic: {pair[0]} / {pair[1]}")
    else:
        reasons.append(f"names alike ({best:.2f}): {pair[0]} / {pair[1]}")
    total = NAME_WEIGHT * best

    shared_alias = sorted({a for a in x["aliases"] if a in y["aliases"]})
    if shared_alias:
        reasons.append("shared alias: " + ", ".join(shared_alias))
    total += _birth(x.get("born"), y.get("born"), reasons)
    total += _postings(x["postings"], y["postings"], reasons)
    events = sorted(set(x["events"]) & set(y["events"]))
    if events:
        total += SAME_EVENT * min(2, len(events))
        reasons.append("both took part in " + ", ".join(events))
    return Candidate(x, y, max(0.0, min(1.0, total)), reasons)


def _birth(a: str | None, b: str | None, reasons: list[str]) -> float:
    if not a or not b:
        return 0.0
    a, b = str(a), str(b)
    if a == b:
        reasons.append(f"same birth date: {a}")
        return SAME_BIRTH_DATE
    if a.startswith(b) or b.startswith(a):
        reasons.append(f"birth dates agree as far as both go: {a} / {b}")
        return SAME_BIRTH_YEAR
    reasons.append(f"different birth dates: {a} / {b} (namesakes, or father and son?)")
    return OTHER_BIRTH_DATE


def _postings(a: list[dict], b: list[dict], reasons: list[str]) -> float:
    units = sorted({p["unit"] for p in a} & {p["unit"] for p in b})
    if not units:
        if a and b:
            reasons.append("posted to other units")
            return OTHER_UNITS
        return 0.0
    total = SAME_UNIT * min(2, len(units))
    at_once = [u for u in units if any(_overlap(p, q) for p in a if p["unit"] == u for q in b if q["unit"] == u)]
    if at_once:
        total += SAME_UNIT_AT_ONCE
        reasons.append("both in " + ", ".join(at_once) + " at overlapping dates")
    others = [u for u in units if u not in at_once]
    if others:
        reasons.append("both posted to " + ", ".join(others) + " (at other dates, or undated)")
    return total


def _overlap(p: dict, q: dict) -> bool:
    """Whether two postings overlap in time; an undated one overlaps nothing (it says nothing)."""
    if not any((p["from"], p["to"])) or not any((q["from"], q["to"])):
        return False
    start = max(_day(p["from"], dt.date.min), _day(q["from"], dt.date.min))
    end = min(_day(p["to"], dt.date.max), _day(q["to"], dt.date.max))
    return start <= end


def _day(value, default: dt.date) -> dt.date:
    if value is None:
        return default
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
