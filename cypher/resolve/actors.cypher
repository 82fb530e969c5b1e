// name: resolve/actors
// purpose: What `chainwatch resolve` compares of each actor: names, name keys, birth date, datasets, postings with their dates, and events.
// param: datasets - the datasets whose records to read (a record is read if any of its claims is from one), or null for all
// mode: read
// note: one row per actor that has name keys; postings are MEMBER_OF and COMMANDS links, with
// timeout: long
//   their dates as `valid_from` / `valid_to` (null when open).
MATCH (n:Actor)
WHERE n.name_keys IS NOT NULL AND ($datasets IS NULL OR any(d IN n.datasets WHERE d IN $datasets))
RETURN n.id AS id, head([l IN labels(n) WHERE NOT l IN ['Entity', 'Actor']]) AS label,
       n.name AS name, coalesce(n.aliases, []) AS aliases, n.name_keys AS keys,
       n.birth_date AS born, n.datasets AS datasets,
       [(n)-[m:MEMBER_OF|COMMANDS]->(u) | {unit: u.id, from: m.valid_from, to: m.valid_to}] AS postings,
       [(n)-[:PARTICIPATED_IN]->(e) | e.id] AS events
ORDER BY n.id
