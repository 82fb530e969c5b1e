// name: explorer/change_dates
// purpose: The days on which the relationships among some nodes changed: each one's first day, and the day after its last (the network page steps through them).
// param: ids - node ids
// mode: read
MATCH (n:Entity)-[r]->(m:Entity)
WHERE n.id IN $ids AND m.id IN $ids AND NOT type(r) IN ['MENTIONS', 'LOADED']
UNWIND [r.valid_from, r.valid_to + duration({days: 1})] AS day
WITH DISTINCT day WHERE day IS NOT NULL
RETURN day
ORDER BY day
