// name: claims/present_relations
// purpose: Which rows of a batch of facts the graph knows already (the relationship between the same records, or this dataset's claim on it), and which of those this dataset has claimed before: graph/claims.py creates the others outright (claims/create_facts) and compares only these with their claims (claims/unchanged_relations).
// param: rows - a list of {id, type, subject_node, object_node}
// param: dataset - the dataset name
// mode: read
UNWIND $rows AS row
OPTIONAL MATCH (c:Claim {id: $dataset + '|' + row.id + '|' + row.type})
WITH row, c IS NOT NULL AS claimed
WHERE claimed
   OR EXISTS { MATCH (:Entity {id: row.subject_node})-[r {id: row.id}]->(:Entity {id: row.object_node})
               WHERE type(r) = row.type }
RETURN collect(row.id + '|' + row.type) AS present,
       collect(CASE WHEN claimed THEN row.id + '|' + row.type END) AS claimed
