r"""Spreadsheet cells that never run as formulas (CSV injection, as OWASP describes it).

A spreadsheet program treats a cell that begins with `=`, `+`, `-`, `@`, a tab
or a carriage return as a formula. Cells chainwatch writes are neutralised
with a leading apostrophe, and the dataset reader removes that apostrophe, so a
neutralised cell loads back as the original value. A value that itself begins
with an apostrophe before such a character gets one more, so the round trip
is exact; an apostrophe before anything else (`'t Hooft`) is left alone both
ways, so hand-written files read as they always did.

A list is one cell, its values separated by `;`. A value that holds a `;` (an
alias or a note an importer kept whole) is written with `\;`, and a backslash
as `\\`, so the values read back are the values written; any other backslash
reads as itself, so a hand-written path (`C:\cases`) stays as typed.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def _marked(text: str) -> bool:
    return len(text) > 1 and text[0] == QUOTE and text[1] in (*FORMULA_STARTS, QUOTE)


def neutralise(text: str) -> str:
    """The cell as written: safe to open in a spreadsheet."""
    if text.startswith(FORMULA_STARTS) or _marked(text):
        return QUOTE + text
    return text


def original(text: str) -> str:
    """The value a neutralised cell stands for."""
    return text[1:] if _marked(text) else text


_LIST_PARTS = re.compile(r"\\[\\;]|;|[^\\;]+|\\")


def list_cell(values) -> str:
    """A list as one cell: the values separated by `;`, each `;` and backslash inside escaped."""
    return ";".join(str(v).replace("\\", "\\\\").replace(";", "\\;") for v in values)


def list_values(text: str) -> list[str]:
    """The values of a list cell, split at each `;` a backslash does not escape."""
    values, value = [], []
    for part in _LIST_PARTS.findall(text):
        if part == ";":
            values.append("".join(value))
            value = []
        else:
            value.append(part[1] if len(part) == 2 and part[0] == "\\" else part)
    return values + ["".join(value)]
