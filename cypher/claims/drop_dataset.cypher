// name: claims/drop_dataset
// purpose: After every claim of a dataset is withdrawn, delete its Dataset node (its IngestRuns stay, with their `dataset` name, as the log of what happened).
// param: dataset - the dataset name
// mode: write
MATCH (d:Dataset {name: $dataset})
WHERE NOT EXISTS { MATCH (c:Claim) WHERE c.id STARTS WITH $dataset + '|' }
DETACH DELETE d
RETURN count(*) AS deleted
