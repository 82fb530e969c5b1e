"""Claims: each dataset's word on a node or relationship, kept apart, and the
values users see derived from them by the one policy (graph/derivation.py).

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
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Collection, Container

from graph import config, derivation, querylib, writes
from graph.db import Graph
from graph.identity import Identity
from graph.vocabulary import IDENTIFIER, load as load_vocabulary
from graph.writes import Work, write_batches

# Called as progress(step_name, rows_done_now, rows_total_for_step); total 0 when unknown.
Progress = Callable[[str, int, int], None]


def _unique(items) -> list:
    return list(dict.fromkeys(items))


@lru_cache(maxsize=None)
def templated(name: str, props: tuple[str, ...]) -> str:
    """Statement `name` with the keys of a batch's values named in its template (`/*props*/`,
    claims/create_facts: the planner sees what it writes, so its plan holds no Eager operator):
    identifiers only, a row with another key goes through `_settle_facts`."""
    if not all(map(IDENTIFIER.match, props)):
        raise ValueError(f"not identifiers: {props}")
    return querylib.get(name).text.replace("/*props*/", "".join(f"{k}: $rows[i].props.{k}, " for k in props))


def _create_facts(tx, rows: list[dict], params: dict) -> Counter:
    """Create facts the graph does not hold, each with its one claim."""
    text = templated("claims/create_facts", tuple(sorted({k for r in rows for k in r["props"]})))
    made = tx.run(text, rows=rows, sources=[_unique(r["sources"]) for r in rows], **params).single()
    return Counter(made.data())


def sole_record(row: dict, dataset: str) -> dict:
    """The values of a record one dataset alone claims: its one claim's, by the policy."""
    return derivation.add_to_record({}, record_said(row, dataset) | {"dataset": dataset})


def sole_fact(row: dict, dataset: str) -> dict:
    """The values of a fact one dataset alone claims."""
    return derivation.add_to_fact({}, fact_said(row, dataset) | {"dataset": dataset})


def record_said(row: dict, dataset: str) -> dict:
    """A dataset's claim on a record, whole: its keys and every value the row gives."""
    return row["props"] | record_claim(row, dataset)


def fact_said(row: dict, dataset: str) -> dict:
    """A dataset's claim on a fact, whole."""
    return row["props"] | fact_claim(row, dataset)


def _set_again(said: dict) -> dict:
    """A claim set again keeps its id."""
    return {k: v for k, v in said.items() if k != "id"}


def record_claim(row: dict, dataset: str) -> dict:
    """A record's claim, but the values it gives (and the dataset's priority, run and time)."""
    return {"id": f"{dataset}|{row['id']}", "target": row["node"], "label": row["label"],
            "sources": row["sources"], "name_keys": row["name_keys"]}


def fact_claim(row: dict, dataset: str) -> dict:
    """A fact's claim, but the values it gives (and the dataset's priority, run and time)."""
    return {"id": f"{dataset}|{row['id']}|{row['type']}", "target": row["id"], "relation": row["type"],
            "subject": row["subject"], "object": row["object"], "sources": row["sources"]}


def _create_records(tx, rows: list[dict], params: dict) -> Counter:
    """Create records the graph does not hold, each with its one claim, linked to its sources."""
    dataset = params["dataset"]
    records = []
    for r in rows:  # the values go in as the row's props, the rest as the record's
        sole = sole_record(r, dataset)
        records.append({"id": r["node"], **{k: sole[k] for k in ("aliases", "sources", "name_keys", "datasets")}})
    _, done = writes.run(tx, "claims/create_records", {
        "props": [r["props"] for r in rows], "records": records, "labels": [r["labels"] for r in rows],
        "claims": [record_claim(r, dataset) for r in rows], **params})
    if links := [{"source": s, "node": made["id"]} for made in records for s in made["sources"]]:
        writes.run(tx, "claims/link_sources", {"links": links})
    return done


def _changed(current: dict, after: dict) -> dict:
    """What a record or fact is set to: each value the derivation changes, null for one no
    claim gives any more (which removes it), under any key; its id stays."""
    return {k: after.get(k) for k in {*current, *after} - {"id"} if after.get(k) != current.get(k)}


