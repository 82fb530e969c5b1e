// name: claims/append_records
// purpose: Add to a batch of records a new claim each that ranks after every other (claims/unchanged_nodes finds them), with the values it adds to the record.
// param: elements - for each record, its element id (claims/unchanged_nodes returns it, in the same transaction)
// param: values - for each record, a map of the values the claim changes (graph/claims.py: `_changed`)
// param: said - for each record, its claim: its keys and what it says
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: the claim's first_loaded
// mode: write
// note: the policy gives the values (graph/derivation.py: `add_to_record`, the claim added to
//   what the record holds): a claim that ranks after every other and protects no one only adds
//   values the record lacks, its names as aliases, its sources, search keys and dataset. The
//   record is found by its element id, reading none of its properties (its label tells the
//   planner it is no claim this statement creates), and the claim is
//   created before it is set: so maps of any keys are set from elements of parameters, and
//   nothing here reads what it writes (no Eager operator: claims/create_records says why).
//   claims/link_sources links the records to the sources they did not cite before.
UNWIND range(0, size($elements) - 1) AS i
MATCH (target:Entity)
WHERE elementId(target) = $elements[i]
SET target += $values[i]
CREATE (c:Claim)
SET c = $said[i]
SET c.dataset = $dataset, c.priority = $priority, c.last_run = $run, c.first_loaded = $now
RETURN count(*) AS claims_written
