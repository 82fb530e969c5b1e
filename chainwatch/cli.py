"""The `chainwatch` command: one entry point over graph/ and ingest/.

Every command exits 0 on success and otherwise non-zero with a one-line
reason on stderr (validation lists each problem on a line of its own).
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, List, NoReturn, Optional

import typer
from rich.text import Text

from chainwatch.output import Format, SafeConsole, emit, json_text
from graph import config, querylib
from graph.config import ConfigError
from graph.db import GraphError, open_graph
from graph.values import parse_param, shown

if TYPE_CHECKING:
    from rich.progress import Progress

# Modules a few commands need (the server's control, the schema, progress bars, the driver)
# are imported by those commands: every other command, and --help, starts without them.

HELP = """chainwatch: a graph of actors and chains of responsibility, with the sources behind every fact.

Typical first steps:

```
chainwatch server start      # a local Neo4j on 127.0.0.1 (.chainwatch/)
chainwatch schema apply      # constraints and indexes from the vocabulary
chainwatch validate data/kazakhstan-2022
chainwatch ingest data/kazakhstan-2022
chainwatch stats
```

Set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (and NEO4J_DATABASE) to use another Neo4j instead.
"""

app = typer.Typer(help=HELP, no_args_is_help=True, add_completion=False,
                  rich_markup_mode="markdown", pretty_exceptions_enable=False)
server_app = typer.Typer(help="Run the local Neo4j server: start, stop, status.",
                         no_args_is_help=True)
schema_app = typer.Typer(help="Constraints and indexes derived from graph/vocabulary.yaml.",
                         no_args_is_help=True)
app.add_typer(server_app, name="server")
app.add_typer(schema_app, name="schema")
report_app = typer.Typer(help="Reports to hand over: conflicts of interest with evidence and citations.",
                         no_args_is_help=True)
app.add_typer(report_app, name="report")

# Output carries data, paths and the server's words: never read as Rich markup, and never
# as a command to the terminal (chainwatch/output.py).
out = SafeConsole(markup=False, highlight=False)
err = SafeConsole(stderr=True, markup=False, highlight=False)

HomeOption = typer.Option(None, "--home", help="The server's home folder "
                          "(default: $CHAINWATCH_HOME, else .chainwatch/ here).")
ParamOption = typer.Option(None, "--param", "-p", help="A query parameter as key=value; "
                           "repeat for several. Numbers, true/false and [lists] are read as JSON.")
BatchSizeOption = typer.Option(None, "--batch-size", min=1, help="Rows per transaction "
                               "(default $CHAINWATCH_BATCH_SIZE, else 500).")
FromOption = typer.Option("native", "--from", help="The data's format: native (this project's "
                          "dataset format), sfm (Security Force Monitor: a workbook or a folder of its CSV files) "
                          "or ftm (FollowTheMoney entities as JSON lines; pip install 'chainwatch[ftm]').")
FormatOption = typer.Option(Format.table, "--format", "-f", help="table for people; json or csv for programs.")


def fail(message: str, code: int = 1) -> NoReturn:
    """End the command with a one-line reason. The message often carries data or the
    server's words (`[:PART_OF]`, `[bold]`), so it is printed as plain text, never markup."""
    say_error(message)
    raise typer.Exit(code)


def say_error(message: str) -> None:
    err.print(Text("error: ", style="bold red") + Text(shown(message)), soft_wrap=True)


def _graph(home: Optional[Path] = None):
    try:
        return open_graph(home)
    except (ConfigError, GraphError) as e:
        fail(str(e))


def _using_graph(home: Optional[Path], work, *expected: type[Exception]):
    """Run work(graph) on the chosen server; the expected errors end the command with their message."""
    with _graph(home) as g:
        try:
            return work(g)
        except expected as e:
            fail(str(e))


def _params(pairs: Optional[List[str]]) -> dict:
    try:
        return dict(parse_param(p) for p in pairs or [])
    except ValueError as e:
        fail(str(e))


# -- server -----------------------------------------------------------------

@server_app.command("start")
def server_start(home: Optional[Path] = HomeOption,
                 bolt_port: Optional[int] = typer.Option(None, help="Bolt port (default 7687, then as last used)."),
                 http_port: Optional[int] = typer.Option(None, help="HTTP port for Neo4j Browser (default 7474)."),
                 heap: Optional[str] = typer.Option(None, help="Java heap, e.g. 512m or 2g (default 512m)."),
                 pagecache: Optional[str] = typer.Option(None, help="Page cache, e.g. 256m (default 256m)."),
                 transaction_memory: Optional[str] = typer.Option(
                     None, help="Memory all transactions together may use, e.g. 1g (default: Neo4j's, "
                                "70% of the heap)."),
                 transaction_timeout: Optional[str] = typer.Option(
                     None, help="How long a transaction that sets no limit of its own may run (Neo4j "
                                "Browser's, say), e.g. 90s or 10m (default 2m). chainwatch's own scans "
                                "set theirs: CHAINWATCH_LONG_TIMEOUT seconds, an hour by default.")):
    """Start the local Neo4j on 127.0.0.1 and wait until it answers. Sizes given are kept in
    HOME/server.json for later starts; for a large graph give the page cache most of the memory
    the data needs (README: "Outgrowing one machine").

    The first start generates a password, stored with mode 0600 in HOME/password
    (user `neo4j`). Starting a running server does nothing.
    """
    from graph import server

    h = config.resolve_home(home)
    try:
        with err.status("Starting Neo4j (the first start takes a little longer)..."):
            st = server.start(h, bolt_port, http_port, heap, pagecache, transaction_memory,
                              transaction_timeout)
    except server.ServerError as e:
        fail(str(e))
    out.print(f"Neo4j is running (pid {st.pid}): bolt {st.bolt_uri}, browser {st.http_url}, "
              f"home {st.home}, password in {config.password_file(h)}", highlight=False)


