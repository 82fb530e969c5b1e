// name: conflicts/double_role
// purpose: Rule double_role (high): a body that oversees the inquiry into an allegation also investigates or prosecutes a charge or case in which the alleged victim is the accused.
// param: as_of - a date, or null: consider only events dated on or before it
// param: allegation_types - event types that are allegations (vocabulary: conflict_terms)
// param: implicating_roles - roles in an allegation that implicate a body (vocabulary: conflict_terms)
// param: oversight_types - event types that oversee an allegation (vocabulary: conflict_terms)
// param: overseer_roles - a body's roles in an oversight event (vocabulary: conflict_terms)
// param: investigator_roles - a person's roles in an oversight event (vocabulary: conflict_terms)
// param: case_types - event types of a case against the victim (vocabulary: conflict_terms)
// mode: read
// example: chainwatch conflicts --rule double_role
// timeout: long
MATCH vpath = (v:Person)-[:PARTICIPATED_IN {role: 'victim'}]->(a:Event)
WHERE a.type IN $allegation_types
  AND ($as_of IS NULL OR a.date_from IS NULL OR a.date_from <= date($as_of))
// the oversight events of A (up to three CONCERNS hops) and their overseers at O's date
MATCH cpath = (o:Event)-[:CONCERNS*1..3]->(a)
WHERE o.type IN $oversight_types
  AND ($as_of IS NULL OR o.date_from IS NULL OR o.date_from <= date($as_of))
WITH v, vpath, a, o, cpath, coalesce(o.date_from, date('0001-01-01')) AS olo, coalesce(o.date_to, date('9999-12-31')) AS ohi
// (O's participants read once, each going on to the branch its role and label call for: a body
// in an overseeing role, or a person investigating, whose bodies at O's date oversee it)
CALL (o, olo, ohi) {
  MATCH (p)-[r:PARTICIPATED_IN]->(o)
  WHERE r.role IN $overseer_roles OR r.role IN $investigator_roles
  CALL (p, r, o, olo, ohi) {
    MATCH opath = (p:Unit|Agency)-[r]->(o)
    WHERE r.role IN $overseer_roles
    RETURN p AS x, opath
    UNION
    MATCH opath = (x:Unit|Agency)<-[m:MEMBER_OF|COMMANDS]-(p:Person)-[r]->(o)
    WHERE r.role IN $investigator_roles
      AND coalesce(m.valid_from, olo) <= ohi AND coalesce(m.valid_to, ohi) >= olo
    RETURN x, opath
  }
  RETURN x, opath
}
// the rule: the same body acts against the victim in a charge or case
MATCH kpath = (v)-[:PARTICIPATED_IN {role: 'accused'}]->(c:Event)<-[xr:PARTICIPATED_IN]-(x)
WHERE c.type IN $case_types AND xr.role IN $overseer_roles
  AND ($as_of IS NULL OR c.date_from IS NULL OR c.date_from <= date($as_of))
  AND c <> o
WITH v, a, x, c, xr, o, vpath, cpath, opath, kpath ORDER BY c.date_from, c.id, o.id
// one finding per allegation and overseer, listing every case and every implicated body of A
WITH a, x, collect(DISTINCT {title: c.title, role: xr.role, victim: v.name}) AS cases,
     collect(DISTINCT c.id) AS case_ids, collect(DISTINCT o.id) AS oversight,
     collect([vpath, cpath, opath, kpath]) AS pathsets
CALL (a) {
  OPTIONAL MATCH (i:Unit|Agency)-[ir:PARTICIPATED_IN]->(a) WHERE ir.role IN $implicating_roles
  WITH collect(DISTINCT i.id) AS bodies
  OPTIONAL MATCH (a)-[:OCCURRED_AT]->(:Facility)<-[:OPERATES]-(op:Unit|Agency)
  WITH bodies, collect(DISTINCT op.id) AS operators
  RETURN bodies + [o IN operators WHERE NOT o IN bodies] AS implicated
}
WITH a, x, cases, case_ids, oversight, implicated, reduce(acc = [], ps IN pathsets | acc + ps) AS paths
WITH a, x, cases, case_ids, oversight, implicated,
     reduce(acc = [], p IN paths | acc + [n IN nodes(p) WHERE NOT n IN acc]) AS ns,
     reduce(acc = [], p IN paths | acc + [r IN relationships(p) WHERE NOT r IN acc]) AS rs
RETURN 'double_role' AS rule, 'high' AS severity, a.id AS allegation, x.id AS actor,
       implicated, oversight + case_ids AS events,
       {nodes: [n IN ns | n.id], relationships: [r IN rs | r.id]} AS evidence,
       reduce(acc = [], s IN reduce(all = [], e IN ns + rs | all + coalesce(e.sources, [])) |
              CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources,
       x.name + ' oversees the inquiry into "' + a.title + '"' + coalesce(' (' + a.date + ')', '') +
       ' and is also ' +
       reduce(s = '', c IN cases | s + CASE WHEN s = '' THEN '' ELSE ' and ' END +
              'the ' + replace(c.role, '_', ' ') + ' in "' + c.title + '", where the alleged victim, ' +
              c.victim + ', is the accused') + '.' AS explanation
