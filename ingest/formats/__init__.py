"""Readers by format name (`chainwatch ingest --from NAME`). Each turns what an
investigator holds into the rows of our own format (ingest/readers.py), so
validation and loading never branch on the format; each reports the rows it
could not take in `RawDataset.skipped` (sheet, row, reason)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from graph.vocabulary import Vocabulary
from ingest import readers
from ingest.formats import ftm, sfm

Reader = Callable[[Path, Vocabulary], readers.RawDataset]

READERS: dict[str, Reader] = {
    "native": readers.read,  # our own dataset format: a folder of CSV files or one YAML file
    "sfm": sfm.read,  # Security Force Monitor: an .xlsx workbook or a folder of its CSV files
    "ftm": ftm.read,  # FollowTheMoney entities as JSON lines (Aleph, OpenSanctions, ftm map-csv)
}


def reader(name: str) -> Reader:
    try:
        return READERS[name]
    except KeyError:
        raise ValueError(f"unknown format '{name}'; known formats: {', '.join(READERS)}") from None
