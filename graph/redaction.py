"""Pseudonymise protected persons in public outputs.

Every string of an output is passed through one replacement that turns a
protected person's name, each alias and id into their pseudonym (or pseudo
id), longest first, in a single pass. Working on the finished content rather
than on chosen fields means quotes, explanations, picture labels, tooltips,
colophons and error messages are covered alike.

Matching is done on a folded copy of the text, so that no spelling of a name
slips through by its letter case or accents:
- Unicode case folding (`ЖАНАР` matches `Жанар`, `STRASSE` matches `Straße`);
- accents and other combining marks removed (`Ё` matches `Е`, `İ` matches `I`);
- the dotless `ı` folded to `i` (`YILMAZ` matches `Yılmaz`).
Matches are whole words: a short alias never replaces letters inside another
word. Positions in the folded text map back to the original, whose length may
differ, so the replacement lands on exactly the original letters.

A name is also matched in other scripts and spellings, word by word by its name
keys (graph/names.py): `Айгерим Серикова` is replaced where a Latin text writes
`Aigerim Serikova`, `AYGERIM SERIKOVA` or `Serikova Aigerim`. A source may call a
person by a part of their name ("Kiysymbaev said"): add that form as an alias
and it is replaced too. Name keys (`name_keys`, the search index's word-by-word
keys of every name) are left out of redacted output altogether: single words,
they cannot be replaced as names, and they are only a search aid.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graph.db import Graph
from graph.names import latin, name_key

FOLD_EXTRA = {"ı": "i"}  # folds that case folding and decomposition leave apart
WORD = re.compile(r"\w+")
NAME_KEYS = "name_keys"  # a property redacted output leaves out


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch.casefold())
    return "".join(FOLD_EXTRA.get(c, c) for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """The form names are compared in: case-folded, without marks."""
    return "".join(_fold_char(c) for c in text)


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the original index it came from."""
    out, where = [], []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        out.append(f)
        where.extend([i] * len(f))
    return "".join(out), where


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str | None:
    """A word's name key (None when transliteration splits it: it cannot match a name word)."""
    keys = name_key(word)
    return keys[0] if len(keys) == 1 else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "person"


@dataclass
class Redactor:
    replacements: dict[str, str]  # folded real form -> public form
    pseudo_ids: dict[str, str] = field(default_factory=dict)  # public id -> real id, for navigation
    public_names: dict[str, str] = field(default_factory=dict)  # public id -> public name
    by_keys: dict[tuple[str, ...], str] = field(default_factory=dict)  # a name's word keys -> public form

    @classmethod
    def none(cls) -> "Redactor":
        return cls({})

    @classmethod
    def for_people(cls, people: list[dict]) -> "Redactor":
        """people: {id, name, aliases, pseudonym} for each protected person, in a stable order.
        Two people never share a public name or id: a repeated pseudonym gets a number."""
        replacements: dict[str, str] = {}
        pseudo_ids: dict[str, str] = {}
        public_names: dict[str, str] = {}
        by_keys: dict[tuple[str, ...], str] = {}
        used: set[str] = set()
        for n, p in enumerate(people, start=1):
            pseudonym = (p.get("pseudonym") or "").strip() or f"Protected person {n}"
            public, k = pseudonym, 1
            while fold(public) in used:
                k += 1
                public = f"{pseudonym} ({k})"
            used.add(fold(public))
            public_id, k = f"protected:{_slug(public)}", 1
            while public_id in pseudo_ids:  # pseudonyms in other scripts share a slug
                k += 1
                public_id = f"protected:{_slug(public)}-{k}"
            for form in [p.get("name"), *(p.get("aliases") or [])]:
                for spelling in (form, latin(form or "")):
                    if spelling and fold(spelling).strip():
                        replacements.setdefault(fold(spelling).strip(), public)
                keys = tuple(name_key(form or ""))
                for order in {keys, keys[::-1]} if len(keys) == 2 else {keys}:
                    if order:
                        by_keys.setdefault(order, public)
            replacements[fold(p["id"])] = public_id
            pseudo_ids[public_id] = p["id"]
            public_names[public_id] = public
        return cls(replacements, pseudo_ids, public_names, by_keys)

    @classmethod
    def for_graph(cls, graph: Graph) -> "Redactor":
        return cls.for_people(graph.read("report/protected_people"))

    def real_id(self, node_id: str) -> str:
        """The node a public id stands for (ids that are not pseudonymous pass through)."""
        return self.pseudo_ids.get(node_id, node_id)

    @property
    def active(self) -> bool:
        return bool(self.replacements)

    def text(self, value: str) -> str:
        if not self.replacements:
            return value
        folded, where = _folded_with_positions(value)
        parts, last = [], 0
        for m in self._pattern.finditer(folded):
            start, end = where[m.start()], where[m.end() - 1] + 1
            while end < len(value) and unicodedata.combining(value[end]):
                end += 1  # marks that followed the last letter go with it
            if start < last:
                continue
            parts += [value[last:start], self.replacements[m.group(0)]]
            last = end
        return self._by_name_keys("".join(parts) + value[last:])

    def _by_name_keys(self, value: str) -> str:
        """Replace each run of words whose keys are a protected name's (any script, any
        transliteration), the longest run first."""
        if not self.by_keys:
            return value
        words = [(m.start(), m.end(), _word_key(m.group(0))) for m in WORD.finditer(value)]
        longest = max(map(len, self.by_keys))
        parts, last, i = [], 0, 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                run = tuple(w[2] for w in words[i:i + n])
                if run in self.by_keys:
                    parts += [value[last:words[i][0]], self.by_keys[run]]
                    last, i = words[i + n - 1][1], i + n
                    break
            else:
                i += 1
        return "".join(parts) + value[last:]

    def __call__(self, value: Any) -> Any:
        """The value with every string inside it redacted (dicts, lists, keys too)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self(k): self(v) for k, v in value.items() if not (self.active and k == NAME_KEYS)}
        if isinstance(value, (list, tuple)):
            return type(value)(self(v) for v in value)
        return value

    @property
    def _pattern(self) -> re.Pattern:
        if not hasattr(self, "_compiled"):
            forms = sorted(self.replacements, key=len, reverse=True)
            self._compiled = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")
        return self._compiled
