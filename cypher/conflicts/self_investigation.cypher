// name: conflicts/self_investigation
// purpose: Rule self_investigation (critical): the body that investigates or prosecutes an allegation is a body implicated in it (it took part as perpetrator or detaining body, or the accused officers served in it at the time), or a unit inside such a body. Custody alone is left to custodian_oversight, so one fact does not make two critical findings.
// param: as_of - a date, or null: consider only events dated on or before it
// param: allegation_types - event types that are allegations (vocabulary: conflict_terms)
// param: implicating_roles - roles in an allegation that implicate a body (vocabulary: conflict_terms)
// param: oversight_types - event types that oversee an allegation (vocabulary: conflict_terms)
// param: overseer_roles - a body's roles in an oversight event (vocabulary: conflict_terms)
// param: investigator_roles - a person's roles in an oversight event (vocabulary: conflict_terms)
// mode: read
// example: chainwatch conflicts --rule self_investigation
// timeout: long
MATCH (a:Event)
WHERE a.type IN $allegation_types
  AND ($as_of IS NULL OR a.date_from IS NULL OR a.date_from <= date($as_of))
WITH a, coalesce(a.date_from, date('0001-01-01')) AS alo, coalesce(a.date_to, date('9999-12-31')) AS ahi
// the implicated bodies of A, each with the path that implicates it
CALL (a, alo, ahi) {
  // A's participants read once: a body accused, or a person accused and the bodies they served in
  MATCH (p)-[r:PARTICIPATED_IN]->(a)
  WHERE r.role IN $implicating_roles
  CALL (p, r, a, alo, ahi) {
    MATCH ipath = (p:Unit|Agency)-[r]->(a)
    RETURN p AS i, ipath
    UNION
    MATCH ipath = (i:Unit|Agency)<-[m:MEMBER_OF|COMMANDS]-(p:Person)-[r]->(a)
    WHERE coalesce(m.valid_from, alo) <= ahi AND coalesce(m.valid_to, ahi) >= alo
    RETURN i, ipath
  }
  RETURN i, ipath
}
// the oversight events of A (up to three CONCERNS hops) and their overseers at O's date
MATCH cpath = (o:Event)-[:CONCERNS*1..3]->(a)
WHERE o.type IN $oversight_types
  AND ($as_of IS NULL OR o.date_from IS NULL OR o.date_from <= date($as_of))
WITH a, i, ipath, o, cpath, coalesce(o.date_from, date('0001-01-01')) AS olo, coalesce(o.date_to, date('9999-12-31')) AS ohi
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
// the rule: the overseer is the implicated body or sits inside it (PART_OF at O's date)
MATCH hpath = (x)-[:PART_OF*0..12]->(i)
WHERE all(r IN relationships(hpath) WHERE coalesce(r.valid_from, olo) <= ohi AND coalesce(r.valid_to, ohi) >= olo)
// one finding per allegation and overseer, listing every implicated body it is tied to
WITH a, x, i, o, ipath, cpath, opath, hpath ORDER BY i.id, o.id
WITH a, x, collect(DISTINCT i) AS bodies, collect(DISTINCT o.id) AS events,
     collect([ipath, cpath, opath, hpath]) AS pathsets
WITH a, x, bodies, events, [b IN bodies WHERE b <> x] AS above,
     reduce(acc = [], ps IN pathsets | acc + ps) AS paths
WITH a, x, bodies, events, above,
     reduce(acc = [], p IN paths | acc + [n IN nodes(p) WHERE NOT n IN acc]) AS ns,
     reduce(acc = [], p IN paths | acc + [r IN relationships(p) WHERE NOT r IN acc]) AS rs
RETURN 'self_investigation' AS rule, 'critical' AS severity, a.id AS allegation, x.id AS actor,
       [b IN bodies | b.id] AS implicated, events,
       {nodes: [n IN ns | n.id], relationships: [r IN rs | r.id]} AS evidence,
       reduce(acc = [], s IN reduce(all = [], e IN ns + rs | all + coalesce(e.sources, [])) |
              CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources,
       'The ' + replace(a.type, '_', '-') + ' alleged in "' + a.title + '"' + coalesce(' (' + a.date + ')', '') +
       ' was investigated by ' + x.name +
       CASE WHEN x IN bodies THEN ', the very body implicated in it' ELSE '' END +
       CASE WHEN size(above) = 0 THEN ''
            ELSE CASE WHEN x IN bodies THEN ', and' ELSE ',' END + ' a unit inside ' +
                 reduce(s = '', b IN above | s + CASE WHEN s = '' THEN '' ELSE ' and ' END + b.name) +
                 CASE WHEN size(above) = 1 THEN ', a body implicated in it' ELSE ', bodies implicated in it' END END +
       '.' AS explanation
