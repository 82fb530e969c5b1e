"""No statement a load, a removal or `--replace` runs on its batches plans an Eager operator
(issue 12). An Eager holds every row of a batch before the next step; the planner adds one
wherever a statement might read what it has written (docs/decisions.md, "What needs no other
claim is derived in the write itself"). Each statement is checked on an empty graph, every
parameter null, and again on a graph holding data, among the statements real runs ran (the
plans depend on what the graph holds). `python -m bench.eager` lists the statements that run
once a load or a removal and keep one."""

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
    claims (a corrected one), what is derived again from every claim (a withdrawal, a merge, a
    claim ranked before others: read first, then written) and the rest (made bare or labelled,
    claims written whole): each found by element id and set from maps, reading nothing it
    writes, or created."""
    names = [f"claims/{step}_{kind}" for kind in ("records", "facts")
             for step in ("append", "replace", "of", "derive", "add")]
    for name in names + ["claims/label_records", "claims/add_claims", "claims/set_claims"]:
        q = querylib.get(name)
        assert _eagers(graph, q.text, q.param_names) == [], name


def test_no_statement_a_load_runs_plans_an_eager_operator(graph, tmp_path, monkeypatch):
    """Whatever rows a load meets (new ones, a second dataset's, unchanged, corrected, of a
    dataset of higher priority, a claim that protects), and a removal and a `--replace` that
    withdraw, every statement they run on their batches plans no Eager operator: checked on
    what they ran, not on a list."""
    from graph import writes
    from ingest.load import ingest
    from tests.datasets import small, write_dataset
    from tests.test_claims import press
    ran = set()
    real = writes.run
    monkeypatch.setattr(writes, "run", lambda tx, name, params: ran.add(name) or real(tx, name, params))
    ingest(graph, small(tmp_path / "a", name="case-file"))
    ingest(graph, press(tmp_path / "b"))
    ingest(graph, press(tmp_path / "b"), force=True)
    ingest(graph, small(tmp_path / "a2", name="case-file", people=[
        {"id": "person:officer", "name": "Officer Uno", "sources": "src:a"},
        {"id": "person:victim", "name": "Victim", "protected": "yes", "pseudonym": "W.", "sources": "src:a"}]))
    court = write_dataset(tmp_path / "court", "court", sources=[{"id": "src:court", "title": "Court file", "kind": "report"}],
                          people=[{"id": "person:victim", "name": "Victim V", "sources": "src:court"},
                                  {"id": "person:clerk", "name": "Clerk", "sources": "src:court"}])
    (court / "dataset.yaml").write_text("name: court\ntitle: Court file\npriority: 5\n", encoding="utf-8")
    ingest(graph, court)
    claims.remove(graph, "court")
    # a new version without the posting and the victim, the officer citing another source
    ingest(graph, small(tmp_path / "a3", name="case-file", people=[
        {"id": "person:officer", "name": "Officer Uno", "sources": "src:b"}],
        sources=[{"id": "src:a", "title": "Report A", "kind": "report"},
                 {"id": "src:b", "title": "Report B", "kind": "report"}],
        relations=[]), replace=True, unprotect=True)
    assert {"claims/create_records", "claims/append_records", "claims/replace_records", "claims/add_claims",
            "claims/set_claims", "claims/derive_records", "claims/derive_facts", "claims/drop_claims",
            "claims/unlink_sources", "claims/drop_records", "claims/drop_facts"} <= ran
    for name in sorted(ran):
        q = querylib.get(name)
        assert _eagers(graph, q.text, q.param_names) == [], name
