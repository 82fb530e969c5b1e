// name: export/dataset
// purpose: What a dataset said (its own claims), or what the whole graph shows, as the rows of our own dataset format: nodes by label with their properties, facts with theirs, and the dataset's metadata.
// param: dataset - a dataset name, or null for the whole graph's derived values
// mode: read
// note: a claim keeps a dataset's values under the record's own property names, so one
// timeout: long
//   dataset exports exactly what it said, whatever other datasets added, under the ids it gave
//   (a claim's id is `<dataset>|<id as said>`; a merge changes only its target).
CALL () {
  CALL () {
    WITH $dataset AS whole WHERE whole IS NULL
    MATCH (n:Entity)
    RETURN {id: n.id, label: head([l IN labels(n) WHERE NOT l IN ['Entity', 'Actor']]),
            properties: properties(n)} AS node
    UNION ALL
    MATCH (c:Claim)
    WHERE c.id STARTS WITH $dataset + '|' AND c.relation IS NULL
    RETURN {id: substring(c.id, size($dataset) + 1), label: c.label, properties: properties(c)} AS node
  }
  RETURN collect(node) AS nodes
}
CALL () {
  CALL () {
    WITH $dataset AS whole WHERE whole IS NULL
    MATCH (a:Entity)-[r]->(b:Entity)
    WHERE type(r) <> 'MENTIONS'
    RETURN {subject: a.id, relation: type(r), object: b.id, properties: properties(r)} AS fact
    UNION ALL
    MATCH (c:Claim)
    WHERE c.id STARTS WITH $dataset + '|' AND c.relation IS NOT NULL
    RETURN {subject: c.subject, relation: c.relation, object: c.object, properties: properties(c)} AS fact
  }
  RETURN collect(fact) AS relations
}
OPTIONAL MATCH (d:Dataset {name: $dataset})
RETURN nodes, relations, properties(d) AS metadata
