"""Many datasets in one graph: each dataset's word kept apart as claims, the
values derived from them by one policy, and exact withdrawal, measured with
the dump (run log and load times aside)."""

from __future__ import annotations

import pytest

from graph import claims
from graph.dump import comparable, export
from ingest.load import ingest
from tests.conftest import SAMPLE
from tests.datasets import small, write_dataset
from tests.test_ingest import cypher


def press(folder, name="press-roundup"):
    """A second dataset: names the protected victim in Latin letters without the flag, restates
    the officer's posting with its own quote and source, and adds a record and a fact of its own."""
    return write_dataset(
        folder, name,
        sources=[{"id": "src:press", "title": "Press round-up", "kind": "article"}],
        people=[{"id": "person:victim", "name": "Viktoria Latin", "aliases": "V. Latin",
                 "description": "a protester", "sources": "src:press"},
                {"id": "person:journalist", "name": "Journalist J", "sources": "src:press"}],
        relations=[{"subject": "person:officer", "relation": "MEMBER_OF", "object": "unit:dept",
                    "start": "2021-03", "end": "2022-06", "sources": "src:press",
                    "quote": "the officer served in the department", "confidence": "high"},
                   {"subject": "person:journalist", "relation": "PARTICIPATED_IN",
                    "object": "event:beating", "role": "witness", "sources": "src:press"}])


def dump_of(graph, folder):
    export(graph, folder)
    return comparable(folder)


def test_load_a_load_b_remove_b_equals_a_alone(graph, tmp_path):
    a = small(tmp_path / "a", name="case-file")
    ingest(graph, a)
    alone = dump_of(graph, tmp_path / "alone")
    ingest(graph, press(tmp_path / "b"))
    both = dump_of(graph, tmp_path / "both")
    assert both != alone
    done = claims.remove(graph, "press-roundup")
    assert done["claims_withdrawn"] == 5 and done["datasets_deleted"] == 1
    assert dump_of(graph, tmp_path / "after") == alone
    # The removal is in the run log, which the comparison leaves out.
    runs = cypher(graph, "MATCH (r:IngestRun {dataset: 'press-roundup'}) RETURN r.mode AS mode, "
                         "r.status AS status ORDER BY r.started")
    assert runs == [{"mode": "update", "status": "complete"}, {"mode": "remove", "status": "complete"}]


def test_a_value_typed_by_hand_under_any_name_is_derived_like_the_rest(graph, tmp_path):
    """What users see is what the claims give: a value set by hand in Neo4j Browser, under a
    name that is no identifier and one that tries to be Cypher, stays while claims are added to
    the record and goes when it is derived again from every claim (a withdrawal here), and the
    removal is as exact as without it."""
    ingest(graph, small(tmp_path / "a", name="case-file"))
    alone = dump_of(graph, tmp_path / "alone")
    ingest(graph, press(tmp_path / "b"))
    graph.run_user_query("MATCH (n:Person {id: 'person:victim'}) SET n.`note (by hand)` = 'x', "
                         "n.`a}) DETACH DELETE n //` = 'y'", {}, write=True, timeout=30, row_cap=10)
    ingest(graph, press(tmp_path / "c", name="press-two"))  # a claim added to what the record holds
    assert cypher(graph, "MATCH (n:Person {id: 'person:victim'}) RETURN n.`note (by hand)` AS note") == [{"note": "x"}]
    claims.remove(graph, "press-two")
    claims.remove(graph, "press-roundup")
    assert dump_of(graph, tmp_path / "after") == alone


