// name: claims/add_claims
// purpose: Create a dataset's claims on records or facts the graph holds, for graph/claims.py to derive them again from every claim on them (`derive_records`, `derive_facts`).
// param: said - for each claim, its keys (id, target and, for a fact, relation, subject and object) and what it says
// param: dataset - the dataset name
// param: priority - the dataset's priority (dataset.yaml, default 0)
// param: run - the IngestRun id of this load
// param: now - when this load began: the claim's first_loaded
// mode: write
// note: created before it is set, so a map of any keys is set from an element of a parameter
//   and nothing here reads what it writes (no Eager operator).
UNWIND range(0, size($said) - 1) AS i
CREATE (c:Claim)
SET c = $said[i]
SET c.dataset = $dataset, c.priority = $priority, c.last_run = $run, c.first_loaded = $now
RETURN count(*) AS claims_written
