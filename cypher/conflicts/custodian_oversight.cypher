// name: conflicts/custodian_oversight
// purpose: Rule custodian_oversight (critical): the body that investigates or prosecutes an allegation runs the facility where it happened, so it holds custodial responsibility for it.
// param: as_of - a date, or null: consider only events dated on or before it
// mode: read
// example: chainwatch conflicts --rule custodian_oversight
MATCH (a:Event)
WHERE a.type IN ['ill_treatment', 'death', 'forced_confession']
  AND ($as_of IS NULL OR a.date_from IS NULL OR a.date_from <= date($as_of))
WITH a, coalesce(a.date_from, date('0001-01-01')) AS alo, coalesce(a.date_to, date('9999-12-31')) AS ahi
// the facility where A happened and who ran it at A's date
MATCH fpath = (a)-[:OCCURRED_AT]->(f:Facility)<-[op:OPERATES]-(x:Unit|Agency)
WHERE coalesce(op.valid_from, alo) <= ahi AND coalesce(op.valid_to, ahi) >= alo
// the oversight events of A (up to three CONCERNS hops) and their overseers at O's date
MATCH cpath = (o:Event)-[:CONCERNS*1..3]->(a)
WHERE o.type IN ['investigation', 'criminal_case', 'forensic_exam', 'prosecution', 'trial']
  AND ($as_of IS NULL OR o.date_from IS NULL OR o.date_from <= date($as_of))
WITH a, f, x, fpath, o, cpath, coalesce(o.date_from, date('0001-01-01')) AS olo, coalesce(o.date_to, date('9999-12-31')) AS ohi
CALL (o, olo, ohi, x) {
  MATCH opath = (x)-[r:PARTICIPATED_IN]->(o)
  WHERE r.role IN ['investigating_body', 'prosecuting_body']
  RETURN opath
  UNION
  MATCH opath = (x)<-[m:MEMBER_OF|COMMANDS]-(:Person)-[r:PARTICIPATED_IN {role: 'investigator'}]->(o)
  WHERE coalesce(m.valid_from, olo) <= ohi AND coalesce(m.valid_to, ohi) >= olo
  RETURN opath
}
WITH a, f, x, collect(DISTINCT o.id) AS events, collect([fpath, cpath, opath]) AS pathsets
WITH a, f, x, events, reduce(acc = [], ps IN pathsets | acc + ps) AS paths
WITH a, f, x, events,
     reduce(acc = [], p IN paths | acc + [n IN nodes(p) WHERE NOT n IN acc]) AS ns,
     reduce(acc = [], p IN paths | acc + [r IN relationships(p) WHERE NOT r IN acc]) AS rs
RETURN 'custodian_oversight' AS rule, 'critical' AS severity, a.id AS allegation, x.id AS actor,
       x.id AS implicated, events,
       {nodes: [n IN ns | n.id], relationships: [r IN rs | r.id]} AS evidence,
       reduce(acc = [], s IN reduce(all = [], e IN ns + rs | all + coalesce(e.sources, [])) |
              CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources,
       'The ' + replace(a.type, '_', '-') + ' alleged in "' + a.title + '"' + coalesce(' (' + a.date + ')', '') +
       ' happened in ' + f.name + ', which ' + x.name + ' runs, and ' + x.name + ' also investigated it.' +
       CASE WHEN any(r IN rs WHERE r.confidence = 'low') THEN ' Part of this rests on low-confidence links.' ELSE '' END
       AS explanation
