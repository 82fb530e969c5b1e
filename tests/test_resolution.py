"""`chainwatch resolve` on the labelled set (tests/fixtures/resolution/): one
dataset in Cyrillic, one in Latin letters, mostly the same people, with planted
look-alikes. The true pairs come above the look-alikes; decisions made are not
proposed again; merging a true pair joins its chain of command, and unmerging it
gives back the dump exactly."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph.decisions import distinct, merge, unmerge
from graph.markdown import escape as md
from graph.resolution import DEFAULT_THRESHOLD, MAX_BLOCK, candidates, pairs
from ingest.load import ingest
from tests.test_claims import dump_of
from tests.test_decisions import accused_up_to_ministry
from tests.test_ingest import cypher

LABELLED = Path(__file__).parent / "fixtures" / "resolution"


def labelled(name: str) -> set[frozenset[str]]:
    with open(LABELLED / name, encoding="utf-8") as f:
        return {frozenset((r["a"], r["b"])) for r in csv.DictReader(f)}


@pytest.fixture
def loaded(graph):
    ingest(graph, LABELLED / "ledger")
    ingest(graph, LABELLED / "press")
    return graph


def found(graph, **kw) -> dict[frozenset[str], float]:
    return {frozenset((c.a["id"], c.b["id"])): c.score for c in candidates(graph, **kw)}


def test_every_true_pair_is_proposed_and_no_look_alike(loaded):
    proposed = found(loaded)
    same, different = labelled("same.csv"), labelled("different.csv")
    assert same <= set(proposed), sorted(tuple(sorted(p)) for p in same - set(proposed))
    assert not different & set(proposed)
    assert set(proposed) == same  # nothing else either: precision 1 on this set


def test_true_pairs_score_above_every_look_alike(loaded):
    everything = found(loaded, threshold=0.0)
    same, different = labelled("same.csv"), labelled("different.csv")
    assert min(everything[p] for p in same) > max(everything.get(p, 0.0) for p in different)
    ranked = candidates(loaded, threshold=0.0)
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)


def test_each_candidate_gives_its_reasons(loaded):
    by_pair = {frozenset((c.a["id"], c.b["id"])): c for c in candidates(loaded, threshold=0.0)}
    officer = by_pair[frozenset(("person:kz-01", "person:en-01"))]
    assert officer.reasons == ["same name in Latin letters: Nurlan Kiysymbayev / Нурлан Кийсымбаев",
                               "both in unit:dp-almaty at overlapping dates", "both took part in event:beating"]
    son = by_pair[frozenset(("person:kz-11", "person:en-27"))]
    assert any(r.startswith("different birth dates") for r in son.reasons) and son.score < DEFAULT_THRESHOLD


def test_dataset_and_against_choose_the_sides(loaded):
    across = found(loaded, dataset="ledger", against="press")
    assert frozenset(("person:en-02", "person:en-02b")) not in across  # both in press
    assert frozenset(("person:kz-02", "person:en-02")) in across
    with_press = found(loaded, dataset="press", threshold=0.0)  # a press record on one side, any on the other
    assert frozenset(("person:kz-01", "person:en-01")) in with_press
    assert frozenset(("person:en-02", "person:en-02b")) in with_press
    assert frozenset(("person:kz-01", "person:kz-23")) not in with_press  # both in the ledger
    within_press = found(loaded, dataset="press", against="press")
    assert within_press == {frozenset(("person:en-02", "person:en-02b")): within_press[frozenset(("person:en-02", "person:en-02b"))],
                            frozenset(("person:en-03", "person:en-03b")): within_press[frozenset(("person:en-03", "person:en-03b"))]}


def test_decided_pairs_are_not_proposed_again(loaded, tmp_path):
    distinct(loaded, "person:kz-16", "person:en-16", note="another Zhanar Seitova")
    merge(loaded, "person:kz-13", "person:en-13")
    proposed = found(loaded)
    assert frozenset(("person:kz-16", "person:en-16")) not in proposed
    assert not any("person:en-13" in p for p in proposed)
    # Loading the press again changes neither: the merged id writes to its record.
    ingest(loaded, LABELLED / "press")
    assert found(loaded) == proposed


def test_merging_a_true_pair_joins_the_chain_and_unmerging_restores_the_dump(loaded, tmp_path):
    def accused_reach_mvd():
        return {r["id"] for r in cypher(loaded, "MATCH (:Event {id: 'event:beating'})<-[:PARTICIPATED_IN]-(p:Person) "
                                                "MATCH (p)-[:MEMBER_OF]->()-[:PART_OF*1..5]->(:Agency {id: 'agency:mvd'}) "
                                                "RETURN DISTINCT p.id AS id")}
    before = dump_of(loaded, tmp_path / "before")
    assert accused_reach_mvd() == {"person:kz-01", "person:kz-03", "person:en-01"}  # not en-03b: no posting
    merge(loaded, "person:kz-03", "person:en-03b")
    assert "person:kz-03" in accused_reach_mvd() and "person:en-03b" not in accused_reach_mvd()
    assert cypher(loaded, "MATCH (p {id: 'person:kz-03'})-[r:PARTICIPATED_IN]->() RETURN count(r) AS n") == [{"n": 2}]
    unmerge(loaded, "person:en-03b")
    assert dump_of(loaded, tmp_path / "after") == before


def test_blocking_compares_only_records_that_share_a_rare_key():
    people = [{"id": f"p{i}", "label": "Person", "keys": ["nurlan", f"surname{i}"]} for i in range(MAX_BLOCK + 1)]
    people += [{"id": "x", "label": "Person", "keys": ["nurlan", "surname1"]},  # shares a rare pair
               {"id": "y", "label": "Unit", "keys": ["nurlan", "surname1"]}]  # another label: never
    compared = {frozenset((a["id"], b["id"])) for a, b in pairs(people)}
    assert compared == {frozenset(("p1", "x"))}  # a first name shared by more than MAX_BLOCK pairs nothing


def test_resolve_from_the_command_line(cli, loaded):
    done = cli("resolve", "--dataset", "ledger", "--against", "press", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["candidates"]
    assert rows[0]["score"] >= rows[-1]["score"] >= DEFAULT_THRESHOLD
    assert {frozenset((r["a"]["id"], r["b"]["id"])) for r in rows} == \
        {p for p in labelled("same.csv") if any(i.startswith("person:kz") for i in p)}
    table = cli("resolve", "--threshold", "0.99")
    assert table.returncode == 0 and "Нурлан Кийсымбаев" in table.stdout
    assert cli("merge", "person:kz-16", "person:en-16").returncode == 0
    decided = cli("resolve", "--decided", "--format", "json")
    assert [r["id"] for r in json.loads(decided.stdout)["rows"]] == ["merge:person:en-16"]


def test_the_duplicates_page_compares_side_by_side_and_decides(loaded):
    from explorer import data
    from tests.test_explorer_app import page
    data.graph.cache_clear()
    try:
        at = page("duplicates_page")
        assert len(at.dataframe[0].value) == len(labelled("same.csv"))
        top = candidates(loaded)[0]
        shown = [m.value for m in at.markdown]
        assert all("- " + md(r) in shown for r in top.reasons), shown
        claims_tables = [d.value for d in at.dataframe[1:3]]
        assert [list(t["dataset"]) for t in claims_tables] == [top.a["datasets"], top.b["datasets"]]
        at.text_input(key="dup-note").input("same officer, same unit").run()
        at.button(key="dup-merge-a").click().run()
        assert not at.exception, at.exception
        assert [s.value for s in at.success] == [md(f"Merged {top.b['id']} into {top.a['id']}. "
                                                    f"Undo: chainwatch unmerge {top.b['id']}")]
        assert cypher(loaded, "MATCH (d:Decision) RETURN d.id AS id, d.note AS note") == [
            {"id": f"merge:{top.b['id']}", "note": "same officer, same unit"}]
        assert len(at.dataframe[0].value) == len(labelled("same.csv")) - 1
        at.button(key="dup-distinct").click().run()
        assert cypher(loaded, "MATCH (d:Decision {kind: 'distinct'}) RETURN count(d) AS n") == [{"n": 1}]
        # In public mode the page neither pairs names nor decides.
        public = AppTest.from_string("import streamlit as st\nst.session_state['public'] = True\n"
                                     "from explorer.pages import duplicates_page\nduplicates_page()", default_timeout=60)
        public.run()
        assert public.error and not public.dataframe and not public.button
    finally:
        data.graph.cache_clear()
