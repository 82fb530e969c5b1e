// name: claims/replace_records
// purpose: Write a batch of changed claims on records no other dataset claims (claims/unchanged_nodes finds them), and give each record its claim's values.
// param: elements - for each record, its element id (claims/unchanged_nodes returns it, in the same transaction)
// param: claims - for each record, the element id of this dataset's claim on it
// param: values - for each record, a map of the values the claim changes (graph/claims.py: `_changed`)
// param: said - for each record, what its claim says now, every key but its id (null for a value it no longer gives)
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// mode: write
// note: the values are those a record one dataset alone claims takes (graph/claims.py:
//   `sole_record`, as for claims/create_records); a value the claim no longer gives is set to
//   null, which removes it. Record and claim are found by element id and set from maps, reading
//   nothing this writes (claims/append_records). The record keeps its labels (graph/claims.py
//   settles a row whose label changed with the rest: `_settle_records`); claims/unlink_sources and
//   link_sources mend its MENTIONS links after.
UNWIND range(0, size($elements) - 1) AS i
MATCH (target)
WHERE elementId(target) = $elements[i]
MATCH (claim)
WHERE elementId(claim) = $claims[i]
SET target += $values[i]
SET claim += $said[i]
SET claim.dataset = $dataset, claim.priority = $priority, claim.last_run = $run
RETURN count(*) AS claims_written
