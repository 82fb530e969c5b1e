// name: claims/add_facts
// purpose: Create the facts a batch of claims is about that the graph lacks (claims/unchanged_relations found no relationship), bare: the claims are written next and the facts derived from them.
// param: ids - for each fact, its id
// param: types - for each fact, its relationship type
// param: ends - for each fact, the ids of the records at its ends now [subject, object]
// mode: write
// note: both ends are matched in the transaction that creates the relationship, so an
//   interrupted load never leaves a half-linked fact. Rare: most new facts come by
//   claims/create_facts; here come those whose keys it cannot name.
UNWIND range(0, size($ids) - 1) AS i
MATCH (a:Entity) WHERE a.id = $ends[i][0]
MATCH (b:Entity) WHERE b.id = $ends[i][1]
CREATE (a)-[r:$($types[i])]->(b)
SET r.id = $ids[i]
RETURN count(*) AS relationships_created
