// name: who_said_what
// purpose: Which dataset said what about a record and its facts, citing which sources: every claim on the record and on each of its relationships, earliest first.
// param: id - a record's id, e.g. person:sayat-adilbekuly
// mode: read
// example: chainwatch query who_said_what --param id=agency:antikor --format json
// note: `claim` holds the dataset's own values (under the same names the record has) and its
//   bookkeeping: dataset, priority, first_loaded, last_run. The record shows values derived
//   from all claims (docs/decisions.md); this is where each dataset's word stays.
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (c:Claim {target: n.id})
  WHERE c.relation IS NULL
  RETURN 'record' AS about, c
  UNION ALL
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT type(r) IN ['MENTIONS', 'LOADED']
  MATCH (c:Claim {target: r.id})
  WHERE c.relation IS NOT NULL
  RETURN c.subject + ' ' + c.relation + coalesce(' (' + c.role + ')', '') + ' ' + c.object AS about, c
}
RETURN about, c.dataset AS dataset, c.sources AS sources, properties(c) AS claim
ORDER BY about <> 'record', about, c.priority DESC, c.first_loaded, dataset
