"""Loading into a real Neo4j: idempotent, --replace, --dry-run, nothing
written on bad input, provenance links, dates as ranges, the run log."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from graph.claims import ProtectionLifted
from ingest.load import ingest
from ingest.problems import DatasetInvalid
from tests.conftest import snapshot
from tests.datasets import small


def cypher(graph, text, **params):
    """Ad-hoc assertions in tests go through the same read-only path users have."""
    rows = graph.run_user_query(text, params, write=False, timeout=30, row_cap=10_000)
    return [r.data() for r in rows.records]


def test_load_creates_nodes_labels_and_relationships(graph, tmp_path):
    report = ingest(graph, small(tmp_path / "ds"))
    assert (report.nodes, report.relations) == (6, 4)
    assert report.counters["nodes_created"] == 6
    rows = cypher(graph, "MATCH (n:Entity {id: $id}) RETURN labels(n) AS labels, n.aliases AS aliases, "
                         "n.datasets AS datasets", id="person:officer")
    assert set(rows[0]["labels"]) == {"Entity", "Person", "Actor"}
    assert rows[0]["aliases"] == ["O. One", "Officer 1"]
    assert rows[0]["datasets"] == ["test-ds"]
    rel = cypher(graph, "MATCH (:Person {id: 'person:officer'})-[r:MEMBER_OF]->(:Unit {id: 'unit:dept'}) "
                        "RETURN r.start AS start, r.end AS end, r.valid_from AS f, r.valid_to AS t, "
                        "r.confidence AS c, r.sources AS s, r.quote AS q, r.id AS id")[0]
    assert (rel["start"], rel["end"]) == ("2021-03", "2022-06")
    assert (rel["f"].to_native(), rel["t"].to_native()) == (dt.date(2021, 3, 1), dt.date(2022, 6, 30))
    assert rel["c"] == "medium" and rel["s"] == ["src:a"] and rel["q"] == "an officer of the department"
    assert rel["id"].startswith("rel:")


def test_validity_at_a_date_is_a_range_comparison(graph, tmp_path):
    ingest(graph, small(tmp_path / "ds"))
    valid = ("MATCH (p:Person)-[r:MEMBER_OF]->(u) WHERE (r.valid_from IS NULL OR r.valid_from <= date($d)) "
             "AND (r.valid_to IS NULL OR r.valid_to >= date($d)) RETURN p.id AS id")
    assert cypher(graph, valid, d="2021-03-01") == [{"id": "person:officer"}]
    assert cypher(graph, valid, d="2022-06-30") == [{"id": "person:officer"}]
    assert cypher(graph, valid, d="2021-02-28") == []
    assert cypher(graph, valid, d="2022-07-01") == []
    open_ended = ("MATCH (u:Unit)-[r:PART_OF]->() WHERE r.valid_from <= date($d) AND r.valid_to IS NULL "
                  "RETURN u.id AS id")
    assert cypher(graph, open_ended, d="2020-01-01") == [{"id": "unit:dept"}]  # start "2020" = from 2020-01-01


def test_reingest_changes_nothing(graph, tmp_path):
    path = small(tmp_path / "ds")
    ingest(graph, path)
    before = snapshot(graph)
    again = ingest(graph, path, force=True)  # written again, not skipped as unchanged
    assert again.unchanged_since is None and again.counters["claims_written"] > 0
    assert again.counters["nodes_created"] == 0 and again.counters["relationships_created"] == 0
    assert snapshot(graph) == before


def runs(graph) -> int:
    return graph.driver.execute_query("MATCH (r:IngestRun) RETURN count(r) AS n", database_=graph.database).records[0]["n"]


def test_unchanged_files_are_not_loaded_again_until_they_or_the_graph_change(graph, tmp_path, cli):
    path = small(tmp_path / "ds")
    first = ingest(graph, path)
    before = snapshot(graph)
    again = ingest(graph, path)
    assert again.unchanged_since == first.run_id and not again.counters and snapshot(graph) == before
    recorded = cypher(graph, "MATCH (r:IngestRun {id: $id}) RETURN r.status AS s, r.unchanged_since AS u, "
                             "r.nodes AS n", id=again.run_id)
    assert recorded == [{"s": "complete", "u": first.run_id, "n": 0}] and runs(graph) == 2  # every run is recorded
    said = cli("ingest", str(path))
    assert said.returncode == 0 and f"unchanged since its last load ({first.run_id})" in said.stdout
    # --replace after an update may withdraw what earlier versions left: it loads; a second does not
    assert ingest(graph, path, replace=True).unchanged_since is None
    assert ingest(graph, path, replace=True).unchanged_since is not None
    # a changed file loads
    small(tmp_path / "ds", units=[{"id": "unit:dept", "name": "Department (renamed)", "sources": "src:a"}])
    changed = ingest(graph, path)
    assert changed.unchanged_since is None and changed.counters["claims_written"] > 0
    assert cypher(graph, "MATCH (u:Unit {id: 'unit:dept'}) RETURN u.name AS n") == [{"n": "Department (renamed)"}]
    # after the dataset is removed, the same files load again
    from graph import claims
    claims.remove(graph, "test-ds")
    back = ingest(graph, path)
    assert back.unchanged_since is None and back.counters["nodes_created"] > 0
    assert ingest(graph, path, force=True).unchanged_since is None


def test_same_relation_at_different_dates_stays_separate(graph, tmp_path):
    posting = {"subject": "person:officer", "relation": "MEMBER_OF", "object": "unit:dept", "sources": "src:a"}
    path = small(tmp_path / "ds", relations=[dict(posting, start="2010", end="2012"),
                                             dict(posting, start="2019")])
    ingest(graph, path)
    ingest(graph, path)
    rows = cypher(graph, "MATCH (:Person)-[r:MEMBER_OF]->(:Unit) RETURN r.start AS s ORDER BY s")
    assert rows == [{"s": "2010"}, {"s": "2019"}]


def test_update_in_place_and_mentions(graph, tmp_path):
    path = small(tmp_path / "ds")
    ingest(graph, path)
    small(tmp_path / "ds",
          sources=[{"id": "src:a", "title": "Report A", "kind": "report"},
                   {"id": "src:b", "title": "Report B", "kind": "article"}],
          units=[{"id": "unit:dept", "name": "Department (renamed)", "kind": "", "sources": "src:b"}])
    ingest(graph, path)
    unit = cypher(graph, "MATCH (u:Unit {id: 'unit:dept'}) RETURN u.name AS name, u.kind AS kind, u.sources AS s")
    assert unit == [{"name": "Department (renamed)", "kind": None, "s": ["src:b"]}]
    mentions = cypher(graph, "MATCH (s:Source)-[:MENTIONS]->(:Unit {id: 'unit:dept'}) RETURN s.id AS id")
    assert mentions == [{"id": "src:b"}]  # the stale MENTIONS from src:a is gone
    assert cypher(graph, "MATCH (:Entity) RETURN count(*) AS n") == [{"n": 7}]


def test_invalid_dataset_writes_nothing_and_keeps_what_was_there(graph, tmp_path):
    ingest(graph, small(tmp_path / "good", name="good"))
    before = snapshot(graph)
    bad = small(tmp_path / "bad", name="bad",
                people=[{"id": "person:new", "name": "New", "sources": "src:a"},
                        {"id": "person:broken", "name": "", "sources": "src:a"}])
    with pytest.raises(DatasetInvalid) as info:
        ingest(graph, bad)
    assert any("people.csv, line 3, column 2 (name)" in str(p) for p in info.value.problems)
    assert snapshot(graph) == before
    assert cypher(graph, "MATCH (d:Dataset {name: 'bad'}) RETURN d") == []


def test_dry_run_writes_nothing(graph, tmp_path):
    path = small(tmp_path / "ds")
    report = ingest(graph, path, dry_run=True)
    assert (report.existing_nodes, report.existing_relations) == (0, 0)
    assert cypher(graph, "MATCH (n) RETURN count(n) AS n") == [{"n": 0}]
    ingest(graph, path)
    report = ingest(graph, path, dry_run=True)
    assert (report.existing_nodes, report.existing_relations) == (6, 4)


def test_ids_already_in_the_graph_can_be_referenced(graph, tmp_path):
    ingest(graph, small(tmp_path / "base", name="base"))
    from tests.datasets import write_dataset
    extra = write_dataset(tmp_path / "extra", "extra",
                          people=[{"id": "person:chief", "name": "Chief", "sources": "src:a"}],
                          relations=[{"subject": "person:chief", "relation": "COMMANDS",
                                      "object": "unit:dept", "sources": "src:a"}])
    ingest(graph, extra)
    assert cypher(graph, "MATCH (p {id: 'person:chief'})-[:COMMANDS]->(u {id: 'unit:dept'}) RETURN count(*) AS n") \
        == [{"n": 1}]
    clash = write_dataset(tmp_path / "clash", "clash",
                          units=[{"id": "person:chief", "name": "Not a person"}])
    with pytest.raises(DatasetInvalid) as info:
        ingest(graph, clash)
    assert "already in the graph as a Person" in str(info.value.problems[0])


def test_replace_removes_what_the_dataset_alone_contributed(graph, tmp_path):
    path = small(tmp_path / "ds", name="one")
    ingest(graph, path)
    # A second dataset shares the unit and one fact, and links to the victim.
    from tests.datasets import write_dataset
    write_dataset(tmp_path / "two", "two",
                  sources=[{"id": "src:two", "title": "Two"}],
                  units=[{"id": "unit:dept", "name": "Department", "kind": "police", "sources": "src:two"}],
                  relations=[{"subject": "unit:dept", "relation": "PART_OF", "object": "agency:ministry",
                              "start": "2020", "sources": "src:two"},
                             {"subject": "person:victim", "relation": "MEMBER_OF", "object": "unit:dept",
                              "sources": "src:two"}])
    ingest(graph, tmp_path / "two")
    # Dataset one drops the officer, the victim, the event and all relations but PART_OF.
    small(tmp_path / "ds", name="one", people=[], events=[],
          relations=[{"subject": "unit:dept", "relation": "PART_OF", "object": "agency:ministry",
                      "start": "2020", "sources": "src:a"}])
    plain = ingest(graph, path)  # without --replace nothing is removed
    assert cypher(graph, "MATCH (p:Person {id: 'person:officer'}) RETURN count(p) AS n") == [{"n": 1}]
    report = ingest(graph, path, replace=True)
    ids = {r["id"] for r in cypher(graph, "MATCH (n:Entity) RETURN n.id AS id")}
    assert "person:officer" not in ids and "event:beating" not in ids
    assert "person:victim" in ids, "linked by dataset two: kept"
    assert {"unit:dept", "agency:ministry", "src:a", "src:two"} <= ids
    part_of = cypher(graph, "MATCH (:Unit)-[r:PART_OF]->(:Agency) RETURN r.datasets AS d, r.sources AS s")
    assert len(part_of) == 1  # the one fact both datasets state, with both provenances
    assert sorted(part_of[0]["d"]) == ["one", "two"] and sorted(part_of[0]["s"]) == ["src:a", "src:two"]
    assert report.withdrawn["nodes_deleted"] == 2 and plain.withdrawn == {}


def test_every_run_is_recorded_with_file_hashes(graph, tmp_path):
    path = small(tmp_path / "ds")
    report = ingest(graph, path)
    run = cypher(graph, "MATCH (r:IngestRun {id: $id})-[:LOADED]->(d:Dataset) RETURN r.status AS status, "
                        "r.files AS files, r.nodes AS nodes, r.relations AS relations, d.name AS dataset, "
                        "d.title AS title, r.finished IS NOT NULL AS finished", id=report.run_id)[0]
    files = json.loads(run["files"])
    expected = hashlib.sha256((path / "people.csv").read_bytes()).hexdigest()
    assert files["people.csv"] == expected and "dataset.yaml" in files
    assert run == dict(run, status="complete", nodes=6, relations=4, dataset="test-ds",
                       title="Test dataset", finished=True)


def test_yaml_dataset_loads(graph, tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text("dataset:\n  name: yaml-case\nsources:\n  - id: src:y\n    title: Y\n"
                    "agencies:\n  - id: agency:top\n    name: Top\n    apex: yes\n    sources: [src:y]\n",
                    encoding="utf-8")
    ingest(graph, path)
    assert cypher(graph, "MATCH (a:Agency:Actor {id: 'agency:top'}) RETURN a.apex AS apex") == [{"apex": True}]


def test_a_later_dataset_never_unprotects_or_blanks_another_datasets_values(graph, tmp_path):
    ingest(graph, small(tmp_path / "first", name="case-file"))
    later = small(tmp_path / "press", name="press-roundup", people=[
        {"id": "person:victim", "name": "Viktoria Latin", "sources": "src:a"},
        {"id": "person:officer", "name": "Officer One", "aliases": "", "sources": "src:a"}])
    ingest(graph, later)
    victim = cypher(graph, "MATCH (p:Person {id: 'person:victim'}) RETURN p.name AS name, "
                           "p.aliases AS aliases, p.protected AS protected, p.pseudonym AS pseudonym, "
                           "p.datasets AS datasets")[0]
    assert victim["protected"] is True and victim["pseudonym"] == "V."
    assert victim["name"] == "Victim"  # the first dataset's name stays
    assert victim["aliases"] == ["Viktoria Latin"]  # the other name is kept, not lost
    assert victim["datasets"] == ["case-file", "press-roundup"]
    officer = cypher(graph, "MATCH (p:Person {id: 'person:officer'}) RETURN p.aliases AS aliases")[0]
    assert officer["aliases"] == ["O. One", "Officer 1"]  # an empty cell blanks nothing
    # The same dataset re-loaded without `protected` would make her public: it stops, writes nothing.
    unprotected = small(tmp_path / "again", name="case-file", people=[
        {"id": "person:victim", "name": "Victim", "sources": "src:a"},
        {"id": "person:officer", "name": "Officer One", "sources": "src:a"}])
    before = cypher(graph, "MATCH (c:Claim) RETURN count(c) AS n, collect(c.last_run) AS runs")
    with pytest.raises(ProtectionLifted, match="person:victim"):
        ingest(graph, unprotected)
    assert cypher(graph, "MATCH (c:Claim) RETURN count(c) AS n, collect(c.last_run) AS runs") == before
    # Said on purpose, the dataset's own word changes: no claim protects her any more.
    ingest(graph, unprotected, unprotect=True)
    again = cypher(graph, "MATCH (p:Person {id: 'person:victim'}) RETURN p.protected AS protected, "
                          "p.pseudonym AS pseudonym")[0]
    assert again == {"protected": False, "pseudonym": None}


def test_a_later_dataset_keeps_another_datasets_quote(graph, tmp_path):
    ingest(graph, small(tmp_path / "first", name="case-file"))
    ds = small(tmp_path / "second", name="ngo-log")
    rows = (ds / "relations.csv").read_text().replace("an officer of the department", "")
    (ds / "relations.csv").write_text(rows)
    ingest(graph, ds)
    rel = cypher(graph, "MATCH (:Person {id: 'person:officer'})-[r:MEMBER_OF]->() "
                        "RETURN r.quote AS quote, r.datasets AS datasets")[0]
    assert rel == {"quote": "an officer of the department", "datasets": ["case-file", "ngo-log"]}
