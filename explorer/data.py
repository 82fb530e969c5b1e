"""What the explorer's pages ask of the graph, through graph/ and cypher/.

Every function takes `public`: in public mode its answer passes through the
Redactor, so protected persons appear only under their pseudonyms, and search
matches pseudonyms instead of real names (a search for a real name must not
reveal which pseudonym it hides behind).
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

from explorer import cache
from explorer.cache import kept
from graph import case, claims, config, decisions, resolution
from graph.chains import Chain, chain as build_chain
from graph.db import Graph, GraphError, open_graph
from graph.redaction import Redactor, fold
from graph.search import search as find, words as words_of
from graph.report import build as build_report
from graph.publication import Picture
from graph.report_formats import render
from graph.values import plain

NETWORK_CAP = config.network_cap()  # nodes drawn around a centre at most
EXPAND_CAP = 40  # neighbours one click on the canvas adds at most
HUB_LIMIT = 60  # more relationships of one kind than this around the centre are drawn as one node
HUB_UNITS = 30  # units offered to expand a crowd by
# What a protected person's page leaves out in public mode (the pseudonym stands for the name).
PRIVATE_FIELDS = ("name", "aliases", "description", "birth_date")


@lru_cache(maxsize=1)
def graph() -> Graph:
    """One driver for the app's lifetime (the driver is thread-safe and pools connections)."""
    return open_graph()


@contextmanager
def page_run() -> Iterator[None]:
    """A page run: its reads are kept under the graph's version of its start (explorer/cache.py).
    Reads outside one (a widget's callback, a test) are not kept: they may come after a write
    this process did not see."""
    begin_run()
    try:
        yield
    finally:
        cache.begin(None)


def begin_run() -> None:
    cache.begin(graph().version())


def redactor(public: bool) -> Redactor:
    return _protecting() if public else Redactor.none()


@kept(copies=False)
def _protecting() -> Redactor:
    return Redactor.for_graph(graph())


def real_id(node_id: str, public: bool) -> str | None:
    """The node an id given to the explorer (a URL, a click, a field, a canvas file) stands for.
    Public mode speaks public ids only: there a protected person's real id is no id at all, or a
    visitor could try real ids and learn which pseudonym each one hides behind."""
    r = redactor(True)
    if public and node_id in r.pseudo_ids.values():
        return None
    return r.real_id(node_id)


@kept
def search(text: str, public: bool, limit: int = 40) -> list[dict]:
    """Typo-tolerant search in any script (graph/search.py). In public mode a result is shown
    only if it still matches once redacted: an event titled with a protected person's real name must not answer
    a search for that name, or it would tie the name to the pseudonym it shows."""
    if not words_of(text):
        return []
    rows = find(graph(), text, limit)
    if not public:
        return rows
    r = redactor(True)
    hidden = set(r.pseudo_ids.values())
    words = [fold(w) for w in words_of(text)]
    shown = []
    for row in rows:
        public_row = r(row)
        if row["id"] in hidden:
            continue
        if public_row != row and not _mentions_all(public_row, words):
            continue  # it matched on protected text
        shown.append(public_row)
    pseudonyms = [{"id": pid, "name": name, "label": "Person", "aliases": [], "score": 1.0}
                  for pid, name in r.public_names.items() if _mentions_all({"name": name}, words)]
    return shown + pseudonyms


def _mentions_all(row: dict, words: list[str]) -> bool:
    haystack = fold(" ".join([row.get("name") or "", *(row.get("aliases") or [])]))
    return all(w in haystack for w in words)


@kept
def entity(node_id: str, public: bool) -> dict | None:
    found = graph().read("explorer/entity", id=node_id)
    if not found:
        return None
    r = redactor(public)
    profile = plain(found[0])
    disagree = claims.disagreements([plain(x) for x in graph().read("library/who_said_what", id=node_id)])
    if public and profile["properties"].get("protected"):
        for private in PRIVATE_FIELDS:
            profile["properties"].pop(private, None)
        profile["name"] = profile["properties"].get("pseudonym") or r(profile["name"])
        disagree = [d for d in disagree if not (d["about"] == "this record" and d["field"] in PRIVATE_FIELDS)]
    return r({**profile,
              "relations": [plain(x) for x in graph().read("explorer/relations", id=node_id)],
              "timeline": [plain(x) for x in graph().read("library/actor_timeline", id=node_id)],
              "disagreements": disagree})


