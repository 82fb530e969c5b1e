// name: decisions/undo
// purpose: Delete a decision that leaves nothing to give back: a distinct decision, or a merge whose record no dataset describes any more (a merge otherwise is undone by decisions/unmerge, which also gives back the record).
// param: id - the decision id, `distinct:<a>|<b>` or `merge:<id>`
// mode: write
MATCH (d:Decision {id: $id})
DELETE d
RETURN count(*) AS deleted
