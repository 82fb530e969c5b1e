"""Export as FollowTheMoney entities (`chainwatch export DIR --format ftm`): JSON
lines that Aleph, OpenSanctions' tools and the `followthemoney` package read.

The mapping is graph/ftm.yaml, which the FtM importer reads too, so a round
trip keeps what FtM can carry; what it cannot (facilities, and the facts about
them) is counted in the return value, which the command prints. The entities are
built with the `followthemoney` package itself, not a copy of its schema: it is
an optional extra (`pip install 'chainwatch[ftm]'`).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

import yaml

from graph.db import Graph
from graph.redaction import Redactor
from graph.values import plain

FILE = "entities.ftm.json"
KEYWORD = "chainwatch:"  # + our label, on every record the export writes
ID_KEYWORD = KEYWORD + "id="  # + our id


class FtmMissing(RuntimeError):
    pass


def ftm_model():
    """The FtM model, or a message naming the extra to install."""
    try:
        from followthemoney import model
    except ImportError:
        raise FtmMissing("FollowTheMoney support is an optional extra: pip install 'chainwatch[ftm]' "
                         "(make setup installs it; it needs libicu-dev, pkg-config and a C++ compiler "
                         "to build pyicu)") from None
    return model


@lru_cache(maxsize=1)
def mapping() -> dict:
    return yaml.safe_load((Path(__file__).parent / "ftm.yaml").read_text(encoding="utf-8"))


def ftm_id(our_id: str) -> str:
    """An FtM entity id for one of ours: FtM allows letters, digits, '.' and '-' only, so
    `person:x` becomes `person.x` (anything else a hash); our own id also goes into the
    entity's keywords (`chainwatch:id=...`), which the importer reads back."""
    from followthemoney.types import registry

    return registry.entity.clean(our_id.replace(":", ".")) or "cw-" + hashlib.sha1(our_id.encode()).hexdigest()[:20]


def _add(proxy, prop: str, value) -> None:
    for v in value if isinstance(value, list) else [value]:
        if v not in (None, ""):
            proxy.add(prop, str(v), quiet=True)


def entities(graph: Graph, *, dataset: str | None = None, redact: bool = False) -> tuple[list[dict], Counter]:
    """The graph (or one dataset's word) as FtM entity dicts, and what FtM could not carry."""
    model, m = ftm_model(), mapping()
    found = graph.read("export/dataset", dataset=dataset)[0]
    redactor = Redactor.for_graph(graph) if redact else Redactor.none()
    nodes, relations = redactor(plain(found["nodes"])), redactor(plain(found["relations"]))
    out, left = [], Counter()
    exported = set()
    for n in nodes:
        label, props = n["label"], n["properties"]
        schema = m["labels"].get(label)
        if schema is None:
            left[f"{label} records"] += 1
            continue
        proxy = model.make_entity(schema)
        proxy.id = ftm_id(n["id"])
        for column, prop in m["properties"][label].items():
            _add(proxy, prop, props.get(column))
        _add(proxy, "keywords", [KEYWORD + label, ID_KEYWORD + n["id"]])
        for entry in props.get("other_values") or []:  # what an FtM import kept goes back where it was
            prop, _, value = entry.partition(": ")
            if prop in proxy.schema.properties:
                _add(proxy, prop, value)
        if label == "Event":
            _add(proxy, "keywords", props.get("type"))
        if label != "Source":
            _add(proxy, "proof", [ftm_id(i) for i in props.get("sources") or []])
        out.append(proxy.to_dict())
        exported.add(n["id"])
    for r in relations:
        spec = m["relations"].get(r["relation"])
        if spec is None or r["subject"] not in exported or r["object"] not in exported:
            left[f"{r['relation']} facts"] += 1
            continue
        schema, subject, obj, role = spec
        props = r["properties"]
        proxy = model.make_entity(schema)
        proxy.id = ftm_id(props["id"])
        _add(proxy, subject, ftm_id(r["subject"]))
        _add(proxy, obj, ftm_id(r["object"]))
        if role:
            _add(proxy, role, props.get("role") or props.get("title"))
        for column, prop in m["interval"].items():
            _add(proxy, prop, props.get(column))
        _add(proxy, "proof", [ftm_id(i) for i in props.get("sources") or []])
        out.append(proxy.to_dict())
    return sorted(out, key=lambda e: e["id"]), left


def write(graph: Graph, folder: Path, *, dataset: str | None = None, redact: bool = False) -> tuple[Path, int, Counter]:
    found, left = entities(graph, dataset=dataset, redact=redact)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE
    with open(path, "w", encoding="utf-8") as f:
        for e in found:
            f.write(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n")
    return path, len(found), left