@server_app.command("stop")
def server_stop(home: Optional[Path] = HomeOption):
    """Stop the local Neo4j gracefully (it flushes and closes its stores)."""
    from graph import server

    h = config.resolve_home(home)
    if server.stop(h):
        out.print(f"Neo4j stopped (home {h}).", highlight=False)
    else:
        out.print(f"Neo4j was not running (home {h}).", highlight=False)


@server_app.command("status")
def server_status(home: Optional[Path] = HomeOption):
    """Say whether the local Neo4j runs, where, and on which ports. Exit 3 if it does not."""
    from graph import server

    h = config.resolve_home(home)
    st = server.status(h)
    if st.running:
        out.print(f"running: pid {st.pid}, bolt {st.bolt_uri}, browser {st.http_url}, home {h}",
                  highlight=False)
        return
    extra = " (removed a stale pid file would be done by `server start`)" if st.stale_pid else ""
    out.print(f"not running: home {h}{extra}", highlight=False)
    raise typer.Exit(3)


# -- schema -----------------------------------------------------------------

@schema_app.command("apply")
def schema_apply(home: Optional[Path] = HomeOption):
    """Create the uniqueness constraints, indexes and full-text index (safe to repeat)."""
    from graph import schema

    with _graph(home) as g:
        n = schema.apply(g)
    out.print(f"Schema applied: {n} constraints and indexes are in place.")


@schema_app.command("show")
def schema_show(home: Optional[Path] = HomeOption, fmt: Format = FormatOption):
    """List the constraints and indexes in the database."""
    from graph import schema

    with _graph(home) as g:
        rows = schema.show(g)
    emit(["name", "type", "labelsOrTypes", "properties", "state", "constraint"], rows, fmt)


# -- datasets ---------------------------------------------------------------

