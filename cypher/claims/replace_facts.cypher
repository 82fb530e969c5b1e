// name: claims/replace_facts
// purpose: Write a batch of changed claims on relationships no other dataset claims (claims/unchanged_relations finds them), and give each fact its claim's values.
// param: elements - for each fact, its element id (claims/unchanged_relations returns it, in the same transaction)
// param: claims - for each fact, the element id of this dataset's claim on it
// param: values - for each fact, a map of the values the claim changes (graph/claims.py: `_changed`)
// param: said - for each fact, what its claim says now, every key but its id (null for a value it no longer gives)
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// mode: write
// note: the values are those a fact one dataset alone claims takes (graph/claims.py:
//   `sole_fact`, as for claims/create_facts); a key the claim no longer gives is removed. As
//   claims/replace_records.
UNWIND range(0, size($elements) - 1) AS i
MATCH ()-[target]->()
WHERE elementId(target) = $elements[i]
MATCH (claim)
WHERE elementId(claim) = $claims[i]
SET target += $values[i]
SET claim += $said[i]
SET claim.dataset = $dataset, claim.priority = $priority, claim.last_run = $run
RETURN count(*) AS claims_written
