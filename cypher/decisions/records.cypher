// name: decisions/records
// purpose: What a merge needs to know of two records before it is made: whether each exists, its labels, how many claims describe it, whether it is protected.
// param: ids - the record ids
// mode: read
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id, n IS NOT NULL AS exists, [l IN labels(n) WHERE NOT l IN ['Entity', 'Actor']] AS labels,
       COUNT { MATCH (c:Claim {target: id}) WHERE c.relation IS NULL } AS claims
