// name: ingest/existing
// purpose: For --dry-run: how many of these node ids and relationship ids are already in the graph.
// param: node_ids - a list of node ids
// param: relations - a list of {id, subject, object}
// mode: read
// timeout: long
CALL () {
  UNWIND $node_ids AS id
  MATCH (n:Entity {id: id})
  RETURN count(n) AS nodes
}
CALL () {
  UNWIND $relations AS rel
  MATCH (:Entity {id: rel.subject})-[r {id: rel.id}]->(:Entity {id: rel.object})
  RETURN count(r) AS relations
}
RETURN nodes, relations
