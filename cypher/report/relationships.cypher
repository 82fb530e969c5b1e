// name: report/relationships
// purpose: The relationships a report shows as evidence, by id, with their dates and derived values, and each dataset's claim (its quote, note and confidence with the sources it cited).
// param: ids - a list of relationship ids
// mode: read
// timeout: long
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.id IN $ids
RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.role AS role,
       coalesce(r.title, r.rank) AS title, r.start AS start, r.`end` AS `end`,
       r.confidence AS confidence, r.quote AS quote, r.note AS note, r.sources AS sources,
       COLLECT {
         MATCH (c:Claim {target: r.id}) WHERE c.relation IS NOT NULL
         RETURN c {.dataset, .sources, .quote, .note, .confidence} AS claim
         ORDER BY c.priority DESC, c.first_loaded, c.dataset
       } AS claims