@kept
def crowds(node_id: str, *, relations=(), roles=(), date_from: str | None = None,
           date_to: str | None = None, public: bool = False, units: bool = False) -> list[dict]:
    """The centre's crowds: more than HUB_LIMIT relationships of one relation, role and
    direction (a ministry's members), each with its size and how many began in each year;
    with `units`, also the units its members are linked to by the same relation and how many
    each holds (explorer/hub_units: one more hop per member, so only when asked)."""
    rows = graph().read("explorer/hub_groups", id=node_id, relations=list(relations), roles=list(roles),
                        date_from=date_from, date_to=date_to, limit=HUB_LIMIT)
    found = [{**plain(r), "years": sorted(plain(r["years"]), key=lambda y: (y["year"] is None, y["year"] or 0))}
             for r in rows]
    if units:
        name = redactor(public).text
        for g in found:
            g["units"] = [{**plain(u), "name": name(u["name"] or u["id"])} for u in graph().read(
                "explorer/hub_units", id=node_id, type=g["type"], role=g["role"], outgoing=g["outgoing"],
                limit=HUB_UNITS)]
    return found


def crowd_name(group: dict) -> str:
    what = group["type"] + (f" ({group['role']})" if group["role"] else "")
    return f"{group['size']:,} × {what}" + ("" if group["outgoing"] else ", towards it")


@kept
def neighbourhood(node_id: str, public: bool, *, hops: int = 1, relations=(), roles=(), labels=(),
                  date_from: str | None = None, date_to: str | None = None, as_of: str | None = None,
                  cap: int = NETWORK_CAP, expand: dict | None = None) -> dict:
    """The nodes around one, and the relationships among them; `as_of` (a day) keeps only
    what was valid then, as the date window [as_of, as_of] would, relationships included.
    Each crowd of the centre (crowds()) is drawn as one node, not followed; `expand`
    ({type, role, outgoing, year, unit}) draws the part of a crowd that began in one year, or
    that is also linked to one unit (unit: its id, or None to choose by year)."""
    if as_of:
        date_from = date_to = as_of
    groups = crowds(node_id, relations=relations, roles=roles, date_from=date_from, date_to=date_to)
    found = _around(node_id, hops, relations, roles, labels, date_from, date_to, cap, groups)
    if found is None:
        return {"nodes": [], "edges": [], "total": 0, "shown": 0, "groups": []}
    ids = [node_id, *found["ids"]]
    if expand:
        ids += [r["id"] for r in graph().read("explorer/hub_slice", id=node_id, cap=cap,
                                              **{"year": None, "unit": None, **expand})]
        ids += [expand["unit"]] if expand.get("unit") else []  # the members' unit beside them
    sub = subgraph(list(dict.fromkeys(ids)), public, as_of=as_of)
    centre = redactor(public)(node_id)
    for g in groups:
        crowd = f"crowd:{g['type']}:{g['role']}:{'out' if g['outgoing'] else 'in'}"
        sub["nodes"].append({"id": crowd, "name": crowd_name(g), "label": "Crowd", "type": None, "date": None,
                             "status": None})
        sub["edges"].append({"id": crowd, "type": g["type"], "role": g["role"] or None, "start": None, "end": None,
                             "confidence": None, "sources": [], "source": centre if g["outgoing"] else crowd,
                             "target": crowd if g["outgoing"] else centre})
    sub.update(total=found["total"], shown=len(ids) - 1, groups=groups)  # crowds apart: see `groups`
    return sub


@kept
def change_days(node_id: str, *, hops: int = 1, relations=(), roles=(), labels=()) -> list[str]:
    """The days on which the relationships of a neighbourhood (at any time) changed, in order:
    the stops of the network page's date control (a crowd's members' days left out)."""
    groups = crowds(node_id, relations=relations, roles=roles)
    found = _around(node_id, hops, relations, roles, labels, None, None, NETWORK_CAP, groups)
    return days_of([node_id, *(found["ids"] if found else [])])


@kept
def days_of(ids: list[str]) -> list[str]:
    """The days on which the relationships among these nodes changed, in order."""
    return [plain(r["day"]) for r in graph().read("explorer/change_dates", ids=ids)]


@kept
def around(node_id: str, cap: int = EXPAND_CAP) -> dict:
    """What expanding a node of the canvas adds: the ids one step away (capped, nearest
    first) and how many there are, its crowds (crowds()) counted but not followed."""
    groups = crowds(node_id)
    found = _around(node_id, 1, (), (), (), None, None, cap, groups)
    return {"ids": found["ids"] if found else [], "total": found["total"] if found else 0, "groups": groups}


@kept
def known(ids: list[str]) -> set[str]:
    """Which of these ids the graph holds (a colleague's canvas may name others)."""
    return {r["id"] for r in graph().read("ingest/known_ids", ids=list(ids))}


