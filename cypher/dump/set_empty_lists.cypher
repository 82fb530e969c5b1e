// name: dump/set_empty_lists
// purpose: After a bulk restore, give back the empty lists neo4j-admin import cannot write (an empty cell is no property at all), on the nodes of one key label found by their keys.
// param: label - a key label (vocabulary node_keys)
// param: key - its key property
// param: empties - {key value: [property names whose value is an empty list]}, a batch
// mode: write
// note: one scan of the label per batch (an IN list is looked up as a set), never one per node.
MATCH (n:$($label))
WHERE n[$key] IN keys($empties)
FOREACH (p IN $empties[n[$key]] | SET n[p] = [])
RETURN count(n) AS fixed
