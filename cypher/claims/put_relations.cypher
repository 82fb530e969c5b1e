// name: claims/put_relations
// purpose: Write one dataset's claims on a batch of relationships (creating the relationships between nodes that exist), derive in place what needs no other claim, and return the rest, for derive_relations.
// param: rows - a list of {id, type, subject, object, subject_node, object_node, props, sources}: subject and object as the dataset says them, the *_node ids the records they are now (graph/decisions.py)
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: a new claim's first_loaded
// mode: write
// note: both ends are matched in the same transaction that creates the relationship,
//   so an interrupted load never leaves a half-linked fact. As for nodes (claims/put_nodes:
//   new facts, unchanged claims, new claims that rank after every other and changed claims on
//   what this dataset alone claims do not come here),
//   a relationship this dataset alone claims takes the claim's values (`sole`); the others are
//   returned in `shared`.
UNWIND $rows AS row
MATCH (a:Entity {id: row.subject_node})
MATCH (b:Entity {id: row.object_node})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
WITH r, row, r.datasets IS NULL AS new, coalesce(r.datasets, []) IN [[], [$dataset]] AS sole
MERGE (c:Claim {id: $dataset + '|' + row.id + '|' + row.type})
ON CREATE SET c.first_loaded = $now
WITH r, row, new, sole, c
SET c += {dataset: $dataset, target: row.id,
         relation: row.type, subject: row.subject, object: row.object,
         priority: $priority, last_run: $run, sources: row.sources}
SET c += row.props
WITH r, row, new, CASE WHEN sole THEN 'sole' ELSE 'shared' END AS how
CALL (r, row, how) {
  WITH r, row WHERE how = 'sole'
  SET r += row.props
  SET r.sources = reduce(acc = [], s IN row.sources | CASE WHEN s IN acc THEN acc ELSE acc + s END),
      r.datasets = [$dataset]
}
RETURN count(*) AS claims_written, sum(CASE WHEN new THEN 1 ELSE 0 END) AS relationships_created,
       collect(CASE WHEN how = 'shared' THEN {id: row.id, type: row.type, subject: row.subject_node,
                                               object: row.object_node} END) AS shared
