"""The `chainwatch` command line: the one entry point over graph/ and ingest/."""
