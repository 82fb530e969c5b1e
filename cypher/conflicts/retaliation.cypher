// name: conflicts/retaliation
// purpose: Rule retaliation (high): after a complaint about an allegation (and after the allegation itself), a retaliation, charge, arrest, detention or obstruction targets the complainant, the victim, their lawyer or a relative, and a body taking part in it is in the accused chain (an implicated body or its superior below the apex) or oversees the allegation.
// param: as_of - a date, or null: consider only events dated on or before it
// param: allegation_types - event types that are allegations (vocabulary: conflict_terms)
// param: implicating_roles - roles in an allegation that implicate a body (vocabulary: conflict_terms)
// param: oversight_types - event types that oversee an allegation (vocabulary: conflict_terms)
// param: overseer_roles - a body's roles in an oversight event (vocabulary: conflict_terms)
// param: investigator_roles - a person's roles in an oversight event (vocabulary: conflict_terms)
// param: retaliation_types - event types that may retaliate (vocabulary: conflict_terms)
// param: target_roles - roles in which a person is targeted by such an act (vocabulary: conflict_terms)
// mode: read
// example: chainwatch conflicts --rule retaliation
// timeout: long
MATCH (a:Event)
WHERE a.type IN $allegation_types
  AND ($as_of IS NULL OR a.date_from IS NULL OR a.date_from <= date($as_of))
WITH a, coalesce(a.date_from, date('0001-01-01')) AS alo, coalesce(a.date_to, date('9999-12-31')) AS ahi
// a complaint about A, directly or through up to three CONCERNS hops
MATCH kpath = (k:Event {type: 'complaint'})-[:CONCERNS*1..3]->(a)
WHERE $as_of IS NULL OR k.date_from IS NULL OR k.date_from <= date($as_of)
// the people a retaliation could target: the complainant, the victim, their lawyers and relatives
// (each branch starts from the complaint and the allegation themselves, bound here, never from
// every person: matched against an unbound event, the planner scanned all people per complaint)
CALL (a, k) {
  UNWIND [[k, 'complainant'], [a, 'victim']] AS side
  WITH side[0] AS e, side[1] AS role
  MATCH tpath = (t:Person)-[p:PARTICIPATED_IN]->(e)
  WHERE p.role = role
  RETURN t, tpath
  UNION
  UNWIND [[k, 'complainant'], [a, 'victim']] AS side
  WITH side[0] AS e, side[1] AS role
  MATCH tpath = (t:Person)-[:REPRESENTS]->(:Person)-[p:PARTICIPATED_IN]->(e)
  WHERE p.role = role
  RETURN t, tpath
  UNION
  UNWIND [[k, 'complainant'], [a, 'victim']] AS side
  WITH side[0] AS e, side[1] AS role
  MATCH tpath = (t:Person)-[:RELATED_TO]-(:Person)-[p:PARTICIPATED_IN]->(e)
  WHERE p.role = role
  RETURN t, tpath
}
// an act against them after the complaint, and a body taking part in it
MATCH rpath = (t)-[tr:PARTICIPATED_IN]->(r:Event)<-[:PARTICIPATED_IN]-(y:Unit|Agency)
WHERE r.type IN $retaliation_types
  AND tr.role IN $target_roles AND r <> a
  AND r.date_to >= k.date_from
  AND (a.date_to IS NULL OR r.date_to > a.date_to)
  AND ($as_of IS NULL OR r.date_from <= date($as_of))
