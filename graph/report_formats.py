"""The report in each format, all from the same content (graph/report.py).

HTML is one self-contained file (inline CSS and SVG, a Content-Security-Policy
that forbids any request); Markdown embeds the picture as a data URI; the PDF
is drawn with fpdf2 and the fonts that draw its text (graph/fonts.py); JSON is the findings.
"""

from __future__ import annotations

import base64
import json
import math
import re

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from graph import fonts, scripts
from graph.markdown import escape as _md
from graph.evidence_picture import BOX_H, BOX_W, Layout, ends
from graph.report import Report, citation_details
from graph.values import each_string

FORMATS = ("html", "md", "pdf", "json")
LABEL_WIDTH = 240  # points a centred label in the PDF picture may span
# A run of right-to-left words (Hebrew, Arabic, Syriac, Thaana), digits and spaces inside it.
RTL_RUN = re.compile("[{0}](?:[{0}\\s\\d\u0300-\u036f]*[{0}])?".format(scripts.RIGHT_TO_LEFT))


class ReportError(RuntimeError):
    pass


def html(report: Report) -> str:
    env = Environment(loader=PackageLoader("graph", "templates"), autoescape=select_autoescape(["html", "j2"]))
    env.filters["bidi"] = _bdi
    return env.get_template("conflicts.html.j2").render(report=report)


def _bdi(value) -> Markup:
    """Text for the page, escaped, each right-to-left run in a <bdi>, as the PDF isolates it
    (`_isolated`): a date after an Arabic name stays after it."""
    return Markup(RTL_RUN.sub(lambda m: f"<bdi>{m.group()}</bdi>", str(escape("" if value is None else value))))


def json_text(report: Report) -> str:
    return json.dumps(report.findings, indent=2, ensure_ascii=False) + "\n"


def markdown(report: Report) -> str:
    md = ["# Conflict-of-interest report" + (" (redacted)" if report.redacted else ""), "",
          f"Generated {report.generated} by chainwatch from "
          + "; ".join(f"{d.get('title') or d['name']} ({d['name']})" for d in report.datasets)
          + f". {report.count} finding(s) on {len(report.allegations)} allegation(s), most severe first.", ""]
    for a in report.allegations:
        md += [f"## {_md(a['name'])}", "",
               f"*{a['type'].replace('_', ' ')} · {a.get('date') or 'date unknown'} · status: "
               f"**{a.get('status') or 'unknown'}** · `{a['id']}`*", ""]
        for f in a["findings"]:
            md += [f"### {f['severity'].upper()}: {f['rule'].replace('_', ' ')}", "", _md(f["explanation"]), "",
                   f"- Body whose role creates the conflict: **{_md(f['actor_name'])}** (`{f['actor']}`)"]
            md.append(f"- Strength: {f['strength']}")
            if f["implicated"]:
                md.append("- Accused bodies: " + ", ".join(
                    f"**{_md(n)}** (`{i}`)" for i, n in zip(f["implicated"], f["implicated_names"])))
            md.append("- Events: " + "; ".join(
                f"{_md(e['name'])} ({e.get('date') or 'date unknown'}, {e.get('status') or 'unknown'})"
                for e in f["event_details"]))
            picture = base64.b64encode(f["svg"].encode("utf-8")).decode("ascii")
            md += ["", f"![Evidence path](data:image/svg+xml;base64,{picture})", "", "Evidence:", ""]
            for r in f["evidence_relationships"]:
                role = f" ({r['role']})" if r.get("role") else ""
                line = (f"- {_md(r['source_name'])} — {r['type']}{role} → {_md(r['target_name'])}; "
                        f"{r.get('start') or '…'} – {r.get('end') or '…'}; confidence {r.get('confidence')}")
                md.append(line + "".join(f"; “{_md(q['quote'])}” [{_md(', '.join(q['sources']))}]"
                                         for q in r["quotes"]))
            md += ["", "Citations:", ""]
            for n, c in enumerate(f["citations"], 1):
                parts = citation_details(c)
                md.append(f"{n}. **{_md(c['title'])}**" + "".join(f", {_md(p)}" for p in parts if p)
                          + f" [`{c['id']}`]")
                md += [f"   > {_md(q)}" for q in c["quotes"]]
                md += [f"   - Inferred: {_md(x)}" for x in c["notes"]]
            md.append("")
    md += ["## Context", "", report.apex_note, "", "### The rules", ""]
    md += [f"- **{name}**: {_md(purpose)}" for name, purpose in report.rules.items()]
    return "\n".join(md) + "\n"