def test_a_load_asks_the_graph_only_about_what_it_may_hold(graph, tmp_path, monkeypatch):
    """Validation asked the graph about every id the dataset defines: records it did not hold,
    and facts with such a record at one end, are created without another look-up."""
    from graph import writes
    ran = []
    real = writes.run
    monkeypatch.setattr(writes, "run", lambda tx, name, params: ran.append((name, params)) or real(tx, name, params))
    ingest(graph, small(tmp_path / "a", name="case-file"))
    assert not [name for name, _ in ran if name.startswith("claims/unchanged_")]
    ran.clear()
    ingest(graph, press(tmp_path / "b"))  # the victim and the officer's posting are in the graph already
    asked = {name: [r["id"] for r in params["rows"]] for name, params in ran if name.startswith("claims/unchanged_")}
    assert asked["claims/unchanged_nodes"] == ["person:victim"]  # not the new journalist, nor src:press
    assert len(asked["claims/unchanged_relations"]) == 1  # the posting; the journalist's fact is new
    # A dataset new to the graph can say nothing again: the look-up is sent what finds a row, no more.
    sent = {name: params["rows"] for name, params in ran if name.startswith("claims/unchanged_")}
    assert [sorted(r) for r in sent["claims/unchanged_nodes"]] == [["id", "labels", "node"]]
    assert [sorted(r) for r in sent["claims/unchanged_relations"]] == [["id", "object_node", "subject_node", "type"]]
    ran.clear()
    ingest(graph, press(tmp_path / "b"), force=True)  # said again: every row is compared with its claim
    sent = [r for name, params in ran if name.startswith("claims/unchanged_") for r in params["rows"]]
    assert len(sent) == 5 and all("props" in r and "sources" in r for r in sent)  # 3 records, 2 facts
    assert not [name for name, _ in ran if name.startswith(("claims/add_", "claims/set_", "claims/create_"))]
    assert cypher(graph, "MATCH (:Person {id: 'person:journalist'})-[r:PARTICIPATED_IN]->() "
                         "RETURN r.datasets AS datasets") == [{"datasets": ["press-roundup"]}]


def test_replace_with_v2_equals_v2_alone(graph, tmp_path):
    v1 = small(tmp_path / "v1", name="case-file")
    v2 = small(tmp_path / "v2", name="case-file", people=[
        {"id": "person:officer", "name": "Officer One", "aliases": "O. One", "sources": "src:a"},
        {"id": "person:victim", "name": "Victim", "protected": "yes", "pseudonym": "V.",
         "sources": "src:a"}], relations=[
        {"subject": "unit:dept", "relation": "PART_OF", "object": "agency:ministry", "start": "2019",
         "sources": "src:a"},
        {"subject": "person:victim", "relation": "PARTICIPATED_IN", "object": "event:beating",
         "role": "victim", "sources": "src:a", "quote": "he was beaten"}])
    ingest(graph, v2)
    v2_alone = dump_of(graph, tmp_path / "v2-alone")
    graph.write("admin/delete_everything")
    ingest(graph, v1)
    ingest(graph, v2, replace=True)
    assert dump_of(graph, tmp_path / "replaced") == v2_alone


def test_a_column_a_new_version_drops_leaves_the_claim_and_the_record(graph, tmp_path):
    """Reloading (without --replace) a version whose files no longer have a column: the claim
    holds what the dataset says now, so the values of that column are gone from the graph."""
    people = [{"id": "person:officer", "name": "Officer One", "sources": "src:a"}]
    member = {"subject": "person:officer", "relation": "MEMBER_OF", "object": "unit:dept",
              "start": "2021-03", "sources": "src:a"}
    v1 = small(tmp_path / "v1", name="case-file",
               people=[{**people[0], "description": "a captain"}],
               relations=[{**member, "note": "from the staff list"}])
    v2 = small(tmp_path / "v2", name="case-file", people=people, relations=[member])
    ingest(graph, v2)
    v2_alone = dump_of(graph, tmp_path / "v2-alone")
    graph.write("admin/delete_everything")
    ingest(graph, v1)
    assert cypher(graph, "MATCH (n {id: 'person:officer'}) RETURN n.description AS d") == [{"d": "a captain"}]
    ingest(graph, v2)
    assert dump_of(graph, tmp_path / "reloaded") == v2_alone
    assert cypher(graph, "MATCH (c:Claim) WHERE c.description IS NOT NULL OR c.note IS NOT NULL "
                         "RETURN c.id AS id") == []


