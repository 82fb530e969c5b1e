// name: claims/append_facts
// purpose: Add to a batch of relationships a new claim each that ranks after every other (claims/unchanged_relations finds them), with the values it adds to the fact.
// param: elements - for each fact, its element id (claims/unchanged_relations returns it, in the same transaction)
// param: values - for each fact, a map of the values the claim changes (graph/claims.py: `_changed`)
// param: said - for each fact, its claim: its keys and what it says
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: the claim's first_loaded
// mode: write
// note: as claims/append_records; the policy gives the values (graph/derivation.py:
//   `add_to_fact`): values the fact lacks, its sources and dataset, and `inferred` true only
//   while every claim says so. The element id finds the fact without its two ends.
UNWIND range(0, size($elements) - 1) AS i
MATCH (:Entity)-[target]->(:Entity)
WHERE elementId(target) = $elements[i]
SET target += $values[i]
CREATE (c:Claim)
SET c = $said[i]
SET c.dataset = $dataset, c.priority = $priority, c.last_run = $run, c.first_loaded = $now
RETURN count(*) AS claims_written