def _write_known(tx, name: str, found: list[dict], after: list[dict], said: list[dict], params: dict) -> Counter:
    """Write claims (`said`) on records or facts the graph holds (`found` by claims/unchanged_*:
    what each holds, its element id and, for a changed claim, the claim's), leaving them
    `after` (claims/<name>)."""
    given = {"elements": [f["element"] for f in found], "said": said,
             "values": [_changed(f["values"], a) for f, a in zip(found, after)]}
    if found[0]["claim"] is not None:  # a changed claim (replace_*), not a new one (append_*)
        given["claims"] = [f["claim"] for f in found]
    return writes.run(tx, f"claims/{name}", given | params)[1]


def _relink(tx, nodes: list[str], current: list[dict], after: list[dict]) -> None:
    """Link records to the sources they cite now and did not, unlink them from those they no
    longer cite (a MENTIONS link exists exactly for each source a record cites)."""
    def changes(new: list, old: list) -> list[dict]:
        return [{"source": s, "node": node} for node, n, o in zip(nodes, new, old) for s in n if s not in o]
    cited = [a.get("sources") or [] for a in after]
    had = [now.get("sources") or [] for now in current]
    if links := changes(cited, had):
        writes.run(tx, "claims/link_sources", {"links": links})
    if gone := changes(had, cited):
        found, _ = writes.run(tx, "claims/mentions", {"links": gone})
        writes.run(tx, "claims/unlink_sources", {"elements": [m["element"] for m in found]})


def _append_records(tx, rows: list[dict], found: list[dict], params: dict) -> Counter:
    """Add to records a new claim each that ranks after every other: the policy adds it to
    what each record holds, without reading the other claims."""
    dataset = params["dataset"]
    said = [record_said(r, dataset) for r in rows]
    current = [f["values"] for f in found]
    after = [derivation.add_to_record(now, c | {"dataset": dataset}) for now, c in zip(current, said)]
    done = _write_known(tx, "append_records", found, after, said, params)
    _relink(tx, [r["node"] for r in rows], current, after)
    return done


def _replace_records(tx, rows: list[dict], found: list[dict], params: dict) -> Counter:
    """Set again the changed claims on records no other dataset claims, and their values."""
    dataset = params["dataset"]
    after = [sole_record(r, dataset) for r in rows]
    said = [_set_again(record_said(r, dataset)) for r in rows]
    done = _write_known(tx, "replace_records", found, after, said, params)
    _relink(tx, [r["node"] for r in rows], [f["values"] for f in found], after)
    return done


def _fact_ends(rows: list[dict], subject: str = "subject", obj: str = "object") -> dict:
    """How statements find facts: by id and type between the records at their ends now."""
    return {"ids": [r["id"] for r in rows], "types": [r["type"] for r in rows],
            "ends": [[r[subject], r[obj]] for r in rows]}


def _append_facts(tx, rows: list[dict], found: list[dict], params: dict) -> Counter:
    """Add to facts a new claim each that ranks after every other."""
    dataset = params["dataset"]
    said = [fact_said(r, dataset) for r in rows]
    return _write_known(tx, "append_facts", found, [derivation.add_to_fact(f["values"], c | {"dataset": dataset})
                                                    for f, c in zip(found, said)], said, params)


def _replace_facts(tx, rows: list[dict], found: list[dict], params: dict) -> Counter:
    """Set again the changed claims on facts no other dataset claims, and their values."""
    dataset = params["dataset"]
    said = [_set_again(fact_said(r, dataset)) for r in rows]
    return _write_known(tx, "replace_facts", found, [sole_fact(r, dataset) for r in rows], said, params)


def _write_claims(tx, found: list[dict], said: list[dict], params: dict) -> Counter:
    """Set again the claims the graph holds (`found` with the element id of each, or None),
    create the others."""
    known = [(f["claim"], s) for f, s in zip(found, said) if f["claim"] is not None]
    done = Counter()
    if known:
        elements, given = zip(*known)
        done += writes.run(tx, "claims/set_claims", {"elements": list(elements), "said": list(given), **params})[1]
    if new := [s for f, s in zip(found, said) if f["claim"] is None]:
        done += writes.run(tx, "claims/add_claims", {"said": new, **params})[1]
    return done


