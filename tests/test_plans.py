"""The load streams what it creates, what it finds unchanged, the claims it adds to what other
datasets claim and the changed claims on what it alone claims: no Eager operator in the plans
of those statements (issue 12). An Eager holds every row of a batch before the next step; the
planner adds one wherever a statement might read what it has written (docs/decisions.md, "What
needs no other claim is derived in the write itself"). What is derived again from every claim
is read first and written after, without Eager operators too. `python -m bench.eager` lists the rest."""

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
    facts = claims.templated("claims/create_facts", ("confidence", "role", "start", "valid_from"))
    assert _eagers(graph, facts, querylib.get("claims/create_facts").param_names) == []


def test_what_the_graph_holds_is_written_and_derived_without_eager_plans(graph):
    """New claims that rank last (a second dataset), changed claims on what one dataset alone
    claims (a corrected one), and what is derived again from every claim (a withdrawal, a merge,
    a claim ranked before others: read first, then written): each found by element id and set
    from maps, reading nothing it writes."""
    for kind in ("records", "facts"):
        for step in ("append", "replace", "of", "derive"):
            q = querylib.get(f"claims/{step}_{kind}")
            assert _eagers(graph, q.text, q.param_names) == [], q.name
