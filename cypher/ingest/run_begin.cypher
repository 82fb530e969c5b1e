// name: ingest/run_begin
// purpose: Record that a load of a dataset begins (and mark earlier unfinished runs of it as interrupted).
// param: dataset - the dataset name
// param: metadata - dataset.yaml's fields (title, description, license, country...)
// param: run - {id, started, mode, path, files} for the IngestRun node
// mode: write
MERGE (d:Dataset {name: $dataset})
SET d += $metadata
WITH d
OPTIONAL MATCH (old:IngestRun {dataset: $dataset, status: 'running'})
SET old.status = 'interrupted'
WITH DISTINCT d
CREATE (r:IngestRun {dataset: $dataset, status: 'running'})-[:LOADED]->(d)
SET r += $run
RETURN r.id AS id
