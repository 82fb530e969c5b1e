// name: claims/orphan_sources
// purpose: Delete the Sources that no claim defines and no claim cites any more (after a withdrawal).
// mode: write
// note: a Source that only a withdrawn dataset defined but another dataset still cites is
//   kept with its id, so that dataset's citations still resolve (docs/decisions.md).
MATCH (s:Source)
WHERE NOT EXISTS { MATCH (c:Claim {target: s.id}) WHERE c.relation IS NULL }
WITH collect(s) AS unclaimed
WITH unclaimed WHERE size(unclaimed) > 0
CALL () {
  MATCH (c:Claim)
  UNWIND c.sources AS cited
  RETURN collect(DISTINCT cited) AS cited
}
UNWIND unclaimed AS s
WITH s, cited WHERE NOT s.id IN cited
DETACH DELETE s
RETURN count(*) AS deleted
