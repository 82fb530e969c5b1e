// name: dump/set_empty_lists
// purpose: After a bulk import, give a batch of nodes back the empty lists neo4j-admin import cannot write (an empty cell is no property at all); run until it fixes none.
// param: limit - how many nodes per transaction
// mode: write
// note: graph/bulk.py imports a node that had empty lists with the label BulkEmptyLists and
// note: the names of those properties in bulk_empty_lists; both are taken off here, so each
// note: batch finds the next through the label's lookup index, and nothing is sent from Python.
MATCH (n:BulkEmptyLists)
WITH n LIMIT $limit
FOREACH (p IN n.bulk_empty_lists | SET n[p] = [])
REMOVE n:BulkEmptyLists, n.bulk_empty_lists
RETURN count(n) AS fixed
