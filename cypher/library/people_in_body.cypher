// name: people_in_body
// purpose: Everyone who was a member of, or commanded, a body on a date (partial dates count as the interval they name).
// param: id - the body's id, e.g. unit:almaty-police-department
// param: as_of - the date, e.g. 2022-01-05
// mode: read
// example: chainwatch query people_in_body --param id=agency:antikor --param as_of=2022-03-01
WITH date($as_of) AS d
MATCH (p:Person)-[r:MEMBER_OF|COMMANDS]->(b:Entity {id: $id})
WHERE (r.valid_from IS NULL OR r.valid_from <= d) AND (r.valid_to IS NULL OR r.valid_to >= d)
RETURN p.id AS id, p.name AS name, type(r) AS relation, coalesce(r.title, r.role) AS post,
       r.start AS start, r.`end` AS `end`, r.confidence AS confidence, r.sources AS sources
ORDER BY relation, name
