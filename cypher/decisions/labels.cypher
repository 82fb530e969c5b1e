// name: decisions/labels
// purpose: The label the claims that came with some ids give their record (what an unmerged record is).
// param: final - the record they are on now
// param: members - the ids
// mode: read
MATCH (c:Claim {target: $final})
WHERE c.relation IS NULL AND split(c.id, '|')[1] IN $members
RETURN collect(DISTINCT c.label) AS labels
