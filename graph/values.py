"""Plain values from driver results and from the command line.

Output formats (JSON, CSV, tables) need Neo4j's nodes, relationships, paths
and temporal values as plain data; `--param key=value` needs text turned
into the value a user meant; text meant for people needs the characters that
act rather than show written as escapes (`shown`).
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any, Callable

# Characters that act rather than show: C0 controls but tab and newline (and a carriage return
# before a newline), DEL, C1 controls (U+009B is a terminal's CSI), and the bidirectional
# embeddings, overrides and isolates that reorder what is read. The terminal shows them as
# escapes (chainwatch/output.py), so do reports (graph/report.py) and Markdown (graph/markdown.py);
# validation warns of them (ingest/validate.py).
HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")


def shown(text: str) -> str:
    """`text` as a terminal or a report may show it: each HIDDEN character as its Python
    escape (`\\x1b`, `\\u202e`), visible rather than obeyed."""
    if text.isprintable():  # most text: no control or format character at all
        return text
    return HIDDEN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def each_string(change: Callable[[str], str], value: Any) -> Any:
    """`value` with `change` applied to every string inside it (dicts, lists, keys too)."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {each_string(change, k): each_string(change, v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(each_string(change, v) for v in value)
    return value


def plain(value: Any) -> Any:
    """A JSON-ready form of any value the driver returns."""
    if "neo4j" not in sys.modules:
        # No driver value can exist before the driver is imported; importing it here would
        # cost every command that never reaches a server a quarter of a second.
        return _plain_python(value)
    import neo4j.graph
    import neo4j.time

    if isinstance(value, neo4j.graph.Node):
        return {"id": value.get("id"), "labels": sorted(value.labels),
                "properties": plain(dict(value))}
    if isinstance(value, neo4j.graph.Relationship):
        return {"id": value.get("id"), "type": value.type,
                "start": value.start_node.get("id") if value.start_node else None,
                "end": value.end_node.get("id") if value.end_node else None,
                "properties": plain(dict(value))}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time,
                          neo4j.time.Duration)):
        return value.iso_format()
    return _plain_python(value)


def _plain_python(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def json_lines(text: str) -> list[tuple[int, str]]:
    """The lines of a JSON-lines text that hold something, each with its number, split at
    newlines only: `str.splitlines` also splits at U+2028, U+0085 and others, which JSON leaves
    raw inside a string (a name pasted from a web page), so a dump or an FtM file with one
    would not read back."""
    return [(n, line.removesuffix("\r")) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]


def cell_text(value: Any) -> str:
    """One line of text for a table or CSV cell."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return ";".join(str(v) for v in value)  # to read; dataset files escape a ; inside a value (graph/cells.py)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def parse_param(text: str) -> tuple[str, Any]:
    """`key=value`: numbers, booleans, null, lists and maps are read as JSON;
    anything else (names, ids, dates) is a string."""
    key, sep, raw = text.partition("=")
    if not sep or not key.strip():
        raise ValueError(f"--param '{text}' must look like key=value")
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    return key.strip(), value
