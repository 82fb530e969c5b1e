"""The explorer's pages, one function each, and the helpers they share.

explorer/app.py arranges them into the app; tests run each one alone with
Streamlit's AppTest. The entity in view is kept in the URL (`?id=...`) and in
the session, so every page opens on it.
"""

from __future__ import annotations

import datetime as dt
import os
import time

import streamlit as st

from explorer import canvas, data, timeline
from explorer.canvas import Canvas, CanvasError
from explorer.network import draw, legend_html
from graph import config, querylib
from graph.chains import periods
from graph.db import GraphError
from graph.decisions import DecisionError
from graph.report import citation_details
from graph.resolution import DEFAULT_THRESHOLD
from graph.markdown import escape as md  # every value from the data or a URL, in any element that renders Markdown
from graph.values import cell_text, parse_param, shown
from graph.vocabulary import load

VOCAB = load()
PAGE_OBJECTS: dict = {}  # url path -> st.Page, filled by explorer/app.py


LOCK_VARIABLE = "CHAINWATCH_PUBLIC"  # set by `chainwatch explore --public`


def locked() -> bool:
    """Public mode was fixed when the server started: no visitor can switch it off."""
    return os.environ.get(LOCK_VARIABLE) == "1"


def public() -> bool:
    return locked() or st.session_state.get("public", False)


def current_id() -> str | None:
    """The entity in view; in public mode URLs carry pseudonymous ids, resolved here."""
    node_id = st.query_params.get("id") or st.session_state.get("focus")
    return data.real_id(node_id, public()) if node_id else None


def open_node(node_id: str, page: str | None = None) -> None:
    """Make node_id the entity every page shows, and go to `page` (a url path) or stay."""
    st.session_state["focus"] = node_id
    if page is None or page not in PAGE_OBJECTS:
        st.query_params["id"] = node_id
        st.rerun()
    st.switch_page(PAGE_OBJECTS[page], query_params={"id": node_id})


def table(rows: list[dict], columns: list[str] | None = None) -> None:
    """Rows as a data grid: every value is shown as plain text, a control character or a
    bidirectional override as its escape (graph/values.shown), as everywhere else."""
    if not rows:
        st.caption("Nothing to show.")
        return
    columns = columns or list(rows[0])  # a console query names its own columns: shown too
    st.dataframe([{shown(c): shown(cell_text(r.get(c))) for c in columns} for r in rows], hide_index=True,
                 width="stretch")


def choose(widget, label: str, options, *, name=str, **kwargs):
    """A select box or multiselect (`widget`, e.g. `st.selectbox`) whose options are named from
    the data: `name` gives each option's text, shown plain as in tables (graph/values.shown),
    so a bidirectional override cannot reverse what a list of names reads as."""
    return widget(label, options, format_func=lambda option: shown(str(name(option))), **kwargs)


def node_picker(label: str, key: str, default: str | None = None) -> str | None:
    """Choose a node by searching its name; returns its id."""
    text = st.text_input(label, key=f"{key}-text", placeholder="type a name, e.g. Azanov")
    hits = data.search(text, public()) if text else []
    options = [h["id"] for h in hits]
    if default and default not in options:
        options.insert(0, default)
    if not options:
        return None
    names = {h["id"]: f"{h['name']} ({h['label']})" for h in hits}
    return choose(st.selectbox, "Choose", options, key=f"{key}-pick", name=lambda i: names.get(i, i))


PICK_FIELD = "Node id (click a node in the picture, or type an id)"


def publish(title: str, sub: dict, centre: str, key: str) -> None:
    """The picture on screen as files to publish or share: SVG and PNG (300 dpi) with a legend
    and the sources, GraphML and CSV of the same nodes and relationships; redacted in public mode.
    A download reruns nothing (`on_click="ignore"`): a rerun while the browser fetched the file
    could replace it, and the download was lost (seen in CI)."""
    with st.expander("Pictures to publish"):
        st.caption("The picture with a legend and a caption listing its sources"
                   + (", protected persons under their pseudonyms." if public() else "."))
        pic = data.picture(title, sub, centre, public())
        c1, c2, c3, c4 = st.columns(4)
        c1.download_button("SVG", data=pic.svg, file_name="chainwatch.svg", mime="image/svg+xml", key=f"{key}-svg",
                           on_click="ignore")
        c2.download_button("PNG (300 dpi)", data=pic.png, file_name="chainwatch.png", mime="image/png",
                           key=f"{key}-png", on_click="ignore")
        c3.download_button("GraphML", data=pic.graphml, file_name="chainwatch.graphml",
                           mime="application/graphml+xml", key=f"{key}-graphml", on_click="ignore")
        c4.download_button("CSV", data=pic.csv, file_name="chainwatch.csv", mime="text/csv", key=f"{key}-csv",
                           on_click="ignore")


