"""Chains of responsibility at a date, over time, and downward."""

from __future__ import annotations

import json

import pytest

from graph.chains import UnknownNode, chain
from ingest.load import ingest
from tests.datasets import write_dataset

S = "src:c"


def r(subject, relation, obj, start="", end="", role="", title=""):
    return {"subject": subject, "relation": relation, "object": obj, "start": start, "end": end,
            "role": role, "title": title, "sources": S}


@pytest.fixture
def hierarchy(graph, tmp_path):
    """A squad that moved from the city police to the regional police in 2021."""
    ingest(graph, write_dataset(
        tmp_path / "h", "h",
        sources=[{"id": S, "title": "Org chart"}],
        agencies=[{"id": "agency:top", "name": "Presidency", "apex": "yes"},
                  {"id": "agency:ministry", "name": "Ministry"}],
        units=[{"id": "unit:city", "name": "City Police"}, {"id": "unit:region", "name": "Regional Police"},
               {"id": "unit:squad", "name": "Squad"}],
        people=[{"id": "person:officer", "name": "Officer"}, {"id": "person:chief1", "name": "Chief One"},
                {"id": "person:chief2", "name": "Chief Two"}],
        relations=[r("agency:ministry", "PART_OF", "agency:top"),
                   r("unit:city", "PART_OF", "agency:ministry"), r("unit:region", "PART_OF", "agency:ministry"),
                   r("unit:squad", "PART_OF", "unit:city", end="2020"),
                   r("unit:squad", "PART_OF", "unit:region", start="2021"),
                   r("person:officer", "MEMBER_OF", "unit:squad", start="2019", role="sniper"),
                   r("person:chief1", "COMMANDS", "unit:squad", start="2018", end="2021-06", title="Commander"),
                   r("person:chief2", "COMMANDS", "unit:squad", start="2021-07", title="Commander")]))
    return graph


def ids(links):
    return sorted((l.relation, l.source, l.target) for l in links)


def test_chain_at_a_date_follows_only_valid_edges(hierarchy):
    c = chain(hierarchy, "person:officer", "2020-05-01")
    assert ids(c.up) == [("COMMANDS", "person:chief1", "unit:squad"),
                         ("MEMBER_OF", "person:officer", "unit:squad"),
                         ("PART_OF", "agency:ministry", "agency:top"),
                         ("PART_OF", "unit:city", "agency:ministry"),
                         ("PART_OF", "unit:squad", "unit:city")]
    assert [l.source for l in c.commanders("unit:squad")] == ["person:chief1"]
    assert "agency:top" in c.apex
    assert (c.labels["person:officer"], c.labels["unit:squad"], c.labels["agency:top"]) == \
        ("Person", "Unit", "Agency")
    later = chain(hierarchy, "person:officer", "2022-01-05")
    assert ("PART_OF", "unit:squad", "unit:region") in ids(later.up)
    assert ("PART_OF", "unit:squad", "unit:city") not in ids(later.up)
    assert [l.source for l in later.commanders("unit:squad")] == ["person:chief2"]


def test_chain_without_date_shows_the_hierarchy_as_it_changed(hierarchy):
    c = chain(hierarchy, "unit:squad")
    parents = {(l.target, l.start, l.end) for l in c.parents("unit:squad")}
    assert parents == {("unit:city", None, "2020"), ("unit:region", "2021", None)}
    assert len(c.commanders("unit:squad")) == 2


def test_chain_before_a_posting_began_has_no_bodies(hierarchy):
    assert chain(hierarchy, "person:officer", "2018-01-01").up == []


def test_chain_down(hierarchy):
    c = chain(hierarchy, "agency:ministry", "2022-01-01", down=True)
    assert {l.source for l in c.children("agency:ministry")} == {"unit:city", "unit:region"}
    assert [l.source for l in c.children("unit:region")] == ["unit:squad"]
    assert c.children("unit:city") == []


def test_unknown_id(hierarchy):
    with pytest.raises(UnknownNode):
        chain(hierarchy, "unit:nowhere")


def test_chain_command_json_and_tree(hierarchy, cli):
    out = cli("chain", "person:officer", "--as-of", "2022-01", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["as_of"] == "2022-01-01" and data["root"] == {"id": "person:officer", "name": "Officer", "apex": False}
    assert {n["id"]: n["name"] for n in data["nodes"]}["unit:region"] == "Regional Police"
    member = [l for l in data["up"] if l["relation"] == "MEMBER_OF"][0]
    assert member == dict(member, post="sniper", start="2019", end=None, confidence="medium", sources=[S])
    tree = cli("chain", "unit:squad", "--down")
    assert tree.returncode == 0
    for text in ("City Police", "Regional Police", "2021 – …", "… – 2020", "commanded by", "Chief Two", "apex"):
        assert text in tree.stdout, text
    early = cli("chain", "person:officer", "--as-of", "2018")
    assert "Officer" in early.stdout and "nothing recorded above it on 2018-01-01" in early.stdout
    assert "nothing recorded" not in cli("chain", "agency:top").stdout  # the apex has nothing above by design
    bad = cli("chain", "unit:squad", "--as-of", "June 2022")
    assert bad.returncode == 1 and "--as-of" in bad.stderr


def test_a_chain_per_period_shows_the_links_that_held_and_led_up_then():
    from graph.chains import Link, periods

    def link(source, target, start, end):
        return Link("MEMBER_OF" if source.startswith("person") else "PART_OF", source, target, None,
                    start, end, None, [], f"{source}>{target}")
    career = [link("person:p", "unit:a", "2000", "2010-06"), link("person:p", "unit:b", "2010-07", None),
              link("unit:a", "agency:m", None, None), link("unit:b", "agency:m", "2015", None)]
    found = [(p.label, [(l.source, l.target) for l in p.links]) for p in periods("person:p", career)]
    assert found == [
        ("2000-01-01 – 2010-06-30", [("person:p", "unit:a"), ("unit:a", "agency:m")]),
        ("2010-07-01 – 2014-12-31", [("person:p", "unit:b")]),  # unit:a no longer leads up from him
        ("2015-01-01 – …", [("person:p", "unit:b"), ("unit:b", "agency:m")])]
