"""Security Force Monitor research data (design/sfm-format.md) as a chainwatch dataset.

Reads a workbook (sheets `<cc>_units`, `<cc>_persons`, `<cc>_incidents`) or a folder
of CSV files (`units.csv`, or with a country prefix `ml_units.csv`), keeps the
published rows, and gives the rows of our own format (sources, units, people,
events, relations), each cell located at the SFM sheet and row it came from, so
validation and loading treat them as any dataset. A row that cannot be imported
is skipped with its sheet, row and reason, and the rest loads. The mapping's
terms are in sfm.yaml beside this file; the choices are in docs/decisions.md.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import yaml

from graph.vocabulary import Vocabulary
from ingest.problems import Problem
from ingest.readers import RawDataset, Row
from ingest.types import ID_PATTERN, Invalid, clean_date, text_of

ENTITIES = ("units", "persons", "incidents")
SHEET = re.compile(r"^(?:([a-z]{2})_)?(units|persons|incidents)$", re.IGNORECASE)
FLAG_WORDS = {"Y": "yes", "N": "no", "E": "ended"}


@lru_cache(maxsize=1)
def terms() -> dict:
    return yaml.safe_load((Path(__file__).with_suffix(".yaml")).read_text(encoding="utf-8"))


class Unreadable(Exception):
    """The workbook itself cannot be read; nothing is imported."""


class Skip(Exception):
    """This SFM row (or its relation) is not imported; the message is the reason."""


@dataclass
class SfmRow:
    sheet: str
    line: int
    values: dict[str, Any]

    def text(self, name: str) -> str:
        return text_of(self.values.get(name))

    def date(self, name: str) -> str:
        """A fuzzy SFM date, or its `_year`/`_month`/`_day` companions; '' when none."""
        raw = self.values.get(name)
        if text_of(raw) == "":
            parts = [text_of(self.values.get(f"{name}_{p}")) for p in ("year", "month", "day")]
            parts = parts[:next((i for i, p in enumerate(parts) if not p), 3)]
            raw = "-".join(parts)
        if text_of(raw) == "":
            return ""
        try:
            return clean_date(raw, month_first=True)  # SFM writes US dates
        except Invalid as e:
            raise Skip(f"{name}: {e}") from None

    def flag(self, name: str) -> str:
        return self.text(name).upper()[:1]

    def ident(self, name: str, prefix: str) -> str:
        raw = self.text(name)
        if not raw:
            raise Skip(f"{name} is empty")
        if not ID_PATTERN.match(raw):
            raise Skip(f"{name} '{raw}' is not an id")
        return f"{prefix}:sfm-{raw.lower()}"

    def cited(self, *fields: str) -> tuple[list[str], str | None]:
        """The access points the fields cite (unioned) and the lowest confidence they give."""
        sources: list[str] = []
        levels = []
        order = list(terms()["confidence"].values())
        for f in fields:
            for ap in self.text(f"{f}:source").replace(",", ";").split(";"):
                ap = ap.strip()
                if ap and ID_PATTERN.match(ap) and f"src:sfm-{ap.lower()}" not in sources:
                    sources.append(f"src:sfm-{ap.lower()}")
            conf = terms()["confidence"].get(self.text(f"{f}:confidence").capitalize())
            if conf:
                levels.append(conf)
        return sources, min(levels, key=order.index) if levels else None


@dataclass
class _Import:
    """The dataset being built: records by id (the first row defines one; later rows add
    sources), relations, the skipped rows."""
    records: dict[str, tuple[str, SfmRow, dict]] = field(default_factory=dict)
    relations: list[tuple[SfmRow, dict]] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)

    def skip(self, row: SfmRow, reason: str) -> None:
        self.skipped.append(Problem(row.sheet, row.line, None, None, f"skipped: {reason}", warning=True))

    def record(self, kind: str, rid: str, row: SfmRow, cells: dict, sources: list[str],
               defining: bool = True) -> None:
        """Define a record, or add the citations of another row that restates it. A record a
        row only refers to (a parent unit without a row of its own) is defined by name only."""
        cells = {**cells, "id": rid, "sources": list(sources), "_defined": defining}
        known = self.records.get(rid)
        if known is None or (defining and not known[2]["_defined"]):
            self.records[rid] = (kind, row, cells)
        if known:
            kept = self.records[rid][2]
            other = known[2] if kept is cells else cells
            for cited in ("sources", "field_sources"):
                kept[cited] = list(dict.fromkeys(kept.get(cited, []) + other.get(cited, [])))

    def relation(self, row: SfmRow, **cells: Any) -> None:
        if not cells.get("sources"):
            raise Skip(f"the {cells['relation']} relation cites no access point")
        self.relations.append((row, cells))


def _published(row: SfmRow, entity: str) -> None:
    status = row.text(f"{entity}:status:admin")
    if status != str(terms()["published_status"]):
        raise Skip(f"{entity}:status:admin is '{status}', not {terms()['published_status']} (published)")


def _actor(imp: _Import, row: SfmRow, entity: str, file: str, **columns: str) -> str:
    """The record a published unit or person row gives (sources: those its fields cite)."""
    _published(row, entity)
    rid = row.ident(f"{entity}:id:admin", entity)
    if not row.text(f"{entity}:name"):
        raise Skip(f"{entity}:name is empty")
    columns = {"name": f"{entity}:name", "aliases": f"{entity}:other_names", **columns}
    sources, _ = row.cited(*columns.values())
    values = {k: row.text(c) for k, c in columns.items()}
    values["field_sources"] = [_field_cited(k, *row.cited(c)) for k, c in columns.items()
                               if values[k] and row.cited(c)[0]]
    imp.record(file, rid, row, values, sources)
    return rid


def _field_cited(name: str, sources: list[str], confidence: str | None) -> str:
    """One field's own citation, kept on the record (`field_sources`): SFM cites field by field."""
    return f"{name}: {', '.join(sources)}" + (f" ({confidence})" if confidence else "")


