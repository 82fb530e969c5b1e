"""Fonts that draw every name in a document handed over: the PDF report and the print
pictures. DejaVu draws Latin, Cyrillic, Greek, Georgian, Armenian, Hebrew and Arabic letters;
for the characters it lacks (Chinese, Japanese, Korean, Devanagari, Thai, Ethiopic, Myanmar...)
the Noto fonts found on the machine are added, the fewest that cover the text (Debian:
fonts-noto-core, fonts-noto-cjk). A character no font here draws is written as its code point,
`[U+1F46E]`, never dropped: a name must not vanish from a report given to a court.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from graph import scripts

DEJAVU_DIRS = [os.environ.get("CHAINWATCH_FONT_DIR", ""), "/usr/share/fonts/truetype/dejavu",
               "/usr/share/fonts/dejavu", "/Library/Fonts", "/usr/local/share/fonts"]
NOTO_DIRS = [os.environ.get("CHAINWATCH_FONT_DIR", ""), "/usr/share/fonts/truetype/noto",
             "/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto", "/usr/share/fonts/noto-cjk"]
NOTO = re.compile(r"NotoSans(?!Mono|Display|Symbols)\w*-Regular\.(ttf|otf|ttc)$")
# Which of a CJK collection's fonts draws the text: Han characters take a region's shapes,
# Korean beside Hangul, Japanese beside kana, else Chinese.
CJK_PREFERRED = {scripts.any_of(scripts.HANGUL): "KR", scripts.any_of(scripts.KANA): "JP"}
CJK_REGIONS = ("SC", "TC", "JP", "KR", "HK")
INSTALL = "install more fonts (Debian: apt-get install fonts-noto-core fonts-noto-cjk) or set CHAINWATCH_FONT_DIR"


class FontMissing(RuntimeError):
    """No DejaVu font: the message says what to install."""


@dataclass(frozen=True)
class Face:
    """A font file (and its place in a collection), its bold sibling if any, what it covers."""
    name: str
    regular: Path
    bold: Path | None
    number: int
    covers: frozenset[int]


def dejavu_path(name: str) -> Path:
    for folder in DEJAVU_DIRS:
        if folder and (Path(folder) / name).exists():
            return Path(folder) / name
    raise FontMissing(f"the PDF and the pictures need the DejaVu fonts ({name}); install them "
                      "(Debian: apt-get install fonts-dejavu-core) or set CHAINWATCH_FONT_DIR")


def _cmap(path: Path, number: int = 0) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # fpdf2's dependency

    with TTFont(path, lazy=True, fontNumber=number) as font:
        return frozenset(font.getBestCmap())


@lru_cache(maxsize=1)
def dejavu() -> Face:
    regular = dejavu_path("DejaVuSans.ttf")
    return Face("DejaVu", regular, dejavu_path("DejaVuSans-Bold.ttf"), 0, _cmap(regular))


@lru_cache(maxsize=1)
def _noto() -> tuple[Face, ...]:
    """Every Noto Sans face on the machine, read once a process, and only when a text needs one."""
    from fontTools.ttLib import TTCollection

    faces, seen = [], set()
    for folder in filter(None, NOTO_DIRS):
        for path in sorted(Path(folder).glob("*")) if Path(folder).is_dir() else ():
            if not NOTO.search(path.name) or path.name in seen:
                continue
            seen.add(path.name)
            bold = path.with_name(path.name.replace("-Regular.", "-Bold."))
            bold = bold if bold.exists() else None
            if path.suffix == ".ttc":
                with TTCollection(path, lazy=True) as collection:
                    names = [f["name"].getDebugName(1) or "" for f in collection.fonts]
                for number, name in enumerate(names):
                    if "Mono" not in name:
                        faces.append(Face(name.replace(" ", ""), path, bold, number, _cmap(path, number)))
            else:
                faces.append(Face(path.stem.removesuffix("-Regular"), path, bold, 0, _cmap(path)))
    return tuple(faces)


def _region(face: Face, text: str) -> int:
    """A CJK face's rank for this text: Korean for Hangul, Japanese for kana, else Chinese."""
    wanted = [region for script, region in CJK_PREFERRED.items() if script.search(text)]
    regions = wanted + [r for r in CJK_REGIONS if r not in wanted]
    return next((i for i, r in enumerate(regions) if face.name.endswith(r)), len(regions))


def faces_for(text: str) -> list[Face]:
    """DejaVu, then the fewest Noto faces (in the order the text needs them) that draw what it lacks."""
    faces = [dejavu()]
    lacking = [c for c in dict.fromkeys(text) if ord(c) not in faces[0].covers and c.isprintable()]
    if not lacking:
        return faces
    candidates = sorted(_noto(), key=lambda f: _region(f, text))
    for c in lacking:
        if any(ord(c) in f.covers for f in faces):
            continue
        found = next((f for f in candidates if ord(c) in f.covers), None)
        if found:
            faces.append(found)
    return faces


def drawable(text: str, faces: Iterable[Face]) -> str:
    """`text` with each character none of `faces` draws written as its code point."""
    covered = [f.covers for f in faces]
    return "".join(c if not c.isprintable() or c == " " or any(ord(c) in f for f in covered)
                   else f"[U+{ord(c):04X}]" for c in text)


def runs(text: str, faces: list[Face]) -> list[tuple[str, Face]]:
    """`text` cut where the font that draws it changes (for Pillow, which has no fallback):
    spaces, digits and punctuation stay with the run they are in when its font has them."""
    out: list[tuple[str, Face]] = []
    for c in text:
        current = out[-1][1] if out else None
        if current is not None and ord(c) in current.covers:
            out[-1] = (out[-1][0] + c, current)
            continue
        face = next((f for f in faces if ord(c) in f.covers), faces[0])
        out.append((c, face))
    spaced = []  # a run's last spaces drawn apart: at the end of a right-to-left run they would be
    for run, face in out:  # drawn at its left, and the gap before the next run lost
        body = run.rstrip(" ")
        if body:
            spaced.append((body, face))
        if len(body) < len(run):
            spaced.append((run[len(body):], faces[0]))
    return spaced


def needs_shaping(text: str) -> bool:
    """Letters that join or reorder (Hebrew and Arabic onwards: RTL, Indic, Thai, Myanmar...)."""
    return any(ord(c) >= 0x0590 for c in text)