def show_citation(c: dict, number: int | None = None) -> None:
    """A source as the reports cite it (title, publisher, date, address, id), then its own quotes."""
    details = ", ".join(citation_details(c))
    st.markdown((f"{number}. " if number else "") + f"**{md(c['title'])}**" + (f", {md(details)}" if details else "")
                + f" \\[{md(c['id'])}\\]")
    for q in c["quotes"]:
        st.markdown("> " + md(q))


def show_network(sub: dict, centre: str | None = None, height: int = 560, hierarchy: bool = False,
                 pickable: bool = False) -> None:
    # st.iframe, not the deprecated components.html: the same same-origin frame, which the
    # picture needs to hand a clicked node's id to the page (explorer/network.py).
    st.iframe(draw(sub["nodes"], sub["edges"], centre=centre, height=height, hierarchy=hierarchy,
              pick_field=PICK_FIELD if pickable else None), height=height + 20)
    st.iframe(legend_html(), height=48)
    st.caption("Hover a node or a line for its dates, confidence and sources.")


# -- pages ------------------------------------------------------------------

def search_page() -> None:
    st.header("Search")
    text = st.text_input("Names and aliases", key="search", placeholder="e.g. Azanov, Antikor, SIZO")
    if not text:
        st.caption("Search is tolerant of typos: 'Azanof' finds Azanov.")
        return
    hits = data.search(text, public())
    st.caption(f"{len(hits)} result(s)")
    for label in sorted({h["label"] for h in hits}):
        st.subheader(md(label))
        for h in (h for h in hits if h["label"] == label):
            if st.button(md(h["name"]), key=f"open-{h['id']}", help=md(h["id"])):
                open_node(h["id"], "entity")


def entity_page() -> None:
    node_id = current_id() or node_picker("Find an entity", "entity")
    if not node_id:
        st.info("Search for a person, body, facility or event.")
        return
    e = data.entity(node_id, public())
    if e is None:
        st.error(f"No entity with id {md(node_id)}.")
        return
    st.header(md(e["name"]))
    st.caption(f"{md(e['label'])} · {md(e['id'])}")
    if st.button("Put on the canvas", key="to-canvas", help="Start or grow an investigation canvas from here."):
        the_canvas().add([node_id])
        open_node(e["id"], "canvas")
    props = {k: v for k, v in e["properties"].items() if k not in ("datasets",) and v not in (None, [], "")}
    if props.get("aliases"):
        st.markdown("**Also known as:** " + md("; ".join(props["aliases"])))
    table([{"property": k, "value": v} for k, v in sorted(props.items())])
    st.subheader("Relations, memberships and commands over time")
    table(e["relations"], ["relation", "direction", "role", "other", "other_label", "start", "end",
                           "confidence", "sources", "quote"])
    others = [r["other_id"] for r in e["relations"]]
    if others:
        chosen = choose(st.selectbox, "Open a related entity", others, key="related",
                        name=lambda i: next(r["other"] for r in e["relations"] if r["other_id"] == i))
        if st.button("Open", key="open-related"):
            open_node(chosen)
    if e["disagreements"]:
        st.subheader("Where datasets disagree")
        st.caption("The page shows the first-loaded dataset's value (or the one with the higher "
                   "priority); here is what each dataset says, and what it cites.")
        table(e["disagreements"], ["about", "field", "dataset", "says", "citing"])
    st.subheader("Timeline")
    table(e["timeline"], ["date", "until", "what", "title", "status", "confidence", "sources"])
    st.subheader("Sources")
    for title in e["source_titles"]:
        st.markdown("- " + md(title))


ANY_TIME = "any time"


def _step_as_of(days: list[str], prefix: str = "") -> None:
    """Move the date control to the next day on which the structure changed (then back to the start);
    as_of_control has made sure the control holds one of its stops."""
    options, key = [ANY_TIME, *days], f"{prefix}as-of"
    st.session_state[key] = options[(options.index(st.session_state[key]) + 1) % len(options)]


