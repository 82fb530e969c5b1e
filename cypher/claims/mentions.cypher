// name: claims/mentions
// purpose: The MENTIONS links of records to sources they no longer cite (graph/claims.py: `_relink`), by element id, for claims/unlink_sources to delete in the same transaction.
// param: links - a list of {source, node}: a source id and a record id
// mode: read
UNWIND $links AS link
MATCH (:Source {id: link.source})-[m:MENTIONS]->(:Entity {id: link.node})
RETURN elementId(m) AS element
