"""Rows printed as a table (for people), JSON or CSV (for programs).

A table wider than the terminal (80 columns when output goes to a file) is printed a row at a
time, one line a column, as psql's expanded display does: squeezed into columns, an id or a
relation type would be split across lines, where no one can copy or search for it.

`--format json` is stable: an object with `columns`, `rows` (a list of
objects keyed by column) and `truncated`.

A value from a dataset or the server reaches the terminal as text, never as a
command to it: control characters would clear the screen, retitle the window or
write the clipboard (escape sequences), bidirectional overrides reorder what is
read. Tables, trees and messages show them as escapes (`shown`, `SafeConsole`);
JSON escapes them as JSON may, so a program reads the value back exactly; CSV
is exact when piped and shown as escapes on a terminal.
"""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Any

from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from graph.values import HIDDEN, cell_text, plain, shown


def json_text(value: Any, **options: Any) -> str:
    """JSON for a program that may print it: the same value, with every character a terminal
    would act on written as a `\\u` escape."""
    text = json.dumps(value, ensure_ascii=False, **options)  # it escapes the C0 controls itself
    return HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeConsole(Console):
    """A Rich console whose strings are shown, not obeyed (`shown`). Text objects built from
    data must be built from shown strings (Rich measures them before they print)."""

    def render_str(self, text: str, **options: Any) -> Text:
        return super().render_str(shown(text), **options)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def emit(columns: list[str], rows: list[dict[str, Any]], fmt: Format, *,
         title: str | None = None, truncated: bool = False, console: Console | None = None) -> None:
    if fmt == Format.json:
        payload = {"columns": columns, "rows": [plain(r) for r in rows], "truncated": truncated}
        sys.stdout.write(json_text(payload, indent=2) + "\n")
    elif fmt == Format.csv:
        cell = shown if sys.stdout.isatty() else str
        writer = csv.writer(sys.stdout, lineterminator="\r\n")  # RFC 4180: a CR inside a value is quoted
        writer.writerow([cell(c) for c in columns])
        for r in rows:
            writer.writerow([cell(cell_text(r.get(c))) for c in columns])
    else:
        console = console or SafeConsole()
        cells = [[Text(shown(cell_text(r.get(c)))) for c in columns] for r in rows]  # data is never markup
        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for row in cells:
            table.add_row(*row)
        if not rows or _natural_width(console, table) <= console.width:
            console.print(table)
        else:
            _print_expanded(console, columns, cells, title)
        if truncated:
            console.print(f"[yellow]Only the first {len(rows)} rows are shown (the row cap); "
                          "raise it with --limit or CHAINWATCH_ROW_CAP.[/yellow]")


def _natural_width(console: Console, table: Table) -> int:
    """How wide the table is with no cell wrapped (Rich's own measure stops at the console's width)."""
    return console.measure(table, options=console.options.update_width(10**6)).maximum


def _print_expanded(console: Console, columns: list[str], cells: list[list[Text]], title: str | None) -> None:
    """Each row under a rule with its number, a line for each column: the name, then the
    value, which has the width the names leave and wraps only where it has spaces."""
    if title:
        console.print(Text(shown(title), style="italic"))
    for n, row in enumerate(cells, 1):
        console.print(Rule(Text(str(n)), align="left"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", overflow="fold", max_width=max(12, console.width // 3))
        grid.add_column(overflow="fold")
        for column, value in zip(columns, row):
            grid.add_row(Text(shown(column)), value)
        console.print(grid)
