"""Random sequences of what investigators do to a graph, each seed the same sequence every run:
loads of three datasets of varied priority (names in two scripts, protected people, postings
with and without quotes), new versions loaded over them, with or without `--replace`,
removals, merges and unmerges, in batches of three rows so one batch meets several cases.
After every step, deriving every record and fact again from its claims changes nothing; at the
end, with every merge undone and every dataset but one removed, the graph is that dataset's
loads alone. The seeds include those that found a merge's values depending on the order the
server returned claims in, and an unmerge that changed nothing after its record was removed."""

from __future__ import annotations

import random

import pytest

from graph import claims, decisions
from graph.identity import Identity
from ingest.load import ingest
from tests.datasets import write_dataset
from tests.test_claims import assert_derived_again, dump_of

PEOPLE = [f"person:p{i}" for i in range(8)]
UNITS = ["unit:u0", "unit:u1"]
DATASETS = ["d0", "d1", "d2"]


def version(rng: random.Random, folder, name: str, priority: int):
    """One version of a dataset: some of the people, both units, postings for most."""
    src = f"src:{name}"
    people = []
    for pid in rng.sample(PEOPLE, rng.randint(2, 7)):
        protected = rng.random() < 0.2
        people.append({"id": pid, "name": f"{rng.choice(['Ann', 'Bob', 'Бек', 'Cara'])} {pid[-1]}",
                       "aliases": ";".join(rng.sample(["A", "B", "Б", "C"], rng.randint(0, 2))),
                       "protected": "yes" if protected else "", "pseudonym": f"W{pid[-1]}" if protected else "",
                       "sources": src})
    relations = [{"subject": p["id"], "relation": "MEMBER_OF", "object": rng.choice(UNITS),
                  "start": rng.choice(["2020", "2021"]), "sources": src,
                  "quote": rng.choice(["", "served", "was posted"]), "confidence": rng.choice(["", "low", "high"])}
                 for p in people if rng.random() < 0.7]
    folder = write_dataset(folder, name, sources=[{"id": src, "title": name, "kind": "report"}], people=people,
                           units=[{"id": u, "name": f"Unit {u[-1]}", "kind": "police", "sources": src} for u in UNITS],
                           relations=relations)
    (folder / "dataset.yaml").write_text(f"name: {name}\ntitle: {name}\npriority: {priority}\n", encoding="utf-8")
    return folder


def undo_every_merge(graph) -> None:
    while merged := sorted(Identity.of(graph).merged_into):
        before = len(merged)
        decisions.unmerge(graph, merged[0])
        assert len(Identity.of(graph).merged_into) < before, f"unmerge {merged[0]} changed nothing"


@pytest.mark.parametrize("seed", [3, 7, 10, 16, 20, 21, 33, 41])
def test_any_sequence_of_loads_removals_and_merges_stays_derived_and_exact(graph, tmp_path, seed):
    rng = random.Random(seed)
    priority = {n: rng.randint(0, 2) for n in DATASETS}
    loads: dict[str, list] = {}  # each dataset still in the graph: its loads, in order
    for step in range(6):
        op, name = rng.choice(["load", "load", "load", "remove", "replace", "merge", "merge", "unmerge"]), rng.choice(DATASETS)
        if op == "merge":
            try:
                decisions.merge(graph, *rng.sample(PEOPLE, 2))
            except decisions.DecisionError:
                continue
        elif op == "unmerge":
            if merged := sorted(Identity.of(graph).merged_into):
                decisions.unmerge(graph, rng.choice(merged))
        elif op == "remove":
            if name in loads:
                claims.remove(graph, name, unprotect=True)
                del loads[name]
        else:
            folder = version(rng, tmp_path / f"{name}-{step}", name, priority[name])
            ingest(graph, folder, replace=op == "replace", unprotect=True, batch_size=3)
            loads.setdefault(name, []).append((folder, op == "replace"))
        assert_derived_again(graph, tmp_path / f"derived-{step}")
    undo_every_merge(graph)
    kept = sorted(loads)[:1]
    for name in sorted(loads)[1:]:
        claims.remove(graph, name, unprotect=True)
    left = dump_of(graph, tmp_path / "left")
    graph.write("admin/delete_everything")
    for folder, replace in (loads[kept[0]] if kept else []):
        ingest(graph, folder, replace=replace, unprotect=True, batch_size=3)
    assert left == dump_of(graph, tmp_path / "alone")
