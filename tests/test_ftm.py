"""FollowTheMoney: the sample goes out as FtM entities that the `followthemoney`
package reads, and comes back into an empty graph with every actor, fact, date
and source FtM can carry; FtM data as Aleph writes it maps onto the model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.ftm_export import entities, write
from ingest.load import ingest
from ingest.validate import validate
from tests.conftest import ROOT, SAMPLE
from tests.test_ingest import cypher

try:
    import followthemoney  # noqa: F401
except ImportError:
    if os.environ.get("CI"):
        raise RuntimeError("CI=true but the ftm extra is missing: make setup installs chainwatch[ftm]")
    pytest.skip("the ftm extra is not installed: pip install 'chainwatch[ftm]'", allow_module_level=True)

CARRIED = ("Person", "Agency", "Unit", "Organization", "Event", "Source")
NODES = ("MATCH (n:Entity) WHERE any(l IN labels(n) WHERE l IN $labels) "
         "RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label, n.name AS name, "
         "n.title AS title, n.aliases AS aliases, n.birth_date AS born, n.type AS type, n.date AS date, "
         "n.end_date AS end, n.place AS place, n.publisher AS publisher, n.url AS url, n.sources AS sources "
         "ORDER BY id")
FACTS = ("MATCH (a:Entity)-[r]->(b:Entity) WHERE r.datasets IS NOT NULL AND NOT a:Facility AND NOT b:Facility "
         "AND type(r) <> 'CONCERNS' RETURN a.id AS a, type(r) AS type, b.id AS b, r.role AS role, "
         "r.start AS start, r.end AS end, r.quote AS quote, r.note AS note, r.sources AS sources ORDER BY a, type, b, start")


def test_the_sample_round_trips_through_ftm(graph, tmp_path):
    ingest(graph, SAMPLE)
    nodes, facts = cypher(graph, NODES, labels=list(CARRIED)), cypher(graph, FACTS)
    path, count, left = write(graph, tmp_path / "ftm")
    # What FtM cannot carry is listed: facilities and the facts about them, event to event links.
    assert set(left) == {"Facility records", "OPERATES facts", "OCCURRED_AT facts", "CONCERNS facts",
                         "PARTICIPATED_IN facts"}
    assert count == len(nodes) + len(facts)
    graph.write("admin/delete_everything")
    report = ingest(graph, path, fmt="ftm")
    assert report.skipped == []
    assert cypher(graph, NODES, labels=list(CARRIED)) == nodes
    back = cypher(graph, FACTS)
    for f in back + facts:  # a PART_OF or COMMANDS has no role in FtM's sense; titles travel as roles
        f.pop("role") if f["type"] in ("PART_OF",) else None
    assert back == facts


def test_followthemoney_reads_the_export(graph, tmp_path):
    from followthemoney import model

    ingest(graph, SAMPLE)
    found, _ = entities(graph)
    proxies = [model.get_proxy(e) for e in found]
    kilymzhanov = next(p for p in proxies if "chainwatch:id=person:yeldos-kilymzhanov" in p.get("keywords"))
    assert kilymzhanov.schema.name == "Person" and kilymzhanov.first("name") == "Yeldos Kilymzhanov"
    memberships = [p for p in proxies if p.schema.name == "Membership" and kilymzhanov.id in p.get("member")]
    assert memberships and all(p.get("proof") for p in memberships)


def _entity(id_, schema, **props):
    return json.dumps({"id": id_, "schema": schema, "properties": {k: v if isinstance(v, list) else [v]
                                                                    for k, v in props.items()}})


def test_ftm_as_aleph_writes_it_maps_onto_the_model(graph, tmp_path):
    lines = [
        _entity("doc1", "Document", title="Leaked staff list", publisher="OCCRP", sourceUrl="https://example.org/l"),
        _entity("p1", "Person", name="Aidar Nurlanov", alias="А. Нурланов", birthDate="1975-03-02",
                nationality="kz", keywords="police; interior"),
        _entity("p2", "Person", name="Gulnara Nurlanova"),
        _entity("p3", "Person", name="Yerlan Lawyer"),
        _entity("c1", "Company", name="Nur Security LLP"),
        _entity("b1", "PublicBody", name="Department of Police of Almaty"),
        _entity("b2", "PublicBody", name="Ministry of Internal Affairs"),
        _entity("pos1", "Position", name="Head of department", organization="b1"),
        _entity("m1", "Membership", member="b1", organization="b2", proof="doc1"),
        _entity("e1", "Employment", employee="p1", employer="c1", role="adviser", startDate="2019"),
        _entity("d1", "Directorship", director="p1", organization="b1", role="head", startDate="2020-05",
                endDate="2022-06", proof="doc1"),
        _entity("r1", "Representation", agent="p3", client="p2"),
        _entity("f1", "Family", person="p1", relative="p2", relationship="wife"),
        _entity("a1", "Associate", person="p1", associate="p3"),
        _entity("o1", "Occupancy", holder="p1", post="pos1", startDate="2020"),
        _entity("ev1", "Event", name="Beating in custody", keywords="ill_treatment", startDate="2022-01-06"),
        _entity("ev2", "Event", name="A meeting"),
        _entity("u1", "UnknownLink", subject="p1", object="ev1", role="alleged_perpetrator", proof="doc1"),
        _entity("v1", "Vessel", name="A ship"),
        "{not json",
    ]
    path = tmp_path / "aleph.ftm.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ds = validate(path, fmt="ftm")
    assert ds.ok, [str(p) for p in ds.errors]
    assert {(p.line, p.message.split(":")[1].strip()[:14]) for p in ds.skipped} == {
        (17, "an FtM Event h"), (19, "schema Vessel "), (20, "not an FtM ent")}
    ingest(graph, path, fmt="ftm")
    facts = {(f["a"], f["type"], f["b"]): f for f in cypher(graph, FACTS)}
    assert facts[("agency:ftm-b1", "PART_OF", "agency:ftm-b2")]["sources"] == ["src:ftm-doc1"]
    assert facts[("person:ftm-p1", "MEMBER_OF", "org:ftm-c1")]["role"] == "adviser"
    head = facts[("person:ftm-p1", "COMMANDS", "agency:ftm-b1")]
    assert (head["start"], head["end"], head["sources"]) == ("2020-05", "2022-06", ["src:ftm-doc1"])
    assert ("person:ftm-p3", "REPRESENTS", "person:ftm-p2") in facts
    assert facts[("person:ftm-p1", "RELATED_TO", "person:ftm-p2")]["role"] == "wife"
    assert ("person:ftm-p1", "RELATED_TO", "person:ftm-p3") in facts
    assert facts[("person:ftm-p1", "MEMBER_OF", "agency:ftm-b1")]["start"] == "2020"  # the Occupancy
    assert facts[("person:ftm-p1", "PARTICIPATED_IN", "event:ftm-ev1")]["role"] == "alleged_perpetrator"
    # A fact without proof cites the file itself.
    assert facts[("person:ftm-p3", "REPRESENTS", "person:ftm-p2")]["sources"][0].startswith("src:ftm-")
    person = cypher(graph, "MATCH (p {id: 'person:ftm-p1'}) RETURN p.aliases AS a, p.birth_date AS b, "
                           "p.other_values AS o")
    # What has no column of ours is kept, whole (a ';' in a value does not split it).
    assert person == [{"a": ["А. Нурланов"], "b": "1975-03-02",
                       "o": ["keywords: police; interior", "nationality: kz"]}]
    # ...and goes back where it came from in an FtM export.
    exported = next(e for e in entities(graph)[0] if "chainwatch:id=person:ftm-p1" in e["properties"]["keywords"])
    assert exported["properties"]["nationality"] == ["kz"] and "police; interior" in exported["properties"]["keywords"]


def test_entities_that_cannot_be_read_are_skipped_with_their_line_not_a_traceback(tmp_path):
    """Before, fragments of one id whose schemata do not merge, or an entity with no schema, ended
    the command in a traceback (FtM's InvalidData); entities without an id were merged into one,
    and each was then skipped as a schema with "no place in chainwatch's data model"."""
    lines = [
        _entity("p1", "Person", name="Aidar Nurlanov"),
        _entity("x1", "Person", name="A"),
        _entity("x1", "Company", name="B"),  # 3: merges with no schema in common
        json.dumps({"id": "x2", "properties": {"name": ["No schema"]}}),
        json.dumps({"schema": "Person", "properties": {"name": ["No id one"]}}),
        json.dumps({"schema": "Person", "properties": {"name": ["No id two"]}}),
        json.dumps("a string"),
        json.dumps({"id": "x3", "schema": "Person", "properties": "name"}),
    ]
    path = tmp_path / "hostile.ftm.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ds = validate(path, fmt="ftm")
    assert ds.ok, [str(p) for p in ds.errors]
    reasons = {p.line: p.message for p in ds.skipped}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8]
    assert "Cannot merge" in reasons[3] and "No schema" in reasons[4]
    assert all("without an id" in reasons[n] for n in (5, 6))
    assert all("a JSON object with an id, a schema and an object of properties" in reasons[n] for n in (7, 8))
    assert sorted(n.props["name"] for n in ds.nodes if n.label == "Person") == ["A", "Aidar Nurlanov"]


def test_without_the_extra_the_message_names_it(tmp_path):
    code = ("import sys; sys.modules['followthemoney'] = None\n"
            "from graph.ftm_export import ftm_model, FtmMissing\n"
            "try:\n    ftm_model()\nexcept FtmMissing as e:\n    print(e)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "pip install 'chainwatch[ftm]'" in done.stdout


def test_entities_written_by_ftm_map_csv_load(graph, tmp_path):
    """A staff list in CSV, mapped by a mapping file with FtM's own `ftm map-csv`
    (which writes one fragment per row, so an entity may come several times)."""
    fixtures = ROOT / "tests" / "fixtures" / "ftm"
    ftm = Path(sys.executable).parent / "ftm"
    with open(fixtures / "staff.csv", "rb") as rows:
        mapped = subprocess.run([str(ftm), "map-csv", str(fixtures / "staff.mapping.yml")], stdin=rows,
                                capture_output=True, check=True)
    path = tmp_path / "staff.ftm.json"
    path.write_bytes(mapped.stdout)
    report = ingest(graph, path, fmt="ftm")
    assert report.skipped == [] and report.dataset == "ftm-staff"
    facts = cypher(graph, "MATCH (p:Person)-[r:MEMBER_OF]->(b:Agency) RETURN p.name AS who, b.name AS body, "
                          "r.role AS role, r.start AS since ORDER BY who")
    assert facts == [{"who": "Aidar Nurlanov", "body": "Almaty police", "role": "deputy head", "since": "2020-05"},
                     {"who": "Serik Bek", "body": "Almaty police", "role": "investigator", "since": "2021"}]


def test_a_semicolon_inside_a_listed_value_survives_the_csv_export(graph, tmp_path):
    """FtM keeps each alias and note whole, semicolons and backslashes included; our CSV format
    separates a list's values with ';'. The export writes `\\;` and `\\\\` inside a value, so
    loading it back gives the same values, not more of them."""
    from tests.test_dump import reloads_from_csv
    lines = [_entity("doc1", "Document", title="Staff list"),
             _entity("p1", "Person", name="Aidar Nurlanov", alias=["Nurlanov; Aidar", "A. N.\\", "C:\\staff;"],
                     keywords="police; interior", proof="doc1")]
    path = tmp_path / "semi.ftm.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest(graph, path, fmt="ftm")
    person = cypher(graph, "MATCH (p {id: 'person:ftm-p1'}) RETURN p.aliases AS a, p.other_values AS o")
    assert person == [{"a": ["Nurlanov; Aidar", "A. N.\\", "C:\\staff;"], "o": ["keywords: police; interior"]}]
    assert reloads_from_csv(graph, tmp_path / "csv", "ftm-semi")


def test_a_line_separator_inside_an_ftm_string_does_not_cut_the_entity(graph, tmp_path):
    """FtM files are JSON lines, and JSON leaves U+2028 and U+0085 raw inside a string (a tool
    that writes them unescaped, as `ensure_ascii=False` does): lines are split at newlines only.
    Before, the entity was cut in two and both halves skipped as not JSON."""
    entity = {"id": "p1", "schema": "Person", "properties": {"name": ["Aidar\u2028Nurlanov"],
                                                             "notes": ["first\x85second"]}}
    path = tmp_path / "raw.ftm.json"
    path.write_text(json.dumps(entity, ensure_ascii=False) + "\r\n", encoding="utf-8")
    assert "\u2028" in path.read_text(encoding="utf-8")
    report = ingest(graph, path, fmt="ftm")
    assert report.skipped == [] and report.nodes == 2  # the person and the file as its source
    assert [r["id"] for r in cypher(graph, "MATCH (p:Person) RETURN p.id AS id")] == ["person:ftm-p1"]
