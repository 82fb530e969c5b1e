"""One allegation's story in order (the explorer's case view): the event, who took
part and where, the complaints and the inquiries that followed and who ran them,
the chain of command above the accused as it stood on the day, the conflict
findings with their strength, and every source in the order the story cites it.

An advocate reads it top to bottom; nothing in it is new analysis: the events come
from CONCERNS links back to the allegation, the chains from graph.chains, the
findings from the conflict report, the quotes from each dataset's claims.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from graph import dates
from graph.chains import Chain, chain as build_chain
from graph.db import Graph
from graph.redaction import Redactor
from graph.report import build as build_report, citations
from graph.values import plain
from graph.vocabulary import load as load_vocabulary

DEPTH = 4  # CONCERNS steps back from the allegation: an appeal against an inquiry into a complaint is 3


class NotAnEvent(Exception):
    pass


@dataclass
class Case:
    allegation: dict
    timeline: list[dict]  # the allegation first, then what followed, by date
    chains: dict[str, Chain] = field(default_factory=dict)  # accused id -> chain on the day
    findings: list[dict] = field(default_factory=list)
    citations: list[dict] = field(default_factory=list)  # in the order the story first cites them

    @property
    def ids(self) -> list[str]:
        """Every record the story names: the picture beside it."""
        found = [i for e in self.timeline for i in [e["id"], *(x["id"] for x in e["places"] + e["actors"])]]
        found += [i for c in self.chains.values() for link in c.up for i in (link.source, link.target)]
        return list(dict.fromkeys(found))


def allegations(graph: Graph) -> list[dict]:
    """Every allegation a case view can open (events of the allegation types), oldest first."""
    return graph.read("case/allegations",
                      allegation_types=load_vocabulary().conflict_terms["allegation_types"])


def _order(event: dict) -> tuple:
    """The allegation first; then by the first day of each date (undated last), and, on one day,
    what concerns the allegation before what concerns that (a complaint before its inquiry)."""
    day = dates.first_day(event["date"]) if event["date"] else None
    return (event["steps"] > 0, day or dt.date.max, event["steps"], event["title"] or "")


def build(graph: Graph, allegation: str, *, redact: bool = False, depth: int = DEPTH) -> Case:
    rows = [plain(r) for r in graph.read("case/story", id=allegation, depth=depth)]
    if not rows:
        raise NotAnEvent(f"no event with id '{allegation}'; `chainwatch search` finds one by name")
    timeline = sorted(rows, key=_order)
    facts = [f for e in timeline for f in e["places"] + e["actors"] + e["concerns"]]
    claims = {r["id"]: r["claims"] for r in graph.read("report/relationships", ids=[f["rel"] for f in facts])}
    cited = list(dict.fromkeys(s for e in timeline
                               for s in [*(e["sources"] or []),
                                         *(s for f in e["places"] + e["actors"] + e["concerns"]
                                           for s in f["sources"] or [])]))
    sources = {s["id"]: plain(s) for s in graph.read("report/sources", ids=cited)}
    case = Case(timeline[0], timeline,
                citations=citations(cited, [c for f in facts for c in claims.get(f["rel"], [])], sources))
    on = dates.first_day(case.allegation["date"]) if case.allegation["date"] else None
    accused = load_vocabulary().conflict_terms["implicating_roles"]
    for actor in case.allegation["actors"]:
        if actor["role"] in accused and actor["id"] not in case.chains:
            case.chains[actor["id"]] = build_chain(graph, actor["id"], on.isoformat() if on else None, down=False)
    report = build_report(graph, redact=redact, allegation=allegation)
    case.findings = [f for group in report.allegations for f in group["findings"]]
    return _redacted(case, Redactor.for_graph(graph) if redact else Redactor.none())


def _redacted(case: Case, r: Redactor) -> Case:
    """Public mode: every name, id and quote as the public sees them (the findings come redacted)."""
    return Case(r(case.allegation), r(case.timeline), {r(k): c.redacted(r) for k, c in case.chains.items()},
                case.findings, r(case.citations))
