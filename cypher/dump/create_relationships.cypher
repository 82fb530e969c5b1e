// name: dump/create_relationships
// purpose: Restore a batch of relationships from a dump, between nodes restored in this run.
// param: rows - a list of {start, end, type, properties}; start and end are element ids
// mode: write
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.start
MATCH (b) WHERE elementId(b) = row.end
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS written
