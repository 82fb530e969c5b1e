// name: claims/unchanged_relations
// purpose: Sort the rows of a batch of facts that validation could not show to be new: those that say exactly what this dataset's claim on the fact says already have that claim touched (said again by this load, so `ingest --replace` keeps it) and nothing else; those the graph does not hold (no claim of this dataset, no relationship of that id between the same records) are returned, for claims/create_facts; every other row is returned with what the graph holds of it (`held`): how it was found, the element ids of fact and claim and, for a new claim that would rank after every other (`last`, for claims/append_facts) or a changed claim that is the only one on the fact (`sole`, for claims/replace_facts), the fact's values. The rest have their claims written whole and their facts derived again (graph/claims.py: `_settle_facts`).
// param: rows - a list of {id, type, subject, object, subject_node, object_node, props, sources}: subject and object as the dataset says them, the *_node ids the records they are now (graph/decisions.py); only {id, type, subject_node, object_node} when the dataset has no claim in the graph (claims/dataset_held), so that no row is unchanged
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// mode: write
// note: as claims/unchanged_nodes; a fact's id is made from its ends, relation, role and dates
//   (ingest/validate.py: relation_id), so the same claim is about the same relationship.
//   A new claim on a fact ranks after every other as on a record. The fact is found between its
//   two ends, each found first (a unit's end may hold thousands of postings to walk), and
//   only for a row not found unchanged (claims/unchanged_nodes says why).
UNWIND $rows AS row
OPTIONAL MATCH (c:Claim {id: $dataset + '|' + row.id + '|' + row.type})
WITH row, c, properties(c) AS before
WITH row, c, c IS NOT NULL AND coalesce(
       before.priority = $priority AND before.sources = row.sources
       AND before.subject = row.subject AND before.object = row.object
       AND all(k IN keys(row.props) WHERE coalesce(before[k] = row.props[k], before[k] IS NULL AND row.props[k] IS NULL)),
       false) AS same
OPTIONAL MATCH (a:Entity {id: CASE WHEN same THEN null ELSE row.subject_node END})
OPTIONAL MATCH (b:Entity {id: CASE WHEN same THEN null ELSE row.object_node END})
OPTIONAL MATCH (a)-[r {id: row.id}]->(b) WHERE type(r) = row.type
WITH row, c, r, properties(r) AS values, CASE
       WHEN same THEN 'unchanged'
       WHEN c IS NULL AND r IS NULL THEN 'absent'
       WHEN c IS NULL AND size(coalesce(r.datasets, [])) > 0 AND NOT $dataset IN r.datasets
            AND NOT EXISTS { MATCH (o:Claim {target: row.id}) WHERE o.relation IS NOT NULL AND o.priority < $priority }
         THEN 'last'
       WHEN c IS NOT NULL AND r.datasets = [$dataset] THEN 'sole'
       ELSE 'other' END AS found
WITH collect(CASE WHEN found = 'unchanged' THEN c END) AS touched,
     collect(CASE WHEN found = 'unchanged' THEN row.id + '|' + row.type END) AS unchanged,
     collect(CASE WHEN found = 'absent' THEN row.id + '|' + row.type END) AS absent,
     collect(CASE WHEN found IN ['last', 'sole', 'other']
                  THEN {id: row.id + '|' + row.type, found: found, element: elementId(r), claim: elementId(c),
                        values: CASE WHEN found <> 'other' THEN values END} END) AS held
FOREACH (c IN touched | SET c.last_run = $run)
RETURN unchanged, absent, held, size(touched) AS claims_written
