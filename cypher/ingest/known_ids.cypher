// name: ingest/known_ids
// purpose: Which of these ids are already in the graph, and with which labels (validation of references).
// param: ids - a list of ids
// mode: read
// timeout: long
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE NOT l IN ['Entity', 'Actor']] AS labels
