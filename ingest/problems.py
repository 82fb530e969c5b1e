"""A problem found in a dataset, located so a researcher can fix it in a spreadsheet."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from graph.cells import neutralise


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    column: int | None  # 1-based: the spreadsheet column (CSV) or character (YAML)
    field: str | None
    message: str  # what is wrong and how to fix it
    warning: bool = False  # warnings are shown but do not stop a load

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column {self.column}"
        if self.field:
            where += f" ({self.field})"
        kind = "warning: " if self.warning else ""
        return f"{where}: {kind}{self.message}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column,
                "field": self.field, "message": self.message,
                "severity": "warning" if self.warning else "error"}


class DatasetInvalid(Exception):
    """Raised by ingest when validation found errors; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if not p.warning]
        super().__init__(f"{len(errors)} error(s) in the dataset; nothing was written")

def write_skip_report(skipped: list[Problem], path: Path) -> None:
    """The rows an importer left out, as CSV (sheet, row, reason) for a spreadsheet:
    cells that a spreadsheet would run as formulas are neutralised."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")  # RFC 4180: a CR inside a value is quoted
        w.writerow(["sheet", "row", "reason"])
        for p in skipped:
            w.writerow([neutralise(p.file), p.line or "", neutralise(p.message.removeprefix("skipped: "))])
