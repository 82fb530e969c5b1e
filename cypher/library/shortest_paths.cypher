// name: shortest_paths
// purpose: The shortest connections between two actors (any relations, either direction) within N hops, each with the ids of its nodes and relationships.
// param: from - an actor's id, e.g. person:baurzhan-azanov
// param: to - another actor's id, e.g. unit:almaty-region-police
// param: max_hops - at most this many hops (1 to 10)
// mode: read
// example: chainwatch query shortest_paths --param from=person:baurzhan-azanov --param to=unit:almaty-region-police --param max_hops=4
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..10]-(b))
WHERE length(p) <= $max_hops
  AND none(n IN nodes(p) WHERE n:Source)
RETURN length(p) AS hops,
       [n IN nodes(p) | coalesce(n.name, n.title)] AS through,
       [r IN relationships(p) | type(r) + coalesce(' (' + r.role + ')', '')] AS relations,
       [n IN nodes(p) | n.id] AS node_ids,
       [r IN relationships(p) | r.id] AS relationship_ids
LIMIT 25
