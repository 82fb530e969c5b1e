// name: claims/put_relations
// purpose: Write one dataset's claims on a batch of relationships (creating the relationships between nodes that exist) and derive those no other dataset claims; return the others, for derive_relations.
// param: rows - a list of {id, type, subject, object, props, sources}
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: a new claim's first_loaded
// mode: write
// note: both ends are matched in the same transaction that creates the relationship,
//   so an interrupted load never leaves a half-linked fact. As for nodes, a relationship
//   this dataset alone claims takes the claim's values as they are (derive_relations would
//   give the same); the others are returned in `shared`.
UNWIND $rows AS row
MATCH (a:Entity {id: row.subject})
MATCH (b:Entity {id: row.object})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
WITH r, row, r.datasets IS NULL AS new, coalesce(r.datasets, []) IN [[], [$dataset]] AS sole
MERGE (c:Claim {id: $dataset + '|' + row.id + '|' + row.type})
ON CREATE SET c.first_loaded = $now
SET c += {dataset: $dataset, target: row.id,
         relation: row.type, subject: row.subject, object: row.object,
         priority: $priority, last_run: $run, sources: row.sources}
SET c += row.props
WITH r, row, new, sole
CALL (r, row, sole) {
  WITH r, row WHERE sole
  SET r += row.props
  SET r.sources = reduce(acc = [], s IN row.sources | CASE WHEN s IN acc THEN acc ELSE acc + s END),
      r.datasets = [$dataset]
}
RETURN count(*) AS claims_written, sum(CASE WHEN new THEN 1 ELSE 0 END) AS relationships_created,
       collect(CASE WHEN sole THEN null ELSE {id: row.id, type: row.type, subject: row.subject,
                                               object: row.object} END) AS shared
