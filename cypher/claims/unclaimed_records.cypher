// name: claims/unclaimed_records
// purpose: Which records of a batch no claim and no fact holds any more (a dataset withdrawn, the last fact at an end deleted), by element id, for claims/drop_records to delete in the same transaction.
// param: ids - the ids of the records that may have lost their last claim
// mode: read
// note: a record without claims that another dataset's fact still links to is kept with its
//   id only (claims/derive_records gives it no values); a Source is kept while any claim cites
//   it (claims/orphan_sources deletes it after).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT n:Source
  AND NOT EXISTS { MATCH (c:Claim {target: id}) WHERE c.relation IS NULL }
  AND NOT EXISTS { (n)-[r]-() WHERE NOT type(r) IN ['MENTIONS', 'LOADED'] }
RETURN elementId(n) AS element
