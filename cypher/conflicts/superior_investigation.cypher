// name: conflicts/superior_investigation
// purpose: Rule superior_investigation (high): the body that investigates or prosecutes an allegation stands above an implicated body in its chain of command at the allegation's date (the accused's own superiors investigate), below the apex.
// after: findings/allegations
// mode: read
// example: chainwatch conflicts --rule superior_investigation
// timeout: long
// every body A implicates (custody included) against each of its overseers
UNWIND implicating AS im
UNWIND overseeing AS ov
// the rule: the overseer is an ancestor of the implicated body at A's date, below the apex
UNWIND [up IN im.ups WHERE length(up) > 0 AND last(nodes(up)) = ov.x
                           AND none(n IN nodes(up) WHERE coalesce(n.apex, false))] AS upath
WITH a, im.i AS i, im.ipath AS ipath, ov.o AS o, ov.cpath AS cpath, ov.x AS x, ov.opath AS opath, upath
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
