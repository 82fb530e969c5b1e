"""The graph as a network file for Gephi and yEd: GraphML and GEXF.

Actors and events are nodes, the facts between them edges; each carries its
label, kind, dates, confidence, datasets and sources as attributes (lists
joined with `;`, to read). GEXF gets Gephi's own time
intervals (`start`/`end` from the facts' validity and the events' dates), so
its timeline works. `dataset` keeps one dataset's part; `redact` passes
everything, ids included, through the Redactor. A control character or
bidirectional override is written as its escape (graph/values.shown): XML cannot
hold the first at all, and the file is for looking at, not for loading back.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.db import Graph
from graph.redaction import Redactor
from graph.values import cell_text, each_string, plain, shown


def _attributes(item: dict, skip: tuple[str, ...]) -> dict:
    """Scalar attributes only: None dropped, lists joined, dates as ISO text."""
    out = {}
    for k, v in plain(item).items():
        if k in skip or v is None or v == []:
            continue
        out[k] = cell_text(v) if isinstance(v, list) else v
    return out


def network(graph: Graph, *, dataset: str | None = None, redact: bool = False) -> nx.MultiDiGraph:
    row = graph.read("export/network", dataset=dataset)[0]
    redactor = Redactor.for_graph(graph) if redact else Redactor.none()
    return as_networkx(redactor(row["nodes"]), redactor(row["edges"]))


def as_networkx(nodes: list[dict], edges: list[dict]) -> nx.MultiDiGraph:
    """Nodes ({id, name, kind, ...}) and relationships ({id, source, target, relation, ...})
    as the graph Gephi and yEd read; a relationship with an end left out is left out."""
    nodes, edges = each_string(shown, nodes), each_string(shown, edges)
    g = nx.MultiDiGraph(mode="dynamic", timeformat="date")
    for n in nodes:
        g.add_node(n["id"], label=n["name"] or n["id"], **_attributes(n, ("id", "name")))
    for e in edges:
        if e["source"] in g and e["target"] in g:  # both ends in the chosen dataset
            g.add_edge(e["source"], e["target"], key=e["id"], id=e["id"], label=e["relation"],
                       **_attributes(e, ("id", "source", "target")))
    return g


def write_graphml(g: nx.MultiDiGraph, target) -> None:
    """GraphML (a path or a binary file); dates stay attributes: GraphML has no time."""
    nx.write_graphml(g, target, named_key_ids=True)


def write(graph: Graph, folder: Path, fmt: str, *, dataset: str | None = None,
          redact: bool = False) -> tuple[Path, int, int]:
    g = network(graph, dataset=dataset, redact=redact)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"graph.{fmt}"
    if fmt == "graphml":
        write_graphml(g, path)
    else:
        nx.write_gexf(g, path)
    return path, g.number_of_nodes(), g.number_of_edges()
