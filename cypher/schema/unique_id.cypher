// name: schema/unique_id
// purpose: A uniqueness constraint on a property of one label (also indexes it).
// template: {name} {label} {property} are filled from graph/vocabulary.yaml by graph/schema.py; Cypher takes no parameters in schema commands, and only vocabulary identifiers (checked against [A-Za-z_][A-Za-z0-9_]*) are ever filled in.
// mode: schema
CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{property} IS UNIQUE
