// name: schema/drop_index
// purpose: Drop an index an earlier chainwatch made and none of its queries uses (graph/schema.py RETIRED), if the graph has it.
// template: {name} is filled by graph/schema.py (identifiers only).
// mode: schema
DROP INDEX {name} IF EXISTS
