// name: explorer/search
// purpose: Names, titles and aliases matching a search, in the script typed or any other, best first (the explorer's search box and `chainwatch search`).
// param: q - a Lucene query on names as written, e.g. azanov~ (graph/search.py adds ~ to each word for typos)
// param: keys - a Lucene query on name keys, e.g. kisimbaev~1 (graph/names.py: Кийсымбаев, Kiysymbayev)
// param: limit - most results
// mode: read
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_name_keys', $keys) YIELD node, score
  RETURN node, score
}
WITH node, max(score) AS score
RETURN node.id AS id, coalesce(node.name, node.title) AS name,
       head([l IN labels(node) WHERE NOT l IN ['Entity', 'Actor']]) AS label,
       node.aliases AS aliases, score
ORDER BY score DESC, id
LIMIT $limit
