// name: report/protected_people
// purpose: Every protected person, with the names, aliases and id that public outputs must replace by a pseudonym.
// mode: read
MATCH (p:Person)
WHERE p.protected
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, p.pseudonym AS pseudonym
ORDER BY p.id