def _settle_records(tx, rows: list[dict], found: list[dict], params: dict, made: set[str]) -> Counter:
    """The rows no cheaper statement takes (a claim that protects, one ranked before others,
    one a merge took in, a record whose labels or claim were taken off by hand): each record
    made if the graph lacks it (and this batch did not make it: `made`, the ids of those it
    created) or given the labels it lacks, each claim written whole, and the records derived
    again from every claim on them."""
    dataset = params["dataset"]
    done = Counter()
    missing: dict[str, set] = {}
    for r, f in zip(rows, found):
        if f["element"] is None and r["node"] not in made:
            missing.setdefault(r["node"], set()).update(r["labels"])
    if missing:
        done += writes.run(tx, "claims/add_records", {"ids": list(missing),
                                                      "labels": [sorted(v) for v in missing.values()]})[1]
    if lacking := {f["element"]: f["lacks"] for f in found if f["element"] is not None and f["lacks"]}:
        writes.run(tx, "claims/label_records", {"elements": list(lacking), "labels": list(lacking.values())})
    done += _write_claims(tx, found, [record_said(r, dataset) for r in rows], params)
    return done + derive_records(tx, [r["node"] for r in rows])


def _settle_facts(tx, rows: list[dict], found: list[dict], params: dict, made: set[str]) -> Counter:
    """The facts no cheaper statement takes (a claim ranked before others, a changed claim on
    what others claim too, keys claims/create_facts cannot name, a fact deleted by hand): each
    fact made if the graph lacks it, each claim written whole, and the facts derived again from
    every claim on them."""
    dataset = params["dataset"]
    done = Counter()
    if missing := list({_RELATIONS.key(r): r for r, f in zip(rows, found)
                        if f["element"] is None and _RELATIONS.key(r) not in made}.values()):
        done += writes.run(tx, "claims/add_facts", _fact_ends(missing, "subject_node", "object_node"))[1]
    done += _write_claims(tx, found, [fact_said(r, dataset) for r in rows], params)
    return done + derive_facts(tx, [{"id": r["id"], "type": r["type"], "subject": r["subject_node"],
                                     "object": r["object_node"]} for r in rows])


def derive_records(tx, ids: Collection[str]) -> Counter:
    """Derive records again from every claim on them (what a put could not derive as it wrote,
    a withdrawal, a merge), and delete those no claim and no fact holds any more."""
    found, _ = writes.run(tx, "claims/of_records", {"ids": _unique(ids)})
    if not found:
        return Counter()
    current = [f["values"] for f in found]
    after = [derivation.record(f["claims"]) for f in found]
    nodes = [f["id"] for f in found]
    done = writes.run(tx, "claims/derive_records", {"elements": [f["element"] for f in found],
                                                    "values": list(map(_changed, current, after))})[1]
    _relink(tx, nodes, current, after)
    if unclaimed := [f["id"] for f in found if not f["claims"]]:
        done += _drop_unclaimed_records(tx, unclaimed)
    return done


def _drop_unclaimed_records(tx, ids: list[str]) -> Counter:
    """Delete the records of `ids` that no claim and no fact holds any more."""
    found, _ = writes.run(tx, "claims/unclaimed_records", {"ids": ids})
    return writes.run(tx, "claims/drop_records", {"elements": [n["element"] for n in found]})[1] if found else Counter()


def derive_facts(tx, facts: list[dict]) -> Counter:
    """Derive facts ({id, type, subject, object}, the ends as they are now) again from every
    claim on them; delete those no claim holds any more, and an end they leave with neither
    claims nor facts."""
    facts = list({f["id"]: f for f in facts}.values())
    found, _ = writes.run(tx, "claims/of_facts", _fact_ends(facts))
    claimed = [f for f in found if f["claims"]]
    done = Counter()
    if claimed:
        done += writes.run(tx, "claims/derive_facts", {
            "elements": [f["element"] for f in claimed],
            "values": [_changed(f["values"], derivation.fact(f["claims"])) for f in claimed]})[1]
    if unclaimed := [f for f in found if not f["claims"]]:
        done += writes.run(tx, "claims/drop_facts", {"elements": [f["element"] for f in unclaimed]})[1]
        done += _drop_unclaimed_records(tx, _unique(facts[f["i"]][end] for f in unclaimed for end in ("subject", "object")))
    return done


# Given ids, whether each is one the dataset defines that the graph did not hold before this
# load (validation asked the graph about every id the dataset defines: ingest/validate.py).
NewToGraph = Callable[[list[str]], list[bool]]


