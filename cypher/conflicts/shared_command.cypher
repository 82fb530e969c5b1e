// name: conflicts/shared_command
// purpose: Rule shared_command (medium): the body that investigates or prosecutes an allegation and an implicated body have a common superior within max_depth PART_OF hops of each, not counting apex agencies (bodies that meet only at an apex are independent).
// param: as_of - a date, or null: consider only events dated on or before it
// param: max_depth - how many PART_OF hops up from each body to look for the common superior (1 to 12; default 2)
// param: allegation_types - event types that are allegations (vocabulary: conflict_terms)
// param: implicating_roles - roles in an allegation that implicate a body (vocabulary: conflict_terms)
// param: oversight_types - event types that oversee an allegation (vocabulary: conflict_terms)
// param: overseer_roles - a body's roles in an oversight event (vocabulary: conflict_terms)
// param: investigator_roles - a person's roles in an oversight event (vocabulary: conflict_terms)
// mode: read
// example: chainwatch conflicts --rule shared_command
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
WITH a, alo, ahi, i, ipath, o, cpath, olo, ohi, x, opath
WHERE x <> i
// the rule: a common superior c, not an apex, within max_depth hops of each (x at O's date, i at A's
// date). Each side climbs from its own body, bounded by max_depth, and the two meet at c: walking
// down from c would visit every body below it. i climbs once (its ancestors collected), x's
// climb then picks the ones it meets.
CALL (i, alo, ahi) {
  MATCH iup = (i)-[:PART_OF*1..12]->(ci:Unit|Agency)
  WHERE length(iup) <= $max_depth
    AND none(n IN nodes(iup) WHERE coalesce(n.apex, false))
    AND all(r IN relationships(iup) WHERE coalesce(r.valid_from, alo) <= ahi AND coalesce(r.valid_to, ahi) >= alo)
  RETURN collect({c: ci, path: iup}) AS climbs
}
CALL (x, olo, ohi, climbs) {
  MATCH xup = (x)-[:PART_OF*1..12]->(c:Unit|Agency)
  WHERE length(xup) <= $max_depth
    AND none(n IN nodes(xup) WHERE coalesce(n.apex, false))
    AND all(r IN relationships(xup) WHERE coalesce(r.valid_from, olo) <= ohi AND coalesce(r.valid_to, ohi) >= olo)
  UNWIND [up IN climbs WHERE up.c = c AND none(r IN relationships(up.path) WHERE r IN relationships(xup))] AS up
  RETURN c, xup, up.path AS iup
}
// neither above nor below the other at the dates that count: those are the critical and high
// rules (checked last: few pairs share a superior)
WITH a, x, i, o, c, ipath, cpath, opath, xup, iup, alo, ahi, olo, ohi
WHERE NOT EXISTS { MATCH p = (x)-[:PART_OF*1..12]->(i)
                   WHERE all(r IN relationships(p) WHERE coalesce(r.valid_from, olo) <= ohi AND coalesce(r.valid_to, ohi) >= olo) }
  AND NOT EXISTS { MATCH p = (i)-[:PART_OF*1..12]->(x)
                   WHERE all(r IN relationships(p) WHERE coalesce(r.valid_from, alo) <= ahi AND coalesce(r.valid_to, ahi) >= alo) }
// one finding per allegation and overseer, listing every implicated body it shares a superior with
// (the evidence walks x up to c and down to i, as one path would)
WITH a, x, i, o, c, ipath, cpath, opath, xup, iup ORDER BY i.id, o.id, c.id
WITH a, x, collect(DISTINCT i) AS bodies, collect(DISTINCT o.id) AS events, collect(DISTINCT c.name) AS commons,
     collect([nodes(ipath), nodes(cpath), nodes(opath), nodes(xup) + tail(reverse(nodes(iup)))]) AS nodesets,
     collect([relationships(ipath), relationships(cpath), relationships(opath),
              relationships(xup) + reverse(relationships(iup))]) AS relsets
WITH a, x, bodies, events, commons,
     reduce(acc = [], l IN reduce(all = [], s IN nodesets | all + s) | acc + [n IN l WHERE NOT n IN acc]) AS ns,
     reduce(acc = [], l IN reduce(all = [], s IN relsets | all + s) | acc + [r IN l WHERE NOT r IN acc]) AS rs
RETURN 'shared_command' AS rule, 'medium' AS severity, a.id AS allegation, x.id AS actor,
       [b IN bodies | b.id] AS implicated, events,
       {nodes: [n IN ns | n.id], relationships: [r IN rs | r.id]} AS evidence,
       reduce(acc = [], s IN reduce(all = [], e IN ns + rs | all + coalesce(e.sources, [])) |
              CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources,
       'The ' + replace(a.type, '_', '-') + ' alleged in "' + a.title + '"' + coalesce(' (' + a.date + ')', '') +
       ' was investigated by ' + x.name + ', which answers to ' + head(commons) + ' like ' +
       reduce(s = '', b IN bodies | s + CASE WHEN s = '' THEN '' ELSE ' and ' END + b.name) +
       CASE WHEN size(bodies) = 1 THEN ', the body implicated in it.' ELSE ', bodies implicated in it.' END
       AS explanation
