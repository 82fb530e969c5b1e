// name: admin/delete_everything
// purpose: Empty the database (used by the test suite between tests, on its own server only).
// mode: write
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
