// name: ingest/merge_nodes
// purpose: Create or update a batch of nodes by id, with their labels, properties, sources and MENTIONS links.
// param: rows - a list of {id, labels, props, sources, name_keys}
// param: dataset - the dataset name, added to each node's `datasets`
// param: name_keys - bench/claims_ingest.py: true to write the rows' name_keys as today's ingest
//   does (a union, as sources are). Search keys came with entity resolution (issue 10) after this
//   statement was frozen; with them the baseline pays their full-text index as ingest does.
// mode: write
// note: a node that only this dataset contributed takes the dataset's values as they are now
//   (a value set to null is removed, so a re-load updates in place). A node that other datasets
//   share only gains what it lacks: no value another dataset gave is blanked or replaced, a
//   different name becomes an alias, and sources are unioned. Protection is sticky: no load
//   turns `protected` off or drops a pseudonym (docs/decisions.md).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
WITH n, row, [d IN coalesce(n.datasets, []) WHERE d <> $dataset] AS others,
     coalesce(n.protected, false) AS was_protected, n.pseudonym AS old_pseudonym,
     n.name AS old_name, coalesce(n.aliases, []) AS old_aliases
FOREACH (_ IN CASE WHEN size(others) = 0 THEN [1] ELSE [] END | SET n += row.props)
FOREACH (k IN CASE WHEN size(others) > 0 THEN keys(row.props) ELSE [] END |
  SET n[k] = coalesce(n[k], row.props[k]))
WITH n, row, others, was_protected, old_pseudonym, old_name, old_aliases,
     CASE WHEN size(others) > 0 THEN old_aliases ELSE [] END +
     CASE WHEN size(others) > 0 AND row.props.name IS NOT NULL AND old_name IS NOT NULL
               AND row.props.name <> old_name THEN [row.props.name] ELSE [] END +
     coalesce(row.props.aliases, []) AS aliases
SET n.datasets = others + $dataset,
    n.sources = CASE WHEN size(others) = 0 THEN row.sources
                ELSE coalesce(n.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(n.sources, [])] END,
    n.aliases = CASE WHEN size(aliases) = 0 AND n.aliases IS NULL THEN null
                ELSE reduce(acc = [], a IN aliases | CASE WHEN a IN acc OR a = n.name THEN acc ELSE acc + a END) END,
    n.protected = CASE WHEN was_protected THEN true ELSE n.protected END,
    n.pseudonym = coalesce(n.pseudonym, old_pseudonym),
    n.name_keys = CASE WHEN NOT $name_keys THEN n.name_keys
                       WHEN size(others) = 0 THEN row.name_keys
                       ELSE coalesce(n.name_keys, []) + [k IN coalesce(row.name_keys, [])
                                                         WHERE NOT k IN coalesce(n.name_keys, [])] END
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