def as_of_control(days: list[str], prefix: str = "") -> str | None:
    """A date control whose stops are the days on which the relations shown changed; "Next change"
    steps to the next, and "Play" steps through them all (keep_playing). Returns the day chosen,
    or None. `prefix` tells the controls of two pages apart."""
    if not days:
        st.caption("No relation drawn here has dates: the picture is the same on any day.")
        return None
    key, playing = f"{prefix}as-of", f"{prefix}playing"
    if st.session_state.get(key) not in [ANY_TIME, *days]:
        st.session_state[key] = ANY_TIME
    if st.session_state.get(playing):  # a step of the play, before the control is drawn
        _step_as_of(days, prefix)
        if st.session_state[key] == days[-1]:
            st.session_state[playing] = False
    c1, c2, c3 = st.columns([6, 1, 1])
    chosen = c1.select_slider("As of (the days on which these relations changed)", [ANY_TIME, *days], key=key,
                              help="Only the relations valid on the day chosen are drawn.")
    c2.button("Next change", key=f"{prefix}next-change", on_click=_step_as_of, args=(days, prefix))
    c3.toggle("Play", key=playing, help="Step through every change, a second and a half each.")
    return None if chosen == ANY_TIME else chosen


def keep_playing(prefix: str = "") -> None:
    """The next step of a Play, once the page is drawn."""
    if st.session_state.get(f"{prefix}playing"):
        time.sleep(1.5)
        st.rerun()


def network_page() -> None:
    st.header("Network")
    centre = current_id() or node_picker("Centre on", "network")
    if not centre:
        st.info("Choose an entity to centre the network on.")
        return
    c1, c2, c3 = st.columns(3)
    hops = c1.slider("Hops", 1, 3, 1)
    labels = c2.multiselect("Labels", list(VOCAB.labels))
    relations = c3.multiselect("Relations", list(VOCAB.relations))
    c4, c5, c6 = st.columns(3)
    roles = c4.multiselect("Roles", list(VOCAB.lists["roles"]))
    start = c5.date_input("From", value=None, min_value=dt.date(1900, 1, 1))
    end = c6.date_input("To", value=None, min_value=dt.date(1900, 1, 1))
    as_of = as_of_control(data.change_days(centre, hops=hops, relations=relations, roles=roles, labels=labels))
    window = {"date_from": start.isoformat() if start else None, "date_to": end.isoformat() if end else None}
    expand = crowd_control(data.crowds(centre, relations=relations, roles=roles, public=public(), units=True,
                                       **window))
    sub = data.neighbourhood(centre, public(), hops=hops, labels=labels, relations=relations, roles=roles,
                             as_of=as_of, expand=expand, **window)
    more = sub["total"] - sub["shown"]
    st.caption((f"As of {as_of}: " if as_of else "")
               + f"{len(sub['nodes'])} nodes, {len(sub['edges'])} relationships"
               + (f"; {more} more not shown (narrow the filters)" if more > 0 else ""))
    show_network(sub, centre, pickable=True)
    public_centre = data.redactor(public())(centre)  # its public id in public mode
    centre_name = next((n["name"] for n in sub["nodes"] if n["id"] == public_centre), public_centre)
    publish(f"Around {centre_name}" + (f", as of {as_of}" if as_of else ""), sub, public_centre, "network")
    keep_playing()
    real = data.redactor(public()).real_id  # ids in the picture may be pseudonymous
    picked = st.text_input(PICK_FIELD, key="picked").strip()
    if picked and real(picked) != centre:
        open_node(picked)
    names = {n["id"]: f"{n['name']} ({n['label']})" for n in sub["nodes"]}
    chosen = choose(st.selectbox, "Recentre on", list(names), name=names.get, key="recentre")
    if st.button("Recentre", key="do-recentre") and real(chosen) != centre:
        open_node(chosen)


