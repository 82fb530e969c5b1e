// name: schema/fulltext_name_keys
// purpose: The full-text index over name keys (every word of a record's names in Latin letters, spelling-blind: graph/names.py), so search finds a name typed in another script or transliteration.
// template: {name} {labels} are filled from graph/vocabulary.yaml by graph/schema.py (identifiers only).
// mode: schema
// example: CALL db.index.fulltext.queryNodes('entity_name_keys', 'kisimbaev~1') YIELD node, score RETURN node.id, node.name, score
CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR (n:{labels}) ON EACH [n.name_keys]
