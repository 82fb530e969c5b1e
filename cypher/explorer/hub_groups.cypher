// name: explorer/hub_groups
// purpose: A hub's crowds: the centre's relationships grouped by relation, role and direction, each group larger than the limit, with its size and how many began in each year, so the network draws a crowd as one node.
// param: id - the centre's id
// param: relations - relation types to follow ([] for all)
// param: roles - participation roles to follow ([] for all; edges without a role always pass)
// param: date_from - start of the date window (a date), or null
// param: date_to - end of the date window, or null
// param: limit - the largest group drawn node by node
// mode: read
// note: counted from the centre's own relationships (one hop), so it costs what the hub's
//   degree costs, never what its neighbourhood's paths would.
MATCH (c:Entity {id: $id})-[r]-(m:Entity)
WHERE NOT type(r) IN ['MENTIONS', 'LOADED'] AND NOT m:Source
  AND (size($relations) = 0 OR type(r) IN $relations)
  AND (size($roles) = 0 OR r.role IS NULL OR r.role IN $roles)
  AND ($date_from IS NULL OR coalesce(r.valid_to, date('9999-12-31')) >= date($date_from))
  AND ($date_to IS NULL OR coalesce(r.valid_from, date('0001-01-01')) <= date($date_to))
WITH type(r) AS type, coalesce(r.role, '') AS role, startNode(r) = c AS outgoing,
     r.valid_from.year AS year, count(*) AS n
WITH type, role, outgoing, sum(n) AS size,
     collect({year: year, n: n}) AS years
WHERE size > $limit
RETURN type, role, outgoing, size, years
ORDER BY size DESC, type, role
