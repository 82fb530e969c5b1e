"""Identity decisions: merge two ids into one actor, judge two distinct, unmerge
exactly; decisions dumped and restored, and respected by every later load and
withdrawal. Exactness is measured with the dump (run log and load times aside)."""

from __future__ import annotations

import re

import pytest

from graph import claims
from graph.chains import chain
from graph.decisions import DecisionError, distinct, merge, unmerge
from graph.dump import restore
from graph.identity import Identity
from ingest.load import ingest
from tests.datasets import small, write_dataset
from tests.test_claims import dump_of
from tests.test_ingest import cypher

CYRILLIC_OFFICER = "person:kz-kiysymbaev"
LATIN_OFFICER = "person:press-kiysymbayev"


def case_file(folder):
    """A lawyer's case file in Cyrillic: the officer is posted to the department."""
    return small(folder, name="case-file", people=[
        {"id": CYRILLIC_OFFICER, "name": "Нурлан Кийсымбаев", "aliases": "Кийсымбаев Н.", "sources": "src:a"},
        {"id": "person:victim", "name": "Victim", "protected": "yes", "pseudonym": "V.", "sources": "src:a"}],
        relations=[
            {"subject": "unit:dept", "relation": "PART_OF", "object": "agency:ministry", "start": "2020", "sources": "src:a"},
            {"subject": CYRILLIC_OFFICER, "relation": "MEMBER_OF", "object": "unit:dept", "start": "2021-03",
             "sources": "src:a", "quote": "служил в департаменте"},
            {"subject": "person:victim", "relation": "PARTICIPATED_IN", "object": "event:beating",
             "role": "victim", "sources": "src:a"}])


def press(folder, description="an officer"):
    """A press round-up in Latin letters: the same officer, accused of the beating."""
    return write_dataset(
        folder, "press",
        sources=[{"id": "src:press", "title": "Press round-up", "kind": "article"}],
        people=[{"id": LATIN_OFFICER, "name": "Nurlan Kiysymbayev", "description": description,
                 "sources": "src:press"}],
        relations=[{"subject": LATIN_OFFICER, "relation": "PARTICIPATED_IN", "object": "event:beating",
                    "role": "alleged_perpetrator", "sources": "src:press", "quote": "he beat him"}])


@pytest.fixture
def two(graph, tmp_path):
    ingest(graph, case_file(tmp_path / "a"))
    ingest(graph, press(tmp_path / "b"))
    return graph


def accused_up_to_ministry(graph) -> bool:
    """Whether the beating's accused reaches the ministry through postings and PART_OF."""
    return bool(cypher(graph, "MATCH (:Event {id: 'event:beating'})<-[p:PARTICIPATED_IN]-(x:Person) "
                              "WHERE p.role = 'alleged_perpetrator' "
                              "MATCH (x)-[:MEMBER_OF]->(:Unit)-[:PART_OF*1..5]->(:Agency {id: 'agency:ministry'}) "
                              "RETURN x.id AS id"))


def test_a_merge_joins_the_chain_and_an_unmerge_restores_the_dump_exactly(two, tmp_path):
    before = dump_of(two, tmp_path / "before")
    assert not accused_up_to_ministry(two)
    done = merge(two, CYRILLIC_OFFICER, LATIN_OFFICER, note="same man, two spellings")
    assert done["decision"] == f"merge:{LATIN_OFFICER}"
    assert accused_up_to_ministry(two)
    assert "agency:ministry" in [link.target for link in chain(two, CYRILLIC_OFFICER).up]
    officer = cypher(two, f"MATCH (p {{id: '{CYRILLIC_OFFICER}'}}) RETURN p.name AS name, p.aliases AS aliases, "
                          "p.datasets AS datasets, p.merged_ids AS merged, p.sources AS sources")[0]
    assert officer == {"name": "Нурлан Кийсымбаев", "aliases": ["Кийсымбаев Н.", "Nurlan Kiysymbayev"],
                       "datasets": ["case-file", "press"], "merged": [LATIN_OFFICER],
                       "sources": ["src:a", "src:press"]}
    assert cypher(two, f"MATCH (p {{id: '{LATIN_OFFICER}'}}) RETURN p") == []
    # Each claim keeps the id it came with; each quote stays with its source.
    said = cypher(two, f"MATCH (c:Claim {{target: '{CYRILLIC_OFFICER}'}}) RETURN c.id AS id ORDER BY id")
    assert [r["id"] for r in said] == [f"case-file|{CYRILLIC_OFFICER}", f"press|{LATIN_OFFICER}"]
    assert dump_of(two, tmp_path / "merged") != before
    unmerge(two, LATIN_OFFICER)
    assert dump_of(two, tmp_path / "after") == before
    assert not accused_up_to_ministry(two)


