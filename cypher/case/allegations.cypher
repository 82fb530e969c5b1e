// name: case/allegations
// purpose: The allegations a case view can open, oldest first: events of the types that are allegations.
// param: allegation_types - event types that are allegations (vocabulary: conflict_terms)
// mode: read
// timeout: long
MATCH (e:Event)
WHERE e.type IN $allegation_types
RETURN e.id AS id, e.title AS title, e.date AS date
ORDER BY e.date, e.title
