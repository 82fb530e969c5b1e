"""Malformed datasets thrown at `validate` and `ingest` (property-based, with
hypothesis): whatever the bytes, the answer is a list of located problems or a
clean load, never a traceback, and a rejected dataset leaves the graph exactly
as it was."""

from __future__ import annotations

import codecs
import csv
import io
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.load import ingest, known_ids
from ingest.problems import DatasetInvalid
from ingest.validate import validate
from tests.conftest import ROOT, snapshot
from tests.datasets import small

FILES = ["people", "events", "relations", "units", "sources"]
NASTY_TEXT = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp"]), min_size=1, max_size=20),
    st.sampled_from(["\u202eevil\u202c", "Әсел \u05e9\u05dc\u05d5\u05dd مرحبا Жанар", "\x00\x1b[31m", "=cmd|' /C calc'!A0",
                     "2022-13-40", "2022-02-30", "0000", "99999-01-01", "-2022", "\ufeffid", '"', '""x', "a\r\nb"]),
    st.text(max_size=30),
)


# Files already damaged by an earlier mutation are read and written byte for byte.
def _text(path) -> str:
    return path.read_bytes().decode("utf-8", "surrogateescape")


def _rows(path):
    csv.field_size_limit(10_000_000)
    return list(csv.reader(io.StringIO(_text(path), newline=""))) or [[]]


def _add_relation(folder, subject, relation, obj, start="", end="", sources="src:a"):
    path = folder / "relations.csv"
    rows = _rows(path)
    values = {"subject": subject, "relation": relation, "object": obj, "start": start, "end": end,
              "sources": sources}
    _write_rows(path, rows + [[values.get(h, "") for h in rows[0]]])


def _write_rows(path, rows, delimiter=","):
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8", "surrogateescape"))


@st.composite
def mutation(draw):
    kind = draw(st.sampled_from([
        "encoding", "bom", "delimiter", "ragged", "short", "enormous", "nasty_cell", "duplicate_id",
        "dangling", "cycle", "bad_date", "garbage_bytes", "unbalanced_quote", "empty_file", "header_only"]))
    return kind, draw(st.sampled_from(FILES)), draw(NASTY_TEXT), draw(st.integers(0, 50))


def apply(folder, kind, stem, text, n):
    path = folder / f"{stem}.csv"
    rows = _rows(path)
    header = rows[0]
    if kind == "encoding":
        codec = ["utf-16", "latin-1", "cp1251", "utf-32"][n % 4]
        path.write_bytes(_text(path).replace("Officer", "Офицер Ñ").encode(codec, "replace"))
    elif kind == "bom":
        bom = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF8 + codecs.BOM_UTF8][n % 3]
        path.write_bytes(bom + path.read_bytes())
    elif kind == "delimiter":
        _write_rows(path, rows, delimiter=[";", "\t", "|"][n % 3])
    elif kind == "ragged":
        _write_rows(path, rows + [rows[-1] + [text] * (1 + n % 3)])
    elif kind == "short":
        _write_rows(path, rows + [[f"x:{n}"]])
    elif kind == "enormous":
        _write_rows(path, rows[:1] + [[c + "x" * 200_000 if i == 1 else c for i, c in enumerate(r)] for r in rows[1:]])
    elif kind == "nasty_cell":
        column = n % len(header)
        _write_rows(path, rows[:1] + [[text if i == column else c for i, c in enumerate(r)] for r in rows[1:]])
    elif kind == "duplicate_id" and stem != "relations":
        _write_rows(path, rows + [rows[1]])
    elif kind == "dangling":
        _add_relation(folder, "person:nobody", "MEMBER_OF", "unit:nowhere", sources="src:none")
    elif kind == "cycle":
        _add_relation(folder, "agency:ministry", "PART_OF", "unit:dept")
    elif kind == "bad_date":
        _add_relation(folder, "person:officer", "MEMBER_OF", "unit:dept", start=text or "2022-13-40")
    elif kind == "garbage_bytes":
        path.write_bytes(path.read_bytes() + bytes((n * 37 + i) % 256 for i in range(200)))
    elif kind == "unbalanced_quote":
        path.write_bytes((_text(path) + f'"{text},unclosed\n').encode("utf-8", "surrogateescape"))
    elif kind == "empty_file":
        path.write_bytes(b"")
    elif kind == "header_only":
        _write_rows(path, rows[:1])


