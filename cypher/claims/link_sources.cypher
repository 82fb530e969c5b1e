// name: claims/link_sources
// purpose: Link records to sources they cite and did not before (claims/create_records, claims/append_records): a MENTIONS from each source the graph holds.
// param: links - a list of {source, node}: a source id and a record id
// mode: write
UNWIND $links AS link
MATCH (s:Source {id: link.source})
MATCH (n:Entity {id: link.node})
CREATE (s)-[:MENTIONS]->(n)
