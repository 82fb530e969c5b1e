// name: events_at_facility
// purpose: What happened at a facility, in date order, with who took part and in which role, and who ran the facility then.
// param: id - the facility's id, e.g. facility:almaty-sizo
// mode: read
// example: chainwatch query events_at_facility --param id=facility:almaty-sizo
MATCH (e:Event)-[:OCCURRED_AT]->(f:Facility {id: $id})
OPTIONAL MATCH (x)-[p:PARTICIPATED_IN]->(e)
WITH f, e, collect(coalesce(x.name, x.id) + ' (' + p.role + ')') AS participants
OPTIONAL MATCH (op)-[o:OPERATES]->(f)
  WHERE coalesce(o.valid_from, e.date_from) <= coalesce(e.date_to, o.valid_from, date('9999-12-31'))
    AND coalesce(o.valid_to, e.date_from) >= coalesce(e.date_from, o.valid_to, date('0001-01-01'))
WITH e, participants, collect(op.name) AS operated_by
ORDER BY e.date_from, e.id
RETURN e.date AS date, e.id AS event, e.type AS type, e.title AS title, e.status AS status,
       participants, operated_by, e.sources AS sources
