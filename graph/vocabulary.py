"""The vocabulary (graph/vocabulary.yaml) as Python objects.

Everything that names a label, relation, role or controlled value reads it
from here, so the YAML file stays the single place where the vocabulary is
defined (as FollowTheMoney keeps its schemata as data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")

# Cypher cannot take labels, relationship types or index names as parameters
# in schema commands; names that reach Cypher text must match this.
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool = False
    list: str | None = None  # for type vocab: the controlled list's name
    of: tuple[str, ...] = ()  # for type refs: the labels the ids must have
    min: float | None = None
    max: float | None = None
    default: str | None = None
    doc: str = ""


@dataclass(frozen=True)
class Label:
    name: str
    file: str
    actor: bool
    description: str
    display: str
    legend: dict
    columns: dict[str, Column]

    @property
    def labels(self) -> list[str]:
        """Every label a node of this kind carries in Neo4j."""
        extra = ["Actor"] if self.actor else []
        return [self.name, *extra]


@dataclass(frozen=True)
class Relation:
    name: str
    sources: tuple[str, ...]  # allowed subject labels
    targets: tuple[str, ...]  # allowed object labels
    description: str
    extra: tuple[str, ...] = ()
    role_list: str | None = None  # controlled list that `role` must come from


@dataclass(frozen=True)
class Vocabulary:
    entity_label: str
    system_labels: dict[str, str]
    labels: dict[str, Label]
    relations: dict[str, Relation]
    relation_columns: dict[str, Column]
    relation_file: str
    system_relations: dict[str, str]
    lists: dict[str, dict[str, str]] = field(default_factory=dict)
    conflict_terms: dict[str, list[str] | str] = field(default_factory=dict)
    node_keys: dict[str, str] = field(default_factory=dict)  # label -> its identifying property
    claim_keys: tuple[str, ...] = ()  # a Claim's own properties, not values of its target
    claim_load_times: tuple[str, ...] = ()  # claim keys that differ between loads of the same files

    def label_for_file(self, stem: str) -> Label | None:
        return next((lab for lab in self.labels.values() if lab.file == stem), None)

    @property
    def files(self) -> list[str]:
        """Dataset file stems in loading order (sources first, relations last)."""
        order = sorted(self.labels.values(), key=lambda lab: lab.name != "Source")
        return [lab.file for lab in order] + [self.relation_file]

    def relation(self, name: str) -> Relation | None:
        return self.relations.get(name.strip().upper())


def _columns(spec: dict) -> dict[str, Column]:
    cols = {}
    for name, c in spec.items():
        c = dict(c)
        c["of"] = tuple(c.get("of", ()))
        cols[name] = Column(name=name, **c)
    return cols


def _check_identifiers(vocab: Vocabulary) -> None:
    names = [vocab.entity_label, "Actor", *vocab.system_labels, *vocab.labels,
             *vocab.relations, *vocab.system_relations, *vocab.node_keys, *vocab.node_keys.values()]
    bad = [n for n in names if not IDENTIFIER.match(n)]
    if bad:
        raise ValueError(f"{VOCABULARY_FILE}: names must be Cypher identifiers: {bad}")


@lru_cache(maxsize=None)
def load(path: Path = VOCABULARY_FILE) -> Vocabulary:
    # libyaml's safe loader when PyYAML has it: the same result, a tenth of the time, which
    # every command that reads the vocabulary pays at start.
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    labels = {
        name: Label(name=name, file=s["file"], actor=bool(s.get("actor")),
                    description=s["description"], display=s["display"],
                    legend=s.get("legend", {}), columns=_columns(s["columns"]))
        for name, s in raw["labels"].items()
    }
    relations = {
        name: Relation(name=name, sources=tuple(s["from"]), targets=tuple(s["to"]),
                       description=s["description"], extra=tuple(s.get("extra", ())),
                       role_list=s.get("role_list"))
        for name, s in raw["relations"].items()
    }
    vocab = Vocabulary(
        entity_label=raw["entity_label"],
        system_labels=raw["system_labels"],
        labels=labels,
        relations=relations,
        relation_columns=_columns(raw["relation_file"]["columns"]),
        relation_file=raw["relation_file"]["file"],
        system_relations=raw["system_relations"],
        lists=raw["lists"],
        conflict_terms=raw["conflict_terms"],
        node_keys=raw["node_keys"],
        claim_keys=tuple(raw["claims"]["keys"]),
        claim_load_times=tuple(raw["claims"]["load_times"]),
    )
    _check_identifiers(vocab)
    _check_claim_keys(vocab)
    _check_conflict_terms(vocab)
    return vocab


def _check_claim_keys(vocab: Vocabulary) -> None:
    """A claim keeps its target's values under their own names beside its own keys,
    so no column may share a name with those keys, except the ones that mean the same thing
    there (a record's `id`; a fact's `subject`, `relation` and `object`)."""
    columns = {c for lab in vocab.labels.values() for c in lab.columns} | set(vocab.relation_columns)
    clash = sorted(columns & (set(vocab.claim_keys) - {"id", "subject", "relation", "object"}))
    if clash or not set(vocab.claim_load_times) <= set(vocab.claim_keys):
        raise ValueError(f"{VOCABULARY_FILE}: columns {clash} share a name with claims.keys, "
                         "or claims.load_times names a key not in claims.keys")


def _check_conflict_terms(vocab: Vocabulary) -> None:
    """Every term names a value of the controlled lists, so a typo cannot silence a rule."""
    lists = {"allegation_types": "event_types", "oversight_types": "event_types",
             "retaliation_types": "event_types", "case_types": "event_types",
             "implicating_roles": "roles", "overseer_roles": "roles", "investigator_roles": "roles",
             "target_roles": "roles", "confidence_order": "confidence"}
    for term, list_name in lists.items():
        unknown = [v for v in vocab.conflict_terms[term] if v not in vocab.lists[list_name]]
        if unknown:
            raise ValueError(f"{VOCABULARY_FILE}: conflict_terms.{term} has values not in "
                             f"lists.{list_name}: {unknown}")
    if vocab.conflict_terms["inferred_source_kind"] not in vocab.lists["source_kinds"]:
        raise ValueError(f"{VOCABULARY_FILE}: conflict_terms.inferred_source_kind is not a source kind")
