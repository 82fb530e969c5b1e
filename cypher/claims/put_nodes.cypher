// name: claims/put_nodes
// purpose: Write one dataset's claims on a batch of nodes (creating the nodes they are about) and derive the nodes no other dataset claims; return the others, for derive_nodes.
// param: rows - a list of {id, label, labels, props, sources}
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: a new claim's first_loaded
// mode: write
// note: a claim holds exactly what the dataset says now: rows carry every column of the
//   vocabulary, an empty one as null, so a value the dataset no longer gives is removed from
//   its claim (`+=` with null); no other dataset's claim is touched. A node this dataset alone claims takes the claim's values as they are, which is
//   what derive_nodes would give it, without reading the claim back; a node other datasets
//   claim too is returned in `shared`, for derive_nodes.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
WITH n, row, n.datasets IS NULL AS new, coalesce(n.sources, []) AS had,
     coalesce(n.datasets, []) IN [[], [$dataset]] AS sole
MERGE (c:Claim {id: $dataset + '|' + row.id})
ON CREATE SET c.first_loaded = $now
SET c += {dataset: $dataset, target: row.id, label: row.label,
         priority: $priority, last_run: $run, sources: row.sources}
SET c += row.props
WITH n, row, new, had, sole
CALL (n, row, had, sole) {
  WITH n, row, had WHERE sole
  SET n += row.props
  WITH n, row, had,
       reduce(acc = [], a IN coalesce(row.props.aliases, []) |
              CASE WHEN a IN acc OR a = row.props.name THEN acc ELSE acc + a END) AS aliases
  SET n.aliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END,
      n.sources = reduce(acc = [], s IN row.sources | CASE WHEN s IN acc THEN acc ELSE acc + s END),
      n.datasets = [$dataset]
  WITH n, had WHERE had <> n.sources
  CALL (n) {
    MATCH (s:Source)-[m:MENTIONS]->(n)
    WHERE NOT s.id IN n.sources
    DELETE m
  }
  UNWIND n.sources AS sid
  MATCH (s:Source {id: sid})
  MERGE (s)-[:MENTIONS]->(n)
}
RETURN count(*) AS claims_written, sum(CASE WHEN new THEN 1 ELSE 0 END) AS nodes_created,
       collect(CASE WHEN sole THEN null ELSE {id: row.id} END) AS shared
