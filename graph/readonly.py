"""What a read-only query may do, judged by the server's own plan.

A read transaction stops writes, but not everything a read can do: LOAD CSV
reads files and fetches URLs, TERMINATE TRANSACTIONS kills other users' work,
SHOW TRANSACTIONS and SHOW SETTINGS reveal other sessions and the server's
paths, and DBMS procedures run outside the graph. So before a user's query
runs read-only, the server is asked to EXPLAIN it: its query type must be
"r" (read) and its plan must use none of the operators below. Nothing is
judged by reading the text with a regular expression.
"""

from __future__ import annotations

from typing import Iterator

# Plan operators that read, but reach outside the graph or into other sessions.
REFUSED_OPERATORS = {
    "LoadCSV": "LOAD CSV reads files and fetches URLs",
    "AdministrationCommand": "administration commands manage users and databases",
}
REFUSED_PREFIXES = {
    "Terminate": "TERMINATE stops other users' transactions",
    "Show": "SHOW commands other than indexes, constraints, procedures and functions "
            "reveal other sessions and the server's settings",
}
ALLOWED_SHOW = {"ShowIndexes", "ShowConstraints", "ShowProcedures", "ShowFunctions"}


class Refused(Exception):
    """The query may not run read-only; the message says why and what to do."""


def _operators(plan: dict) -> Iterator[str]:
    """Every operator of a plan as the driver returns it (nested dicts), without its `@runtime`."""
    stack = [plan]
    while stack:
        p = stack.pop()
        yield p.get("operatorType", "").split("@")[0]
        stack.extend(p.get("children", []))


def check(tx, text: str, params: dict) -> None:
    """Raise Refused unless the server plans `text` as a pure read of the graph."""
    summary = tx.run("EXPLAIN " + text, params).consume()
    if summary.query_type != "r":
        raise Refused("this query writes to the graph, changes the schema or runs an "
                      "administration procedure, and queries run read-only by default; add "
                      "--write if you mean to change the data (nothing was changed)")
    for op in _operators(summary.plan) if summary.plan else ():
        if op in REFUSED_OPERATORS:
            raise Refused(f"refused in read-only mode: {REFUSED_OPERATORS[op]} (nothing was run)")
        for prefix, why in REFUSED_PREFIXES.items():
            if op.startswith(prefix) and op not in ALLOWED_SHOW:
                raise Refused(f"refused in read-only mode: {why} (nothing was run)")
