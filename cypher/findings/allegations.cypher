// name: findings/allegations
// purpose: What every conflict rule starts from, worked out once a scan: each allegation in scope with the bodies it implicates and the bodies that oversee it, each with its ways up the chain of command at the date that counts. The rules in conflicts/ run after it (`// after:`; graph/conflicts.py runs them all in one statement): each receives one row per allegation A with a, alo and ahi (A's dates, open ends filled); participants, a list of {p, r}: everyone and every body taking part in A and how; implicating, a list of {i, ipath, custody, ups}: a body accused, the body a person accused served in at A's date, or (custody true) the body running the facility where it happened at A's date; and overseeing, a list of {o, cpath, olo, ohi, x, opath, ups}: an oversight event up to three CONCERNS hops away, its dates, and x, a body in an overseeing role or the body of a person investigating at O's date. `ups` holds every PART_OF path up from the body (length 0 included) valid at A's date for i, at O's date for x. Either list may be empty.
// param: as_of - a date, or null: consider only events dated on or before it
// param: from_id - consider only allegations whose id sorts at or after it, or null (the scan splits the allegations among the cores)
// param: to_id - consider only allegations whose id sorts before it, or null
// param: allegation_types - event types that are allegations (vocabulary: conflict_terms)
// param: implicating_roles - roles in an allegation that implicate a body (vocabulary: conflict_terms)
// param: oversight_types - event types that oversee an allegation (vocabulary: conflict_terms)
// param: overseer_roles - a body's roles in an oversight event (vocabulary: conflict_terms)
// param: investigator_roles - a person's roles in an oversight event (vocabulary: conflict_terms)
// mode: read
// timeout: long
MATCH (a:Event)
WHERE a.type IN $allegation_types
  AND ($from_id IS NULL OR a.id >= $from_id) AND ($to_id IS NULL OR a.id < $to_id)
  AND ($as_of IS NULL OR a.date_from IS NULL OR a.date_from <= date($as_of))
WITH a, coalesce(a.date_from, date('0001-01-01')) AS alo, coalesce(a.date_to, date('9999-12-31')) AS ahi
// A's participants, read once for every rule
CALL (a) {
  MATCH (p)-[r:PARTICIPATED_IN]->(a)
  RETURN collect({p: p, r: r}) AS participants
}
CALL (a, alo, ahi, participants) {
  // the bodies A implicates: a body accused, or a person accused and the bodies they served in
  CALL (a, alo, ahi, participants) {
    UNWIND participants AS pr
    WITH a, alo, ahi, pr.p AS p, pr.r AS r
    WHERE r.role IN $implicating_roles
    CALL (p, r, a, alo, ahi) {
      MATCH ipath = (p:Unit|Agency)-[r]->(a)
      RETURN p AS i, ipath
      UNION
      MATCH ipath = (i:Unit|Agency)<-[m:MEMBER_OF|COMMANDS]-(p:Person)-[r]->(a)
      WHERE coalesce(m.valid_from, alo) <= ahi AND coalesce(m.valid_to, ahi) >= alo
      RETURN i, ipath
    }
    RETURN i, ipath, false AS custody
    UNION
    MATCH ipath = (a)-[:OCCURRED_AT]->(:Facility)<-[op:OPERATES]-(i:Unit|Agency)
    WHERE coalesce(op.valid_from, alo) <= ahi AND coalesce(op.valid_to, ahi) >= alo
    RETURN i, ipath, true AS custody
  }
  CALL (i, alo, ahi) {
    MATCH up = (i)-[:PART_OF*0..12]->()
    WHERE all(r IN relationships(up) WHERE coalesce(r.valid_from, alo) <= ahi AND coalesce(r.valid_to, ahi) >= alo)
    RETURN collect(up) AS ups
  }
  RETURN collect({i: i, ipath: ipath, custody: custody, ups: ups}) AS implicating
}
CALL (a) {
  // A's oversight events and their overseers at O's date (O's participants read once, each going
  // on to the branch its role and label call for)
  CALL (a) {
    MATCH cpath = (o:Event)-[:CONCERNS*1..3]->(a)
    WHERE o.type IN $oversight_types
      AND ($as_of IS NULL OR o.date_from IS NULL OR o.date_from <= date($as_of))
    WITH o, cpath, coalesce(o.date_from, date('0001-01-01')) AS olo, coalesce(o.date_to, date('9999-12-31')) AS ohi
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
    RETURN o, cpath, olo, ohi, x, opath
  }
  // a body that oversees O itself and through the person investigating for it climbs once
  WITH o, cpath, olo, ohi, x, collect(opath) AS opaths
  CALL (x, olo, ohi) {
    MATCH up = (x)-[:PART_OF*0..12]->()
    WHERE all(r IN relationships(up) WHERE coalesce(r.valid_from, olo) <= ohi AND coalesce(r.valid_to, ohi) >= olo)
    RETURN collect(up) AS ups
  }
  UNWIND opaths AS opath
  RETURN collect({o: o, cpath: cpath, olo: olo, ohi: ohi, x: x, opath: opath, ups: ups}) AS overseeing
}
