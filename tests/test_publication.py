"""Pictures to publish (graph/publication.py): the SVG parses and carries the legend and a
caption of the sources, the PNG is at print resolution with the caption in its metadata, and
GraphML and CSV hold the subgraph; nothing needs the server."""

from __future__ import annotations

import csv
import hashlib
import io
import xml.etree.ElementTree as ET

import networkx as nx
from PIL import Image

from graph.publication import DPI, Picture

NODES = [{"id": "person:o", "name": "Officer <b>One</b> & \"Co\"", "label": "Person"},
         {"id": "unit:d", "name": "=HYPERLINK(\"http://x\")", "label": "Unit"},
         {"id": "event:e", "name": "Beating", "label": "Event"}]
EDGES = [{"id": "r1", "source": "person:o", "target": "unit:d", "type": "MEMBER_OF", "start": "2021",
          "end": None, "confidence": "low", "sources": ["src:a"]},
         {"id": "r2", "source": "person:o", "target": "event:e", "type": "PARTICIPATED_IN",
          "role": "alleged_perpetrator", "confidence": "high", "sources": ["src:a", "src:b"]}]
SOURCES = [{"id": "src:a", "title": "Report A", "publisher": "NGO", "published": "2022-05"},
           {"id": "src:b", "title": "Press <script>", "url": "https://example.org/b"}]


def picture() -> Picture:
    return Picture.of("Around Officer One", "person:o", NODES, EDGES, SOURCES)


def test_the_svg_has_every_node_a_legend_and_the_sources():
    svg = picture().svg()
    root = ET.fromstring(svg)  # escaped: it parses
    text = " ".join(t for t in root.itertext())
    assert "Officer <b>One</b> & \"Co\"" in text and "Beating" in text
    assert {"Person", "Unit", "Event"} <= set(text.split())
    caption = " ".join(e.text for e in root.iter("{http://www.w3.org/2000/svg}text") if e.get("class") == "caption")
    assert "1. Report A, NGO, 2022-05 [src:a]" in caption and "2. Press <script>, https://example.org/b [src:b]" in caption


def test_a_control_character_or_override_in_a_name_is_shown_and_the_svg_still_parses():
    """XML cannot hold an escape character; an override would reorder the label."""
    nodes = [dict(NODES[0], name="Officer\x1b[2J\u202eeno"), *NODES[1:]]
    svg = Picture.of("Around \u202eOfficer", "person:o", nodes, EDGES, SOURCES).svg()
    text = " ".join(ET.fromstring(svg).itertext())
    assert "Officer\\x1b[2J\\u202eeno" in text and "Around \\u202eOfficer" in text


def test_a_control_character_or_override_is_drawn_in_the_png_as_its_escape():
    """The PNG draws what the SVG shows, the escape, not the override; and says it in its metadata."""
    def png(text: str) -> Image.Image:
        nodes = [dict(NODES[0], name=f"Officer {text}"), *NODES[1:]]
        sources = [dict(SOURCES[0], title=f"Report {text}"), *SOURCES[1:]]
        return Image.open(io.BytesIO(Picture.of(f"Around {text}", "person:o", nodes, EDGES, sources).png()))
    hostile, typed = png("\x1b[2J\u202eeno"), png("\\x1b[2J\\u202eeno")  # typed: the escapes as text
    assert hostile.tobytes() == typed.tobytes()
    assert hostile.info["Title"] == "Around \\x1b[2J\\u202eeno"
    assert "Report \\x1b[2J\\u202eeno" in hostile.info["Description"]


def test_the_png_is_at_print_resolution_with_the_caption_in_its_metadata():
    image = Image.open(io.BytesIO(picture().png()))
    assert image.format == "PNG" and round(image.info["dpi"][0]) == DPI
    assert image.width >= 640 * DPI / 96 - 1
    assert image.info["Title"] == "Around Officer One" and "[src:b]" in image.info["Description"]
    assert len(set(image.convert("L").get_flattened_data())) > 10  # something is drawn, not a blank page


def test_graphml_and_csv_hold_the_subgraph():
    g = nx.read_graphml(io.BytesIO(picture().graphml()))
    assert g.number_of_nodes() == 3 and g.number_of_edges() == 2
    rows = list(csv.DictReader(io.StringIO(picture().csv())))
    assert len(rows) == 2 and rows[0]["object"].startswith("'=")  # opens as text, not a formula
    assert rows[1]["role"] == "alleged_perpetrator" and rows[1]["sources"] == "src:a;src:b"


def test_letters_dejavu_lacks_are_drawn_not_boxes():
    """A font without a letter draws the same empty box for every one it lacks, so two names of
    different letters made the same picture (before, with DejaVu alone: Chinese, Devanagari,
    Thai, Ethiopic); and a letter no font draws is printed as its code point."""
    def png(name: str) -> str:
        nodes = [dict(NODES[0], name=name), *NODES[1:]]
        image = Image.open(io.BytesIO(Picture.of("Around", "person:o", nodes, EDGES, SOURCES).png()))
        return hashlib.sha256(image.tobytes()).hexdigest()
    for one, other in (("王小明", "丁丁丁"), ("राम", "कमल"), ("สมชาย", "ใจดีม"), ("አበበ", "ሀሀሀ")):
        escaped = "".join(f"[U+{ord(c):04X}]" for c in one)  # what is printed when no font has them
        assert png(one) != png(other) and png(one) != png(escaped), one
