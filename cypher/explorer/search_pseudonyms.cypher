// name: explorer/search_pseudonyms
// purpose: In public mode, protected persons are found by their pseudonym, never by their real name.
// param: text - what the user typed
// mode: read
MATCH (p:Person)
WHERE p.protected AND p.pseudonym IS NOT NULL AND toLower(p.pseudonym) CONTAINS toLower($text)
RETURN p.id AS id, p.pseudonym AS name, 'Person' AS label, [] AS aliases, 1.0 AS score