def _units(imp: _Import, row: SfmRow) -> None:
    uid = _actor(imp, row, "unit", "units", kind="unit:classification", country="unit:country")
    kind = row.text("unit:relation_type").lower()
    if not kind:
        return
    if kind == "member":
        raise Skip(terms()["member_relation"])
    if kind != "child":
        raise Skip(f"unit:relation_type '{row.text('unit:relation_type')}' is neither child nor member")
    parent = row.ident("unit:related_unit_id:admin", "unit")
    sources, confidence = row.cited("unit:related_unit")
    first, last = row.date("unit:related_unit_first_cited_date"), row.date("unit:related_unit_last_cited_date")
    still = row.flag("unit:related_unit_open") == "Y"
    note = (f"SFM: {row.text('unit:related_unit_class') or 'unclassified'} relation; first cited "
            f"{first or 'never'} (real start: {FLAG_WORDS.get(row.flag('unit:related_unit_first_cited_date_start'), 'not said')}); "
            f"last cited {last or 'never'} (open: {FLAG_WORDS.get(row.flag('unit:related_unit_open'), 'not said')})")
    if related := row.text("unit:related_unit"):
        imp.record("units", parent, row, {"name": related}, sources, defining=False)
    imp.relation(row, subject=uid, relation="PART_OF", object=parent, start=first,
                 end="" if still else last, confidence=confidence, sources=sources, note=note)


def _persons(imp: _Import, row: SfmRow) -> None:
    pid = _actor(imp, row, "person", "people")
    if not row.text("person:posting_unit_id:admin"):
        return
    unit = row.ident("person:posting_unit_id:admin", "unit")
    sources, confidence = row.cited("person:posting_unit_name", "person:posting_role", "person:posting_title",
                                    "person:posting_rank", "person:posting_first_cited_date",
                                    "person:posting_last_cited_date")
    first, last = row.date("person:posting_first_cited_date"), row.date("person:posting_last_cited_date")
    if unit_name := row.text("person:posting_unit_name"):
        imp.record("units", unit, row, {"name": unit_name}, sources, defining=False)
    role, title = row.text("person:posting_role"), row.text("person:posting_title")
    dates = {"start": first, "end": last, "confidence": confidence, "sources": sources,
             "note": f"SFM posting; last cited {last or 'never'} "
                     f"(real end: {FLAG_WORDS.get(row.flag('person:posting_last_cited_date_end'), 'not said')})"}
    imp.relation(row, subject=pid, relation="MEMBER_OF", object=unit, role=role, title=title,
                 rank=row.text("person:posting_rank"), **dates)
    if role in terms()["command_roles"]:
        imp.relation(row, subject=pid, relation="COMMANDS", object=unit, title=title, **dates)


