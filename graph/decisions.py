"""Identity decisions an investigator makes: `merge` two ids into one record,
judge two ids `distinct`, `unmerge` to undo a merge exactly.

A merge keeps every claim, alias and fact with its provenance: the claims and
facts of the record taken in attach to the record kept, and each remembers the
id it came with (a record claim's id, a fact claim's subject and object). That
is what an unmerge reads to give everything back, so that the dump after an
unmerge equals the dump before the merge. Decisions are Decision nodes: dumped,
restored, and applied at every load (graph/identity.py).
"""

from __future__ import annotations

import datetime as dt

from graph import claims, querylib
from graph.db import Graph
from graph.identity import Identity
from graph.vocabulary import load as load_vocabulary


class DecisionError(Exception):
    """A decision that cannot be made as asked; the message says why and what to do."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def merge(graph: Graph, keep: str, take: str, note: str | None = None) -> dict:
    """Make `take` part of `keep`: one record, every claim and fact kept with its provenance.
    Protection is kept: the record is protected while any of its claims protects."""
    ident = Identity.of(graph)
    keep, take = ident.canonical(keep), ident.canonical(take)
    if keep == take:
        raise DecisionError(f"'{keep}' and '{take}' are already one record")
    if judged := ident.judged_distinct(keep, take):
        raise DecisionError(f"'{keep}' and '{take}' were judged distinct; if that was wrong, undo it "
                            f"with `chainwatch unmerge '{judged}'` first")
    records = {r["id"]: r for r in graph.read("decisions/records", ids=[keep, take])}
    for node_id in (keep, take):
        if not records[node_id]["exists"]:
            raise DecisionError(f"no record '{node_id}' is in the graph; `chainwatch search` finds ids by name")
        if not records[node_id]["claims"]:
            raise DecisionError(f"no dataset describes '{node_id}' any more (only another dataset's fact "
                                "links to it), so there is nothing to merge")
    if set(records[keep]["labels"]) != set(records[take]["labels"]):
        raise DecisionError(f"'{keep}' is a {'/'.join(records[keep]['labels'])} and '{take}' a "
                            f"{'/'.join(records[take]['labels'])}: only records of one kind can be one actor")

    def work(tx):
        decision = tx.run(_text("decisions/merge"), canonical=keep, merged=take,
                          decided=_now(), note=note).single()["decision"]
        claims.derive_records(tx, [keep])
        return decision
    with graph.session() as session:
        return {"decision": session.execute_write(work), "canonical": keep, "merged": take}


def unmerge(graph: Graph, decision: str) -> dict:
    """Undo a decision: a merge (by the merged id or `merge:<id>`) gives the id its record
    back exactly; a distinct decision (`distinct:<a>|<b>`) is deleted."""
    if decision.startswith("distinct:"):
        if not graph.write("decisions/undo", id=decision)[0]["deleted"]:
            raise DecisionError(f"no decision '{decision}'; `chainwatch resolve --decided` lists them")
        return {"decision": decision}
    merged = decision.removeprefix("merge:")
    ident = Identity.of(graph)
    if merged not in ident.merged_into:
        raise DecisionError(f"no merge took in '{merged}'; `chainwatch resolve --decided` lists the decisions")
    final, members = ident.canonical(merged), ident.members(merged)
    if not graph.read("decisions/records", ids=[final])[0]["exists"]:
        # Every dataset that described the record was removed: no record, claim or fact is left
        # to give back, but the decision would still send what later loads say of the id there.
        graph.write("decisions/undo", id=f"merge:{merged}")
        return {"decision": f"merge:{merged}", "record": None, "from": final}
    found = graph.read("decisions/labels", final=final, members=members)[0]["labels"]
    vocab = load_vocabulary()
    labels = vocab.labels[found[0]].labels if found else []

    def work(tx):
        tx.run(_text("decisions/unmerge"), final=final, merged=merged, members=members, labels=labels).consume()
        claims.derive_records(tx, [final, merged])
    with graph.session() as session:
        session.execute_write(work)
    return {"decision": f"merge:{merged}", "record": merged, "from": final}


def distinct(graph: Graph, a: str, b: str, note: str | None = None) -> dict:
    """Record that two ids are different actors: `resolve` never proposes them again."""
    ident = Identity.of(graph)
    if ident.canonical(a) == ident.canonical(b):
        raise DecisionError(f"'{a}' and '{b}' are one record by a merge; unmerge it first "
                            f"(`chainwatch unmerge {b if b in ident.merged_into else a}`)")
    known = {r["id"]: r["exists"] for r in graph.read("decisions/records", ids=[ident.canonical(a), ident.canonical(b)])}
    for node_id in (a, b):
        if not known[ident.canonical(node_id)]:
            raise DecisionError(f"no record '{node_id}' is in the graph; `chainwatch search` finds ids by name")
    a, b = sorted((a, b))
    row = graph.write("decisions/distinct", a=a, b=b, decided=_now(), note=note)[0]
    return {"decision": row["decision"], "new": row["new"]}


def _text(name: str) -> str:
    return querylib.get(name).text