@pytest.fixture(scope="module")
def baseline(session_graph, tmp_path_factory):
    """Another dataset already in the graph: a rejected load must not touch it."""
    session_graph.write("admin/delete_everything")
    ingest(session_graph, small(tmp_path_factory.mktemp("base") / "ds", name="already-there"))
    return snapshot(session_graph)


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutations=st.lists(mutation(), min_size=1, max_size=3))
def test_malformed_datasets_end_in_located_errors_and_an_unchanged_graph(session_graph, baseline, tmp_path_factory,
                                                                         mutations):
    folder = small(tmp_path_factory.mktemp("hostile") / "ds", name="hostile")
    for m in mutations:
        apply(folder, *m)
    ds = validate(folder, known_ids=known_ids(session_graph))  # as ingest sees it; must not raise
    for p in ds.problems:
        assert p.file and p.message, p
        assert p.line is not None or p.field or p.file.endswith((".csv", ".yaml")), p
    if ds.ok:
        ingest(session_graph, folder)
        session_graph.write("admin/delete_everything")
        ingest(session_graph, small(tmp_path_factory.mktemp("base") / "ds", name="already-there"))
    else:
        with pytest.raises(DatasetInvalid):
            ingest(session_graph, folder)
    assert snapshot(session_graph) == baseline


def test_each_kind_of_damage_is_caught_where_it_should_be(tmp_path):
    """The property above shows nothing crashes; this shows the errors are the right ones."""
    expect = {
        "encoding": "not UTF-8", "delimiter": "unknown column", "ragged": "cells but the header has",
        "short": "is required and empty", "duplicate_id": "is already defined", "dangling": "is not defined",
        "cycle": "PART_OF makes a loop", "bad_date": "2022-13-40", "unbalanced_quote": "",
    }
    for kind, message in expect.items():
        folder = small(tmp_path / kind)
        apply(folder, kind, "people", "", 0)
        errors = [str(p) for p in validate(folder).errors]
        assert errors and any(message in e for e in errors), (kind, errors)


def test_a_cycle_that_never_holds_at_one_time_is_a_reorganisation_not_an_error(tmp_path):
    folder = small(tmp_path / "ds")
    rel = folder / "relations.csv"
    rows = _rows(rel)
    rows = [r if r[:3] != ["unit:dept", "PART_OF", "agency:ministry"] else r[:4] + ["2020", "2021"] + r[6:] for r in rows]
    _write_rows(rel, rows)
    _add_relation(folder, "agency:ministry", "PART_OF", "unit:dept", start="2023")
    assert validate(folder).ok, [str(p) for p in validate(folder).errors]


def test_the_command_line_shows_problems_never_a_traceback(tmp_path, neo4j_home):
    import os
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["CHAINWATCH_HOME"] = str(neo4j_home)
    for kind in ("encoding", "garbage_bytes", "cycle", "empty_file"):
        folder = small(tmp_path / kind)
        apply(folder, kind, "people", "\u202e", 3)
        for command in ("validate", "ingest"):
            result = subprocess.run([sys.executable, "-m", "chainwatch", command, str(folder)], capture_output=True,
                                    text=True, env=env, cwd=ROOT, timeout=120)
            assert "Traceback" not in result.stderr + result.stdout, (kind, command, result.stderr)
            if kind != "empty_file":
                where = "relations.csv" if kind == "cycle" else "people.csv"
                assert result.returncode == 1 and where in result.stderr + result.stdout, (kind, command)


YAML_ATTACKS = {
    "alias bomb": "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\npeople: [*c, *c, *c, *c, *c, *c, *c, *c]\n",
    "python tag": "dataset: {name: x}\npeople:\n  - id: !!python/object/apply:os.system ['echo pwned']\n",
    "not a mapping": "- just\n- a list\n",
    "tab indentation": "dataset:\n\tname: x\n",
    "binary": "\x00\x01\x02\xff",
    "deep nesting": "people: " + "[" * 5000 + "]" * 5000 + "\n",
    "mapping as a value": "dataset: {name: x}\npeople:\n  - id: person:a\n    name: {first: A}\n",
}


@pytest.mark.parametrize("attack", sorted(YAML_ATTACKS))
def test_hostile_yaml_ends_in_located_errors(tmp_path, attack):
    path = tmp_path / "case.yaml"
    path.write_bytes(YAML_ATTACKS[attack].encode("utf-8", "surrogateescape"))
    ds = validate(path)  # must not raise, nor expand aliases into millions of rows, nor run code
    assert not ds.ok and all(p.file == "case.yaml" for p in ds.problems), [str(p) for p in ds.problems]
    assert len(ds.problems) < 100