@dataclass(frozen=True)
class _Kind:
    """What differs between records and facts on their way in (statements claims/<step>_<name>)."""
    name: str  # nodes, relations
    found_by: tuple[str, ...]  # the fields of a row that find it in the graph (claims/unchanged_<name>)
    key: Callable[[dict], str]  # how claims/unchanged_<name> names a row
    # what a row's work derives (a record a merge took its id into: the merged one), so rows
    # deriving the same thing are written by one session, one after the other (graph/writes.py)
    part: Callable[[dict], str]
    creatable: Callable[[dict], bool]  # whether create can take the row, when the graph lacks it
    create: Callable[[Any, list[dict], dict], Counter]
    # whether append can take the row, when its new claim ranks after every other
    appendable: Callable[[dict, dict], bool]
    append: Callable[[Any, list[dict], list[dict], dict], Counter]
    # whether replace can take the row, when its changed claim is the only one
    replaceable: Callable[[dict, dict], bool]
    replace: Callable[[Any, list[dict], list[dict], dict], Counter]
    # the rest: each made if missing (and not made by create in the same batch: the keys of
    # what it made), its claim written whole, derived again from every claim
    settle: Callable[[Any, list[dict], list[dict], dict, set[str]], Counter]
    # Which rows of a batch the graph cannot hold, without asking it: a record it did not hold
    # before this load and no other row can have made (`put`), a fact with such a record at one
    # end (as said: a merge may have moved it).
    surely_new: Callable[[list[dict], NewToGraph], list[bool]]


def _records_surely_new(rows: list[dict], new_to_graph: NewToGraph) -> list[bool]:
    return new_to_graph([r["id"] for r in rows])


def _facts_surely_new(rows: list[dict], new_to_graph: NewToGraph) -> list[bool]:
    ends = new_to_graph([r[end] for r in rows for end in ("subject", "object")])
    return [(ends[2 * k] and r["subject"] == r["subject_node"]) or (ends[2 * k + 1] and r["object"] == r["object_node"])
            for k, r in enumerate(rows)]


def _named(row: dict) -> bool:
    """Whether a row's keys can be named in claims/create_facts (`templated`)."""
    return all(map(IDENTIFIER.match, row["props"]))


def _any(_row: dict, _found: dict) -> bool:
    """A fact: any claim can be added or set again (its values go as a map, under any key)."""
    return True


def _adds_to_record(row: dict, _found: dict) -> bool:
    """A claim that protects no one and is about the record it names (no merge took its id in)."""
    props = row["props"]
    return row["id"] == row["node"] and not props.get("protected") and props.get("pseudonym") is None


def _fact_key(row: dict) -> str:
    """A fact's id and type: how claims/unchanged_relations names it, and what its row derives."""
    return f"{row['id']}|{row['type']}"


def _keeps_labels(_row: dict, found: dict) -> bool:
    """A record that has its labels already (claims/replace_records sets none)."""
    return not found["lacks"]


# A record a merge took in is the merged record's: the derivation gives it merged_ids. A fact's
# keys are named in claims/create_facts: only identifiers can be.
_NODES = _Kind("nodes", ("id", "node", "labels"), lambda r: r["id"], lambda r: r["node"],
               lambda r: r["id"] == r["node"],
               _create_records, _adds_to_record, _append_records, _keeps_labels, _replace_records,
               _settle_records, _records_surely_new)
_RELATIONS = _Kind("relations", ("id", "type", "subject_node", "object_node"), _fact_key, _fact_key,
                   _named, _create_facts, _any, _append_facts, _any, _replace_facts,
                   _settle_facts, _facts_surely_new)


def _put(kind: _Kind, params: dict, new_to_graph: NewToGraph, claimed_before: bool) -> Work:
    """A batch of records or facts: those the graph has never seen are created outright (most
    rows of a first load), new claims that rank after every other are added to what the graph
    holds (most rows of a second dataset), and changed claims on what no other dataset claims
    are set again with its values (a corrected dataset); rows that say again what this
    dataset's claims say only touch the claims; the rest have their claims written whole and
    are derived again from every claim on them (`_settle_records`, `_settle_facts`). No
    statement's plan holds an Eager operator. Only the rows validation could not show to be new
    (and create take) are looked up in the graph, by the statement that touches the unchanged
    ones (claims/unchanged_<kind>), which returns the element ids the writes after find them
    by: given only the fields that find them when the dataset had no claim before this load
    (so none can be unchanged)."""
    def work(tx, batch: list[dict]) -> Counter:
        sure = [s and kind.creatable(r) for r, s in zip(batch, kind.surely_new(batch, new_to_graph))]
        done = Counter()
        unchanged = absent = set()
        held = {}
        if asked := [r for r, s in zip(batch, sure) if not s]:
            if not claimed_before:
                asked = [{f: r[f] for f in kind.found_by} for r in asked]
            (found,), counts = writes.run(tx, f"claims/unchanged_{kind.name}", {
                "rows": asked, "dataset": params["dataset"], "priority": params["priority"], "run": params["run"]})
            done += counts
            unchanged, absent = set(found["unchanged"]), set(found["absent"])
            held = {x["id"]: x for x in found["held"]}
        fresh, appended, replaced, rest = [], [], [], []
        for r, s in zip(batch, sure):
            key = kind.key(r)
            if s or (key in absent and kind.creatable(r)):
                fresh.append(r)
            elif key not in unchanged:
                h = held.get(key) or {"found": "absent", "element": None, "claim": None, "lacks": []}
                if h["found"] == "last" and kind.appendable(r, h):
                    appended.append((r, h))
                elif h["found"] == "sole" and kind.replaceable(r, h):
                    replaced.append((r, h))
                else:
                    rest.append((r, h))
        if fresh:
            done += kind.create(tx, fresh, params)
        # before the rest: a merged row there may derive the same record again
        for step, taken in ((kind.append, appended), (kind.replace, replaced)):
            if taken:
                done += step(tx, *map(list, zip(*taken)), params)
        if rest:
            done += kind.settle(tx, *map(list, zip(*rest)), params, set(map(kind.key, fresh)))
        return done
    return work