def crowd_control(groups: list[dict]) -> dict | None:
    """A hub's crowd (a ministry's thousands of members) is one node in the picture; this
    chooses a part of it to draw node by node instead: those whose link began in one year, or
    those also linked to one unit by the same relation (the department they serve in)."""
    if not groups:
        return None
    st.caption("Drawn as one node each: " + md("; ".join(data.crowd_name(g) for g in groups))
               + ". Choose a year, or a unit its members are also linked to, to draw that part of a crowd.")
    slices = []
    for g in groups:
        crowd = {"type": g["type"], "role": g["role"], "outgoing": g["outgoing"]}
        slices += [({**crowd, "year": y["year"]}, f"{data.crowd_name(g)}: by year, {y['year'] or 'no start recorded'} "
                    f"({y['n']:,})") for y in g["years"]]
        slices += [({**crowd, "unit": u["id"]}, f"{data.crowd_name(g)}: by unit, {u['name']} ({u['n']:,})")
                   for u in g["units"]]
    chosen = choose(st.selectbox, "Expand a crowd by year or by unit", [None, *range(len(slices))], key="crowd",
                    name=lambda i: "none: each crowd as one node" if i is None else slices[i][1])
    return None if chosen is None else slices[chosen][0]


def paths_page() -> None:
    st.header("Paths between two actors")
    a = node_picker("From", "path-a")
    b = node_picker("To", "path-b")
    hops = st.slider("At most this many hops", 1, 10, 4)
    if not (a and b):
        return
    found = data.paths(a, b, hops, public())
    st.caption(f"{len(found)} shortest path(s)")
    table(found, ["hops", "through", "relations"])
    if found:
        ids = list(dict.fromkeys(i for p in found for i in p["node_ids"]))
        show_network(data.subgraph(ids, public()), a)


def chain_page() -> None:
    st.header("Chain of command")
    node_id = current_id() or node_picker("Person or body", "chain")
    as_of = st.date_input("As of", value=None, min_value=dt.date(1900, 1, 1))
    if not node_id:
        return
    c = data.chain(node_id, as_of.isoformat() if as_of else None, public())
    st.caption("As of " + as_of.isoformat() if as_of else "At any time: each edge with its dates")
    nodes = [{"id": i, "name": n, "label": c.labels.get(i)} for i, n in c.names.items()]
    edges = [{"source": l.source, "target": l.target, "type": l.relation, "role": l.post, "start": l.start,
              "end": l.end, "confidence": l.confidence, "sources": l.sources} for l in c.up]
    show_network({"nodes": nodes, "edges": edges}, c.root, hierarchy=True)
    table(_link_rows(c, c.up))
    if as_of:
        return
    st.subheader("Over time")
    st.caption("Each link of the chain as a bar over the years it held (dashed: no dates recorded); "
               "hover a bar for its dates.")
    chart = timeline.svg(c, c.up, f"Chain of command of {c.names.get(c.root, c.root)}")
    st.iframe(timeline.data_url(chart), height=timeline.height(c.up))
    st.download_button("Download the chart (SVG)", data=chart, file_name="chain-of-command.svg",
                       mime="image/svg+xml", key="chain-svg", on_click="ignore")
    st.subheader("Per period")
    st.caption("The chain as it stood between the days its links began or ended; a link without "
               "dates is shown in every period.")
    for period in periods(c.root, c.up):
        st.markdown(f"**{md(period.label)}**")
        table(_link_rows(c, period.links))


def _link_rows(c, links) -> list[dict]:
    """A chain's links as table rows, by name, with the dates each held."""
    return [{"from": c.names.get(l.source, l.source), "relation": l.relation, "post": l.post,
             "to": c.names.get(l.target, l.target), "dates": l.period, "confidence": l.confidence,
             "sources": l.sources} for l in links]


