// name: conflicts/superior_investigation
// purpose: Rule superior_investigation (high): the body that investigates or prosecutes an allegation stands above an implicated body in its chain of command at the allegation's date (the accused's own superiors investigate), below the apex.
// param: as_of - a date, or null: consider only events dated on or before it
// param: allegation_types - event types that are allegations (vocabulary: conflict_terms)
// param: implicating_roles - roles in an allegation that implicate a body (vocabulary: conflict_terms)
// param: oversight_types - event types that oversee an allegation (vocabulary: conflict_terms)
// param: overseer_roles - a body's roles in an oversight event (vocabulary: conflict_terms)
// param: investigator_roles - a person's roles in an oversight event (vocabulary: conflict_terms)
// mode: read
// example: chainwatch conflicts --rule superior_investigation
// timeout: long
MATCH (a:Event)
WHERE a.type IN $allegation_types
  AND ($as_of IS NULL OR a.date_from IS NULL OR a.date_from <= date($as_of))
WITH a, coalesce(a.date_from, date('0001-01-01')) AS alo, coalesce(a.date_to, date('9999-12-31')) AS ahi
// the implicated bodies of A, each with the path that implicates it (custody included)
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
  UNION
  MATCH ipath = (a)-[:OCCURRED_AT]->(:Facility)<-[op:OPERATES]-(i:Unit|Agency)
  WHERE coalesce(op.valid_from, alo) <= ahi AND coalesce(op.valid_to, ahi) >= alo
  RETURN i, ipath
}
// the oversight events of A (up to three CONCERNS hops) and their overseers at O's date
MATCH cpath = (o:Event)-[:CONCERNS*1..3]->(a)
WHERE o.type IN $oversight_types
  AND ($as_of IS NULL OR o.date_from IS NULL OR o.date_from <= date($as_of))
WITH a, alo, ahi, i, ipath, o, cpath, coalesce(o.date_from, date('0001-01-01')) AS olo, coalesce(o.date_to, date('9999-12-31')) AS ohi
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
// the rule: the overseer is an ancestor of the implicated body at A's date, below the apex
MATCH upath = (i)-[:PART_OF*1..12]->(x)
WHERE NOT coalesce(x.apex, false)
  AND none(n IN nodes(upath) WHERE coalesce(n.apex, false))
  AND all(r IN relationships(upath) WHERE coalesce(r.valid_from, alo) <= ahi AND coalesce(r.valid_to, ahi) >= alo)
WITH a, x, i, collect(DISTINCT o.id) AS events, collect([ipath, cpath, opath, upath]) AS pathsets,
     min(length(upath)) AS levels
// one finding per allegation and overseer, listing every implicated body below it
WITH a, x, i, events, pathsets, levels ORDER BY i.id
WITH a, x, collect({id: i.id, name: i.name, levels: levels}) AS below,
     reduce(acc = [], es IN collect(events) | acc + [e IN es WHERE NOT e IN acc]) AS events,
     reduce(acc = [], pss IN collect(pathsets) | acc + pss) AS pathsets
WITH a, x, below, events, reduce(acc = [], ps IN pathsets | acc + ps) AS paths
WITH a, x, below, events,
     reduce(acc = [], p IN paths | acc + [n IN nodes(p) WHERE NOT n IN acc]) AS ns,
     reduce(acc = [], p IN paths | acc + [r IN relationships(p) WHERE NOT r IN acc]) AS rs
RETURN 'superior_investigation' AS rule, 'high' AS severity, a.id AS allegation, x.id AS actor,
       [b IN below | b.id] AS implicated, events,
       {nodes: [n IN ns | n.id], relationships: [r IN rs | r.id]} AS evidence,
       reduce(acc = [], s IN reduce(all = [], e IN ns + rs | all + coalesce(e.sources, [])) |
              CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources,
       'The ' + replace(a.type, '_', '-') + ' alleged in "' + a.title + '"' + coalesce(' (' + a.date + ')', '') +
       ' was investigated by ' + x.name + ', which stands ' +
       reduce(s = '', b IN below | s + CASE WHEN s = '' THEN '' ELSE ' and ' END + toString(b.levels) +
              CASE WHEN b.levels = 1 THEN ' level' ELSE ' levels' END + ' above ' + b.name) +
       CASE WHEN size(below) = 1 THEN ', the body implicated in it,' ELSE ', bodies implicated in it,' END +
       ' in the chain of command.' AS explanation
