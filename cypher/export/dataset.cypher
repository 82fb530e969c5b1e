// name: export/dataset
// purpose: What a dataset holds (or the whole graph), as the rows of our own dataset format: nodes by label with their properties, facts with theirs, and the dataset's metadata.
// param: dataset - a dataset name, or null for everything
// mode: read
CALL () {
  MATCH (n:Entity)
  WHERE $dataset IS NULL OR $dataset IN n.datasets
  RETURN collect({id: n.id, label: head([l IN labels(n) WHERE NOT l IN ['Entity', 'Actor']]),
                  properties: properties(n)}) AS nodes
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE type(r) <> 'MENTIONS' AND ($dataset IS NULL OR $dataset IN r.datasets)
  RETURN collect({subject: a.id, relation: type(r), object: b.id, properties: properties(r)}) AS relations
}
OPTIONAL MATCH (d:Dataset {name: $dataset})
RETURN nodes, relations, properties(d) AS metadata
