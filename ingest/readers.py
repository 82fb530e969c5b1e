"""Read a dataset, as a folder of CSV files or as one YAML file, into rows of
located cells. Readers only parse; ingest/validate.py judges the values.

Both forms give the same rows, so both load the same way: a YAML file's
top-level keys are the CSV file names without `.csv` (and `dataset` for
dataset.yaml's metadata).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from graph.cells import QUOTE, original
from graph.vocabulary import Vocabulary, load
from ingest.problems import Problem
from ingest.types import text_of

MAX_CELL = 1_000_000  # characters; longer cells are refused with a located error
csv.field_size_limit(MAX_CELL)
TOO_DEEP = "not valid YAML: lists or mappings nested too deep to be a dataset; check the brackets"
METADATA_FILE = "dataset.yaml"
METADATA_KEY = "dataset"


@dataclass(slots=True)  # not frozen: that makes one three times slower, and a load makes one a cell
class Cell:
    value: Any  # text as written; YAML may give a real list, a workbook a number or a date
    line: int
    column: int


@dataclass(slots=True)
class Row:
    file: str  # as shown to the user, e.g. people.csv or case.yaml
    kind: str  # the file stem: people, relations...
    line: int
    cells: dict[str, Cell]

    def text(self, name: str) -> str:
        cell = self.cells.get(name)
        return "" if cell is None else text_of(cell.value)

    @classmethod
    def of(cls, file: str, kind: str, line: int, cells: dict[str, Any]) -> "Row":
        """A row an importer builds, every cell at the line it came from; lists stay lists,
        so a ';' inside a value never splits it. Keys starting with '_' are the importer's own."""
        return cls(file, kind, line, {k: Cell("" if v is None else v, line, 1)
                                      for k, v in cells.items() if not k.startswith("_")})

    def where(self, name: str) -> tuple[int, int | None]:
        cell = self.cells.get(name)
        return (cell.line, cell.column) if cell else (self.line, None)


@dataclass
class RawDataset:
    """A dataset as read. `rows` is a list, or (for a folder of CSV files) rows read one
    at a time as they are asked for, in loading order (sources first, relations last), so
    that a million rows never sit in memory together; reading them may add `problems`."""
    path: Path
    metadata: dict[str, str] = field(default_factory=dict)
    metadata_file: str = METADATA_FILE
    rows: Iterable[Row] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # file name -> sha256
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # an importer's rows left out (also in problems)

    @property
    def name(self) -> str:
        """The dataset's name as its metadata gives it (validation judges it)."""
        return str(self.metadata.get("name") or "").strip()

    @property
    def priority(self) -> int:
        """The dataset's priority as its metadata gives it, 0 when it is not a whole number
        (validation reports that, saying what to write)."""
        try:
            return int(str(self.metadata.get("priority") or 0).strip())
        except ValueError:
            return 0


def read(path: Path, vocab: Vocabulary | None = None) -> RawDataset:
    vocab = vocab or load()
    path = Path(path)
    if path.is_dir():
        return _read_folder(path, vocab)
    if path.suffix.lower() in (".yaml", ".yml") and path.is_file():
        return _read_yaml(path, vocab)
    ds = RawDataset(path)
    ds.problems.append(Problem(str(path), None, None, None,
                               "not a dataset: give a folder of CSV files or a .yaml file"
                               if path.exists() else "no such file or folder"))
    return ds


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _columns_of(kind: str, vocab: Vocabulary):
    if kind == vocab.relation_file:
        return vocab.relation_columns
    label = vocab.label_for_file(kind)
    return label.columns if label else None


def _check_header(ds: RawDataset, file: str, kind: str, header: list[str], vocab) -> dict:
    """Problems with the columns themselves; returns the column spec."""
    spec = _columns_of(kind, vocab)
    for i, name in enumerate(header, start=1):
        if name not in spec:
            ds.problems.append(Problem(file, 1, i, name,
                f"unknown column '{name}'; the columns of {kind} are: {', '.join(spec)}"))
    for name, col in spec.items():
        if col.required and name not in header:
            ds.problems.append(Problem(file, 1, None, name,
                f"required column '{name}' is missing from the header row; add it"))
    return spec


