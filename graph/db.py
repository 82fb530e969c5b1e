"""The one way into Neo4j: the official driver, managed transactions with
retries for writes, read transactions for reads, and statements taken from
cypher/ by name with their values as parameters.

Works unchanged against the local server, a cluster or Aura (`neo4j://`,
`neo4j+s://`): routing follows the transaction's access mode.

The driver is imported where a connection is made, not with this module: commands
that never reach a server (`--help`, `query` listing the library) start without it.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator

from graph import querylib, readonly
from graph.config import Connection, connection, long_timeout

if TYPE_CHECKING:
    import neo4j


def _not_a_retry(record: logging.LogRecord) -> bool:
    """The driver warns of every transaction it retries, and with no logging set up Python
    prints that on stderr: the server's whole deadlock report, when a load's two sessions
    (graph/writes.py) wait on each other over a shared body and one is retried, as designed. A
    retry that never succeeds still ends in the error, which the command reports."""
    return "will be retried" not in record.getMessage()


logging.getLogger("neo4j.session").addFilter(_not_a_retry)


class GraphError(RuntimeError):
    """A failure with a message fit to show a user as it is."""


@dataclass
class Rows:
    keys: list[str]
    records: list[neo4j.Record]
    truncated: bool  # more rows existed than the cap allowed


class Graph:
    def __init__(self, conn: Connection):
        from neo4j import GraphDatabase

        self.conn = conn
        self.database = conn.database
        self.sent = 0  # statements from cypher/ run so far (what the explorer's cache saves is counted in it)
        # Server notifications (e.g. "property key does not exist" on an empty
        # graph) would be logged to stderr on every query; results say enough.
        self.driver = GraphDatabase.driver(conn.uri, auth=(conn.user, conn.password),
                                           user_agent="chainwatch",
                                           notifications_min_severity="OFF")

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Graph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def check(self) -> None:
        """Fail early with a message that says what to do."""
        from neo4j.exceptions import AuthError, ServiceUnavailable

        try:
            self.driver.verify_connectivity()
        except AuthError:
            raise GraphError(f"Neo4j at {self.conn.uri} refused the credentials; check "
                             "NEO4J_USER/NEO4J_PASSWORD or the home's password file") from None
        except (ServiceUnavailable, OSError) as e:
            hint = ("start it with `chainwatch server start`" if self.conn.local_home
                    else "check NEO4J_URI")
            raise GraphError(f"cannot reach Neo4j at {self.conn.uri}: {hint} ({e})") from None

    # -- statements from cypher/ -------------------------------------------

    def read(self, name: str | querylib.CypherFile, **params: Any) -> list[dict]:
        """Run a read statement from cypher/ (by name, or put together by querylib) and return
        its rows as dicts."""
        return self._execute(name, params, write=False)

    def write(self, name: str, **params: Any) -> list[dict]:
        """Run a write statement from cypher/ in a managed transaction (retried)."""
        return self._execute(name, params, write=True)

    def _execute(self, name: str | querylib.CypherFile, params: dict, *, write: bool) -> list[dict]:
        """Reads are routed to readers, writes to the leader; a statement marked
        `// timeout: long` sets its own limit above the server's default."""
        from neo4j import Query, RoutingControl

        q = name if isinstance(name, querylib.CypherFile) else querylib.get(name)
        self.sent += 1
        records, _, _ = self.driver.execute_query(
            Query(q.text, timeout=long_timeout()) if q.long else q.text, params,
            database_=self.database, routing_=RoutingControl.WRITE if write else RoutingControl.READ)
        return [r.data() for r in records]

    def version(self) -> str:
        """Changes whenever a transaction is committed, by anyone: the bookmark the server returns
        for a read names its last committed transaction. One round trip; the explorer keeps its
        reads under it (explorer/cache.py)."""
        from neo4j import READ_ACCESS

        with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as s:
            s.run(querylib.get("stats/version").text).consume()
            return "|".join(sorted(s.last_bookmarks().raw_values))

    @contextmanager
    def session(self) -> Iterator[neo4j.Session]:
        with self.driver.session(database=self.database) as s:
            yield s

    # -- user-supplied Cypher ------------------------------------------------

    def run_user_query(self, text: str, params: dict, *, write: bool, timeout: float,
                       row_cap: int) -> Rows:
        """Run Cypher typed by a user. Without `write` it runs in a read
        transaction, which the server itself refuses to write in, and only
        after the server's plan shows it reads nothing but the graph."""
        import neo4j
        from neo4j.exceptions import ClientError

        @neo4j.unit_of_work(timeout=timeout)
        def work(tx):
            if not write:
                readonly.check(tx, text, params)
            result = tx.run(text, params)
            records = []
            for rec in result:
                if len(records) == row_cap:
                    return Rows(result.keys(), records, True)
                records.append(rec)
            return Rows(result.keys(), records, False)

        try:
            with self.session() as s:
                return s.execute_write(work) if write else s.execute_read(work)
        except readonly.Refused as e:
            raise GraphError(str(e)) from None
        except ClientError as e:
            raise GraphError(_explain(e, write)) from None


def _explain(e: neo4j.exceptions.ClientError, write: bool) -> str:
    code = e.code or ""
    if not write and ("AccessMode" in code or "ForbiddenDueToTransactionType" in code
                      or "read" in (e.message or "").lower() and "write" in (e.message or "").lower()):
        return ("this query writes to the graph, and queries run read-only by default; "
                "add --write if you mean to change the data (nothing was changed)")
    if "TransactionTimedOut" in code or "timed out" in (e.message or "").lower():
        return ("the query ran past the time limit and was stopped; narrow it, or raise "
                "CHAINWATCH_QUERY_TIMEOUT / --timeout")
    return f"Neo4j refused the query: {e.message} ({code})"


def open_graph(home: str | None = None) -> Graph:
    g = Graph(connection(home))
    g.check()
    return g
