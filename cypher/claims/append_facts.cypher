// name: claims/append_facts
// purpose: Add to a batch of relationships a new claim each that ranks after every other (claims/unchanged_relations finds them), with the values it adds to the fact.
// param: ids - for each fact, its id
// param: types - for each fact, its relation type
// param: ends - for each fact, [subject, object]: the ids of the records at its ends now
// param: values - for each fact, its values after the claim, in the order the template names them
// param: said - for each fact, its claim's keys and values, in the order the template names them
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: the claim's first_loaded
// template: `/*values*/` is filled by graph/claims.py with `target.<key> = $values[i][<k>],` for each value a fact may take but its datasets (the first in the list), and `/*said*/` with `<key>: $said[i][<k>],` for each key of the batch's claims (identifiers only).
// mode: write
// note: as claims/append_records; the policy gives the values (graph/derivation.py:
//   `add_to_fact`): values the fact lacks, its sources and dataset, and `inferred` true only
//   while every claim says so.
UNWIND range(0, size($ids) - 1) AS i
MATCH (a:Entity {id: $ends[i][0]})
MATCH (b:Entity {id: $ends[i][1]})
MATCH (a)-[target {id: $ids[i]}]->(b)
WHERE type(target) = $types[i]
SET /*values*/ target.datasets = $values[i][0]
CREATE (c:Claim {/*said*/ dataset: $dataset, priority: $priority, last_run: $run, first_loaded: $now})
RETURN count(*) AS claims_written
