// name: claims/create_facts
// purpose: Create a batch of relationships the graph does not hold yet (claims/unchanged_relations finds them), each with this dataset's claim and the values it gives.
// param: rows - a list of {id, type, subject, object, subject_node, object_node, props, sources}, as for claims/unchanged_relations
// param: sources - for each row, its sources, each once
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: the claim's first_loaded
// template: `/*props*/` is filled by graph/claims.py with `<key>: $rows[i].props.<key>,` for each key of the batch's values (identifiers only).
// mode: write
// note: the values are those the policy gives a fact one dataset alone claims
//   (graph/claims.py: `sole_fact`). Both ends are matched in the transaction that creates the relationship, so an
//   interrupted load never leaves a half-linked fact; a fact whose end is missing is not
//   created, nor its claim. The values are named in the CREATE, rather than set from a map
//   (`SET r = ...`) that might hold the `id` the ends are found by: so the plan holds no
//   Eager operator (claims/create_records says why rows are read by index).
UNWIND range(0, size($rows) - 1) AS i
MATCH (a:Entity) WHERE a.id = $rows[i].subject_node
MATCH (b:Entity) WHERE b.id = $rows[i].object_node
CREATE (a)-[r:$($rows[i].type) {/*props*/ id: $rows[i].id, sources: $sources[i], datasets: [$dataset]}]->(b),
       (c:Claim {/*props*/ id: $dataset + '|' + $rows[i].id + '|' + $rows[i].type, dataset: $dataset,
                 target: $rows[i].id, relation: $rows[i].type, subject: $rows[i].subject, object: $rows[i].object,
                 priority: $priority, last_run: $run, first_loaded: $now, sources: $rows[i].sources})
RETURN count(*) AS relationships_created, count(*) AS claims_written