def test_a_load_gives_what_the_one_policy_gives(graph, tmp_path):
    """The put derives some records without reading their other claims: those one
    dataset alone claims, those whose claim is unchanged, and those a new claim only adds to
    (it ranks after every other). Deriving every record again from the claims changes nothing."""
    ingest(graph, SAMPLE)
    ingest(graph, small(tmp_path / "a", name="case-file"))
    officer = {"id": "person:officer", "name": "Officer Uno", "sources": "src:a;src:late",
               "aliases": "Officer One;O. Uno;O. Uno;Officer 1"}
    posting = {"subject": "person:officer", "relation": "MEMBER_OF", "object": "unit:dept",
               "start": "2021-03", "end": "2022-06", "sources": "src:late", "quote": "he joined",
               "confidence": "low", "inferred": "yes"}
    late_sources = [{"id": "src:late", "title": "Late report", "kind": "report"},
                    {"id": "src:a", "title": "Report A", "kind": "report"}]
    # Ranks after the case file: adds an alias, a source, a start it lacks and an inference.
    late = write_dataset(tmp_path / "late", "late", sources=late_sources, people=[
        officer, {"id": "person:victim", "name": "Victim", "description": "seen", "sources": "src:late"}],
        relations=[posting])
    ingest(graph, press(tmp_path / "b"))
    ingest(graph, late)
    assert_derived_again(graph, tmp_path / "late")
    # Ranks first: every record it touches is derived again from all claims.
    court = write_dataset(tmp_path / "court", "court", sources=late_sources, people=[
        {**officer, "name": "Officer Primo", "aliases": ""}], relations=[{**posting, "inferred": ""}])
    (court / "dataset.yaml").write_text("name: court\ntitle: Court file\npriority: 5\n", encoding="utf-8")
    ingest(graph, court)
    write_dataset(late, "late", sources=late_sources, people=[{**officer, "name": "Officer Eins"}],
                  relations=[posting])  # corrected: derived again from every claim
    ingest(graph, late)
    ingest(graph, late)  # unchanged: changes nothing
    officer = cypher(graph, "MATCH (p {id: 'person:officer'})-[r:MEMBER_OF]->() RETURN p.name AS name, "
                            "p.aliases AS aliases, r.inferred AS inferred")
    assert officer == [{"name": "Officer Primo", "inferred": False,
                        "aliases": ["Officer One", "O. One", "Officer 1", "Officer Eins", "O. Uno"]}]
    assert_derived_again(graph, tmp_path / "end")


def test_a_corrected_dataset_gives_what_the_one_policy_gives(graph, tmp_path):
    """A dataset that alone claims what it corrects: its changed claims are set again, and the
    records and facts take their values as the derivation gives them, the same as the
    corrected version loaded alone: a name changed, an alias and a value gone, a source
    dropped and another cited, a fact's quote, confidence and inference changed."""
    sources = [{"id": "src:a", "title": "Report A", "kind": "report"},
               {"id": "src:b", "title": "Report B", "kind": "report"}]
    officer = {"id": "person:officer", "name": "Officer One", "aliases": "O. One;Officer 1",
               "description": "a captain", "sources": "src:a"}
    posting = {"subject": "person:officer", "relation": "member_of", "object": "unit:dept", "start": "2021-03",
               "end": "2022-06", "sources": "src:a", "quote": "an officer of the department", "inferred": "yes"}
    v1 = small(tmp_path / "v1", name="case-file", sources=sources, people=[officer], relations=[posting])
    v2 = small(tmp_path / "v2", name="case-file", sources=sources,
               people=[{**officer, "name": "Officer Uno", "aliases": "O. One", "description": "", "sources": "src:b"}],
               relations=[{**posting, "quote": "he served there", "confidence": "low", "inferred": ""}])
    ingest(graph, v2)
    v2_alone = dump_of(graph, tmp_path / "v2-alone")
    graph.write("admin/delete_everything")
    ingest(graph, v1)
    ingest(graph, v2)
    assert dump_of(graph, tmp_path / "corrected") == v2_alone
    assert_derived_again(graph, tmp_path / "derived")
    assert cypher(graph, "MATCH (s:Source)-[:MENTIONS]->(:Person {id: 'person:officer'}) RETURN s.id AS s") == [
        {"s": "src:b"}]


