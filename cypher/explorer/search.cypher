// name: explorer/search
// purpose: Names, titles and aliases matching a full-text query (the explorer's search box), best first.
// param: q - a Lucene query, e.g. azanov~ (the explorer adds ~ to each word for typos)
// param: limit - most results
// mode: read
CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score
RETURN node.id AS id, coalesce(node.name, node.title) AS name,
       head([l IN labels(node) WHERE NOT l IN ['Entity', 'Actor']]) AS label,
       node.aliases AS aliases, score
ORDER BY score DESC
LIMIT $limit