@contextmanager
def _step_progress() -> Iterator[tuple[Progress, Callable[[str, int, int], None]]]:
    """A progress display on stderr for work reported as progress(step, done_now, total),
    one bar per step; a total of 0 means not known in advance (a count is shown)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        tasks: dict[str, int] = {}

        def progress(step: str, n: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(step[:1].upper() + step[1:], total=total or None)
            bar.advance(tasks[step], n)

        yield bar, progress


def _print_problems(problems) -> None:
    for p in problems:
        (err if not p.warning else out).print(str(p), highlight=False, markup=False, soft_wrap=True)


@app.command()
def synth(folder: Path = typer.Option(..., "--out", help="The folder to write the dataset into."),
          people: int = typer.Option(10_000, "--people", min=10, help="How many people (units are a twentieth)."),
          seed: int = typer.Option(1, "--seed", help="The same seed gives the same files, byte for byte."),
          planted: Optional[int] = typer.Option(None, "--planted", min=0, help="Conflicts planted per rule "
                                                "(default: one per 5,000 people, at least one).")):
    """Write a synthetic dataset with the shape of a real one, for benchmarks and trials:
    agencies over unit trees 4 to 7 levels deep, reorganised in 2015; officers posted in turn;
    detentions, allegations, complaints and inquiries; names in Cyrillic with Latin aliases;
    and a known number of planted conflicts of each rule, which `chainwatch conflicts` finds.

    Load it with `chainwatch ingest DIR`; no server is needed to write it.
    """
    from ingest.synth import synth as write

    made = write(folder, people, seed, planted)
    out.print(f"Wrote {folder}: {made['rows']:,} rows; planted per rule: "
              + ", ".join(f"{rule} {n}" for rule, n in made["planted"].items()), highlight=False)


@app.command()
def validate(path: Path = typer.Argument(..., help="A dataset folder of CSV files, or one YAML file."),
             source_format: str = FromOption,
             offline: bool = typer.Option(False, help="Do not consult the graph for ids the dataset "
                                          "refers to but does not define."),
             fmt: Format = typer.Option(Format.table, "--format", "-f", help="table or json.")):
    """Check a dataset and report every problem at once, with file, line and column.

    Writes nothing. Ids the dataset uses but does not define are looked up in the
    graph when a server is reachable.
    """
    from ingest.load import known_ids
    from ingest.validate import validate as run_validate

    lookup, graph = None, None
    if not offline:
        try:
            graph = open_graph()
            lookup = known_ids(graph)
        except (ConfigError, GraphError):
            graph = None
    _known_format(source_format)
    try:
        ds = run_validate(path, known_ids=lookup, fmt=source_format, keep=lambda record: None)  # counted, not kept
    finally:
        if graph:
            graph.close()
    if fmt == Format.json:
        print(json_text({"dataset": ds.name, "ok": ds.ok, "nodes": ds.node_count,
                         "relations": ds.relation_count,
                         "problems": [p.as_dict() for p in ds.problems]}, indent=2))
    else:
        _print_problems(ds.problems)
    if not ds.ok:
        if fmt != Format.json:
            err.print(f"{len(ds.errors)} error(s) in {path}; fix them and validate again.",
                      highlight=False)
        raise typer.Exit(1)
    if fmt != Format.json:
        note = "" if lookup else " (graph not consulted)"
        out.print(f"{path}: valid{note}: dataset '{ds.name}', {ds.node_count} records, "
                  f"{ds.relation_count} relations.", highlight=False)


@app.command()
def ingest(path: Path = typer.Argument(..., help="A dataset folder of CSV files, or one YAML file; "
                                        "with --from sfm, an SFM workbook (.xlsx) or a folder of its CSV files."),
           source_format: str = FromOption,
           report_file: Optional[Path] = typer.Option(None, "--report", help="Write the rows an importer "
                                                      "skipped (sheet, row, reason) to this CSV file."),
           replace: bool = typer.Option(False, "--replace", help="Also remove what this dataset alone "
                                        "contributed and no longer contains."),
           dry_run: bool = typer.Option(False, "--dry-run", help="Validate and say what would change; write nothing."),
           unprotect: bool = typer.Option(False, "--unprotect", help="Allow this load to make public "
                                          "someone only this dataset protected (otherwise it stops)."),
           force: bool = typer.Option(False, "--force", help="Load even files loaded before unchanged "
                                      "(by default such a load is skipped: it would change nothing)."),
           bulk: bool = typer.Option(False, "--bulk", help="Into an empty database, with neo4j-admin "
                                     "database import, to the graph a load gives. The local server is "
                                     "stopped meanwhile (restart an explorer left running). Validation and the "
                                     "importer's files run side by side, on two cores; faster than a "
                                     "load from about 100,000 people (bench/RESULTS.md)."),
           batch_size: Optional[int] = BatchSizeOption,
           home: Optional[Path] = HomeOption):
    """Validate a dataset, then load it in batches. Re-loading the same files changes nothing,
    and is skipped when the dataset's last load was of these files and complete.

    A dataset with any error writes nothing. An interrupted load is completed by
    running the same command again. Every run is recorded in the graph. Each dataset's
    word is kept apart as claims: loading one never overwrites what another said.
    The first dataset of an empty graph can also go through neo4j-admin import (--bulk).
    """
    from graph.claims import ProtectionLifted
    from ingest.load import ingest as run_ingest
    from ingest.problems import DatasetInvalid

    _known_format(source_format)
    if bulk:
        if replace or dry_run:
            fail("--bulk loads into an empty database: there is nothing to replace, and nothing to "
                 "compare a dry run with (`chainwatch validate` checks the dataset)")
        return _ingest_bulk(path, source_format, report_file, home)
    with _graph(home) as g, _step_progress() as (bar, progress):
        try:
            report = run_ingest(g, path, replace=replace, dry_run=dry_run, unprotect=unprotect,
                                batch_size=batch_size, fmt=source_format, progress=progress, force=force)
        except (ConfigError, ProtectionLifted) as e:
            bar.stop()
            fail(str(e))
        except DatasetInvalid as e:
            bar.stop()
            _print_problems(e.problems)
            fail(f"{e} (run `chainwatch validate {path}` to check again)")
    _report_skipped(report.skipped, report_file)
    if dry_run:
        out.print(f"Dry run of '{report.dataset}': {report.nodes} records "
                  f"({report.existing_nodes} already in the graph), {report.relations} relations "
                  f"({report.existing_relations} already in the graph). Nothing was written.",
                  highlight=False)
        return
    if report.unchanged_since:
        out.print(f"'{report.dataset}' is unchanged since its last load ({report.unchanged_since}): nothing "
                  "to write. Use --force to load it again anyway.", highlight=False)
        return
    c = report.counters
    msg = (f"Loaded '{report.dataset}': {report.nodes} records, {report.relations} relations; "
           f"{c.get('nodes_created', 0)} nodes and {c.get('relationships_created', 0)} "
           f"relationships created.")
    if replace:
        msg += " Replaced: " + _withdrawn(report.withdrawn)
    out.print(msg, highlight=False)


def _ingest_bulk(path: Path, source_format: str, report_file: Optional[Path], home: Optional[Path]) -> None:
    from graph import server
    from graph.bulk import Steps
    from graph.dump import DumpError
    from ingest.bulk import ingest_bulk
    from ingest.problems import DatasetInvalid

    home_dir = _local_home(home, "--bulk writes the local server's files; with NEO4J_URI set, load "
                                 "without --bulk")
    try:
        with err.status("Validating, then importing (the server is stopped meanwhile)...") as status:
            report = ingest_bulk(home_dir, path, fmt=source_format, steps=Steps(_bulk_step(status)))
    except (DumpError, server.ServerError, ConfigError) as e:
        fail(str(e))
    except DatasetInvalid as e:
        _print_problems(e.problems)
        fail(f"{e} (run `chainwatch validate {path}` to check again)")
    _report_skipped(report.skipped, report_file)
    out.print(f"Loaded '{report.dataset}' by bulk import: {report.nodes} records, "
              f"{report.relations} relations.", highlight=False)
    _print_steps(report.seconds)


def _bulk_step(status) -> Callable[[str], None]:
    """Shows the step a bulk path is at on its spinner: several take minutes on a large graph."""
    return lambda step: status.update(f"{step[0].upper()}{step[1:]}...")


def _print_steps(seconds: dict[str, float]) -> None:
    err.print("Steps: " + ", ".join(f"{step} {s:,.1f} s" for step, s in seconds.items()) + ".", highlight=False)


def _local_home(home: Optional[Path], remote: str) -> Path:
    """The home of the local server (for what writes its files); fails with `remote` when
    NEO4J_URI names another server."""
    try:
        conn = config.connection(home)
    except ConfigError as e:
        fail(str(e))
    if conn.local_home is None:
        fail(remote)
    return conn.local_home


def _known_format(name: str) -> None:
    from ingest.formats import READERS

    if name not in READERS:
        fail(f"unknown format '{name}' for --from; known formats: {', '.join(READERS)}")


def _report_skipped(skipped: list, report_file: Optional[Path]) -> None:
    """An importer's skipped rows: the first few on the terminal, all of them in --report."""
    from ingest.problems import write_skip_report

    if report_file:
        write_skip_report(skipped, report_file)
    if not skipped:
        return
    _print_problems(skipped[:20])
    more = f" ({len(skipped) - 20} more not shown)" if len(skipped) > 20 else ""
    where = f"all of them are in {report_file}" if report_file else "--report FILE writes them all as CSV"
    out.print(f"{len(skipped)} row(s) skipped{more}; {where}.", highlight=False, markup=False)


