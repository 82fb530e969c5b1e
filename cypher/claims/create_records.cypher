// name: claims/create_records
// purpose: Create a batch of records the graph does not hold yet (claims/unchanged_nodes finds them), each with this dataset's claim and the values it gives.
// param: props - for each record, the values its dataset gives (a row's `props`, as for claims/unchanged_nodes)
// param: records - for each record, {id, aliases, sources, name_keys, datasets}: its aliases but its name, or null, and its sources, each once
// param: labels - for each record, the labels it carries besides Entity
// param: claims - for each record, its claim's {id, target, label, sources, name_keys}
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: the claim's first_loaded
// mode: write
// note: the values are those the policy gives a record one dataset alone claims
//   (graph/claims.py: `sole_record`), as ingest/bulk.py gives them too (tests/test_bulk.py compares them). Columns, read by
//   index, not rows (`UNWIND $rows AS row`), and maps set whole: the planner knows an element
//   of a parameter is no node, so it sees that nothing here reads what it writes, and the plan
//   holds no Eager operator (`python -m bench.eager`); it takes `row.x`, and even `$rows[i].x`
//   in a SET, for a read of a property that the writes of earlier rows might change.
//   claims/link_sources links the records to their sources after.
UNWIND range(0, size($props) - 1) AS i
CREATE (n:Entity)
SET n = $props[i]
SET n += $records[i]
SET n:$($labels[i])
CREATE (c:Claim)
SET c = $props[i]
SET c += $claims[i]
SET c.dataset = $dataset, c.priority = $priority, c.last_run = $run, c.first_loaded = $now
RETURN count(*) AS nodes_created, count(*) AS claims_written
