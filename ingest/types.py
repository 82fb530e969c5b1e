"""Property types: how a cell's raw value becomes a clean value of its column's type.

One registry, which every reader's rows pass through (ingest/validate.py), so a
date typed in our CSV, a date cell of an Excel workbook and a fuzzy SFM date
(`2017-`, `2012-09-03 00:00:00`) are read by the same code. FollowTheMoney's
property types are the model: each type cleans and judges its own values.

A cleaner gets the raw value as a reader gave it (text, a list from YAML, a
number or a date from a spreadsheet) and returns the clean value, or raises
`Invalid` with a message that says what to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from graph import dates
from graph.cells import list_values
from graph.vocabulary import Column, Vocabulary

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
TRUE = {"true", "yes", "1", "y"}
FALSE = {"false", "no", "0", "n", ""}
_TRAILING = re.compile(r"^(\d{4}(?:-\d{1,2}){0,2})-+$")  # `2017-`, `2010-05-`: spreadsheet habits
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]00:00(?::00(?:\.0+)?)?$")  # a date cell saved as text


class Invalid(ValueError):
    """A value its type cannot take; the message says what to write instead."""


def text_of(raw: Any) -> str:
    """The text of a raw value: lists joined with ';', whole floats without '.0'
    (spreadsheets store 7 as 7.0), dates in ISO form."""
    if type(raw) is str:  # nearly every cell: a CSV reader gives only text
        return raw.strip()
    if raw is None:
        return ""
    if isinstance(raw, list):
        return ";".join(text_of(v) for v in raw)
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).strip()


def _id(raw: Any, col: Column, vocab: Vocabulary) -> str:
    text = text_of(raw)
    if not ID_PATTERN.match(text):
        raise Invalid(f"'{text}' is not a valid id: use letters, digits and _ . : - only, "
                      "starting with a letter or digit (e.g. person:sayat-adilbekuly)")
    return text


def _text(raw: Any, col: Column, vocab: Vocabulary) -> str:
    return text_of(raw)


def _items(raw: Any) -> list[str]:
    items = raw if isinstance(raw, list) else list_values(text_of(raw))  # a `\;` stays in its value
    return [t for t in (text_of(i) for i in items) if t]


def _list(raw: Any, col: Column, vocab: Vocabulary) -> list[str]:
    return _items(raw)


def _refs(raw: Any, col: Column, vocab: Vocabulary) -> list[str]:
    items = _items(raw)
    for i in items:
        if not ID_PATTERN.match(i):
            raise Invalid(f"'{i}' is not a valid id; separate ids with ';'")
    return items


def _bool(raw: Any, col: Column, vocab: Vocabulary) -> bool:
    low = text_of(raw).lower()
    if low in TRUE:
        return True
    if low in FALSE:
        return False
    raise Invalid(f"'{text_of(raw)}' is not a yes/no value; write true or false "
                  "(yes/no and 1/0 work too), or leave it empty for false")


def clean_date(raw: Any, month_first: bool = False) -> str:
    """A partial ISO date (`2022`, `2022-01`, `2022-01-05`) from what people and spreadsheets
    write: a date cell, `2017-` or `2010-05-` with a trailing dash, a midnight timestamp.
    `month_first` also reads US dates (`3/9/2012` is 9 March); only a reader whose format
    says so asks for it, as `3/9/2012` means 3 September in most of the world."""
    text = text_of(raw)
    if month_first and (m := _US.match(text)):
        text = f"{m.group(3)}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    for pattern in (_TRAILING, _MIDNIGHT):
        if m := pattern.match(text):
            text = m.group(1)
    parts = text.split("-")
    if len(parts) > 1 and all(p.isdigit() for p in parts):  # `2010-5` means `2010-05`
        text = "-".join([parts[0]] + [p.zfill(2) for p in parts[1:]])
    try:
        dates.bounds(text)
    except dates.PartialDateError as e:
        raise Invalid(str(e)) from None
    return text


def _date(raw: Any, col: Column, vocab: Vocabulary) -> str:
    return clean_date(raw)


def _number(raw: Any, col: Column, vocab: Vocabulary) -> float:
    try:
        number = float(raw) if isinstance(raw, (int, float)) else float(text_of(raw))
    except ValueError:
        raise Invalid(f"'{text_of(raw)}' is not a number; use a dot for decimals (43.25)") from None
    if (col.min is not None and number < col.min) or (col.max is not None and number > col.max):
        raise Invalid(f"{number} is outside {col.min}..{col.max}")
    return number


def _vocab(raw: Any, col: Column, vocab: Vocabulary) -> str:
    text = text_of(raw)
    allowed = vocab.lists[col.list]
    if text not in allowed:
        low = text.lower().replace(" ", "_").replace("-", "_")
        hint = f" (did you mean '{low}'?)" if low in allowed else ""
        raise Invalid(f"'{text}' is not an allowed {col.name}{hint}; allowed: {', '.join(allowed)}")
    return text


Cleaner = Callable[[Any, Column, Vocabulary], Any]
REGISTRY: dict[str, Cleaner] = {
    "id": _id, "text": _text, "list": _list, "refs": _refs, "bool": _bool,
    "date": _date, "number": _number, "vocab": _vocab,
}
EMPTY = {"bool": False}  # what an empty cell means, where not the column's default (a list: no value)


def empty(col: Column) -> Any:
    """What an empty cell of this column means: false for a boolean, else its default or None."""
    return EMPTY.get(col.type, col.default)


def clean(raw: Any, col: Column, vocab: Vocabulary) -> Any:
    """The clean value of a non-empty cell, or Invalid."""
    try:
        cleaner = REGISTRY[col.type]
    except KeyError:
        raise ValueError(f"unknown column type {col.type} in the vocabulary") from None
    return cleaner(raw, col, vocab)
