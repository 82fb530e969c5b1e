// name: dump/set_empty_lists
// purpose: After a bulk restore, give back the empty lists neo4j-admin import cannot write (an empty cell is no property at all), on nodes found by their keys.
// param: rows - [{label, key, empty}]: a key label (vocabulary node_keys), the node's key, the properties whose value is an empty list
// mode: write
// note: a branch per key label of the vocabulary, each looked up in its uniqueness index: a label or
// note: property given as a parameter cannot use an index, and scanning 100,000 nodes per batch ran
// note: past the server's two-minute limit.
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.label = 'Entity'
  MATCH (n:Entity {id: row.key}) RETURN n
  UNION
  WITH row WHERE row.label = 'Claim'
  MATCH (n:Claim {id: row.key}) RETURN n
  UNION
  WITH row WHERE row.label = 'IngestRun'
  MATCH (n:IngestRun {id: row.key}) RETURN n
  UNION
  WITH row WHERE row.label = 'Decision'
  MATCH (n:Decision {id: row.key}) RETURN n
  UNION
  WITH row WHERE row.label = 'Dataset'
  MATCH (n:Dataset {name: row.key}) RETURN n
}
FOREACH (p IN row.empty | SET n[p] = [])
RETURN count(n) AS fixed
