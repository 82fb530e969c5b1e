// name: dump/create_nodes
// purpose: Restore a batch of nodes from a dump, returning each one's element id for linking.
// param: rows - a list of {ref, labels, properties}
// mode: write
UNWIND $rows AS row
CREATE (n)
SET n:$(row.labels)
SET n = row.properties
RETURN row.ref AS ref, elementId(n) AS element
