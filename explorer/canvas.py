"""The investigation canvas: the picture an investigator builds by hand, node by
node, as in Linkurious or Neo4j Bloom, and keeps, names and shares.

A canvas holds ids only: which nodes are on it (in the order they came), which
are hidden, which are pinned and where. Everything drawn (names, relations,
dates, sources) is read from the graph each time, so a canvas file given to a
colleague carries nothing of the data: opened in their chainwatch, it shows
what their graph knows of those ids, and ids their graph lacks are left out.

The layout is computed here, not in the browser, so that it survives a rerun:
nodes already placed stay where they are when others are added, new ones start
beside the node they were expanded from, and "tidy up" lays out again all but
the pinned ones.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import networkx as nx

FORMAT = "chainwatch-canvas"
VERSION = 1
MAX_BYTES = 1_000_000  # a canvas of 5,000 ids is about 200 kB
MAX_IDS = 5000
SEED = 7  # one seed: the same canvas is laid out the same way each time
RING = 0.4  # how far from each other the layout keeps neighbours (the unit of `places`)
SPREAD = 400  # pixels to that unit, once drawn


class CanvasError(ValueError):
    """A canvas file that cannot be opened; the message says what is wrong and what to do."""


Point = tuple[float, float]


@dataclass
class Canvas:
    name: str = ""
    note: str = ""
    ids: list[str] = field(default_factory=list)  # in the order they came on the canvas
    hidden: set[str] = field(default_factory=set)
    pinned: set[str] = field(default_factory=set)
    places: dict[str, Point] = field(default_factory=dict)  # where each node was last drawn

    @property
    def visible(self) -> list[str]:
        return [i for i in self.ids if i not in self.hidden]

    def add(self, ids: Iterable[str], beside: str | None = None) -> list[str]:
        """Put ids on the canvas (shown again if hidden); new ones start beside `beside`.
        Returns those that were not on it before."""
        new = []
        for i in dict.fromkeys(ids):
            self.hidden.discard(i)
            if i not in self.ids:
                self.ids.append(i)
                new.append(i)
        if beside in self.places and new:
            x, y = self.places[beside]
            for k, i in enumerate(new):  # a ring around it, which the spring layout then settles
                turn = 2 * math.pi * k / len(new) + 0.3
                self.places[i] = (x + RING * math.cos(turn), y + RING * math.sin(turn))
        return new

    def hide(self, ids: Iterable[str]) -> None:
        self.hidden.update(i for i in ids if i in self.ids)

    def show(self, ids: Iterable[str]) -> None:
        self.hidden.difference_update(ids)

    def toggle_pin(self, node_id: str) -> None:
        self.pinned.symmetric_difference_update({node_id} & set(self.ids))

    def keep_pinned_only(self) -> None:
        self.ids = [i for i in self.ids if i in self.pinned]
        self.hidden &= self.pinned
        self.places = {i: p for i, p in self.places.items() if i in self.pinned}

    def tidy(self) -> None:
        """Forget where the unpinned nodes were, so that the next layout places them afresh."""
        self.places = {i: p for i, p in self.places.items() if i in self.pinned}

    def layout(self, links: Iterable[tuple[str, str]]) -> dict[str, Point]:
        """Positions in pixels for the visible nodes: those placed before do not move, the
        others are placed by a spring layout among them (links: pairs of visible ids)."""
        shown = self.visible
        if not shown:
            return {}
        g = nx.Graph()
        g.add_nodes_from(shown)
        g.add_edges_from((a, b) for a, b in links if a in g and b in g and a != b)
        placed = [i for i in shown if i in self.places]
        if len(placed) < len(shown):
            start = {i: self.places[i] for i in placed}
            pos = nx.spring_layout(g, pos=start or None, fixed=placed or None, seed=SEED, k=RING)
            self.places.update({i: (float(p[0]), float(p[1])) for i, p in pos.items()})
        return {i: (round(self.places[i][0] * SPREAD, 1), round(self.places[i][1] * SPREAD, 1)) for i in shown}

    # -- the file -------------------------------------------------------------

    def to_json(self, shown_id: Callable[[str], str] = str) -> bytes:
        """The canvas as a file: ids (as `shown_id` gives them: pseudonymous ones in public
        mode), the name and note, and where the pinned nodes are. Deterministic."""
        doc = {"format": FORMAT, "version": VERSION, "name": self.name, "note": self.note,
               "ids": [shown_id(i) for i in self.ids],
               "hidden": sorted(shown_id(i) for i in self.hidden),
               "pinned": {shown_id(i): list(self.places.get(i, (0.0, 0.0))) for i in sorted(self.pinned)}}
        return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes, real_id: Callable[[str], str] = str, source: str = "the canvas file") -> "Canvas":
        """A canvas read back; raises CanvasError naming the field and what to do."""
        if len(raw) > MAX_BYTES:
            raise CanvasError(f"{source} is {len(raw):,} bytes; a canvas file is at most {MAX_BYTES:,}. "
                              "Is it a canvas saved by chainwatch?")
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise CanvasError(f"{source} is not JSON ({e}); open a file saved with 'Share this canvas'.") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise CanvasError(f"{source} is not a chainwatch canvas (its 'format' should be {FORMAT!r}).")
        if doc.get("version") != VERSION:
            raise CanvasError(f"{source} is a canvas of version {doc.get('version')!r}; this chainwatch "
                              f"reads version {VERSION}. Update chainwatch, or ask for a new file.")
        ids = _strings(doc, "ids", source)
        if len(ids) > MAX_IDS:
            raise CanvasError(f"{source} has {len(ids):,} ids; a canvas holds at most {MAX_IDS:,}.")
        pinned = doc.get("pinned", {})
        if not isinstance(pinned, dict) or not all(
                isinstance(p, list) and len(p) == 2 and all(isinstance(c, (int, float)) for c in p)
                for p in pinned.values()):
            raise CanvasError(f"{source}: 'pinned' should map ids to [x, y].")
        for key in ("name", "note"):
            if not isinstance(doc.get(key, ""), str):
                raise CanvasError(f"{source}: {key!r} should be text.")
        real = [real_id(i) for i in ids]
        return cls(name=doc.get("name", ""), note=doc.get("note", ""), ids=list(dict.fromkeys(real)),
                   hidden={real_id(i) for i in _strings(doc, "hidden", source)} & set(real),
                   pinned={real_id(i) for i in pinned} & set(real),
                   places={real_id(i): (float(p[0]), float(p[1])) for i, p in pinned.items() if real_id(i) in real})

    def keep_only(self, known: set[str]) -> list[str]:
        """Leave out ids the graph does not hold (a colleague's canvas); returns them."""
        missing = [i for i in self.ids if i not in known]
        if missing:
            self.ids = [i for i in self.ids if i in known]
            self.hidden &= known
            self.pinned &= known
        return missing


def _strings(doc: dict, key: str, source: str) -> list[str]:
    value = doc.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CanvasError(f"{source}: {key!r} should be a list of ids (text).")
    return value


# -- saved canvases ---------------------------------------------------------------

def folder(home: Path) -> Path:
    return home / "canvases"


def file_name(name: str) -> str:
    """A file name for a canvas name in any script: its letters and digits, the rest dashes."""
    slug = re.sub(r"[^\w]+", "-", name.casefold(), flags=re.UNICODE).strip("-_")[:80]
    return (slug or "canvas") + ".json"


def save(home: Path, canvas: Canvas) -> Path:
    where = folder(home)
    where.mkdir(parents=True, exist_ok=True)
    path = where / file_name(canvas.name)
    path.write_bytes(canvas.to_json())
    return path


def saved(home: Path) -> dict[str, Path]:
    """Saved canvases by name (a file that cannot be read is listed under its file name)."""
    found = {}
    for path in sorted(folder(home).glob("*.json")):
        try:
            name = json.loads(path.read_text(encoding="utf-8")).get("name") or path.stem
        except (OSError, ValueError, AttributeError):
            name = path.name
        found[str(name)] = path
    return found
