"""Security Force Monitor import (`chainwatch ingest --from sfm`): a workbook and a
folder of CSV files with every messy case of design/sfm-format.md load what is
valid, report what they skip, keep SFM's citations, and give the chains of
command SFM's date rules give, including an apex replaced by a coup."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import zipfile

import pytest

from graph.chains import chain
from ingest.load import ingest
from ingest.validate import validate
from tests import sfm_fixture as fx
from tests.conftest import ROOT
from tests.test_ingest import cypher


@pytest.fixture(params=["workbook", "folder"])
def export(request, tmp_path):
    if request.param == "workbook":
        return fx.write_workbook(tmp_path / "ml-export.xlsx")
    return fx.write_folder(tmp_path / "ml-export")


def expected_skips(export) -> set[tuple[str, int]]:
    """(sheet, row) of every row the import must skip: the fixture's, plus the short row
    that only the CSV folder has (its status cell is missing)."""
    sheet = (lambda e: f"ml_{e}") if export.suffix == ".xlsx" else (lambda e: f"ml_{e}.csv")
    found = {(sheet(entity), i + 2) for entity, i in fx.EXPECTED_SKIPS}
    return found | ({(sheet("persons"), 5)} if export.is_dir() else set())


def test_an_export_validates_with_a_located_report_of_every_skipped_row(export):
    ds = validate(export, fmt="sfm")
    assert ds.ok, [str(p) for p in ds.errors]
    assert {(p.file, p.line) for p in ds.skipped} == expected_skips(export)
    reasons = {(p.file.split(".")[0], p.line): p.message for p in ds.skipped}
    for (entity, i), word in fx.EXPECTED_SKIPS.items():
        assert word in reasons[(f"ml_{entity}", i + 2)]
    assert ds.name == "sfm-ml"
    assert {n.id for n in ds.nodes if n.label == "Unit"} == {f"unit:sfm-{u}" for u in
                                                             (fx.PRES, fx.JUNTA, fx.MOD, fx.ARMY, fx.BN)}


def test_chains_at_dates_follow_sfms_rules_and_the_coup(graph, export):
    ingest(graph, export, fmt="sfm")

    def ancestors(unit: str, as_of: str | None) -> set[str]:
        c = chain(graph, f"unit:sfm-{unit}", as_of)
        return {link.target.removeprefix("unit:sfm-") for link in c.up if link.relation == "PART_OF"}

    # Before the coup the ministry answers to the president; after it, to the junta; on the
    # day itself (last cited with open = E: it ended exactly then) to both.
    assert ancestors(fx.ARMY, "2019-06-01") == {fx.MOD, fx.PRES}
    assert ancestors(fx.ARMY, "2021-01-01") == {fx.MOD, fx.JUNTA}
    assert ancestors(fx.ARMY, "2020-08-18") == {fx.MOD, fx.PRES, fx.JUNTA}
    assert ancestors(fx.ARMY, None) == {fx.MOD, fx.PRES, fx.JUNTA}
    # First cited 2015-03- (a trailing dash), last cited 2019 with open = N: ended then.
    assert ancestors(fx.BN, "2015-03-01") == {fx.ARMY, fx.MOD, fx.PRES}
    assert ancestors(fx.BN, "2015-02-28") == set()
    assert ancestors(fx.BN, "2019-12-31") == {fx.ARMY, fx.MOD, fx.PRES}
    assert ancestors(fx.BN, "2020-01-01") == set()
    # The commander's posting: a US date (03/01/2016 is 1 March) to 2018-06.
    commanders = lambda d: {l.source for l in chain(graph, f"unit:sfm-{fx.BN}", d).commanders(f"unit:sfm-{fx.BN}")}
    assert commanders("2016-03-01") == {f"person:sfm-{fx.COL}"}
    assert commanders("2016-02-29") == set() and commanders("2018-07-01") == set()


def test_every_fact_cites_sfms_own_access_points(graph, export):
    ingest(graph, export, fmt="sfm")
    facts = cypher(graph, "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.datasets IS NOT NULL "
                          "RETURN type(r) AS type, r.sources AS sources, r.confidence AS confidence, "
                          "a.id AS a, b.id AS b, r.role AS role, r.rank AS rank")
    assert facts and all(f["sources"] and all(s.startswith("src:sfm-ap-") for s in f["sources"]) for f in facts)
    army_to_mod = next(f for f in facts if f["a"] == f"unit:sfm-{fx.ARMY}")
    assert sorted(army_to_mod["sources"]) == ["src:sfm-ap-1", "src:sfm-ap-3"] and army_to_mod["confidence"] == "high"
    posting = next(f for f in facts if f["type"] == "MEMBER_OF" and f["a"] == f"person:sfm-{fx.COL}")
    assert (posting["role"], posting["rank"], posting["confidence"]) == ("Commander", "Colonel", "high")
    assert any(f["type"] == "COMMANDS" and f["a"] == f"person:sfm-{fx.COL}" for f in facts)
    assert not any(f["type"] == "COMMANDS" and f["a"] == f"person:sfm-{fx.DEP}" for f in facts)
    torture = cypher(graph, "MATCH (p)-[r:PARTICIPATED_IN]->(e:Event) RETURN e.type AS type, e.date AS date, "
                            "e.description AS d, collect(p.id) AS who, collect(r.role) AS roles")
    assert len(torture) == 1 and torture[0]["type"] == "ill_treatment" and torture[0]["date"] == "2017-05-02"
    assert "Torture; Arbitrary detention" in torture[0]["d"]
    assert set(torture[0]["who"]) == {f"person:sfm-{fx.COL}", f"unit:sfm-{fx.BN}"}
    assert set(torture[0]["roles"]) == {"alleged_perpetrator"}
    # Each field's own citation stays on the record, as SFM gives it field by field.
    army = cypher(graph, f"MATCH (u {{id: 'unit:sfm-{fx.ARMY}'}}) RETURN u.sources AS s, u.field_sources AS f")
    assert army == [{"s": ["src:sfm-ap-1", "src:sfm-ap-3"], "f": ["name: src:sfm-ap-1 (high)"]}]  # ap-3: the battalion row names it
    sources = cypher(graph, "MATCH (s:Source) RETURN DISTINCT s.publisher AS p, s.kind AS k")
    assert sources == [{"p": "Security Force Monitor", "k": "dataset"}]


def test_the_command_loads_and_writes_the_skip_report(cli, export, tmp_path):
    report = tmp_path / "skipped.csv"
    done = cli("ingest", "--from", "sfm", export, "--report", report)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    skipped = len(expected_skips(export))
    assert f"{skipped} row(s) skipped; all of them are in {report}." in done.stdout
    assert "Loaded 'sfm-ml'" in done.stdout
    with open(report, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {(r["sheet"], int(r["row"])) for r in rows} == expected_skips(export)
    assert all(r["reason"] for r in rows)
    chained = cli("chain", f"unit:sfm-{fx.ARMY}", "--as-of", "2021", "--format", "json")
    assert chained.returncode == 0, chained.stderr
    assert f"unit:sfm-{fx.JUNTA}" in {n["id"] for n in json.loads(chained.stdout)["nodes"]}


# Nine levels of ten: a thousand million "lol"s from a few hundred bytes (the "billion laughs").
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)) + "]>")


@pytest.mark.parametrize("defused", [True, False])
def test_a_workbook_that_expands_entities_is_refused_at_once(tmp_path, defused):
    """A workbook handed over by someone hostile: every sheet's XML expands an entity to gigabytes.
    openpyxl reads XML through defusedxml (a dependency), which refuses entities; without it,
    Python's expat stops the expansion with a ParseError, which before ended in a traceback."""
    plain = fx.write_workbook(tmp_path / "plain.xlsx")
    bomb = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(bomb, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name.startswith("xl/worksheets/"):
                data = (LAUGHS + data.decode("utf-8").replace("<t>", "<t>&lol9;", 1)).encode("utf-8")
            zout.writestr(name, data)
    code = ("import sys, resource\n"
            + ("" if defused else "sys.modules['defusedxml'] = None\n")
            + "from pathlib import Path\nfrom ingest.validate import validate\n"
            "ds = validate(Path(sys.argv[1]), fmt='sfm')\n"
            "print([p.message for p in ds.errors], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    done = subprocess.run([sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-800:]
    messages, peak_kb = done.stdout.rsplit(" ", 1)
    assert "not a readable Excel workbook" in messages and int(peak_kb) < 1_000_000


def test_not_sfm_data_is_a_clear_error_and_an_unknown_format_is_named(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    done = cli("ingest", "--from", "sfm", tmp_path / "empty")
    assert done.returncode == 1 and "not Security Force Monitor data" in done.stderr
    assert "Traceback" not in done.stderr
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    done = cli("ingest", "--from", "sfm", broken)
    assert done.returncode == 1 and "not a readable Excel workbook" in done.stderr
    assert "Traceback" not in done.stderr
    unknown = cli("ingest", "--from", "csvx", tmp_path / "empty")
    assert unknown.returncode == 1 and "known formats: native, sfm" in unknown.stderr
