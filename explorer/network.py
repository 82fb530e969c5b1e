"""Network pictures with pyvis, offline: vis-network's JavaScript is inlined and
every reference to a remote resource pyvis's template adds (Bootstrap from a
CDN, even in inline mode) is removed, so the page fetches nothing.

Colours and shapes come from the vocabulary's legend. Tooltips are plain text
(vis-network 9 shows string titles as text), so a name such as
`<img src=x onerror=alert(1)>` is shown, never run.
"""

from __future__ import annotations

import json
import re
from html import escape

from pyvis.network import Network

from graph.values import shown
from graph.vocabulary import load

# Any tag that would load something from another host.
REMOTE_TAG = re.compile(r"<(script|link)\b[^>]*\b(src|href)\s*=\s*[\"']?(https?:)?//[^>]*>(\s*</script>)?",
                        re.IGNORECASE)
MAX_LABEL = 32

# Tuned so a few hundred nodes settle in about a second, then physics stops.
OPTIONS = {
    "physics": {"solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.4},
                "stabilization": {"enabled": True, "iterations": 200, "fit": True},
                "minVelocity": 1.5, "maxVelocity": 40},
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 9, "align": "middle"},
              "smooth": {"type": "continuous"}},
    "nodes": {"font": {"size": 12}},
}


def strip_remote(html: str) -> str:
    return REMOTE_TAG.sub("", html)


def legend() -> dict[str, dict]:
    return {name: lab.legend for name, lab in load().labels.items()}


def legend_html() -> str:
    """The legend as a strip of coloured shapes named by label (shown under every picture)."""
    shapes = {"dot": "50%", "ellipse": "50%", "box": "3px", "square": "0", "diamond": "0",
              "triangle": "0", "star": "0"}
    items = []
    for name, style in legend().items():
        turn = "transform:rotate(45deg);" if style.get("shape") == "diamond" else ""
        items.append(f'<span style="margin-right:14px;white-space:nowrap"><span style="display:inline-block;'
                     f'width:11px;height:11px;background:{escape(style.get("color", "#999"))};'
                     f'border-radius:{shapes.get(style.get("shape"), "0")};{turn}margin-right:5px"></span>'
                     f'{escape(name)} ({escape(style.get("shape", ""))})</span>')
    return ('<div style="font:12px sans-serif;color:#444">' + "".join(items)
            + '<span style="white-space:nowrap">— — dashed: low confidence</span></div>')


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1] + "…"


# A chain of command reads from the top down: the apex above, the person at the bottom.
HIERARCHY = {"layout": {"hierarchical": {"enabled": True, "direction": "DU", "sortMethod": "directed",
                                         "levelSeparation": 110, "nodeSpacing": 190}},
             "physics": {"enabled": False}}


# Clicking a node writes its id into the app's text input with this label: the
# picture lives in a frame that cannot call the app, but it may fill a field of
# its parent page (same origin), which Streamlit then reads like typing.
PICK_SCRIPT = """
<script>
network.on("click", function (params) {
  if (!params.nodes.length) return;
  try {
    var doc = window.parent.document;
    var input = doc.querySelector('input[aria-label=' + JSON.stringify(%s) + ']');
    if (!input) return;
    var setter = Object.getOwnPropertyDescriptor(window.HTMLInputElement.prototype, "value").set;
    setter.call(input, params.nodes[0]);
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", code: "Enter", keyCode: 13, bubbles: true}));
  } catch (e) { /* not inside the explorer: nothing to recentre */ }
});
</script>
"""


# The layout is computed before the picture shows (stabilization); physics then stops. Left on,
# 500 nodes drifted for half a minute after the picture appeared (bench/explorer_draw.py).
SETTLE_SCRIPT = """
<script>
(function () {
  function still() { network.setOptions({physics: {enabled: false}}); }
  if (network.physics.stabilized) { still(); return; }  // a small picture is laid out at once
  network.once("stabilizationIterationsDone", still);
  network.once("stabilized", still);
})();
</script>
"""


# A canvas is laid out by Python (explorer/canvas.py): vis-network only draws it.
PLACED = {"physics": {"enabled": False}}


def draw(nodes: list[dict], edges: list[dict], *, centre: str | None = None, height: int = 620,
         hierarchy: bool = False, pick_field: str | None = None, positions: dict | None = None,
         pinned: frozenset = frozenset()) -> str:
    """A self-contained HTML page with the network. nodes: {id, name, label};
    edges: {source, target, type, role, start, end, confidence, sources}.
    With pick_field, clicking a node puts its id into the app's input of that label.
    With positions ({id: (x, y)}) the nodes are drawn there, physics off; `pinned` ones
    get a dashed border and cannot be dragged."""
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line")
    colours = legend()
    for n in nodes:
        style = colours.get(n["label"], {})
        place = {"x": positions[n["id"]][0], "y": positions[n["id"]][1]} if positions and n["id"] in positions else {}
        pin = {"fixed": True, "shapeProperties": {"borderDashes": [5, 3]}} if n["id"] in pinned else {}
        net.add_node(n["id"], label=_short(shown(n["name"] or n["id"])),
                     title=shown(f"{n['name']}\n{n['label']} · {n['id']}") + ("\npinned" if pin else ""),
                     color=style.get("color", "#999"), shape=style.get("shape", "dot"),
                     borderWidth=4 if n["id"] == centre or pin else 1, size=22 if n["id"] == centre else 14,
                     **place, **pin)
    ids = {n["id"] for n in nodes}
    for e in edges:
        if e["source"] in ids and e["target"] in ids:
            role = f" ({e['role']})" if e.get("role") else ""
            period = f"{e.get('start') or '…'} – {e.get('end') or '…'}" if (e.get("start") or e.get("end")) \
                else "no dates"
            net.add_edge(e["source"], e["target"], label=shown(e["type"] + role),
                         title=shown(f"{e['type']}{role}\n{period}\nconfidence: {e.get('confidence')}\n"
                                     f"sources: {', '.join(e.get('sources') or [])}"),
                         dashes=e.get("confidence") == "low")
    fixed = HIERARCHY if hierarchy else PLACED if positions else None
    net.set_options(json.dumps({**OPTIONS, **(fixed or {})}))
    html = strip_remote(net.generate_html(notebook=False))
    if fixed is None:
        html = html.replace("</body>", SETTLE_SCRIPT + "</body>")
    if pick_field:
        html = html.replace("</body>", PICK_SCRIPT % json.dumps(pick_field) + "</body>")
    return html
