// name: claims/unlink_sources
// purpose: Unlink records from sources they no longer cite (claims/replace_records): delete the MENTIONS from each.
// param: links - a list of {source, node}: a source id and a record id
// mode: write
UNWIND $links AS link
MATCH (:Source {id: link.source})-[m:MENTIONS]->(:Entity {id: link.node})
DELETE m
