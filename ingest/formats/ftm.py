"""FollowTheMoney entities (JSON lines, as Aleph, OpenSanctions and `ftm map-csv`
write them) as a chainwatch dataset, by the mapping in graph/ftm.yaml.

Entities are read with the `followthemoney` package, which judges schemata and
cleans values; what maps becomes rows of our own format (located at the line of
the file), what does not is skipped with its line and reason. Every fact cites
the Documents in its `proof`, or, without one, the file itself as a source.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from graph.ftm_export import ID_KEYWORD, KEYWORD, FtmMissing, ftm_model, mapping
from graph.values import json_lines
from graph.vocabulary import Vocabulary
from ingest.problems import Problem
from ingest.readers import RawDataset, Row
from ingest.types import ID_PATTERN

PREFIX = {"Person": "person", "Agency": "agency", "Unit": "unit", "Organization": "org",
          "Event": "event", "Source": "src"}


def _id(ftm_id: str, label: str) -> str:
    """Our id for an FtM id (a record chainwatch exported carries its own, ID_KEYWORD)."""
    safe = ftm_id if ID_PATTERN.match(ftm_id) else hashlib.sha1(ftm_id.encode()).hexdigest()
    return f"{PREFIX[label]}:ftm-{safe}"


def _other_values(proxy, mapped: set[str]) -> list[str]:
    """What the entity says that has no column of ours, kept as `property: value` entries."""
    return [f"{prop}: {value}" for prop, values in sorted(proxy.properties.items())
            if prop not in mapped and prop != "proof" for value in values
            if not (prop == "keywords" and value.startswith(KEYWORD))]


def _label(proxy) -> str | None:
    for keyword in proxy.get("keywords", quiet=True):
        if keyword.startswith(KEYWORD) and keyword[len(KEYWORD):] in PREFIX:
            return keyword[len(KEYWORD):]
    return mapping()["schemata"].get(proxy.schema.name)


def read(path: Path, vocab: Vocabulary) -> RawDataset:
    path = Path(path)
    ds = RawDataset(path, metadata={"name": "ftm"})  # FtM data has no dataset.yaml to complain about
    try:
        model = ftm_model()
    except FtmMissing as e:
        ds.problems.append(Problem(path.name, None, None, None, str(e)))
        return ds
    if not path.is_file():
        ds.problems.append(Problem(path.name, None, None, None, "give a file of FtM entities as JSON lines"))
        return ds
    data = path.read_bytes()
    ds.hashes[path.name] = hashlib.sha256(data).hexdigest()
    m, file = mapping(), path.name
    from followthemoney.exc import FollowTheMoneyException as invalid  # loaded with the model above

    def skip(line: int, reason: str) -> None:
        ds.skipped.append(Problem(file, line, None, None, f"skipped: {reason}", warning=True))

    merged: dict[str, tuple[int, object]] = {}  # fragments of one entity (as map-csv writes them) merge
    for line, text in json_lines(data.decode("utf-8", errors="replace")):
        try:
            entity = json.loads(text)
            if type(entity) is not dict or type(entity.get("properties", {})) is not dict:
                skip(line, "not an FtM entity: a JSON object with an id, a schema and an object of properties")
                continue
            proxy = model.get_proxy(entity)
            if not proxy.id:  # never merged with another that has none
                skip(line, "an entity without an id: give it one (links between entities name their ids)")
            elif proxy.id in merged:
                merged[proxy.id][1].merge(proxy)
            else:
                merged[proxy.id] = (line, proxy)
        except (ValueError, TypeError, KeyError, AttributeError, invalid) as e:
            skip(line, f"not an FtM entity ({e})")
    proxies = list(merged.values())
    ids: dict[str, tuple[str, str]] = {}  # FtM id -> (our id, label)
    positions = {p.id: p for _, p in proxies if p.schema.name == "Position"}
    for line, p in proxies:
        if (label := _label(p)) and p.id:
            ours = [k[len(ID_KEYWORD):] for k in p.get("keywords", quiet=True) if k.startswith(ID_KEYWORD)]
            ids[p.id] = (ours[0] if ours and ID_PATTERN.match(ours[0]) else _id(p.id, label), label)
    file_source = f"src:ftm-{hashlib.sha1(file.encode()).hexdigest()[:12]}"
    documents = {ftm_id for ftm_id, (_, label) in ids.items() if label == "Source"}

    def cited(p) -> list[str]:
        """The Documents in the entity's proof, or (when it has none) the file itself."""
        return [ids[d][0] for d in p.get("proof", quiet=True) if d in documents] or [file_source]

    for line, p in proxies:
        if p.id not in ids:
            if p.schema.name not in m["import"] and p.schema.name != "Position":
                skip(line, f"schema {p.schema.name} has no place in chainwatch's data model")
            continue
        our, label = ids[p.id]
        cells = {"id": our}
        for column, prop in m["properties"][label].items():
            values = p.get(prop, quiet=True)
            cells[column] = values if column == "aliases" else (values[0] if values else "")
        cells["other_values"] = _other_values(p, set(m["properties"][label].values()))
        if label == "Event":
            types = [k for k in p.get("keywords", quiet=True) if k in vocab.lists["event_types"]]
            if not types:
                skip(line, "an FtM Event has no type chainwatch knows; add one of its event types "
                           "(e.g. ill_treatment) to the entity's keywords")
                continue
            cells["type"], cells["title"] = types[0], cells["title"] or types[0]
        if label != "Source":
            cells["sources"] = cited(p)
        ds.rows.append(Row.of(file, vocab.labels[label].file, line, cells))
    for line, p in proxies:
        spec = m["import"].get(p.schema.name)
        if spec is None:
            continue
        relation, subject_prop, object_prop, role_prop = spec
        subject, obj = (p.first(subject_prop), p.first(object_prop))
        post = positions.get(obj) if p.schema.name == "Occupancy" else None
        if post is not None:  # held at the Position's organisation, under the Position's name
            obj = post.first("organization")
        if subject not in ids or obj not in ids:
            skip(line, f"{p.schema.name} links entities this file does not define as people, bodies or events")
            continue
        (s_id, s_label), (o_id, o_label) = ids[subject], ids[obj]
        if relation == "MEMBER_OF" and s_label != "Person":
            relation = "PART_OF"
        if relation == "PARTICIPATED_IN" and o_label != "Event":
            relation = "RELATED_TO"
        cells = {"subject": s_id, "relation": relation, "object": o_id, "sources": cited(p)}
        for column, prop in m["interval"].items():
            cells[column] = p.first(prop, quiet=True) or ""
        role = p.first(role_prop) if role_prop else None
        if relation == "PARTICIPATED_IN":
            cells["role"] = role if role in vocab.lists["roles"] else "participant"
        elif relation == "COMMANDS":
            cells["title"] = role or ""
        elif relation in ("MEMBER_OF", "RELATED_TO") and role:
            cells["role"] = role
        if post is not None:
            cells["title"] = post.first("name") or ""
        ds.rows.append(Row.of(file, "relations", line, cells))
    if any(file_source in r.cells["sources"].value for r in ds.rows if "sources" in r.cells):
        ds.rows.append(Row.of(file, "sources", 1, {"id": file_source, "kind": "dataset",
                                                   "title": f"FollowTheMoney entities ({file})"}))
    ds.metadata = {"name": "ftm-" + re.sub(r"[^a-z0-9_.-]+", "-", path.name.split(".")[0].lower()).strip("-."),
                   "title": f"FollowTheMoney entities ({file})"}
    ds.problems += ds.skipped
    return ds
