// name: chain_of_command
// purpose: The chain of responsibility upward from a person or a body: a person's postings (MEMBER_OF, COMMANDS), then PART_OF up to the apex, and who COMMANDS each body; one row per edge with its dates, confidence and sources. With as_of, only edges valid on that date; without it, every edge at any time with its validity range.
// param: id - a Person, Unit or Agency id, e.g. person:olzhas-bektenov
// param: as_of - a date such as 2022-01-05, or null for every ancestor at any time
// mode: read
// example: chainwatch query chain_of_command --param id=unit:almaty-district-police --param as_of=2022-01-11
WITH CASE WHEN $as_of IS NULL THEN null ELSE date($as_of) END AS d
MATCH (start:Entity {id: $id})
OPTIONAL MATCH (start:Person)-[post:MEMBER_OF|COMMANDS]->(posted:Unit|Agency|Organization)
  WHERE d IS NULL OR (coalesce(post.valid_from, d) <= d AND coalesce(post.valid_to, d) >= d)
WITH start, d, collect(post) AS posts,
     CASE WHEN start:Person THEN collect(DISTINCT posted) ELSE [start] END AS bodies
UNWIND (CASE WHEN bodies = [] THEN [null] ELSE bodies END) AS body
OPTIONAL MATCH up = (body)-[:PART_OF*1..12]->(:Unit|Agency)
  WHERE all(r IN relationships(up) WHERE d IS NULL OR (coalesce(r.valid_from, d) <= d AND coalesce(r.valid_to, d) >= d))
    AND none(n IN nodes(up)[..-1] WHERE coalesce(n.apex, false))
WITH d, posts, bodies, collect(up) AS ups
WITH d, posts, bodies + reduce(ns = [], p IN ups | ns + nodes(p)) AS chain,
     reduce(rs = [], p IN ups | rs + relationships(p)) AS links
UNWIND chain AS b
OPTIONAL MATCH (b)<-[cmd:COMMANDS]-(:Person)
  WHERE d IS NULL OR (coalesce(cmd.valid_from, d) <= d AND coalesce(cmd.valid_to, d) >= d)
WITH posts, links, collect(cmd) AS commands
UNWIND posts + links + commands AS r
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN type(r) AS relation, a.id AS from_id, coalesce(a.name, a.title) AS from_name,
       head([l IN labels(a) WHERE NOT l IN ['Entity', 'Actor']]) AS from_label,
       b.id AS to_id, coalesce(b.name, b.title) AS to_name, b.apex AS to_apex,
       head([l IN labels(b) WHERE NOT l IN ['Entity', 'Actor']]) AS to_label,
       coalesce(r.title, r.role) AS post, r.start AS start, r.`end` AS `end`,
       r.confidence AS confidence, r.sources AS sources, r.id AS rel_id
ORDER BY relation = 'COMMANDS', relation <> 'PART_OF', from_id, start
