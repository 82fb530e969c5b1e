// name: claims/touch
// purpose: Record that this load said again what these claims say (claims/unchanged_nodes, unchanged_relations), so `ingest --replace` keeps them.
// param: ids - claim ids
// param: run - the IngestRun id of this load
// mode: write
UNWIND $ids AS id
MATCH (c:Claim {id: id})
SET c.last_run = $run
RETURN count(*) AS claims_written
