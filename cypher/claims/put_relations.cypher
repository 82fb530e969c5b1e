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
//   new facts and unchanged claims do not come here), a relationship this dataset alone
//   claims takes the claim's values (`sole`), and a new claim ranking after every other only
//   adds (`last`: values the fact lacks, sources, the dataset; `inferred` stays true only if
//   this claim is an inference too); the others are returned in `shared`.
UNWIND $rows AS row
MATCH (a:Entity {id: row.subject_node})
MATCH (b:Entity {id: row.object_node})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
WITH r, row, r.datasets IS NULL AS new, coalesce(r.datasets, []) IN [[], [$dataset]] AS sole
MERGE (c:Claim {id: $dataset + '|' + row.id + '|' + row.type})
ON CREATE SET c.first_loaded = $now
WITH r, row, new, sole, c, c.last_run IS NULL AS new_claim
SET c += {dataset: $dataset, target: row.id,
         relation: row.type, subject: row.subject, object: row.object,
         priority: $priority, last_run: $run, sources: row.sources}
SET c += row.props
WITH r, row, new,
     CASE WHEN sole THEN 'sole'
          WHEN new_claim
               AND NOT EXISTS { MATCH (o:Claim {target: row.id}) WHERE o.relation IS NOT NULL AND o.priority < $priority }
               THEN 'last'
          ELSE 'shared' END AS how
CALL (r, row, how) {
  WITH r, row WHERE how = 'sole'
  SET r += row.props
  SET r.sources = reduce(acc = [], s IN row.sources | CASE WHEN s IN acc THEN acc ELSE acc + s END),
      r.datasets = [$dataset]
}
CALL (r, row, how) {
  WITH r, row WHERE how = 'last'
  FOREACH (k IN [k IN keys(row.props) WHERE r[k] IS NULL AND k <> 'inferred'] | SET r[k] = row.props[k])
  SET r.inferred = CASE WHEN r.inferred AND row.props.inferred THEN true
                        WHEN r.inferred IS NOT NULL OR row.props.inferred IS NOT NULL THEN false END,
      r.sources = reduce(acc = r.sources, s IN row.sources | CASE WHEN s IN acc THEN acc ELSE acc + s END),
      r.datasets = r.datasets + [$dataset]
}
RETURN count(*) AS claims_written, sum(CASE WHEN new THEN 1 ELSE 0 END) AS relationships_created,
       collect(CASE WHEN how = 'shared' THEN {id: row.id, type: row.type, subject: row.subject_node,
                                               object: row.object_node} END) AS shared
