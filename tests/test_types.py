"""The property types every reader's cells pass through (ingest/types.py): what
spreadsheets and researchers write is cleaned the same way for every format."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.vocabulary import Column, load
from ingest import types

DATE, NUMBER, BOOL = Column("start", "date"), Column("lat", "number", min=-90, max=90), Column("apex", "bool")


@pytest.mark.parametrize("raw, clean", [
    ("2012", "2012"), ("2012-09", "2012-09"), ("2012-09-03", "2012-09-03"),
    ("2017-", "2017"), ("2010-05-", "2010-05"), ("2010-5", "2010-05"),  # spreadsheet habits
    ("2012-09-03 00:00:00", "2012-09-03"), (dt.datetime(2012, 9, 3), "2012-09-03"),
    (dt.date(2012, 9, 3), "2012-09-03"), (2012.0, "2012"), (" 2012-09 ", "2012-09"),
])
def test_dates_are_cleaned_to_partial_iso(raw, clean):
    assert types.clean(raw, DATE, load()) == clean


@pytest.mark.parametrize("raw", ["03/09/2012", "2012-13", "2012-02-30", "soon", "2012--09"])
def test_what_is_not_a_date_says_how_to_write_one(raw):
    with pytest.raises(types.Invalid, match="2022-01-05|real calendar date"):
        types.clean(raw, DATE, load())


def test_numbers_booleans_and_lists_as_spreadsheets_store_them():
    vocab = load()
    assert types.clean("7.0", NUMBER, vocab) == 7.0 and types.clean(43.25, NUMBER, vocab) == 43.25
    assert types.text_of(7.0) == "7" and types.text_of(7.5) == "7.5"
    with pytest.raises(types.Invalid, match="outside"):
        types.clean("91", NUMBER, vocab)
    assert [types.clean(v, BOOL, vocab) for v in ("Y", "n", "yes", "0", True)] == [True, False, True, False, True]
    assert types.clean(" a; b ;;c ", Column("aliases", "list"), vocab) == ["a", "b", "c"]
    with pytest.raises(types.Invalid, match="not a valid id"):
        types.clean("src:a;bad id", Column("sources", "refs"), vocab)


def test_a_list_cell_keeps_a_semicolon_or_backslash_inside_a_value():
    """What the CSV export writes reads back as the same values; a hand-written cell reads as it
    always did, a lone backslash included."""
    from graph.cells import list_cell
    vocab, aliases = load(), Column("aliases", "list")
    tricky = ["Nurlanov; Aidar", "ends in \\", "C:\\staff;", "\\;", "plain"]
    assert types.clean(list_cell(tricky), aliases, vocab) == tricky
    assert types.clean("C:\\cases; Ivanov", aliases, vocab) == ["C:\\cases", "Ivanov"]
    assert types.clean("Smith\\; John;J. S.", aliases, vocab) == ["Smith; John", "J. S."]


def test_us_dates_only_when_the_reader_says_so():
    assert types.clean_date("3/9/2012", month_first=True) == "2012-03-09"
    with pytest.raises(types.Invalid):
        types.clean_date("3/9/2012")  # 3 September in most of the world: never guessed