def _incidents(imp: _Import, row: SfmRow) -> None:
    _published(row, "incident")
    eid = row.ident("incident:id:admin", "event")
    violations = [v.strip() for v in row.text("incident:violation_type").split(";") if v.strip()]
    mapped = [terms()["violation_types"].get(v.lower()) for v in violations]
    etype = next((t for t in mapped if t), None)
    if etype is None:
        raise Skip(f"incident:violation_type '{row.text('incident:violation_type')}' maps to no "
                   "event type; add it to ingest/formats/sfm.yaml")
    sources, confidence = row.cited("incident:all")
    described = row.text("incident:violation_description")
    start, end = row.date("incident:start_date"), row.date("incident:end_date")
    imp.record("events", eid, row, {
        "type": etype, "title": (described[:117] + "...") if len(described) > 120 else (described or ", ".join(violations)),
        "date": start or "", "end_date": end if start and end != start else "",
        "place": row.text("incident:location_description"), "status": "alleged",
        "description": f"{described}\nSFM violation types: {'; '.join(violations)}".strip(),
        "confidence": confidence or ""}, sources)
    for who, prefix, kind in (("person", "person", "people"), ("unit", "unit", "units")):
        if not row.text(f"incident:perpetrator_{who}_id:admin"):
            continue
        actor = row.ident(f"incident:perpetrator_{who}_id:admin", prefix)
        if named := row.text(f"incident:perpetrator_{who}_name"):
            imp.record(kind, actor, row, {"name": named}, sources, defining=False)
        imp.relation(row, subject=actor, relation="PARTICIPATED_IN", object=eid, role="alleged_perpetrator",
                     confidence=confidence, sources=sources,
                     note=f"SFM perpetrator ({row.text('incident:perpetrator_classification') or 'unclassified'})")


READ = {"units": _units, "persons": _persons, "incidents": _incidents}


def _rows_of_table(sheet: str, table: list[list[Any]]) -> list[SfmRow]:
    """Rows of one sheet as SfmRows (header first; blank rows dropped, short rows padded)."""
    if not table:
        return []
    header = [text_of(h) for h in table[0]]
    rows = []
    for line, values in enumerate(table[1:], start=2):
        if not any(text_of(v) for v in values):
            continue
        values = list(values) + [None] * (len(header) - len(values))
        rows.append(SfmRow(sheet, line, {h: v for h, v in zip(header, values) if h}))
    return rows


def _tables(path: Path) -> tuple[dict[str, tuple[str, list[list[Any]]]], dict[str, str], str]:
    """{entity: (sheet name, table)}, the files' hashes, and the country code if one is given."""
    found: dict[str, tuple[str, list[list[Any]]]] = {}
    hashes: dict[str, str] = {}
    country = ""
    if path.is_file() and path.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl  # only an SFM workbook needs it
        data = path.read_bytes()
        hashes[path.name] = hashlib.sha256(data).hexdigest()
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            for ws in book.worksheets:
                if m := SHEET.match(ws.title.strip()):
                    found[m.group(2).lower()] = (ws.title, [list(r) for r in ws.iter_rows(values_only=True)])
                    country = country or (m.group(1) or "").lower()
            book.close()
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, ParseError) as e:  # ValueError: defusedxml's refusals
            raise Unreadable(f"not a readable Excel workbook ({e}); open it in a spreadsheet program "
                             "and save it again as .xlsx, or export its sheets as CSV files") from None
    elif path.is_dir():
        for f in sorted(path.glob("*.csv")):
            if m := SHEET.match(f.stem):
                data = f.read_bytes()
                hashes[f.name] = hashlib.sha256(data).hexdigest()
                text = data.decode("utf-8-sig", errors="replace")
                found[m.group(2).lower()] = (f.name, list(csv.reader(io.StringIO(text, newline=""))))
                country = country or (m.group(1) or "").lower()
    return found, hashes, country


def read(path: Path, vocab: Vocabulary) -> RawDataset:
    path = Path(path)
    ds = RawDataset(path, metadata={"name": "sfm"})  # SFM data has no dataset.yaml to complain about
    try:
        tables, ds.hashes, country = _tables(path)
    except Unreadable as e:
        ds.problems.append(Problem(path.name, None, None, None, str(e)))
        return ds
    if not tables:
        ds.problems.append(Problem(path.name, None, None, None,
            "not Security Force Monitor data: give an .xlsx workbook with sheets such as "
            "ml_units and ml_persons, or a folder of units.csv, persons.csv, incidents.csv"))
        return ds
    imp = _Import()
    for entity in ENTITIES:
        sheet, table = tables.get(entity, ("", []))
        for row in _rows_of_table(sheet, table):
            try:
                READ[entity](imp, row)
            except Skip as e:
                imp.skip(row, str(e))
    publisher = terms()["publisher"]
    cited = sorted({s for _, _, cells in imp.records.values() for s in cells["sources"]}
                   | {s for _, cells in imp.relations for s in cells["sources"]})
    ds.rows += [Row.of(path.name, "sources", 1, {"id": s, "title": f"{publisher} access point {s[8:]}",
                                                 "publisher": publisher, "kind": "dataset"}) for s in cited]
    ds.rows += [Row.of(at.sheet, kind, at.line, cells) for kind, at, cells in imp.records.values()]
    ds.rows += [Row.of(at.sheet, "relations", at.line, cells) for at, cells in imp.relations]
    ds.metadata = {"name": f"sfm-{country}" if country else "sfm",
                   "title": f"{publisher} research data ({path.name})", "license": terms()["license"]}
    ds.problems += imp.skipped
    ds.skipped = imp.skipped
    return ds
