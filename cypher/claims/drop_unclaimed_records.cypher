// name: claims/drop_unclaimed_records
// purpose: Delete the records of a batch that no claim and no fact holds any more (a dataset withdrawn, the last fact at an end deleted).
// param: ids - the ids of the records that may have lost their last claim
// mode: write
// note: a record without claims that another dataset's fact still links to is kept with its
//   id only (claims/derive_records gives it no values); a Source is kept while any claim cites
//   it (claims/orphan_sources deletes it after).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT n:Source
  AND NOT EXISTS { MATCH (c:Claim {target: id}) WHERE c.relation IS NULL }
  AND NOT EXISTS { (n)-[r]-() WHERE NOT type(r) IN ['MENTIONS', 'LOADED'] }
DETACH DELETE n
RETURN count(*) AS nodes_deleted
