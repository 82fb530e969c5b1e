// name: claims/drop_unclaimed_facts
// purpose: Delete the relationships of a batch that no claim holds any more; graph/claims.py then deletes an end it leaves with neither claims nor facts (claims/drop_unclaimed_records).
// param: ids - for each fact, its id
// param: types - for each fact, its relation type
// param: ends - for each fact, [subject, object]: the ids of the records at its ends now
// mode: write
UNWIND range(0, size($ids) - 1) AS i
MATCH (a:Entity {id: $ends[i][0]})
MATCH (b:Entity {id: $ends[i][1]})
MATCH (a)-[r {id: $ids[i]}]->(b)
WHERE type(r) = $types[i] AND NOT EXISTS { MATCH (c:Claim {target: $ids[i]}) WHERE c.relation IS NOT NULL }
DELETE r
RETURN count(*) AS relations_deleted
