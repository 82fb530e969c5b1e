// name: explorer/subgraph
// purpose: The nodes with these ids and every relationship among them (provenance links aside), for drawing; with a date, only the relationships valid on it.
// param: ids - node ids
// param: as_of - a date (the picture as of that day: relationships that began by then and had not ended), or null for all
// mode: read
MATCH (n:Entity) WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]->(m:Entity)
WHERE m.id IN $ids AND NOT type(r) IN ['MENTIONS', 'LOADED']
  AND ($as_of IS NULL OR (coalesce(r.valid_from, date('0001-01-01')) <= date($as_of)
                          AND coalesce(r.valid_to, date('9999-12-31')) >= date($as_of)))
RETURN n.id AS id, coalesce(n.name, n.title) AS name,
       head([l IN labels(n) WHERE NOT l IN ['Entity', 'Actor']]) AS label,
       n.type AS type, n.date AS date, n.status AS status, coalesce(n.protected, false) AS protected,
       collect(CASE WHEN r IS NULL THEN null ELSE {id: r.id, type: type(r), target: m.id, role: r.role,
               start: r.start, `end`: r.`end`, confidence: r.confidence, sources: r.sources} END) AS out
