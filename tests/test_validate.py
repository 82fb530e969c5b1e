"""Validation: every kind of error, each located by file, line and column,
all reported at once; the two dataset forms (CSV folder, YAML) read alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.vocabulary import load
from ingest.validate import validate
from tests.datasets import small, write_dataset
from tests.conftest import SAMPLE


def problems(path: Path) -> list[str]:
    return [str(p) for p in validate(path).errors]


def only(path: Path) -> str:
    found = problems(path)
    assert len(found) == 1, found
    return found[0]


def test_small_dataset_is_valid(tmp_path):
    ds = validate(small(tmp_path / "ds"))
    assert ds.ok, [str(p) for p in ds.problems]
    assert len(ds.nodes) == 6 and len(ds.relations) == 4


def test_sample_dataset_is_valid():
    ds = validate(SAMPLE)
    assert ds.ok, [str(p) for p in ds.errors]


def test_bad_vocabulary_value_names_file_line_column_and_allowed_values(tmp_path):
    path = small(tmp_path / "ds", events=[
        {"id": "event:x", "type": "beating", "title": "X", "status": "alleged", "sources": "src:a"}], relations=[])
    msg = only(path)
    assert msg.startswith("events.csv, line 2, column 2 (type):"), msg
    assert "'beating' is not an allowed type" in msg and "ill_treatment" in msg


def test_vocabulary_hint_for_near_miss(tmp_path):
    path = small(tmp_path / "ds", events=[
        {"id": "event:x", "type": "Ill-Treatment", "title": "X", "status": "alleged", "sources": "src:a"}],
        relations=[])
    assert "did you mean 'ill_treatment'" in only(path)


def test_bad_status_role_confidence_are_each_reported(tmp_path):
    path = small(tmp_path / "ds",
                 events=[{"id": "event:x", "type": "death", "title": "X", "status": "probable", "sources": "src:a"}],
                 relations=[{"subject": "person:officer", "relation": "PARTICIPATED_IN", "object": "event:x",
                             "role": "torturer", "confidence": "certain", "sources": "src:a"}])
    found = problems(path)
    assert any(m.startswith("events.csv, line 2, column 6 (status)") for m in found), found
    assert any(m.startswith("relations.csv, line 2, column 4 (role)") and "torturer" in m for m in found), found
    assert any(m.startswith("relations.csv, line 2, column 7 (confidence)") and "high, medium, low" in m
               for m in found), found


def test_missing_required_value(tmp_path):
    path = small(tmp_path / "ds", people=[{"id": "person:x", "name": "", "sources": "src:a"}],
                 relations=[])
    assert only(path).startswith("people.csv, line 2, column 2 (name): 'name' is required")


def test_missing_required_column_in_header(tmp_path):
    folder = small(tmp_path / "ds", relations=[])
    (folder / "units.csv").write_text("id,kind\nunit:dept,police\n", encoding="utf-8")
    assert only(folder).startswith("units.csv, line 1 (name): required column 'name' is missing")


def test_unknown_column_and_unknown_file(tmp_path):
    folder = small(tmp_path / "ds", relations=[])
    (folder / "units.csv").write_text("id,name,soruces\nunit:dept,Dept,src:a\n", encoding="utf-8")
    (folder / "peoples.csv").write_text("id,name\n", encoding="utf-8")
    found = problems(folder)
    assert any(m.startswith("units.csv, line 1, column 3 (soruces): unknown column") for m in found), found
    assert any(m.startswith("peoples.csv: unknown file") and "people.csv" in m for m in found), found


def test_duplicate_id_across_files(tmp_path):
    path = small(tmp_path / "ds", units=[{"id": "person:officer", "name": "Dept", "sources": "src:a"}],
                 relations=[])
    msg = only(path)
    assert msg.startswith("units.csv, line 2, column 1 (id)") and "people.csv line 2" in msg


def test_bad_id_bool_date_number(tmp_path):
    path = small(tmp_path / "ds",
                 people=[{"id": "person x", "name": "X", "protected": "maybe", "sources": "src:a"}],
                 facilities=[{"id": "facility:f", "name": "F", "lat": "91", "lon": "east", "sources": "src:a"}],
                 events=[{"id": "event:e", "type": "death", "title": "E", "date": "2022-02-30", "sources": "src:a"},
                         {"id": "event:f", "type": "death", "title": "F", "date": "05/01/2022", "sources": "src:a"}],
                 relations=[])
    found = problems(path)
    expect = ["people.csv, line 2, column 1 (id): 'person x' is not a valid id",
              "people.csv, line 2, column 4 (protected): 'maybe' is not a yes/no value",
              "facilities.csv, line 2, column 4 (lat): 91.0 is outside",
              "facilities.csv, line 2, column 5 (lon): 'east' is not a number",
              "events.csv, line 2, column 4 (date): '2022-02-30' is not a real calendar date",
              "events.csv, line 3, column 4 (date): '05/01/2022' is not an ISO date"]
    for e in expect:
        assert any(m.startswith(e) for m in found), (e, found)


def test_dates_out_of_order(tmp_path):
    path = small(tmp_path / "ds",
                 events=[{"id": "event:e", "type": "detention", "title": "E", "date": "2022-03",
                          "end_date": "2022-02-10", "sources": "src:a"}],
                 relations=[{"subject": "unit:dept", "relation": "PART_OF", "object": "agency:ministry",
                             "start": "2022", "end": "2021", "sources": "src:a"}])
    found = problems(path)
    assert any(m.startswith("events.csv, line 2, column 5 (end_date)") for m in found), found
    assert any(m.startswith("relations.csv, line 2, column 6 (end)") for m in found), found


def test_relation_endpoints_and_unknown_relation(tmp_path):
    path = small(tmp_path / "ds", relations=[
        {"subject": "person:officer", "relation": "OPERATES", "object": "unit:dept", "sources": "src:a"},
        {"subject": "unit:dept", "relation": "SUPERVISES", "object": "agency:ministry", "sources": "src:a"},
    ])
    found = problems(path)
    assert any(m.startswith("relations.csv, line 2, column 1 (subject): a OPERATES subject must be a Agency or Unit")
               for m in found), found
    assert any(m.startswith("relations.csv, line 2, column 3 (object): a OPERATES object must be a Facility")
               for m in found), found
    assert any(m.startswith("relations.csv, line 3, column 2 (relation): 'SUPERVISES' is not a relation")
               for m in found), found


def test_undefined_ids_and_missing_sources(tmp_path):
    path = small(tmp_path / "ds", relations=[
        {"subject": "person:nobody", "relation": "MEMBER_OF", "object": "unit:dept", "sources": "src:missing"},
        {"subject": "person:officer", "relation": "MEMBER_OF", "object": "unit:dept", "start": "2019", "sources": ""},
        {"subject": "person:officer", "relation": "PARTICIPATED_IN", "object": "event:beating", "sources": "src:a"},
    ])
    found = problems(path)
    assert any(m.startswith("relations.csv, line 2, column 1 (subject): subject 'person:nobody' is not defined")
               for m in found), found
    assert any(m.startswith("relations.csv, line 2, column 8 (sources): source 'src:missing' is not defined")
               for m in found), found
    assert any(m.startswith("relations.csv, line 3, column 8 (sources): 'sources' is required") for m in found), found
    assert any(m.startswith("relations.csv, line 4, column 4 (role): PARTICIPATED_IN needs a role") for m in found), found


def test_role_on_a_relation_that_takes_none(tmp_path):
    path = small(tmp_path / "ds", relations=[
        {"subject": "unit:dept", "relation": "PART_OF", "object": "agency:ministry", "role": "victim", "sources": "src:a"}])
    assert only(path).startswith("relations.csv, line 2, column 4 (role): PART_OF takes no role")


def test_duplicate_fact_and_repeated_fact_with_other_dates(tmp_path):
    row = {"subject": "person:officer", "relation": "MEMBER_OF", "object": "unit:dept", "start": "2015",
           "end": "2016", "sources": "src:a"}
    again = dict(row, start="2019", end="")
    path = small(tmp_path / "ds", relations=[row, again, dict(row)])
    msg = only(path)  # the posting years apart is fine; the exact repeat is not
    assert msg.startswith("relations.csv, line 4: ") and "line 2" in msg


def test_broken_csv_row_and_bad_encoding(tmp_path):
    folder = small(tmp_path / "ds", relations=[])
    (folder / "units.csv").write_text('id,name,sources\nunit:dept,"Dept, HQ",src:a,extra\n', encoding="utf-8")
    (folder / "organizations.csv").write_bytes("id,name\norg:x,Caf\xe9\n".encode("latin-1"))
    found = problems(folder)
    assert any(m.startswith("units.csv, line 2, column 4: this row has 4 cells") for m in found), found
    assert any(m.startswith("organizations.csv, line 2: not UTF-8") for m in found), found


def test_every_problem_reported_at_once(tmp_path):
    path = small(tmp_path / "ds",
                 people=[{"id": "person:a", "name": "", "sources": "src:a"},
                         {"id": "person:b", "name": "B", "protected": "perhaps", "sources": "src:nope"}],
                 relations=[])
    assert len(problems(path)) == 3


def test_missing_metadata(tmp_path):
    folder = small(tmp_path / "ds", relations=[])
    (folder / "dataset.yaml").write_text("title: no name\n", encoding="utf-8")
    assert only(folder).startswith("dataset.yaml (name): the dataset needs a `name`")


def test_quoted_multiline_cell_keeps_line_numbers(tmp_path):
    folder = small(tmp_path / "ds", relations=[])
    (folder / "units.csv").write_text(
        'id,name,description,sources\nunit:dept,Dept,"two\nlines",src:a\nunit:other,Other,,src:zzz\n', encoding="utf-8")
    assert only(folder).startswith("units.csv, line 4, column 4 (sources)")


YAML_CASE = """\
dataset:
  name: yaml-case
