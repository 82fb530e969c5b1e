// name: claims/derive_records
// purpose: Give a batch of records the values graph/derivation.py derived from their claims (graph/claims.py: `derive_records`).
// param: elements - for each record, its element id (claims/of_records returns it, in the same transaction)
// param: values - for each record, its values, in the order the template names them
// template: `/*values*/` is filled by graph/claims.py with `target.<key> = $values[i][<k>],` for each value the records hold or take but their datasets (the first in the list; identifiers only).
// mode: write
// note: a value the claims no longer give is set to null, which removes it. Read by index,
//   keys named: claims/append_records says why. claims/unlink_sources and link_sources mend
//   the records' MENTIONS links after, claims/drop_unclaimed_records deletes those no claim
//   and no fact holds any more. The element id finds the record directly (claims/derive_facts).
UNWIND range(0, size($elements) - 1) AS i
MATCH (target)
WHERE elementId(target) = $elements[i]
SET /*values*/ target.datasets = $values[i][0]
RETURN count(*) AS derived
