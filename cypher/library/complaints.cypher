// name: complaints
// purpose: Every complaint, what it was about, who made it, and what became of it: the investigations, cases and retaliation that concern it, and who handled them.
// param: id - a complaint's event id, or null for all complaints
// mode: read
// example: chainwatch query complaints --param id=null
MATCH (c:Event {type: 'complaint'})
WHERE $id IS NULL OR c.id = $id
OPTIONAL MATCH (c)-[:CONCERNS]->(about:Event)
OPTIONAL MATCH (who)-[cp:PARTICIPATED_IN {role: 'complainant'}]->(c)
WITH c, collect(DISTINCT about.title) AS about, collect(DISTINCT coalesce(who.name, who.id)) AS complainants
OPTIONAL MATCH (after:Event)-[:CONCERNS*1..2]->(c)
OPTIONAL MATCH (body)-[bp:PARTICIPATED_IN]->(after)
  WHERE bp.role IN ['investigating_body', 'prosecuting_body', 'investigator', 'judge']
WITH c, about, complainants, after, collect(DISTINCT coalesce(body.name, body.id) + ' (' + bp.role + ')') AS handlers
WITH c, about, complainants, collect(CASE WHEN after IS NULL THEN null
               ELSE after.type + ': ' + after.title + coalesce(' [' + after.status + ']', '')
                    + CASE WHEN size(handlers) > 0 THEN ' by ' + reduce(s = '', h IN handlers | s + CASE WHEN s = '' THEN '' ELSE ', ' END + h) ELSE '' END
               END) AS what_became_of_it
ORDER BY c.date_from, c.id
RETURN c.date AS date, c.id AS complaint, c.title AS title, complainants, about, what_became_of_it,
       c.sources AS sources
