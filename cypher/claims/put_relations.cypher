// name: claims/put_relations
// purpose: Write one dataset's claims on a batch of relationships (creating the relationships between nodes that exist); derive_relations then gives them their values.
// param: rows - a list of {id, type, subject, object, props, sources}
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: a new claim's first_loaded
// mode: write
// note: both ends are matched in the same transaction that creates the relationship,
//   so an interrupted load never leaves a half-linked fact.
UNWIND $rows AS row
MATCH (a:Entity {id: row.subject})
MATCH (b:Entity {id: row.object})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
WITH r, row, r.datasets IS NULL AS new  // a relationship no claim has derived yet
MERGE (c:Claim {id: $dataset + '|' + row.id + '|' + row.type})
ON CREATE SET c.first_loaded = $now
SET c += {dataset: $dataset, target: row.id,
         relation: row.type, subject: row.subject, object: row.object,
         priority: $priority, last_run: $run, sources: row.sources}
SET c += row.props
RETURN count(c) AS claims_written, sum(CASE WHEN new THEN 1 ELSE 0 END) AS relationships_created
