// name: explorer/relations
// purpose: Every relationship of one node except provenance links, both directions, with dates, confidence, quote and sources.
// param: id - the node's id
// mode: read
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
WHERE NOT type(r) IN ['MENTIONS', 'LOADED']
RETURN CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, type(r) AS relation,
       coalesce(r.role, r.title) AS role, m.id AS other_id, coalesce(m.name, m.title) AS other,
       head([l IN labels(m) WHERE NOT l IN ['Entity', 'Actor']]) AS other_label,
       r.start AS start, r.`end` AS `end`, r.confidence AS confidence, r.quote AS quote, r.sources AS sources
ORDER BY relation, coalesce(r.valid_from, date('0001-01-01')), other
