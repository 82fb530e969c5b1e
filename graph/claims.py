"""Claims: each dataset's word on a node or relationship, kept apart, and the
values users see derived from them in one place (cypher/claims/derive_*.cypher).

A load writes its claims and derives what they touch in the same transaction;
a withdrawal (`chainwatch remove`, `ingest --replace`) deletes claims in
batches and derives their targets again in the same transaction, so an
interrupted withdrawal is finished by running it again. The policy itself is
in docs/decisions.md.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from typing import Callable, Collection, Container

from graph import config, querylib
from graph.db import Graph
from graph.identity import Identity
from graph.vocabulary import load as load_vocabulary
from graph.writes import write_batches

# Called as progress(step_name, rows_done_now, rows_total_for_step); total 0 when unknown.
Progress = Callable[[str, int, int], None]


def derive_nodes(targets: list[dict]) -> tuple[str, dict]:
    return "claims/derive_nodes", {"ids": [t["id"] for t in targets],
                                   "claim_keys": list(load_vocabulary().claim_keys)}


def derive_relations(targets: list[dict]) -> tuple[str, dict]:
    return "claims/derive_relations", {
        "rels": [{k: t[k] for k in ("id", "type", "subject", "object")} for t in targets],
        "claim_keys": list(load_vocabulary().claim_keys)}


def _derive_shared(derive: Callable[[list[dict]], tuple[str, dict]]):
    """After a put, derive again only what other datasets claim too (the put itself gives a
    record this dataset alone claims its values: most records of most loads)."""
    def follow(_batch: list[dict], returned: list[dict]):
        shared = returned[0]["shared"]
        return derive(shared) if shared else None
    return follow


def put(graph: Graph, nodes: Collection[dict], relations: Collection[dict], *, dataset: str,
        priority: int, run: str, now, batch_size: int | None = None,
        progress: Progress | None = None) -> Counter:
    """Write a dataset's claims (nodes first, then relationships) and derive what they touch."""
    def step(name: str, rows: Collection[dict]):
        return (lambda n: progress(name, n, len(rows))) if progress else None

    params = {"dataset": dataset, "priority": priority, "run": run, "now": now}
    totals = write_batches(graph, "claims/put_nodes", nodes, then=_derive_shared(derive_nodes),
                           batch_size=batch_size, on_batch=step("writing records", nodes), **params)
    totals += write_batches(graph, "claims/put_relations", relations, then=_derive_shared(derive_relations),
                            batch_size=batch_size, on_batch=step("writing relations", relations), **params)
    return totals


def withdraw(graph: Graph, dataset: str, *, keep_run: str | None = None,
             batch_size: int | None = None, progress: Progress | None = None) -> dict[str, int]:
    """Take out a dataset's claims (all of them, or those `keep_run` did not write):
    relationship claims first, so a node's last fact is gone before the node is judged."""
    batch_size = batch_size or config.batch_size()
    withdraw_text = querylib.get("claims/withdraw").text
    ident = Identity.of(graph)  # a fact's claim says its ends as the dataset did; merges may have moved them
    totals: Counter = Counter()

    def work(tx, relations: bool) -> Counter:
        targets = [r["target"] for r in tx.run(withdraw_text, dataset=dataset, relations=relations,
                                                keep_run=keep_run, limit=batch_size)]
        if not targets:
            return Counter()
        if relations:
            targets = [{**t, "subject": ident.canonical(t["subject"]), "object": ident.canonical(t["object"])}
                       for t in targets]
        follow, params = (derive_relations if relations else derive_nodes)(targets)
        derived = tx.run(querylib.get(follow).text, params).single()
        return Counter({"claims_withdrawn": len(targets),
                        "relations_deleted": derived["relations_deleted"],
                        "nodes_deleted": derived["nodes_deleted"]})

    with graph.session() as session:
        for relations in (True, False):
            while done := session.execute_write(work, relations):
                totals += done
                if progress:
                    progress("withdrawing " + ("relations" if relations else "records"),
                             done["claims_withdrawn"], 0)
    totals["nodes_deleted"] += graph.write("claims/orphan_sources")[0]["deleted"]
    if keep_run is None:
        totals["datasets_deleted"] = graph.write("claims/drop_dataset", dataset=dataset)[0]["deleted"]
    return dict(totals)


