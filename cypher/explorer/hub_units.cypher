// name: explorer/hub_units
// purpose: A hub's crowd (explorer/hub_groups) by unit: the other nodes its members are linked to by the same relation in the same direction (a ministry's members by the department they also serve in), largest first, with how many of the crowd each holds.
// param: id - the centre's id
// param: type - the crowd's relation
// param: role - its role ('' for none)
// param: outgoing - whether the crowd's relationships leave the centre
// param: limit - most units to return
// mode: read
// note: one more hop per member, so it costs the crowd's members' degrees.
MATCH (c:Entity {id: $id})-[r]-(m:Entity)
WHERE type(r) = $type AND coalesce(r.role, '') = $role AND (startNode(r) = c) = $outgoing
MATCH (m)-[s]-(u:Entity)
WHERE type(s) = $type AND u <> c AND NOT u:Source AND (startNode(s) = m) = (startNode(r) = m)
WITH u, count(DISTINCT m) AS n
RETURN u.id AS id, coalesce(u.name, u.title) AS name, n
ORDER BY n DESC, id
LIMIT $limit
