// name: explorer/entity
// purpose: One node's profile: its label and every property, and the sources that mention it.
// param: id - the node's id
// mode: read
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (s:Source)-[:MENTIONS]->(n)
RETURN n.id AS id, coalesce(n.name, n.title) AS name,
       head([l IN labels(n) WHERE NOT l IN ['Entity', 'Actor']]) AS label,
       properties(n) AS properties, collect(s.title) AS source_titles
