"""Pseudonymise protected persons in public outputs.

Every string of an output is passed through one replacement that turns a
protected person's name, each alias and id into their pseudonym (or pseudo
id), case-insensitively, longest first, in a single pass. Working on the
finished content rather than on chosen fields means quotes, explanations,
picture labels and tooltips are covered alike.

A source may call a person by a part of their name ("Kiysymbaev said"): add
that form as an alias and it is replaced too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from graph.db import Graph


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "person"


@dataclass
class Redactor:
    replacements: dict[str, str]  # lower-cased real form -> public form
    pseudo_ids: dict[str, str] = field(default_factory=dict)  # public id -> real id, for navigation

    @classmethod
    def none(cls) -> "Redactor":
        return cls({})

    @classmethod
    def for_graph(cls, graph: Graph) -> "Redactor":
        replacements: dict[str, str] = {}
        pseudo_ids: dict[str, str] = {}
        for n, p in enumerate(graph.read("report/protected_people"), start=1):
            pseudonym = p["pseudonym"] or f"Protected person {n}"
            for form in [p["name"], *p["aliases"]]:
                if form and form.strip():
                    replacements[form.strip().lower()] = pseudonym
            pseudo_ids[f"protected:{_slug(pseudonym)}"] = p["id"]
            replacements[p["id"].lower()] = f"protected:{_slug(pseudonym)}"
        return cls(replacements, pseudo_ids)

    def real_id(self, node_id: str) -> str:
        """The node a public id stands for (ids that are not pseudonymous pass through)."""
        return self.pseudo_ids.get(node_id, node_id)

    @property
    def active(self) -> bool:
        return bool(self.replacements)

    def text(self, value: str) -> str:
        if not self.replacements:
            return value
        return self._pattern.sub(lambda m: self.replacements[m.group(0).lower()], value)

    def __call__(self, value: Any) -> Any:
        """The value with every string inside it redacted (dicts, lists, keys too)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self(k): self(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(self(v) for v in value)
        return value

    @property
    def _pattern(self) -> re.Pattern:
        if not hasattr(self, "_compiled"):
            forms = sorted(self.replacements, key=len, reverse=True)
            self._compiled = re.compile("|".join(re.escape(f) for f in forms), re.IGNORECASE)
        return self._compiled