def case_page() -> None:
    """One allegation's story in order, beside its picture: what an advocate retells."""
    st.header("Case")
    found = {a["id"]: f"{a['date'] or 'undated'}: {a['title']}" for a in data.allegations(public())}
    if not found:
        st.caption("No allegation in the graph yet (events of the types "
                   + md(", ".join(VOCAB.conflict_terms["allegation_types"])) + ").")
        return
    chosen, options = current_id(), list(found)
    allegation = choose(st.selectbox, "Allegation", options, index=options.index(chosen) if chosen in found else 0,
                        name=found.get, key="case-allegation")
    c = data.story(allegation, public())
    story_column, picture_column = st.columns([3, 2])
    with story_column:
        st.subheader("What happened, in order")
        for n, event in enumerate(c.timeline, 1):
            when = event["date"] + (f" – {event['end_date']}" if event["end_date"] else "") if event["date"] else "undated"
            st.markdown(f"**{n}. {md(when)} · {md(event['type'])}: {md(event['title'])}**"
                        + (f" ({md(event['status'])})" if event["status"] else ""))
            lines = [f"at {md(p['name'])}" for p in event["places"]]
            lines += [f"{md(a['name'])}: {md((a['role'] or 'took part').replace('_', ' '))}" for a in event["actors"]]
            lines += [f"concerns {md(x['title'] or x['id'])}" for x in event["concerns"] if x["id"] != event["id"]]
            if event["description"]:
                lines.append(md(event["description"]))
            if lines:
                st.markdown("\n".join(f"- {line}" for line in lines))
    with picture_column:
        st.subheader("The picture")
        real = data.redactor(public()).real_id  # the story's ids are public ones in public mode
        sub = data.subgraph([real(i) for i in c.ids], public())
        show_network(sub, c.allegation["id"], height=520)
        publish(c.allegation["title"], sub, c.allegation["id"], "case")
    day = c.allegation["date"] or "any date"
    for accused, chain in c.chains.items():
        st.subheader(f"Above {md(chain.names.get(accused, accused))}, as of {md(day)}")
        table(_link_rows(chain, chain.up))
    st.subheader("Conflict findings")
    if not c.findings:
        st.caption("No conflict rule finds anything in this case.")
    for f in c.findings:
        st.markdown(f"**{md(f['severity'].upper())}: {md(f['rule'].replace('_', ' '))}** · {md(f['strength'])}")
        st.text(shown(f["explanation"]))
    st.subheader("Sources, in the order the story cites them")
    for n, s in enumerate(c.citations, 1):
        show_citation(s, n)


def conflicts_page() -> None:
    st.header("Conflicts of interest")
    documented = st.checkbox("Documented findings only", key="documented-only",
                             help="Leave out findings that rest on an inferred link.")
    found = data.conflicts(public(), documented)
    c1, c2 = st.columns(2)
    rules = c1.multiselect("Rules", sorted({f["rule"] for f in found}))
    severities = c2.multiselect("Severity", ["critical", "high", "medium"])
    kept = [f for f in found if (not rules or f["rule"] in rules) and (not severities or f["severity"] in severities)]
    st.caption(f"{len(kept)} of {len(found)} finding(s), most severe first")
    table(kept, ["severity", "weakest_confidence", "inferred", "rule", "allegation", "actor_name", "explanation"])
    if not kept:
        return
    n = choose(st.selectbox, "Open a finding", range(len(kept)), key="finding",
               name=lambda i: f"{i + 1}. [{kept[i]['severity']}] {kept[i]['rule']}: {kept[i]['allegation']}")
    f = kept[n]
    st.subheader(f"{f['severity'].upper()}: {f['rule'].replace('_', ' ')}")
    st.text(shown(f["explanation"]))
    st.caption("Strength: " + md(f["strength"]) + " · accused: " + md(", ".join(f["implicated_names"]) or "none recorded"))
    nodes = [{"id": i, **node} for i, node in f["evidence_nodes"].items()]
    show_network({"nodes": nodes, "edges": f["evidence_relationships"]}, f["allegation"], height=420)
    table(f["evidence_relationships"], ["source_name", "type", "role", "target_name", "start", "end",
                                        "confidence", "quote"])
    st.subheader("Citations")
    for c in f["citations"]:
        show_citation(c)
        for note in c["notes"]:
            st.caption("Inferred: " + md(note))


def console_page() -> None:
    st.header("Cypher console (read-only)")
    if locked():  # not in the navigation when locked; refused here too
        st.error("The console is not available in a public explorer.")
        return
    library = querylib.library()
    saved = st.selectbox("Saved query", ["(write your own)", *library])
    q = library.get(saved)
    text = st.text_area("Cypher", value=q.text if q else "MATCH (n:Actor) RETURN n.id, n.name LIMIT 25",
                        height=180, key=f"cypher-{saved}")
    params = {}
    if q:
        for name, desc in q.params:
            value = st.text_input(f"{name}", help=desc, key=f"param-{saved}-{name}")
            params[name] = parse_param(f"{name}={value}")[1]
    else:
        raw = st.text_area("Parameters, one key=value per line", height=68, key="params")
        for line in raw.split("\n"):  # not splitlines: a value may hold U+2028 (pasted from a web page)
            if line.strip():
                params.update([parse_param(line.strip())])
    if not st.button("Run", key="run"):
        return
    try:
        keys, rows, truncated = data.console(text, params, public())
    except GraphError as e:
        st.error(md(e))
        return
    if truncated:
        st.warning("Only the first rows are shown (the row cap).")
    table(rows, list(keys))
    ids = [v.get("id") for r in rows for v in r.values() if isinstance(v, dict) and v.get("labels")]
    if ids:
        show_network(data.subgraph([i for i in ids if i], public()))


