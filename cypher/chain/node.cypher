// name: chain/node
// purpose: The name and labels of one node, to head a chain or say it does not exist.
// param: id - the node's id
// mode: read
MATCH (n:Entity {id: $id})
RETURN n.id AS id, coalesce(n.name, n.title) AS name, coalesce(n.apex, false) AS apex,
       [l IN labels(n) WHERE NOT l IN ['Entity', 'Actor']] AS labels
