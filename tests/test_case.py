"""The case view's story (graph/case.py): one allegation told in order, with the chain above
the accused on the day and every source in the order the story cites it."""

from __future__ import annotations

import pytest

from graph import case
from ingest.load import ingest
from tests.datasets import write_dataset

SOURCES = [{"id": f"src:{s}", "title": f"The {s} record", "kind": "report"}
           for s in ("medical", "press", "lawyer", "prosecutor")]


@pytest.fixture
def story(graph, tmp_path):
    def fact(subject, relation, obj, source, **more):
        return {"subject": subject, "relation": relation, "object": obj, "sources": source, **more}
    ingest(graph, write_dataset(
        tmp_path / "case", "case", sources=SOURCES,
        people=[{"id": "person:victim", "name": "Айгерим Серикова", "protected": "yes", "pseudonym": "Witness A",
                 "sources": "src:medical"},
                {"id": "person:officer", "name": "Officer One", "sources": "src:press"}],
        units=[{"id": "unit:dept", "name": "Department", "sources": "src:press"},
               {"id": "unit:inquiry", "name": "Inquiry Group", "sources": "src:prosecutor"}],
        agencies=[{"id": "agency:ministry", "name": "Ministry", "sources": "src:press"}],
        facilities=[{"id": "facility:station", "name": "Station 3", "sources": "src:medical"}],
        events=[{"id": "event:beating", "type": "ill_treatment", "title": "Beating of Witness A", "date": "2022-01-08",
                 "status": "alleged", "sources": "src:medical"},
                {"id": "event:investigation", "type": "investigation", "title": "Inquiry", "date": "2022-03",
                 "status": "confirmed", "sources": "src:prosecutor"},
                {"id": "event:complaint", "type": "complaint", "title": "Complaint", "date": "2022-02-01",
                 "status": "confirmed", "sources": "src:lawyer"},
                {"id": "event:custody", "type": "arrest", "title": "Officer held", "date": "2022-01-20",
                 "status": "confirmed", "sources": "src:prosecutor"}],
        relations=[fact("person:officer", "MEMBER_OF", "unit:dept", "src:press", start="2021"),
                   fact("person:officer", "MEMBER_OF", "unit:inquiry", "src:press", start="2023"),
                   fact("unit:dept", "PART_OF", "agency:ministry", "src:press"),
                   fact("event:beating", "OCCURRED_AT", "facility:station", "src:medical"),
                   fact("person:victim", "PARTICIPATED_IN", "event:beating", "src:medical", role="victim"),
                   fact("person:officer", "PARTICIPATED_IN", "event:beating", "src:press",
                        role="alleged_perpetrator", quote="Officer One beat Айгерим Серикова"),
                   fact("person:victim", "PARTICIPATED_IN", "event:complaint", "src:lawyer", role="complainant"),
                   fact("event:complaint", "CONCERNS", "event:beating", "src:lawyer", quote="she complained"),
                   fact("unit:inquiry", "PARTICIPATED_IN", "event:investigation", "src:prosecutor",
                        role="investigating_body"),
                   fact("event:investigation", "CONCERNS", "event:complaint", "src:prosecutor"),
                   fact("event:custody", "CONCERNS", "event:beating", "src:prosecutor")]))
    return graph


def test_the_story_is_told_in_order_and_cites_in_order(story):
    c = case.build(story, "event:beating")
    assert [e["id"] for e in c.timeline] == ["event:beating", "event:custody", "event:complaint",
                                             "event:investigation"]
    assert [s["id"] for s in c.citations] == ["src:medical", "src:press", "src:prosecutor", "src:lawyer"]
    quotes = {s["id"]: s["quotes"] for s in c.citations}
    assert quotes["src:press"] == ["Officer One beat Айгерим Серикова"] and quotes["src:medical"] == []
    assert quotes["src:lawyer"] == ["she complained"]
    ran = [a for a in c.timeline[3]["actors"] if a["role"] == "investigating_body"]
    assert [a["name"] for a in ran] == ["Inquiry Group"]
    # The accused's chain as it stood on the day: the department, not the posting of 2023.
    chain = c.chains["person:officer"]
    assert {link.target for link in chain.up} == {"unit:dept", "agency:ministry"}
    assert {"event:beating", "facility:station", "person:officer", "agency:ministry"} <= set(c.ids)


def test_in_public_the_story_names_no_protected_person(story):
    c = case.build(story, "event:beating", redact=True)
    told = repr(c)
    assert "Серикова" not in told and "person:victim" not in told
    assert "Witness A" in told
    assert [q for s in c.citations for q in s["quotes"]] == ["Officer One beat Witness A", "she complained"]


def test_an_unknown_event_says_how_to_find_one(story):
    with pytest.raises(case.NotAnEvent, match="chainwatch search"):
        case.build(story, "event:nothing")
