"""Partial ISO dates (`2022`, `2022-01`, `2022-01-05`) as the intervals they name.

A fact that starts in "2021" holds from 2021-01-01; one that ends in
"2022-01" holds until 2022-01-31. The graph keeps the original text for
display and these bounds as Neo4j dates, so "valid at D" is a plain range
comparison in Cypher: `(r.valid_from IS NULL OR r.valid_from <= D) AND
(r.valid_to IS NULL OR r.valid_to >= D)`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDateError(ValueError):
    pass


def bounds(text: str) -> tuple[dt.date, dt.date]:
    """First and last day of the interval a partial date names."""
    m = PARTIAL_DATE.match(text.strip())
    if not m:
        raise PartialDateError(f"'{text}' is not an ISO date; write 2022, 2022-01 or 2022-01-05")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        d = dt.date(year, month, day)
        return d, d
    except ValueError:
        raise PartialDateError(f"'{text}' is not a real calendar date") from None


def first_day(text: str | None) -> dt.date | None:
    return bounds(text)[0] if text else None


def last_day(text: str | None) -> dt.date | None:
    return bounds(text)[1] if text else None


def as_of(text: str) -> dt.date:
    """A query date: a partial date means its first day (`--as-of 2022-01`)."""
    return bounds(text)[0]
