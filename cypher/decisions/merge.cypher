// name: decisions/merge
// purpose: Make one record of two: the claims and facts of the record taken in attach to the one kept, each keeping the id it came with, and the merge is recorded as a Decision.
// param: canonical - the id kept
// param: merged - the id taken in: it resolves to `canonical` from now on, at every load
// param: decided - when the decision was made
// param: note - the investigator's reason, or null
// mode: write
// note: a record claim's id stays `<dataset>|<the id it came with>`, and a fact's claims keep
//   its subject and object as said, which is what `decisions/unmerge` reads to undo it exactly.
//   Neo4j cannot re-point a relationship: each fact is written again on the kept record with
//   its type and properties, and the old one deleted. MENTIONS links are not moved:
//   graph/claims.py (`derive_records`), run after this in the same transaction, links the kept
//   record to the sources of all its claims.
MATCH (keep:Entity {id: $canonical}), (gone:Entity {id: $merged})
CALL (keep, gone) {
  MATCH (c:Claim {target: gone.id})
  WHERE c.relation IS NULL
  SET c.target = keep.id
}
CALL (keep, gone) {
  MATCH (gone)-[r]->(x)
  WHERE type(r) <> 'MENTIONS'
  WITH r, CASE WHEN x = gone THEN keep ELSE x END AS x
  CREATE (keep)-[moved:$(type(r))]->(x)
  SET moved = properties(r)
  DELETE r
}
CALL (keep, gone) {
  MATCH (x)-[r]->(gone)
  WHERE type(r) <> 'MENTIONS'
  CREATE (x)-[moved:$(type(r))]->(keep)
  SET moved = properties(r)
  DELETE r
}
DETACH DELETE gone
CREATE (d:Decision {id: 'merge:' + $merged, kind: 'merge', canonical: $canonical, merged: $merged,
                    decided: $decided, note: $note})
RETURN d.id AS decision
