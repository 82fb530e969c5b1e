// name: claims/dataset_exists
// purpose: Whether a dataset is in the graph: its Dataset node, or claims left by a removal that was interrupted.
// param: dataset - the dataset name
// mode: read
RETURN EXISTS { MATCH (:Dataset {name: $dataset}) } OR EXISTS { MATCH (c:Claim) WHERE c.id STARTS WITH $dataset + '|' } AS exists
