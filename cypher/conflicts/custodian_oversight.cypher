// name: conflicts/custodian_oversight
// purpose: Rule custodian_oversight (critical): the body that investigates or prosecutes an allegation runs the facility where it happened, or is a unit inside the body that runs it, so it holds custodial responsibility for it.
// after: findings/allegations
// mode: read
// example: chainwatch conflicts --rule custodian_oversight
// timeout: long
// the facility where A happened and who ran it at A's date, against each overseer of A
UNWIND implicating AS im
WITH a, im, overseeing WHERE im.custody
UNWIND overseeing AS ov
// the rule: the overseer is the operator or a unit inside it (PART_OF at O's date)
UNWIND [up IN ov.ups WHERE last(nodes(up)) = im.i] AS hpath
WITH a, im.i AS i, im.ipath AS fpath, nodes(im.ipath)[1] AS f, ov.o AS o, ov.cpath AS cpath, ov.x AS x, ov.opath AS opath, hpath
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
