// name: decisions/all
// purpose: Every identity decision, oldest first: merges (which id now resolves to which record) and pairs judged distinct.
// mode: read
// example: chainwatch resolve --decided
// timeout: long
MATCH (d:Decision)
RETURN d.id AS id, d.kind AS kind, d.canonical AS canonical, d.merged AS merged, d.a AS a, d.b AS b,
       d.decided AS decided, d.note AS note
ORDER BY d.decided, d.id
