// name: source_claims
// purpose: Everything one source supports: the nodes it mentions and the relationships that cite it.
// param: id - the Source's id, e.g. src:background-kz
// mode: read
// example: chainwatch query source_claims --param id=src:background-kz
MATCH (s:Source {id: $id})
CALL (s) {
  MATCH (s)-[:MENTIONS]->(n)
  RETURN 'node' AS kind, n.id AS subject, head([l IN labels(n) WHERE NOT l IN ['Entity', 'Actor']]) AS claim,
         coalesce(n.name, n.title) AS object, null AS confidence, null AS quote
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE s.id IN r.sources
  RETURN 'relationship' AS kind, a.id AS subject, type(r) + coalesce(' (' + r.role + ')', '') AS claim,
         b.id AS object, r.confidence AS confidence, coalesce(r.quote, r.note) AS quote
}
RETURN kind, subject, claim, object, confidence, quote
ORDER BY kind, subject, claim
