// name: claims/put_nodes
// purpose: Write one dataset's claims on a batch of nodes (creating the nodes they are about) and return the records they touch, for graph/claims.py to derive again (`derive_records`).
// param: rows - a list of {id, node, label, labels, props, sources, name_keys}: `id` as the dataset says it, `node` the record it is now (another id when a merge decision took it in)
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: a new claim's first_loaded
// mode: write
// note: a claim holds exactly what the dataset says now: rows carry every column of the
//   vocabulary, an empty one as null, so a value the dataset no longer gives is removed from
//   its claim (`+=` with null); no other dataset's claim is touched. A claim's id keeps the id
//   the dataset gave (`<dataset>|<id>`), its target is the record. Only what the cheaper
//   statements cannot take comes here (graph/claims.py sorts the rows): records the graph did
//   not hold come by claims/create_records, rows that say what their claims said by
//   claims/unchanged_nodes, new claims that rank after every other by claims/append_records,
//   changed claims on what this dataset alone claims by claims/replace_records. What is left
//   (a claim that protects, one that ranks before others, one a merge took in, a label
//   changed) is derived again from every claim on its record.
UNWIND $rows AS row
MERGE (n:Entity {id: row.node})
SET n:$(row.labels)
WITH n, row, n.datasets IS NULL AS new
MERGE (c:Claim {id: $dataset + '|' + row.id})
ON CREATE SET c.first_loaded = $now
WITH n, row, new, c
SET c += {dataset: $dataset, target: row.node, label: row.label,
         priority: $priority, last_run: $run, sources: row.sources, name_keys: row.name_keys}
SET c += row.props
RETURN count(*) AS claims_written, sum(CASE WHEN new THEN 1 ELSE 0 END) AS nodes_created,
       collect(DISTINCT row.node) AS targets
