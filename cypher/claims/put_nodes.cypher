// name: claims/put_nodes
// purpose: Write one dataset's claims on a batch of nodes (creating the nodes they are about); derive_nodes then gives the nodes their values.
// param: rows - a list of {id, label, labels, props, sources}
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: a new claim's first_loaded
// mode: write
// note: a claim holds exactly what the dataset says now: rows carry every column, an empty one
//   as null, so a value the dataset no longer gives is removed from its claim (`+=` with null);
//   no other dataset's claim is touched.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
WITH n, row, n.datasets IS NULL AS new  // a node no claim has derived yet
MERGE (c:Claim {id: $dataset + '|' + row.id})
ON CREATE SET c.first_loaded = $now
SET c += {dataset: $dataset, target: row.id, label: row.label,
         priority: $priority, last_run: $run, sources: row.sources}
SET c += row.props
RETURN count(c) AS claims_written, sum(CASE WHEN new THEN 1 ELSE 0 END) AS nodes_created