def test_a_merged_id_resolves_to_its_record_at_every_load_and_withdrawal(two, tmp_path):
    merge(two, CYRILLIC_OFFICER, LATIN_OFFICER)
    ingest(two, press(tmp_path / "b2", description="a senior officer"))  # corrected, still under its own id
    assert cypher(two, f"MATCH (p {{id: '{LATIN_OFFICER}'}}) RETURN p") == []
    assert cypher(two, f"MATCH (p {{id: '{CYRILLIC_OFFICER}'}}) RETURN p.description AS d") == [{"d": "a senior officer"}]
    assert accused_up_to_ministry(two)
    # A third dataset may refer to the merged id without defining it.
    third = write_dataset(tmp_path / "c", "ngo", sources=[{"id": "src:ngo", "title": "NGO log"}],
                          relations=[{"subject": LATIN_OFFICER, "relation": "PARTICIPATED_IN", "object": "event:beating",
                                      "role": "witness", "sources": "src:ngo"}])
    ingest(two, third)
    assert cypher(two, f"MATCH (p {{id: '{CYRILLIC_OFFICER}'}})-[r {{role: 'witness'}}]->() RETURN r.datasets AS d") \
        == [{"d": ["ngo"]}]
    # Withdrawal finds the facts it said of the merged id on the record that took it in.
    claims.remove(two, "ngo")
    claims.remove(two, "press")
    assert not accused_up_to_ministry(two)
    officer = cypher(two, f"MATCH (p {{id: '{CYRILLIC_OFFICER}'}}) RETURN p.aliases AS aliases, p.merged_ids AS merged, "
                          "p.datasets AS datasets")
    assert officer == [{"aliases": ["Кийсымбаев Н."], "merged": None, "datasets": ["case-file"]}]


def test_a_merged_record_whose_datasets_left_comes_back_as_the_decision_says(two, tmp_path):
    """The decision outlives the records it joined: the press loaded again after both datasets
    left makes the merged record again, with the press's id among its merged ids."""
    merge(two, CYRILLIC_OFFICER, LATIN_OFFICER)
    claims.remove(two, "press")
    claims.remove(two, "case-file", unprotect=True)
    ingest(two, write_dataset(tmp_path / "b2", "press", sources=[{"id": "src:press", "title": "Press round-up"}],
                              people=[{"id": LATIN_OFFICER, "name": "Nurlan Kiysymbayev", "sources": "src:press"}]))
    assert cypher(two, f"MATCH (p:Person) WHERE p.id IN ['{CYRILLIC_OFFICER}', '{LATIN_OFFICER}'] "
                       "RETURN p.id AS id, p.name AS name, p.merged_ids AS merged") == [
        {"id": CYRILLIC_OFFICER, "name": "Nurlan Kiysymbayev", "merged": [LATIN_OFFICER]}]


def test_a_dataset_naming_both_merged_ids_loads_again_after_it_left(graph, tmp_path):
    """The record a merge kept is made again by whichever of the dataset's rows comes first: here
    the merged id's, one batch before the record's own id, which validation had found new to the
    graph (a second CREATE of the record broke the uniqueness constraint and stopped the load)."""
    both = write_dataset(tmp_path / "d", "roster", sources=[{"id": "src:r", "title": "Roster"}],
                         people=[{"id": LATIN_OFFICER, "name": "Nurlan Kiysymbayev", "sources": "src:r"},
                                 {"id": CYRILLIC_OFFICER, "name": "Нурлан Кийсымбаев", "sources": "src:r"}])
    ingest(graph, both, batch_size=1)
    merge(graph, CYRILLIC_OFFICER, LATIN_OFFICER)
    merged = dump_of(graph, tmp_path / "merged")
    claims.remove(graph, "roster")
    assert not cypher(graph, "MATCH (p:Person) RETURN p.id AS id")
    ingest(graph, both, batch_size=1)
    assert dump_of(graph, tmp_path / "again") == merged


