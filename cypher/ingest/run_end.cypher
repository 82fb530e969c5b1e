// name: ingest/run_end
// purpose: Record that a load finished, with its counts.
// param: run_id - the IngestRun id
// param: counts - {nodes, relations, nodes_created, relationships_created, ...}
// param: finished - the time it finished (ISO text)
// mode: write
MATCH (r:IngestRun {id: $run_id})
SET r += $counts, r.status = 'complete', r.finished = datetime($finished)
RETURN r.id AS id