def assert_derived_again(graph, folder):
    """Deriving every record and fact again from its claims changes nothing, and a record is
    linked to exactly the sources it cites (a MENTIONS from each: the explorer and the saved query
    `source_claims` open a source through them)."""
    linked = cypher(graph, "MATCH (s:Source)-[:MENTIONS]->(n) RETURN s.id AS source, n.id AS node "
                           "ORDER BY source, node")
    assert linked == cypher(graph, "MATCH (n:Entity) UNWIND coalesce(n.sources, []) AS sid "
                                   "MATCH (s:Source {id: sid}) RETURN s.id AS source, n.id AS node "
                                   "ORDER BY source, node")
    before = dump_of(graph, folder / "loaded")
    ids = [r["id"] for r in cypher(graph, "MATCH (n:Entity) RETURN n.id AS id")]
    rels = cypher(graph, "MATCH (a)-[r]->(b) WHERE r.datasets IS NOT NULL "
                         "RETURN r.id AS id, type(r) AS type, a.id AS subject, b.id AS object")
    with graph.session() as session:
        session.execute_write(lambda tx: claims.derive_records(tx, ids) + claims.derive_facts(tx, rels))
    assert dump_of(graph, folder / "derived") == before


def test_a_second_dataset_cannot_unprotect_or_rename(graph, tmp_path):
    ingest(graph, small(tmp_path / "a", name="case-file"))
    ingest(graph, press(tmp_path / "b"))
    victim = cypher(graph, "MATCH (p:Person {id: 'person:victim'}) RETURN p.name AS name, p.aliases AS aliases, "
                           "p.protected AS protected, p.pseudonym AS pseudonym, p.datasets AS datasets, "
                           "p.description AS description")[0]
    assert victim == {"name": "Victim", "aliases": ["Viktoria Latin", "V. Latin"], "protected": True,
                      "pseudonym": "V.", "datasets": ["case-file", "press-roundup"],
                      "description": "a protester"}  # a value only the second gives is shown
    # Each dataset's own word stays in its claim, queryable in Cypher.
    said = cypher(graph, "MATCH (c:Claim {target: 'person:victim'}) RETURN c.dataset AS dataset, c.name AS name, "
                         "c.protected AS protected, c.sources AS sources ORDER BY dataset")
    assert said == [{"dataset": "case-file", "name": "Victim", "protected": True, "sources": ["src:a"]},
                    {"dataset": "press-roundup", "name": "Viktoria Latin", "protected": False,
                     "sources": ["src:press"]}]


def test_removing_the_protecting_dataset_stops_unless_told(graph, tmp_path):
    ingest(graph, small(tmp_path / "a", name="case-file"))
    ingest(graph, press(tmp_path / "b"))
    before = dump_of(graph, tmp_path / "before")
    with pytest.raises(claims.ProtectionLifted, match="person:victim"):
        claims.remove(graph, "case-file")
    assert dump_of(graph, tmp_path / "refused") == before
    claims.remove(graph, "case-file", unprotect=True)
    victim = cypher(graph, "MATCH (p:Person {id: 'person:victim'}) RETURN p.name AS name, "
                           "p.aliases AS aliases, p.protected AS protected")[0]
    assert victim == {"name": "Viktoria Latin", "aliases": ["V. Latin"], "protected": False}


