// name: findings/strength
// purpose: How firmly each link and event on findings' evidence paths holds: its confidence, and whether it is inferred (marked `inferred` by its dataset, or citing only sources of the inferred kind).
// param: relationships - relationship ids on the evidence paths
// param: nodes - node ids on the evidence paths (events carry a confidence too)
// param: inferred_kind - the source kind whose facts count as inferred (vocabulary: conflict_terms.inferred_source_kind)
// mode: read
// timeout: long
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.id IN $relationships
  RETURN collect({id: r.id, confidence: r.confidence,
                  what: coalesce(a.name, a.title) + ' ' + type(r) + coalesce(' (' + r.role + ')', '') + ' ' +
                        coalesce(b.name, b.title),
                  inferred: coalesce(r.inferred, false) OR
                            (size(coalesce(r.sources, [])) > 0 AND
                             all(s IN r.sources WHERE EXISTS { MATCH (:Source {id: s, kind: $inferred_kind}) }))
                 }) AS links
}
CALL () {
  MATCH (e:Event)
  WHERE e.id IN $nodes
  RETURN collect({id: e.id, confidence: e.confidence, what: e.title,
                  inferred: size(coalesce(e.sources, [])) > 0 AND
                            all(s IN e.sources WHERE EXISTS { MATCH (:Source {id: s, kind: $inferred_kind}) })
                 }) AS events
}
RETURN links + events AS items
