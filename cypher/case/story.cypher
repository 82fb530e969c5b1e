// name: case/story
// purpose: One allegation's story: the allegation and every event that concerns it (a complaint, an investigation, an appeal of it...), each with where it happened, who took part in which role, what it concerns, and the sources each fact cites.
// param: id - the allegation (an Event)
// param: depth - how many CONCERNS steps back from the allegation to follow (an appeal of an investigation of a complaint is 3)
// mode: read
// note: the allegation's row comes with `steps` 0; an event reached by several ways is listed once,
//   at its fewest steps. Each fact comes with its id (`rel`): its claims, quotes with the
//   sources that said them, are read by report/relationships.
MATCH (a:Event {id: $id})
CALL (a) {
  MATCH p = (e:Event)-[:CONCERNS*1..10]->(a)
  WHERE length(p) <= $depth
  RETURN e, min(length(p)) AS steps
  UNION
  RETURN a AS e, 0 AS steps
}
WITH e, min(steps) AS steps
CALL (e) {
  OPTIONAL MATCH (e)-[o:OCCURRED_AT]->(place)
  RETURN collect(CASE WHEN place IS NOT NULL THEN {id: place.id, name: coalesce(place.name, place.title),
                 rel: o.id, sources: o.sources, confidence: o.confidence} END) AS places
}
CALL (e) {
  OPTIONAL MATCH (actor)-[r:PARTICIPATED_IN]->(e)
  RETURN collect(CASE WHEN actor IS NOT NULL THEN {id: actor.id, name: coalesce(actor.name, actor.title),
                 label: head([l IN labels(actor) WHERE NOT l IN ['Entity', 'Actor']]), role: r.role,
                 rel: r.id, sources: r.sources, confidence: r.confidence} END) AS actors
}
CALL (e) {
  OPTIONAL MATCH (e)-[c:CONCERNS]->(about:Event)
  RETURN collect(CASE WHEN about IS NOT NULL THEN {id: about.id, title: about.title, rel: c.id,
                 sources: c.sources, confidence: c.confidence} END) AS concerns
}
RETURN e.id AS id, e.title AS title, e.type AS type, e.date AS date, e.end_date AS end_date,
       e.status AS status, e.description AS description, e.place AS place, e.sources AS sources,
       steps, places, actors, concerns
