// name: claims/put_relations
// purpose: Write one dataset's claims on a batch of relationships (creating the relationships between nodes that exist) and return the facts they touch, for graph/claims.py to derive again (`derive_facts`).
// param: rows - a list of {id, type, subject, object, subject_node, object_node, props, sources}: subject and object as the dataset says them, the *_node ids the records they are now (graph/decisions.py)
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: a new claim's first_loaded
// mode: write
// note: both ends are matched in the same transaction that creates the relationship,
//   so an interrupted load never leaves a half-linked fact. As for nodes (claims/put_nodes),
//   only what the cheaper statements cannot take comes here.
UNWIND $rows AS row
MATCH (a:Entity {id: row.subject_node})
MATCH (b:Entity {id: row.object_node})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
WITH r, row, r.datasets IS NULL AS new
MERGE (c:Claim {id: $dataset + '|' + row.id + '|' + row.type})
ON CREATE SET c.first_loaded = $now
WITH row, new, c
SET c += {dataset: $dataset, target: row.id,
         relation: row.type, subject: row.subject, object: row.object,
         priority: $priority, last_run: $run, sources: row.sources}
SET c += row.props
RETURN count(*) AS claims_written, sum(CASE WHEN new THEN 1 ELSE 0 END) AS relationships_created,
       collect(DISTINCT {id: row.id, type: row.type, subject: row.subject_node, object: row.object_node}) AS targets