def test_priority_gives_the_name_and_values_first(graph, tmp_path):
    ingest(graph, small(tmp_path / "a", name="case-file"))
    b = press(tmp_path / "b")
    (b / "dataset.yaml").write_text("name: press-roundup\npriority: 5\n", encoding="utf-8")
    ingest(graph, b)
    victim = cypher(graph, "MATCH (p:Person {id: 'person:victim'}) RETURN p.name AS name, p.aliases AS aliases, "
                           "p.protected AS protected, p.datasets AS datasets")[0]
    assert victim == {"name": "Viktoria Latin", "aliases": ["V. Latin", "Victim"], "protected": True,
                      "datasets": ["press-roundup", "case-file"]}


def test_each_relationship_claim_keeps_its_own_quote_sources_and_confidence(graph, tmp_path):
    ingest(graph, small(tmp_path / "a", name="case-file"))
    ingest(graph, press(tmp_path / "b"))
    rel = cypher(graph, "MATCH (:Person {id: 'person:officer'})-[r:MEMBER_OF]->() RETURN r.quote AS quote, "
                        "r.sources AS sources, r.confidence AS confidence, r.datasets AS datasets")[0]
    assert rel == {"quote": "an officer of the department", "sources": ["src:a", "src:press"],
                   "confidence": "medium", "datasets": ["case-file", "press-roundup"]}
    said = cypher(graph, "MATCH (:Person {id: 'person:officer'})-[r:MEMBER_OF]->() "
                         "MATCH (c:Claim {target: r.id}) RETURN c.dataset AS dataset, c.quote AS quote, "
                         "c.sources AS sources, c.confidence AS confidence ORDER BY dataset")
    assert said == [{"dataset": "case-file", "quote": "an officer of the department", "sources": ["src:a"],
                     "confidence": "medium"},
                    {"dataset": "press-roundup", "quote": "the officer served in the department",
                     "sources": ["src:press"], "confidence": "high"}]


