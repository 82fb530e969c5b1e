"""Batched writes: rows run through a unit of work one batch per managed write
transaction (retried by the driver on transient errors).

Each batch commits on its own, so a load of any size keeps memory flat and an
interruption loses at most the batch in flight; statements are written to be
idempotent (MERGE by id, or CREATE of what a read in the same transaction found
missing) so running the same load again completes it, and a retried batch
repeats its reads. Several statements may run in one batch's transaction:
claims are written and their targets derived together, never one without the other.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from graph import config, querylib
from graph.db import Graph

# A batch's unit of work: given the transaction and the batch, the counts it wrote.
Work = Callable[[Any, list[dict]], Counter]


def _numbers(records) -> Counter:
    """The numbers a statement returns (its own counts: records created, claims written...),
    rather than the server's counters, which cannot tell a data node from a claim."""
    return Counter({k: v for record in records for k, v in record.items()
                    if isinstance(v, int) and not isinstance(v, bool)})


def run(tx, name: str, params: dict) -> tuple[list[dict], Counter]:
    """Run statement `name` in a transaction: what it returned, and its numbers summed. Rows
    are taken as they come (no write statement returns a node or a relationship): the
    driver's `Record.data()` walks every value of every list again in Python, which showed in
    the profile of a second dataset's load, whose look-up returns what each record holds."""
    returned = [dict(record.items()) for record in tx.run(querylib.get(name).text, params)]
    return returned, _numbers(returned)


def statement(name: str) -> Work:
    """The work of one statement that UNWINDs `$rows`."""
    return lambda tx, batch: run(tx, name, {"rows": batch})[1]


def batched(rows: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last shorter) from any iterable, a list or rows read from
    disk (itertools.batched, which Python 3.11 lacks)."""
    rows = iter(rows)
    while batch := list(islice(rows, size)):
        yield batch


def write_batches(graph: Graph, rows: Iterable[dict], work: Work, *, batch_size: int | None = None,
                  on_batch: Callable[[int], None] | None = None) -> Counter:
    """Do `work` over `rows` in batches, one transaction each; returns the sums of the counts."""
    batch_size = batch_size or config.batch_size()  # $CHAINWATCH_BATCH_SIZE, else 500
    totals: Counter = Counter()
    with graph.session() as session:
        for batch in batched(rows, batch_size):
            totals.update(session.execute_write(work, batch))
            if on_batch:
                on_batch(len(batch))
    return totals