def test_decisions_are_dumped_restored_and_still_applied(two, tmp_path):
    merge(two, CYRILLIC_OFFICER, LATIN_OFFICER, note="same man")
    distinct(two, CYRILLIC_OFFICER, "person:victim", note="the officer is not the victim")
    dumped = dump_of(two, tmp_path / "dump")
    restore(two, tmp_path / "dump", wipe=True)
    assert dump_of(two, tmp_path / "again") == dumped
    ident = Identity.of(two)
    assert ident.canonical(LATIN_OFFICER) == CYRILLIC_OFFICER
    assert ident.judged_distinct("person:victim", LATIN_OFFICER) == \
        f"distinct:{CYRILLIC_OFFICER}|person:victim"  # through the merge
    ingest(two, press(tmp_path / "b2"))
    assert cypher(two, f"MATCH (p {{id: '{LATIN_OFFICER}'}}) RETURN p") == []


def test_merging_a_protected_and_a_public_person_keeps_the_protection(two, tmp_path):
    ingest(two, write_dataset(tmp_path / "c", "ngo", sources=[{"id": "src:ngo", "title": "NGO log"}],
                              people=[{"id": "person:named", "name": "Viktoria Latin", "sources": "src:ngo"}]))
    merge(two, "person:named", "person:victim")  # the public record kept, the protected one taken in
    victim = cypher(two, "MATCH (p {id: 'person:named'}) RETURN p.protected AS protected, p.pseudonym AS pseudonym")
    assert victim == [{"protected": True, "pseudonym": "V."}]
    merge(two, CYRILLIC_OFFICER, "person:named")  # wrong, but the protection follows
    assert cypher(two, f"MATCH (p {{id: '{CYRILLIC_OFFICER}'}}) RETURN p.protected AS p") == [{"p": True}]
    unmerge(two, "person:named")
    assert cypher(two, f"MATCH (p {{id: '{CYRILLIC_OFFICER}'}}) RETURN p.protected AS p") == [{"p": False}]
    assert cypher(two, "MATCH (p {id: 'person:named'}) RETURN p.protected AS p") == [{"p": True}]
    # Two protected records: still protected, under the first protecting claim's pseudonym.
    ingest(two, write_dataset(tmp_path / "d", "shelter", sources=[{"id": "src:shelter", "title": "Shelter"}],
                              people=[{"id": "person:w", "name": "Виктория", "protected": "yes",
                                       "pseudonym": "W.", "sources": "src:shelter"}]))
    merge(two, "person:w", "person:named")
    both = cypher(two, "MATCH (p {id: 'person:w'}) RETURN p.protected AS protected, p.pseudonym AS pseudonym, "
                       "p.name AS name, p.aliases AS aliases")
    assert both == [{"protected": True, "pseudonym": "V.", "name": "Victim",  # the earliest-loaded claim's
                     "aliases": ["Viktoria Latin", "Виктория"]}]


def test_a_chain_of_merges_unmerges_one_link_at_a_time(two, tmp_path):
    before = dump_of(two, tmp_path / "before")
    ingest(two, write_dataset(tmp_path / "c", "ngo", sources=[{"id": "src:ngo", "title": "NGO log"}],
                              people=[{"id": "person:ngo-k", "name": "N. Kisymbaev", "sources": "src:ngo"}]))
    with_third = dump_of(two, tmp_path / "third")
    merge(two, LATIN_OFFICER, "person:ngo-k")
    merged_once = dump_of(two, tmp_path / "once")
    merge(two, CYRILLIC_OFFICER, LATIN_OFFICER)
    assert Identity.of(two).canonical("person:ngo-k") == CYRILLIC_OFFICER
    unmerge(two, LATIN_OFFICER)  # gives back the Latin record, with the NGO's claim merged into it
    assert dump_of(two, tmp_path / "after-one") == merged_once
    unmerge(two, "merge:person:ngo-k")
    assert dump_of(two, tmp_path / "after-two") == with_third
    claims.remove(two, "ngo")
    assert dump_of(two, tmp_path / "after-all") == before


