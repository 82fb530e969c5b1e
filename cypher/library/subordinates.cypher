// name: subordinates
// purpose: Every body below a unit or agency through PART_OF, and who COMMANDS each; one row per edge with its dates, confidence and sources. With as_of, only edges valid on that date.
// param: id - a Unit or Agency id, e.g. agency:mvd
// param: as_of - a date such as 2022-01-05, or null for every subordinate at any time
// mode: read
// example: chainwatch query subordinates --param id=agency:mvd --param as_of=2022-01-10
WITH CASE WHEN $as_of IS NULL THEN null ELSE date($as_of) END AS d
MATCH (top:Entity {id: $id})
OPTIONAL MATCH down = (top)<-[:PART_OF*1..12]-(:Unit|Agency)
  WHERE all(r IN relationships(down) WHERE d IS NULL OR (coalesce(r.valid_from, d) <= d AND coalesce(r.valid_to, d) >= d))
WITH top, d, collect(down) AS downs
WITH d, [top] + reduce(ns = [], p IN downs | ns + nodes(p)) AS below,
     reduce(rs = [], p IN downs | rs + relationships(p)) AS links
UNWIND below AS b
OPTIONAL MATCH (b)<-[cmd:COMMANDS]-(:Person)
  WHERE d IS NULL OR (coalesce(cmd.valid_from, d) <= d AND coalesce(cmd.valid_to, d) >= d)
WITH links, collect(cmd) AS commands
UNWIND links + commands AS r
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN type(r) AS relation, a.id AS from_id, coalesce(a.name, a.title) AS from_name,
       head([l IN labels(a) WHERE NOT l IN ['Entity', 'Actor']]) AS from_label,
       b.id AS to_id, coalesce(b.name, b.title) AS to_name, b.apex AS to_apex,
       head([l IN labels(b) WHERE NOT l IN ['Entity', 'Actor']]) AS to_label,
       coalesce(r.title, r.role) AS post, r.start AS start, r.`end` AS `end`,
       r.confidence AS confidence, r.sources AS sources, r.id AS rel_id
ORDER BY relation = 'COMMANDS', to_id, from_id, start
