// name: stats/labels
// purpose: How many nodes carry each label.
// mode: read
// timeout: long
CALL db.labels() YIELD label
CALL (label) {
  MATCH (n:$(label))
  RETURN count(n) AS count
}
RETURN label, count
ORDER BY label
