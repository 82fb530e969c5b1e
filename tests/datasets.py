"""Small datasets written on the fly, as a researcher would write them."""

from __future__ import annotations

import csv
from pathlib import Path

HEADERS = {
    "sources": ["id", "title", "publisher", "kind"],
    "people": ["id", "name", "aliases", "protected", "pseudonym", "sources"],
    "agencies": ["id", "name", "kind", "apex", "sources"],
    "units": ["id", "name", "kind", "sources"],
    "organizations": ["id", "name", "kind", "sources"],
    "facilities": ["id", "name", "kind", "lat", "lon", "sources"],
    "events": ["id", "type", "title", "date", "end_date", "status", "sources"],
    "relations": ["subject", "relation", "object", "role", "start", "end", "confidence", "sources", "quote"],
}


def write_dataset(folder: Path, name: str = "test-ds", **files: list[dict]) -> Path:
    """A CSV dataset folder; each keyword is a file stem and its rows (dicts)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dataset.yaml").write_text(f"name: {name}\ntitle: Test dataset\n", encoding="utf-8")
    for stem, rows in files.items():
        header = list(HEADERS[stem])  # a copy: extra columns belong to this file only
        for r in rows:
            header += [k for k in r if k not in header]
        with open(folder / f"{stem}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=header, lineterminator="\r\n")  # RFC 4180: a CR in a value is quoted
            w.writeheader()
            w.writerows(rows)
    return folder


def small(folder: Path, name: str = "test-ds", **overrides: list[dict]) -> Path:
    """A tiny valid dataset: a source, a unit in an agency, an officer, an event."""
    files = {
        "sources": [{"id": "src:a", "title": "Report A", "publisher": "NGO", "kind": "report"}],
        "agencies": [{"id": "agency:ministry", "name": "Ministry", "kind": "ministry", "apex": "no", "sources": "src:a"}],
        "units": [{"id": "unit:dept", "name": "Department", "kind": "police", "sources": "src:a"}],
        "people": [{"id": "person:officer", "name": "Officer One", "aliases": "O. One;Officer 1", "sources": "src:a"},
                   {"id": "person:victim", "name": "Victim", "protected": "yes", "pseudonym": "V.", "sources": "src:a"}],
        "events": [{"id": "event:beating", "type": "ill_treatment", "title": "Beating", "date": "2022-01-05",
                    "status": "alleged", "sources": "src:a"}],
        "relations": [
            {"subject": "unit:dept", "relation": "PART_OF", "object": "agency:ministry", "start": "2020", "sources": "src:a"},
            {"subject": "person:officer", "relation": "member_of", "object": "unit:dept", "start": "2021-03",
             "end": "2022-06", "sources": "src:a", "quote": "an officer of the department"},
            {"subject": "person:victim", "relation": "PARTICIPATED_IN", "object": "event:beating", "role": "victim", "sources": "src:a"},
            {"subject": "person:officer", "relation": "PARTICIPATED_IN", "object": "event:beating",
             "role": "alleged_perpetrator", "confidence": "low", "sources": "src:a"},
        ],
    }
    files.update(overrides)
    return write_dataset(folder, name, **files)
