// name: commander_at
// purpose: Who commanded (headed) a unit or agency on a date, with the sources for it.
// param: id - the body's id, e.g. agency:antikor
// param: as_of - the date, e.g. 2022-01-05
// mode: read
// example: chainwatch query commander_at --param id=agency:antikor --param as_of=2022-03-01
WITH date($as_of) AS d
MATCH (p:Person)-[r:COMMANDS]->(b:Entity {id: $id})
WHERE coalesce(r.valid_from, d) <= d AND coalesce(r.valid_to, d) >= d
RETURN p.id AS id, p.name AS name, r.title AS title, r.start AS start, r.`end` AS `end`,
       r.confidence AS confidence, r.sources AS sources, r.quote AS quote
ORDER BY name
