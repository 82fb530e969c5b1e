// name: schema/node_index
// purpose: A range index on a node property (event types, event dates).
// template: {name} {label} {property} are filled from graph/vocabulary.yaml by graph/schema.py (identifiers only).
// mode: schema
CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{property})
