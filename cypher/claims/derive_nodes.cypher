// name: claims/derive_nodes
// purpose: Give each node the values derived from its claims (the one policy of docs/decisions.md); delete a node no claim and no fact holds any more.
// param: ids - the ids of the nodes to derive
// param: claim_keys - a claim's own keys, which are not values (vocabulary: claims.keys)
// mode: write
// note: claims are taken in order: dataset priority (higher first), then the earliest loaded,
//   then the dataset name. The name is the first claim's; every other name and every alias
//   becomes an alias, claim by claim (its name, then its aliases). Sources, datasets and
//   name keys are unions. `merged_ids` lists the ids other than its own that its claims came
//   with (a merge decision: graph/decisions.py). `protected` is true while any claim says so,
//   and the pseudonym comes from the claims that protect. Every other value is the first
//   claim's that gives it. A node without claims that another dataset's fact still links to
//   is kept with its id only; a Source is kept while any claim cites it
//   (claims/orphan_sources deletes it after).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  OPTIONAL MATCH (c:Claim {target: n.id})
  WHERE c.relation IS NULL
  WITH c ORDER BY c.priority DESC, c.first_loaded, c.dataset
  RETURN [x IN collect(c) | properties(x)] AS claims
}
WITH n, claims,
     reduce(ks = [], c IN claims | ks + [k IN keys(c) WHERE NOT k IN ks AND NOT k IN $claim_keys]) AS ks,
     [c IN claims WHERE c.protected] AS protecting
WITH n, claims, ks, protecting, head([c IN claims WHERE c.name IS NOT NULL | c.name]) AS name,
     reduce(l = [], c IN claims | l + [a IN [c.name] + coalesce(c.aliases, []) WHERE a IS NOT NULL]) AS other_names,
     reduce(l = [], c IN claims | l + coalesce(c.sources, [])) AS cited,
     reduce(l = [], c IN claims | l + coalesce(c.name_keys, [])) AS name_keys
WITH n, claims, ks, protecting, coalesce(n.sources, []) AS had,
     reduce(acc = [], k IN name_keys | CASE WHEN k IN acc THEN acc ELSE acc + k END) AS name_keys,
     reduce(acc = [], a IN other_names | CASE WHEN a IN acc OR a = name THEN acc ELSE acc + a END) AS aliases,
     reduce(acc = [], s IN cited | CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources,
     reduce(acc = [], c IN claims | CASE WHEN c.dataset IN acc THEN acc ELSE acc + c.dataset END) AS datasets,
     reduce(acc = [], said IN [c IN claims | split(c.id, '|')[1]] |
            CASE WHEN said = n.id OR said IN acc THEN acc ELSE acc + said END) AS merged_ids
// Values no claim gives any more go; the others are set (unchanged values cost nothing).
FOREACH (k IN [k IN keys(n) WHERE NOT k IN ks AND NOT k IN ['id', 'aliases', 'sources', 'datasets', 'name_keys', 'merged_ids']] |
  SET n[k] = null)
FOREACH (k IN ks | SET n[k] = head([c IN claims WHERE c[k] IS NOT NULL | c[k]]))
SET n.aliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END,
    n.sources = CASE WHEN size(claims) = 0 THEN null ELSE sources END,
    n.name_keys = CASE WHEN size(name_keys) = 0 THEN null ELSE name_keys END,
    n.datasets = datasets,
    n.merged_ids = CASE WHEN size(merged_ids) = 0 THEN null ELSE merged_ids END,
    n.protected = CASE WHEN size(protecting) > 0 THEN true ELSE n.protected END,
    n.pseudonym = coalesce(head([c IN protecting WHERE c.pseudonym IS NOT NULL | c.pseudonym]), n.pseudonym)
WITH n, had, size(claims) AS claimed
CALL (n, had) {
  WITH n, had WHERE had <> coalesce(n.sources, [])
  CALL (n) {
    MATCH (s:Source)-[m:MENTIONS]->(n)
    WHERE NOT s.id IN coalesce(n.sources, [])
    DELETE m
  }
  UNWIND coalesce(n.sources, []) AS sid
  MATCH (s:Source {id: sid})
  MERGE (s)-[:MENTIONS]->(n)
}
CALL (n, claimed) {
  WITH n WHERE claimed = 0 AND NOT n:Source
    AND NOT EXISTS { (n)-[r]-(m) WHERE NOT type(r) IN ['MENTIONS', 'LOADED'] }
  DETACH DELETE n
  RETURN count(*) AS deleted
}
RETURN count(*) AS derived, 0 AS relations_deleted, sum(deleted) AS nodes_deleted
