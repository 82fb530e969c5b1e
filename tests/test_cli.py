"""The command line as a user meets it: cypher (read-only by default, with a
time limit and row cap), query, validate, ingest, stats, and --help."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from graph import querylib
from tests.conftest import SAMPLE
from tests.datasets import small


def count_nodes(cli) -> int:
    out = cli("cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["rows"][0]["n"]


def test_cypher_answers(cli):
    assert count_nodes(cli) == 0


def test_cypher_refuses_a_write_without_write_flag_and_changes_nothing(cli):
    result = cli("cypher", "CREATE (n:Person {id: 'x'}) RETURN n")
    assert result.returncode == 1
    assert "read-only" in result.stderr and "--write" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert count_nodes(cli) == 0
    merge = cli("cypher", "MERGE (n:Entity {id: $id})", "--param", "id=y")
    assert merge.returncode == 1 and count_nodes(cli) == 0


def test_cypher_write_flag_allows_writes(cli):
    result = cli("cypher", "CREATE (n:Scratch {v: $v}) RETURN n.v AS v", "--param", "v=42", "--write",
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["rows"] == [{"v": 42}]
    assert count_nodes(cli) == 1


def test_row_cap_and_formats(cli):
    result = cli("cypher", "UNWIND range(1, 50) AS i RETURN i, 'a,b' AS text", "--limit", "5", "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["truncated"] is True and [r["i"] for r in payload["rows"]] == [1, 2, 3, 4, 5]
    as_csv = cli("cypher", "UNWIND range(1, 3) AS i RETURN i, 'a,b' AS text, ['x', 'y'] AS l", "--format", "csv")
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [
        ["i", "text", "l"], ["1", "a,b", "x;y"], ["2", "a,b", "x;y"], ["3", "a,b", "x;y"]]
    table = cli("cypher", "UNWIND range(1, 2000) AS i RETURN i")
    assert "Only the first 1000 rows" in table.stdout  # the default cap


def test_time_limit_stops_a_long_query(cli):
    result = cli("cypher", "UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i)",
                 "--timeout", "1")
    assert result.returncode == 1
    assert "time limit" in result.stderr


def test_bad_param_and_bad_cypher(cli):
    bad = cli("cypher", "RETURN $x", "--param", "novalue")
    assert bad.returncode == 1 and "key=value" in bad.stderr
    syntax = cli("cypher", "MATCH (n RETURN n")
    assert syntax.returncode == 1 and "Neo4j refused the query" in syntax.stderr


def test_query_runs_a_library_file_and_lists_them(cli, graph):
    assert cli("ingest", SAMPLE).returncode == 0
    listing = cli("query", "--format", "json")
    names = [r["name"] for r in json.loads(listing.stdout)["rows"]]
    assert names == sorted(querylib.library())
    result = cli("query", "people_in_body", "--param", "id=agency:antikor", "--param", "as_of=2022-03-01",
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["rows"]
    assert {"person:olzhas-bektenov", "person:antikor-investigator-adilbekuly"} == {r["id"] for r in rows}
    missing = cli("query", "people_in_body", "--param", "id=agency:antikor")
    assert missing.returncode == 1 and "as_of" in missing.stderr
    unknown = cli("query", "no_such_query")
    assert unknown.returncode == 1 and "people_in_body" in unknown.stderr


def test_validate_command_names_file_line_column(cli, tmp_path):
    path = small(tmp_path / "ds", relations=[{"subject": "person:officer", "relation": "PARTICIPATED_IN",
                                             "object": "event:beating", "role": "torturer", "sources": "src:a"}])
    result = cli("validate", path)
    assert result.returncode == 1
    assert "relations.csv, line 2, column 4 (role): 'torturer' is not a participation role" in result.stderr
    assert count_nodes(cli) == 0
    as_json = json.loads(cli("validate", path, "--format", "json").stdout)
    assert as_json["ok"] is False and as_json["problems"][0]["line"] == 2
    assert as_json["problems"][0]["column"] == 4 and as_json["problems"][0]["field"] == "role"


def test_ingest_command_refuses_invalid_data(cli, tmp_path):
    path = small(tmp_path / "ds", people=[{"id": "person:officer", "name": "", "sources": "src:a"}])
    result = cli("ingest", path)
    assert result.returncode == 1
    assert "people.csv, line 2, column 2 (name)" in result.stderr
    assert "nothing was written" in result.stderr
    assert count_nodes(cli) == 0


def test_ingest_dry_run_and_stats(cli, tmp_path):
    path = small(tmp_path / "ds")
    dry = cli("ingest", path, "--dry-run")
    assert dry.returncode == 0 and "Nothing was written" in dry.stdout and count_nodes(cli) == 0
    assert cli("ingest", path).returncode == 0
    stats = json.loads(cli("stats", "--format", "json").stdout)
    assert stats["labels"]["Person"] == 2 and stats["labels"]["Entity"] == 6
    assert stats["relationships"]["PARTICIPATED_IN"] == 2
    assert stats["datasets"][0]["dataset"] == "test-ds" and stats["datasets"][0]["last_status"] == "complete"


def test_stats_lists_a_dataset_made_by_hand_with_no_run(cli, graph):
    """Before, a Dataset with no IngestRun (typed in Neo4j Browser, or left by a restore that
    stopped part way) made `stats` fail in the server."""
    graph.driver.execute_query("CREATE (:Dataset {name: 'typed-by-hand'})", database_=graph.database)
    stats = cli("stats", "--format", "json")
    assert stats.returncode == 0, stats.stderr
    [listed] = json.loads(stats.stdout)["datasets"]
    assert listed["dataset"] == "typed-by-hand" and listed["runs"] == 0 and listed["last_started"] is None


def test_a_path_that_cannot_be_written_is_named_and_not_blamed_on_the_server(cli, tmp_path):
    """Before, a file error read "Neo4j failed during the command ... run the same command again"."""
    (tmp_path / "a-file").write_text("not a folder")
    for args in (["export", tmp_path / "a-file" / "dump", "--format", "jsonl"],
                 ["report", "conflicts", "--out", tmp_path / "a-file" / "report.html"]):
        run = cli(*args)
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        assert f"{tmp_path / 'a-file'}" in run.stderr and "Neo4j failed" not in run.stderr


@pytest.mark.parametrize("command", [["--help"], ["query"], ["chain", "--help"], ["validate", "--help"]])
def test_commands_without_a_server_start_without_the_driver(command):
    """The driver (0.25 s to import) and pydantic (which Typer 0.29 imports for every option)
    are loaded only by commands that talk to a server: start-up is what every command pays
    (bench/startup.py measures it)."""
    code = ("import sys; from chainwatch.cli import app\n"
            "try:\n    app(sys.argv[1:], prog_name='chainwatch')\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('neo4j', 'pydantic', 'pandas') if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True)
    assert done.stderr.strip().splitlines()[-1] == "[]", done.stderr[-600:]
    assert done.stdout.strip()


@pytest.mark.parametrize("command", [[], ["server"], ["server", "start"], ["schema", "apply"], ["validate"], ["chain"],
                                     ["conflicts"], ["report", "conflicts"], ["ingest"], ["query"], ["cypher"],
                                     ["stats"], ["explore"], ["export"], ["restore"]])
def test_every_command_has_help(cli, command):
    """The help shows the command's own explanation, not only Typer's usage line."""
    import typer.main
    from chainwatch.cli import app
    node = typer.main.get_command(app)
    for name in command:
        node = node.commands[name]
    summary = " ".join((node.help or "").split("\n\n")[0].split())
    assert len(summary) > 20, f"{command} has no help of its own"
    result = cli(*command, "--help")
    assert result.returncode == 0
    shown = " ".join(result.stdout.replace("│", " ").split())
    assert summary[:60] in shown, (summary, shown[:300])


def test_conflicts_command_on_the_sample(cli):
    assert cli("ingest", SAMPLE).returncode == 0
    result = cli("conflicts", "--format", "json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found and all(f["sources"] and f["explanation"] for f in found)
    table = cli("conflicts")
    assert "most severe first" in table.stdout and "retaliation" in table.stdout
    assert "Inferred, not stated by a source" in table.stdout  # strength, in words
    one = json.loads(cli("conflicts", "--rule", "retaliation", "--format", "json").stdout)
    assert {f["rule"] for f in one} == {"retaliation"} and len(one) == len(found)
    documented = json.loads(cli("conflicts", "--documented-only", "--format", "json").stdout)
    assert [f["actor"] for f in documented] == [f["actor"] for f in found if not f["inferred"]] == ["agency:antikor"]
    assert json.loads(cli("conflicts", "--as-of", "2021-12-31", "--format", "json").stdout) == []
    unknown = cli("conflicts", "--rule", "nepotism")
    assert unknown.returncode == 1 and "self_investigation" in unknown.stderr


def test_a_table_too_wide_for_the_terminal_is_printed_a_row_at_a_time(cli):
    """At 80 columns (a laptop's terminal, or any file: Rich takes 80 when output is not a
    terminal) the findings' table would split ids and relation types across lines; printed a
    row at a time, every id is whole on its line, as wide tables print at 200 columns."""
    assert cli("ingest", SAMPLE).returncode == 0
    found = json.loads(cli("conflicts", "--format", "json").stdout)
    narrow, wide = cli("conflicts", columns=80), cli("conflicts", columns=200)
    assert narrow.returncode == wide.returncode == 0, narrow.stderr + wide.stderr
    for f in found:
        for column in ("allegation", "actor", "rule", "severity", "weakest_confidence"):
            assert any(line.split() == [column, str(f[column])] for line in narrow.stdout.splitlines()), (column, f)
    assert all(len(line) <= 80 for line in narrow.stdout.splitlines())
    assert "┃" not in narrow.stdout and "┃ weakest_confidence ┃" in wide.stdout  # the table where it fits
    people = cli("query", "people_in_body", "--param", "id=agency:antikor", "--param", "as_of=2022-03-01", columns=80)
    assert "id          person:antikor-investigator-adilbekuly" in people.stdout


def test_a_row_at_a_time_shows_names_and_values_as_text():
    """Column names come from the user's Cypher and values from datasets: both are shown, never
    obeyed, when a table too wide for the terminal is printed a row at a time."""
    from chainwatch.output import Format, SafeConsole, emit
    from graph.values import HIDDEN

    hostile = "E\x1b[2J\u202e"
    stream = io.StringIO()
    emit(["id", hostile], [{"id": "person:" + "x" * 60, hostile: hostile}], Format.table,
         title=hostile, console=SafeConsole(file=stream, width=60))
    out = stream.getvalue()
    assert not HIDDEN.search(out)
    assert out.count("E\\x1b[2J\\u202e") == 3 and "┃" not in out


def test_errors_print_brackets_and_markup_as_text(cli, tmp_path):
    """Server messages and values with [brackets] must reach the user whole."""
    result = cli("cypher", "MATCH (a)-[r:PART_OF]->(b) RETURN [bold]")
    assert result.returncode == 1
    assert "[bold]" in result.stderr
    folder = tmp_path / "[red]dataset[/red]"
    result = cli("validate", "--offline", folder)
    assert result.returncode == 1 and "[red]dataset[/red]" in result.stderr


def test_batch_size_comes_from_the_environment(cli, tmp_path):
    """CHAINWATCH_BATCH_SIZE is read when --batch-size is not given (a bad value shows it was)."""
    import os
    path = small(tmp_path / "ds")
    os.environ["CHAINWATCH_BATCH_SIZE"] = "zero"
    try:
        result = cli("ingest", path)
        overridden = cli("ingest", path, "--batch-size", "2")
    finally:
        del os.environ["CHAINWATCH_BATCH_SIZE"]
    assert result.returncode == 1 and "CHAINWATCH_BATCH_SIZE" in result.stderr
    assert overridden.returncode == 0, overridden.stderr


def test_a_bad_number_of_write_sessions_stops_the_load_before_it_writes(cli, graph, tmp_path):
    import os
    path = small(tmp_path / "ds")
    os.environ["CHAINWATCH_WRITE_SESSIONS"] = "0"
    try:
        result = cli("ingest", path)
    finally:
        del os.environ["CHAINWATCH_WRITE_SESSIONS"]
    assert result.returncode == 1 and "CHAINWATCH_WRITE_SESSIONS" in result.stderr
    assert graph.read("stats/datasets") == []  # not even a run begun


HIDDEN = ("\x1b", "\x07", "\x9b", "\u202e")  # escape, bell, CSI, right-to-left override


def test_values_reach_the_terminal_as_text_never_as_commands(cli, tmp_path):
    """A name that would clear the screen, retitle the window and reverse the text is shown as
    escapes in tables, trees and errors; JSON and piped CSV give it back exactly."""
    hostile = "Evil\x1b[2J\x1b]0;owned\x07 \x9b31m\u202eeman"
    people = [{"id": "person:officer", "name": hostile, "sources": "src:a"},
              {"id": "person:victim", "name": "Victim", "protected": "yes", "pseudonym": "V.", "sources": "src:a"}]
    loaded = cli("ingest", small(tmp_path / "ds", people=people))
    assert loaded.returncode == 0, loaded.stderr
    ask = ("cypher", "MATCH (p:Person {id: 'person:officer'}) RETURN p.name AS name, [p.name] AS names")
    outputs = {"table": cli(*ask), "chain": cli("chain", "person:officer"), "search": cli("search", "Evil"),
               "error": cli("chain", "person:" + hostile), "json": cli(*ask, "--format", "json"),
               "csv": cli(*ask, "--format", "csv")}
    for name, result in outputs.items():
        for c in HIDDEN:
            assert c not in result.stdout + result.stderr or name == "csv", (name, c)
    for name in ("table", "chain", "search", "error"):
        assert "Evil\\x1b[2J\\x1b]0;owned\\x07" in outputs[name].stdout + outputs[name].stderr, name
    assert json.loads(outputs["json"].stdout)["rows"][0] == {"name": hostile, "names": [hostile]}
    assert next(csv.DictReader(io.StringIO(outputs["csv"].stdout)))["name"] == hostile  # piped: exact


def test_csv_shows_escapes_on_a_terminal_and_is_exact_when_piped(monkeypatch):
    from chainwatch.output import Format, emit

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True
    for stream, expected in ((Terminal(), "name\r\na\\x1bb\r\n"), (io.StringIO(), "name\r\na\x1bb\r\n")):
        monkeypatch.setattr(sys, "stdout", stream)
        emit(["name"], [{"name": "a\x1bb"}], Format.csv)
        assert stream.getvalue() == expected
    piped = io.StringIO()  # a carriage return inside a value is quoted, so the row stays one row
    monkeypatch.setattr(sys, "stdout", piped)
    emit(["name"], [{"name": "a\rb"}], Format.csv)
    assert list(csv.reader(io.StringIO(piped.getvalue(), newline=""))) == [["name"], ["a\rb"]]
