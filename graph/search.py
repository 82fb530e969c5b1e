"""Search by name in any script: the words as typed (typo-tolerant) and their name keys
(graph/names.py), so `Кийсымбаев`, `Kiysymbayev` and `Kisymbaev` find one another.
The explorer's search box and `chainwatch search` both ask here."""

from __future__ import annotations

import re

from graph import names
from graph.db import Graph
from graph.values import plain

WORD = re.compile(r"\w+", re.UNICODE)  # words as the full-text analyzer splits them


def queries(text: str) -> tuple[str, str]:
    """A user's words as two Lucene queries, one on names as written, one on name keys.
    Only letters and digits get through, so no Lucene syntax can."""
    words = WORD.findall(text)
    keys = [k for w in words for k in names.name_key(w) if k]
    return (" AND ".join(f"{w}~" for w in words),
            " AND ".join(f"{k}~1" for k in keys) or "_")


def search(graph: Graph, text: str, limit: int = 40) -> list[dict]:
    """Records whose name, title or aliases match every word of `text`, best first."""
    if not WORD.search(text):
        return []
    on_names, on_keys = queries(text)
    return [plain(r) for r in graph.read("explorer/search", q=on_names, keys=on_keys, limit=limit)]
