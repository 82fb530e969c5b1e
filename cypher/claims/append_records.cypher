// name: claims/append_records
// purpose: Add to a batch of records a new claim each that ranks after every other (claims/unchanged_nodes finds them), with the values it adds to the record.
// param: ids - for each record, its id
// param: values - for each record, its values after the claim, in the order the template names them
// param: said - for each record, its claim's keys and values, in the order the template names them
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: the claim's first_loaded
// template: `/*values*/` is filled by graph/claims.py with `target.<key> = $values[i][<k>],` for each value a record may take but its datasets (the first in the list), and `/*said*/` with `<key>: $said[i][<k>],` for each key of the batch's claims (identifiers only).
// mode: write
// note: the policy gives the values (graph/derivation.py: `add_to_record`, the claim added to
//   what the record holds): a claim that ranks after every other and protects no one only adds
//   values the record lacks, its names as aliases, its sources, search keys and dataset. Values are read from lists by index,
//   never from a map by key (`$rows[i].name`): the planner takes a key read from a map for a
//   read of the property the SET writes, and would plan an Eager operator
//   (claims/create_records; `python -m bench.eager`). claims/link_sources links the records to
//   the sources they did not cite before.
UNWIND range(0, size($ids) - 1) AS i
MATCH (target:Entity {id: $ids[i]})
SET /*values*/ target.datasets = $values[i][0]
CREATE (c:Claim {/*said*/ dataset: $dataset, priority: $priority, last_run: $run, first_loaded: $now})
RETURN count(*) AS claims_written