def disagreements(rows: list[dict]) -> list[dict]:
    """Where datasets disagree on one record or its facts: for every value two claims give
    differently, what each dataset says and cites (rows of the library's who_said_what).
    Lists (aliases, sources) are unions, not disagreements; the bookkeeping is left out."""
    hidden = set(load_vocabulary().claim_keys) | {"sources", "aliases"}
    by_target: dict[tuple[bool, str], list[dict]] = {}
    for row in rows:
        claim = row["claim"]
        by_target.setdefault((claim.get("relation") is not None, claim["target"]), []).append(row)
    found = []
    for claims in by_target.values():
        about = "this record" if claims[0]["about"] == "record" else claims[0]["about"]
        keys = sorted({k for c in claims for k in c["claim"]} - hidden)
        for key in keys:
            values = [c["claim"].get(key) for c in claims]
            if len({repr(v) for v in values if v is not None}) > 1:
                found += [{"about": about, "field": key, "dataset": c["dataset"], "says": v,
                           "citing": c["claim"].get("sources") or []}
                          for c, v in zip(claims, values) if v is not None]
    return found


class UnknownDataset(Exception):
    pass


def remove(graph: Graph, dataset: str, *, unprotect: bool = False, batch_size: int | None = None,
           progress: Progress | None = None) -> dict[str, int]:
    """`chainwatch remove`: withdraw every claim of a dataset, recorded as a run of its own.
    Running it again after an interruption finishes it."""
    batch_size = batch_size or config.batch_size()
    if not graph.read("claims/dataset_exists", dataset=dataset)[0]["exists"]:
        raise UnknownDataset(f"no dataset named '{dataset}' is in the graph; "
                             "`chainwatch stats` lists the datasets loaded")
    lifted = protection_lifted(graph, dataset)
    if lifted and not unprotect:
        raise ProtectionLifted(dataset, lifted)
    run = f"run:{uuid.uuid4()}"
    graph.write("ingest/run_begin", dataset=dataset, metadata={},
                run={"id": run, "started": dt.datetime.now(dt.timezone.utc), "mode": "remove",
                     "path": "", "files": "{}"})
    done = withdraw(graph, dataset, batch_size=batch_size, progress=progress)
    graph.write("ingest/run_end", run_id=run, finished=dt.datetime.now(dt.timezone.utc).isoformat(),
                counts={f"withdrawn_{k}": v for k, v in done.items()})
    return done


class ProtectionLifted(Exception):
    """Raised before anything is written when a load or removal would make public someone
    only this dataset protects; the caller repeats it with `unprotect` to mean it."""

    def __init__(self, dataset: str, ids: list[str]):
        self.dataset, self.ids = dataset, ids
        shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
        super().__init__(f"only dataset '{dataset}' protects {len(ids)} record(s) ({shown}); "
                         "this would make them public. Nothing was written. If that is meant, "
                         "run it again with --unprotect")


def protection_lifted(graph: Graph, dataset: str, named: Container[str] = (),
                      protected: Container[str] = (), *, replace: bool = True) -> list[str]:
    """Ids only this dataset protects that would become public: those its new rows name
    (`named`) without protecting them (`protected`), and, when its other claims are
    withdrawn (a removal, or `replace`), those another dataset names without protecting."""
    lifted = []
    for r in graph.read("claims/protecting", dataset=dataset):
        if r["also_protected"]:
            continue
        if r["id"] in named:
            if r["id"] not in protected:
                lifted.append(r["id"])
        elif replace and r["named_elsewhere"]:
            lifted.append(r["id"])
    return sorted(lifted)
