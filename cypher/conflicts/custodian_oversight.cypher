// name: conflicts/custodian_oversight
// purpose: Rule custodian_oversight (critical): the body that investigates or prosecutes an allegation runs the facility where it happened, or is a unit inside the body that runs it, so it holds custodial responsibility for it.
// param: as_of - a date, or null: consider only events dated on or before it
// param: allegation_types - event types that are allegations (vocabulary: conflict_terms)
// param: oversight_types - event types that oversee an allegation (vocabulary: conflict_terms)
// param: overseer_roles - a body's roles in an oversight event (vocabulary: conflict_terms)
// param: investigator_roles - a person's roles in an oversight event (vocabulary: conflict_terms)
// mode: read
// example: chainwatch conflicts --rule custodian_oversight
// timeout: long
MATCH (a:Event)
WHERE a.type IN $allegation_types
  AND ($as_of IS NULL OR a.date_from IS NULL OR a.date_from <= date($as_of))
WITH a, coalesce(a.date_from, date('0001-01-01')) AS alo, coalesce(a.date_to, date('9999-12-31')) AS ahi
// the facility where A happened and who ran it at A's date
MATCH fpath = (a)-[:OCCURRED_AT]->(f:Facility)<-[op:OPERATES]-(i:Unit|Agency)
WHERE coalesce(op.valid_from, alo) <= ahi AND coalesce(op.valid_to, ahi) >= alo
// the oversight events of A (up to three CONCERNS hops) and their overseers at O's date
MATCH cpath = (o:Event)-[:CONCERNS*1..3]->(a)
WHERE o.type IN $oversight_types
  AND ($as_of IS NULL OR o.date_from IS NULL OR o.date_from <= date($as_of))
WITH a, f, i, fpath, o, cpath, coalesce(o.date_from, date('0001-01-01')) AS olo, coalesce(o.date_to, date('9999-12-31')) AS ohi
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
// the rule: the overseer is the operator or a unit inside it (PART_OF at O's date)
MATCH hpath = (x)-[:PART_OF*0..12]->(i)
WHERE all(r IN relationships(hpath) WHERE coalesce(r.valid_from, olo) <= ohi AND coalesce(r.valid_to, ohi) >= olo)
// one finding per allegation and overseer, listing every operator it is tied to
WITH a, x, i, f, o, fpath, cpath, opath, hpath ORDER BY i.id, f.name, o.id
WITH a, x, collect(DISTINCT i) AS operators, collect(DISTINCT f.name) AS facilities,
     collect(DISTINCT o.id) AS events, collect([fpath, cpath, opath, hpath]) AS pathsets
WITH a, x, operators, facilities, events, reduce(acc = [], ps IN pathsets | acc + ps) AS paths
WITH a, x, operators, facilities, events,
     reduce(acc = [], p IN paths | acc + [n IN nodes(p) WHERE NOT n IN acc]) AS ns,
     reduce(acc = [], p IN paths | acc + [r IN relationships(p) WHERE NOT r IN acc]) AS rs
RETURN 'custodian_oversight' AS rule, 'critical' AS severity, a.id AS allegation, x.id AS actor,
       [b IN operators | b.id] AS implicated, events,
       {nodes: [n IN ns | n.id], relationships: [r IN rs | r.id]} AS evidence,
       reduce(acc = [], s IN reduce(all = [], e IN ns + rs | all + coalesce(e.sources, [])) |
              CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources,
       'The ' + replace(a.type, '_', '-') + ' alleged in "' + a.title + '"' + coalesce(' (' + a.date + ')', '') +
       ' happened in ' + reduce(s = '', n IN facilities | s + CASE WHEN s = '' THEN '' ELSE ' and ' END + n) +
       ', which ' + reduce(s = '', b IN operators | s + CASE WHEN s = '' THEN '' ELSE ' and ' END + b.name) +
       CASE WHEN size(operators) = 1 THEN ' runs' ELSE ' run' END + ', and ' +
       CASE WHEN x IN operators THEN x.name + ' also investigated it.'
            ELSE x.name + ', a unit inside ' +
                 reduce(s = '', b IN operators | s + CASE WHEN s = '' THEN '' ELSE ' and ' END + b.name) +
                 ', investigated it.' END AS explanation
