// name: ingest/merge_relations
// purpose: Create or update a batch of relationships by their stable id, between nodes that already exist.
// param: rows - a list of {id, type, subject, object, props, sources}
// param: dataset - the dataset name, added to each relationship's `datasets`
// mode: write
// note: both ends are matched in the same transaction that creates the relationship,
//   so an interrupted load never leaves a half-linked fact. As with nodes, a relationship
//   other datasets share only gains the values it lacks; its sources are unioned.
UNWIND $rows AS row
MATCH (a:Entity {id: row.subject})
MATCH (b:Entity {id: row.object})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
WITH r, row, [d IN coalesce(r.datasets, []) WHERE d <> $dataset] AS others
FOREACH (_ IN CASE WHEN size(others) = 0 THEN [1] ELSE [] END | SET r += row.props)
FOREACH (k IN CASE WHEN size(others) > 0 THEN keys(row.props) ELSE [] END |
  SET r[k] = coalesce(r[k], row.props[k]))
SET r.datasets = others + $dataset,
    r.sources = CASE WHEN size(others) = 0 THEN row.sources
                ELSE coalesce(r.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(r.sources, [])] END
RETURN count(r) AS written
