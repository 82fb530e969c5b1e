// name: findings/allegation_bounds
// purpose: Where to split the allegations in scope into about `parts` runs of ids of equal length, so that a scan's parts run side by side on the machine's cores (findings/allegations takes from_id and to_id).
// param: parts - how many runs
// param: as_of - a date, or null: consider only events dated on or before it
// param: allegation_types - event types that are allegations (vocabulary: conflict_terms)
// mode: read
// timeout: long
MATCH (a:Event)
WHERE a.type IN $allegation_types
  AND ($as_of IS NULL OR a.date_from IS NULL OR a.date_from <= date($as_of))
WITH a.id AS id ORDER BY id
WITH collect(id) AS ids
RETURN size(ids) AS allegations, [k IN range(1, $parts - 1) | ids[k * size(ids) / $parts]] AS bounds