def reports_page() -> None:
    st.header("Reports")
    st.write("The conflict-of-interest report, grouped by allegation, with evidence pictures and citations."
             + (" Public mode is on: protected persons appear under their pseudonyms." if public() else ""))
    documented = st.checkbox("Documented findings only", key="report-documented-only",
                             help="Leave out findings that rest on an inferred link.")
    for fmt, mime in (("html", "text/html"), ("pdf", "application/pdf"), ("md", "text/markdown"),
                      ("json", "application/json")):
        st.download_button(f"Download {fmt.upper()}", data=lambda fmt=fmt: data.report(fmt, public(), documented),
                           file_name=f"conflicts{'-public' if public() else ''}.{fmt}", mime=mime,
                           key=f"download-{fmt}")




def duplicates_page() -> None:
    st.header("Possible duplicates")
    if public():
        st.error("Possible duplicates pair real names, and deciding is a change to the graph: "
                 "neither is done in public mode.")
        return
    if done := st.session_state.pop("duplicates-done", None):
        st.success(md(done))
    names = data.datasets()
    c1, c2, c3 = st.columns(3)
    dataset = choose(c1.selectbox, "Records of", [None, *names], key="dup-dataset", name=lambda d: d or "any dataset")
    against = choose(c2.selectbox, "Against", [None, *names], key="dup-against", name=lambda d: d or "any dataset")
    threshold = c3.slider("Lowest score", 0.5, 1.0, DEFAULT_THRESHOLD, 0.05, key="dup-threshold",
                          help="The default was chosen so that no look-alike of a labelled set is proposed.")
    found = data.duplicates(dataset, against, threshold)
    st.caption(f"{len(found)} candidate pair(s), strongest first. Names are compared across scripts and "
               "spellings; birth dates, postings and events add or take away. Pairs decided are not shown.")
    if not found:
        return
    table([{"score": c["score"], "a": c["a"]["name"], "b": c["b"]["name"], "reasons": c["reasons"]} for c in found])
    n = choose(st.selectbox, "Compare", range(len(found)), key="dup-pick",
               name=lambda i: f"{found[i]['score']:.2f}: {found[i]['a']['name']} / {found[i]['b']['name']}")
    pair = found[n]
    st.subheader("Why they may be one actor")
    for reason in pair["reasons"]:
        st.markdown("- " + md(reason))
    for column, side in zip(st.columns(2), (pair["a"], pair["b"])):
        with column:
            st.markdown(f"**{md(side['name'])}**")
            st.caption(f"{md(side['label'])} · {md(side['id'])} · in {md(', '.join(side['datasets'] or []))}")
            table(data.claims_on(side["id"]), ["dataset", "came as", "name", "aliases", "birth date", "sources"])
            show_network(data.neighbourhood(side["id"], False, hops=1), side["id"], height=300)
    note = st.text_input("Why (kept with the decision)", key="dup-note")
    a, b = pair["a"]["id"], pair["b"]["id"]
    b1, b2, b3 = st.columns(3)
    choice = (("merge", a, b) if b1.button(f"Merge, keep {md(a)}", key="dup-merge-a") else
              ("merge", b, a) if b2.button(f"Merge, keep {md(b)}", key="dup-merge-b") else
              ("distinct", a, b) if b3.button("Different actors", key="dup-distinct") else None)
    if choice:
        try:
            st.session_state["duplicates-done"] = data.decide(*choice, note)
        except DecisionError as e:
            st.error(md(e))
            return
        st.rerun()


# -- the investigation canvas (explorer/canvas.py) ------------------------------

CANVAS_PICK = "Expand a node (click it in the picture, or type its id)"


def the_canvas() -> Canvas:
    """The canvas of this browser session: kept while the investigator moves between pages."""
    return st.session_state.setdefault("canvas", Canvas())


