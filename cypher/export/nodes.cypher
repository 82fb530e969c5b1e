// name: export/nodes
// purpose: Every data node with its labels and properties, in id order (for export and for comparing two graphs).
// mode: read
// timeout: long
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity' | l] AS labels, properties(n) AS properties
ORDER BY id
