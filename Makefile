# make setup : .venv/ with chainwatch installed, and Neo4j's jars in server/lib/ (does nothing when current)
# make demo  : setup, start the local Neo4j, apply the schema, load the Kazakhstan 2022 sample, print stats,
#              write out/conflicts.html, print the conflict findings, then serve the explorer
#              on http://127.0.0.1:8501 until Ctrl-C
# make test  : setup, then the test suite (it runs its own Neo4j on other ports, in a temporary home)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := data/kazakhstan-2022

.PHONY: setup demo test schema-docs query-docs bench bench-large stop clean

setup: $(VENV)/.installed server/lib/.fetched

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,ftm]'
	touch $@

server/lib/.fetched: server/pom.xml
	rm -rf server/lib
	mvn --quiet --batch-mode -f server/pom.xml package
	touch $@

demo: setup
	$(BIN)/chainwatch server start
	$(BIN)/chainwatch schema apply
	$(BIN)/chainwatch ingest $(SAMPLE)
	$(BIN)/chainwatch stats
	$(BIN)/chainwatch report conflicts --out out/conflicts.html
	$(BIN)/chainwatch conflicts
	$(BIN)/chainwatch explore

test: setup
	$(BIN)/python -m pytest

schema-docs: setup
	$(BIN)/python -m graph.schema_docs > docs/schema.md

query-docs: setup
	$(BIN)/python -m graph.querylib > cypher/README.md

stop:
	-$(BIN)/chainwatch server stop

clean: stop
	rm -rf $(VENV) server/lib server/target

SIZE ?= 10000
bench: setup  # make bench SIZE=100000: bench/scale.py at that many people
	CHAINWATCH_BENCH_SIZE=$(SIZE) $(BIN)/python -m bench.scale
	$(BIN)/python -m bench.ingest_batches
	$(BIN)/python -m bench.claims_ingest
	$(BIN)/python -m bench.network_settle
	$(BIN)/python -m bench.startup
	$(BIN)/python -m bench.reload
	$(BIN)/python -m bench.scan
	$(BIN)/python -m bench.explorer_draw
	$(BIN)/python -m bench.eager

bench-large: setup  # make bench-large SIZE=1000000 LOAD=bulk|incremental: one load path alone (bench/large_load.py)
	CHAINWATCH_BENCH_SIZE=$(SIZE) CHAINWATCH_BENCH_LOAD=$(LOAD) $(BIN)/python -m bench.large_load
