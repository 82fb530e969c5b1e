"""Names across scripts: transliteration of Russian and Kazakh Cyrillic, the
spelling-blind keys, and search that finds a person typed in another script or
transliteration, from the command line and the explorer's data."""

from __future__ import annotations

import json

import pytest

from explorer import data
from graph import names
from graph.search import search
from ingest.load import ingest
from tests.datasets import small


@pytest.mark.parametrize("cyrillic, expected", [
    ("Қасым-Жомарт Тоқаев", "Qasym-Zhomart Toqaev"),
    ("Нурсултан Назарбаев", "Nursultan Nazarbaev"),
    ("Әлия Үмбетова", "Aliya Umbetova"),
    ("Ғалым Іңкәр Өмір Ұлан Һ", "Ghalym Ingkar Omir Ulan H"),  # every Kazakh letter, none lost
])
def test_kazakh_letters_are_transliterated_not_lost(cyrillic, expected):
    assert names.latin(cyrillic) == expected


@pytest.mark.parametrize("a, b", [
    ("Kiysymbaev", "Kiysymbayev"), ("Kazhgaliyev", "Kazhgaliev"), ("Ualiyev", "Ualiev"),  # the article
    ("Кийсымбаев", "Kiysymbayev"), ("Қасым-Жомарт Тоқаев", "Kassym-Jomart Tokayev"),
    ("Ерлан Қажғалиев", "Yerlan Kazhgaliyev"), ("Юлия Щербакова", "Yulia Scherbakova"),
    ("Нурсултан Назарбаев", "Nursultan Nazarbayev"), ("Тоқаев Қасым-Жомарт", "Kassym-Jomart Tokayev"),
])
def test_spellings_of_one_name_share_their_keys(a, b):
    assert names.name_key(a) and sorted(names.name_key(a)) == sorted(names.name_key(b))
    assert names.similarity(a, b) == 1.0


@pytest.mark.parametrize("a, b", [
    ("Ualiev", "Aliev"), ("Azanov", "Azhanov"), ("Ivan Petrov", "Ivan Petrova"),
    ("Азанов", "Ажанов"), ("Nurlan Kiysymbaev", "Nurlan Kiysymbekov"),
])
def test_names_a_letter_apart_are_not_the_same_name(a, b):
    assert sorted(names.name_key(a)) != sorted(names.name_key(b))
    assert names.similarity(a, b) < 0.9


def test_a_patronymic_left_out_is_nearly_the_same_name():
    assert names.similarity("Нурлан Ерланович Кийсымбаев", "Nurlan Kiysymbayev") == 0.95


@pytest.mark.parametrize("name", [
    "Нурлан  Ерланович Кийсымбаев", " Kiysymbayev ", "Қасым-Жомарт\u00a0Тоқаев", "Ҳͪ\x85ж",
    "Ер\u0301лан Ер\u0301лан", "İlyas\u2003ŞOKAN", "\u200bАсқар\u202e", "", "  "])
def test_a_name_has_the_words_of_the_whole_transliterated(name):
    """names.words transliterates each part between spaces once and keeps it: the words must be
    those of the whole name turned into Latin letters at once, whatever the other spaces
    (U+0085 turns into nothing and joins the words around it), marks and controls; asked twice,
    the same again."""
    whole = names.WORD.findall(names.latin(name).lower())
    assert names.words(name) == whole
    assert names.words(name) == whole


def people_in_two_scripts(tmp_path):
    return small(tmp_path / "ds", name="two-scripts", people=[
        {"id": "person:kiysymbaev", "name": "Нурлан Кийсымбаев", "sources": "src:a"},
        {"id": "person:tokayev", "name": "Kassym-Jomart Tokayev", "sources": "src:a"},
        {"id": "person:officer", "name": "Officer One", "sources": "src:a"},
        {"id": "person:victim", "name": "Victim", "protected": "yes", "pseudonym": "V.", "sources": "src:a"}])


