// name: stats/relationships
// purpose: How many relationships there are of each type.
// mode: read
// timeout: long
CALL db.relationshipTypes() YIELD relationshipType AS type
CALL (type) {
  MATCH ()-[r:$(type)]->()
  RETURN count(r) AS count
}
RETURN type, count
ORDER BY type
