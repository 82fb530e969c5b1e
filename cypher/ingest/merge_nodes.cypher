// name: ingest/merge_nodes
// purpose: Create or update a batch of nodes by id, with their labels, properties, sources and MENTIONS links.
// param: rows - a list of {id, labels, props, sources}
// param: dataset - the dataset name, added to each node's `datasets`
// mode: write
// note: properties set to null are removed, so a re-load updates in place. Sources are
//   replaced when this dataset alone contributed the node, and merged otherwise.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
SET n += row.props
WITH n, row, [d IN coalesce(n.datasets, []) WHERE d <> $dataset] AS others
SET n.datasets = others + $dataset,
    n.sources = CASE WHEN size(others) = 0 THEN row.sources
                ELSE coalesce(n.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(n.sources, [])] END
WITH n
CALL (n) {
  UNWIND n.sources AS sid
  MATCH (s:Source {id: sid})
  MERGE (s)-[:MENTIONS]->(n)
}
CALL (n) {
  MATCH (s:Source)-[m:MENTIONS]->(n)
  WHERE NOT s.id IN n.sources
  DELETE m
}
RETURN count(n) AS written