def put(graph: Graph, nodes: Collection[dict], relations: Collection[dict], *, dataset: str,
        priority: int, run: str, now, batch_size: int | None = None,
        new_to_graph: NewToGraph, progress: Progress | None = None) -> Counter:
    """Write a dataset's claims (nodes first, then relationships) and derive what they touch;
    `new_to_graph` says which of the dataset's ids the graph did not hold before the load."""
    def step(name: str, rows: Collection[dict]):
        return (lambda n: progress(name, n, len(rows))) if progress else None

    params = {"dataset": dataset, "priority": priority, "run": run, "now": now}
    claimed = graph.read("claims/dataset_held", dataset=dataset)[0]["claimed"]
    new = _made_only_by_itself(new_to_graph, Identity.of(graph))
    totals = write_batches(graph, nodes, _put(_NODES, params, new, claimed), batch_size=batch_size,
                           on_batch=step("writing records", nodes), part_of=_NODES.part, step_of=sources_first)
    totals += write_batches(graph, relations, _put(_RELATIONS, params, new, claimed), batch_size=batch_size,
                            on_batch=step("writing relations", relations), part_of=_RELATIONS.part)
    return totals


def sources_first(row: dict) -> int:
    """The step a record's row is written in: sources come first (ingest/validate.py), and are
    committed before the records that cite them, since claims/link_sources finds only what is
    committed."""
    return 0 if row["label"] == "Source" else 1


def _made_only_by_itself(new_to_graph: NewToGraph, ident: Identity) -> NewToGraph:
    """New to the graph, and not a record a merge kept: a row with an id merged into it makes
    that record too, maybe in an earlier batch of the same load (after the dataset left the
    graph and came back), so its own row must look for it rather than create it."""
    kept = {ident.canonical(merged) for merged in ident.merged_into}
    return lambda ids: [new and i not in kept for i, new in zip(ids, new_to_graph(ids))]


def withdraw(graph: Graph, dataset: str, *, keep_run: str | None = None,
             batch_size: int | None = None, progress: Progress | None = None) -> dict[str, int]:
    """Take out a dataset's claims (all of them, or those `keep_run` did not write):
    relationship claims first, so a node's last fact is gone before the node is judged."""
    batch_size = batch_size or config.batch_size()
    ident = Identity.of(graph)  # a fact's claim says its ends as the dataset did; merges may have moved them
    totals: Counter = Counter()

    def work(tx, relations: bool) -> Counter:
        found, _ = writes.run(tx, "claims/of_dataset", {"dataset": dataset, "relations": relations,
                                                        "keep_run": keep_run, "limit": batch_size})
        if not found:
            return Counter()
        writes.run(tx, "claims/drop_claims", {"elements": [c["element"] for c in found]})
        targets = [c["target"] for c in found]
        if relations:
            targets = [{**t, "subject": ident.canonical(t["subject"]), "object": ident.canonical(t["object"])}
                       for t in targets]
        derived = derive_facts(tx, targets) if relations else derive_records(tx, [t["id"] for t in targets])
        return Counter({"claims_withdrawn": len(targets), "relations_deleted": derived["relations_deleted"],
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
    if not any(graph.read("claims/dataset_held", dataset=dataset)[0].values()):
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