def _expand(node_id: str) -> None:
    """Add the neighbours of a node of the canvas (the next ones not yet on it), beside it."""
    c = the_canvas()
    c.add([node_id])
    found = data.around(node_id, cap=data.EXPAND_CAP + len(c.ids))
    new = c.add([i for i in found["ids"] if i not in c.ids][:data.EXPAND_CAP], beside=node_id)
    left = sum(1 for i in found["ids"] if i not in c.ids) + max(found["total"] - len(found["ids"]), 0)
    crowds = "; ".join(data.crowd_name(g) for g in found["groups"])
    st.session_state["canvas-said"] = (f"{len(new)} node(s) added around {data.redactor(public())(node_id)}"
                                       + (f"; {left} more: expand it again to add them" if left else "")
                                       + (f". Not added (a crowd: see the network page): {crowds}" if crowds else ""))


def _open_canvas(raw: bytes, source: str) -> None:
    """Replace the canvas by one read from a file; ids this graph lacks are left out, and said."""
    try:  # an id public mode does not speak becomes "", which no graph holds: left out like the rest
        c = Canvas.from_json(raw, lambda i: data.real_id(i, public()) or "", source)
    except CanvasError as e:
        st.session_state["canvas-said"] = "Not opened: " + str(e)
        return
    missing = c.keep_only(data.known(c.ids))
    _replace_canvas(c)
    st.session_state["canvas-said"] = (f"Opened {c.name or source}: {len(c.ids)} node(s)"
                                       + (f"; {len(missing)} id(s) this graph does not hold were left out"
                                          if missing else ""))


def _replace_canvas(c: Canvas) -> None:
    st.session_state.update({"canvas": c, "canvas-name": c.name, "canvas-note": c.note})


def _opened_file() -> None:
    upload = st.session_state.get("canvas-upload")
    if upload is not None:
        _open_canvas(upload.getvalue(), upload.name)


def _bound(widget: str, attribute: str) -> None:
    """Keep a canvas's name or note and its text field in step (the field is forgotten on another page)."""
    setattr(the_canvas(), attribute, st.session_state[widget])


def canvas_page() -> None:
    """An investigation built by hand: expand node by node, hide, pin, date, save, share."""
    st.header("Canvas")
    first_visit = "canvas" not in st.session_state
    c, public_id = the_canvas(), data.redactor(public())
    real = data.redactor(True).real_id  # ids in the picture may be public ones
    if picked := st.session_state.get("canvas-pick", "").strip():
        st.session_state["canvas-pick"] = ""
        node = data.real_id(picked, public())
        if node and data.known([node]):
            _expand(node)
        else:
            st.session_state["canvas-said"] = f"No node with id {picked} in the graph."
    if first_visit and (start := current_id()):  # the entity in view, as a start
        c.add([start])
    if said := st.session_state.pop("canvas-said", None):
        st.info(md(said))
    st.caption("Gather an investigation's actors by hand: start from a search result, then click a node in "
               "the picture to add its neighbours. The canvas stays while you visit other pages; save it "
               "with a name and a note, or share it as a file of ids.")
    with st.expander("Add from search", expanded=not c.ids):
        found = node_picker("Find a person, body, facility or event", "canvas-find")
        if found and st.button("Put on the canvas", key="canvas-add"):
            c.add([real(found)])
            st.rerun()
    if c.visible:
        _draw_canvas(c, public_id, real)
    else:
        st.caption("Nothing on the canvas" + (f" but {len(c.hidden)} hidden node(s)" if c.hidden else "")
                   + ": add one from search, or open a saved canvas below.")
    _canvas_files(c, public_id)


