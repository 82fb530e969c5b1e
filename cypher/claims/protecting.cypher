// name: claims/protecting
// purpose: The records a dataset's claims protect, whether another dataset's claim protects them too, and whether another dataset names them at all (to warn before a load or removal makes someone public).
// param: dataset - the dataset name
// mode: read
MATCH (c:Claim)
WHERE c.id STARTS WITH $dataset + '|' AND c.protected AND c.relation IS NULL
CALL (c) {
  OPTIONAL MATCH (o:Claim {target: c.target})
  WHERE o.dataset <> $dataset AND o.relation IS NULL
  RETURN count(o) > 0 AS named_elsewhere, coalesce(any(x IN collect(o.protected) WHERE x), false) AS also_protected
}
RETURN substring(c.id, size($dataset) + 1) AS id, named_elsewhere, also_protected
