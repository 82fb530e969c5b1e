"""A synthetic dataset of any size with the shape of a real documentation effort
(`chainwatch synth`), for benchmarks and scale tests.

Four apex agencies, each over a tree of units 4 to 7 levels deep, some units moved to
another parent in 2015; officers posted to two or three units of one tree in turn;
commanders of each unit before and after 2016; a facility run by each unit below an
agency. A civilian in two is the victim of an allegation: held in a detention by his
alleged torturer's unit, ill-treated at the facility that unit's branch runs, the
complaint filed a month later, investigated by a unit of another agency (so no rule
fires), every second inquiry naming its investigator too (that unit's commander at the
time); some civilians are lawyers or relatives of victims. Names are Kazakh and Russian in
Cyrillic, each with its Latin transliteration as an alias.

Planted on top, each on a small structure of its own so that it fires exactly one
rule once: `planted` conflicts of each of the six rules (`PLANTS`). The same people,
seed and planted count give the same files, byte for byte; rows are written as they
are made, and an officer is drawn again from his own seed when a case needs his postings,
so memory grows with the number of units (a twentieth of the people), not with the rows.
"""

from __future__ import annotations

import csv
import random
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from graph.names import latin

FILES = {
    "sources": ["id", "title", "kind"],
    "agencies": ["id", "name", "kind", "apex", "sources"],
    "units": ["id", "name", "sources"],
    "facilities": ["id", "name", "sources"],
    "people": ["id", "name", "aliases", "sources"],
    "events": ["id", "type", "title", "date", "status", "sources"],
    "relations": ["subject", "relation", "object", "role", "start", "end", "sources"],
}
SOURCE = "src:synth"
AGENCIES = 4
PEOPLE_PER_UNIT = 20
RULES = ("self_investigation", "superior_investigation", "shared_command", "custodian_oversight",
         "double_role", "retaliation")
FIRST = ["Нурлан", "Ерлан", "Даурен", "Серик", "Айдос", "Бауыржан", "Олжас", "Ғалымжан", "Марат", "Дмитрий",
         "Ержан", "Болат", "Руслан", "Асхат", "Айдар", "Қайрат", "Тимур", "Азамат", "Сергей", "Алексей"]
SURNAMES = ["Кийсымбаев", "Қажғалиев", "Уалиев", "Тоқтаров", "Назарбеков", "Жумабеков", "Тлеубаев", "Оспанов",
            "Есенов", "Ахметов", "Щербаков", "Бекмуханов", "Сейтов", "Искаков", "Омаров", "Сапаров", "Мусин",
            "Әбілов", "Құдайбергенов", "Ілиясов", "Өтегенов", "Байболов", "Иванов", "Петренко"]


@dataclass(frozen=True)
class Unit:
    id: str
    tree: int
    level: int  # 1: directly under the agency
    branch: str  # the id of its level-1 ancestor (whose facility its cases happen in)
    number: int  # its place among all units: its commanders are person:c<number>-0 and -1


class Writer:
    """One CSV file per kind, written row by row."""

    def __init__(self, out: Path, stack: ExitStack):
        out.mkdir(parents=True, exist_ok=True)
        self.rows = 0
        self.files = {}
        for kind, header in FILES.items():
            f = stack.enter_context(open(out / f"{kind}.csv", "w", newline="", encoding="utf-8"))
            self.files[kind] = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
            self.files[kind].writeheader()

    def __call__(self, file: str, /, **row) -> None:
        if file != "sources":
            row.setdefault("sources", SOURCE)
        self.files[file].writerow(row)
        self.rows += 1

    def rel(self, subject: str, relation: str, obj: str, role: str = "", start: str = "", end: str = "") -> None:
        self("relations", subject=subject, relation=relation, object=obj, role=role, start=start, end=end)


def name(rng: random.Random) -> tuple[str, str]:
    """A Cyrillic name and its Latin transliteration (the alias)."""
    full = f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"
    return full, latin(full)


