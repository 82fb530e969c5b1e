"""A picture to publish: the network on screen as SVG and as PNG at print resolution,
with a title, a legend of the kinds drawn and a caption listing every source the
relationships cite, plus the same subgraph as GraphML and CSV for a colleague's tools.

Both pictures come from one layout (graph/evidence_picture.py), so they agree; every
text from the data is escaped in the SVG and is only text in the PNG, whose metadata
(title, caption) is written from the same redacted values; in both, a control character or a
bidirectional override is shown as its escape (graph/values.shown). The caller passes what is
on screen, already redacted in public mode: nothing here reads real names.
"""

from __future__ import annotations

import csv
import io
import textwrap
from dataclasses import dataclass
from functools import lru_cache

from graph import evidence_picture, fonts, network_export
from graph.cells import neutralise
from graph.evidence_picture import BOX_H, BOX_W, Layout, escape
from graph.report import citation_details
from graph.values import shown
from graph.vocabulary import load

DPI = 300
SCALE = DPI / 96  # SVG user units are CSS pixels, 96 to the inch
TOP, LINE, MARGIN = 34, 14, 12
CAPTION_WIDTH = 120  # characters per caption line


@dataclass
class Picture:
    title: str
    layout: Layout
    nodes: list[dict]  # {id, name, label, ...}
    edges: list[dict]  # {source, target, type, role, start, end, confidence, sources, ...}
    sources: list[dict]  # {id, title, publisher, published, url}: every source the edges cite

    @classmethod
    def of(cls, title: str, focus: str, nodes: list[dict], edges: list[dict], sources: list[dict]) -> "Picture":
        drawn = {n["id"]: n for n in nodes}
        return cls(title, evidence_picture.layout(focus, drawn, edges), nodes, edges, sources)

    def legend(self) -> list[tuple[str, str]]:
        """The kinds drawn, with their colours (as in the explorer's legend)."""
        labels = load().labels
        return [(name, labels[name].legend.get("color", "#999")) for name in sorted({n["label"] for n in self.nodes})
                if name in labels]

    def caption(self) -> list[str]:
        """The sources, numbered, wrapped to lines."""
        entries = []
        for n, s in enumerate(self.sources, 1):
            details = ", ".join(citation_details(s))
            entries.append(f"{n}. {s.get('title') or s['id']}" + (f", {details}" if details else "") + f" [{s['id']}]")
        text = "Sources: " + ("; ".join(entries) if entries else "none cited")
        return textwrap.wrap(text, CAPTION_WIDTH)

    def _size(self) -> tuple[float, float, float]:
        """Width, height, and where the legend begins."""
        width = max(self.layout.width + 2 * MARGIN, 640)
        below = TOP + self.layout.height + 16
        return width, below + LINE * (2 + len(self.caption())) + MARGIN, below

    def svg(self) -> str:
        width, height, below = self._size()
        out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
               f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="DejaVu Sans, Arial, sans-serif" role="img">',
               f"<title>{escape(self.title)}</title>",
               '<rect width="100%" height="100%" fill="#fff"/>',
               f'<text x="{MARGIN}" y="22" font-size="15" font-weight="bold">{escape(self.title)}</text>',
               f'<g transform="translate({MARGIN},{TOP})">{evidence_picture.svg(self.layout)}</g>']
        x = MARGIN
        for name, colour in self.legend():
            out.append(f'<rect x="{x}" y="{below}" width="10" height="10" fill="{escape(colour)}" '
                       f'fill-opacity="0.5" stroke="#333" stroke-width="0.5"/>'
                       f'<text x="{x + 14}" y="{below + 9}" font-size="10">{escape(name)}</text>')
            x += 20 + 7 * len(name)
        out.append(f'<text x="{x}" y="{below + 9}" font-size="10" fill="#555">dashed: low confidence</text>')
        for n, line in enumerate(self.caption()):
            out.append(f'<text class="caption" x="{MARGIN}" y="{below + LINE * (n + 2)}" font-size="10">'
                       f"{escape(line)}</text>")
        out.append("</svg>")
        return "".join(out)

    def png(self) -> bytes:
        """The same picture at print resolution (300 dpi), title and caption in its metadata."""
        from PIL import Image, ImageDraw, PngImagePlugin

        width, height, below = self._size()
        image = Image.new("RGB", (round(width * SCALE), round(height * SCALE)), "white")
        draw = ImageDraw.Draw(image)

        def write(xy: tuple[float, float], text: str, *, size: float, bold: bool = False, middle: bool = False,
                  fill: str) -> None:
            """Text from its top left (or top middle), in runs of the font that draws each part
            (Pillow has no fallback font), all on the baseline DejaVu gives."""
            text = shown(text)
            faces = fonts.faces_for(text)
            pieces = [(run, _font(face, size * SCALE, bold))
                      for run, face in fonts.runs(fonts.drawable(text, faces), faces)]
            x = xy[0] - (sum(f.getlength(run) for run, f in pieces) / 2 if middle else 0)
            y = xy[1] + _font(faces[0], size * SCALE, bold).getmetrics()[0]
            for run, f in pieces:
                draw.text((x, y), run, font=f, fill=fill, anchor="ls")
                x += f.getlength(run)

        def at(x: float, y: float) -> tuple[float, float]:
            return x * SCALE, y * SCALE

        write(at(MARGIN, 8), self.title, fill="black", size=15, bold=True)
        lay = self.layout
        for a in lay.arrows:
            x1, y1, x2, y2 = (v + d for v, d in zip(evidence_picture.ends(lay, a), (MARGIN, TOP, MARGIN, TOP)))
            _line(draw, at(x1, y1), at(x2, y2), dashed=a.low)
            write(at((x1 + x2) / 2, (y1 + y2) / 2 - 10), a.text, fill="#333", size=8, middle=True)
        for b in lay.boxes.values():
            x, y = b.x + MARGIN, b.y + TOP
            draw.rounded_rectangle([at(x, y), at(x + BOX_W, y + BOX_H)], radius=5 * SCALE,
                                   fill=_tint(b.color), outline="black" if b.focus else "#333",
                                   width=round((2.5 if b.focus else 0.8) * SCALE))
            write(at(x + 6, y + 5), b.label or "", fill="#333", size=8)
            write(at(x + 6, y + 18), b.text, fill="black", size=10, bold=True)
        x = MARGIN
        for name, colour in self.legend():
            draw.rectangle([at(x, below), at(x + 10, below + 10)], fill=_tint(colour), outline="#333")
            write(at(x + 14, below), name, fill="black", size=10)
            x += 20 + 7 * len(name)
        write(at(x, below), "dashed: low confidence", fill="#555", size=10)
        for n, line in enumerate(self.caption()):
            write(at(MARGIN, below + LINE * (n + 1) + 2), line, fill="black", size=10)
        info = PngImagePlugin.PngInfo()
        info.add_itxt("Title", shown(self.title))
        info.add_itxt("Description", "\n".join(map(shown, self.caption())))
        info.add_itxt("Software", "chainwatch")
        out = io.BytesIO()
        image.save(out, format="PNG", dpi=(DPI, DPI), pnginfo=info)
        return out.getvalue()

    def graphml(self) -> bytes:
        out = io.BytesIO()
        nodes = [{**{k: v for k, v in n.items() if k != "label"}, "kind": n.get("label")} for n in self.nodes]
        edges = [{**{k: v for k, v in e.items() if k != "type"}, "relation": e["type"]} for e in self.edges]
        network_export.write_graphml(network_export.as_networkx(nodes, edges), out)
        return out.getvalue()

    def csv(self) -> str:
        """The relationships drawn, one per row, by name; no cell runs as a formula."""
        names = {n["id"]: n.get("name") or n["id"] for n in self.nodes}
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["subject", "relation", "role", "object", "start", "end", "confidence", "sources",
                         "subject_id", "object_id"])
        for e in self.edges:
            row = [names.get(e["source"], e["source"]), e["type"], e.get("role"), names.get(e["target"], e["target"]),
                   e.get("start"), e.get("end"), e.get("confidence"), ";".join(e.get("sources") or []),
                   e["source"], e["target"]]
            writer.writerow([neutralise("" if v is None else str(v)) for v in row])
        return out.getvalue()


