// name: explorer/subgraph
// purpose: The nodes with these ids and every relationship among them (provenance links aside), for drawing.
// param: ids - node ids
// mode: read
MATCH (n:Entity) WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]->(m:Entity)
WHERE m.id IN $ids AND NOT type(r) IN ['MENTIONS', 'LOADED']
RETURN n.id AS id, coalesce(n.name, n.title) AS name,
       head([l IN labels(n) WHERE NOT l IN ['Entity', 'Actor']]) AS label,
       n.type AS type, n.date AS date, n.status AS status, coalesce(n.protected, false) AS protected,
       collect(CASE WHEN r IS NULL THEN null ELSE {id: r.id, type: type(r), target: m.id, role: r.role,
               start: r.start, `end`: r.`end`, confidence: r.confidence, sources: r.sources} END) AS out