def _withdrawn(counts: dict) -> str:
    return (f"{counts.get('claims_withdrawn', 0)} claims withdrawn, {counts.get('relations_deleted', 0)} "
            f"relationships and {counts.get('nodes_deleted', 0)} nodes deleted.")


@app.command()
def remove(dataset: str = typer.Argument(..., help="The dataset's name (`chainwatch stats` lists them)."),
           unprotect: bool = typer.Option(False, "--unprotect", help="Allow the removal to make public "
                                          "someone only this dataset protected (otherwise it stops)."),
           batch_size: Optional[int] = BatchSizeOption,
           home: Optional[Path] = HomeOption):
    """Take a dataset out of the graph: its claims go, and what they touched is derived again.

    A record or fact that another dataset also stated stays, with that dataset's values; one
    that only this dataset stated is deleted. Works in batches: an interrupted removal is
    finished by running it again. Take a dump first (`chainwatch export DIR`).
    Example: chainwatch remove press-roundup
    """
    from graph.claims import ProtectionLifted, UnknownDataset, remove as run_remove

    with _graph(home) as g, _step_progress() as (bar, progress):
        try:
            done = run_remove(g, dataset, unprotect=unprotect, batch_size=batch_size, progress=progress)
        except (ConfigError, ProtectionLifted, UnknownDataset) as e:
            bar.stop()
            fail(str(e))
    out.print(f"Removed '{dataset}': " + _withdrawn(done), highlight=False)


# -- queries ----------------------------------------------------------------

def _run_and_emit(text: str, params: dict, fmt: Format, *, write: bool,
                  timeout: Optional[float], limit: Optional[int], home: Optional[Path]) -> None:
    rows = _using_graph(home, lambda g: g.run_user_query(
        text, params, write=write, timeout=timeout or config.query_timeout(),
        row_cap=limit or config.row_cap()), GraphError)
    emit(list(rows.keys), [r.data() for r in rows.records], fmt, truncated=rows.truncated)


DocumentedOnlyOption = typer.Option(False, "--documented-only", help="Leave out findings that rest on an "
                                    "inferred link (marked inferred, or citing only background sources).")
TimeoutOption = typer.Option(None, "--timeout", help="Seconds before the server stops the query "
                             "(default $CHAINWATCH_QUERY_TIMEOUT or 30).")
LimitOption = typer.Option(None, "--limit", help="At most this many rows (default "
                           "$CHAINWATCH_ROW_CAP or 1000).")


@app.command()
def cypher(query: str = typer.Argument(..., help="The Cypher to run; pass values with --param, "
                                       "e.g. MATCH (n {id: $id}) RETURN n"),
           param: Optional[List[str]] = ParamOption, fmt: Format = FormatOption,
           write: bool = typer.Option(False, "--write", help="Allow the query to change the graph."),
           timeout: Optional[float] = TimeoutOption, limit: Optional[int] = LimitOption,
           home: Optional[Path] = HomeOption):
    """Run a Cypher query, read-only unless --write, with a time limit and a row cap.

    Read-only is enforced by the server: the query runs in a read transaction, so
    CREATE, SET, DELETE and MERGE fail and change nothing.
    """
    _run_and_emit(query, _params(param), fmt, write=write, timeout=timeout, limit=limit, home=home)


