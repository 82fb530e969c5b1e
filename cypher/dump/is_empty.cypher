// name: dump/is_empty
// purpose: Whether the database holds no node at all (restore writes only into an empty one).
// mode: read
RETURN NOT EXISTS { MATCH (n) } AS empty
