// name: ingest/last_run
// purpose: The latest load of a dataset (complete or not) and whether the dataset is still in the graph: an unchanged reload is skipped only after a complete one.
// param: dataset - the dataset name
// mode: read
OPTIONAL MATCH (r:IngestRun {dataset: $dataset})
WITH r ORDER BY r.started DESC LIMIT 1
RETURN r.id AS id, r.status AS status, r.mode AS mode, r.fingerprint AS fingerprint,
       EXISTS { MATCH (:Dataset {name: $dataset}) } AS present
