"""A remark's short identifier, "KUL-012": its group's prefix and the number the group
secretary's copy gave it. Pure functions; the store numbers (store.remark_numbers).

The identifier is the same on every copy and in every file: the prefix is stored on the
group and the number on the remark, both written as signed events. Until the secretary's
copy numbers a remark, it shows a provisional identifier ("KUL-?3f9a", a few letters of
its id); two remarks of one group that two copies numbered alike offline show the later
numbering with a letter ("KUL-012b") until the next numbering run gives it a new number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

#: The highest number a remark may be given (a group of a plan never nears it).
MAX_NUMBER = 999_999
#: A stored prefix: two to four upper-case ASCII letters.
PREFIX = re.compile(r"[A-Z]{2,4}")
#: What a person types to find a remark: "KUL-012", "kul-12", "KUL-012b", "KUL-?3f9a".
_TYPED = re.compile(r"\s*([A-Za-z]{2,4})[-‐–](?:(\d{1,6})([a-z])?|\?([0-9a-fA-F]{2,12}))\s*")
#: How many hexadecimal letters of a remark's id a provisional identifier shows.
PROVISIONAL_LETTERS = 4


def _letters(code: str) -> str:
    """The ASCII letters of a group's code, upper case: "kultūra" -> "KULTURA"."""
    plain = unicodedata.normalize("NFKD", code)
    return "".join(ch for ch in plain if "A" <= ch.upper() <= "Z" and ch.isascii()).upper()


def default_prefix(code: str) -> str:
    """The prefix a group's code suggests, before uniqueness is asked: its first three
    letters ("kultura" -> "KUL"); a code of fewer letters is padded with X."""
    return ((_letters(code) or "GRP") + "XX")[:3]


def derive_prefix(code: str, taken: Collection[str]) -> str:
    """A prefix for a group of this code that no other group of the plan has: its first
    three letters, else its first four, else its first letter with two (then three) of the
    letters after it in order, else the first three letters and a fourth from A to Z."""
    letters = _letters(code) or "GRP"
    candidates = [default_prefix(code)]
    if len(letters) >= 4:
        candidates.append(letters[:4])
    rest = letters[1:]
    candidates += [letters[0] + a + b for i, a in enumerate(rest) for b in rest[i + 1:]]
    candidates += [f"{default_prefix(code)}{ch}" for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    for candidate in candidates:
        if PREFIX.fullmatch(candidate) and candidate not in taken:
            return candidate
    raise ValueError("no free prefix")  # 26 x 4-letter fallbacks: unreachable in a plan


def suffix(rank: int) -> str:
    """The letter a remark's identifier gets when ``rank`` earlier numberings of its group
    gave the same number (0: none, the number is its own)."""
    if rank <= 0:
        return ""
    letters = "bcdefghijklmnopqrstuvwxyz"
    return letters[min(rank - 1, len(letters) - 1)]


def format_identifier(prefix: str, number: int | None, remark_id: str, rank: int = 0) -> str:
    """"KUL-012", "KUL-012b" (a clash, see module), or "KUL-?3f9a" while unnumbered."""
    prefix = prefix or "?"
    if number is None:
        return f"{prefix}-?{remark_id.replace('-', '')[-PROVISIONAL_LETTERS:]}"
    return f"{prefix}-{number:03d}{suffix(rank)}"


def is_provisional(identifier: str) -> bool:
    return "-?" in identifier


def parse_identifier(text: str) -> tuple[str, int | None, str] | None:
    """What a typed identifier names: (prefix, number, "") or (prefix, None, id letters).
    None when the text is not an identifier."""
    found = _TYPED.fullmatch(text)
    if found is None:
        return None
    prefix = found.group(1).upper()
    if found.group(2) is not None:
        return prefix, int(found.group(2)), ""
    return prefix, None, found.group(4).lower()