def test_a_merge_whose_record_every_dataset_left_is_undone_and_no_longer_steers_loads(cli, two, tmp_path):
    """Both datasets that described a merged record are removed: the record is gone, the merge
    decision is not. Undoing it deletes the decision (there is nothing to give back), and a
    later load that names the taken id gets a record of its own again."""
    merge(two, CYRILLIC_OFFICER, LATIN_OFFICER)
    claims.remove(two, "press")
    claims.remove(two, "case-file", unprotect=True)
    done = cli("unmerge", LATIN_OFFICER)
    assert done.returncode == 0
    assert f"Deleted decision merge:{LATIN_OFFICER}: no dataset describes {CYRILLIC_OFFICER} any more" in done.stdout
    assert not Identity.of(two).merged_into
    assert not cypher(two, "MATCH (d:Decision) RETURN d.id AS id")
    ingest(two, case_file(tmp_path / "a"))
    ingest(two, press(tmp_path / "b"))
    assert cypher(two, f"MATCH (n:Person) WHERE n.id IN ['{CYRILLIC_OFFICER}', '{LATIN_OFFICER}'] "
                       "RETURN n.id AS id, n.merged_ids AS merged ORDER BY id") == [
        {"id": CYRILLIC_OFFICER, "merged": None}, {"id": LATIN_OFFICER, "merged": None}]


@pytest.mark.parametrize("a, b, says", [
    (CYRILLIC_OFFICER, CYRILLIC_OFFICER, "already one record"),
    (CYRILLIC_OFFICER, "person:nobody", "no record 'person:nobody'"),
    (CYRILLIC_OFFICER, "unit:dept", "only records of one kind"),
])
def test_a_merge_that_cannot_be_made_is_refused_and_changes_nothing(two, tmp_path, a, b, says):
    before = dump_of(two, tmp_path / "before")
    with pytest.raises(DecisionError, match=says):
        merge(two, a, b)
    assert dump_of(two, tmp_path / "after") == before


def test_a_pair_judged_distinct_cannot_be_merged_until_the_decision_is_undone(two):
    done = distinct(two, LATIN_OFFICER, CYRILLIC_OFFICER)
    assert done == {"decision": f"distinct:{CYRILLIC_OFFICER}|{LATIN_OFFICER}", "new": True}
    assert distinct(two, CYRILLIC_OFFICER, LATIN_OFFICER)["new"] is False
    with pytest.raises(DecisionError, match=f"judged distinct; .* unmerge {re.escape(repr(done['decision']))}"):
        merge(two, CYRILLIC_OFFICER, LATIN_OFFICER)
    unmerge(two, done["decision"])
    merge(two, CYRILLIC_OFFICER, LATIN_OFFICER)
    with pytest.raises(DecisionError, match="one record by a merge"):
        distinct(two, CYRILLIC_OFFICER, LATIN_OFFICER)


def test_merge_and_unmerge_from_the_command_line(cli, two):
    done = cli("merge", CYRILLIC_OFFICER, LATIN_OFFICER, "--note", "same man")
    assert done.returncode == 0 and f"Merged {LATIN_OFFICER} into {CYRILLIC_OFFICER}" in done.stdout
    again = cli("merge", CYRILLIC_OFFICER, LATIN_OFFICER)
    assert again.returncode == 1 and "already one record" in again.stderr
    assert cli("unmerge", LATIN_OFFICER).returncode == 0
    wrong = cli("unmerge", LATIN_OFFICER)
    assert wrong.returncode == 1 and "no merge took in" in wrong.stderr


def test_a_dataset_exports_what_it_said_under_its_own_ids_after_a_merge(two, tmp_path):
    from graph.dataset_export import write
    write(two, tmp_path / "before", dataset="press")
    merge(two, CYRILLIC_OFFICER, LATIN_OFFICER)
    write(two, tmp_path / "after", dataset="press")
    for name in ("people.csv", "relations.csv"):
        assert (tmp_path / "after" / name).read_text() == (tmp_path / "before" / name).read_text()


def test_a_dry_run_after_a_merge_counts_what_is_there(two, tmp_path):
    merge(two, CYRILLIC_OFFICER, LATIN_OFFICER)
    report = ingest(two, press(tmp_path / "b2"), dry_run=True)
    assert (report.existing_nodes, report.existing_relations) == (2, 1)  # its source, and the officer under A
