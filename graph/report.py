"""The conflict-of-interest report's content, shared by every format.

Findings are grouped by allegation, most severe first; each carries its
explanation, dates, a picture of the evidence path and the citations (title,
publisher, date, link and the quotes on that path). With redaction, the whole
content passes through the Redactor before any format renders it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from graph import evidence_picture
from graph.conflicts import findings as run_rules
from graph.conflicts import rules
from graph.db import Graph
from graph.redaction import Redactor
from graph.values import each_string, plain, shown

CITATION_FIELDS = ("id", "title", "publisher", "published", "url", "quotes", "notes")
SAFE_LINK = re.compile(r"^https?://", re.IGNORECASE)  # only these become links; others stay text
APEX_NOTE = ("Bodies that meet only at an apex agency (such as a head-of-state office) are treated as "
             "independent. Whether the apex itself is compromised is a human judgement this report "
             "leaves to its reader.")


@dataclass
class Report:
    generated: str
    redacted: bool
    datasets: list[dict]
    rules: dict[str, str]  # rule name -> purpose
    allegations: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)  # as `chainwatch conflicts --format json`
    apex: list[dict] = field(default_factory=list)
    apex_note: str = APEX_NOTE

    @property
    def count(self) -> int:
        return len(self.findings)


def _by_id(rows: list[dict]) -> dict[str, dict]:
    return {r["id"]: plain(r) for r in rows}


def build(graph: Graph, *, redact: bool = False, rule: str | None = None,
          as_of: str | None = None, documented_only: bool = False, progress=None,
          allegation: str | None = None) -> Report:
    found = run_rules(graph, rule, as_of, documented_only=documented_only, progress=progress,
                      allegation=allegation)
    node_ids = sorted({i for f in found for i in [f["allegation"], f["actor"], *f["implicated"],
                                                  *f["events"], *f["evidence"]["nodes"]] if i})
    nodes = _by_id(graph.read("report/nodes", ids=node_ids))
    rels = _by_id(graph.read("report/relationships",
                             ids=sorted({r for f in found for r in f["evidence"]["relationships"]})))
    sources = _by_id(graph.read("report/sources", ids=sorted({s for f in found for s in f["sources"]})))
    report = Report(
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        redacted=redact, datasets=graph.read("report/datasets"),
        rules={name: q.purpose for name, q in rules().items()},
        findings=found,
        apex=[n for n in nodes.values() if n["apex"]])
    groups: dict[str, dict] = {}
    for f in found:
        a = f["allegation"]
        if a not in groups:
            groups[a] = {**nodes[a], "findings": []}
            report.allegations.append(groups[a])
        detail = _detail(f, nodes, rels, sources)
        groups[a]["findings"].append(detail)
        # The JSON report is the findings, each with its citations and their quotes.
        f["citations"] = [{k: c.get(k) for k in CITATION_FIELDS} for c in detail["citations"]]
    redactor = Redactor.for_graph(graph) if redact else Redactor.none()
    report.allegations = redactor(report.allegations)
    report.findings = redactor(report.findings)
    report.datasets = redactor([plain(d) for d in report.datasets])  # titles can name people too
    report.apex = redactor(report.apex)
    # a control character or bidirectional override in the data is shown, in every format
    report.allegations, report.findings, report.datasets, report.apex = (
        each_string(shown, part) for part in (report.allegations, report.findings, report.datasets, report.apex))
    for group in report.allegations:  # drawn after redaction, so pictures show pseudonyms
        for f in group["findings"]:
            f["picture"] = evidence_picture.layout(f["allegation"], f["evidence_nodes"],
                                                   f["evidence_relationships"])
            f["svg"] = evidence_picture.svg(f["picture"])
    return report


def _detail(f: dict, nodes: dict, rels: dict, sources: dict) -> dict:
    ev_nodes = {i: nodes[i] for i in f["evidence"]["nodes"] if i in nodes}
    ev_rels = [rels[r] for r in f["evidence"]["relationships"] if r in rels]
    for r in ev_rels:
        r["source_name"] = nodes.get(r["source"], {}).get("name", r["source"])
        r["target_name"] = nodes.get(r["target"], {}).get("name", r["target"])
        # Each quote with the sources that said it, never another dataset's (docs/decisions.md).
        r["quotes"] = [{"quote": c["quote"], "sources": c["sources"] or []}
                       for c in r["claims"] if c.get("quote")]
    return {
        **f,
        "actor_name": nodes.get(f["actor"], {}).get("name", f["actor"]),
        "implicated_names": [nodes.get(i, {}).get("name", i) for i in f["implicated"]],
        "strength": strength(f),
        "event_details": [nodes[e] for e in f["events"] if e in nodes],
        "evidence_relationships": ev_rels,
        "citations": citations(f["sources"], [c for r in ev_rels for c in r["claims"]], sources),
        "evidence_nodes": ev_nodes,
    }


def citation_details(c: dict) -> list[str]:
    """A citation's publisher, publication date and address, those it has, in that order."""
    return [str(x) for x in (c.get("publisher"), c.get("published"), c.get("url")) if x]


def citations(source_ids: list[str], claims: list[dict], sources: dict) -> list[dict]:
    """Each source in the order given, with the quotes and notes of the claims that cite it:
    a quote is printed only under a source that said it, never under another dataset's."""
    found = []
    for sid in source_ids:
        src = dict(sources.get(sid, {"id": sid, "title": sid}))
        quotes = [c["quote"] for c in claims if c.get("quote") and sid in (c.get("sources") or [])]
        notes = [c["note"] for c in claims if c.get("note") and sid in (c.get("sources") or [])]
        src["link"] = src.get("url") if SAFE_LINK.match(src.get("url") or "") else None
        found.append({**src, "quotes": list(dict.fromkeys(quotes)), "notes": list(dict.fromkeys(notes))})
    return found


def strength(f: dict) -> str:
    """How well a finding's evidence holds, in words, shown next to its severity."""
    words = f"weakest confidence {f['weakest_confidence'] or 'not given'}"
    return words + ("; rests on an inferred link" if f["inferred"] else "; every link documented")
