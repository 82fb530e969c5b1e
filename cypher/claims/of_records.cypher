// name: claims/of_records
// purpose: What a batch of records holds now and every claim on it, for graph/derivation.py to derive their values again (graph/claims.py: `derive_records`).
// param: ids - the ids of the records
// mode: read
// note: the record is returned with its element id, by which claims/derive_records finds it
//   again in the same transaction. Its claims are those with its id as target and no relation; the policy orders
//   them (graph/derivation.py: `ranked`), by `first_loaded` among others, sent as milliseconds
//   since 1970: a date and time costs the server twice as long to send as the rest of the
//   claim (a batch of 500 records, 69 ms against 36).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, elementId(n) AS element, properties(n) AS values,
       COLLECT { MATCH (c:Claim {target: id}) WHERE c.relation IS NULL RETURN c {.*, first_loaded: c.first_loaded.epochMillis} } AS claims