sources:
  - id: src:a
    title: Report A
people:
  - id: person:officer
    name: Officer One
    aliases: [O. One, Officer 1]
    sources: src:a
units:
  - id: unit:dept
    name: Department
relations:
  - subject: person:officer
    relation: MEMBER_OF
    object: unit:dept
    start: 2021-03
    sources: [src:a]
  - subject: person:officer
    relation: PARTICIPATED_IN
    object: unit:dept
    role: boss
    sources: src:a
"""


def test_yaml_form_is_located_by_line_and_column(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(YAML_CASE, encoding="utf-8")
    found = problems(path)
    assert found == [m for m in found if m.startswith(
        "case.yaml, line 23, column 11 (role): 'boss' is not a participation role")], found
    assert len(found) == 1


def test_yaml_and_csv_forms_read_alike(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(YAML_CASE.rsplit("  - subject: person:officer\n    relation: PARTICIPATED_IN", 1)[0],
                    encoding="utf-8")
    from_yaml = validate(path)
    folder = write_dataset(tmp_path / "csv", "yaml-case",
                           sources=[{"id": "src:a", "title": "Report A"}],
                           people=[{"id": "person:officer", "name": "Officer One",
                                    "aliases": "O. One;Officer 1", "sources": "src:a"}],
                           units=[{"id": "unit:dept", "name": "Department"}],
                           relations=[{"subject": "person:officer", "relation": "MEMBER_OF",
                                       "object": "unit:dept", "start": "2021-03", "sources": "src:a"}])
    from_csv = validate(folder)
    assert from_yaml.ok and from_csv.ok, [str(p) for p in from_yaml.problems + from_csv.problems]
    as_data = lambda ds: (sorted((n.id, n.label, n.props, n.sources) for n in ds.nodes),
                          sorted((r.id, r.type, r.props, r.sources) for r in ds.relations))
    assert as_data(from_yaml) == as_data(from_csv)


def test_new_event_type_is_a_one_line_vocabulary_change(tmp_path):
    source = Path(__file__).resolve().parent.parent / "graph" / "vocabulary.yaml"
    vocab_file = tmp_path / "vocabulary.yaml"
    vocab_file.write_text(source.read_text().replace(
        "    hospitalization: admission to hospital\n",
        "    hospitalization: admission to hospital\n    disappearance: a person vanished in custody\n"))
    path = small(tmp_path / "ds", events=[
        {"id": "event:x", "type": "disappearance", "title": "X", "status": "alleged", "sources": "src:a"}],
        relations=[])
    assert not validate(path).ok
    assert validate(path, vocab=load(vocab_file)).ok


def test_short_rows_miss_required_cells(tmp_path):
    """Spreadsheet programs drop trailing empty cells: a row of only an id is not a person."""
    folder = small(tmp_path / "ds")
    with open(folder / "people.csv", "a", encoding="utf-8") as f:
        f.write("person:x\n")
    with open(folder / "events.csv", "a", encoding="utf-8") as f:
        f.write("event:short,ill_treatment\n")
    found = problems(folder)
    assert "people.csv, line 4, column 2 (name): 'name' is required and empty; fill it in" in found
    assert "events.csv, line 3, column 3 (title): 'title' is required and empty; fill it in" in found
    assert len(found) == 2, found


def test_unicode_line_separators_inside_a_cell_are_text(tmp_path):
    """Only CR and LF end a CSV line; U+2028, U+0085 and friends stay inside the cell."""
    name = "Line\u2028Separator\x85Next\x1cFile"
    folder = small(tmp_path / "ds", people=[{"id": "person:odd", "name": name, "sources": "src:a"},
                                            {"id": "person:officer", "name": "Officer One", "sources": "src:a"},
                                            {"id": "person:victim", "name": "Victim", "sources": "src:a"}])
    ds = validate(folder)
    assert ds.ok, [str(p) for p in ds.problems]
    assert next(n for n in ds.nodes if n.id == "person:odd").props["name"] == name


def test_a_fact_repeated_twice_names_its_first_row_each_time(tmp_path):
    row = {"subject": "person:officer", "relation": "MEMBER_OF", "object": "unit:dept", "start": "2015",
           "end": "2016", "sources": "src:a"}
    path = small(tmp_path / "ds", relations=[dict(row, start="2019", end=""), row, dict(row), dict(row)])
    found = problems(path)
    assert [m.split(":")[0] for m in found] == ["relations.csv, line 4", "relations.csv, line 5"], found
    assert all("already on line 3" in m for m in found), found


def test_bad_encoding_far_into_a_large_file_names_its_line(tmp_path):
    """A folder's files are checked a megabyte at a time: the line is right past the first chunk."""
    folder = small(tmp_path / "ds", relations=[])
    lines = ["id,name,sources"] + [f"org:o{i},Организация {i} {'x' * 40},src:a" for i in range(30_000)]
    data = ("\n".join(lines) + "\n").encode("utf-8") + "org:bad,Caf\xe9,src:a\n".encode("latin-1")
    assert len(data) > 2 * (1 << 20)
    (folder / "organizations.csv").write_bytes(data)
    assert only(folder).startswith("organizations.csv, line 30002: not UTF-8")


