// name: claims/replace_records
// purpose: Write a batch of changed claims on records no other dataset claims (claims/unchanged_nodes finds them), and give each record its claim's values.
// param: ids - for each record, its id
// param: claims - for each record, the id of this dataset's claim on it
// param: values - for each record, its values, in the order the template names them
// param: said - for each record, what its claim says now, in the order the template names them
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// template: `/*values*/` is filled by graph/claims.py with `target.<key> = $values[i][<k>],` for each value a record may take but its datasets (the first in the list), and `/*claim*/` with `claim.<key> = $said[i][<k>],` for each key of the batch's claims but its id (identifiers only).
// mode: write
// note: the values are those a record one dataset alone claims takes (graph/claims.py:
//   `sole_record`, as for claims/create_records); a key the claim no longer gives is set to
//   null, which removes it. Read by index, keys named: claims/append_records says why. The
//   record keeps its labels (graph/claims.py sends a row whose label changed to claims/put_nodes);
//   claims/unlink_sources and link_sources mend its MENTIONS links after.
UNWIND range(0, size($ids) - 1) AS i
MATCH (target:Entity {id: $ids[i]})
MATCH (claim:Claim {id: $claims[i]})
SET /*values*/ target.datasets = $values[i][0]
SET /*claim*/ claim.dataset = $dataset, claim.priority = $priority, claim.last_run = $run
RETURN count(*) AS claims_written
