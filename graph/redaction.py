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
word. Two exceptions, where a word's edge is no edge of a name: scripts written
without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), where a name is
matched wherever it stands (`据王小明的律师`), and Hebrew and Arabic, whose
conjunctions and prepositions are written onto the next word (`ויוסף`, `ومحمد`):
up to three of those letters may come before it. Positions in the folded text map
back to the original, whose length may differ, so the replacement lands on
exactly the original letters.

A name is also matched in other scripts and spellings by its name keys
(graph/names.py), a run of words whose keys, joined, are a name's:
`Айгерим Серикова` is replaced where a Latin text writes `Aigerim Serikova`,
`AYGERIM SERIKOVA` or `Serikova Aigerim`, and `王小明` where it writes
`Wang Xiaoming` or `Wang Xiao Ming`. A source may call a
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
from typing import Any, Iterable

from graph import scripts
from graph.db import Graph
from graph.names import key, latin, name_key, words

FOLD_EXTRA = {"ı": "i"}  # folds that case folding and decomposition leave apart
WORD = re.compile(r"\w+")
UNSPACED = scripts.any_of(scripts.UNSPACED)
# Letters written onto the next word: Hebrew and, the, in, as, to, from, that; Arabic and, so, with, as, to.
PREFIXES = {"hebrew": "בהוכלמש", "arabic": "وفبكل"}
SCRIPT = {"hebrew": scripts.any_of(scripts.HEBREW), "arabic": scripts.any_of(scripts.ARABIC)}
NAME_KEYS = "name_keys"  # a property redacted output leaves out
MIN_JOINED = 3  # letters of a name's joined keys below which a run of words is not compared
SYLLABLES = 4  # the most words a name written without spaces is compared in (王小明: Wang Xiao Ming)


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


@lru_cache(maxsize=65536)
def _latin_word(word: str) -> str:
    """A word of a text in lower-case Latin letters and digits, as names.words gives them."""
    return "".join(words(word))


def _joined_key(latin_words: Iterable[str]) -> str:
    """The key of words written as one (Wang Xiao Ming, Wangxiaoming, 王小明 alike): the folds
    are applied across the joins, as they are to a name transliterated in one word."""
    return key("".join(latin_words))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "person"


@dataclass
class Redactor:
    replacements: dict[str, str]  # folded real form -> public form
    pseudo_ids: dict[str, str] = field(default_factory=dict)  # public id -> real id, for navigation
    public_names: dict[str, str] = field(default_factory=dict)  # public id -> public name
    by_keys: dict[tuple[str, ...], str] = field(default_factory=dict)  # a name's word keys -> public form
    # names written without spaces (王小明), by the key of their Latin words joined -> public form
    by_joined: dict[str, str] = field(default_factory=dict)

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
        by_joined: dict[str, str] = {}
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
                # a name without spaces is one Latin word (WangXiaoMing): its keys find it written
                # in syllables or words, and a part of it (Xiaoming) must not be replaced first
                for spelling in (form,) if UNSPACED.search(form or "") else (form, latin(form or "")):
                    if spelling and fold(spelling).strip():
                        replacements.setdefault(fold(spelling).strip(), public)
                keys = tuple(name_key(form or ""))
                for order in {keys, keys[::-1]} if len(keys) == 2 else {keys}:
                    if order:
                        by_keys.setdefault(order, public)
                if UNSPACED.search(form or "") and len(joined := _joined_key(words(form))) >= MIN_JOINED:
                    by_joined.setdefault(joined, public)
            replacements[fold(p["id"])] = public_id
            pseudo_ids[public_id] = p["id"]
            public_names[public_id] = public
        return cls(replacements, pseudo_ids, public_names, by_keys, by_joined)

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
        transliteration), or, for a name written without spaces, whose Latin letters joined
        key as it does (Wang Xiao Ming), the longest run first."""
        if not self.by_keys:
            return value
        found = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(value)]
        keys = [_word_key(w[2]) for w in found]
        longest = max(max(map(len, self.by_keys)), SYLLABLES if self.by_joined else 0)
        parts, last, i = [], 0, 0
        while i < len(found):
            for n in range(min(longest, len(found) - i), 0, -1):
                public = self.by_keys.get(tuple(keys[i:i + n]))
                if public is None and self.by_joined and n <= SYLLABLES and \
                        all(latin := [_latin_word(w[2]) for w in found[i:i + n]]):
                    public = self.by_joined.get(_joined_key(latin))
                if public is not None:
                    parts += [value[last:found[i][0]], public]
                    last, i = found[i + n - 1][1], i + n
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
            self._compiled = _pattern(self.replacements)
        return self._compiled


def _pattern(forms: Iterable[str]) -> re.Pattern:
    """One pattern of every folded form, longest first, each a whole word but where words
    have no edges. Forms are grouped by the edges they need (one lookbehind for a group, not
    for each form); the groups' scripts differ, so they never compete for one place."""
    groups: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        script = next((s for s, letters in SCRIPT.items() if letters.match(form)), "")
        groups.setdefault("unspaced" if UNSPACED.search(form) else script, []).append(re.escape(form))
    parts = []
    for group, escaped in groups.items():
        any_of = "(?:" + "|".join(escaped) + ")"
        if group == "unspaced":
            parts.append(any_of)
            continue
        before = [r"(?<!\w)"] + [rf"(?<=(?<!\w)[{PREFIXES[group]}]{{{n}}})" for n in (1, 2, 3) if group]
        parts.append("(?:" + "|".join(before) + ")" + any_of + r"(?!\w)")
    return re.compile("|".join(parts))
