// name: claims/derive_facts
// purpose: Give a batch of relationships the values graph/derivation.py derived from their claims (graph/claims.py: `derive_facts`).
// param: elements - for each fact, its element id (claims/of_facts returns it, in the same transaction)
// param: values - for each fact, its values, in the order the template names them
// template: as claims/derive_records.
// mode: write
// note: a value the claims no longer give is removed; claims/drop_unclaimed_facts deletes a
//   fact no claim holds any more. The element id finds the fact directly, where its id would
//   take both its ends (a third of the time of this statement, in a probe of 500 facts).
UNWIND range(0, size($elements) - 1) AS i
MATCH ()-[target]->()
WHERE elementId(target) = $elements[i]
SET /*values*/ target.datasets = $values[i][0]
RETURN count(*) AS derived
