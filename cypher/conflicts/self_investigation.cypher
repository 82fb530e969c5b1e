// name: conflicts/self_investigation
// purpose: Rule self_investigation (critical): the body that investigates or prosecutes an allegation is a body implicated in it (it took part as perpetrator or detaining body, or the accused officers served in it at the time), or a unit inside such a body. Custody alone is left to custodian_oversight, so one fact does not make two critical findings.
// after: findings/allegations
// mode: read
// example: chainwatch conflicts --rule self_investigation
// timeout: long
// the bodies A implicates through its participants (custody alone is custodian_oversight's), and
// its overseers
UNWIND implicating AS im
WITH a, im, overseeing WHERE NOT im.custody
UNWIND overseeing AS ov
// the rule: the overseer is the implicated body or sits inside it (PART_OF at O's date)
UNWIND [up IN ov.ups WHERE last(nodes(up)) = im.i] AS hpath
WITH a, im.i AS i, im.ipath AS ipath, ov.o AS o, ov.cpath AS cpath, ov.x AS x, ov.opath AS opath, hpath
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
