"""The Cypher library: every statement the project runs lives in cypher/ as a
.cypher file whose header says what it is for and which parameters it takes.

Header lines come first, each `// key: value`:

    // name: people_in_body
    // purpose: Everyone posted to a body at a date.
    // param: id - the body's id
    // param: as_of - a date, e.g. 2022-01-05
    // mode: read
    // example: chainwatch query people_in_body --param id=unit:x --param as_of=2022-01-05

`// timeout: long` marks a statement that may read the whole graph (a conflict
rule, the dump): it runs under chainwatch's long limit (`config.long_timeout`)
instead of the server's default, which stops any other transaction, a runaway
query in Neo4j Browser included, after two minutes (`server start
--transaction-timeout`).

`// after: NAME` makes a statement the continuation of another: it runs on the
rows NAME ends with, and `get` gives the two as one statement (NAME's text, then
its own; NAME's parameters, then its own). The conflict rules run after
`findings/allegations`, which works out what they all start from; `together`
runs several continuations of one statement with that statement run once.
`chainwatch conflicts --cypher` prints a rule so put together, to paste whole.

`name` is the file's path under cypher/ without `.cypher` (for files in
cypher/library/, just the file name). Values reach the server only as
parameters, so an investigator can paste the file into Neo4j Browser, set
`:param`s and run it unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

HEADER = re.compile(r"^//\s*([a-z_]+)\s*:\s*(.*)$")
LIBRARY = "library"  # the folder of queries offered to users by `chainwatch query NAME`


def cypher_dir() -> Path:
    return Path(str(resources.files("cypher")))


@dataclass(frozen=True)
class CypherFile:
    name: str
    path: Path
    text: str
    purpose: str = ""
    params: tuple[tuple[str, str], ...] = ()  # (name, description)
    mode: str = "read"
    long: bool = False  # `// timeout: long`: runs under config.long_timeout()
    examples: tuple[str, ...] = field(default_factory=tuple)
    after: str = ""  # `// after: NAME`: runs on the rows of NAME (see the module's docstring)

    @property
    def param_names(self) -> list[str]:
        return [p for p, _ in self.params]


def parse(path: Path, name: str) -> CypherFile:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, list[str]] = {}
    for line in text.splitlines():
        m = HEADER.match(line.strip())
        if not m:
            break
        meta.setdefault(m.group(1), []).append(m.group(2).strip())
    params = []
    for p in meta.get("param", []):
        pname, _, desc = p.partition(" - ")
        params.append((pname.strip(), desc.strip()))
    return CypherFile(name=name, path=path, text=text,
                      purpose=" ".join(meta.get("purpose", [])),
                      params=tuple(params), mode=(meta.get("mode") or ["read"])[0],
                      long=(meta.get("timeout") or [""])[0] == "long",
                      examples=tuple(meta.get("example", [])), after=(meta.get("after") or [""])[0])


@lru_cache(maxsize=None)
def _file(name: str) -> CypherFile:
    path = cypher_dir() / f"{name}.cypher"
    if not path.exists():
        raise KeyError(name)
    return parse(path, name)


@lru_cache(maxsize=None)
def get(name: str) -> CypherFile:
    """A statement by its path under cypher/, e.g. `claims/append_records`, ready to run: one that
    runs `after` another comes with the other's text before its own."""
    own = _file(name)
    if not own.after:
        return own
    first = get(own.after)
    return replace(own, text=first.text + "\n" + own.text, params=_merged(first.params, own.params),
                   long=first.long or own.long)


def together(name: str, parts: list[str], returns: tuple[str, ...]) -> CypherFile:
    """The statements `parts`, all continuations of one statement, as one: that statement runs
    once and its rows go to each part (`CALL (*) { part UNION ALL part ... }`), whose rows, of
    the columns `returns`, make the result."""
    files = [_file(p) for p in parts]
    afters = {f.after for f in files}
    if len(afters) != 1 or not files[0].after:
        raise ValueError(f"{', '.join(parts)} do not all run after one statement")
    first = get(files[0].after)
    text = "\n".join([first.text, "CALL (*) {", "\nUNION ALL\n".join(f.text for f in files), "}",
                      "RETURN " + ", ".join(returns)])
    params = first.params
    for f in files:
        params = _merged(params, f.params)
    return CypherFile(name=name, path=first.path, text=text, purpose=" ".join(f.purpose for f in files),
                      params=params, mode="read", long=first.long or any(f.long for f in files))


def _merged(params: tuple[tuple[str, str], ...], more: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    seen = {p for p, _ in params}
    return params + tuple((p, d) for p, d in more if p not in seen)


def library() -> dict[str, CypherFile]:
    """The named queries users run with `chainwatch query NAME`."""
    folder = cypher_dir() / LIBRARY
    return {p.stem: parse(p, p.stem) for p in sorted(folder.glob("*.cypher"))}


def render_readme() -> str:
    """cypher/README.md: the library, from the files' own headers."""
    out = ["# The query library", "",
           "<!-- Generated from the headers of cypher/library/*.cypher by `make query-docs`; do not edit. -->",
           "",
           "Run any of these with `chainwatch query NAME --param key=value`, or paste the file into",
           "Neo4j Browser and set its parameters first, e.g. `:param id => 'agency:antikor'`.",
           "Every value travels as a parameter. Other folders here hold the statements chainwatch",
           "itself runs (`schema/`, `ingest/`, `chain/`, `stats/`, `export/`, `conflicts/`, ...).", ""]
    for q in library().values():
        out += [f"## `{q.name}`", "", q.purpose, ""]
        if q.params:
            out += ["| parameter | meaning |", "|---|---|"]
            out += [f"| `{p}` | {d} |" for p, d in q.params]
            out.append("")
        out += [f"```sh\n{e}\n```" for e in q.examples] + [""]
    return "\n".join(out)


if __name__ == "__main__":
    print(render_readme(), end="")
