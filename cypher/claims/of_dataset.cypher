// name: claims/of_dataset
// purpose: A batch of one dataset's claims to take out (relationship claims or node claims), by element id, with what each is about, for claims/drop_claims to delete and graph/claims.py to derive those again in the same transaction.
// param: dataset - the dataset name
// param: relations - true for relationship claims, false for node claims
// param: keep_run - null to withdraw every claim of the dataset; an IngestRun id to withdraw only those that run did not write (ingest --replace)
// param: limit - how many claims at most
// mode: read
MATCH (c:Claim)
WHERE c.id STARTS WITH $dataset + '|' AND (c.relation IS NOT NULL) = $relations AND ($keep_run IS NULL OR c.last_run <> $keep_run)
RETURN elementId(c) AS element, {id: c.target, type: c.relation, subject: c.subject, object: c.object} AS target
LIMIT $limit
