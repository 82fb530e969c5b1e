"""The explorer's logic: its data functions against the real test server, and
the app itself through Streamlit's own testing harness (AppTest)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from explorer import APP, data
from explorer.network import draw, strip_remote
from graph.db import GraphError
from ingest.load import ingest
from tests.conftest import SAMPLE


@pytest.fixture
def sample(graph):
    ingest(graph, SAMPLE)
    data.graph.cache_clear()
    yield graph
    data.graph.cache_clear()


def app() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def test_search_is_typo_tolerant_and_grouped(sample):
    at = app()
    at.text_input(key="search").input("Azanof").run()
    assert "Baurzhan Azanov" in [b.label for b in at.button]
    assert {"Person", "Event", "Organization"} <= {s.value for s in at.subheader}


def test_public_mode_searches_pseudonyms_not_real_names(sample):
    at = app()
    at.sidebar.toggle(key="public").set_value(True).run()
    at.text_input(key="search").input("Seventeen-year-old").run()
    assert not [b for b in at.button if "Seventeen" in b.label]
    at.text_input(key="search").input("Minor T").run()
    assert "Minor T." in [b.label for b in at.button]
    at.sidebar.toggle(key="public").set_value(False).run()
    at.text_input(key="search").input("Seventeen-year-old").run()
    assert any("Seventeen-year-old" in b.label for b in at.button)


def test_neighbourhood_counts_caps_and_filters(sample):
    full = data.neighbourhood("person:baurzhan-azanov", False, hops=2)
    assert full["total"] == full["shown"] == len(full["nodes"]) - 1
    capped = data.neighbourhood("person:baurzhan-azanov", False, hops=2, cap=3)
    assert capped["shown"] == 3 and capped["total"] == full["total"] and len(capped["nodes"]) == 4
    people = data.neighbourhood("person:baurzhan-azanov", False, hops=1, labels=["Person"])
    assert {n["label"] for n in people["nodes"]} == {"Person"}
    before = data.neighbourhood("person:baurzhan-azanov", False, hops=1, date_to="2021-12-31",
                                relations=["PART_OF"])
    assert before["total"] == 0


def test_entity_in_public_mode_hides_the_real_name(sample):
    e = data.entity("person:taldykorgan-teenager", True)
    text = repr(e)
    assert "Minor T." in text and "Seventeen" not in text and "person:taldykorgan-teenager" not in text


def test_console_is_read_only(sample):
    with pytest.raises(GraphError, match="read-only"):
        data.console("CREATE (n:Scratch) RETURN n", {}, False)
    keys, rows, truncated = data.console("MATCH (p:Person {id: $id}) RETURN p.name AS name",
                                         {"id": "person:baurzhan-azanov"}, False)
    assert rows == [{"name": "Baurzhan Azanov"}] and not truncated


def test_network_html_is_offline_and_escapes_names():
    html = draw([{"id": "a", "name": "<img src=x onerror=alert(1)>", "label": "Person"},
                 {"id": "b", "name": "B", "label": "Unit"}],
                [{"source": "a", "target": "b", "type": "MEMBER_OF", "confidence": "low", "sources": ["s"]}])
    assert re.findall(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", html) == []
    assert "vis-network" in html or "vis.Network" in html  # the library is inlined
    assert strip_remote('<script src="https://x.org/a.js"></script><link href="//x.org/b.css" rel="stylesheet">') == ""
