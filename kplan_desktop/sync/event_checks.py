"""Checks of an event's fields before they reach a table: types, known values, sizes.

The checks themselves live in store.permissions, so that a local write is refused for a
malformed value as the same event arriving in a bundle is (see ``judge_local``).
"""

from __future__ import annotations

import sqlite3

from ..store import events
from ..store.permissions import MALFORMED, malformed

__all__ = ["MALFORMED", "malformed", "not_null_columns"]


def not_null_columns(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """The (table, column) pairs that may not hold NULL."""
    found = set()
    for entity in events.ENTITIES.values():
        for col in conn.execute(f"PRAGMA table_info({entity.table})"):
            if col[3]:
                found.add((entity.table, col[1]))
    return found
