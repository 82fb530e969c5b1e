// name: ingest/last_run
// purpose: The latest load of a dataset (complete or not), the run that wrote what it holds (itself, or the one a skipped load matched), and whether the dataset is still in the graph: an unchanged reload is skipped only after a complete one.
// param: dataset - the dataset name
// mode: read
OPTIONAL MATCH (r:IngestRun {dataset: $dataset})
WITH r ORDER BY r.started DESC LIMIT 1
RETURN r.id AS id, r.status AS status, r.mode AS mode, r.fingerprint AS fingerprint,
       coalesce(r.unchanged_since, r.id) AS loaded_by,
       EXISTS { MATCH (:Dataset {name: $dataset}) } AS present
