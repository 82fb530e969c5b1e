"""The core library: vocabulary, config, the Neo4j connection and local server, schema, writes, queries."""
