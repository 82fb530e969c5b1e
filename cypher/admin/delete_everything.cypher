// name: admin/delete_everything
// purpose: Empty the database (used by the test suite between tests, on its own server only).
// mode: write
MATCH (n)
DETACH DELETE n
