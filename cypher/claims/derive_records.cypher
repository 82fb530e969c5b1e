// name: claims/derive_records
// purpose: Give a batch of records the values graph/derivation.py derived from their claims (graph/claims.py: `derive_records`).
// param: elements - for each record, its element id (claims/of_records returns it, in the same transaction)
// param: values - for each record, a map of its values: every value it holds or takes, null for one its claims no longer give (which removes it)
// mode: write
// note: the element id finds the record directly, reading none of its properties, so setting
//   a map of any keys reads nothing the statement writes and the plan holds no Eager operator
//   (claims/create_records says why an element of a parameter is read by index). Any key a
//   record holds is derived, one typed by hand in Neo4j Browser too. claims/unlink_sources and
//   link_sources mend the records' MENTIONS links after, claims/unclaimed_records and
//   drop_records delete those no claim and no fact holds any more.
UNWIND range(0, size($elements) - 1) AS i
MATCH (target)
WHERE elementId(target) = $elements[i]
SET target += $values[i]
RETURN count(*) AS derived