def test_a_file_changed_while_it_is_read_stops_the_load(tmp_path):
    """Rows are read as they are validated, after the files were hashed: a file edited in between
    would load what the recorded hash does not describe."""
    from ingest.readers import read
    from ingest.validate import check_raw

    folder = small(tmp_path / "ds")
    raw = read(folder)
    rows = iter(raw.rows)
    first = next(rows)
    with open(folder / "relations.csv", "a", encoding="utf-8") as f:
        f.write("person:officer,MEMBER_OF,unit:dept,,2001,,,,,src:a\n")
    raw.rows = [first, *rows]
    found = [str(p) for p in check_raw(raw).errors]
    assert any(m.startswith("relations.csv: the file changed while it was being read") for m in found), found


def test_an_empty_list_cell_is_no_value_as_an_empty_text_cell_is(tmp_path):
    """docs/decisions.md, "An empty list is no value": an empty `aliases` cell, or one of
    separators only, gives no list at all (the bulk importer cannot write an empty one)."""
    path = small(tmp_path / "ds", people=[
        {"id": "person:officer", "name": "Officer One", "aliases": "", "sources": "src:a"},
        {"id": "person:victim", "name": "Victim", "aliases": " ; ;", "sources": "src:a"},
        {"id": "person:third", "name": "Third", "aliases": "T.;", "sources": "src:a"}])
    ds = validate(path)
    assert ds.ok, [str(p) for p in ds.problems]
    aliases = {n.id: n.props.get("aliases") for n in ds.nodes if n.label == "Person"}
    assert aliases == {"person:officer": None, "person:victim": None, "person:third": ["T."]}


