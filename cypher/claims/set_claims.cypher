// name: claims/set_claims
// purpose: Set again a dataset's claims the graph holds (claims/unchanged_nodes, claims/unchanged_relations found them) to what the dataset says now, for graph/claims.py to derive their targets again.
// param: elements - for each claim, its element id
// param: said - for each claim, what the dataset says: every column of the vocabulary, an empty one as null (which removes it from the claim)
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// mode: write
// note: the claim keeps its first_loaded (it ranks where it did among the claims on its
//   target). Found by its element id, reading none of its properties (no Eager operator).
UNWIND range(0, size($elements) - 1) AS i
MATCH (c:Claim)
WHERE elementId(c) = $elements[i]
SET c += $said[i]
SET c.dataset = $dataset, c.priority = $priority, c.last_run = $run
RETURN count(*) AS claims_written
