// name: claims/put_nodes
// purpose: Write one dataset's claims on a batch of nodes (creating the nodes they are about), derive in place what needs no other claim, and return the rest, for derive_nodes.
// param: rows - a list of {id, node, label, labels, props, sources, name_keys}: `id` as the dataset says it, `node` the record it is now (another id when a merge decision took it in)
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: a new claim's first_loaded
// mode: write
// note: a claim holds exactly what the dataset says now: rows carry every column of the
//   vocabulary, an empty one as null, so a value the dataset no longer gives is removed from
//   its claim (`+=` with null); no other dataset's claim is touched. A claim's id keeps the id
//   the dataset gave (`<dataset>|<id>`), its target is the record. Records the graph did not
//   hold come by claims/create_records, rows that say what their claims said by
//   claims/unchanged_nodes, new claims that rank after every other by claims/append_records,
//   changed claims on what this dataset alone claims by claims/replace_records (graph/claims.py
//   sorts them). A node this dataset alone claims takes the claim's values (`sole`), which is
//   what derive_nodes would give: here, a record a fact kept when its claims went, or one whose
//   label changed. Every other node is returned in `shared`, for derive_nodes.
UNWIND $rows AS row
MERGE (n:Entity {id: row.node})
SET n:$(row.labels)
WITH n, row, n.datasets IS NULL AS new, coalesce(n.sources, []) AS had,
     coalesce(n.datasets, []) IN [[], [$dataset]] AND n.merged_ids IS NULL AND row.node = row.id AS sole
MERGE (c:Claim {id: $dataset + '|' + row.id})
ON CREATE SET c.first_loaded = $now
WITH n, row, new, had, sole, c
SET c += {dataset: $dataset, target: row.node, label: row.label,
         priority: $priority, last_run: $run, sources: row.sources, name_keys: row.name_keys}
SET c += row.props
WITH n, row, new, had, CASE WHEN sole THEN 'sole' ELSE 'shared' END AS how
CALL (n, row, how) {
  WITH n, row WHERE how = 'sole'
  SET n += row.props
  WITH n, row,
       reduce(acc = [], a IN coalesce(row.props.aliases, []) |
              CASE WHEN a IN acc OR a = row.props.name THEN acc ELSE acc + a END) AS aliases
  SET n.aliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END,
      n.sources = reduce(acc = [], s IN row.sources | CASE WHEN s IN acc THEN acc ELSE acc + s END),
      n.name_keys = row.name_keys,
      n.datasets = [$dataset]
}
// It links the node to the sources it did not cite before (a MENTIONS link exists exactly
// for each source in n.sources), and unlinks those it no longer cites.
CALL (n, had, how) {
  WITH n, had, how WHERE how = 'sole' AND had <> n.sources
  CALL (n, had) {
    WITH n WHERE size(had) > 0
    MATCH (s:Source)-[m:MENTIONS]->(n)
    WHERE NOT s.id IN n.sources
    DELETE m
  }
  UNWIND [sid IN n.sources WHERE NOT sid IN had] AS sid
  MATCH (s:Source {id: sid})
  CREATE (s)-[:MENTIONS]->(n)
}
RETURN count(*) AS claims_written, sum(CASE WHEN new THEN 1 ELSE 0 END) AS nodes_created,
       collect(CASE WHEN how = 'shared' THEN {id: row.node} END) AS shared