@pytest.mark.parametrize("typed, found", [
    ("Kiysymbaev", "person:kiysymbaev"), ("Kiysymbayev", "person:kiysymbaev"),
    ("Kisymbaev", "person:kiysymbaev"), ("кийсымбаев", "person:kiysymbaev"),
    ("Nurlan Kiysymbayev", "person:kiysymbaev"),
    ("Тоқаев", "person:tokayev"), ("Токаев", "person:tokayev"), ("Toqaev", "person:tokayev"),
    ("Қасым-Жомарт", "person:tokayev"),
])
def test_search_finds_a_name_typed_in_another_script(graph, tmp_path, typed, found):
    ingest(graph, people_in_two_scripts(tmp_path))
    hits = [h["id"] for h in search(graph, typed)]
    assert hits and hits[0] == found, (typed, hits)
    data.graph.cache_clear()
    try:
        assert data.search(typed, False)[0]["id"] == found  # the explorer's search box
    finally:
        data.graph.cache_clear()


def test_search_does_not_find_another_name(graph, tmp_path):
    ingest(graph, people_in_two_scripts(tmp_path))
    assert [h["id"] for h in search(graph, "Kiysymbekov Tokhtarov")] == []


def test_search_from_the_command_line(cli, graph, tmp_path):
    ingest(graph, people_in_two_scripts(tmp_path))
    done = cli("search", "Токаев", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["rows"]
    assert rows[0]["id"] == "person:tokayev" and rows[0]["name"] == "Kassym-Jomart Tokayev"
    table = cli("search", "Kiysymbayev")
    assert table.returncode == 0 and "Нурлан Кийсымбаев" in table.stdout
    nothing = cli("search", "Kiysymbekov")
    assert nothing.returncode == 0 and "Nothing matches" in nothing.stdout


@pytest.mark.parametrize("typed, found", [
    ("राम", "person:ram"), ("राम कुमार", "person:ram"),   # before: cut at each vowel sign, other records first
    ("مُحَمَّد", "person:muhammad"),                      # vowel points typed, not stored
    ("محمد حسن", "person:pointed"), ("יוסף", "person:yosef"),  # stored with points, typed without
    ("王小明", "person:wang"), ("Wang Xiaoming", "person:wang"), ("wang xiao ming", "person:wang"),
    ("Xiaoming", "person:wang"), ("김민준", "person:kim"),
    ("Officer AND", "person:officer"), ("Justice AND Order", "person:and"), ("NOT", "person:not"),
    ("TO", "person:to"),  # before: Lucene operators, a parse error (TO: a range)
])
def test_search_finds_names_in_scripts_with_marks_and_words_that_are_operators(graph, tmp_path, typed, found):
    ingest(graph, small(tmp_path / "ds", name="scripts", people=[
        {"id": "person:ram", "name": "राम कुमार", "sources": "src:a"},
        {"id": "person:muhammad", "name": "محمد علي", "sources": "src:a"},
        {"id": "person:pointed", "name": "مُحَمَّد حسن", "sources": "src:a"},
        {"id": "person:yosef", "name": "יוֹסֵף כהן", "sources": "src:a"},
        {"id": "person:wang", "name": "王小明", "sources": "src:a"},
        {"id": "person:kim", "name": "김민준", "sources": "src:a"},
        {"id": "person:officer", "name": "Officer One", "sources": "src:a"},
        {"id": "person:and", "name": "Justice AND Order", "sources": "src:a"},
        {"id": "person:not", "name": "NOT", "sources": "src:a"},
        {"id": "person:to", "name": "Lin TO", "sources": "src:a"},
        {"id": "person:victim", "name": "Victim", "protected": "yes", "pseudonym": "V.", "sources": "src:a"}]))
    hits = [h["id"] for h in search(graph, typed)]
    assert hits and hits[0] == found, (typed, hits)
