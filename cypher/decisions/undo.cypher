// name: decisions/undo
// purpose: Delete a distinct decision (a merge is undone by decisions/unmerge, which also gives back the record).
// param: id - the decision id, `distinct:<a>|<b>`
// mode: write
MATCH (d:Decision {id: $id, kind: 'distinct'})
DELETE d
RETURN count(*) AS deleted
