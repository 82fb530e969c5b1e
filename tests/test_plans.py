"""The load streams what it creates and what it finds unchanged: no Eager operator in the plans
of those statements (issue 12). An Eager holds every row of a batch before the next step; the
planner adds one wherever a statement might read what it has written (docs/decisions.md, "What
needs no other claim is derived in the write itself"). `python -m bench.eager` lists the rest."""

from bench.eager import eagers
from graph import claims, querylib

STREAMING = ("claims/create_records", "claims/link_sources", "claims/unchanged_nodes", "claims/unchanged_relations")


def _eagers(graph, text: str, params: list[str]) -> list[str]:
    with graph.session() as session:
        return eagers(session.run("EXPLAIN " + text, dict.fromkeys(params)).consume().plan)


def test_new_and_unchanged_rows_are_written_without_eager_plans(graph):
    for name in STREAMING:
        q = querylib.get(name)
        assert _eagers(graph, q.text, q.param_names) == [], name
    facts = claims.create_facts_statement(("confidence", "role", "start", "valid_from"))
    assert _eagers(graph, facts, querylib.get("claims/create_facts").param_names) == []
