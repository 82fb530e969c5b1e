// name: stats/version
// purpose: Nothing but a read: the bookmark the server returns for it names the last transaction committed, the graph's version (graph/db.py Graph.version).
// mode: read
RETURN 1 AS one