@lru_cache(maxsize=64)
def _font(face: fonts.Face, pixels: float, bold: bool):
    from PIL import ImageFont

    return ImageFont.truetype(str(face.bold if bold and face.bold else face.regular), round(pixels), index=face.number)


def _tint(colour: str) -> str:
    """A legend colour at a quarter strength on white, as the SVG's fill-opacity draws it."""
    try:
        r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return "#eeeeee"
    return "#{:02x}{:02x}{:02x}".format(*(round(255 - (255 - c) * 0.25) for c in (r, g, b)))


def _line(draw, start: tuple[float, float], end: tuple[float, float], *, dashed: bool) -> None:
    """A line with an arrowhead at its end; dashed for low confidence."""
    (x1, y1), (x2, y2) = start, end
    length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    step = 4 * SCALE
    pieces = [(i, min(i + step, length)) for i in range(0, int(length), int(2 * step))] if dashed else [(0, length)]
    for a, b in pieces:
        draw.line([(x1 + ux * a, y1 + uy * a), (x1 + ux * b, y1 + uy * b)], fill="#555", width=round(1.2 * SCALE))
    head = 6 * SCALE
    draw.polygon([(x2, y2), (x2 - ux * head - uy * head / 2, y2 - uy * head + ux * head / 2),
                  (x2 - ux * head + uy * head / 2, y2 - uy * head - ux * head / 2)], fill="#555")
