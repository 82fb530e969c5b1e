// name: claims/present_nodes
// purpose: Which rows of a batch of records the graph knows already (the record, or this dataset's claim on it), and which of those this dataset has claimed before: graph/claims.py creates the others outright (claims/create_records) and compares only these with their claims (claims/unchanged_nodes).
// param: rows - a list of {id, node}: `id` as the dataset says it, `node` the record it is now
// param: dataset - the dataset name
// mode: read
UNWIND $rows AS row
OPTIONAL MATCH (c:Claim {id: $dataset + '|' + row.id})
WITH row, c IS NOT NULL AS claimed
WHERE claimed OR EXISTS { MATCH (:Entity {id: row.node}) }
RETURN collect(row.id) AS present, collect(CASE WHEN claimed THEN row.id END) AS claimed
