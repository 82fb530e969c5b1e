// name: claims/add_records
// purpose: Create the records a batch of claims is about that the graph lacks (claims/unchanged_nodes found no record), bare: the claims are written next and the records derived from them.
// param: ids - the ids of the records
// param: labels - for each record, its labels (Entity, its kind and the kinds above it)
// mode: write
// note: rare: a claim on a record the graph lacks that claims/create_records could not take,
//   such as one a merge decision took in before any dataset gave the merged record.
UNWIND range(0, size($ids) - 1) AS i
CREATE (n:Entity)
SET n.id = $ids[i]
SET n:$($labels[i])
RETURN count(*) AS nodes_created