def test_an_invisible_control_character_is_a_warning_naming_field_and_line(tmp_path):
    """A name carrying an escape sequence, or a right-to-left override in a list, still loads
    (it is kept as written) but is pointed out: it cannot be seen in a spreadsheet."""
    people = [{"id": "person:officer", "name": "Officer\x1b[2J One", "sources": "src:a"},
              {"id": "person:victim", "name": "Victim", "aliases": "V.;\u202eeman", "protected": "yes",
               "pseudonym": "V.", "sources": "src:a"},
              {"id": "person:clean", "name": "Жанар\r\nСейтова", "sources": "src:a"}]
    ds = validate(small(tmp_path / "ds", people=people))
    hidden = [p for p in ds.problems if "control character" in p.message]
    assert ds.ok and all(p.warning for p in hidden)
    assert {(p.file, p.line, p.field, p.message.split("character ")[1][:6]) for p in hidden} == {
        ("people.csv", 2, "name", "U+001B"), ("people.csv", 3, "aliases", "U+202E")}
    assert "reorders the text" in next(p.message for p in hidden if p.field == "aliases")
    assert "bidirectional" not in next(p.message for p in hidden if p.field == "name")
    assert next(n for n in ds.nodes if n.id == "person:officer").props["name"] == "Officer\x1b[2J One"


