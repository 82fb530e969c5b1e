"""A synthetic dataset of any size: people posted to a chain of units.

Shared by the benchmarks and the interrupted-load test, which need a load
long enough to measure or to kill halfway.
"""

from __future__ import annotations

from pathlib import Path

from tests.datasets import write_dataset


def chain_dataset(folder: Path, people: int, units: int = 30, name: str = "big") -> Path:
    persons = [{"id": f"person:p{i}", "name": f"Person {i}", "aliases": f"P{i};Alias {i}",
                "sources": "src:big"} for i in range(people)]
    bodies = [{"id": f"unit:u{i}", "name": f"Unit {i}", "sources": "src:big"} for i in range(units)]
    relations = [{"subject": f"person:p{i}", "relation": "MEMBER_OF", "object": f"unit:u{i % units}",
                  "start": str(2000 + i % 20), "sources": "src:big"} for i in range(people)]
    relations += [{"subject": f"unit:u{i}", "relation": "PART_OF", "object": f"unit:u{i - 1}",
                   "sources": "src:big"} for i in range(1, units)]
    return write_dataset(folder, name, sources=[{"id": "src:big", "title": "Big"}], people=persons,
                         units=bodies, relations=relations)
