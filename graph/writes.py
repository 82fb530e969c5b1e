"""Batched writes: rows run through a unit of work one batch per managed write
transaction (retried by the driver on transient errors).

Each batch commits on its own, so a load of any size keeps memory flat and an
interruption loses at most the batches in flight (one a session); statements are written to be
idempotent (MERGE by id, or CREATE of what a read in the same transaction found
missing) so running the same load again completes it, and a retried batch
repeats its reads. Several statements may run in one batch's transaction:
claims are written and their targets derived together, never one without the other.

A load's batches are written by two sessions at once (`write_batches` given `part_of`):
every row goes to the session its part hashes to, in its order, so no two transactions at
once derive the same record or fact, whatever order the server takes its locks in; a
deadlock between them over a shared end or source is a transient error the driver retries.
"""

from __future__ import annotations

import queue
import threading
import zlib
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
                  on_batch: Callable[[int], None] | None = None, part_of: Callable[[dict], str] | None = None,
                  step_of: Callable[[dict], int] | None = None) -> Counter:
    """Do `work` over `rows` in batches, one transaction each; returns the sums of the counts.
    Given `part_of` (what a row's work derives), the batches are shared among
    $CHAINWATCH_WRITE_SESSIONS sessions writing at once, rows of one part in one session; given
    `step_of` too, rows come in steps (sources, then the records citing them) and no row is
    written before every row of an earlier step is committed."""
    batch_size = batch_size or config.batch_size()  # $CHAINWATCH_BATCH_SIZE, else 500
    sessions = config.write_sessions() if part_of else 1
    if sessions > 1:
        return _write_at_once(graph, spread(rows, part_of, sessions, batch_size, step_of or (lambda _: 0)),
                              work, sessions, on_batch)
    totals: Counter = Counter()
    with graph.session() as session:
        for batch in batched(rows, batch_size):
            totals.update(session.execute_write(work, batch))
            if on_batch:
                on_batch(len(batch))
    return totals


def spread(rows: Iterable[dict], part_of: Callable[[dict], str], parts: int, size: int,
           step_of: Callable[[dict], int]) -> Iterator[tuple[int | None, list[dict]]]:
    """Batches of at most `size` rows, each for one of `parts` sessions: a row goes to the one
    its part hashes to (crc32: the same on every run), after the rows before it there. Where a
    row's step differs from the row before it, the batches begun are given out, then
    (None, []): wait until they are written."""
    buckets: list[list[dict]] = [[] for _ in range(parts)]

    def given_out() -> Iterator[tuple[int, list[dict]]]:
        for k, bucket in enumerate(buckets):
            if bucket:
                yield k, bucket
                buckets[k] = []

    step = None
    for row in rows:
        if (now := step_of(row)) != step:
            if step is not None:
                yield from given_out()
                yield None, []
            step = now
        k = zlib.crc32(part_of(row).encode("utf-8")) % parts
        buckets[k].append(row)
        if len(buckets[k]) == size:
            yield k, buckets[k]
            buckets[k] = []
    yield from given_out()


def _write_at_once(graph: Graph, batches: Iterator[tuple[int | None, list[dict]]], work: Work,
                   sessions: int, on_batch: Callable[[int], None] | None) -> Counter:
    """One thread and session per part, each fed its batches through a short queue (the rows
    stay streamed from disk). The first error stops every session after the batch it is
    writing, and is raised here; so is an interruption of the thread feeding them."""
    feeds = [queue.Queue(maxsize=2) for _ in range(sessions)]
    totals: Counter = Counter()
    lock = threading.Lock()
    failed: list[BaseException] = []
    stop = threading.Event()

    def write(feed: queue.Queue) -> None:
        try:
            with graph.session() as session:
                while (batch := feed.get()) is not None:
                    try:
                        if not stop.is_set():  # else dropped: the feeder never waits on a stopped session
                            done = session.execute_write(work, batch)
                            with lock:
                                totals.update(done)
                                if on_batch:
                                    on_batch(len(batch))
                    finally:
                        feed.task_done()
        except BaseException as e:  # handed to the feeding thread, which raises it
            with lock:
                failed.append(e)
            stop.set()
            while feed.get() is not None:
                feed.task_done()

    threads = [threading.Thread(target=write, args=(feed,), daemon=True) for feed in feeds]
    for t in threads:
        t.start()
    try:
        for k, batch in batches:
            if stop.is_set():
                break
            if k is None:
                for feed in feeds:
                    feed.join()
            else:
                feeds[k].put(batch)
    except BaseException:
        stop.set()
        raise
    finally:
        for feed in feeds:
            feed.put(None)
        for t in threads:
            t.join()
    if failed:
        raise failed[0]
    return totals
