"""Checks of an event's fields before they reach a table: types, known values, sizes."""

from __future__ import annotations

import sqlite3

from ..core.grammar import GENDERS
from ..core.model import GroupKind, RemarkStatus, RemarkType, Role, SectionKind, SectionState
from ..core.permissions import Refused
from ..store import events

_ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("remark", "type"): frozenset(t.value for t in RemarkType),
    ("remark", "status"): frozenset(s.value for s in RemarkStatus),
    ("section", "kind"): frozenset(k.value for k in SectionKind),
    ("section", "state"): frozenset(s.value for s in SectionState),
    ("membership", "role"): frozenset(r.value for r in Role),
    ("work_group", "kind"): frozenset(k.value for k in GroupKind),
    ("person", "gender"): frozenset(GENDERS),
}
_INT_LIMIT = 2**62
MALFORMED = Refused("malformed changes")


#: The enumerated fields of each table, with their values.
_ENUMS_BY_TABLE: dict[str, dict[str, frozenset[str]]] = {}
for (_table, _name), _values in _ENUMS.items():
    _ENUMS_BY_TABLE.setdefault(_table, {})[_name] = _values
_NO_ENUMS: dict[str, frozenset[str]] = {}
#: How the characters of CONTROL_CHARACTERS can look in an event's JSON: escaped (as
#: canonical JSON writes control characters, or as a forger may write any character), or
#: U+FFFE and U+FFFF as raw UTF-8. A body with none of these holds none of them.
_ESCAPED, _FFFE, _FFFF = b"\\u", "\ufffe".encode(), "\uffff".encode()


def malformed(e: events.Event, not_null: set[tuple[str, str]]) -> Refused | None:
    """Why the event's fields cannot be stored (a wrong type, an unknown value, a character
    no document can hold), if so. Per field of a bulk import: kept to a few lookups."""
    entity = events.ENTITIES[e.entity]
    if not e.entity_id or len(e.entity_id) > 100:
        return MALFORMED
    allowed_fields = entity.fields
    table = entity.table
    enums = _ENUMS_BY_TABLE.get(table, _NO_ENUMS)
    # Only a body with an escaped control character can hold one: the regex runs rarely.
    body = e.body
    controls = _ESCAPED in body or _FFFE in body or _FFFF in body
    for name, value in e.fields.items():
        if name not in allowed_fields:
            continue
        kind = type(value)
        if kind is str:
            allowed = enums.get(name)
            if (allowed is not None and value not in allowed) or (
                controls and events.CONTROL_CHARACTERS.search(value)
            ):
                return MALFORMED
        elif value is None:
            if (table, name) in not_null:
                return MALFORMED
        elif kind is int or kind is bool:
            if not -_INT_LIMIT < value < _INT_LIMIT or name in enums:
                return MALFORMED
        elif kind is float:
            if name in enums:
                return MALFORMED
        elif name == "parents" and kind is list:
            if not all(type(v) is str for v in value):
                return MALFORMED
        else:
            return MALFORMED
    if table == "section_revision" and not (
        type(e.fields.get("title")) is str and type(e.fields.get("body")) is str
        and type(e.fields.get("section_id")) is str
        and type(e.fields.get("parents", [])) is list
    ):
        return MALFORMED
    return None


def not_null_columns(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """The (table, column) pairs that may not hold NULL."""
    found = set()
    for entity in events.ENTITIES.values():
        for col in conn.execute(f"PRAGMA table_info({entity.table})"):
            if col[3]:
                found.add((entity.table, col[1]))
    return found