@app.command()
def query(name: Optional[str] = typer.Argument(None, help="A query from cypher/library/; "
                                               "leave out to list them."),
          param: Optional[List[str]] = ParamOption, fmt: Format = FormatOption,
          timeout: Optional[float] = TimeoutOption, limit: Optional[int] = LimitOption,
          home: Optional[Path] = HomeOption):
    """Run a named query from the library in cypher/library/ (read-only).

    Without NAME, lists the queries with their purpose and parameters.
    """
    lib = querylib.library()
    if not name:
        emit(["name", "purpose", "params"],
             [{"name": q.name, "purpose": q.purpose, "params": ", ".join(q.param_names)}
              for q in lib.values()], fmt)
        return
    if name not in lib:
        fail(f"no query named '{name}'; known: {', '.join(lib) or '(none)'}")
    q = lib[name]
    params = _params(param)
    missing = [p for p in q.param_names if p not in params]
    if missing:
        fail(f"query '{name}' needs --param for: {', '.join(missing)} "
             f"({'; '.join(f'{p}: {d}' for p, d in q.params if p in missing)})")
    _run_and_emit(q.text, params, fmt, write=False, timeout=timeout, limit=limit, home=home)


@app.command()
def chain(node_id: str = typer.Argument(..., metavar="ID", help="A person, unit or agency id."),
          as_of: Optional[str] = typer.Option(None, "--as-of", help="A date (2022-01-05, or 2022-01 "
                                              "for its first day); without it, every edge at any time."),
          down: bool = typer.Option(False, "--down", help="Also show the subordinate bodies."),
          fmt: Format = typer.Option(Format.table, "--format", "-f", help="table (a tree) or json."),
          home: Optional[Path] = HomeOption):
    """The chain of responsibility of a person or body, edge by edge, up to the apex.

    For a person: the units and agencies they were MEMBER_OF or COMMANDS, then PART_OF
    upward; at every body, who COMMANDS it. Every edge shows its dates, confidence and
    sources. Example: chainwatch chain unit:almaty-district-police --as-of 2022-01-11
    """
    from chainwatch.tree import render
    from graph.chains import UnknownNode, chain as build_chain

    c = _using_graph(home, lambda g: build_chain(g, node_id, _as_of(as_of), down), UnknownNode)
    if fmt == Format.json:
        print(json_text(c.as_dict(), indent=2))
    else:
        out.print(render(c))


def _as_of(value: Optional[str]) -> Optional[str]:
    """A --as-of value as an ISO day (a partial date means its first day)."""
    from graph import dates

    if not value:
        return None
    try:
        return dates.as_of(value).isoformat()
    except dates.PartialDateError as e:
        fail(f"--as-of: {e}")


@app.command()
def conflicts(rule: Optional[str] = typer.Option(None, "--rule", help="Run one rule only "
                                                 "(self_investigation, custodian_oversight, ...)."),
              as_of: Optional[str] = typer.Option(None, "--as-of", help="Consider only events dated "
                                                  "on or before this date."),
              max_depth: int = typer.Option(2, "--max-depth", min=1, max=12,
                                            help="shared_command: PART_OF hops to a common superior."),
              documented_only: bool = DocumentedOnlyOption,
              fmt: Format = typer.Option(Format.table, "--format", "-f", help="table (a readable list), json or csv."),
              cypher: bool = typer.Option(False, "--cypher", help="Print the Cypher statement and its "
                                          "parameters instead, to paste into Neo4j Browser (`:param` lines "
                                          "first). Runs nothing."),
              home: Optional[Path] = HomeOption):
    """Conflict-of-interest findings: complaints investigated by the accused, their bosses,
    colleagues or custodians, and retaliation against complainants.

    Each finding names the rule, severity, allegation, the body whose role creates the
    conflict (actor), the accused bodies (implicated), the events, the evidence path
    (node and relationship ids), its sources, a plain explanation, and its strength: the
    weakest confidence on the path and whether any link on it is inferred.
    """
    from graph.conflicts import UnknownRule, findings, statement

    if cypher:
        try:
            q, params = statement(rule, _as_of(as_of), max_depth)
        except UnknownRule as e:
            fail(str(e))
        print("\n".join(f":param {k} => {json_text(v)}" for k, v in params.items()))
        print(q.text)
        return
    with _step_progress() as (_, progress):
        found = _using_graph(home, lambda g: findings(g, rule, _as_of(as_of), max_depth, documented_only,
                                                      progress), UnknownRule)
    if fmt == Format.json:
        print(json_text(found, indent=2))
        return
    if fmt == Format.csv:
        emit(["severity", "rule", "allegation", "actor", "implicated", "weakest_confidence", "inferred",
              "explanation"], found, fmt)
        return
    rows = [{"#": n, **f} for n, f in enumerate(found, 1)]
    emit(["#", "severity", "weakest_confidence", "inferred", "rule", "allegation", "actor"], rows, fmt,
         title=f"{len(found)} conflict-of-interest finding(s), most severe first")
    for n, f in enumerate(found, 1):
        out.print(Text(shown(f"{n}. {f['explanation']}")))
        out.print(Text(shown(f"   events: {', '.join(f['events'])}; sources: {', '.join(f['sources'])}"),
                       style="dim"))


