// name: report/relationships
// purpose: The relationships a report shows as evidence, by id, with their dates, confidence, quote and sources.
// param: ids - a list of relationship ids
// mode: read
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.id IN $ids
RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.role AS role,
       coalesce(r.title, r.rank) AS title, r.start AS start, r.`end` AS `end`,
       r.confidence AS confidence, r.quote AS quote, r.note AS note, r.sources AS sources
