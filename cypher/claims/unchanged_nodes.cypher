// name: claims/unchanged_nodes
// purpose: Sort the rows of a batch of records that validation could not show to be new: those that say exactly what this dataset's claim on the record says already have that claim touched (said again by this load, so `ingest --replace` keeps it) and nothing else; those whose record and claim the graph does not hold are returned, for claims/create_records; every other row is returned with what the graph holds of it (`held`): how it was found, the element ids of record and claim, the labels the record lacks and, for a new claim that would rank after every other (`last`, for claims/append_records) or a changed claim that is the only one on the record (`sole`, for claims/replace_records), the record's values. The rest have their claims written whole and their records derived again (graph/claims.py: `_settle_records`).
// param: rows - a list of {id, node, label, labels, props, sources, name_keys}: `id` as the dataset says it, `node` the record it is now (another id when a merge decision took it in), `labels` the record's labels, `props` every column of the vocabulary, an empty one as null; only {id, node, labels} when the dataset has no claim in the graph (claims/dataset_held), so that no row is unchanged
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// mode: write
// note: one look-up a row, whatever the row turns out to be: most rows of a corrected dataset
//   loaded again are unchanged. A value is the same when both are equal or both absent; rows
//   carry every column of the vocabulary. A new claim ranks after every other when no claim
//   on the record has a lower priority (claims are ordered by priority, then by when they were
//   first loaded) and other datasets claim it; graph/claims.py appends it only if it protects
//   no one and names the record itself (no merge took its id in). Every claim is compared
//   before any is touched (the collect), so the plan needs no Eager operator
//   (tests/test_plans.py). A row found unchanged looks up null, not its record: the planner
//   puts the seek before a `WHERE NOT same`, and a seek for every row of an unchanged reload
//   cost it a fifth more time. The element ids let the writes after find record and claim
//   without a look-up of their own, in the same transaction.
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
WITH row, c, n, properties(n) AS values, labels(n) AS labels, CASE
       WHEN same THEN 'unchanged'
       WHEN c IS NULL AND n IS NULL THEN 'absent'
       WHEN c IS NULL AND size(coalesce(n.datasets, [])) > 0 AND NOT $dataset IN n.datasets
            AND NOT EXISTS { MATCH (o:Claim {target: row.node}) WHERE o.relation IS NULL AND o.priority < $priority }
         THEN 'last'
       WHEN kept AND n.datasets = [$dataset] AND n.merged_ids IS NULL THEN 'sole'
       ELSE 'other' END AS found
WITH collect(CASE WHEN found = 'unchanged' THEN c END) AS touched,
     collect(CASE WHEN found = 'unchanged' THEN row.id END) AS unchanged,
     collect(CASE WHEN found = 'absent' THEN row.id END) AS absent,
     collect(CASE WHEN found IN ['last', 'sole', 'other']
                  THEN {id: row.id, found: found, element: elementId(n), claim: elementId(c),
                        lacks: [label IN row.labels WHERE n IS NULL OR NOT label IN labels],
                        values: CASE WHEN found <> 'other' THEN values END} END) AS held
FOREACH (c IN touched | SET c.last_run = $run)
RETURN unchanged, absent, held, size(touched) AS claims_written
