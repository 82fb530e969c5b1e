"""`chainwatch synth`: a synthetic dataset that loads, is the same for a seed, and holds
exactly the conflicts it plants."""

from __future__ import annotations

from collections import Counter

from graph import conflicts
from graph.conflicts import findings, rules
from ingest.load import ingest
from ingest.synth import RULES, synth
from ingest.validate import validate


def files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_same_seed_gives_the_same_files_and_another_seed_others(tmp_path):
    synth(tmp_path / "a", 1500, seed=7)
    synth(tmp_path / "b", 1500, seed=7)
    synth(tmp_path / "c", 1500, seed=8)
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert files(tmp_path / "a")["people.csv"] != files(tmp_path / "c")["people.csv"]


def test_it_is_valid_with_names_in_two_scripts_and_deep_reorganised_hierarchies(tmp_path):
    synth(tmp_path / "ds", 3000, seed=3)
    ds = validate(tmp_path / "ds")
    assert ds.ok, ds.problems[:5]
    people = [n for n in ds.nodes if n.label == "Person" and n.id.startswith("person:o")]
    assert people and all(any("а" <= ch <= "я" or ch in "әғқңөұүһі" for ch in p.props["name"].lower()) and
                          p.props["aliases"] and p.props["aliases"][0].isascii() for p in people)
    part_of = [r for r in ds.relations if r.type == "PART_OF"]
    assert any(r.props.get("valid_to") for r in part_of) and any(r.props.get("valid_from") for r in part_of)
    depth = max(int(u.id.split("-l")[1].split("-")[0]) for u in ds.nodes if u.id.startswith("unit:a"))
    assert 3 <= depth <= 6  # unit levels below the agency: 4 to 7 levels with it
    # inquiries name a person investigating too, the commander of the investigating body then
    named = [r for r in ds.relations if r.props.get("role") == "investigator"]
    assert named and all(r.subject.startswith("person:c") for r in named)
    inquiries = {r.object for r in ds.relations if r.props.get("role") == "investigating_body"}
    assert {r.object for r in named} < inquiries


def test_a_conflict_scan_finds_exactly_what_was_planted(graph, tmp_path):
    made = synth(tmp_path / "ds", 2000, seed=5, planted=2)
    ingest(graph, tmp_path / "ds")
    found = Counter(f["rule"] for f in findings(graph))
    assert found == Counter(made["planted"]) and set(found) == set(RULES)
    assert all(f["allegation"].startswith("event:plant-") for f in findings(graph))


def test_the_scan_in_one_statement_finds_what_the_rules_find_one_by_one(graph, tmp_path, monkeypatch):
    """The scan runs every rule in one statement, after what they all start from, over the
    allegations in runs of ids: no finding may be lost or doubled at a run's edge."""
    synth(tmp_path / "ds", 2000, seed=5, planted=2)
    ingest(graph, tmp_path / "ds")
    for as_of in (None, "2020-05-31"):  # the planted inquiries, before the acts against victims
        one_by_one = sorted((f for rule in rules() for f in findings(graph, rule, as_of=as_of)), key=repr)
        assert one_by_one == sorted(findings(graph, as_of=as_of), key=repr)
        monkeypatch.setattr(conflicts, "PARTS_PER_CORE", 40)  # runs of a few allegations each
        assert one_by_one == sorted(findings(graph, as_of=as_of), key=repr)
        monkeypatch.undo()
    # one allegation alone (the case view): its findings, no other's
    found = findings(graph)
    for allegation in sorted({f["allegation"] for f in found})[::3] + ["event:allegation-2"]:
        assert findings(graph, allegation=allegation) == [f for f in found if f["allegation"] == allegation]
