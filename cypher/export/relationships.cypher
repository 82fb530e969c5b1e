// name: export/relationships
// purpose: Every relationship between data nodes with its type and properties, in a stable order.
// mode: read
// timeout: long
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS subject, type(r) AS type, b.id AS object, properties(r) AS properties
ORDER BY subject, type, object, r.id
