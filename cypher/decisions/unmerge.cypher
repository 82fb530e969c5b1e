// name: decisions/unmerge
// purpose: Undo a merge exactly: give the id taken in its record again, with the claims that came with it and the facts they said of it, and delete the merge decision.
// param: final - the record the merged id resolves to now
// param: merged - the id given back its record
// param: members - that id and every id merged into it (their claims go with it)
// param: labels - the record's labels (from its claims' label)
// mode: write
// note: which claims and facts go back is read from what each claim said: a record claim's id
//   (`<dataset>|<id>`), a fact claim's subject and object. graph/claims.py (`derive_records`) derives
//   both records again after, in the same transaction.
MATCH (f:Entity {id: $final})
CREATE (b:Entity {id: $merged})
SET b:$($labels)
WITH f, b
CALL (f, b) {
  MATCH (c:Claim {target: f.id})
  WHERE c.relation IS NULL AND split(c.id, '|')[1] IN $members
  SET c.target = b.id
}
CALL (f, b) {
  MATCH (f)-[r]-()
  WHERE type(r) <> 'MENTIONS'
  WITH DISTINCT f, b, r
  CALL (r) {
    MATCH (c:Claim {target: r.id})
    WHERE c.relation = type(r)
    RETURN c.subject IN $members AS to_start, c.object IN $members AS to_end
    LIMIT 1
  }
  WITH r, startNode(r) AS s, endNode(r) AS e, f, b, to_start, to_end
  WHERE (s = f AND to_start) OR (e = f AND to_end)
  WITH r, CASE WHEN s = f AND to_start THEN b ELSE s END AS s,
       CASE WHEN e = f AND to_end THEN b ELSE e END AS e
  CREATE (s)-[moved:$(type(r))]->(e)
  SET moved = properties(r)
  DELETE r
}
WITH b
MATCH (d:Decision {id: 'merge:' + $merged})
DELETE d
RETURN b.id AS record
