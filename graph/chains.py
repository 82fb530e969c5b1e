"""Chains of responsibility (data-model.md): from a person or a body, upward
through postings and PART_OF to the apex, with who commanded each body; and,
on request, downward to the subordinate bodies.

The Cypher lives in cypher/library/chain_of_command.cypher and
subordinates.cypher (also runnable with `chainwatch query`); this module turns
their rows (one per edge) into a structure the CLI, reports and explorer share.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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

    def as_dict(self) -> dict:
        def node(i: str) -> dict:
            return {"id": i, "name": self.names.get(i), "apex": i in self.apex}
        ids = {self.root} | {x for link in self.up + self.down for x in (link.source, link.target)}
        return {"root": node(self.root), "as_of": self.as_of,
                "nodes": [node(i) for i in sorted(ids)],
                "up": [l.as_dict() for l in self.up],
                "down": [l.as_dict() for l in self.down]}


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
