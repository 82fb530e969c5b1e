// name: claims/drop_records
// purpose: Delete the records claims/unclaimed_records found that no claim and no fact holds any more, with their MENTIONS links.
// param: elements - the element ids of the records
// mode: write
// note: one MATCH of the element ids, no UNWIND (no Eager operator: claims/unlink_sources).
MATCH (n)
WHERE elementId(n) IN $elements
DETACH DELETE n
RETURN count(*) AS nodes_deleted
