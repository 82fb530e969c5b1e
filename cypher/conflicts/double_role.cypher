// name: conflicts/double_role
// purpose: Rule double_role (high): a body that oversees the inquiry into an allegation also investigates or prosecutes a charge or case in which the alleged victim is the accused.
// param: as_of - a date, or null: consider only events dated on or before it
// param: implicating_roles - roles in an allegation that implicate a body (vocabulary: conflict_terms)
// param: overseer_roles - a body's roles in an oversight event (vocabulary: conflict_terms)
// param: case_types - event types of a case against the victim (vocabulary: conflict_terms)
// after: findings/allegations
// mode: read
// example: chainwatch conflicts --rule double_role
// timeout: long
// the victims of A and the charges or cases in which each is the accused (few: read from the
// victim's side, not from the overseer's, which takes part in many events)
WITH a, participants, overseeing WHERE size(overseeing) > 0
UNWIND participants AS pr
WITH a, overseeing, pr.p AS v, pr.r AS vr
WHERE vr.role = 'victim' AND v:Person
MATCH vpath = (v)-[vr]->(a)
MATCH (v)-[vc:PARTICIPATED_IN {role: 'accused'}]->(c:Event)
WHERE c.type IN $case_types
  AND ($as_of IS NULL OR c.date_from IS NULL OR c.date_from <= date($as_of))
// the rule: a body overseeing A acts against the victim in that charge or case
UNWIND overseeing AS ov
WITH v, vpath, vc, c, a, ov.o AS o, ov.cpath AS cpath, ov.x AS x, ov.opath AS opath
WHERE c <> o
MATCH kpath = (v)-[vc]->(c)<-[xr:PARTICIPATED_IN]-(x)
WHERE xr.role IN $overseer_roles
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
