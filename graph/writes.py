"""Batched writes: a cypher/ statement that UNWINDs `$rows`, run one batch per
managed write transaction (retried by the driver on transient errors).

Each batch commits on its own, so a load of any size keeps memory flat and an
interruption loses at most the batch in flight; statements are written to be
idempotent (MERGE by id) so running the same load again completes it. A
follow-up statement (`then`) runs in the same transaction as its batch: claims
are written and their targets derived together, never one without the other.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from typing import Callable, Iterable, Iterator

from graph import config, querylib
from graph.db import Graph

# Given a batch and what its statement returned, the follow-up statement's name and
# parameters, or None when there is nothing to follow up.
FollowUp = Callable[[list[dict], list[dict]], "tuple[str, dict] | None"]


def _numbers(records) -> Counter:
    """The numbers a statement returns (its own counts: records created, claims written...),
    rather than the server's counters, which cannot tell a data node from a claim."""
    return Counter({k: v for record in records for k, v in record.items()
                    if isinstance(v, int) and not isinstance(v, bool)})


def batched(rows: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last shorter) from any iterable, a list or rows read from
    disk (itertools.batched, which Python 3.11 lacks)."""
    rows = iter(rows)
    while batch := list(islice(rows, size)):
        yield batch


def write_batches(graph: Graph, name: str, rows: Iterable[dict], *,
                  batch_size: int | None = None, then: FollowUp | None = None,
                  on_batch: Callable[[int], None] | None = None, **params) -> Counter:
    """Run statement `name` over `rows` in batches; returns the sums of what they return."""
    text = querylib.get(name).text
    batch_size = batch_size or config.batch_size()  # $CHAINWATCH_BATCH_SIZE, else 500
    totals: Counter = Counter()

    def work(tx, batch):
        returned = [record.data() for record in tx.run(text, {**params, "rows": batch})]
        done = _numbers(returned)
        if then and (follow := then(batch, returned)):
            name, follow_params = follow
            done.update(_numbers(tx.run(querylib.get(name).text, follow_params)))
        return done

    with graph.session() as session:
        for batch in batched(rows, batch_size):
            totals.update(session.execute_write(work, batch))
            if on_batch:
                on_batch(len(batch))
    return totals
