// name: claims/withdraw
// purpose: Take a batch of one dataset's claims out (relationship claims or node claims) and say what they were about, so the same transaction can derive those again.
// param: dataset - the dataset name
// param: relations - true for relationship claims, false for node claims
// param: keep_run - null to withdraw every claim of the dataset; an IngestRun id to withdraw only those that run did not write (ingest --replace)
// param: limit - how many claims at most
// mode: write
MATCH (c:Claim)
WHERE c.id STARTS WITH $dataset + '|' AND (c.relation IS NOT NULL) = $relations AND ($keep_run IS NULL OR c.last_run <> $keep_run)
WITH c LIMIT $limit
WITH c, {id: c.target, type: c.relation, subject: c.subject, object: c.object} AS target
DELETE c
RETURN target