def _text_of(report: Report) -> str:
    """Every character the PDF may draw, so its fonts are chosen before the first line."""
    seen: list[str] = []
    each_string(lambda s: seen.append(s) or s, [report.generated, report.datasets, report.rules,
                                                 report.allegations, report.apex_note])
    return "".join(seen)


def _isolated(text: str) -> str:
    """Each right-to-left run set apart (FSI ... PDI), so what follows a name in the sentence
    stays where it is written: without it, "District محمد علي; 2020" is drawn with the date
    inside the Arabic run, before the name."""
    return RTL_RUN.sub(lambda m: f"\u2068{m.group()}\u2069", text)


def pdf(report: Report) -> bytes:
    from fpdf import FPDF

    everything = _text_of(report)
    faces = fonts.faces_for(everything)
    doc = FPDF(format="A4", unit="pt")
    doc.set_auto_page_break(True, margin=40)
    for face in faces:  # DejaVu, then a Noto face for each script it lacks
        doc.add_font(face.name, "", str(face.regular), collection_font_number=face.number)
        doc.add_font(face.name, "B", str(face.bold or face.regular), collection_font_number=face.number)
    if len(faces) > 1:
        doc.set_fallback_fonts([f.name for f in faces[1:]], exact_match=False)
    if fonts.needs_shaping(everything):  # joined and reordered letters: Arabic, Hebrew, Indic, Thai...
        doc.set_text_shaping(True)
    doc.set_title("Conflict-of-interest report")
    doc.set_creator("chainwatch")
    doc.add_page()
    width = doc.epw

    def para(text: str, size: float = 10, bold: bool = False, color=(34, 34, 34), gap: float = 4) -> None:
        doc.set_font("DejaVu", "B" if bold else "", size)
        doc.set_text_color(*color)
        doc.multi_cell(width, size * 1.35, _isolated(fonts.drawable(text, faces)), align="L", new_x="LMARGIN",
                       new_y="NEXT")
        doc.ln(gap)

    para("Conflict-of-interest report" + (" (redacted)" if report.redacted else ""), 18, True)
    para(f"Generated {report.generated} by chainwatch from "
         + "; ".join(f"{d.get('title') or d['name']} ({d['name']})" for d in report.datasets)
         + f". {report.count} finding(s) on {len(report.allegations)} allegation(s), most severe first.",
         9, color=(100, 100, 100))
    for a in report.allegations:
        para(a["name"], 14, True, gap=2)
        para(f"{a['type'].replace('_', ' ')} · {a.get('date') or 'date unknown'} · status: "
             f"{a.get('status') or 'unknown'} · {a['id']}", 9, color=(100, 100, 100))
        for f in a["findings"]:
            para(f"{f['severity'].upper()}: {f['rule'].replace('_', ' ')}", 11, True,
                 color={"critical": (176, 0, 32), "high": (200, 90, 0)}.get(f["severity"], (150, 120, 0)), gap=2)
            para(f["explanation"], 10)
            para("Strength: " + f["strength"], 8.5)
            para("Events: " + "; ".join(f"{e['name']} ({e.get('date') or 'date unknown'}, "
                                        f"{e.get('status') or 'unknown'})" for e in f["event_details"]), 8.5)
            _draw(doc, f["picture"], faces)
            for r in f["evidence_relationships"]:
                role = f" ({r['role']})" if r.get("role") else ""
                para(f"• {r['source_name']} — {r['type']}{role} → {r['target_name']}; "
                     f"{r.get('start') or '…'} – {r.get('end') or '…'}; confidence {r.get('confidence')}"
                     + "".join(f"; “{q['quote']}” [{', '.join(q['sources'])}]" for q in r["quotes"]),
                     8, gap=1)
            doc.ln(3)
            para("Citations", 9, True, gap=1)
            for n, c in enumerate(f["citations"], 1):
                parts = citation_details(c)
                para(f"{n}. {c['title']}" + "".join(f", {p}" for p in parts if p) + f" [{c['id']}]", 8, gap=1)
                for q in c["quotes"]:
                    para(f"    “{q}”", 8, color=(70, 70, 70), gap=1)
                for x in c["notes"]:
                    para(f"    Inferred: {x}", 8, color=(160, 90, 0), gap=1)
            doc.ln(8)
    para("Context", 13, True)
    para(report.apex_note, 9)
    for name, purpose in report.rules.items():
        para(f"{name}: {purpose}", 8, gap=2)
    if fonts.drawable(everything, faces) != everything:
        para("Characters written as [U+...] have no font on the machine that made this PDF; the HTML "
             f"and Markdown reports hold them. To draw them here, {fonts.INSTALL}.", 8, color=(176, 0, 32))
    return bytes(doc.output())


