"""The bulk paths through neo4j-admin database import, on a server of their own (the import
stops it and replaces its database). `chainwatch restore --bulk` gives back the same dump, byte
for byte; `chainwatch ingest --bulk` gives the graph a load gives; neither replaces a database
that is not empty unless told."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from graph import bulk, server
from graph.config import connection
from graph.db import Graph
from graph.dump import WIPE_BATCH, DumpError, comparable, export
from ingest.bulk import _Writer, ingest_bulk
from ingest.load import ingest
from ingest.synth import synth
from tests.conftest import ROOT, SAMPLE, free_port
from tests.datasets import small
from tests.test_dump import set_times, times


@pytest.fixture(scope="module")
def own_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("bulk") / "home"
    server.start(home, bolt_port=free_port(), http_port=free_port())
    yield home
    server.stop(home)


def nodes_in(home) -> int:
    with Graph(connection(home)) as g:
        return g.driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=g.database).records[0]["n"]


def test_a_bulk_restore_gives_back_the_same_dump_and_then_refuses_to_replace_it(graph, own_home, tmp_path,
                                                                                monkeypatch):
    monkeypatch.chdir(tmp_path)  # the importer's report goes to the home's logs, not where the user stands
    ingest(graph, SAMPLE)  # dates, datetimes, lists (empty ones too), quotes with newlines, protected people
    ingest(graph, synth(tmp_path / "synth", 300, seed=2, planted=1) and tmp_path / "synth")
    ingest(graph, small(tmp_path / "small"))
    set_times(graph)  # an offset, a named zone, UTC, a local date-time
    export(graph, tmp_path / "before")
    counts = bulk.restore(own_home, tmp_path / "before")
    assert server.status(own_home).running and counts["nodes"] > 1000
    assert not (tmp_path / "import.report").exists() and (own_home / "logs" / "import.report").exists()
    with Graph(connection(own_home)) as g:
        export(g, tmp_path / "after")
        assert {r["name"] for r in g.read("schema/show")} == {r["name"] for r in graph.read("schema/show")}
        assert times(g) == times(graph)
    for name in ("nodes.jsonl", "relationships.jsonl", "manifest.json"):
        assert (tmp_path / "after" / name).read_bytes() == (tmp_path / "before" / name).read_bytes(), name
    with pytest.raises(DumpError, match="--wipe"):
        bulk.restore(own_home, tmp_path / "before")
    assert nodes_in(own_home) == counts["nodes"]


def test_the_command_line_replaces_with_wipe_and_refuses_a_remote_server(graph, own_home, tmp_path):
    ingest(graph, SAMPLE)
    export(graph, tmp_path / "dump")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(CHAINWATCH_HOME=str(own_home), COLUMNS="200")
    run = subprocess.run([sys.executable, "-m", "chainwatch", "restore", str(tmp_path / "dump"), "--bulk", "--wipe"],
                         capture_output=True, text=True, env=env, timeout=600, cwd=ROOT)
    assert run.returncode == 0 and "by bulk import" in run.stdout, run.stderr
    with Graph(connection(own_home)) as g:
        export(g, tmp_path / "again")
    assert (tmp_path / "again" / "nodes.jsonl").read_bytes() == (tmp_path / "dump" / "nodes.jsonl").read_bytes()
    env.update(NEO4J_URI="neo4j://127.0.0.1:1", NEO4J_PASSWORD="x")
    remote = subprocess.run([sys.executable, "-m", "chainwatch", "restore", str(tmp_path / "dump"), "--bulk"],
                            capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)
    assert remote.returncode == 1 and "the local server's files" in remote.stderr


def emptied(home):
    with Graph(connection(home)) as g:
        while g.write("dump/wipe_batch", limit=WIPE_BATCH)[0]["deleted"]:
            pass
    return home


def test_a_bulk_load_gives_the_graph_a_load_gives(graph, own_home, tmp_path):
    """Both paths, the same dataset: the same dump (the run log and load times aside), and the
    bulk load's run is a run like any other (loading the files again is skipped)."""
    synthetic = tmp_path / "synth"
    synth(synthetic, 300, seed=3, planted=1)
    for dataset in (SAMPLE, synthetic):  # the sample: protection, aliases, quotes, dates, empty lists
        graph.write("admin/delete_everything")
        ingest(graph, dataset)
        export(graph, tmp_path / "by-load")
        report = ingest_bulk(emptied(own_home), dataset)
        with Graph(connection(own_home)) as g:
            export(g, tmp_path / "by-import")
            assert {r["name"] for r in g.read("schema/show")} == {r["name"] for r in graph.read("schema/show")}
            again = ingest(g, dataset)
            assert again.unchanged_since == report.run_id
        assert comparable(tmp_path / "by-import") == comparable(tmp_path / "by-load"), dataset
    with pytest.raises(DumpError, match="empty database only"):
        ingest_bulk(own_home, SAMPLE)


def test_a_value_holding_line_ends_is_imported_whole(graph, own_home, tmp_path):
    """The importer's files end their lines as RFC 4180 says, so a carriage return inside a value
    is quoted: before, it ended the row and neo4j-admin import failed with "Error in input data"."""
    from tests.test_dump import with_line_ends
    dataset = with_line_ends(tmp_path / "ds")
    ingest(graph, dataset)
    export(graph, tmp_path / "by-load")
    ingest_bulk(emptied(own_home), dataset)
    with Graph(connection(own_home)) as g:
        export(g, tmp_path / "by-import")
    assert comparable(tmp_path / "by-import") == comparable(tmp_path / "by-load")


