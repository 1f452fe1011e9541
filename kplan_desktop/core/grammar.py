"""A person's grammatical gender, and a guess of it from a Lithuanian name (no Qt, no SQL).

Lithuanian role words and sentences agree with the person they name ("pirmininkė",
"pirmininkas"), so a person carries a gender: female, male or unspecified. When a
person is added, :func:`guess_gender` proposes one from the name; people may change
it. The guess says "unspecified" whenever the name does not make it clear, and every
text has a neutral wording for that case.
"""

from __future__ import annotations

import re
from enum import StrEnum

from .errors import InvalidInput


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNSPECIFIED = "unspecified"


GENDERS = tuple(g.value for g in Gender)

#: Endings only women's names and surnames have: married (-ienė), maiden (-aitė, -ytė,
#: -utė, -ūtė, -iūtė) and the neutral form of a surname (-ė), and first names (Eglė).
_FEMALE_ENDINGS = ("ienė", "aitė", "ytė", "iūtė", "utė", "ūtė", "ė")
#: Endings of men's names and surnames: Jonas, Petraitis, Kęstutis, Gudelys, Butkus, Marius.
_MALE_ENDINGS = ("as", "is", "ys", "us")
#: Men's first names ending in -a, which otherwise marks a woman's first name.
_MALE_IN_A = frozenset({
    "jogaila", "luka", "nikita", "saša", "kosta", "ilja", "andrea", "mykola", "danila",
    "foma", "miša", "kolia", "vania", "sasha",
})
#: Women's first names with a man's ending.
_FEMALE_IN_MALE_ENDING = frozenset({"iris", "doris", "agnes", "frances", "gladys", "mavis"})

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _words(full_name: str) -> list[str]:
    """The name's words, lower case, without titles ("dr.", "prof.") and initials ("J.")."""
    kept = [w for w in full_name.split() if not w.endswith(".")]
    words: list[str] = []
    for chunk in kept:
        words += [w.casefold() for w in _WORD.findall(chunk)]
    return words


def _strong(word: str) -> Gender | None:
    """What one word says whatever its place in the name, if anything."""
    if word in _MALE_IN_A:
        return Gender.MALE
    if word in _FEMALE_IN_MALE_ENDING:
        return Gender.FEMALE
    if len(word) > 2 and word.endswith(_FEMALE_ENDINGS):
        return Gender.FEMALE
    if len(word) > 3 and word.endswith(_MALE_ENDINGS):
        return Gender.MALE
    return None


def guess_gender(full_name: str) -> Gender:
    """The gender a Lithuanian full name suggests; UNSPECIFIED when it is not clear.

    Endings that mark one gender anywhere in a name (-ienė, -aitė, -ė; -as, -is, -ys,
    -us) decide when they agree, in either order (name first or surname first). A
    name's words that disagree say nothing. Failing those, an -a says "woman" on the
    first word (Ona, Lina) and "man" on the last (Juška, Mažeika); an -a first word with a
    man's ending elsewhere leaves it unspecified.
    """
    words = _words(full_name)
    strong = {g for w in words if (g := _strong(w)) is not None}
    first_a = len(words) > 1 and _strong(words[0]) is None and words[0].endswith("a")
    if strong == {Gender.MALE} and first_a:
        return Gender.UNSPECIFIED  # "Mary Douglas", "Juška Jonas": the name says both
    if len(strong) == 1:
        return strong.pop()
    if strong or len(words) < 2:
        return Gender.UNSPECIFIED
    last_a = words[-1].endswith("a")
    if first_a and not last_a:
        return Gender.FEMALE
    if last_a and not first_a:
        return Gender.MALE
    return Gender.UNSPECIFIED


def parse_gender(value: str) -> Gender:
    """A gender as typed (female, male, unspecified, or the Lithuanian words), or refused."""
    text = value.strip().casefold()
    words = {"moteris": Gender.FEMALE, "vyras": Gender.MALE, "nenurodyta": Gender.UNSPECIFIED,
             "": Gender.UNSPECIFIED}
    if text in words:
        return words[text]
    try:
        return Gender(text)
    except ValueError:
        raise InvalidInput("“{value}” is not a gender; use female, male or unspecified.",
                           value=value) from None
