"""A small Security Force Monitor export, written to the format of
design/sfm-format.md as a workbook and as a folder of CSV files, with the mess
real exports have: floats for numbers, date cells, trailing dashes, US dates,
short and blank rows, a URL in a status cell, unpublished rows, a membership
relation, a violation type with no event type, a date that is no date.

The structure: a battalion under the army general staff, under the ministry of
defence, which answered to the president's office until a coup on 2020-08-18
and to the junta after it. `EXPECTED_SKIPS` lists what the import must skip.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

PRES, JUNTA, MOD, ARMY, BN = ("a0000000-0000-0000-0000-00000000000" + c for c in "12345")
COL, DEP, HIDDEN = ("b0000000-0000-0000-0000-00000000000" + c for c in "123")
TORTURE, LOOTING = "c0000000-0000-0000-0000-000000000001", "c0000000-0000-0000-0000-000000000002"

UNIT_COLUMNS = ["unit:id:admin", "unit:name", "unit:name:source", "unit:name:confidence", "unit:other_names",
                "unit:classification", "unit:country", "unit:relation_type", "unit:related_unit_id:admin",
                "unit:related_unit", "unit:related_unit:source", "unit:related_unit:confidence",
                "unit:related_unit_class", "unit:related_unit_first_cited_date",
                "unit:related_unit_first_cited_date_start", "unit:related_unit_last_cited_date",
                "unit:related_unit_open", "unit:location_type", "unit:status:admin"]
PERSON_COLUMNS = ["person:id:admin", "person:name", "person:name:source", "person:other_names", "person:country",
                  "person:posting_unit_id:admin", "person:posting_unit_name", "person:posting_unit_name:source",
                  "person:posting_role", "person:posting_role:source", "person:posting_role:confidence",
                  "person:posting_title", "person:posting_rank", "person:posting_first_cited_date",
                  "person:posting_first_cited_date_year", "person:posting_first_cited_date_month",
                  "person:posting_first_cited_date_start", "person:posting_last_cited_date",
                  "person:posting_last_cited_date_end", "person:status:admin"]
INCIDENT_COLUMNS = ["incident:id:admin", "incident:start_date", "incident:end_date",
                    "incident:location_description", "incident:violation_type", "incident:violation_description",
                    "incident:perpetrator_person_id:admin", "incident:perpetrator_person_name",
                    "incident:perpetrator_unit_id:admin", "incident:perpetrator_unit_name",
                    "incident:perpetrator_classification", "incident:all:source", "incident:all:confidence",
                    "incident:status:admin"]


def units(workbook: bool) -> list[list]:
    """Rows of the units sheet; `workbook` gives what a spreadsheet stores (floats, date cells)."""
    three = 3.0 if workbook else "3"
    coup = dt.datetime(2020, 8, 18) if workbook else "2020-08-18"
    return [
        [PRES, "Office of the President", "ap-1", "High", "Presidency", "Executive", "ml", "", "", "", "", "",
         "", "", "", "", "", "", three],
        [JUNTA, "National Committee for the Salvation of the People", "ap-2", "High", "CNSP", "Executive",
         "ml", "", "", "", "", "", "", "", "", "", "", "", three],
        [MOD, "Ministry of Defence", "ap-1", "High", "", "Military", "ml", "child", PRES,
         "Office of the President", "ap-1", "High", "Command", "2012", "N", coup, "E", "", three],
        [MOD, "Ministry of Defence", "ap-1", "High", "", "Military", "ml", "child", JUNTA,
         "National Committee for the Salvation of the People", "ap-2", "Medium", "Command", coup, "Y",
         "2023", "Y", "", three],
        [ARMY, "Army General Staff", "ap-1", "High", "", "Army;Military", "ml", "child", MOD, "Ministry of Defence",
         "ap-1;ap-3", "High", "Command", "2012-", "Y", "", "Y", "site", three],
        [BN, "33rd Parachute Battalion", "ap-3", "Medium", "33e RCP", "Army", "ml", "child", ARMY,
         "Army General Staff", "ap-3", "Medium", "Command", "2015-03-", "N", "2019", "N", "aoo", three],
        [BN, "33rd Parachute Battalion", "ap-3", "Medium", "33e RCP", "Army", "ml", "member", ARMY,
         "Army General Staff", "ap-3", "Low", "Informal", "2015", "N", "2016", "N", "", three],
        [BN, "33rd Parachute Battalion", "ap-3", "Medium", "", "Army", "ml", "child", MOD,
         "Ministry of Defence", "ap-3", "Low", "Administrative", "sometime", "N", "", "Y", "", three],
        ["d0000000-0000-0000-0000-000000000009", "A draft unit", "ap-9", "Low", "", "", "ml", "", "", "", "", "",
         "", "", "", "", "", "", "https://example.org/not-a-status"],
        [],
        ["d0000000-0000-0000-0000-000000000008", "An unpublished unit", "ap-9", "Low", "", "", "ml"] + [""] * 11
        + [1.0 if workbook else "1"],
    ]


def persons(workbook: bool) -> list[list]:
    three = 3.0 if workbook else "3"
    return [
        [COL, "Col. Amadou Keita", "ap-4", "A. Keita", "ml", BN, "33rd Parachute Battalion", "ap-4",
         "Commander", "ap-4", "High", "Commanding officer", "Colonel", "03/01/2016", "", "", "Y",
         "2018-06", "N", three],
        [DEP, "Maj. Issa Traore", "ap-4", "", "ml", BN, "33rd Parachute Battalion", "ap-4",
         "Deputy Commander", "ap-4", "Medium", "", "Major", "", 2017.0 if workbook else "2017",
         "5", "N", "", "", three],
        [HIDDEN, "Not yet checked", "ap-9", "", "ml", BN, "", "", "Commander", "", "", "", "", "", "", "", "",
         "", "", 2.0 if workbook else "2"],
    ]


def incidents(workbook: bool) -> list[list]:
    three = 3.0 if workbook else "3"
    return [
        [TORTURE, dt.datetime(2017, 5, 2) if workbook else "2017-05-02", "", "Kati camp",
         "Torture;Arbitrary detention", "Detainees were beaten at the camp by paratroopers.", COL,
         "Col. Amadou Keita", BN, "33rd Parachute Battalion", "Army", "ap-5", "Medium", three],
        [LOOTING, "2018-", "", "Bamako", "Looting", "Shops were looted.", "", "", BN, "", "", "ap-5", "Low",
         three],
    ]


EXPECTED_SKIPS = {  # (sheet entity, data row index from 0) -> a word of the reason
    ("units", 6): "membership",
    ("units", 7): "sometime",
    ("units", 8): "not 3",
    ("units", 10): "not 3",
    ("persons", 2): "not 3",
    ("incidents", 1): "Looting",
}

SHEETS = {"units": (UNIT_COLUMNS, units), "persons": (PERSON_COLUMNS, persons),
          "incidents": (INCIDENT_COLUMNS, incidents)}


def write_workbook(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    book.create_sheet("ml_notes").append(["researcher notes, to be ignored"])
    for entity, (columns, rows) in SHEETS.items():
        ws = book.create_sheet(f"ml_{entity}")
        ws.append(columns)
        for r in rows(True):
            ws.append(r)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def write_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for entity, (columns, rows) in SHEETS.items():
        with open(folder / f"ml_{entity}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(columns)
            for r in rows(False):
                w.writerow([c for c in r] if r else [])
    # A short row, as spreadsheet programs write them (trailing empty cells dropped).
    with open(folder / "ml_persons.csv", "a", newline="", encoding="utf-8") as f:
        f.write("b0000000-0000-0000-0000-000000000004,Lt. Short Row\n")
    return folder
