// name: explorer/hub_slice
// purpose: The members of one of a hub's crowds (explorer/hub_groups) whose relationship began in a given year (null: no start recorded), or who are also linked to a given unit by the same relation (explorer/hub_units), to draw them node by node.
// param: id - the centre's id
// param: type - the relation
// param: role - the role ('' for none)
// param: outgoing - whether the relationship leaves the centre
// param: year - the year it began, or null for those without a start (when unit is null)
// param: unit - the id of a unit the members are also linked to by the same relation, or null to choose by year
// param: cap - most nodes to return
// mode: read
MATCH (c:Entity {id: $id})-[r]-(m:Entity)
WHERE type(r) = $type AND coalesce(r.role, '') = $role AND (startNode(r) = c) = $outgoing
  AND CASE WHEN $unit IS NULL THEN r.valid_from.year = $year OR ($year IS NULL AND r.valid_from IS NULL)
           ELSE EXISTS { MATCH (m)-[s]-(:Entity {id: $unit})
                         WHERE type(s) = $type AND (startNode(s) = m) = (startNode(r) = m) } END
RETURN m.id AS id
ORDER BY m.id
LIMIT $cap
