"""Batched writes: a cypher/ statement that UNWINDs `$rows`, run one batch per
managed write transaction (retried by the driver on transient errors).

Each batch commits on its own, so a load of any size keeps memory flat and an
interruption loses at most the batch in flight; statements are written to be
idempotent (MERGE by id) so running the same load again completes it.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Sequence

from graph import config, querylib
from graph.db import Graph

COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created",
            "relationships_deleted", "properties_set", "labels_added")


def write_batches(graph: Graph, name: str, rows: Sequence[dict], *,
                  batch_size: int | None = None,
                  on_batch: Callable[[int], None] | None = None, **params) -> Counter:
    """Run statement `name` over `rows` in batches; returns the summed counters."""
    text = querylib.get(name).text
    batch_size = batch_size or config.batch_size()  # $CHAINWATCH_BATCH_SIZE, else 500
    totals: Counter = Counter()

    def work(tx, batch):
        summary = tx.run(text, {**params, "rows": batch}).consume()
        return {c: getattr(summary.counters, c) for c in COUNTERS}

    with graph.session() as session:
        for i in range(0, len(rows), batch_size):
            batch = list(rows[i:i + batch_size])
            totals.update(session.execute_write(work, batch))
            if on_batch:
                on_batch(len(batch))
    return totals