def synth(out: Path, people: int, seed: int = 1, planted: int | None = None) -> dict:
    """Write the dataset into `out`; returns what was written: rows, and the planted
    conflicts per rule (what a conflict scan must find)."""
    planted = max(1, people // 5000) if planted is None else planted
    rng = random.Random(seed)
    with ExitStack() as stack:
        w = Writer(out, stack)
        (out / "dataset.yaml").write_text(f"name: synth\ntitle: Synthetic dataset ({people} people, seed {seed})\n",
                                          encoding="utf-8")
        w("sources", id=SOURCE, title="Synthetic data (chainwatch synth)", kind="report")
        units = _structure(w, rng, max(AGENCIES * 3, people // PEOPLE_PER_UNIT))
        by_tree = [[u for u in units if u.tree == t] for t in range(AGENCIES)]
        officers = int(people * 0.55)
        for i in range(officers):
            _write_officer(w, seed, i, by_tree)
        commanders = _commanders(w, rng, units)
        civilians = max(0, people - officers - commanders - planted * len(RULES))
        for j in range(civilians):
            _civilian(w, rng, j, seed, officers, by_tree)
        for rule in RULES:
            for k in range(planted):
                _plant(w, rule, k, by_tree)
    return {"rows": w.rows, "planted": {rule: planted for rule in RULES}}


def _structure(w: Writer, rng: random.Random, count: int) -> list[Unit]:
    """Agencies over trees of units 4 to 7 levels deep (the agency the first); a tenth of the
    units below level 1 move to another parent of the same level in 2015."""
    units: list[Unit] = []
    per_tree = max(3, count // AGENCIES)
    for t in range(AGENCIES):
        w("agencies", id=f"agency:a{t}", name=f"Агентство {t}", kind="ministry", apex="yes")
        depth = rng.randint(4, 7) - 1  # unit levels below the agency
        growth = max(1.5, per_tree ** (1 / depth))
        sizes = [max(1, round(growth ** (level + 1))) for level in range(depth)]
        scale = per_tree / sum(sizes)
        sizes = [max(1, round(s * scale)) for s in sizes]
        levels: list[list[Unit]] = []
        for level, size in enumerate(sizes, 1):
            row = []
            for k in range(size):
                uid = f"unit:a{t}-l{level}-{k}"
                parent = rng.choice(levels[-1]) if levels else None
                unit = Unit(uid, t, level, parent.branch if parent else uid, len(units) + len(row))
                w("units", id=uid, name=f"Отдел {t}-{level}-{k}")
                if parent is None:
                    w.rel(uid, "PART_OF", f"agency:a{t}")
                    w("facilities", id=f"facility:{uid}", name=f"ИВС {t}-{k}")
                    w.rel(uid, "OPERATES", f"facility:{uid}")
                elif level > 2 and len(levels[-1]) > 1 and rng.random() < 0.1:
                    other = rng.choice([p for p in levels[-1] if p is not parent and p.branch == parent.branch]
                                       or [parent])
                    w.rel(uid, "PART_OF", parent.id, end="2014")
                    w.rel(uid, "PART_OF", other.id, start="2015")
                else:
                    w.rel(uid, "PART_OF", parent.id)
                row.append(unit)
            levels.append(row)
            units += row
    return units


def _officer(seed: int, i: int, by_tree: list[list[Unit]]) -> tuple[str, str, list[tuple[Unit, int, int]]]:
    """Officer i, the same each time it is asked (so a case can find its perpetrator's postings
    without every officer held in memory): the name, its alias, and two or three postings in
    one agency in turn (unit, first year, last year; the last one open, drawn up to 2023)."""
    rng = random.Random(f"{seed}:officer:{i}")
    full, alias = name(rng)
    tree = by_tree[rng.randrange(AGENCIES)]
    year, postings = 2000 + rng.randrange(12), []
    for n in range(rng.randint(2, 3)):
        unit, last = rng.choice(tree), year + rng.randint(2, 5)
        if n == 2 or last >= 2023:
            postings.append((unit, year, 2023))
            break
        postings.append((unit, year, last))
        year = last + 1
    return full, alias, postings


def _write_officer(w: Writer, seed: int, i: int, by_tree: list[list[Unit]]) -> None:
    full, alias, postings = _officer(seed, i, by_tree)
    w("people", id=f"person:o{i}", name=full, aliases=alias)
    for n, (unit, first, last) in enumerate(postings):
        w.rel(f"person:o{i}", "MEMBER_OF", unit.id, start=str(first),
              end="" if n == len(postings) - 1 else str(last))


def _commanders(w: Writer, rng: random.Random, units: list[Unit]) -> int:
    """Two commanders of each unit: until 2016, and from 2017."""
    for k, u in enumerate(units):
        for term, (start, end) in enumerate((("2005", "2016"), ("2017", ""))):
            full, alias = name(rng)
            pid = f"person:c{k}-{term}"
            w("people", id=pid, name=full, aliases=alias)
            w.rel(pid, "COMMANDS", u.id, start=start, end=end)
    return 2 * len(units)


def _civilian(w: Writer, rng: random.Random, j: int, seed: int, officers: int, by_tree: list[list[Unit]]) -> None:
    """A civilian; every second one the victim of an allegation, every sixth a lawyer or a
    relative of the victim before them."""
    full, alias = name(rng)
    pid = f"person:v{j}"
    w("people", id=pid, name=full, aliases=alias)
    if j % 6 == 1:
        w.rel(pid, "REPRESENTS", f"person:v{j - 1}")
    elif j % 6 == 3:
        w.rel(pid, "RELATED_TO", f"person:v{j - 1}")
    if j % 2 or not officers:
        return
    o = rng.randrange(officers)
    unit, first, last = rng.choice(_officer(seed, o, by_tree)[2])
    year, month = rng.randint(first, last), rng.randint(1, 11)
    day = f"{year}-{month:02d}"
    a, d, k, inv = (f"event:{kind}-{j}" for kind in ("allegation", "detention", "complaint", "investigation"))
    w("events", id=d, type="detention", title=f"Задержание {j}", date=f"{day}-01", status="confirmed")
    w("events", id=a, type="ill_treatment", title=f"Пытки {j}", date=day, status="alleged")
    w("events", id=k, type="complaint", title=f"Жалоба {j}", date=f"{year}-{month + 1:02d}", status="confirmed")
    w("events", id=inv, type="investigation", title=f"Проверка {j}", date=f"{year}-{month + 1:02d}",
      status="confirmed")
    w.rel(pid, "PARTICIPATED_IN", d, role="accused")
    w.rel(unit.id, "PARTICIPATED_IN", d, role="detaining_body")
    w.rel(pid, "PARTICIPATED_IN", a, role="victim")
    w.rel(f"person:o{o}", "PARTICIPATED_IN", a, role="alleged_perpetrator")
    w.rel(a, "OCCURRED_AT", f"facility:{unit.branch}")
    w.rel(pid, "PARTICIPATED_IN", k, role="complainant")
    w.rel(k, "CONCERNS", a)
    w.rel(inv, "CONCERNS", k)
    other = by_tree[(unit.tree + 1 + rng.randrange(AGENCIES - 1)) % AGENCIES]  # another agency: independent
    body = rng.choice(other)
    w.rel(body.id, "PARTICIPATED_IN", inv, role="investigating_body")
    if j % 4 == 0:  # every second inquiry names its investigator: the commander of its body then
        w.rel(f"person:c{body.number}-{0 if year <= 2016 else 1}", "PARTICIPATED_IN", inv, role="investigator")


def _plant(w: Writer, rule: str, k: int, by_tree: list[list[Unit]]) -> None:
    """One conflict of `rule`, on units of its own: a parent P under a branch of one agency
    with two children I (the accused) and S, and an independent unit X under another agency."""
    base = f"plant-{rule.replace('_', '-')}-{k}"
    tree = k % AGENCIES
    home = by_tree[tree][0].branch
    away = by_tree[(tree + 1) % AGENCIES][0].branch
    p, i, s, x = (f"unit:{base}-{part}" for part in ("p", "i", "s", "x"))
    for uid, parent in ((p, home), (i, p), (s, p), (x, away)):
        w("units", id=uid, name=f"Unit {base} {uid[-1]}")
        w.rel(uid, "PART_OF", parent)
    victim, a, inv = f"person:{base}-v", f"event:{base}-a", f"event:{base}-inv"
    w("people", id=victim, name=f"Victim {base}", aliases="")
    w("events", id=a, type="ill_treatment", title=f"Allegation {base}", date="2020-03", status="alleged")
    w("events", id=inv, type="investigation", title=f"Inquiry {base}", date="2020-05", status="confirmed")
    w.rel(victim, "PARTICIPATED_IN", a, role="victim")
    w.rel(i, "PARTICIPATED_IN", a, role="alleged_perpetrator")
    w.rel(inv, "CONCERNS", a)
    investigator = {"self_investigation": i, "superior_investigation": p, "shared_command": s}.get(rule, x)
    w.rel(investigator, "PARTICIPATED_IN", inv, role="investigating_body")
    if rule == "custodian_oversight":  # it happened in a facility the investigating unit runs
        w("facilities", id=f"facility:{base}", name=f"Facility {base}")
        w.rel(x, "OPERATES", f"facility:{base}")
        w.rel(a, "OCCURRED_AT", f"facility:{base}")
    elif rule == "double_role":  # the investigating unit also charges the victim
        w("events", id=f"event:{base}-charge", type="charge", title=f"Charge {base}", date="2020-06",
          status="confirmed")
        w.rel(victim, "PARTICIPATED_IN", f"event:{base}-charge", role="accused")
        w.rel(x, "PARTICIPATED_IN", f"event:{base}-charge", role="investigating_body")
    elif rule == "retaliation":  # after the complaint, the accused unit arrests the victim
        w("events", id=f"event:{base}-complaint", type="complaint", title=f"Complaint {base}", date="2020-04",
          status="confirmed")
        w("events", id=f"event:{base}-arrest", type="arrest", title=f"Arrest {base}", date="2020-07",
          status="confirmed")
        w.rel(victim, "PARTICIPATED_IN", f"event:{base}-complaint", role="complainant")
        w.rel(f"event:{base}-complaint", "CONCERNS", a)
        w.rel(victim, "PARTICIPATED_IN", f"event:{base}-arrest", role="accused")
        w.rel(i, "PARTICIPATED_IN", f"event:{base}-arrest", role="detaining_body")
