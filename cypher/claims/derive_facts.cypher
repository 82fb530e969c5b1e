// name: claims/derive_facts
// purpose: Give a batch of relationships the values graph/derivation.py derived from their claims (graph/claims.py: `derive_facts`).
// param: elements - for each fact, its element id (claims/of_facts returns it, in the same transaction)
// param: values - for each fact, a map of its values: every value it holds or takes, null for one its claims no longer give
// mode: write
// note: as claims/derive_records: found by element id, where its id would take both its ends
//   (a third of the time of this statement, in a probe of 500 facts), and set from a map with
//   no Eager operator. claims/drop_facts deletes a fact no claim holds any more.
UNWIND range(0, size($elements) - 1) AS i
MATCH ()-[target]->()
WHERE elementId(target) = $elements[i]
SET target += $values[i]
RETURN count(*) AS derived
