"""A synthetic dataset of any size: people posted to a chain of units.

Shared by the benchmarks and the interrupted-load test, which need a load
long enough to measure or to kill halfway.
"""

from __future__ import annotations

from pathlib import Path

from tests.datasets import write_dataset


def chain_dataset(folder: Path, people: int, units: int = 30, name: str = "big") -> Path:
    persons = [{"id": f"person:p{i}", "name": f"Person {i}", "aliases": f"P{i};Alias {i}",
                "sources": "src:big"} for i in range(people)]
    bodies = [{"id": f"unit:u{i}", "name": f"Unit {i}", "sources": "src:big"} for i in range(units)]
    relations = [{"subject": f"person:p{i}", "relation": "MEMBER_OF", "object": f"unit:u{i % units}",
                  "start": str(2000 + i % 20), "sources": "src:big"} for i in range(people)]
    relations += [{"subject": f"unit:u{i}", "relation": "PART_OF", "object": f"unit:u{i - 1}",
                   "sources": "src:big"} for i in range(1, units)]
    return write_dataset(folder, name, sources=[{"id": "src:big", "title": "Big"}], people=persons,
                         units=bodies, relations=relations)


FIRST = ["Нурлан", "Ерлан", "Даурен", "Серик", "Айдос", "Бауыржан", "Олжас", "Ғалымжан", "Марат",
         "Дмитрий", "Ержан", "Болат", "Руслан", "Асхат", "Айдар", "Қайрат", "Ислам", "Тимур", "Азамат",
         "Сергей", "Алексей", "Андрей", "Максим", "Нұржан", "Әлібек", "Жандос", "Берик", "Ғани", "Үміт", "Мұрат"]
SURNAME_ROOTS = ["Кийсым", "Қажғали", "Уали", "Тоқ", "Назар", "Жумабек", "Тлеу", "Оспан", "Қуаныш", "Есен",
                 "Ахмет", "Щербак", "Бекмухан", "Сейт", "Искак", "Азан", "Омар", "Нұрлан", "Сапар", "Жақсы",
                 "Серік", "Мұса", "Әбіл", "Құдайберген", "Ғабит", "Ілияс", "Өтеген", "Ұлықбек", "Һамит", "Байбол"]
SURNAME_ENDINGS = ["ов", "ев", "баев", "беков", "галиев", "уллин", "тов", "ин", "енко", "жанов", "ұлы", "ханов",
                   "бергенов", "баевич", "алиев"]


def people_dataset(folder: Path, people: int, seed: int = 1, units: int = 200, name: str = "people") -> Path:
    """People with Kazakh and Russian names (30 first names, 450 surnames), a tenth of them
    again under a Latin transliteration and another id, each posted to a unit: the shape
    entity resolution meets (common first names, repeated surnames, spellings across scripts)."""
    import random

    from graph.names import latin

    rng = random.Random(seed)
    surnames = [r + e for r in SURNAME_ROOTS for e in SURNAME_ENDINGS]
    persons, relations = [], []
    for i in range(people):
        full = f"{rng.choice(FIRST)} {rng.choice(surnames)}"
        unit, start = f"unit:u{rng.randrange(units)}", str(1990 + rng.randrange(32))
        twin = i % 10 == 0
        for pid, shown in ([(f"person:p{i}", full)] + ([(f"person:p{i}-lat", latin(full))] if twin else [])):
            persons.append({"id": pid, "name": shown, "sources": "src:big"})
            relations.append({"subject": pid, "relation": "MEMBER_OF", "object": unit, "start": start,
                              "sources": "src:big"})
    bodies = [{"id": f"unit:u{i}", "name": f"Unit {i}", "sources": "src:big"} for i in range(units)]
    return write_dataset(folder, name, sources=[{"id": "src:big", "title": "Big"}], people=persons,
                         units=bodies, relations=relations)