def test_ids_moved_to_disk_are_found_as_in_the_dict(monkeypatch):
    """A large dataset's ids leave the dict for a database on disk (remembered.FOLD at a time):
    every id is found there with its label and first line, a second definition names the
    first, and ids never defined (of the same lengths, or not ASCII) are not found."""
    from ingest import remembered
    from ingest.readers import Row
    from ingest.validate import DefinedIds
    monkeypatch.setattr(remembered, "FOLD", 3)
    ids = DefinedIds()
    made = [f"{kind}:{n * 7919 % 1000}" for n in range(200) for kind in ("person", "unit")]
    for line, node_id in enumerate(made, start=2):
        assert ids.define(node_id, node_id.split(":")[0].title(), Row("people.csv", "people", line, {})) is None
    assert len(ids) == len(made) and ids._db and len(ids._recent) < 3
    assert ids.labels(made + ["unit:9999"]) == [i.split(":")[0].title() for i in made] + [None]
    for line, node_id in enumerate(made, start=2):
        assert node_id in ids and ids.labels([node_id]) == [node_id.split(":")[0].title()]
        assert ids.define(node_id, "Person", Row("units.csv", "units", 9999, {})) == ("people.csv", line)
    for absent in ("person:1000", "unit:9999", "person:", "persoN:1", "person:офицер", "p"):
        assert absent not in ids and ids.labels([absent]) == [None]


def test_the_ids_the_graph_held_are_told_apart_in_the_dict_and_on_disk(monkeypatch):
    """A load asks the graph only about the records and facts validation could not show to be
    new: the ids the graph held before are marked, wherever they are kept, and no id is new
    unless the graph was asked."""
    from ingest import remembered
    from ingest.readers import Row
    from ingest.validate import DefinedIds
    monkeypatch.setattr(remembered, "FOLD", 3)
    ids = DefinedIds()
    made = [f"person:{n}" for n in range(20)]
    for line, node_id in enumerate(made, start=2):
        ids.define(node_id, "Person", Row("people.csv", "people", line, {}))
    assert ids.new_to_graph(made) == [False] * 20  # the graph was never asked
    ids.asked_graph = True
    held = made[::3]  # some moved to disk, one still in the dict
    assert ids._db and any(i in ids._recent for i in held)
    ids.mark_in_graph(held + ["person:elsewhere"])
    assert ids.new_to_graph(made + ["person:elsewhere", "unit:1"]) == [i not in held for i in made] + [False, False]
    for line, node_id in enumerate(made, start=2):  # the mark changes no line or label
        assert ids.labels([node_id]) == ["Person"]
        assert ids.define(node_id, "Person", Row("units.csv", "units", 9999, {})) == ("people.csv", line)


