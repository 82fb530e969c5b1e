"""The query library: every file documents itself, its example runs on the
sample and returns rows, and cypher/README.md is generated from the headers."""

from __future__ import annotations

import shlex

import pytest

from graph import querylib
from graph.values import parse_param
from ingest.load import ingest
from tests.conftest import ROOT, SAMPLE

LIBRARY = querylib.library()


@pytest.fixture
def sample(graph):
    ingest(graph, SAMPLE)
    return graph


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_each_query_documents_itself_and_its_example_returns_rows(sample, name):
    q = LIBRARY[name]
    assert q.purpose and q.examples and all(desc for _, desc in q.params), name
    assert q.text.splitlines()[0] == f"// name: {name}"
    words = shlex.split(q.examples[0])
    assert words[:3] == ["chainwatch", "query", name]
    params = dict(parse_param(words[i + 1]) for i, w in enumerate(words) if w == "--param")
    assert set(params) == set(q.param_names), "the example sets every parameter"
    rows = sample.run_user_query(q.text, params, write=False, timeout=30, row_cap=1000)
    assert rows.records, f"{name}'s example returns nothing on the sample"


def test_every_statement_in_cypher_has_a_header():
    for path in querylib.cypher_dir().rglob("*.cypher"):
        first = path.read_text(encoding="utf-8").splitlines()[:2]
        assert first[0].startswith("// name: ") and first[1].startswith("// purpose: "), path


def test_library_readme_is_current():
    committed = (ROOT / "cypher" / "README.md").read_text(encoding="utf-8")
    assert committed == querylib.render_readme(), "cypher/README.md is stale: run `make query-docs`"


def test_specific_answers_on_the_sample(sample):
    def run(name, **params):
        return [r.data() for r in sample.run_user_query(LIBRARY[name].text, params, write=False,
                                                         timeout=30, row_cap=1000).records]
    assert [r["name"] for r in run("commander_at", id="agency:antikor", as_of="2022-03-01")] == ["Olzhas Bektenov"]
    timeline = run("actor_timeline", id="person:darhan-ualiyev")
    assert "event:ualiyev-torture" in [r["ref"] for r in timeline]
    paths = run("shortest_paths", **{"from": "person:baurzhan-azanov", "to": "unit:almaty-region-police", "max_hops": 4})
    assert paths and all(p["hops"] <= 4 for p in paths)
    assert run("shortest_paths", **{"from": "person:baurzhan-azanov", "to": "unit:almaty-region-police", "max_hops": 2}) == []
    claims = run("source_claims", id="src:background-kz")
    assert {r["confidence"] for r in claims if r["kind"] == "relationship"} == {"low"}