@report_app.command("conflicts")
def report_conflicts(out_file: Path = typer.Option(..., "--out", help="The file to write."),
                     fmt: Optional[str] = typer.Option(None, "--format", "-f",
                                                       help="html, md, pdf or json (default: from --out's extension, else html)."),
                     redact: bool = typer.Option(False, "--redact", help="Replace every protected person by "
                                                 "their pseudonym everywhere: names, aliases, ids, quotes, pictures."),
                     rule: Optional[str] = typer.Option(None, "--rule", help="Only this rule's findings."),
                     as_of: Optional[str] = typer.Option(None, "--as-of", help="Only events dated on or before this date."),
                     documented_only: bool = DocumentedOnlyOption,
                     home: Optional[Path] = HomeOption):
    """Write the conflict-of-interest report: findings grouped by allegation, most severe first,
    each with its explanation, dates, a picture of the evidence path and the citations.

    The HTML is one self-contained file that loads nothing from anywhere; the PDF is drawn from
    the same content. Use --redact for anything that leaves your hands.
    """
    from graph.conflicts import UnknownRule
    from graph.fonts import FontMissing
    from graph.report import build
    from graph.report_formats import FORMATS, ReportError, render

    fmt = fmt or (out_file.suffix.lstrip(".").lower() if out_file.suffix.lstrip(".").lower() in FORMATS else "html")
    if fmt not in FORMATS:
        fail(f"--format {fmt}: use one of {', '.join(FORMATS)}")
    with _step_progress() as (_, progress):
        report = _using_graph(home, lambda g: build(g, redact=redact, rule=rule, as_of=_as_of(as_of),
                                                    documented_only=documented_only, progress=progress),
                              UnknownRule)
    try:
        data = render(report, fmt)
    except (ReportError, FontMissing) as e:
        fail(str(e))
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_bytes(data)
    out.print(f"Wrote {out_file} ({fmt}, {report.count} finding(s) on {len(report.allegations)} "
              f"allegation(s){', redacted' if redact else ''}).", highlight=False)


@app.command()
def explore(port: int = typer.Option(8501, "--port", help="Port on 127.0.0.1."),
            address: str = typer.Option("127.0.0.1", "--address", help="Listen address; keep 127.0.0.1 "
                                        "unless you mean to expose the data."),
            public: bool = typer.Option(False, "--public", help="Serve a public explorer: protected "
                                        "persons are pseudonymised everywhere, visitors cannot switch it "
                                        "off, and the Cypher console is not offered."),
            home: Optional[Path] = HomeOption):
    """Serve the explorer in the browser: search, entity pages, network, paths, chains,
    conflicts, a read-only Cypher console and reports. Nothing is fetched from outside
    and Streamlit's usage statistics are off.

    Use --public when anyone but you will see the screen.
    """
    import os

    from explorer import APP

    _graph(home).close()  # fail early, with the usual message, if no server answers
    env = dict(os.environ)
    if home:
        env["CHAINWATCH_HOME"] = str(config.resolve_home(home))
    env.pop("CHAINWATCH_PUBLIC", None)
    if public:
        env["CHAINWATCH_PUBLIC"] = "1"
    out.print(f"chainwatch explorer: http://{address}:{port}  (Ctrl-C to stop)", highlight=False)
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.address", address,
               "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--global.developmentMode", "false",
               "--server.fileWatcherType", "none", "--client.toolbarMode", "minimal",
               "--server.maxUploadSize", "1"]  # MB: the only upload is a canvas file
    sys.stdout.flush()
    # Become Streamlit, so that Ctrl-C or a signal to this process reaches the server itself.
    os.execve(sys.executable, command, env)


EXPORT_FORMATS = ("jsonl", "csv", "graphml", "gexf", "ftm")


@app.command()
def export(folder: Path = typer.Argument(..., metavar="DIR", help="The folder to write into."),
           fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl: the dump, everything needed "
                                   "to rebuild the graph with `chainwatch restore`; csv: our own dataset format, "
                                   "safe to open in a spreadsheet, that `chainwatch ingest` loads again; "
                                   "graphml (yEd, Gephi) or gexf (Gephi, with its timeline): the network; "
                                   "ftm: FollowTheMoney entities for Aleph and OpenSanctions' tools."),
           dataset: Optional[str] = typer.Option(None, "--dataset", help="csv: exactly what this dataset "
                                                 "said; graphml/gexf: the part of the network it contributed."),
           redact: bool = typer.Option(False, "--redact", help="Every protected person under their "
                                       "pseudonym, ids included (any format)."),
           home: Optional[Path] = HomeOption):
    """Write the graph to DIR: the dump (jsonl), a dataset (csv) or a network file for Gephi and yEd.

    The dump holds nodes, relationships, sources and the run log, and is deterministic: the
    same graph always gives the same bytes, so two dumps can be compared with `diff`, and a
    restored graph dumps identically. Take one before any risky operation.
    Examples: chainwatch export backups/2026-11-25; chainwatch export out --format gexf --redact
    """
    from graph.dump import DumpError, export as write_dump
    from graph.network_export import write as write_network

    if fmt not in EXPORT_FORMATS:
        fail(f"unknown --format {fmt}; use one of: {', '.join(EXPORT_FORMATS)}")
    if fmt == "jsonl":
        if dataset:
            fail("the dump (jsonl) is always the whole graph, the backup `restore` rebuilds. For what "
                 f"one dataset said, use: chainwatch export {folder} --format csv --dataset {dataset}")
        counts = _using_graph(home, lambda g: write_dump(g, folder, redact=redact), DumpError)
        out.print(f"Wrote the dump to {folder}: {counts['nodes']} nodes, {counts['relationships']} "
                  f"relationships{', redacted' if redact else ''}.")
        return
    if fmt == "csv":
        from graph.dataset_export import write as write_dataset
        counts = _using_graph(home, lambda g: write_dataset(g, folder, dataset=dataset, redact=redact))
        out.print(f"Wrote the dataset to {folder}: " + ", ".join(f"{n} in {f}.csv" for f, n in counts.items())
                  + (", redacted" if redact else "") + ".")
        return
    if fmt == "ftm":
        from graph.ftm_export import FtmMissing, write as write_ftm
        path, count, left = _using_graph(home, lambda g: write_ftm(g, folder, dataset=dataset, redact=redact),
                                         FtmMissing)
        carried = "; not carried by FtM: " + ", ".join(f"{n} {what}" for what, n in sorted(left.items())) if left else ""
        out.print(f"Wrote {path}: {count} FtM entities{', redacted' if redact else ''}{carried}.")
        return
    path, nodes, edges = _using_graph(home, lambda g: write_network(g, folder, fmt, dataset=dataset,
                                                                    redact=redact))
    out.print(f"Wrote {path}: {nodes} nodes, {edges} edges{', redacted' if redact else ''}.")