def _read_folder(folder: Path, vocab: Vocabulary) -> RawDataset:
    ds = RawDataset(folder)
    known = set(vocab.files)
    meta = folder / METADATA_FILE
    if meta.exists():
        data = meta.read_bytes()
        ds.hashes[METADATA_FILE] = _sha256(data)
        try:
            loaded = yaml.safe_load(data.decode("utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as e:
            mark = getattr(e, "problem_mark", None)
            ds.problems.append(Problem(METADATA_FILE, mark.line + 1 if mark else None,
                                       mark.column + 1 if mark else None, None,
                                       f"not valid YAML: {e}"))
            loaded = {}
        except RecursionError:
            ds.problems.append(Problem(METADATA_FILE, None, None, None, TOO_DEEP))
            loaded = {}
        if not isinstance(loaded, dict):
            ds.problems.append(Problem(METADATA_FILE, 1, None, None,
                                       "must be a mapping of keys such as name: and title:"))
            loaded = {}
        # Metadata is text: a list or a mapping is refused, never made text (YAML's aliases can
        # make a list of a thousand million items out of ten lines).
        for key in [k for k, v in loaded.items() if isinstance(v, (list, dict))]:
            ds.problems.append(Problem(METADATA_FILE, None, None, str(key),
                                       "must be text or a number, not a list or a mapping"))
            del loaded[key]
        ds.metadata = {str(k): "" if v is None else str(v) for k, v in loaded.items()}
    for csv_path in sorted(folder.glob("*.csv")):
        if csv_path.stem not in known:
            ds.problems.append(Problem(csv_path.name, None, None, None,
                f"unknown file; a dataset's CSV files are: {', '.join(f + '.csv' for f in vocab.files)}"))
    readable = [(kind, path, os.stat(path)) for kind in vocab.files
                if (path := folder / f"{kind}.csv").is_file() and _hash_csv(ds, path)]
    ds.rows = _csv_rows(ds, readable, vocab)
    for other in sorted(folder.iterdir()):
        if other.suffix.lower() in (".xlsx", ".xls", ".ods", ".tsv"):
            ds.problems.append(Problem(other.name, None, None, None,
                "spreadsheets must be saved as CSV (UTF-8, comma-separated) to be loaded",
                warning=True))
    return ds


CHUNK = 1 << 20


def _hash_csv(ds: RawDataset, path: Path) -> bool:
    """Record the file's hash and check that it is UTF-8 text, a chunk at a time; False
    (with the problem) when it is not, so its rows are not read."""
    digest, decoder = hashlib.sha256(), codecs.getincrementaldecoder("utf-8-sig")()
    lines = 1
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
            pending = decoder.getstate()[0]
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as e:
                lines += (pending + chunk)[:e.start].count(b"\n")
                ds.problems.append(Problem(path.name, lines, None, None,
                    "not UTF-8 text; save the file as 'CSV UTF-8' from your spreadsheet program"))
                return False
            lines += chunk.count(b"\n")
    ds.hashes[path.name] = digest.hexdigest()
    return True


def _csv_rows(ds: RawDataset, files: list[tuple[str, Path, os.stat_result]],
              vocab: Vocabulary) -> Iterator[Row]:
    for kind, path, seen in files:
        yield from _read_csv(ds, path, kind, vocab)
        now = os.stat(path)
        if (now.st_size, now.st_mtime_ns) != (seen.st_size, seen.st_mtime_ns):
            ds.problems.append(Problem(path.name, None, None, None,
                "the file changed while it was being read; nothing was written: run the command again"))


def _read_csv(ds: RawDataset, path: Path, kind: str, vocab: Vocabulary) -> Iterator[Row]:
    # Only \r and \n end a line: a cell may hold U+2028 or other characters that
    # str.splitlines would treat as line breaks. utf-8-sig: tolerate the BOM spreadsheet
    # programs write. The file was checked to be UTF-8 when it was hashed.
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, strict=True)
        try:
            header = [h.strip() for h in next(reader, [])]
        except csv.Error as e:
            ds.problems.append(Problem(path.name, 1, None, None, "unreadable header row: " + _csv_error(e)))
            return
        if not header:
            return
        _check_header(ds, path.name, kind, header, vocab)
        last_line = reader.line_num
        try:
            for values in reader:
                line = last_line + 1
                last_line = reader.line_num
                if not any(v.strip() for v in values):
                    continue  # blank rows are common in spreadsheets
                if len(values) > len(header):
                    ds.problems.append(Problem(path.name, line, len(header) + 1, None,
                        f"this row has {len(values)} cells but the header has {len(header)}; "
                        "a value with a comma must be in double quotes"))
                    continue
                # Spreadsheet programs drop trailing empty cells: a short row's missing
                # cells are empty cells, so a required one is reported, not skipped.
                values += [""] * (len(header) - len(values))
                # a cell neutralised against formulas (graph/cells.py) begins with an apostrophe
                cells = {name: Cell(original(value) if value[:1] == QUOTE else value, line, i)
                         for i, (name, value) in enumerate(zip(header, values), start=1)}
                yield Row(path.name, kind, line, cells)
        except csv.Error as e:
            ds.problems.append(Problem(path.name, reader.line_num, None, None, _csv_error(e)))


def _csv_error(e: csv.Error) -> str:
    """The csv module's complaint, in words that say what to fix."""
    text = str(e)
    if "field larger than field limit" in text:
        return (f"a cell is longer than {MAX_CELL:,} characters (or a double quote is never closed, "
                "so the rest of the file became one cell); shorten it or close the quote")
    if "NUL" in text:
        return "the file contains NUL bytes, so it is not a CSV text file; save it again as 'CSV UTF-8'"
    return f"broken CSV quoting ({text}); check the double quotes on this line"


def _scalar(node) -> str | list[str] | None:
    if isinstance(node, ScalarNode):
        return "" if node.tag.endswith(":null") else node.value
    if isinstance(node, SequenceNode) and all(isinstance(n, ScalarNode) for n in node.value):
        return [n.value for n in node.value]
    return None


def _read_yaml(path: Path, vocab: Vocabulary) -> RawDataset:
    ds = RawDataset(path, metadata_file=path.name)
    data = path.read_bytes()
    ds.hashes[path.name] = _sha256(data)
    name = path.name
    try:
        root = yaml.compose(data.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        mark = getattr(e, "problem_mark", None)
        ds.problems.append(Problem(name, mark.line + 1 if mark else None,
                                   mark.column + 1 if mark else None, None,
                                   f"not valid YAML: {getattr(e, 'problem', e)}"))
        return ds
    except RecursionError:  # brackets nested thousands deep: no dataset looks like that
        ds.problems.append(Problem(name, None, None, None, TOO_DEEP))
        return ds
    if root is None:
        return ds
    if not isinstance(root, MappingNode):
        ds.problems.append(Problem(name, 1, 1, None,
            f"the top level must be a mapping with keys such as {METADATA_KEY}:, people:, relations:"))
        return ds
    for key_node, value_node in root.value:
        key = key_node.value
        line = key_node.start_mark.line + 1
        if key == METADATA_KEY:
            if isinstance(value_node, MappingNode):
                ds.metadata = {k.value: (_scalar(v) or "") for k, v in value_node.value}
            else:
                ds.problems.append(Problem(name, line, 1, key, "must be a mapping (name:, title:...)"))
            continue
        if key not in vocab.files:
            ds.problems.append(Problem(name, line, 1, key,
                f"unknown key; the top-level keys are {METADATA_KEY}, {', '.join(vocab.files)}"))
            continue
        if not isinstance(value_node, SequenceNode):
            ds.problems.append(Problem(name, line, 1, key, "must be a list of records (- id: ...)"))
            continue
        spec = _columns_of(key, vocab)
        for item in value_node.value:
            iline = item.start_mark.line + 1
            if not isinstance(item, MappingNode):
                ds.problems.append(Problem(name, iline, item.start_mark.column + 1, key,
                                           "each record must be a mapping of column: value"))
                continue
            cells = {}
            for k, v in item.value:
                kl, kc = k.start_mark.line + 1, k.start_mark.column + 1
                if k.value not in spec:
                    ds.problems.append(Problem(name, kl, kc, k.value,
                        f"unknown field '{k.value}'; the fields of {key} are: {', '.join(spec)}"))
                    continue
                value = _scalar(v)
                if value is None:
                    ds.problems.append(Problem(name, kl, kc, k.value,
                                               "must be a plain value or a list of plain values"))
                    continue
                cells[k.value] = Cell(value, v.start_mark.line + 1, v.start_mark.column + 1)
            ds.rows.append(Row(name, key, iline, cells))
    return ds
