// name: explorer/neighbourhood
// purpose: The nodes within N hops of one node (1 to 3), through the chosen relations, roles, labels and date window, capped; and how many there are in all.
// param: id - the centre's id
// param: hops - 1, 2 or 3
// param: relations - relation types to follow ([] for all)
// param: roles - participation roles to follow ([] for all; edges without a role always pass)
// param: labels - labels of the nodes to show ([] for all)
// param: date_from - start of the date window (a date), or null
// param: date_to - end of the date window, or null
// param: cap - most nodes to return besides the centre
// param: folded - crowds of the centre drawn as one node (explorer/hub_groups): [{type, role, outgoing}]; their relationships are not followed
// mode: read
MATCH (c:Entity {id: $id})
// one shortest path to each node around (a breadth-first walk that reaches each node once),
// never every path: a hub's neighbourhood costs its nodes, not their combinations
OPTIONAL MATCH p = ANY SHORTEST (c)(()-[r]-(x:Entity)
    WHERE NOT type(r) IN ['MENTIONS', 'LOADED'] AND NOT x:Source
      AND (size($relations) = 0 OR type(r) IN $relations)
      AND (size($roles) = 0 OR r.role IS NULL OR r.role IN $roles)
      AND ($date_from IS NULL OR coalesce(r.valid_to, date('9999-12-31')) >= date($date_from))
      AND ($date_to IS NULL OR coalesce(r.valid_from, date('0001-01-01')) <= date($date_to))
      AND NOT any(g IN $folded WHERE type(r) = g.type AND coalesce(r.role, '') = g.role
                  AND CASE WHEN g.outgoing THEN startNode(r) = c ELSE endNode(r) = c END)
      AND (size($labels) = 0 OR any(l IN labels(x) WHERE l IN $labels))){1,3}(m)
WHERE length(p) <= $hops AND m <> c
WITH c, m, length(p) AS distance
ORDER BY distance, m.id
WITH c, collect(m) AS found
WITH c, [m IN found WHERE m IS NOT NULL] AS found
RETURN c.id AS centre, size(found) AS total, [m IN found | m.id][..$cap] AS ids
