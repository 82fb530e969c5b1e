// name: conflicts/shared_command
// purpose: Rule shared_command (medium): the body that investigates or prosecutes an allegation and an implicated body have a common superior within max_depth PART_OF hops of each, not counting apex agencies (bodies that meet only at an apex are independent).
// param: max_depth - how many PART_OF hops up from each body to look for the common superior (1 to 12; default 2)
// after: findings/allegations
// mode: read
// example: chainwatch conflicts --rule shared_command
// timeout: long
// every body A implicates (custody included) against each of its overseers, other than itself
UNWIND implicating AS im
UNWIND overseeing AS ov
WITH a, im, ov WHERE ov.x <> im.i
// the rule: a common superior c, not an apex, within max_depth hops of each (x at O's date, i at A's
// date), each side's climbs taken from the ways up worked out once for it (the two climbs that meet
// are then checked for an apex: few meet). Neither may stand above or below the other at the
// dates that count: those are the critical and high rules.
WITH a, im, ov WHERE none(up IN ov.ups WHERE last(nodes(up)) = im.i) AND none(up IN im.ups WHERE last(nodes(up)) = ov.x)
WITH a, im, ov, [up IN im.ups WHERE length(up) > 0 AND length(up) <= $max_depth] AS climbs
UNWIND [up IN ov.ups WHERE length(up) > 0 AND length(up) <= $max_depth] AS xup
WITH a, im, ov, climbs, xup, last(nodes(xup)) AS c
UNWIND [iup IN climbs WHERE last(nodes(iup)) = c AND none(r IN relationships(iup) WHERE r IN relationships(xup))] AS iup
WITH a, ov.x AS x, im.i AS i, ov.o AS o, c, im.ipath AS ipath, ov.cpath AS cpath, ov.opath AS opath, xup, iup
WHERE none(n IN nodes(xup) + nodes(iup) WHERE coalesce(n.apex, false))
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
