// name: dump/wipe_batch
// purpose: Delete up to $limit relationships, or when none is left up to $limit nodes (restore --wipe runs it until nothing is left).
// param: limit - how many relationships or nodes per transaction
// mode: write
// note: relationships first, so that a node with hundreds of thousands of them (a source every
//   record mentions) is never deleted with all of them in one transaction, which outgrew the
//   transaction memory of a 512 MB heap at 100,000 synthetic people.
CALL () {
  MATCH ()-[r]->()
  WITH r LIMIT $limit
  DELETE r
  RETURN count(*) AS relationships
}
CALL (relationships) {
  MATCH (n) WHERE relationships = 0
  WITH n LIMIT $limit
  DELETE n
  RETURN count(*) AS nodes
}
RETURN relationships + nodes AS deleted
