// name: schema/relationship_index
// purpose: A range index on a relationship property (relationship ids, validity dates).
// template: {name} {type} {property} are filled from graph/vocabulary.yaml by graph/schema.py (identifiers only).
// mode: schema
CREATE INDEX {name} IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.{property})
