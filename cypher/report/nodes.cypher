// name: report/nodes
// purpose: The nodes a report shows (allegations, actors, evidence), by id.
// param: ids - a list of node ids
// mode: read
// timeout: long
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, coalesce(n.name, n.title) AS name,
       head([l IN labels(n) WHERE NOT l IN ['Entity', 'Actor']]) AS label,
       n.type AS type, n.date AS date, n.end_date AS end_date, n.status AS status, n.place AS place,
       coalesce(n.apex, false) AS apex
