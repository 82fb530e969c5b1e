"""The explorer's logic: its data functions against the real test server, and
the app itself through Streamlit's own testing harness (AppTest)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from explorer import APP, data
from explorer.network import draw, strip_remote
from graph.db import GraphError
from graph.markdown import escape as md
from graph.values import HIDDEN
from ingest.load import ingest
from tests.conftest import ROOT, SAMPLE


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
    public_id = md(data.redactor(True).text("person:taldykorgan-teenager"))
    # No result for her at all: neither under her pseudonym nor as an event that names her.
    assert not [b for b in at.button if b.help == public_id or "Minor T" in b.label], \
        [(b.label, b.help) for b in at.button]
    at.text_input(key="search").input("Minor T").run()
    assert md("Minor T.") in [b.label for b in at.button]
    at.sidebar.toggle(key="public").set_value(False).run()
    at.text_input(key="search").input("Seventeen-year-old").run()
    assert any(md("Seventeen-year-old") in b.label for b in at.button)


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
                 {"id": "b", "name": "B" + OVERRIDE, "label": "Unit"}],
                [{"source": "a", "target": "b", "type": "MEMBER_OF", "confidence": "low", "sources": ["s" + OVERRIDE]}])
    assert "\u202e" not in html and "\x1b" not in html  # (the inlined library holds other controls)
    assert "B\\\\u202eeman \\\\x1b[2J" in html  # shown, in the page's JSON
    assert re.findall(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", html) == []
    assert "vis-network" in html or "vis.Network" in html  # the library is inlined
    assert strip_remote('<script src="https://x.org/a.js"></script><link href="//x.org/b.css" rel="stylesheet">') == ""


def page(name: str, **query: str) -> AppTest:
    """One page of the explorer run alone, as the app would run it."""
    at = AppTest.from_string(f"from explorer import data, pages\nwith data.page_run():\n    pages.{name}()",
                             default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def test_entity_page(sample):
    at = page("entity_page", id="person:baurzhan-azanov")
    assert at.header[0].value == "Baurzhan Azanov"
    assert "Relations, memberships and commands over time" in [s.value for s in at.subheader]
    relations = at.dataframe[1].value
    assert "REPRESENTS" in set(relations["relation"]) and "src:insider-2022" in set(relations["sources"])


def test_a_page_asks_the_server_again_only_when_the_graph_changed(sample):
    """A rerun (any click) is served from the cache; a write by anyone, here as Neo4j Browser
    would send it, is seen on the next run."""
    at = page("entity_page", id="person:baurzhan-azanov")
    sent = data.graph().sent
    at.run()
    assert data.graph().sent == sent and at.header[0].value == "Baurzhan Azanov"
    sample.driver.execute_query("MATCH (p:Person {id: $id}) SET p.name = $name", id="person:baurzhan-azanov",
                                name="Baurzhan Azanov (renamed)", database_=sample.database)
    at.run()
    assert data.graph().sent > sent and at.header[0].value == md("Baurzhan Azanov (renamed)")


def test_entity_page_shows_where_datasets_disagree(graph, tmp_path):
    from tests.datasets import small
    from tests.test_claims import press
    ingest(graph, small(tmp_path / "a", name="case-file"))
    ingest(graph, press(tmp_path / "b"))
    data.graph.cache_clear()
    at = page("entity_page", id="person:officer")
    assert "Where datasets disagree" in [s.value for s in at.subheader]
    said = at.dataframe[2].value  # the profile, the relations, then the disagreements
    quotes = said[said["field"] == "quote"]
    assert list(zip(quotes["dataset"], quotes["says"], quotes["citing"])) == [
        ("case-file", "an officer of the department", "src:a"),
        ("press-roundup", "the officer served in the department", "src:press")]
    assert set(said[said["field"] == "confidence"]["says"]) == {"medium", "high"}
    # In public mode the protected victim's page shows no dataset's name for her.
    victim = data.entity("person:victim", True)
    assert "Viktoria" not in repr(victim) and "Latin" not in repr(victim)
    assert data.entity("person:victim", False)["disagreements"][0]["says"] == "Victim"
    data.graph.cache_clear()


def test_network_page_counts_what_it_draws(sample):
    expected = data.neighbourhood("person:baurzhan-azanov", False, hops=1)
    at = page("network_page", id="person:baurzhan-azanov")
    assert f"{len(expected['nodes'])} nodes, {len(expected['edges'])} relationships" in captions(at)
    wider = data.neighbourhood("person:baurzhan-azanov", False, hops=3)
    at.slider[0].set_value(3).run()
    assert f"{len(wider['nodes'])} nodes, {len(wider['edges'])} relationships" in captions(at)
    assert len(wider["nodes"]) > len(expected["nodes"]) and "more not shown" not in captions(at)


def test_chain_page(sample):
    at = page("chain_page", id="person:batyrbaev-officer")
    rows = at.dataframe[0].value
    assert {"MEMBER_OF", "PART_OF"} <= set(rows["relation"])
    assert "Office of the President of Kazakhstan" in set(rows["to"])


def test_conflicts_page_filters_and_opens_a_finding(sample):
    at = page("conflicts_page")
    total = len(data.conflicts(False))
    assert f"{total} of {total} finding(s)" in captions(at)
    assert at.subheader[0].value.startswith("HIGH: ") and "Citations" in [s.value for s in at.subheader]
    at.multiselect[1].select("critical").run()
    assert f"0 of {total} finding(s)" in captions(at)


def test_conflicts_page_shows_strength_and_can_leave_inferred_findings_out(sample):
    found = data.conflicts(False)
    inferred = [f for f in found if f["inferred"]]
    assert inferred and len(inferred) < len(found)  # the sample has both kinds
    at = page("conflicts_page")
    assert any(c.value.startswith("Strength: weakest confidence") for c in at.caption)
    grid = at.dataframe[0].value
    assert {"weakest_confidence", "inferred"} <= set(grid.columns)
    at.checkbox(key="documented-only").check().run()
    documented = len(found) - len(inferred)
    assert f"{documented} of {documented} finding(s)" in captions(at)


def test_console_page_refuses_writes(sample):
    at = page("console_page")
    at.text_area(key="cypher-(write your own)").input("CREATE (n:Scratch) RETURN n").run()
    at.button(key="run").click().run()
    assert md("read-only") in at.error[0].value
    assert data.console("MATCH (n:Scratch) RETURN count(n) AS n", {}, False)[1] == [{"n": 0}]


def test_paths_page(sample):
    at = page("paths_page")
    at.text_input(key="path-a-text").input("Baurzhan Azanov").run()
    at.text_input(key="path-b-text").input("Almaty Region Police Department").run()
    assert "shortest path(s)" in captions(at)
    assert len(at.dataframe[0].value) >= 1


def test_reports_page_offers_every_format(sample):
    at = page("reports_page")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download HTML", "Download PDF", "Download MD", "Download JSON"]


def test_public_ids_open_the_protected_persons_page_under_the_pseudonym(sample):
    at = AppTest.from_string("import streamlit as st\nst.session_state['public'] = True\n"
                             "from explorer.pages import entity_page\nentity_page()", default_timeout=60)
    at.query_params["id"] = "protected:minor-t"
    at.run()
    assert not at.exception, at.exception
    assert at.header[0].value == md("Minor T.")
    shown = " ".join(str(df.value.to_dict()) for df in at.dataframe) + at.header[0].value
    assert "Seventeen" not in shown and "taldykorgan-teenager" not in shown


def test_recentring_on_a_pseudonymous_id_in_public_mode_settles(sample):
    at = AppTest.from_string("import streamlit as st\nst.session_state['public'] = True\n"
                             "from explorer.pages import network_page\nnetwork_page()", default_timeout=60)
    at.query_params["id"] = "event:taldykorgan-teeth"
    at.run()
    at.text_input(key="picked").input("protected:minor-t").run()
    assert not at.exception, at.exception
    at.run()  # a second pass must not move again
    assert at.query_params["id"] in ("protected:minor-t", ["protected:minor-t"])
    assert "Seventeen" not in " ".join(c.value for c in at.caption)


def test_console_runs_a_saved_query_from_its_form(sample):
    at = page("console_page")
    at.selectbox[0].select("commander_at").run()
    at.text_input(key="param-commander_at-id").input("agency:antikor").run()
    at.text_input(key="param-commander_at-as_of").input("2022-03-01").run()
    at.button(key="run").click().run()
    assert not at.error and list(at.dataframe[0].value["name"]) == ["Olzhas Bektenov"]


def test_a_console_parameter_keeps_a_line_separator_inside_its_value(sample):
    """Parameters are one per line, and a line ends at a newline only: a name pasted from a web
    page may hold U+2028, which `str.splitlines` took for the end of a line."""
    at = page("console_page")
    at.text_area(key="cypher-(write your own)").input("RETURN $name AS name, $n AS n").run()
    at.text_area(key="params").input("name=Aidar\u2028Nurlanov\r\nn=2").run()
    at.button(key="run").click().run()
    assert not at.error and at.dataframe[0].value.to_dict("records") == [{"name": "Aidar\u2028Nurlanov", "n": "2"}]


# -- Markdown and HTML from the data are shown as text --------------------------

PIXEL = "![x](http://example.com/p.png)"
TAG = "<img src=http://example.com/p.png>"
UNESCAPED = re.compile(r"(?<!\\)(!\[|<img|\]\(|:red\[|\$\$)")
OVERRIDE = "\u202eeman \x1b[2J"  # reverses what follows; clears a terminal


def markup_case(graph, tmp_path, payload: str):
    """A small case with the payload in every kind of field a page shows."""
    from tests.datasets import write_dataset
    from tests.test_conflicts import base, rel
    d = base()
    d["sources"] = [{"id": "src:case", "title": f"Report {payload}"}]
    d["people"][1] = {"id": "person:officer", "name": f"Officer {payload}", "aliases": f"alias {payload}"}
    d["units"][1] = {"id": "unit:district", "name": f"District {payload}"}
    d["events"][0]["title"] = f"Beating {payload}"
    d["relations"].append(dict(rel("unit:district", "PARTICIPATED_IN", "event:inquiry", "investigating_body"),
                               quote=f"quote {payload}", note=f"note {payload}"))
    ingest(graph, write_dataset(tmp_path / "markup", "markup", **d))
    data.graph.cache_clear()


def rendered_markdown(at: AppTest) -> list[str]:
    """Every string the page handed to an element that renders Markdown."""
    texts = [e.value for kind in ("markdown", "header", "subheader", "caption", "error", "warning", "info")
             for e in getattr(at, kind)]
    texts += [b.label for b in at.button] + [b.help or "" for b in at.button]
    return texts


@pytest.mark.parametrize("payload", [PIXEL, TAG, ":red[loud] $$x^2$$", OVERRIDE])
def test_markup_in_every_field_is_escaped_on_every_page(graph, tmp_path, payload):
    markup_case(graph, tmp_path, payload)
    runs = [page("entity_page", id="person:officer"), page("entity_page", id="event:torture"),
            page("entity_page", id="unit:district"), page("conflicts_page"),
            page("chain_page", id="person:officer"), page("case_page", id="event:torture")]
    search = page("search_page")
    search.text_input(key="search").input("Officer").run()
    board = page("canvas_page", id="person:officer")
    board.text_input(key="canvas-pick").input("person:officer").run()  # its neighbours added
    board.text_input(key="canvas-name").input(f"Canvas {payload}").run()
    console = page("console_page")  # a query names its own columns
    console.text_area(key="cypher-(write your own)").input(
        "MATCH (p:Person {id: 'person:officer'}) RETURN p.name AS name, p.name AS `Column " + payload + "`").run()
    console.button(key="run").click().run()
    runs += [search, board, console]
    texts = [t for at in runs for t in rendered_markdown(at)]
    assert any("Officer" in t for t in texts) and any("quote" in t for t in texts)
    bad = [t for t in texts if UNESCAPED.search(t)]
    assert bad == [], bad
    options = [o for at in runs for box in [*at.selectbox, *at.multiselect] for o in box.options]
    assert {"Officer", "District", "Beating"} <= {w for o in options for w in o.split()}  # names from the data
    columns = [str(c) for at in runs for grid in at.dataframe for c in grid.value.columns]
    assert any(c.startswith("Column") for c in columns)
    shown = texts + options + columns + [e.value for at in runs for e in at.text] + [
        str(v) for at in runs for grid in at.dataframe for v in grid.value.to_numpy().ravel()]
    assert [t for t in shown if HIDDEN.search(t)] == []
    data.graph.cache_clear()


@pytest.fixture
def dated(graph, tmp_path):
    """The labelled ledger (postings with dates) and two careers: one moving between units, one
    rising from member to commander of a unit."""
    from tests.datasets import write_dataset
    ingest(graph, ROOT / "tests" / "fixtures" / "resolution" / "ledger")

    def posting(who, relation, unit, start, end=""):
        return {"subject": who, "relation": relation, "object": unit, "start": start, "end": end,
                "sources": "src:careers"}
    ingest(graph, write_dataset(tmp_path / "careers", "careers", sources=[{"id": "src:careers", "title": "Careers"}],
                                people=[{"id": "person:career", "name": "Career Officer", "sources": "src:careers"},
                                        {"id": "person:chief", "name": "Chief Officer", "sources": "src:careers"}],
                                relations=[posting("person:career", "MEMBER_OF", "unit:dp-taldykorgan", "2000", "2010"),
                                           posting("person:career", "MEMBER_OF", "unit:dp-almaty-ud", "2011"),
                                           posting("person:chief", "MEMBER_OF", "unit:dp-almaty", "2000", "2010"),
                                           posting("person:chief", "COMMANDS", "unit:dp-almaty", "2011")]))
    data.graph.cache_clear()
    yield graph
    data.graph.cache_clear()


def test_network_as_of_a_day_draws_only_what_was_valid_then(dated):
    centre = "unit:dp-almaty"
    days = data.change_days(centre, hops=1)
    assert days == sorted(days) and len(days) >= 4
    at = page("network_page", id=centre)
    drawn = {"any time": len(data.neighbourhood(centre, False, hops=1)["edges"])}
    assert f"{drawn['any time']} relationships" in captions(at)
    at.button(key="next-change").click().run()
    assert at.select_slider(key="as-of").value == days[0]
    for day in days:
        expected = data.neighbourhood(centre, False, hops=1, as_of=day)
        edges = expected["edges"]
        assert all((e["start"] or "") <= day and (e["end"] is None or e["end"] >= day[:len(e["end"])])
                   for e in edges), (day, edges)  # nothing drawn that began later or had ended
        assert f"As of {day}: {len(expected['nodes'])} nodes, {len(edges)} relationships" in captions(at)
        drawn[day] = len(edges)
        at.button(key="next-change").click().run()
    assert len(set(drawn.values())) > 1, drawn  # moving the date changes what is drawn


def test_chain_page_shows_the_chain_per_period(dated):
    at = page("chain_page", id="person:career")
    assert "Per period" in [s.value for s in at.subheader]
    labels = [m.value for m in at.markdown if m.value.startswith("**")]
    # The ledger's units are PART_OF their parents from 2015 only: before, the chain stops at the unit.
    assert labels == [f"**{md(x)}**" for x in ("2000-01-01 – 2010-12-31", "2011-01-01 – 2014-12-31",
                                                 "2015-01-01 – …")]
    first, second, third = (sorted(t.value["to"]) for t in at.dataframe[1:4])
    assert first == ["Департамент полиции г. Талдыкорган"]
    assert second == ["Управление уголовного розыска ДП Алматы"]
    assert third == sorted(["Управление уголовного розыска ДП Алматы", "Департамент полиции г. Алматы",
                            "Министерство внутренних дел"])


def test_play_steps_through_every_change_and_stops_at_the_last(dated):
    days = data.change_days("unit:dp-almaty", hops=1)
    at = page("network_page", id="unit:dp-almaty")
    at.toggle(key="playing").set_value(True).run(timeout=5 + 3 * len(days))
    assert not at.exception, at.exception
    assert at.select_slider(key="as-of").value == days[-1]
    assert at.toggle(key="playing").value is False
    assert f"As of {days[-1]}:" in captions(at)


def test_chain_chart_draws_a_bar_per_link_over_the_years_it_held(dated):
    """The WhoWasInCommand-style chart: a bar per link, placed by its dates, every name escaped
    (the SVG parses), and the same SVG offered for download."""
    import xml.etree.ElementTree as ET

    from explorer import timeline
    c = data.chain("person:chief", None, False)
    chart = ET.fromstring(timeline.svg(c, c.up, "Chief <&> \"Officer\""))
    ns = {"s": "http://www.w3.org/2000/svg"}
    bars = chart.findall("s:g", ns)
    assert len(bars) == len(c.up) and len(bars) >= 2
    spans = {g.find("s:title", ns).text: float(g.find("s:rect", ns).get("x")) for g in bars}
    member = next(x for t, x in spans.items() if t.startswith("Chief Officer in ") and "2000" in t)
    command = next(x for t, x in spans.items() if t.startswith("Chief Officer commands "))
    assert command > member  # the command began (2011) after the posting (2000)
    assert chart.find("s:title", ns).text == "Chief <&> \"Officer\""
    at = page("chain_page", id="person:chief")
    assert "Over time" in [s.value for s in at.subheader]



def test_case_page_tells_the_allegation_in_order_with_its_citations(sample):
    allegation = "event:batyrbaev-torture"
    c = data.story(allegation, False)
    at = page("case_page", id=allegation)
    assert at.selectbox(key="case-allegation").value == allegation
    told = [m.value for m in at.markdown]
    steps = [m for m in told if m.startswith("**") and ". " in m[:6]]
    assert [s.split(": ", 1)[1].split("**")[0] for s in steps] == [md(e["title"]) for e in c.timeline]
    assert len(steps) >= 4  # the torture, the petitions, the custody, the investigation...
    cited = [m for m in told if m[:1].isdigit() and "**" in m]
    assert len(cited) == len(c.citations) >= 1
    assert all(f"\\[{md(s['id'])}\\]" in m for m, s in zip(cited, c.citations))
    heads = [s.value for s in at.subheader]
    assert any(h.startswith("Above ") for h in heads) and "Conflict findings" in heads
    assert c.findings and all(md(f["strength"]) in " ".join(told) for f in c.findings)


def test_case_page_in_public_names_no_protected_person(sample):
    protected = data.graph().read("report/protected_people")
    assert protected
    named = [a for a in data.allegations(False)
             if any(p["name"] in repr(data.story(a["id"], False)) for p in protected)]
    assert named  # stories that do name a protected person when private
    for a in named:
        told = repr(data.story(a["id"], True))
        for p in protected:
            assert p["name"] not in told and p["id"] not in told, (a["id"], p["name"])


def test_the_case_pages_list_of_allegations_names_no_protected_person_in_public(graph, tmp_path):
    from tests.datasets import small
    ingest(graph, small(tmp_path / "ds", events=[{"id": "event:beating", "type": "ill_treatment",
                                                  "title": "Beating of Victim", "date": "2022-01-05",
                                                  "status": "alleged", "sources": "src:a"}]))
    data.graph.cache_clear()
    assert "Beating of Victim" in repr(data.allegations(False))
    assert "Victim" not in repr(data.allegations(True)) and "Beating of V." in repr(data.allegations(True))
    at = AppTest.from_string("import streamlit as st\nst.session_state['public'] = True\n"
                             "from explorer.pages import case_page\ncase_page()", default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert "Beating of V." in repr(at.selectbox[0].options) and "Victim" not in repr(at.selectbox[0].options)
    data.graph.cache_clear()


@pytest.fixture
def hub(graph, tmp_path):
    """A unit with 300 members, their postings beginning in 20 different years."""
    from bench.synthetic import chain_dataset
    ingest(graph, chain_dataset(tmp_path / "hub", 300, units=1, name="hub"))
    data.graph.cache_clear()
    yield graph
    data.graph.cache_clear()


def test_a_hubs_crowd_is_one_node_until_a_year_of_it_is_expanded(hub):
    sub = data.neighbourhood("unit:u0", False, hops=2)
    assert [g["size"] for g in sub["groups"]] == [300]
    assert sum(y["n"] for y in sub["groups"][0]["years"]) == 300 and len(sub["groups"][0]["years"]) == 20
    assert [n["label"] for n in sub["nodes"]] == ["Unit", "Crowd"] and len(sub["edges"]) == 1
    expand = {"type": "MEMBER_OF", "role": "", "outgoing": False, "year": 2005}
    opened = data.neighbourhood("unit:u0", False, hops=1, expand=expand)
    members = [n for n in opened["nodes"] if n["label"] == "Person"]
    assert len(members) == 15 and all(int(n["id"].split("p")[-1]) % 20 == 5 for n in members)
    at = page("network_page", id="unit:u0")
    assert md("300 × MEMBER_OF, towards it") in captions(at) and "2 nodes, 1 relationships" in captions(at)
    at.selectbox(key="crowd").select(5).run()  # the sixth slice: the postings of 2005
    assert "17 nodes, 16 relationships" in captions(at)


def test_a_hubs_crowd_expands_by_the_unit_its_members_serve_in(graph, tmp_path):
    """A ministry with 100 direct members, 70 of whom also serve in one department and 30 in
    another: the crowd offers both departments, and choosing one draws its 70 and the department."""
    from tests.datasets import write_dataset
    people = [{"id": f"person:m{i}", "name": f"Member {i}", "sources": "src:m"} for i in range(100)]
    relations = [{"subject": f"person:m{i}", "relation": "MEMBER_OF", "object": "unit:ministry", "sources": "src:m"}
                 for i in range(100)]
    relations += [{"subject": f"person:m{i}", "relation": "MEMBER_OF", "object": "unit:a" if i < 70 else "unit:b",
                   "sources": "src:m"} for i in range(100)]
    units = [{"id": u, "name": n, "sources": "src:m"} for u, n in
             (("unit:ministry", "Ministry"), ("unit:a", "Department A"), ("unit:b", "Department B"))]
    ingest(graph, write_dataset(tmp_path / "ministry", "ministry", sources=[{"id": "src:m", "title": "M"}],
                                people=people, units=units, relations=relations))
    data.graph.cache_clear()
    [crowd] = data.crowds("unit:ministry", units=True)
    assert [(u["name"], u["n"]) for u in crowd["units"]] == [("Department A", 70), ("Department B", 30)]
    at = page("network_page", id="unit:ministry")
    assert md("100 × MEMBER_OF, towards it") in captions(at)
    options = at.selectbox(key="crowd").options
    by_a = next(i for i, o in enumerate(options) if "Department A" in o)
    at.selectbox(key="crowd").select_index(by_a).run()
    assert not at.exception, at.exception
    drawn = data.neighbourhood("unit:ministry", False, expand={"type": "MEMBER_OF", "role": "", "outgoing": False,
                                                               "unit": "unit:a"})
    members = {n["id"] for n in drawn["nodes"] if n["label"] == "Person"}
    assert members == {f"person:m{i}" for i in range(70)} and "unit:a" in {n["id"] for n in drawn["nodes"]}
    assert f"{len(drawn['nodes'])} nodes" in captions(at)
    data.graph.cache_clear()
