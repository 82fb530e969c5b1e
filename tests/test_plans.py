"""The load streams what it creates, what it finds unchanged and the claims it adds to what
other datasets claim: no Eager operator in the plans of those statements (issue 12). An Eager holds every row of a batch before the next step; the
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
    facts = claims.templated("claims/create_facts", props=("confidence", "role", "start", "valid_from"))
    assert _eagers(graph, facts, querylib.get("claims/create_facts").param_names) == []


def test_claims_ranking_last_are_added_without_eager_plans(graph):
    """With the keys of a batch named as a load names them: values, then the claim's keys."""
    said = ("aliases", "id", "label", "name", "protected", "sources", "target")
    for name, values in (("claims/append_records", ("aliases", "name", "name_keys", "protected", "sources")),
                         ("claims/append_facts", ("confidence", "inferred", "sources", "start"))):
        text = claims.templated(name, values=values, said=said)
        assert _eagers(graph, text, querylib.get(name).param_names) == [], name
