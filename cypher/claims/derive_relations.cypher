// name: claims/derive_relations
// purpose: Give each relationship the values derived from its claims (docs/decisions.md); delete a relationship no claim holds any more, and an end it leaves with neither claims nor facts.
// param: rels - a list of {id, type, subject, object}
// param: claim_keys - a claim's own keys, which are not values (vocabulary: claims.keys)
// mode: write
// note: claims are ordered as for nodes. Sources and datasets are unions; `inferred` is true
//   only when every claim is an inference (one dataset's documented word makes the fact
//   documented); every other value (quote, note, confidence...) is the first claim's, and
//   each claim keeps its own with the sources it cited, for reports and Cypher.
UNWIND $rels AS rel
MATCH (a:Entity {id: rel.subject})-[r:$(rel.type) {id: rel.id}]->(b:Entity {id: rel.object})
CALL (r) {
  OPTIONAL MATCH (c:Claim {target: r.id})
  WHERE c.relation IS NOT NULL
  WITH c ORDER BY c.priority DESC, c.first_loaded, c.dataset
  RETURN [x IN collect(c) | properties(x)] AS claims
}
WITH a, b, r, claims,
     reduce(ks = [], c IN claims | ks + [k IN keys(c) WHERE NOT k IN ks AND NOT k IN $claim_keys]) AS ks,
     reduce(l = [], c IN claims | l + coalesce(c.sources, [])) AS cited
FOREACH (k IN [k IN keys(r) WHERE NOT k IN ks AND NOT k IN ['id', 'sources', 'datasets', 'inferred']] |
  SET r[k] = null)
FOREACH (k IN ks | SET r[k] = head([c IN claims WHERE c[k] IS NOT NULL | c[k]]))
SET r.sources = reduce(acc = [], s IN cited | CASE WHEN s IN acc THEN acc ELSE acc + s END),
    r.datasets = [c IN claims | c.dataset],
    r.inferred = CASE WHEN size(claims) > 0 AND all(c IN claims WHERE c.inferred) THEN true
                      WHEN any(c IN claims WHERE c.inferred IS NOT NULL) THEN false END
WITH a, b, r, size(claims) AS claimed
CALL (a, b, r, claimed) {
  WITH a, b, r WHERE claimed = 0
  DELETE r
  WITH [a, b] AS ends
  UNWIND ends AS end
  WITH end WHERE NOT end:Source
    AND NOT EXISTS { MATCH (c:Claim {target: end.id}) WHERE c.relation IS NULL }
    AND NOT EXISTS { (end)-[x]-() WHERE NOT type(x) IN ['MENTIONS', 'LOADED'] }
  DETACH DELETE end
  RETURN count(*) AS ends_deleted
}
RETURN count(*) AS derived, sum(CASE WHEN claimed = 0 THEN 1 ELSE 0 END) AS relations_deleted,
       sum(ends_deleted) AS nodes_deleted
