// name: claims/drop_claims
// purpose: Delete the claims claims/of_dataset found (a dataset withdrawn, or what a new version no longer says).
// param: elements - the element ids of the claims
// mode: write
// note: one MATCH of the element ids, no UNWIND (no Eager operator: claims/unlink_sources).
MATCH (c)
WHERE elementId(c) IN $elements
DELETE c
RETURN count(*) AS claims_withdrawn
