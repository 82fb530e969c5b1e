// name: ingest/sweep
// purpose: For --replace: withdraw a dataset from every node and relationship it no longer contains; delete what it alone contributed.
// param: dataset - the dataset name
// param: node_ids - ids of the nodes the dataset still contains
// param: relation_ids - ids of the relationships the dataset still contains
// mode: write
// note: a node that another dataset still links to is kept (its `datasets` may become empty),
//   so a fact contributed by another dataset never loses an end.
CALL () {
  MATCH ()-[r]->()
  WHERE $dataset IN r.datasets AND NOT r.id IN $relation_ids
  WITH r, [d IN r.datasets WHERE d <> $dataset] AS others
  FOREACH (_ IN CASE WHEN size(others) = 0 THEN [1] ELSE [] END | DELETE r)
  FOREACH (_ IN CASE WHEN size(others) > 0 THEN [1] ELSE [] END | SET r.datasets = others)
  RETURN count(*) AS relations_withdrawn
}
CALL () {
  MATCH (n:Entity)
  WHERE $dataset IN n.datasets AND NOT n.id IN $node_ids
  WITH n, [d IN n.datasets WHERE d <> $dataset] AS others
  SET n.datasets = others
  WITH n, others
  WHERE size(others) = 0 AND NOT EXISTS { (n)--(m) WHERE NOT m:Source AND NOT m:IngestRun }
  DETACH DELETE n
  RETURN count(*) AS nodes_deleted
}
RETURN relations_withdrawn, nodes_deleted
