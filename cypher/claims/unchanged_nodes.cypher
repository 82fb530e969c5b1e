// name: claims/unchanged_nodes
// purpose: Sort the rows of a batch of records that validation could not show to be new: those that say exactly what this dataset's claim on the record says already have that claim touched (said again by this load, so `ingest --replace` keeps it) and nothing else; those whose record the graph does not hold are returned, for claims/create_records; those whose new claim would rank after every other are returned with the record's values and element id, for claims/append_records; those whose changed claim is the only one on the record are returned with its values, labels and the element ids of record and claim, for claims/replace_records; the rest go to claims/put_nodes.
// param: rows - a list of {id, node, label, props, sources, name_keys}, as for claims/put_nodes; only {id, node} when the dataset has no claim in the graph (claims/dataset_held), so that no row is unchanged
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// mode: write
// note: one look-up a row, whatever the row turns out to be: most rows of a corrected dataset
//   loaded again are unchanged. A value is the same when both are equal or both absent; rows
//   carry every column of the vocabulary (claims/put_nodes). The graph is asked whether it holds
//   the record only for a row this dataset has not claimed. A new claim ranks after every other
//   when no claim on the record has a lower priority (claims are ordered by priority, then by
//   when they were first loaded) and other datasets claim it; graph/claims.py appends it only
//   if it protects no one and names the record itself (no merge took its id in). Every claim is
//   compared before any is touched (the collect), so the plan needs no Eager operator
//   (tests/test_plans.py). A row found unchanged looks up null, not its record: the planner
//   puts the seek before a `WHERE NOT same`, and a seek for every row of an unchanged reload
//   cost it a fifth more time.
UNWIND $rows AS row
OPTIONAL MATCH (c:Claim {id: $dataset + '|' + row.id})
WITH row, c, properties(c) AS before
WITH row, c, c IS NOT NULL AND coalesce(
       before.target = row.node AND before.priority = $priority AND before.label = row.label
       AND before.sources = row.sources
       AND coalesce(before.name_keys = row.name_keys, before.name_keys IS NULL AND row.name_keys IS NULL)
       AND all(k IN keys(row.props) WHERE coalesce(before[k] = row.props[k], before[k] IS NULL AND row.props[k] IS NULL)),
       false) AS same, c.target = row.node AS kept
OPTIONAL MATCH (n:Entity {id: CASE WHEN same THEN null ELSE row.node END})
WITH row, c, same, kept, n, properties(n) AS values, labels(n) AS labels
WITH collect(CASE WHEN same THEN c END) AS touched,
     collect(CASE WHEN same THEN row.id END) AS unchanged,
     collect(CASE WHEN c IS NULL AND n IS NULL THEN row.id END) AS absent,
     collect(CASE WHEN c IS NULL AND n IS NOT NULL AND size(coalesce(n.datasets, [])) > 0 AND NOT $dataset IN n.datasets
                       AND NOT EXISTS { MATCH (o:Claim {target: row.node}) WHERE o.relation IS NULL AND o.priority < $priority }
                  THEN {id: row.id, values: values, element: elementId(n)} END) AS last,
     collect(CASE WHEN NOT same AND kept AND n.datasets = [$dataset] AND n.merged_ids IS NULL
                  THEN {id: row.id, values: values, labels: labels, element: elementId(n), claim: elementId(c)} END) AS sole
FOREACH (c IN touched | SET c.last_run = $run)
RETURN unchanged, absent, last, sole, size(touched) AS claims_written
