// name: claims/label_records
// purpose: Add the labels a batch of claims gives to records that lack them (a record whose kind a dataset changed).
// param: elements - for each record, its element id (claims/unchanged_nodes, in the same transaction)
// param: labels - for each record, the labels to add
// mode: write
// note: labels are added, never taken away: a record keeps the kinds any claim gave it. The
//   record is found by its element id, reading no label (no Eager operator).
UNWIND range(0, size($elements) - 1) AS i
MATCH (n)
WHERE elementId(n) = $elements[i]
SET n:$($labels[i])
RETURN count(*) AS labelled
