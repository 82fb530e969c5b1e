"""Constraints and indexes derived from the vocabulary (`chainwatch schema apply`).

Cypher schema commands take no parameters, so the statements in
cypher/schema/ are templates whose blanks are filled only with vocabulary
identifiers, each checked against graph.vocabulary.IDENTIFIER.
"""

from __future__ import annotations

from graph import querylib
from graph.db import Graph
from graph.vocabulary import IDENTIFIER, Vocabulary, load

# Node properties worth a range index: what filters, date windows and claim look-ups use.
NODE_INDEXES = {"Event": ("type", "date_from", "date_to", "status"),
                "Claim": ("target",)}  # by dataset: a prefix of the unique id (`<dataset>|...`)
# Relationships have none: every query reaches them from their ends, so the plans of every
# statement in cypher/ use no relationship index (EXPLAIN on a loaded graph), while each index
# costs every fact an entry on every load. The ones earlier versions made on each relation type
# are dropped by `apply`: docs/decisions.md.
RETIRED_RELATIONSHIP_INDEXES = ("id", "valid_from", "valid_to")


def _render(template: str, **names: str) -> str:
    for value in names.values():
        for part in value.split("|"):
            if not IDENTIFIER.match(part):
                raise ValueError(f"not a Cypher identifier: {part!r}")
    return querylib.get(f"schema/{template}").text.format(**names)


def statements(vocab: Vocabulary | None = None) -> list[str]:
    vocab = vocab or load()
    out = []
    unique = [*vocab.node_keys.items(), *((lab, "id") for lab in vocab.labels)]
    for label, prop in unique:
        out.append(_render("unique_id", name=f"{label.lower()}_{prop}", label=label, property=prop))
    for label, props in NODE_INDEXES.items():
        for prop in props:
            out.append(_render("node_index", name=f"{label.lower()}_{prop}", label=label, property=prop))
    for rel in vocab.relations:
        for prop in RETIRED_RELATIONSHIP_INDEXES:
            out.append(_render("drop_index", name=f"{rel.lower()}_{prop}"))
    out.append(_render("fulltext_names", name="entity_names", labels="|".join(vocab.labels)))
    out.append(_render("fulltext_name_keys", name="entity_name_keys", labels="|".join(vocab.labels)))
    return out


def apply(graph: Graph, wait_seconds: int = 300) -> int:
    """Create whatever is missing and drop what is retired (every statement is IF [NOT] EXISTS);
    returns the count."""
    stmts = statements()
    for text in stmts:
        graph.driver.execute_query(text, database_=graph.database)
    graph.driver.execute_query(querylib.get("schema/await_indexes").text,
                               {"seconds": wait_seconds}, database_=graph.database)
    return len(stmts)


def show(graph: Graph) -> list[dict]:
    return graph.read("schema/show")
