"""The gender a Lithuanian name suggests when a person is added (people may change it)."""

from __future__ import annotations

import pytest

from kplan_desktop.core.errors import InvalidInput
from kplan_desktop.core.grammar import Gender, guess_gender, parse_gender


@pytest.mark.parametrize("name", [
    "Lina Urbonienė", "Ona Kazlauskaitė", "Rūta Mažeikytė", "Eglė Butkutė",
    "Saulė Rimkūnaitė", "Ieva Kalvaitytė", "Gintarė Žemaitytė-Petrauskienė",
    "dr. Aušra Urbonė",          # a title, and the neutral surname form -ė
    "Kazlauskaitė Ona",          # surname first, as lists often have it
    "Ona Jurgiūtė", "Eglė", "Anna Smith",
])
def test_women_s_names(name: str) -> None:
    assert guess_gender(name) is Gender.FEMALE


@pytest.mark.parametrize("name", [
    "Jonas Petraitis", "Marius Grybauskas", "Darius Gudelys", "Kęstutis Valiūnas",
    "Andrius Juška",              # a man's surname in -a
    "prof. Vytautas Landsbergis", "Mindaugas Jogaila", "Jogaila Mindaugas",
    "Luka Petrauskas",            # a man's first name in -a
    "Tomas Žilinskas-Mažeika", "Petrauskas Jonas", "Nikita Ivanov",
])
def test_men_s_names(name: str) -> None:
    assert guess_gender(name) is Gender.MALE


@pytest.mark.parametrize("name", [
    "", "   ", "Rūta",              # one word in -a: a first name or a surname
    "Alex Kim", "J. Smith",        # nothing Lithuanian to go by
    "Juška Jonas",                 # an -a word first, a man's ending after it
    "Ona Petrauskas",              # the words disagree
    "Rimkus Eglė",
])
def test_unclear_names_stay_unspecified(name: str) -> None:
    assert guess_gender(name) is Gender.UNSPECIFIED


def test_genders_are_read_in_english_or_lithuanian_and_anything_else_is_refused() -> None:
    assert parse_gender("female") is Gender.FEMALE
    assert parse_gender(" Vyras ") is Gender.MALE
    assert parse_gender("nenurodyta") is Gender.UNSPECIFIED
    assert parse_gender("") is Gender.UNSPECIFIED
    with pytest.raises(InvalidInput, match="not a gender"):
        parse_gender("other")