def _around(node_id: str, hops: int, relations, roles, labels, date_from: str | None, date_to: str | None,
            cap: int, groups: list[dict]) -> dict | None:
    """explorer/neighbourhood: the ids around a node (capped) and how many there are, the crowds
    in `groups` not followed; None if no such node."""
    found = graph().read("explorer/neighbourhood", id=node_id, hops=hops, relations=list(relations),
                         roles=list(roles), labels=list(labels), date_from=date_from, date_to=date_to, cap=cap,
                         folded=[{k: g[k] for k in ("type", "role", "outgoing")} for g in groups])
    return found[0] if found else None


@kept
def subgraph(ids: list[str], public: bool, as_of: str | None = None) -> dict:
    rows = [plain(r) for r in graph().read("explorer/subgraph", ids=ids, as_of=as_of)]
    nodes = [{k: r[k] for k in ("id", "name", "label", "type", "date", "status")} for r in rows]
    edges = [{**e, "source": r["id"]} for r in rows for e in r["out"] if e]
    return redactor(public)({"nodes": nodes, "edges": edges})


def picture(title: str, sub: dict, centre: str, public: bool) -> Picture:
    """The picture on screen (`sub`, already redacted in public mode) to publish, with the
    sources its relationships cite, their titles redacted too."""
    cited = sorted({s for e in sub["edges"] for s in e.get("sources") or []})
    sources = redactor(public)([plain(s) for s in graph().read("report/sources", ids=cited)])
    return Picture.of(title, centre, sub["nodes"], sub["edges"], sources)


@kept
def paths(a: str, b: str, max_hops: int, public: bool) -> list[dict]:
    rows = graph().read("library/shortest_paths", **{"from": a, "to": b, "max_hops": max_hops})
    return redactor(public)([plain(r) for r in rows])


@kept
def chain(node_id: str, as_of: str | None, public: bool) -> Chain:
    return build_chain(graph(), node_id, as_of, down=False).redacted(redactor(public))


@kept
def allegations(public: bool) -> list[dict]:
    """The allegations a case view can open; in public mode their titles are redacted (a title
    may name the victim)."""
    return redactor(public)(case.allegations(graph()))


@kept
def story(allegation: str, public: bool) -> case.Case:
    """One allegation's case view (graph/case.py), redacted in public mode."""
    return case.build(graph(), allegation, redact=public)


@kept
def conflicts(public: bool, documented_only: bool = False) -> list[dict]:
    """Findings with what the report shows of each: evidence nodes and links, citations."""
    report = build_report(graph(), redact=public, documented_only=documented_only)
    return [f for allegation in report.allegations for f in allegation["findings"]]


@kept
def report(fmt: str, public: bool, documented_only: bool = False) -> bytes:
    return render(build_report(graph(), redact=public, documented_only=documented_only), fmt)


def console(text: str, params: dict, public: bool):
    """Read-only, with the configured time limit and row cap; raises GraphError."""
    r = redactor(public)
    try:
        rows = graph().run_user_query(text, params, write=False, timeout=config.query_timeout(),
                                      row_cap=config.row_cap())
    except GraphError as e:  # the server's message may quote data, names included
        raise GraphError(r.text(str(e))) from None
    return rows.keys, r([plain(x.data()) for x in rows.records]), rows.truncated


@kept
def datasets() -> list[str]:
    return [r["dataset"] for r in graph().read("stats/datasets")]


@kept
def duplicates(dataset: str | None, against: str | None, threshold: float) -> list[dict]:
    """Candidate pairs for the possible-duplicates page (never in public mode: they pair real names)."""
    return [c.as_dict() for c in resolution.candidates(graph(), dataset=dataset, against=against,
                                                       threshold=threshold)]


@kept
def claims_on(node_id: str) -> list[dict]:
    """Each dataset's word on a record itself: what it calls it, and what it cites."""
    rows = [plain(r) for r in graph().read("library/who_said_what", id=node_id)]
    return [{"dataset": r["dataset"], "came as": r["claim"]["id"].split("|", 1)[1],
             "name": r["claim"].get("name"), "aliases": r["claim"].get("aliases"),
             "birth date": r["claim"].get("birth_date"), "sources": r["sources"]}
            for r in rows if r["about"] == "record"]


def decide(kind: str, a: str, b: str, note: str | None) -> str:
    """Merge (keep a, take b in) or judge distinct; returns what was done, for the page to say."""
    if kind == "merge":
        done = decisions.merge(graph(), a, b, note or None)
        said = f"Merged {done['merged']} into {done['canonical']}. Undo: chainwatch unmerge {done['merged']}"
    else:
        done = decisions.distinct(graph(), a, b, note or None)
        said = f"Recorded that {a} and {b} are different actors ({done['decision']})."
    begin_run()  # the rest of this run reads the graph as the decision left it
    return said
