"""The investigation canvas (explorer/canvas.py and the explorer's Canvas page): expanded node
by node, hidden and pinned, kept across pages, saved and reopened, shared as a file of ids."""

from __future__ import annotations

import json
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from explorer import canvas, data
from explorer.canvas import Canvas, CanvasError, MAX_BYTES
from graph.markdown import escape as md
from ingest.load import ingest
from tests.conftest import ROOT, SAMPLE

CLIENT = "person:azamat-batyrbaev"  # Baurzhan Azanov's client, tortured in January 2022
TEENAGER = "person:taldykorgan-teenager"  # protected


@pytest.fixture
def sample(graph, neo4j_home):
    ingest(graph, SAMPLE)
    data.graph.cache_clear()
    yield graph
    data.graph.cache_clear()
    shutil.rmtree(canvas.folder(neo4j_home), ignore_errors=True)  # saved canvases go to the test home


APP = """
import streamlit as st
from explorer import pages
pages.PAGE_OBJECTS.update({p: st.Page(f, title=t, url_path=p) for p, (t, f) in pages.PAGES.items()})
page = st.session_state.get("test-page", "canvas")
pages.PAGES[page][1]()
"""


def canvas_app(**query) -> AppTest:
    at = AppTest.from_string(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def expand(at: AppTest, node_id: str) -> AppTest:
    """What a click on a node in the picture does: its id in the pick field."""
    at.text_input(key="canvas-pick").input(node_id).run()
    assert not at.exception, at.exception
    return at


def drawn(at: AppTest) -> list[str]:
    return list(at.session_state["canvas"].visible)


def test_three_expansions_add_neighbours_to_the_picture_not_a_new_picture(sample):
    at = canvas_app(id=CLIENT)
    assert drawn(at) == [CLIENT]
    expand(at, CLIENT)
    first = drawn(at)
    around = set(data.around(CLIENT)["ids"])
    assert set(first) == {CLIENT} | around
    allegation = "event:batyrbaev-torture"
    assert allegation in first
    expand(at, allegation)
    second = drawn(at)
    assert second[:len(first)] == first and set(second) > set(first)  # added to, in the order they came
    assert set(second) == set(first) | set(data.around(allegation)["ids"])
    body = next(i for i in second if i.startswith("unit:") and i not in first)
    expand(at, body)
    third = drawn(at)
    assert third[:len(second)] == second and len(third) > len(second)
    assert any(md("node(s) added around") in i.value for i in at.info)


def test_hidden_and_pinned_nodes_and_a_canvas_that_survives_another_page(sample):
    at = canvas_app(id=CLIENT)
    expand(at, CLIENT)
    c = at.session_state["canvas"]
    hide, pin = c.ids[1], c.ids[2]
    at.selectbox(key="canvas-node").set_value(hide).run()
    at.button(key="canvas-hide").click().run()
    assert hide not in drawn(at) and hide in at.session_state["canvas"].ids
    at.selectbox(key="canvas-node").set_value(pin).run()
    at.button(key="canvas-pin").click().run()
    place = at.session_state["canvas"].places[pin]
    at.button(key="canvas-tidy").click().run()
    assert at.session_state["canvas"].places[pin] == place  # a pinned node does not move
    at.session_state["test-page"] = "chain"  # another page, then back
    at.run()
    at.session_state["test-page"] = "canvas"
    at.run()
    assert not at.exception, at.exception
    c = at.session_state["canvas"]
    assert hide in c.hidden and pin in c.pinned and len(c.ids) > 3
    at.multiselect(key="canvas-unhide").set_value([hide]).run()
    assert hide in drawn(at)
    at.button(key="canvas-pinned-only").click().run()
    assert drawn(at) == [pin]


def test_a_canvas_saved_with_a_name_and_a_note_reopens(sample, tmp_path):
    at = canvas_app(id=CLIENT)
    expand(at, CLIENT)
    expand(at, "event:batyrbaev-torture")
    built = at.session_state["canvas"]
    ids, hidden = list(built.ids), {built.ids[3]}
    built.hide(hidden)
    at.text_input(key="canvas-name").input("Batyrbaev: who tortured him").run()
    at.text_area(key="canvas-note").input("Check the DP's command in January 2022").run()
    at.button(key="canvas-save").click().run()
    assert any("Saved as" in s.value for s in at.success)
    at.button(key="canvas-empty").click().run()
    assert drawn(at) == []
    at.selectbox(key="canvas-saved").set_value("Batyrbaev: who tortured him").run()
    at.button(key="canvas-reopen").click().run()
    c = at.session_state["canvas"]
    assert (c.ids, c.hidden, c.name, c.note) == (ids, hidden, "Batyrbaev: who tortured him",
                                                 "Check the DP's command in January 2022")
    assert at.text_input(key="canvas-name").value == "Batyrbaev: who tortured him"


def test_the_shared_file_holds_ids_only(sample):
    at = canvas_app(id=CLIENT)
    expand(at, CLIENT)
    expand(at, "event:batyrbaev-torture")
    c = at.session_state["canvas"]
    shared = json.loads(c.to_json())
    assert set(shared) == {"format", "version", "name", "note", "ids", "hidden", "pinned"}
    assert shared["ids"] == c.ids
    sub = data.subgraph(c.ids, False)
    text = c.to_json().decode()
    for n in sub["nodes"]:  # no name, title, date or source of the data
        assert n["name"] not in text
    for e in sub["edges"]:
        for s in e.get("sources") or []:
            assert s not in text


def test_a_shared_file_in_public_mode_names_protected_persons_by_public_ids_only(sample):
    c = Canvas(ids=[TEENAGER, "event:taldykorgan-teeth"])
    r = data.redactor(True)
    text = c.to_json(r).decode()
    assert TEENAGER not in text and r.text(TEENAGER) in text
    back = Canvas.from_json(text.encode(), r.real_id)
    assert back.ids == c.ids  # a colleague with the same graph opens it on the same nodes


def test_a_colleagues_file_with_ids_this_graph_lacks_opens_without_them(sample):
    file = Canvas(name="from a colleague", ids=[CLIENT, "person:not-here"]).to_json()
    script = AppTest.from_string(  # what the uploader's callback does with the file
        "import streamlit as st\nfrom explorer.pages import _open_canvas, canvas_page\n"
        f"_open_canvas({file!r}, 'shared.json')\ncanvas_page()", default_timeout=60)
    script.run()
    assert not script.exception, script.exception
    assert script.session_state["canvas"].ids == [CLIENT]
    assert any(md("1 id(s) this graph does not hold were left out") in i.value for i in script.info)


@pytest.mark.parametrize("raw, says", [
    (b"\xff\xfe", "not JSON"),
    (b"[1, 2]", "not a chainwatch canvas"),
    (json.dumps({"format": "chainwatch-canvas", "version": 9, "ids": []}).encode(), "version 9"),
    (json.dumps({"format": "chainwatch-canvas", "version": 1, "ids": [{"id": 1}]}).encode(), "'ids' should be"),
    (json.dumps({"format": "chainwatch-canvas", "version": 1, "ids": [], "pinned": {"a": "x"}}).encode(),
     "'pinned' should"),
    (b" " * (MAX_BYTES + 1), "at most"),
])
def test_a_bad_canvas_file_is_refused_with_what_to_do(raw, says):
    with pytest.raises(CanvasError, match=says):
        Canvas.from_json(raw, source="shared.json")


def test_placed_nodes_stay_put_when_others_are_added():
    c = Canvas()
    c.add(["a", "b", "c"])
    first = c.layout([("a", "b"), ("b", "c")])
    c.add(["d", "e"], beside="b")
    second = c.layout([("a", "b"), ("b", "c"), ("b", "d"), ("b", "e")])
    assert all(second[i] == first[i] for i in first)
    assert second["d"] != second["e"]
    c.toggle_pin("a")
    c.tidy()
    third = c.layout([("a", "b"), ("b", "c"), ("b", "d"), ("b", "e")])
    assert third["a"] == first["a"]


def test_moving_the_date_on_the_canvas_draws_only_what_was_valid_then(graph):
    """The labelled ledger has postings with dates: a unit expanded on the canvas, then the
    date moved through its changes; each step draws the relationships valid on that day."""
    ingest(graph, ROOT / "tests" / "fixtures" / "resolution" / "ledger")
    data.graph.cache_clear()
    at = canvas_app(id="unit:dp-almaty")
    expand(at, "unit:dp-almaty")
    ids = drawn(at)
    days = data.days_of(ids)
    assert len(days) >= 3
    counts = set()
    for day in days[:4]:
        at.button(key="canvas-next-change").click().run()
        assert at.select_slider(key="canvas-as-of").value == day
        edges = len(data.subgraph(ids, False, as_of=day)["edges"])
        assert f"As of {day}: {len(ids)} nodes, {edges} relationships" in " ".join(c.value for c in at.caption)
        counts.add(edges)
    assert len(counts) > 1
    data.graph.cache_clear()


def test_public_mode_takes_no_real_id_of_a_protected_person(sample):
    """Typing a guessed real id must not tell a visitor which pseudonym it hides behind: not on
    the canvas, not in a canvas file, not in a URL."""
    public = "import streamlit as st\nst.session_state['public'] = True\nfrom explorer.pages import {0}\n{0}()"
    board = AppTest.from_string(public.format("canvas_page"), default_timeout=60)
    board.query_params["id"] = CLIENT
    board.run()
    board.text_input(key="canvas-pick").input(TEENAGER).run()
    assert board.session_state["canvas"].ids == [CLIENT]
    assert any(md(f"No node with id {TEENAGER}") in i.value for i in board.info)
    pseudonym = data.redactor(True).text(TEENAGER)
    board.text_input(key="canvas-pick").input(pseudonym).run()  # her public id is taken
    assert TEENAGER in board.session_state["canvas"].ids
    page = AppTest.from_string(public.format("entity_page"), default_timeout=60)
    page.query_params["id"] = TEENAGER
    page.run()
    assert not page.exception and not [h for h in page.header if "Minor" in h.value]
    shared = AppTest.from_string(  # a file naming her by her real id opens without her
        "import streamlit as st\nst.session_state['public'] = True\n"
        "from explorer.pages import _open_canvas, canvas_page\n"
        f"_open_canvas({Canvas(ids=[TEENAGER, CLIENT]).to_json()!r}, 'shared.json')\ncanvas_page()", default_timeout=60)
    shared.run()
    assert shared.session_state["canvas"].ids == [CLIENT]
