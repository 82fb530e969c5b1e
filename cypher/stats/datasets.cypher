// name: stats/datasets
// purpose: The datasets loaded, with their latest run (when, which files, what it wrote).
// note: a Dataset with no run (one made by hand in Neo4j Browser) is listed with none.
// mode: read
// timeout: long
MATCH (d:Dataset)
OPTIONAL MATCH (r:IngestRun)-[:LOADED]->(d)
WITH d, r ORDER BY r.started DESC
WITH d, collect(r)[0] AS last, count(r) AS runs
RETURN d.name AS dataset, d.title AS title, runs,
       last.status AS last_status,
       CASE WHEN last.started IS NOT NULL THEN toString(datetime.truncate('second', last.started)) END AS last_started,
       last.nodes AS nodes, last.relations AS relations, last.files AS files
ORDER BY dataset
