"""A small picture of a finding's evidence path, drawn from the graph.

The layout is computed once (layers by distance from the allegation, so the
picture reads from the allegation outward) and drawn twice: as inline SVG for
HTML and Markdown, and with the PDF library's own lines and boxes, so every
format shows the same picture and nothing is fetched to draw it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape as html_escape

import networkx as nx

from graph.values import shown
from graph.vocabulary import load

BOX_W, BOX_H = 170, 38
GAP_X, GAP_Y = 120, 22
MARGIN = 12
MAX_LABEL = 30


@dataclass
class Box:
    id: str
    label: str  # the node's label (Person, Unit...)
    text: str  # what is written in it
    title: str  # the full name, for tooltips
    x: float
    y: float
    color: str
    focus: bool  # the allegation itself


@dataclass
class Arrow:
    source: str
    target: str
    text: str
    title: str  # dates, confidence and sources, for tooltips
    low: bool  # low confidence: drawn dashed


@dataclass
class Layout:
    boxes: dict[str, Box]
    arrows: list[Arrow]
    width: float
    height: float


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1] + "…"


def layout(focus: str, nodes: dict[str, dict], rels: list[dict]) -> Layout:
    """Place the evidence nodes in columns by their distance from `focus`."""
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from((r["source"], r["target"]) for r in rels if r["source"] in nodes and r["target"] in nodes)
    depth = nx.single_source_shortest_path_length(g, focus) if focus in g else {}
    far = max(depth.values(), default=0) + 1
    columns: dict[int, list[str]] = {}
    for n in sorted(nodes, key=lambda i: (nodes[i]["label"] or "", i)):
        columns.setdefault(depth.get(n, far), []).append(n)
    legend = {name: lab.legend.get("color", "#999") for name, lab in load().labels.items()}
    boxes = {}
    for col, (_, members) in enumerate(sorted(columns.items())):
        for row, n in enumerate(members):
            node = nodes[n]
            boxes[n] = Box(n, node["label"], _short(node["name"] or n), f"{node['name']} ({n})",
                           MARGIN + col * (BOX_W + GAP_X), MARGIN + row * (BOX_H + GAP_Y),
                           legend.get(node["label"], "#999"), n == focus)
    arrows = []
    for r in rels:
        if r["source"] in boxes and r["target"] in boxes:
            text = r["type"] + (f" ({r['role']})" if r.get("role") else "")
            period = " – ".join(x or "…" for x in (r.get("start"), r.get("end"))) \
                if (r.get("start") or r.get("end")) else "no dates"
            title = f"{text}; {period}; confidence {r.get('confidence')}; sources {', '.join(r.get('sources') or [])}"
            arrows.append(Arrow(r["source"], r["target"], text, title, r.get("confidence") == "low"))
    width = MARGIN * 2 + len(columns) * BOX_W + max(len(columns) - 1, 0) * GAP_X
    height = MARGIN * 2 + max((len(m) for m in columns.values()), default=1) * (BOX_H + GAP_Y) - GAP_Y
    return Layout(boxes, arrows, width, height)


def ends(lay: Layout, arrow: Arrow) -> tuple[float, float, float, float]:
    """Where an arrow leaves its source box and meets its target box."""
    a, b = lay.boxes[arrow.source], lay.boxes[arrow.target]
    if a.x == b.x:  # same column: from the bottom of one to the top of the other
        x = a.x + BOX_W / 2
        return (x, a.y + BOX_H, x, b.y) if a.y < b.y else (x, a.y, x, b.y + BOX_H)
    if a.x < b.x:
        return a.x + BOX_W, a.y + BOX_H / 2, b.x, b.y + BOX_H / 2
    return a.x, a.y + BOX_H / 2, b.x + BOX_W, b.y + BOX_H / 2


def escape(text: str) -> str:
    """Data as SVG text: markup escaped, a control character or bidirectional override shown
    as its escape (XML cannot hold the first, the second would reorder the label)."""
    return html_escape(shown(text))


def svg(lay: Layout) -> str:
    """The picture as one inline SVG element; every text from the data is escaped."""
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="evidence" width="{lay.width:.0f}" '
           f'height="{lay.height:.0f}" viewBox="0 0 {lay.width:.0f} {lay.height:.0f}" '
           'font-family="DejaVu Sans, Arial, sans-serif" font-size="10" role="img">',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>']
    for a in lay.arrows:
        x1, y1, x2, y2 = ends(lay, a)
        dash = ' stroke-dasharray="4 3"' if a.low else ""
        out.append(f'<g><title>{escape(a.title)}</title><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
                   f'y2="{y2:.1f}" stroke="#555" stroke-width="1.2"{dash} marker-end="url(#arrow)"/>'
                   f'<text x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2 - 3:.1f}" text-anchor="middle" '
                   f'fill="#333" font-size="8">{escape(a.text)}</text></g>')
    for b in lay.boxes.values():
        stroke = ' stroke="#000" stroke-width="2.5"' if b.focus else ' stroke="#333" stroke-width="0.8"'
        out.append(f'<g><title>{escape(b.title)}</title><rect x="{b.x:.1f}" y="{b.y:.1f}" width="{BOX_W}" '
                   f'height="{BOX_H}" rx="5" fill="{escape(b.color)}" fill-opacity="0.25"{stroke}/>'
                   f'<text x="{b.x + 6:.1f}" y="{b.y + 14:.1f}" font-size="8" fill="#333">{escape(b.label or "")}</text>'
                   f'<text x="{b.x + 6:.1f}" y="{b.y + 28:.1f}" font-weight="bold">{escape(b.text)}</text></g>')
    out.append("</svg>")
    return "".join(out)
