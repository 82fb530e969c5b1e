// name: export/network
// purpose: The data graph as a network for Gephi and yEd: actors and events with their attributes, and the facts between them (sources are attributes, not nodes).
// param: dataset - a dataset name, or null for every dataset
// mode: read
// timeout: long
CALL () {
  MATCH (n:Entity)
  WHERE NOT n:Source AND ($dataset IS NULL OR $dataset IN n.datasets)
  RETURN collect({id: n.id, name: coalesce(n.name, n.title),
                  kind: head([l IN labels(n) WHERE NOT l IN ['Entity', 'Actor']]),
                  event_type: n.type, date: n.date, end_date: n.end_date, status: n.status,
                  start: n.date_from, end: n.date_to, sources: n.sources, datasets: n.datasets}) AS nodes
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE NOT a:Source AND NOT b:Source AND ($dataset IS NULL OR $dataset IN r.datasets)
  RETURN collect({id: r.id, source: a.id, target: b.id, relation: type(r), role: r.role,
                  start: r.valid_from, end: r.valid_to, confidence: r.confidence, sources: r.sources,
                  quote: r.quote, datasets: r.datasets}) AS edges
}
RETURN nodes, edges
