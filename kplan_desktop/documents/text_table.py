"""A table as a section body can hold it: one line per row, cells between bars.

    | Metai | Gyventojai |
    | 2023 | 298 753 |

The draft import writes a Word table this way into the section's text (one
body block, so quotes and remarks can point into it), the section view shows it
as it is, and the draft export turns the block back into a real Word table.
A bar inside a cell is written ``\\|``; a cell's own paragraphs are joined by a
space (a row is one line).
"""

from __future__ import annotations

import re

_SPLIT = re.compile(r"(?<!\\) \| ")


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def table_to_text(rows: list[list[str]]) -> str:
    """The text form of ``rows`` (empty rows left out); "" when nothing is in it."""
    lines = ["| " + " | ".join(_cell(c) for c in row) + " |"
             for row in rows if any(c.strip() for c in row)]
    return "\n".join(lines)


def text_to_table(block: str) -> list[list[str]] | None:
    """The rows of a body block written by :func:`table_to_text`; None for other text."""
    lines = block.split("\n")
    if not lines or not all(ln.startswith("| ") and ln.endswith(" |") and len(ln) >= 4
                            for ln in lines):
        return None
    rows = [[c.replace("\\|", "|") for c in _SPLIT.split(" " + ln[2:-2] + " ")]
            for ln in lines]
    # The padding added around the line makes the first and last pieces carry one space.
    return [[c.strip() for c in row] for row in rows]
