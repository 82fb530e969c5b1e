"""The conflict-of-interest engine (design/conflict-rules.md).

Each rule is a file in cypher/conflicts/; adding a rule is adding a file
(and its tests). Every rule returns findings of one shape: rule, severity,
allegation, actor, implicated, events, evidence {nodes, relationships},
sources, explanation. This module runs them and orders the findings.
"""

from __future__ import annotations

from graph import querylib
from graph.db import Graph

FOLDER = "conflicts"
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2}
FIELDS = ("rule", "severity", "allegation", "actor", "implicated", "events", "evidence",
          "sources", "explanation")
DEFAULT_MAX_DEPTH = 2


def rules() -> dict[str, querylib.CypherFile]:
    folder = querylib.cypher_dir() / FOLDER
    return {p.stem: querylib.get(f"{FOLDER}/{p.stem}") for p in sorted(folder.glob("*.cypher"))}


class UnknownRule(LookupError):
    pass


def _ordered_unique(items) -> list:
    return list(dict.fromkeys(i for i in items if i is not None))


def findings(graph: Graph, rule: str | None = None, as_of: str | None = None,
             max_depth: int = DEFAULT_MAX_DEPTH) -> list[dict]:
    """Findings of one rule or all, most severe first, grouped by allegation."""
    available = rules()
    if rule and rule not in available:
        raise UnknownRule(f"no rule named '{rule}'; rules: {', '.join(available)}")
    out = []
    for name, q in available.items():
        if rule and name != rule:
            continue
        params = {"as_of": as_of}
        if "max_depth" in q.param_names:
            params["max_depth"] = max_depth
        for row in graph.read(q.name, **params):
            row["events"] = _ordered_unique(row["events"])
            row["sources"] = sorted(_ordered_unique(row["sources"]))
            ev = row["evidence"]
            row["evidence"] = {"nodes": _ordered_unique(ev["nodes"]),
                               "relationships": _ordered_unique(ev["relationships"])}
            out.append({k: row[k] for k in FIELDS})
    first_severity: dict[str, int] = {}
    for f in out:
        s = SEVERITY_ORDER[f["severity"]]
        first_severity[f["allegation"]] = min(s, first_severity.get(f["allegation"], s))
    out.sort(key=lambda f: (first_severity[f["allegation"]], f["allegation"],
                            SEVERITY_ORDER[f["severity"]], f["rule"], f["actor"]))
    return out
