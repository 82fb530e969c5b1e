// name: claims/replace_facts
// purpose: Write a batch of changed claims on relationships no other dataset claims (claims/unchanged_relations finds them), and give each fact its claim's values.
// param: ids - for each fact, its id
// param: types - for each fact, its relation type
// param: ends - for each fact, [subject, object]: the ids of the records at its ends now
// param: claims - for each fact, the id of this dataset's claim on it
// param: values - for each fact, its values, in the order the template names them
// param: said - for each fact, what its claim says now, in the order the template names them
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// template: as claims/replace_records.
// mode: write
// note: the values are those a fact one dataset alone claims takes (graph/claims.py:
//   `sole_fact`, as for claims/create_facts); a key the claim no longer gives is removed.
UNWIND range(0, size($ids) - 1) AS i
MATCH (a:Entity {id: $ends[i][0]})
MATCH (b:Entity {id: $ends[i][1]})
MATCH (a)-[target {id: $ids[i]}]->(b)
WHERE type(target) = $types[i]
MATCH (claim:Claim {id: $claims[i]})
SET /*values*/ target.datasets = $values[i][0]
SET /*claim*/ claim.dataset = $dataset, claim.priority = $priority, claim.last_run = $run
RETURN count(*) AS claims_written
