// name: claims/unchanged_relations
// purpose: Which rows of a batch of facts say exactly what this dataset's claims on those facts say already: a load touches their claims (claims/touch) and nothing else.
// param: rows - a list of {id, type, subject, object, props, sources}, as for claims/put_relations
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// mode: read
// note: as claims/unchanged_nodes; a fact's id is made from its ends, relation, role and dates
//   (ingest/validate.py: relation_id), so the same claim is about the same relationship.
UNWIND $rows AS row
MATCH (c:Claim {id: $dataset + '|' + row.id + '|' + row.type})
WITH row, c.id AS claim, properties(c) AS before
WHERE before.priority = $priority AND before.sources = row.sources
  AND before.subject = row.subject AND before.object = row.object
  AND all(k IN keys(row.props) WHERE coalesce(before[k] = row.props[k], before[k] IS NULL AND row.props[k] IS NULL))
RETURN collect(row.id + '|' + row.type) AS unchanged, collect(claim) AS claims
