// name: schema/fulltext_names
// purpose: The full-text index over names, titles and aliases that search uses.
// template: {name} {labels} are filled from graph/vocabulary.yaml by graph/schema.py (identifiers only).
// mode: schema
// example: CALL db.index.fulltext.queryNodes('entity_names', 'azanov~') YIELD node, score RETURN node.id, node.name, score
CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR (n:{labels}) ON EACH [n.name, n.title, n.aliases]
