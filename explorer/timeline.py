"""A chain of command drawn over time, as Security Force Monitor's WhoWasInCommand
draws it: one row per link (who or which body, under which body), a bar over the
years it held, so an advocate sees at a glance who commanded whom when.

The chart is SVG text built here, every name and date escaped, shown in an iframe
of its own (a data: URL) and downloaded as it is for a publication. Names come as the chain
gives them: pseudonyms in public mode.
"""

from __future__ import annotations

import base64
import datetime as dt
from html import escape

from graph import dates
from graph.chains import Chain, Link

ROW, LABEL, WIDTH, TOP = 26, 330, 900, 34
COLOURS = {"COMMANDS": "#b23a48", "MEMBER_OF": "#3a6ea5", "PART_OF": "#6b8f3a"}


def _span(links: list[Link]) -> tuple[dt.date, dt.date]:
    """The years the chart covers: every recorded day, widened to whole years."""
    days = [d for link in links for d in (dates.first_day(link.start), dates.last_day(link.end)) if d]
    if not days:
        today = dt.date.today()
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    return dt.date(min(days).year, 1, 1), dt.date(max(days).year, 12, 31)


def svg(chain: Chain, links: list[Link], title: str) -> str:
    """The chart of `links` (a chain's, in its order) as an SVG document."""
    first, last = _span(links)
    scale = (WIDTH - LABEL - 20) / max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return LABEL + (day - first).days * scale

    tall = height(links)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{tall}" '
           f'viewBox="0 0 {WIDTH} {tall}" font-family="sans-serif" font-size="12" role="img">',
           f"<title>{escape(title)}</title>",
           f'<text x="4" y="16" font-weight="bold">{escape(title)}</text>']
    for year in range(first.year, last.year + 1):
        left = x(dt.date(year, 1, 1))
        out.append(f'<line x1="{left:.1f}" y1="{TOP - 8}" x2="{left:.1f}" y2="{tall - 24}" stroke="#ddd"/>')
        if (last.year - first.year) < 15 or year % 5 == 0:
            out.append(f'<text x="{left + 2:.1f}" y="{tall - 10}" fill="#555">{year}</text>')
    for row, link in enumerate(links):
        y = TOP + row * ROW
        who = chain.names.get(link.source, link.source)
        over = chain.names.get(link.target, link.target)
        verb = {"COMMANDS": "commands", "MEMBER_OF": "in", "PART_OF": "part of"}.get(link.relation, link.relation)
        label = f"{who} {verb} {over}" + (f" ({link.post})" if link.post else "")
        begins, ends = dates.first_day(link.start), dates.last_day(link.end)
        left, right = x(begins or first), x(ends or last)
        colour = COLOURS.get(link.relation, "#777")
        dashed = ' stroke-dasharray="4 3" fill-opacity="0.25"' if not (begins or ends) else ""
        out.append(f'<g class="link" data-relation="{escape(link.relation)}">'
                   f"<title>{escape(label)}: {escape(link.period)}</title>"
                   f'<text x="4" y="{y + 15}">{escape(_clip(label, 52))}</text>'
                   f'<rect x="{left:.1f}" y="{y + 4}" width="{max(right - left, 2):.1f}" height="{ROW - 10}" '
                   f'fill="{colour}" stroke="{colour}"{dashed}/>'
                   f'<text x="{min(left + 4, WIDTH - 120):.1f}" y="{y + 15}" fill="#fff" font-size="10">'
                   f"{escape(link.period)}</text></g>")
    out.append("</svg>")
    return "".join(out)


def height(links: list[Link]) -> int:
    """The chart's height in pixels: a row per link, the title and the years."""
    return TOP + ROW * len(links) + 30


def data_url(chart: str) -> str:
    """The chart as a data: URL, for an iframe of its own: the page never parses it as
    Markdown or HTML, and its tooltips still work."""
    return "data:image/svg+xml;base64," + base64.b64encode(chart.encode("utf-8")).decode("ascii")


def _clip(text: str, most: int) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"
