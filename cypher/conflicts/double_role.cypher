// name: conflicts/double_role
// purpose: Rule double_role (high): a body that oversees the inquiry into an allegation also investigates or prosecutes a charge or case in which the alleged victim is the accused.
// param: as_of - a date, or null: consider only events dated on or before it
// mode: read
// example: chainwatch conflicts --rule double_role
MATCH vpath = (v:Person)-[:PARTICIPATED_IN {role: 'victim'}]->(a:Event)
WHERE a.type IN ['ill_treatment', 'death', 'forced_confession']
  AND ($as_of IS NULL OR a.date_from IS NULL OR a.date_from <= date($as_of))
// the oversight events of A (up to three CONCERNS hops) and their overseers at O's date
MATCH cpath = (o:Event)-[:CONCERNS*1..3]->(a)
WHERE o.type IN ['investigation', 'criminal_case', 'forensic_exam', 'prosecution', 'trial']
  AND ($as_of IS NULL OR o.date_from IS NULL OR o.date_from <= date($as_of))
WITH v, vpath, a, o, cpath, coalesce(o.date_from, date('0001-01-01')) AS olo, coalesce(o.date_to, date('9999-12-31')) AS ohi
CALL (o, olo, ohi) {
  MATCH opath = (x:Unit|Agency)-[r:PARTICIPATED_IN]->(o)
  WHERE r.role IN ['investigating_body', 'prosecuting_body']
  RETURN x, opath
  UNION
  MATCH opath = (x:Unit|Agency)<-[m:MEMBER_OF|COMMANDS]-(:Person)-[r:PARTICIPATED_IN {role: 'investigator'}]->(o)
  WHERE coalesce(m.valid_from, olo) <= ohi AND coalesce(m.valid_to, ohi) >= olo
  RETURN x, opath
}
// the rule: the same body acts against the victim in a charge or case
MATCH kpath = (v)-[:PARTICIPATED_IN {role: 'accused'}]->(c:Event)<-[xr:PARTICIPATED_IN]-(x)
WHERE c.type IN ['charge', 'criminal_case', 'prosecution'] AND xr.role IN ['prosecuting_body', 'investigating_body']
  AND ($as_of IS NULL OR c.date_from IS NULL OR c.date_from <= date($as_of))
  AND c <> o
// the accused body it is tied to, if any: who took part as perpetrator or detainer, or ran the facility
OPTIONAL MATCH (i:Unit|Agency)-[ir:PARTICIPATED_IN]->(a)
  WHERE ir.role IN ['alleged_perpetrator', 'perpetrator', 'detaining_body']
OPTIONAL MATCH (a)-[:OCCURRED_AT]->(:Facility)<-[:OPERATES]-(op:Unit|Agency)
WITH v, a, x, c, xr, collect(DISTINCT o.id) AS oversight, collect([vpath, cpath, opath, kpath]) AS pathsets,
     head(collect(DISTINCT i.id) + collect(DISTINCT op.id)) AS implicated
WITH v, a, x, c, xr, oversight, implicated, reduce(acc = [], ps IN pathsets | acc + ps) AS paths
WITH v, a, x, c, xr, oversight, implicated,
     reduce(acc = [], p IN paths | acc + [n IN nodes(p) WHERE NOT n IN acc]) AS ns,
     reduce(acc = [], p IN paths | acc + [r IN relationships(p) WHERE NOT r IN acc]) AS rs
RETURN 'double_role' AS rule, 'high' AS severity, a.id AS allegation, x.id AS actor,
       implicated, oversight + [c.id] AS events,
       {nodes: [n IN ns | n.id], relationships: [r IN rs | r.id]} AS evidence,
       reduce(acc = [], s IN reduce(all = [], e IN ns + rs | all + coalesce(e.sources, [])) |
              CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources,
       x.name + ' oversees the inquiry into "' + a.title + '"' + coalesce(' (' + a.date + ')', '') +
       ' and is also the ' + replace(xr.role, '_', ' ') + ' in "' + c.title + '", where the alleged victim, ' +
       v.name + ', is the accused.' +
       CASE WHEN any(r IN rs WHERE r.confidence = 'low') THEN ' Part of this rests on low-confidence links.' ELSE '' END
       AS explanation