def _draw_canvas(c: Canvas, public_id, real) -> None:
    as_of = as_of_control(data.days_of(c.visible), prefix="canvas-")
    sub = data.subgraph(c.visible, public(), as_of=as_of)
    places = c.layout((real(e["source"]), real(e["target"])) for e in sub["edges"])
    st.caption((f"As of {as_of}: " if as_of else "") + f"{len(sub['nodes'])} nodes, {len(sub['edges'])} "
               f"relationships; {len(c.hidden)} hidden, {len(c.pinned)} pinned (dashed border)")
    st.iframe(draw(sub["nodes"], sub["edges"], height=560, pick_field=CANVAS_PICK,
                   positions={public_id(i): p for i, p in places.items()},
                   pinned=frozenset(public_id(i) for i in c.pinned)), height=580)
    st.iframe(legend_html(), height=48)
    st.text_input(CANVAS_PICK, key="canvas-pick")
    names = {real(n["id"]): f"{n['name']} ({n['label']})" for n in sub["nodes"]}
    chosen = choose(st.selectbox, "A node of the canvas", list(names), name=names.get, key="canvas-node")
    b = st.columns(5)
    b[0].button("Expand", key="canvas-expand", on_click=_expand, args=(chosen,))
    b[1].button("Hide", key="canvas-hide", on_click=c.hide, args=([chosen],))
    b[2].button("Unpin" if chosen in c.pinned else "Pin", key="canvas-pin", on_click=c.toggle_pin, args=(chosen,),
                help="A pinned node stays where it is when the canvas is tidied, and stays when the rest is cleared.")
    if b[3].button("Open its page", key="canvas-open"):
        open_node(public_id(chosen), "entity")
    if c.hidden:
        hidden = {real(n["id"]): n["name"] for n in data.subgraph(sorted(c.hidden), public())["nodes"]}
        back = choose(b[4].multiselect, "Hidden", list(hidden), name=hidden.get, key="canvas-unhide",
                      placeholder="show again")
        if back:
            c.show(back)
            st.rerun()
    t = st.columns(3)
    t[0].button("Tidy up (pinned nodes stay)", key="canvas-tidy", on_click=c.tidy)
    t[1].button("Keep only the pinned", key="canvas-pinned-only", on_click=c.keep_pinned_only)
    t[2].button("Empty the canvas", key="canvas-empty", on_click=_replace_canvas, args=(Canvas(),))
    publish((c.name or "Canvas") + (f", as of {as_of}" if as_of else ""), sub, public_id(c.visible[0]), "canvas")
    keep_playing("canvas-")


def _canvas_files(c: Canvas, public_id) -> None:
    st.subheader("Save and share")
    for widget, attribute in (("canvas-name", "name"), ("canvas-note", "note")):
        if widget not in st.session_state:
            st.session_state[widget] = getattr(c, attribute)
    st.text_input("Name", key="canvas-name", on_change=_bound, args=("canvas-name", "name"))
    st.text_area("Note", key="canvas-note", on_change=_bound, args=("canvas-note", "note"), height=80)
    home = config.resolve_home()
    c1, c2 = st.columns(2)
    if not locked():  # a public explorer's visitors do not write to the server's disk
        if c1.button("Save", key="canvas-save", disabled=not c.ids):
            if not c.name.strip():
                st.warning("Give the canvas a name first.")
            else:
                where = canvas.save(home, c)
                st.success(f"Saved as {md(c.name)} ({md(where)}).")
        kept = canvas.saved(home)
        if kept:
            chosen = choose(c2.selectbox, "Saved canvases", list(kept), key="canvas-saved")
            c2.button("Open the saved canvas", key="canvas-reopen", on_click=lambda path: _open_canvas(path.read_bytes(), path.name),
                      args=(kept[chosen],))
    st.download_button("Share this canvas (a file of ids)", data=c.to_json(public_id), key="canvas-share", on_click="ignore",
                       file_name=canvas.file_name(c.name), mime="application/json", disabled=not c.ids,
                       help="Ids only: opened in a colleague's chainwatch, it shows what their graph holds."
                            + (" In public mode, protected persons' ids are their pseudonymous ones." if public() else ""))
    st.file_uploader("Open a canvas file", type=["json"], key="canvas-upload", on_change=_opened_file)


# -- navigation ---------------------------------------------------------------

PAGES = {  # url path -> (title, page function), in the order of the sidebar
    "search": ("Search", search_page),
    "entity": ("Entity", entity_page),
    "network": ("Network", network_page),
    "canvas": ("Canvas", canvas_page),
    "paths": ("Paths", paths_page),
    "chain": ("Chain of command", chain_page),
    "conflicts": ("Conflicts", conflicts_page),
    "case": ("Case", case_page),
    "duplicates": ("Possible duplicates", duplicates_page),
    "console": ("Cypher console", console_page),
    "reports": ("Reports", reports_page),
}
PRIVATE_PAGES = {"console", "duplicates"}  # left out of a public explorer (`chainwatch explore --public`)


def navigation() -> dict:
    """The pages this explorer offers: a locked public one has no console."""
    return {path: page for path, page in PAGES.items() if not (locked() and path in PRIVATE_PAGES)}