@app.command()
def restore(folder: Path = typer.Argument(..., metavar="DIR", help="A folder written by "
                                          "`chainwatch export DIR --format jsonl`."),
            wipe: bool = typer.Option(False, "--wipe", help="Delete everything in the database first "
                                      "(otherwise restore refuses a database that is not empty)."),
            bulk: bool = typer.Option(False, "--bulk", help="Rebuild it with neo4j-admin database import, "
                                      "faster for a large dump (2.5 times at 100,000 people): the local server is stopped, "
                                      "its database replaced whole, and started again (restart an "
                                      "explorer left running)."),
            home: Optional[Path] = HomeOption):
    """Rebuild the graph from a dump into an empty database, schema included.

    The dump's checksums and every line are checked before anything is written or wiped. Examples:
    chainwatch restore backups/2026-11-25 --wipe
    chainwatch restore national-archive/ --bulk      (the local server only)
    """
    from graph.dump import DumpError, restore as read_dump

    if bulk:
        from graph import bulk as bulk_restore, server

        home_dir = _local_home(home, "--bulk rebuilds the local server's files; with NEO4J_URI set, restore "
                                     "without --bulk (or load the dump with the server's own neo4j-admin)")
        try:
            with err.status("Importing (the server is stopped meanwhile)...") as status:
                steps = bulk_restore.Steps(_bulk_step(status))
                counts = bulk_restore.restore(home_dir, folder, wipe=wipe, steps=steps)
        except (DumpError, server.ServerError) as e:
            fail(str(e))
        out.print(f"Restored {folder} by bulk import: {counts['nodes']} nodes, "
                  f"{counts['relationships']} relationships.")
        _print_steps(steps.seconds)
        return
    counts = _using_graph(home, lambda g: read_dump(g, folder, wipe=wipe), DumpError)
    out.print(f"Restored {folder}: {counts['nodes']} nodes, {counts['relationships']} relationships.")


@app.command()
def search(text: str = typer.Argument(..., metavar="TEXT", help="A name or part of one, in any script."),
           limit: int = typer.Option(20, "--limit", min=1, help="Most results."),
           home: Optional[Path] = HomeOption, fmt: Format = FormatOption):
    """Find people, bodies, places and events by name, in any script or transliteration.

    Each word may be misspelt by a letter or two, and is also looked up by its name key
    (graph/names.py), so Cyrillic finds Latin and the other way round. Examples:
    chainwatch search Кийсымбаев        (finds Kiysymbayev)
    chainwatch search "Tokayev" --format json
    """
    from graph.search import search as find

    with _graph(home) as g:
        rows = find(g, text, limit)
    if not rows and fmt == Format.table:
        out.print("Nothing matches every word; try fewer words, or part of the name.")
        return
    for r in rows:
        r["score"] = round(r["score"], 2)
    emit(["id", "label", "name", "aliases", "score"], rows, fmt, title="Matches, best first")


# -- identity decisions ---------------------------------------------------------

NoteOption = typer.Option(None, "--note", help="Why: kept with the decision (what an investigator "
                          "reading the graph later needs to trust it).")


