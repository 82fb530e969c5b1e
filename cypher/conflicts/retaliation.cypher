// name: conflicts/retaliation
// purpose: Rule retaliation (high): after a complaint about an allegation (and after the allegation itself), a retaliation, charge, arrest, detention or obstruction targets the complainant, the victim, their lawyer or a relative, and a body taking part in it is in the accused chain (an implicated body or its superior below the apex) or oversees the allegation.
// param: as_of - a date, or null: consider only events dated on or before it
// param: implicating_roles - roles in an allegation that implicate a body (vocabulary: conflict_terms)
// param: retaliation_types - event types that may retaliate (vocabulary: conflict_terms)
// param: target_roles - roles in which a person is targeted by such an act (vocabulary: conflict_terms)
// after: findings/allegations
// mode: read
// example: chainwatch conflicts --rule retaliation
// timeout: long
// a complaint about A, directly or through up to three CONCERNS hops
MATCH kpath = (k:Event {type: 'complaint'})-[:CONCERNS*1..3]->(a)
WHERE $as_of IS NULL OR k.date_from IS NULL OR k.date_from <= date($as_of)
// the people a retaliation could target: the complainant, the victim, their lawyers and relatives
// (each found from the complaint and the allegation themselves, bound here, never from every
// person; each one's relationships read once for lawyers and relatives alike)
CALL (a, k, participants) {
  MATCH (s:Person)-[p:PARTICIPATED_IN]->(k)
  WHERE p.role = 'complainant'
  RETURN s, p, k AS e
  UNION
  UNWIND participants AS pr
  WITH a, pr.p AS s, pr.r AS p
  WHERE p.role = 'victim' AND s:Person
  RETURN s, p, a AS e
}
CALL (s, p, e) {
  MATCH tpath = (s)-[p]->(e)
  RETURN s AS t, tpath
  UNION
  MATCH tpath = (t:Person)-[q:REPRESENTS|RELATED_TO]-(s)-[p]->(e)
  WHERE type(q) = 'RELATED_TO' OR startNode(q) = t
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
CALL (a, y, implicating, overseeing) {
  // a body A implicates (as the other rules find them), below y or y itself at A's date
  WITH y, implicating WHERE NOT coalesce(y.apex, false)
  UNWIND implicating AS im
  UNWIND [up IN im.ups WHERE last(nodes(up)) = y] AS upath
  RETURN im.i.id AS implicated, [im.ipath, upath] AS why, 'in the chain accused of it' AS tie, [] AS oversight
  UNION
  // y is an overseer of A: a body overseeing, or the body of a person investigating, at O's date
  UNWIND overseeing AS ov
  WITH a, ov WHERE ov.x = y
  OPTIONAL MATCH (i:Unit|Agency)-[ir:PARTICIPATED_IN]->(a)
    WHERE ir.role IN $implicating_roles
  RETURN i.id AS implicated, [ov.cpath, ov.opath] AS why, 'overseeing the inquiry into it' AS tie, [ov.o.id] AS oversight
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
