"""Which record an id stands for, after the merge decisions (design/provenance.md,
"Identity and decisions"): a merged id keeps resolving to the record that took it in,
through any chain of merges, at every load and withdrawal. Read once per operation:
decisions are few next to records."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.db import Graph


@dataclass
class Identity:
    merged_into: dict[str, str] = field(default_factory=dict)  # merged id -> the id it was merged into
    distinct: dict[frozenset[str], str] = field(default_factory=dict)  # pair judged different -> decision id
    distinct_records: dict[frozenset[str], str] = field(init=False)  # the same pairs, by the records now

    def __post_init__(self):
        self.distinct_records = {frozenset(self.canonical(x) for x in pair): decision
                                 for pair, decision in self.distinct.items()}

    @classmethod
    def of(cls, graph: Graph) -> "Identity":
        rows = graph.read("decisions/all")
        return cls({r["merged"]: r["canonical"] for r in rows if r["kind"] == "merge"},
                   {frozenset((r["a"], r["b"])): r["id"] for r in rows if r["kind"] == "distinct"})

    def canonical(self, node_id: str) -> str:
        """The record an id stands for now (itself unless a merge took it in)."""
        seen = {node_id}
        while node_id in self.merged_into:
            node_id = self.merged_into[node_id]
            if node_id in seen:  # a cycle cannot be written by decisions.merge; never loop on one
                break
            seen.add(node_id)
        return node_id

    def members(self, node_id: str) -> list[str]:
        """The id and every id merged into it, directly or through others."""
        found, frontier = {node_id}, [node_id]
        while frontier:
            here = frontier.pop()
            for merged, into in self.merged_into.items():
                if into == here and merged not in found:
                    found.add(merged)
                    frontier.append(merged)
        return sorted(found)

    def judged_distinct(self, a: str, b: str) -> str | None:
        """The distinct decision that stands between the records two ids stand for, if any
        (made between them, or between ids merged into them since)."""
        return self.distinct_records.get(frozenset((self.canonical(a), self.canonical(b))))
