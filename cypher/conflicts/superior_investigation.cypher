// name: conflicts/superior_investigation
// purpose: Rule superior_investigation (high): the body that investigates or prosecutes an allegation stands above an implicated body in its chain of command at the allegation's date (the accused's own superiors investigate), below the apex.
// param: as_of - a date, or null: consider only events dated on or before it
// mode: read
// example: chainwatch conflicts --rule superior_investigation
MATCH (a:Event)
WHERE a.type IN ['ill_treatment', 'death', 'forced_confession']
  AND ($as_of IS NULL OR a.date_from IS NULL OR a.date_from <= date($as_of))
WITH a, coalesce(a.date_from, date('0001-01-01')) AS alo, coalesce(a.date_to, date('9999-12-31')) AS ahi
// the implicated bodies of A, each with the path that implicates it (custody included)
CALL (a, alo, ahi) {
  MATCH ipath = (i:Unit|Agency)-[r:PARTICIPATED_IN]->(a)
  WHERE r.role IN ['alleged_perpetrator', 'perpetrator', 'detaining_body']
  RETURN i, ipath
  UNION
  MATCH ipath = (i:Unit|Agency)<-[m:MEMBER_OF|COMMANDS]-(:Person)-[r:PARTICIPATED_IN]->(a)
  WHERE r.role IN ['alleged_perpetrator', 'perpetrator', 'detaining_body']
    AND coalesce(m.valid_from, alo) <= ahi AND coalesce(m.valid_to, ahi) >= alo
  RETURN i, ipath
  UNION
  MATCH ipath = (a)-[:OCCURRED_AT]->(:Facility)<-[op:OPERATES]-(i:Unit|Agency)
  WHERE coalesce(op.valid_from, alo) <= ahi AND coalesce(op.valid_to, ahi) >= alo
  RETURN i, ipath
}
// the oversight events of A (up to three CONCERNS hops) and their overseers at O's date
MATCH cpath = (o:Event)-[:CONCERNS*1..3]->(a)
WHERE o.type IN ['investigation', 'criminal_case', 'forensic_exam', 'prosecution', 'trial']
  AND ($as_of IS NULL OR o.date_from IS NULL OR o.date_from <= date($as_of))
WITH a, alo, ahi, i, ipath, o, cpath, coalesce(o.date_from, date('0001-01-01')) AS olo, coalesce(o.date_to, date('9999-12-31')) AS ohi
CALL (o, olo, ohi) {
  MATCH opath = (x:Unit|Agency)-[r:PARTICIPATED_IN]->(o)
  WHERE r.role IN ['investigating_body', 'prosecuting_body']
  RETURN x, opath
  UNION
  MATCH opath = (x:Unit|Agency)<-[m:MEMBER_OF|COMMANDS]-(:Person)-[r:PARTICIPATED_IN {role: 'investigator'}]->(o)
  WHERE coalesce(m.valid_from, olo) <= ohi AND coalesce(m.valid_to, ohi) >= olo
  RETURN x, opath
}
// the rule: the overseer is an ancestor of the implicated body at A's date, below the apex
MATCH upath = (i)-[:PART_OF*1..12]->(x)
WHERE NOT coalesce(x.apex, false)
  AND none(n IN nodes(upath) WHERE coalesce(n.apex, false))
  AND all(r IN relationships(upath) WHERE coalesce(r.valid_from, alo) <= ahi AND coalesce(r.valid_to, ahi) >= alo)
WITH a, x, i, collect(DISTINCT o.id) AS events, collect([ipath, cpath, opath, upath]) AS pathsets,
     min(length(upath)) AS levels
WITH a, x, i, events, levels, reduce(acc = [], ps IN pathsets | acc + ps) AS paths
WITH a, x, i, events, levels,
     reduce(acc = [], p IN paths | acc + [n IN nodes(p) WHERE NOT n IN acc]) AS ns,
     reduce(acc = [], p IN paths | acc + [r IN relationships(p) WHERE NOT r IN acc]) AS rs
RETURN 'superior_investigation' AS rule, 'high' AS severity, a.id AS allegation, x.id AS actor,
       i.id AS implicated, events,
       {nodes: [n IN ns | n.id], relationships: [r IN rs | r.id]} AS evidence,
       reduce(acc = [], s IN reduce(all = [], e IN ns + rs | all + coalesce(e.sources, [])) |
              CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources,
       'The ' + replace(a.type, '_', '-') + ' alleged in "' + a.title + '"' + coalesce(' (' + a.date + ')', '') +
       ' was investigated by ' + x.name + ', which stands ' + toString(levels) +
       CASE WHEN levels = 1 THEN ' level' ELSE ' levels' END + ' above ' + i.name +
       ', the body implicated in it, in the chain of command.' +
       CASE WHEN any(r IN rs WHERE r.confidence = 'low') THEN ' Part of this rests on low-confidence links.' ELSE '' END
       AS explanation