// the rule: that body is in the accused chain of A at A's date, or oversees A
CALL (a, alo, ahi, y) {
  // the implicated bodies of A (as the other rules find them), each climbing to y at A's date
  CALL (a, alo, ahi) {
    MATCH (p)-[ir:PARTICIPATED_IN]->(a)
    WHERE ir.role IN $implicating_roles
    CALL (p, ir, a, alo, ahi) {
      MATCH ipath = (p:Unit|Agency)-[ir]->(a)
      RETURN p AS i, ipath
      UNION
      MATCH ipath = (i:Unit|Agency)<-[m:MEMBER_OF|COMMANDS]-(p:Person)-[ir]->(a)
      WHERE coalesce(m.valid_from, alo) <= ahi AND coalesce(m.valid_to, ahi) >= alo
      RETURN i, ipath
    }
    RETURN i, ipath
    UNION
    MATCH ipath = (a)-[:OCCURRED_AT]->(:Facility)<-[op:OPERATES]-(i:Unit|Agency)
    WHERE coalesce(op.valid_from, alo) <= ahi AND coalesce(op.valid_to, ahi) >= alo
    RETURN i, ipath
  }
  MATCH upath = (i)-[:PART_OF*0..12]->(y)
  WHERE NOT coalesce(y.apex, false)
    AND all(x IN relationships(upath) WHERE coalesce(x.valid_from, alo) <= ahi AND coalesce(x.valid_to, ahi) >= alo)
  RETURN i.id AS implicated, [ipath, upath] AS why, 'in the chain accused of it' AS tie, [] AS oversight
  UNION
  // y is an overseer of A: a body overseeing, or the body of a person investigating, at O's date
  MATCH cpath = (o:Event)-[:CONCERNS*1..3]->(a)
  WHERE o.type IN $oversight_types
    AND ($as_of IS NULL OR o.date_from IS NULL OR o.date_from <= date($as_of))
  WITH a, y, o, cpath, coalesce(o.date_from, date('0001-01-01')) AS olo, coalesce(o.date_to, date('9999-12-31')) AS ohi
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
  WITH a, y, o, cpath, x, opath WHERE x = y
  OPTIONAL MATCH (i:Unit|Agency)-[ir:PARTICIPATED_IN]->(a)
    WHERE ir.role IN $implicating_roles
  RETURN i.id AS implicated, [cpath, opath] AS why, 'overseeing the inquiry into it' AS tie, [o.id] AS oversight
}
WITH a, y, r, k, t, kpath, tpath, rpath, implicated, why, tie, oversight
ORDER BY r.date_from, r.id, k.date_from, k.id, t.id, implicated, tie
// one finding per allegation and acting body, listing every act, target and implicated body
WITH a, y, collect(DISTINCT r) AS acts, collect(DISTINCT k.title) AS complaints, collect(DISTINCT t.name) AS targets,
     collect(DISTINCT implicated) AS implicated, collect(DISTINCT tie) AS ties,
     reduce(acc = [], os IN collect(oversight) | acc + [o IN os WHERE NOT o IN acc]) AS oversight,
     collect([kpath, tpath, rpath] + why) AS pathsets
WITH a, y, acts, complaints, targets, implicated, ties, oversight,
     reduce(acc = [], ps IN pathsets | acc + ps) AS paths
WITH a, y, acts, complaints, targets, implicated, ties, oversight,
     reduce(acc = [], p IN paths | acc + [n IN nodes(p) WHERE NOT n IN acc]) AS ns,
     reduce(acc = [], p IN paths | acc + [x IN relationships(p) WHERE NOT x IN acc]) AS rs
RETURN 'retaliation' AS rule, 'high' AS severity, a.id AS allegation, y.id AS actor,
       implicated, [r IN acts | r.id] + oversight AS events,
       {nodes: [n IN ns | n.id], relationships: [x IN rs | x.id]} AS evidence,
       reduce(acc = [], s IN reduce(all = [], e IN ns + rs | all + coalesce(e.sources, [])) |
              CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources,
       'After the complaint "' + head(complaints) + '" about "' + a.title + '", ' + y.name + ' took part in ' +
       reduce(s = '', r IN acts | s + CASE WHEN s = '' THEN '' ELSE ' and ' END +
              '"' + r.title + '"' + coalesce(' (' + r.date + ')', '')) + ' against ' +
       reduce(s = '', n IN targets | s + CASE WHEN s = '' THEN '' ELSE ' and ' END + n) +
       ', while ' + reduce(s = '', w IN ties | s + CASE WHEN s = '' THEN '' ELSE ' and ' END + w) + '.'
       AS explanation
