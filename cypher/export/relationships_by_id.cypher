// name: export/relationships_by_id
// purpose: Every data relationship with its id, ends, quote, note and confidence (to trace findings to their quotes).
// mode: read
// timeout: long
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.id IS NOT NULL
RETURN r.id AS id, type(r) AS type, a.id AS subject, b.id AS object, r.role AS role, r.quote AS quote,
       r.note AS note, r.confidence AS confidence, r.sources AS sources, r.start AS start, r.`end` AS `end`
