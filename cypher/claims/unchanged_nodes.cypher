// name: claims/unchanged_nodes
// purpose: Which rows of a batch say exactly what this dataset's claims on those records say already: a load touches their claims (claims/touch) and nothing else.
// param: rows - a list of {id, node, label, props, sources, name_keys}, as for claims/put_nodes
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// mode: read
// note: most rows of a corrected dataset loaded again. A value is the same when both are
//   equal or both absent; rows carry every column of the vocabulary (claims/put_nodes).
UNWIND $rows AS row
MATCH (c:Claim {id: $dataset + '|' + row.id})
WITH row, c.id AS claim, properties(c) AS before
WHERE before.target = row.node AND before.priority = $priority AND before.label = row.label
  AND before.sources = row.sources
  AND coalesce(before.name_keys = row.name_keys, before.name_keys IS NULL AND row.name_keys IS NULL)
  AND all(k IN keys(row.props) WHERE coalesce(before[k] = row.props[k], before[k] IS NULL AND row.props[k] IS NULL))
RETURN collect(row.id) AS unchanged, collect(claim) AS claims
