"""Chains of responsibility (data-model.md): from a person or a body, upward
through postings and PART_OF to the apex, with who commanded each body; and,
on request, downward to the subordinate bodies.

The Cypher lives in cypher/library/chain_of_command.cypher and
subordinates.cypher (also runnable with `chainwatch query`); this module turns
their rows (one per edge) into a structure the CLI, reports and explorer share.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from graph import dates
from graph.db import Graph
from graph.values import plain


@dataclass
class Link:
    relation: str  # MEMBER_OF, COMMANDS or PART_OF
    source: str  # from_id: the person or the lower body
    target: str  # to_id: the body or the higher body
    post: str | None
    start: str | None
    end: str | None
    confidence: str | None
    sources: list[str]
    id: str

    @property
    def period(self) -> str:
        if not (self.start or self.end):
            return "no dates"
        return f"{self.start or '…'} – {self.end or '…'}"

    def as_dict(self) -> dict:
        return {"relation": self.relation, "from": self.source, "to": self.target,
                "post": self.post, "start": self.start, "end": self.end,
                "confidence": self.confidence, "sources": self.sources, "id": self.id}


@dataclass
class Chain:
    root: str
    as_of: str | None
    names: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # id -> Person, Unit, Agency...
    apex: set[str] = field(default_factory=set)
    up: list[Link] = field(default_factory=list)
    down: list[Link] = field(default_factory=list)

    def parents(self, node: str) -> list[Link]:
        """Links from `node` one step up: postings of a person, PART_OF of a body."""
        return [link for link in self.up if link.source == node]

    def children(self, node: str) -> list[Link]:
        return [link for link in self.down if link.target == node and link.relation == "PART_OF"]

    def commanders(self, body: str) -> list[Link]:
        return [link for link in self.up + self.down if link.target == body
                and link.relation == "COMMANDS" and link.source != self.root]

    def redacted(self, r: Callable[[Any], Any]) -> "Chain":
        """The chain upward as the public sees it: names and ids through a redactor
        (graph/redaction.py). Changes this chain and returns it."""
        self.names, self.labels, self.root = r(self.names), r(self.labels), r(self.root)
        for link in self.up:
            link.source, link.target = r(link.source), r(link.target)
        return self

    def as_dict(self) -> dict:
        def node(i: str) -> dict:
            return {"id": i, "name": self.names.get(i), "apex": i in self.apex}
        ids = {self.root} | {x for link in self.up + self.down for x in (link.source, link.target)}
        return {"root": node(self.root), "as_of": self.as_of,
                "nodes": [node(i) for i in sorted(ids)],
                "up": [l.as_dict() for l in self.up],
                "down": [l.as_dict() for l in self.down]}


@dataclass
class Period:
    start: dt.date | None  # None: from the earliest record
    end: dt.date | None  # None: still so, as far as the data says
    links: list[Link]

    @property
    def label(self) -> str:
        return f"{self.start.isoformat() if self.start else '…'} – {self.end.isoformat() if self.end else '…'}"


def periods(root: str, links: list[Link]) -> list[Period]:
    """The chain above `root` as it stood in each period between the days its links began or
    ended (as WhoWasInCommand draws it): in each, the links that held then and led up from
    the root then; a link without dates holds in every period. Consecutive periods in which
    the same links held are one."""
    days = sorted({d for link in links for d in (dates.first_day(link.start),
                                                   _day_after(dates.last_day(link.end))) if d})
    edges: list[dt.date | None] = [None, *days]
    found: list[Period] = []
    for start, following in zip(edges, [*days, None]):
        held = _above(root, [link for link in links if _holds(link, start)])
        end = following - dt.timedelta(days=1) if following else None
        if found and [id(x) for x in found[-1].links] == [id(x) for x in held]:
            found[-1].end = end
        elif held:
            found.append(Period(start, end, held))
    return found


def _above(root: str, links: list[Link]) -> list[Link]:
    """The links reachable upward from the root, in their order."""
    reached, kept = {root}, set()
    while True:
        more = [i for i, link in enumerate(links) if i not in kept and link.source in reached]
        if not more:
            return [link for i, link in enumerate(links) if i in kept]
        kept.update(more)
        reached.update(links[i].target for i in more)


def _day_after(day: dt.date | None) -> dt.date | None:
    return day + dt.timedelta(days=1) if day else None


def _holds(link: Link, day: dt.date | None) -> bool:
    """Whether a link held on a day (None: before the first recorded change)."""
    begins, ends = dates.first_day(link.start), dates.last_day(link.end)
    if day is None:
        return begins is None
    return (begins is None or begins <= day) and (ends is None or ends >= day)


def _links(rows: list[dict], chain: Chain) -> list[Link]:
    out = []
    for r in rows:
        chain.names[r["from_id"]], chain.labels[r["from_id"]] = r["from_name"], r["from_label"]
        chain.names[r["to_id"]], chain.labels[r["to_id"]] = r["to_name"], r["to_label"]
        if r["to_apex"]:
            chain.apex.add(r["to_id"])
        out.append(Link(r["relation"], r["from_id"], r["to_id"], r["post"], r["start"], r["end"],
                        r["confidence"], plain(r["sources"]) or [], r["rel_id"]))
    return out


class UnknownNode(LookupError):
    pass


def chain(graph: Graph, node_id: str, as_of: str | None = None, down: bool = False) -> Chain:
    found = graph.read("chain/node", id=node_id)
    if not found:
        raise UnknownNode(f"no node with id '{node_id}'; find ids with "
                          "`chainwatch cypher \"MATCH (n:Actor) RETURN n.id, n.name\"`")
    c = Chain(node_id, as_of, names={node_id: found[0]["name"]},
              labels={node_id: found[0]["labels"][0]})
    if found[0]["apex"]:
        c.apex.add(node_id)
    c.up = _links(graph.read("library/chain_of_command", id=node_id, as_of=as_of), c)
    if down:
        c.down = _links(graph.read("library/subordinates", id=node_id, as_of=as_of), c)
    return c
