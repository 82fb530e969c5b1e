// name: dump/relationships
// purpose: Every relationship, with its type, properties and the keys of its two ends (for the dump).
// param: node_keys - {label: key property} from the vocabulary's node_keys
// mode: read
// timeout: long
MATCH (a)-[r]->(b)
WITH a, r, b, [l IN keys($node_keys) WHERE l IN labels(a)][0] AS al, [l IN keys($node_keys) WHERE l IN labels(b)][0] AS bl
RETURN al AS start_label, a[$node_keys[al]] AS start_key, type(r) AS type,
       bl AS end_label, b[$node_keys[bl]] AS end_key, properties(r) AS properties
