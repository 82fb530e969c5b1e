// name: claims/of_facts
// purpose: What a batch of relationships holds now and every claim on it, for graph/derivation.py to derive their values again (graph/claims.py: `derive_facts`).
// param: ids - for each fact, its id
// param: types - for each fact, its relation type
// param: ends - for each fact, [subject, object]: the ids of the records at its ends now
// mode: read
// note: the fact is found between its two ends, each found first (claims/replace_facts says
//   why), and returned with its element id, by which claims/derive_facts finds it again in the
//   same transaction; its claims are those with its id as target and a relation, `first_loaded` sent as
//   for claims/of_records.
UNWIND range(0, size($ids) - 1) AS i
MATCH (a:Entity {id: $ends[i][0]})
MATCH (b:Entity {id: $ends[i][1]})
MATCH (a)-[r {id: $ids[i]}]->(b)
WHERE type(r) = $types[i]
RETURN i, elementId(r) AS element, properties(r) AS values,
       COLLECT { MATCH (c:Claim {target: $ids[i]}) WHERE c.relation IS NOT NULL RETURN c {.*, first_loaded: c.first_loaded.epochMillis} } AS claims
