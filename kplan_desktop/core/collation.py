"""Lithuanian alphabetical order for sorting below the UI (no Qt here; the UI uses QCollator).

The rules are CLDR's for Lithuanian (after the Lithuanian language commission's): č, š
and ž are letters of their own, after c, s and z; ą, ę, ė, į, ų, ū and y sort with a,
e, i and u and only break ties (a < ą; e < ę < ė; i < į < y; u < ų < ū); case breaks
the last ties (lower first). SQLite compares code points, so "Šimkus" would follow
"Zigmantas": sort such rows with :func:`lithuanian_key`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: Letters of their own, right after their base letter.
_OWN_LETTERS = {"č": "c", "š": "s", "ž": "z"}
#: Tie-breaking rank of a letter sorted with its base letter.
_SECONDARY = {"ą": 1, "ę": 1, "ė": 2, "į": 1, "y": 2, "ų": 1, "ū": 2}


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0]


@lru_cache(maxsize=65536)
def lithuanian_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], str]:
    """A sort key: ``sorted(names, key=lithuanian_key)``."""
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for char in text:
        lower = char.lower()
        if lower in _OWN_LETTERS:
            weight = 2 * ord(_OWN_LETTERS[lower]) + 1
            rank = 0
        else:
            base = "i" if lower == "y" else _base(lower)
            if not base.isalnum():
                continue  # spaces and punctuation do not decide the order of words
            weight = 2 * ord(base)
            rank = _SECONDARY.get(lower, 0 if base == lower else 3)
        primary.append(weight)
        secondary.append(rank)
        tertiary.append(0 if char == lower else 1)
    return tuple(primary), tuple(secondary), tuple(tertiary), text