def test_a_fact_is_an_inference_only_while_every_claim_is_one(graph, tmp_path):
    a = small(tmp_path / "a", name="case-file")
    rows = (a / "relations.csv").read_text(encoding="utf-8").splitlines()
    rows[0] += ",inferred"
    rows[1:] = [r + (",true" if "PART_OF" in r else ",") for r in rows[1:]]
    (a / "relations.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    ingest(graph, a)
    query = "MATCH (:Unit)-[r:PART_OF]->() RETURN r.inferred AS inferred"
    assert cypher(graph, query) == [{"inferred": True}]
    ingest(graph, write_dataset(tmp_path / "b", "org-chart", sources=[{"id": "src:chart", "title": "Chart"}],
                                relations=[{"subject": "unit:dept", "relation": "PART_OF",
                                            "object": "agency:ministry", "start": "2020",
                                            "sources": "src:chart"}]))
    assert cypher(graph, query) == [{"inferred": False}]


def test_a_source_another_dataset_cites_survives_its_removal(graph, tmp_path):
    ingest(graph, small(tmp_path / "a", name="case-file"))
    # A dataset that cites src:a (defined by case-file) and links to the officer.
    ingest(graph, write_dataset(tmp_path / "c", "cites", relations=[
        {"subject": "person:officer", "relation": "PARTICIPATED_IN", "object": "event:beating",
         "role": "witness", "sources": "src:a"}]))
    claims.remove(graph, "case-file", unprotect=True)
    left = cypher(graph, "MATCH (n:Entity) RETURN n.id AS id, n.name AS name, n.datasets AS datasets ORDER BY id")
    # The fact 'cites' states keeps both its ends and its source, by id; nothing else stays.
    assert left == [{"id": "event:beating", "name": None, "datasets": []},
                    {"id": "person:officer", "name": None, "datasets": []},
                    {"id": "src:a", "name": None, "datasets": []}]
    claims.remove(graph, "cites")
    assert cypher(graph, "MATCH (n) WHERE NOT n:IngestRun RETURN count(n) AS n") == [{"n": 0}]


def test_interrupted_remove_finishes_when_run_again(graph, tmp_path):
    ingest(graph, small(tmp_path / "a", name="case-file"))
    alone = dump_of(graph, tmp_path / "alone")
    ingest(graph, press(tmp_path / "b"))

    class Stop(Exception):
        pass

    def stop_after_first_batch(step, n, total):
        raise Stop(step)

    with pytest.raises(Stop):
        claims.remove(graph, "press-roundup", batch_size=1, progress=stop_after_first_batch)
    assert cypher(graph, "MATCH (c:Claim {dataset: 'press-roundup'}) RETURN count(c) AS n") == [{"n": 4}]
    claims.remove(graph, "press-roundup", batch_size=1)
    assert dump_of(graph, tmp_path / "after") == alone
    modes = cypher(graph, "MATCH (r:IngestRun {mode: 'remove'}) RETURN r.status AS s ORDER BY r.started")
    assert [m["s"] for m in modes] == ["interrupted", "complete"]


def test_remove_command(cli, tmp_path):
    cli("ingest", small(tmp_path / "a", name="case-file"))
    cli("ingest", press(tmp_path / "b"))
    unknown = cli("remove", "no-such-dataset")
    assert unknown.returncode == 1 and "no dataset named 'no-such-dataset'" in unknown.stderr
    refused = cli("remove", "case-file")
    assert refused.returncode == 1 and "--unprotect" in refused.stderr and "person:victim" in refused.stderr
    done = cli("remove", "press-roundup")
    assert done.returncode == 0, done.stderr
    assert "Removed 'press-roundup': 5 claims withdrawn, 1 relationships and 2 nodes deleted." in done.stdout


def test_csv_export_of_one_dataset_is_its_own_word(graph, tmp_path):
    from graph.dataset_export import write
    ingest(graph, small(tmp_path / "a", name="case-file"))
    ingest(graph, press(tmp_path / "b"))
    write(graph, tmp_path / "out", dataset="press-roundup")
    people = (tmp_path / "out" / "people.csv").read_text(encoding="utf-8")
    assert "Viktoria Latin" in people and "Victim," not in people and "V.," not in people
    relations = (tmp_path / "out" / "relations.csv").read_text(encoding="utf-8")
    assert "the officer served in the department" in relations and "an officer of" not in relations
    # Loaded in its place, it gives back exactly what the dataset said.
    both = dump_of(graph, tmp_path / "both")
    claims.remove(graph, "press-roundup")
    ingest(graph, tmp_path / "out")
    assert dump_of(graph, tmp_path / "again") == both



def test_what_was_deleted_by_hand_comes_back_with_the_next_change(graph, tmp_path):
    """The graph is open to anyone with Neo4j Browser. A fact deleted by hand, or a label taken
    off a record (or a graph an earlier chainwatch made with fewer labels), while the claims
    stay: the next load that changes them makes the fact again and gives the labels back, and
    deriving every record and fact again from its claims changes nothing."""
    posting = {"subject": "person:officer", "relation": "member_of", "object": "unit:dept", "start": "2021-03",
               "end": "2022-06", "sources": "src:a", "quote": "an officer of the department"}
    officer = {"id": "person:officer", "name": "Officer One", "sources": "src:a"}
    ingest(graph, small(tmp_path / "v1", name="case-file", people=[officer], relations=[posting]))
    graph.driver.execute_query("MATCH (p:Person {id: 'person:officer'})-[r:MEMBER_OF]->() DELETE r "
                               "REMOVE p:Actor", database_=graph.database)
    ingest(graph, small(tmp_path / "v2", name="case-file", people=[{**officer, "description": "a captain"}],
                        relations=[{**posting, "quote": "he served there"}]))
    assert cypher(graph, "MATCH (p {id: 'person:officer'})-[r:MEMBER_OF]->({id: 'unit:dept'}) "
                         "RETURN labels(p) AS labels, p.description AS description, r.quote AS quote") == [
        {"labels": ["Entity", "Person", "Actor"], "description": "a captain", "quote": "he served there"}]
    assert_derived_again(graph, tmp_path / "derived")
