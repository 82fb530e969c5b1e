// name: claims/drop_facts
// purpose: Delete the relationships no claim holds any more (claims/of_facts found them without claims, in the same transaction); graph/claims.py then deletes an end they leave with neither claims nor facts (claims/unclaimed_records, claims/drop_records).
// param: elements - the element ids of the relationships
// mode: write
// note: one MATCH of the element ids, no UNWIND (no Eager operator: claims/unlink_sources).
MATCH ()-[r]->()
WHERE elementId(r) IN $elements
DELETE r
RETURN count(*) AS relations_deleted
