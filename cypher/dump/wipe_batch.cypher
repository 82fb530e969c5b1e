// name: dump/wipe_batch
// purpose: Delete up to $limit nodes with their relationships (restore --wipe runs it until nothing is left).
// param: limit - how many nodes per transaction
// mode: write
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
