// name: explorer/claims
// purpose: Each dataset's claim on one node and on each of its relationships (for showing where datasets disagree).
// param: id - the node's id
// mode: read
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (c:Claim {target: n.id})
  WHERE c.relation IS NULL
  RETURN null AS relationship, c
  UNION ALL
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT type(r) IN ['MENTIONS', 'LOADED']
  MATCH (c:Claim {target: r.id})
  WHERE c.relation IS NOT NULL
  RETURN r.id AS relationship, c
}
RETURN relationship, c.subject AS subject, c.relation AS relation, c.object AS object,
       c.dataset AS dataset, properties(c) AS claim
ORDER BY relationship, c.priority DESC, c.first_loaded, dataset
