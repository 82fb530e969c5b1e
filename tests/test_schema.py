"""Constraints and indexes come from the vocabulary; docs/schema.md is current."""

from __future__ import annotations

import pytest
from neo4j.exceptions import ConstraintError

from graph import schema, schema_docs
from graph.vocabulary import load
from tests.conftest import ROOT


def test_every_label_has_a_unique_id_constraint_and_the_indexes_exist(graph):
    schema.apply(graph)  # a second time: harmless
    rows = {r["name"]: r for r in schema.show(graph)}
    for label in [*load().labels, "Entity"]:
        name = f"{label.lower()}_id"
        assert rows[name]["constraint"] and rows[name]["labelsOrTypes"] == [label], name
    assert rows["dataset_name"]["constraint"]
    for prop in ("type", "date_from", "date_to"):
        assert rows[f"event_{prop}"]["labelsOrTypes"] == ["Event"]
    assert rows["claim_id"]["constraint"]
    for prop in ("target",):  # every derivation looks claims up by it; withdrawal by the id's prefix
        assert rows[f"claim_{prop}"]["labelsOrTypes"] == ["Claim"]
    fulltext = rows["entity_names"]
    assert fulltext["type"] == "FULLTEXT" and set(fulltext["labelsOrTypes"]) == set(load().labels)
    assert all(r["state"] == "ONLINE" for r in rows.values())


def test_no_relationship_is_indexed_and_the_indexes_earlier_versions_made_on_them_go(graph):
    """No query starts from a relationship (graph/schema.py): an index on one only costs each
    fact an entry on every load. A graph made by an earlier chainwatch has them; apply drops them."""
    graph.driver.execute_query("CREATE INDEX member_of_valid_from IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() "
                               "ON (r.valid_from)", database_=graph.database)
    assert "member_of_valid_from" in {r["name"] for r in schema.show(graph)}
    schema.apply(graph)
    rows = schema.show(graph)
    assert not [r["name"] for r in rows if r["type"] == "RANGE" and set(r["labelsOrTypes"]) & set(load().relations)]
    assert "claim_target" in {r["name"] for r in rows}  # the rest stays


def test_ids_are_unique_across_labels(graph):
    graph.write("claims/add_records", ids=["x:1"], labels=[["Person", "Actor"]])
    with pytest.raises(ConstraintError):
        graph.driver.execute_query("CREATE (:Entity:Unit {id: 'x:1'})", database_=graph.database)


def test_fulltext_index_finds_aliases_with_typos(graph, tmp_path):
    from ingest.load import ingest
    from tests.datasets import small
    ingest(graph, small(tmp_path / "ds"))
    found = graph.driver.execute_query(
        "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.id AS id",
        {"q": "Oficer~"}, database_=graph.database).records
    assert "person:officer" in [r["id"] for r in found]


def test_schema_docs_are_current():
    committed = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert committed == schema_docs.render(), "docs/schema.md is stale: run `make schema-docs`"


def test_vocabulary_names_are_cypher_identifiers_and_files_are_distinct():
    vocab = load()
    files = [lab.file for lab in vocab.labels.values()] + [vocab.relation_file]
    assert len(files) == len(set(files))
    for rel in vocab.relations.values():
        assert set(rel.sources) | set(rel.targets) <= set(vocab.labels), rel.name
