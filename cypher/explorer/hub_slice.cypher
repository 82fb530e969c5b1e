// name: explorer/hub_slice
// purpose: The members of one of a hub's crowds (explorer/hub_groups) whose relationship began in a given year (null: no start recorded), to draw them node by node.
// param: id - the centre's id
// param: type - the relation
// param: role - the role ('' for none)
// param: outgoing - whether the relationship leaves the centre
// param: year - the year it began, or null for those without a start
// param: cap - most nodes to return
// mode: read
MATCH (c:Entity {id: $id})-[r]-(m:Entity)
WHERE type(r) = $type AND coalesce(r.role, '') = $role AND (startNode(r) = c) = $outgoing
  AND (r.valid_from.year = $year OR ($year IS NULL AND r.valid_from IS NULL))
RETURN m.id AS id
ORDER BY m.id
LIMIT $cap
