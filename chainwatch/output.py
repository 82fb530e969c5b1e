"""Rows printed as a table (for people), JSON or CSV (for programs).

`--format json` is stable: an object with `columns`, `rows` (a list of
objects keyed by column) and `truncated`.
"""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from graph.values import cell_text, plain


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def emit(columns: list[str], rows: list[dict[str, Any]], fmt: Format, *,
         title: str | None = None, truncated: bool = False, console: Console | None = None) -> None:
    if fmt == Format.json:
        payload = {"columns": columns, "rows": [plain(r) for r in rows], "truncated": truncated}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif fmt == Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([cell_text(r.get(c)) for c in columns])
    else:
        console = console or Console()
        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(Text(cell_text(r.get(c))) for c in columns))  # data is never markup
        console.print(table)
        if truncated:
            console.print(f"[yellow]Only the first {len(rows)} rows are shown (the row cap); "
                          "raise it with --limit or CHAINWATCH_ROW_CAP.[/yellow]")