@app.command()
def resolve(dataset: Optional[str] = typer.Option(None, "--dataset", help="Only pairs with a record of this dataset."),
            against: Optional[str] = typer.Option(None, "--against", help="With --dataset: only pairs whose "
                                                  "other record is of this dataset."),
            threshold: Optional[float] = typer.Option(None, "--threshold", min=0.0, max=1.0,
                                                      help="Lowest score shown (default: chosen for precision "
                                                      "on a labelled set, see bench/RESULTS.md)."),
            decided: bool = typer.Option(False, "--decided", help="List the decisions made instead: merges and "
                                         "pairs judged distinct."),
            home: Optional[Path] = HomeOption, fmt: Format = FormatOption):
    """Possible duplicates: records that may be one actor, scored, with the reasons, strongest first.

    Names are compared across scripts and transliterations (Кийсымбаев, Kiysymbayev); birth
    dates, shared postings (at overlapping dates) and shared events add or take away. Pairs
    already merged or judged distinct are not proposed again. Decide with `chainwatch merge A B`
    or `chainwatch distinct A B`. Example:
    chainwatch resolve --dataset case-file --against press-roundup
    """
    from graph.resolution import DEFAULT_THRESHOLD, candidates

    with _graph(home) as g:
        if decided:
            rows = g.read("decisions/all")
            emit(["id", "kind", "canonical", "merged", "a", "b", "decided", "note"], rows, fmt, title="Decisions")
            return
        found = candidates(g, dataset=dataset, against=against,
                           threshold=DEFAULT_THRESHOLD if threshold is None else threshold)
    if fmt == Format.json:
        print(json_text({"candidates": [c.as_dict() for c in found]}, indent=2))
        return
    if not found and fmt == Format.table:
        out.print("No candidate duplicates at this threshold.")
        return
    rows = [{"score": f"{c.score:.2f}", "a": f"{c.a['id']} ({c.a['name']})", "b": f"{c.b['id']} ({c.b['name']})",
             "reasons": "; ".join(c.reasons)} for c in found]
    emit(["score", "a", "b", "reasons"], rows, fmt, title="Possible duplicates, strongest first")


@app.command()
def merge(keep: str = typer.Argument(..., metavar="A", help="The id kept."),
          take: str = typer.Argument(..., metavar="B", help="The id taken in: it resolves to A from now on."),
          note: Optional[str] = NoteOption, home: Optional[Path] = HomeOption):
    """Make two ids one actor: B's claims, aliases and facts attach to A, each keeping its
    sources and the id it came with. Undo with `chainwatch unmerge B`.

    Any dataset loaded later that says B writes to A. A protected B keeps A protected.
    Example: chainwatch merge person:kiysymbaev person:kiysymbayev --note "same officer, same unit"
    """
    from graph.decisions import DecisionError, merge as make

    done = _using_graph(home, lambda g: make(g, keep, take, note), DecisionError)
    out.print(f"Merged {done['merged']} into {done['canonical']} (decision {done['decision']}).")


@app.command()
def distinct(a: str = typer.Argument(..., metavar="A"), b: str = typer.Argument(..., metavar="B"),
             note: Optional[str] = NoteOption, home: Optional[Path] = HomeOption):
    """Record that A and B are different actors, so `chainwatch resolve` never proposes them again.

    Undo with `chainwatch unmerge 'distinct:A|B'` (the ids in sorted order, as printed).
    """
    from graph.decisions import DecisionError, distinct as judge

    done = _using_graph(home, lambda g: judge(g, a, b, note), DecisionError)
    out.print(f"Recorded {done['decision']}." if done["new"] else f"{done['decision']} was already recorded.")


@app.command()
def unmerge(decision: str = typer.Argument(..., metavar="ID", help="The merged id (or merge:ID), "
                                           "or a distinct decision's id (distinct:A|B)."),
            home: Optional[Path] = HomeOption):
    """Undo a decision exactly: a merged id gets its record back, with the claims that came with
    it and the facts they said of it; the graph is as it was before the merge."""
    from graph.decisions import DecisionError, unmerge as undo

    done = _using_graph(home, lambda g: undo(g, decision), DecisionError)
    if done.get("record"):
        out.print(f"Gave {done['record']} its record back from {done['from']} (decision {done['decision']} undone).")
    elif "record" in done:
        out.print(f"Deleted decision {done['decision']}: no dataset describes {done['from']} any more, "
                  "so there was no record to give back.")
    else:
        out.print(f"Deleted decision {done['decision']}.")


@app.command()
def stats(home: Optional[Path] = HomeOption, fmt: Format = FormatOption):
    """Counts of nodes by label and relationships by type, and the datasets loaded."""
    with _graph(home) as g:
        labels = g.read("stats/labels")
        rels = g.read("stats/relationships")
        datasets = g.read("stats/datasets")
    if fmt == Format.json:
        print(json_text({"labels": {r["label"]: r["count"] for r in labels},
                         "relationships": {r["type"]: r["count"] for r in rels},
                         "datasets": datasets}, indent=2, default=str))
        return
    emit(["label", "count"], labels, fmt, title="Nodes by label")
    emit(["type", "count"], rels, fmt, title="Relationships by type")
    emit(["dataset", "runs", "last_status", "last_started", "nodes", "relations"],
         datasets, fmt, title="Datasets loaded")


def _server_failure(e: BaseException) -> bool:
    """An error of the driver or the connection; the driver is not imported to ask (a command
    that never reached a server starts faster without it, and cannot have raised one)."""
    if isinstance(e, OSError):
        return True
    if "neo4j" not in sys.modules:
        return False
    from neo4j.exceptions import DriverError, Neo4jError
    return isinstance(e, (DriverError, Neo4jError))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as e:
        if isinstance(e, OSError) and e.filename is not None:  # a path, not the server
            say_error(f"{os.fsdecode(e.filename)}: {e.strerror or e}; check the path and its permissions, "
                      "then run the command again")
            sys.exit(1)
        if not _server_failure(e):
            raise
        # The server went away or failed mid-command: say so in one line, never a traceback.
        # Every write is a batch in its own transaction, so nothing is half-written.
        say_error(f"Neo4j failed during the command ({type(e).__name__}: {e}); nothing is half-written: "
                  "check `chainwatch server status`, then run the same command again to finish")
        sys.exit(1)