def _draw(doc, lay: Layout, faces: list[fonts.Face]) -> None:
    """The evidence picture drawn with PDF lines and boxes, scaled to the page width."""
    scale = min(1.0, doc.epw / max(lay.width, 1))
    if doc.get_y() + lay.height * scale > doc.h - doc.b_margin:
        doc.add_page()
    x0, y0 = doc.l_margin, doc.get_y()
    doc.set_draw_color(85, 85, 85)
    doc.set_line_width(0.8)
    for a in lay.arrows:
        x1, y1, x2, y2 = (v * scale for v in ends(lay, a))
        doc.set_dash_pattern(dash=3, gap=2) if a.low else doc.set_dash_pattern()
        doc.line(x0 + x1, y0 + y1, x0 + x2, y0 + y2)
        _arrowhead(doc, x0 + x1, y0 + y1, x0 + x2, y0 + y2)
        doc.set_text_color(60, 60, 60)
        _label(doc, x0 + (x1 + x2) / 2, y0 + (y1 + y2) / 2 - 2, a.text, faces, 5.5 * scale + 1, middle=True)
    doc.set_dash_pattern()
    for b in lay.boxes.values():
        r, g, bl = (int(b.color[i:i + 2], 16) for i in (1, 3, 5))
        doc.set_fill_color(255 - (255 - r) // 4, 255 - (255 - g) // 4, 255 - (255 - bl) // 4)
        doc.set_line_width(2 if b.focus else 0.6)
        doc.rect(x0 + b.x * scale, y0 + b.y * scale, BOX_W * scale, BOX_H * scale, style="DF")
        doc.set_text_color(60, 60, 60)
        _label(doc, x0 + (b.x + 5) * scale, y0 + (b.y + 12) * scale, b.label or "", faces, 6 * scale + 1)
        doc.set_text_color(20, 20, 20)
        _label(doc, x0 + (b.x + 5) * scale, y0 + (b.y + 27) * scale, b.text, faces, 7 * scale + 1, bold=True)
    doc.set_y(y0 + lay.height * scale + 6)


def _label(doc, x: float, y: float, text: str, faces: list[fonts.Face], size: float, *,
           bold: bool = False, middle: bool = False) -> None:
    """A line of text on a baseline at (x, y), from its start or centred on x. Drawn as a cell,
    not with `text()`: only cells take the fallback fonts and the shaping (joined Arabic)."""
    doc.set_font("DejaVu", "B" if bold else "", size)
    width = LABEL_WIDTH if middle else 0
    doc.set_xy(x - width / 2, y - size * 1.05)  # a cell's text sits mid-height; DejaVu's ascent is 0.93 em
    doc.cell(width, size * 1.3, _isolated(fonts.drawable(text, faces)), align="C" if middle else "L")


def _arrowhead(doc, x1: float, y1: float, x2: float, y2: float, size: float = 5) -> None:
    length = math.hypot(x2 - x1, y2 - y1) or 1
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    left = (x2 - size * ux + size * 0.45 * uy, y2 - size * uy - size * 0.45 * ux)
    right = (x2 - size * ux - size * 0.45 * uy, y2 - size * uy + size * 0.45 * ux)
    doc.set_fill_color(85, 85, 85)
    doc.polygon([(x2, y2), left, right], style="F")


def render(report: Report, fmt: str) -> bytes:
    if fmt == "html":
        return html(report).encode("utf-8")
    if fmt == "md":
        return markdown(report).encode("utf-8")
    if fmt == "pdf":
        return pdf(report)
    if fmt == "json":
        return json_text(report).encode("utf-8")
    raise ReportError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
