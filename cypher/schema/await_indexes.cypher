// name: schema/await_indexes
// purpose: Wait until every index is online, so a load right after `schema apply` uses them.
// param: seconds - how long to wait at most
// mode: schema
CALL db.awaitIndexes($seconds)
