// name: actor_timeline
// purpose: An actor's timeline: the events they took part in, with role and status, and their postings and commands, in date order.
// param: id - an actor's id, e.g. person:darhan-ualiyev
// mode: read
// example: chainwatch query actor_timeline --param id=person:darhan-ualiyev
MATCH (a:Entity {id: $id})
CALL (a) {
  MATCH (a)-[p:PARTICIPATED_IN]->(e:Event)
  RETURN e.date_from AS sort, e.date AS date, e.end_date AS until, e.type + ' (' + p.role + ')' AS what,
         e.title AS title, e.status AS status, p.confidence AS confidence, e.id AS ref, p.sources AS sources
  UNION ALL
  MATCH (a)-[r:MEMBER_OF|COMMANDS]->(b)
  RETURN r.valid_from AS sort, r.start AS date, r.`end` AS until, type(r) + coalesce(' (' + coalesce(r.title, r.role) + ')', '') AS what,
         b.name AS title, null AS status, r.confidence AS confidence, b.id AS ref, r.sources AS sources
}
RETURN date, until, what, title, status, confidence, ref, sources
ORDER BY sort, date, ref
