"""Search by name in any script: the words as typed (typo-tolerant) and their name keys
(graph/names.py), so `Кийсымбаев`, `Kiysymbayev` and `Kisymbaev` find one another.
The explorer's search box and `chainwatch search` both ask here."""

from __future__ import annotations

import re
import unicodedata

from graph import names, scripts
from graph.db import Graph
from graph.values import plain

# Chinese characters and hiragana, which the full-text analyzer (Unicode word boundaries) makes
# words of one character each.
ONE_CHARACTER_WORDS = re.compile(f"([{scripts.HAN}{scripts.HIRAGANA}])")


def words(text: str) -> list[str]:
    """A user's words as the full-text analyzer splits names, lower case: letters with their
    combining marks (a Devanagari vowel sign: not a word character to `re`, which cut राम into
    र and म) and digits, Arabic and Hebrew vowel points left out (names.POINTS); anything else
    separates them."""
    text = names.POINTS.sub("", text.lower())
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in text)
    return ONE_CHARACTER_WORDS.sub(r" \1 ", kept).split()


def queries(text: str) -> tuple[str, str]:
    """A user's words as two Lucene queries, one on names as written, one on name keys.
    Only letters, marks and digits get through, in lower case, so no Lucene syntax can (not
    even AND, OR, NOT and TO, which are operators in capitals). A word of one or two characters
    is matched as it is: fuzzy, it would match every short word."""
    found = words(text)
    keys = [k for w in found for k in names.name_key(w) if k]
    return (" AND ".join(w if len(w) <= 2 else f"{w}~" for w in found),
            " AND ".join(f"{k}~1" for k in keys) or "_")


def search(graph: Graph, text: str, limit: int = 40) -> list[dict]:
    """Records whose name, title or aliases match every word of `text`, best first."""
    if not words(text):
        return []
    on_names, on_keys = queries(text)
    return [plain(r) for r in graph.read("explorer/search", q=on_names, keys=on_keys, limit=limit)]