def test_a_large_dataset_is_judged_as_a_small_one(tmp_path, monkeypatch):
    """The same problems, word for word, whether the ids and facts stay in memory or each
    goes to disk as soon as it is read."""
    from ingest import remembered
    path = small(tmp_path / "ds", units=[{"id": "person:officer", "name": "Dept", "sources": "src:a"}], relations=[
        {"subject": "person:nobody", "relation": "MEMBER_OF", "object": "unit:dept", "sources": "src:missing"},
        {"subject": "person:nobody", "relation": "MEMBER_OF", "object": "unit:dept", "sources": "src:a"},
        {"subject": "person:офицер", "relation": "MEMBER_OF", "object": "unit:dept", "sources": "src:a"},
        {"subject": "person:officer", "relation": "OPERATES", "object": "unit:dept", "sources": "src:a"},
    ])
    as_small = problems(path)
    assert len(as_small) >= 5 and any("same fact is already" in p for p in as_small), as_small
    monkeypatch.setattr(remembered, "FOLD", 1)
    assert problems(path) == as_small
    assert validate(SAMPLE).ok


def test_every_loop_in_a_hierarchy_is_found_beside_links_that_make_none(tmp_path):
    """Loops are looked for only among the bodies on one (validate._check_cycles): a body part
    of itself and a loop of three, linked to each other and beside a chain that makes none, are
    each reported once, told from its link on the earliest line, the same words every run (the
    search finds a loop from any of its bodies, as Python's hashing of the ids falls)."""
    units = [{"id": f"unit:{n}", "name": f"Unit {n}", "kind": "police", "sources": "src:a"} for n in "abcdefgh"]
    links = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "d"), ("e", "f"), ("f", "g"), ("g", "h"), ("d", "e")]
    path = small(tmp_path / "ds", units=units, relations=[
        {"subject": f"unit:{s}", "relation": "PART_OF", "object": f"unit:{o}", "sources": "src:a"} for s, o in links])
    loops = sorted((p.line, p.message.split("(")[1].split(")")[0]) for p in validate(path).errors)
    assert loops == [(2, "unit:a -> unit:b -> unit:c -> unit:a"), (6, "unit:d -> unit:d")], loops


def test_the_garbage_a_look_up_in_the_graph_leaves_is_freed_before_the_next(tmp_path, monkeypatch):
    """Validation pauses the cyclic garbage collector, and the driver leaves reference cycles
    holding each request's buffers: kept until validation ended, they took 150 MB at a million
    people. Here each look-up leaves such a cycle; by the next look-up it must be gone."""
    import gc
    import weakref
    from ingest import validate as validation
    monkeypatch.setattr(validation, "LOOKUP_BATCH", 2)  # a look-up every two records
    left: list[weakref.ref] = []

    class Buffers:
        def __init__(self):
            self.itself, self.data = self, bytearray(1 << 16)

    def known_ids(ids: list[str]) -> dict[str, list[str]]:
        assert not gc.isenabled()  # what makes the test mean something
        assert all(r() is None for r in left), "a look-up's garbage outlived it"
        left.append(weakref.ref(Buffers()))
        return {}

    ds = validation.validate(small(tmp_path / "ds"), known_ids=known_ids)
    assert ds.ok and len(left) >= 3


def test_a_list_in_dataset_yaml_is_refused_not_made_text(tmp_path):
    """Ten lines of YAML aliases make a list of a thousand million items; before, `validate`
    turned it into text and never finished. Metadata is text: a list or mapping is an error."""
    import subprocess
    import sys
    from tests.conftest import ROOT
    folder = small(tmp_path / "ds")
    laughs = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    laughs += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 9)]
    meta = folder / "dataset.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "\n".join(laughs) + "\n", encoding="utf-8")
    code = ("import sys; from pathlib import Path; from ingest.validate import validate\n"
            "print(sorted((p.file, p.field) for p in validate(Path(sys.argv[1])).errors))")
    done = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.stdout.strip() == str([("dataset.yaml", f"l{i}") for i in range(9)]), done.stderr[-600:]
