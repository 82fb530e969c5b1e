"""The core library: vocabulary, config, the Neo4j connection and local server, schema, writes, queries."""

import sys
import types

# The neo4j driver imports numpy, pandas and pyarrow when they are installed (Streamlit installs
# them), to offer Result.to_df, which chainwatch never calls: 0.4 s of every command's start.
# Telling it they are absent, before it is imported, saves that; anything that imports neo4j
# after pandas is loaded anyway (the explorer) loses nothing either.
if "neo4j" not in sys.modules:
    _absent = types.ModuleType("neo4j._optional_deps")
    _absent.np = _absent.pd = _absent.pa = _absent.pa_compute = None
    _absent.__all__ = ["np", "pa", "pa_compute", "pd"]
    sys.modules.setdefault("neo4j._optional_deps", _absent)
