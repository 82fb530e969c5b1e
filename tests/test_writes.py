"""A load's batches written by two sessions at once (graph/writes.py): rows deriving one
record or fact in one session and in their order, sources committed before the records citing
them, the first error stopping the load, and a load as exact as one written by one session."""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from graph import writes
from ingest.load import ingest
from tests.conftest import SAMPLE
from tests.datasets import small
from tests.test_claims import dump_of, press
from tests.test_sequences import version


def rows_of(parts: str, steps: str = "") -> list[dict]:
    """Rows named by their part (a letter) and step (a digit, 0 unless given), in order."""
    return [{"n": n, "part": p, "step": int(steps[n]) if steps else 0} for n, p in enumerate(parts)]


def test_rows_deriving_one_thing_go_to_one_session_in_their_order():
    rows = rows_of("abcabcaaaabbbbdeffedddd" * 5)
    given = list(writes.spread(rows, lambda r: r["part"], 2, 4, lambda r: r["step"]))
    assert sorted(r["n"] for _, batch in given for r in batch) == list(range(len(rows)))  # each row once
    assert all(0 < len(batch) <= 4 for _, batch in given)
    session_of = {}
    for k, batch in given:
        for r in batch:
            assert session_of.setdefault(r["part"], k) == k
    assert len(set(session_of.values())) == 2  # both sessions have work
    for k in (0, 1):
        order = [r["n"] for s, batch in given if s == k for r in batch]
        assert order == sorted(order)


def test_a_step_is_given_out_whole_before_the_next_begins():
    rows = rows_of("abcdefgh" * 3, "000000" + "1" * 18)
    given = list(writes.spread(rows, lambda r: r["part"], 2, 5, lambda r: r["step"]))
    wait = given.index((None, []))
    assert [r["step"] for _, batch in given[:wait] for r in batch] == [0] * 6
    assert [r["step"] for _, batch in given[wait + 1:] for r in batch] == [1] * 18
    assert given.count((None, [])) == 1


@pytest.fixture
def two_sessions(monkeypatch):
    monkeypatch.setenv("CHAINWATCH_WRITE_SESSIONS", "2")


def test_two_sessions_write_at_once_and_a_step_waits_for_the_one_before(graph, two_sessions):
    """Sources are slow to write here: no record may begin before every source is committed,
    and the records are written by two threads."""
    events = []
    lock = threading.Lock()

    def work(tx, batch):
        tx.run("RETURN 1").consume()
        with lock:
            events.append(("begin", batch[0]["step"], threading.get_ident()))
        if batch[0]["step"] == 0:
            time.sleep(0.3)
        with lock:
            events.append(("end", batch[0]["step"], threading.get_ident()))
        return Counter(rows=len(batch))

    rows = rows_of("abcdefgh" * 4, "0000" + "1" * 28)
    done = writes.write_batches(graph, rows, work, batch_size=2, part_of=lambda r: r["part"],
                                step_of=lambda r: r["step"])
    assert done["rows"] == 32
    last_source = max(i for i, e in enumerate(events) if e[:2] == ("end", 0))
    first_record = min(i for i, e in enumerate(events) if e[:2] == ("begin", 1))
    assert last_source < first_record
    assert len({e[2] for e in events if e[1] == 1}) == 2


def test_the_first_error_stops_every_session_and_is_raised(graph, two_sessions):
    written = []

    def work(tx, batch):
        tx.run("RETURN 1").consume()
        if batch[0]["n"] == 3:
            raise ValueError("row 3 is bad")
        written.extend(batch)
        time.sleep(0.02)
        return Counter()

    outcome = []

    def load():
        try:
            writes.write_batches(graph, rows_of("abcdefgh" * 25), work, batch_size=1, part_of=lambda r: r["part"])
        except ValueError as e:
            outcome.append(e)
    t = threading.Thread(target=load, daemon=True)
    t.start()
    t.join(60)
    assert not t.is_alive(), "the load waited forever on a session that had failed"
    assert [str(e) for e in outcome] == ["row 3 is bad"]
    assert len(written) < 50  # the other session stopped too, long before its hundred rows or so


@pytest.mark.parametrize("seed", [7, 16])
def test_a_load_by_two_sessions_is_the_load_by_one(graph, tmp_path, seed, monkeypatch):
    """The sample, a small case file and a second dataset over it, and random versions of three
    datasets in batches of three rows: the same graph whether one session writes or two."""
    import random
    dumps = []
    for sessions in ("1", "2"):
        monkeypatch.setenv("CHAINWATCH_WRITE_SESSIONS", sessions)
        graph.write("admin/delete_everything")
        rng = random.Random(seed)
        ingest(graph, SAMPLE, batch_size=3)
        ingest(graph, small(tmp_path / f"case-{sessions}", name="case-file"), batch_size=3)
        ingest(graph, press(tmp_path / f"press-{sessions}"), batch_size=3)
        for step, name in enumerate(["d0", "d1", "d0", "d2"]):
            ingest(graph, version(rng, tmp_path / f"{sessions}-{step}", name, rng.randint(0, 2)),
                   replace=step == 2, unprotect=True, batch_size=3)
        dumps.append(dump_of(graph, tmp_path / f"dump-{sessions}"))
    assert dumps[0] == dumps[1]


def test_a_retried_transaction_prints_nothing_on_the_terminal():
    """The driver warns of each retry, which Python prints on stderr when nothing set up
    logging, as in the command: a deadlock between a load's two sessions, retried as designed,
    must not print the server's lock report in the middle of a user's load."""
    import subprocess
    import sys
    warn = ("import logging, graph.db; log = logging.getLogger('neo4j.session'); "
            "log.warning('Transaction failed and will be retried in %ss (%s)', 0.8, 'DeadlockDetected: Forseti'); "
            "log.warning('a warning that is no retry')")
    err = subprocess.run([sys.executable, "-c", warn], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent).stderr
    assert "Forseti" not in err and "a warning that is no retry" in err