def test_a_failed_import_leaves_an_empty_database_the_server_can_open(own_home, tmp_path):
    """The importer leaves a store "likely in an unusable state" when it fails: before, the
    server came back with its database unavailable to every command until someone deleted the
    files by hand. The bulk paths start from an empty database, and it is empty again."""
    files = bulk.ImportFiles(tmp_path / "import")
    broken = tmp_path / "import" / "nodes-0.csv"
    broken.write_text(':ID,:LABEL,name:string\r\na,Entity,"never closed\r\n', encoding="utf-8")
    files.nodes.append(broken)
    with pytest.raises(server.ServerError, match="import failed, and what it left was removed"):
        bulk.replace_database(emptied(own_home), [files], bulk.Steps())
    assert server.status(own_home).running
    assert nodes_in(own_home) == 0
    with Graph(connection(own_home)) as g:
        assert g.write("admin/delete_everything") is not None  # it takes writes again


def test_a_writer_process_that_dies_stops_the_load_and_leaves_the_database_as_it_was(own_home, monkeypatch):
    """The importer's files are written by a second process (ingest/bulk.py); if it dies (killed,
    out of memory) the load stops with what happened and what to do, nothing is imported, the
    server keeps running and the work folder goes."""
    send = _Writer.send

    def die_then_send(writer, kind, rows):
        writer._process.kill()
        writer._process.join()
        send(writer, kind, rows)
    monkeypatch.setattr(_Writer, "send", die_then_send)
    with pytest.raises(RuntimeError, match=r"importer's files stopped \(exit code -9\); nothing was "
                                           r"imported: run the command again"):
        ingest_bulk(emptied(own_home), SAMPLE)
    assert nodes_in(own_home) == 0  # the server answers, and holds nothing
    assert not list((own_home / "import").glob("bulk-*"))


def test_the_bulk_load_command_refuses_what_it_cannot_do(own_home, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(CHAINWATCH_HOME=str(emptied(own_home)), COLUMNS="200")

    def run(*args, **more):
        return subprocess.run([sys.executable, "-m", "chainwatch", "ingest", *args], capture_output=True,
                              text=True, env={**env, **more}, timeout=600, cwd=ROOT)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "dataset.yaml").write_text("name: bad\n", encoding="utf-8")
    (bad / "people.csv").write_text("id,name,sources\nperson:a,A,src:nowhere\n", encoding="utf-8")
    refused = run(str(bad), "--bulk")
    assert refused.returncode == 1 and "src:nowhere" in refused.stderr and "nothing was written" in refused.stderr
    assert nodes_in(own_home) == 0
    (bad / "sources.csv").write_text("id,title\nsrc:nowhere,Nowhere\n", encoding="utf-8")
    (bad / "people.csv").write_text("id,name,sources\nperson:a,A\x1fB,src:nowhere\n", encoding="utf-8")
    split = run(str(bad), "--bulk")  # valid, but the importer would split the name in two
    assert split.returncode == 1 and "'name' of person:a" in split.stderr and "without --bulk" in split.stderr
    assert nodes_in(own_home) == 0
    loaded = run(str(SAMPLE), "--bulk")
    assert loaded.returncode == 0 and "by bulk import" in loaded.stdout, loaded.stderr
    assert re.search(r"Steps: validating the dataset and writing the importer.s files [\d.]+ s, "
                     r".*neo4j-admin import [\d.]+ s", loaded.stderr)
    assert nodes_in(own_home) > 100
    assert "--wipe" not in (busy := run(str(SAMPLE), "--bulk")).stderr and "empty database only" in busy.stderr
    assert "nothing to replace" in run(str(SAMPLE), "--bulk", "--replace").stderr
    remote = run(str(SAMPLE), "--bulk", NEO4J_URI="neo4j://127.0.0.1:1", NEO4J_PASSWORD="x")
    assert remote.returncode == 1 and "load without --bulk" in remote.stderr


def test_values_the_importer_would_change_are_refused_before_the_server_stops(tmp_path):
    """neo4j-admin import splits arrays on the unit separator and types a column once: a value
    holding that character, or a list of mixed types, would come back changed, so the files are
    refused while written (before anything is stopped); an empty list, which the importer cannot
    write, goes in under the marker that dump/set_empty_lists takes off."""
    node = {"key": ["Entity", "person:a"], "labels": ["Entity", "Person"], "properties": {"id": "person:a"}}
    for bad, message in (({"name": "A\x1fB"}, "'name' of person:a: it holds the ASCII unit separator"),
                         ({"aliases": ["A", 1]}, "'aliases' of person:a: a list of mixed types")):
        with bulk.ImportFiles(tmp_path / "files") as files, pytest.raises(DumpError, match=message):
            files.node({**node, "properties": {**node["properties"], **bad}})
    with bulk.ImportFiles(tmp_path / "files") as files:
        files.node({**node, "properties": {**node["properties"], "aliases": [], "sources": []}})
    header, row = (line.split(",") for line in files.nodes[-1].read_text(encoding="utf-8").splitlines())
    cells = dict(zip(header, row))
    assert cells == {":ID": "Entity|person:a", ":LABEL": bulk.ARRAY.join(["Entity", "Person", bulk.EMPTY_LISTS_LABEL]),
                     "id:string": "person:a", f"{bulk.EMPTY_LISTS_PROPERTY}:string[]": f"aliases{bulk.ARRAY}sources"}
