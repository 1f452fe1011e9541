"""Events: the immutable facts every change is made of, and how they become rows.

An event is one JSON object in canonical form (sorted keys, no spaces, UTF-8).
Its id is the SHA-256 of exactly those bytes, and ``prev`` names the id of the
same device's previous event, so each device's events form a hash chain (a
feed). Local writes and imported bundles both go through :func:`apply`, so a
row is always what its events say.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from ..core.errors import InvalidInput

FORMAT = 1


@dataclass(frozen=True)
class Entity:
    table: str
    fields: tuple[str, ...]
    #: Immutable entities are created once; later events for the same id are ignored.
    immutable: bool = False


ENTITIES: dict[str, Entity] = {
    e.table: e
    for e in (
        Entity("plan", ("title", "period", "languages")),
        Entity("person", ("full_name", "email", "organisation", "public_key", "fingerprint",
                           "gender")),
        Entity("work_group", ("code", "name", "kind", "mandate", "archived", "prefix")),
        Entity("membership", ("group_id", "person_id", "role", "since", "until", "deleted")),
        Entity(
            "meeting", ("group_id", "date", "place", "agenda", "minutes", "decisions", "deleted")
        ),
        Entity("attendance", ("meeting_id", "person_id", "present")),
        Entity("review_round", ("name", "draft_revision", "opens", "closes", "deleted")),
        Entity(
            "section",
            (
                "parent_id", "position", "kind", "code", "responsible_group_id", "state",
                "unit", "baseline", "target", "deleted",
            ),
        ),
        Entity("section_revision", ("section_id", "parents", "title", "body"), immutable=True),
        Entity(
            "remark",
            (
                "section_id", "revision_id", "quote", "quote_start", "quote_end", "author_id",
                "group_id", "round_id", "type", "text", "proposed", "justification",
                "created_at", "status", "response", "responded_by", "responded_at",
                "number", "renumbered_from",
            ),
        ),
        Entity("response_template", ("title", "status", "text", "deleted")),
    )
}


@dataclass(frozen=True, slots=True)  # slots: an import holds every event of a bundle at once
class Event:
    id: str
    plan: str
    device: str
    seq: int
    hlc: int
    author: str
    entity: str
    entity_id: str
    fields: Mapping[str, Any]
    prev: str | None
    body: bytes

    @property
    def stamp(self) -> tuple[int, str]:
        return (self.hlc, self.device)


#: Characters no document format can hold (XML 1.0 forbids them): never stored. A form feed
#: or vertical tab (Word's line break, pasted) becomes a new line; the rest are dropped.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def clean_text(value: Any) -> Any:
    """Text as it is stored: without the characters of CONTROL_CHARACTERS."""
    if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
        return CONTROL_CHARACTERS.sub("", value.translate(_LINE_BREAKS))
    return value


def canonical(obj: Mapping[str, Any]) -> bytes:
    # orjson with sorted keys writes, byte for byte, what json.dumps(sort_keys=True,
    # separators=(",", ":"), ensure_ascii=False) wrote for our values (strings, integers,
    # None, booleans, lists, objects), at a fifth of the cost: every event is made here.
    try:
        return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        # A lone surrogate: bytes that were never text (a mangled command-line argument,
        # a broken paste). It can be neither hashed as UTF-8 nor stored.
        raise InvalidInput(
            "Some of the text has a broken character in it; type or paste it again."
        ) from None


def make(
    *,
    plan: str,
    device: str,
    seq: int,
    hlc: int,
    author: str,
    entity: str,
    entity_id: str,
    fields: Mapping[str, Any],
    prev: str | None,
) -> Event:
    body = canonical(
        {
            "v": FORMAT,
            "plan": plan,
            "device": device,
            "seq": seq,
            "hlc": hlc,
            "author": author,
            "entity": entity,
            "id": entity_id,
            "fields": dict(fields),
            "prev": prev,
        }
    )
    return Event(
        id=hashlib.sha256(body).hexdigest(),
        plan=plan,
        device=device,
        seq=seq,
        hlc=hlc,
        author=author,
        entity=entity,
        entity_id=entity_id,
        fields=dict(fields),
        prev=prev,
        body=body,
    )


def parse(body: bytes) -> Event:
    """An event from its bytes as received; its id is the hash of those bytes."""
    obj = orjson.loads(body)
    return Event(
        id=hashlib.sha256(body).hexdigest(),
        plan=obj["plan"],
        device=obj["device"],
        seq=obj["seq"],
        hlc=obj["hlc"],
        author=obj["author"],
        entity=obj["entity"],
        entity_id=obj["id"],
        fields=obj["fields"],
        prev=obj["prev"],
        body=body,
    )


def record(conn: sqlite3.Connection, event: Event) -> bool:
    """Append an event to the log; False if it was already there."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO event (id, device, seq, hlc, entity, entity_id, author, prev, body)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event.id, event.device, event.seq, event.hlc, event.entity, event.entity_id,
            event.author, event.prev, event.body,
        ),
    )
    return cur.rowcount == 1


def apply(conn: sqlite3.Connection, event: Event) -> None:
    """Make the rows say what the event says: per-field last-writer-wins by (hlc, device)."""
    entity = ENTITIES[event.entity]
    fields = {k: v for k, v in event.fields.items() if k in entity.fields}
    if entity.table == "section_revision":
        _apply_revision(conn, event, fields)
        return
    row = conn.execute(
        f"SELECT hlc, device, clocks FROM {entity.table} WHERE id = ?", (event.entity_id,)
    ).fetchone()
    if row is None:
        conn.execute(insert_sql(entity, tuple(fields)), insert_params(event, entity, fields))
        if entity.table == "section":
            refresh_heads(conn, event.entity_id)  # its revisions may have come first
        return
    if entity.immutable:
        return
    if event.stamp > (row[0], row[1]):
        # Later than every field (a row's stamp is its latest): the usual local write.
        winners = fields
        if not winners:
            return
        hlc, device, clocks = restamp(entity, row[0], row[1], row[2], winners, event.stamp)
    else:
        stamps = field_stamps(entity, row[0], row[1], row[2])
        winners = {name: value for name, value in fields.items() if event.stamp > stamps[name]}
        if not winners:
            return
        for name in winners:
            stamps[name] = event.stamp
        hlc, device, clocks = encode_stamps(stamps, floor=(row[0], row[1]))
    sets = ", ".join(f"{name} = ?" for name in winners)
    conn.execute(
        f"UPDATE {entity.table} SET {sets}, hlc = ?, device = ?, clocks = ? WHERE id = ?",
        (*winners.values(), hlc, device, clocks, event.entity_id),
    )


#: A field's stamp: the (hlc, device) of the event that last set it.
Stamp = tuple[int, str]
#: The key in ``clocks`` of the stamp most fields share, when that is not the row's own.
SHARED = "*"
_UNSET: Stamp = (0, "")


def field_stamps(entity: Entity, hlc: int, device: str, clocks: str | None) -> dict[str, Stamp]:
    """Every field's stamp, read from a row's ``hlc``, ``device`` and ``clocks``: a field
    listed in clocks has its own; the others share ``clocks["*"]`` or, without it, the
    row's stamp."""
    listed: dict[str, list[Any]] = orjson.loads(clocks) if clocks else {}
    shared = listed.get(SHARED)
    rest: Stamp = (shared[0], shared[1]) if shared else (hlc, device)
    return {name: (s[0], s[1]) if (s := listed.get(name)) else rest for name in entity.fields}


def encode_stamps(stamps: Mapping[str, Stamp], floor: Stamp) -> tuple[int, str, str | None]:
    """The ``(hlc, device, clocks)`` a row stores for its fields' ``stamps``.

    The row's stamp is its latest change (never below ``floor``, the stamp it had);
    ``clocks`` lists only the fields whose stamp differs from the one most fields share,
    and names that one ``"*"`` when it is not the row's. So a remark numbered after it
    was written keeps two stamps, not nineteen. The form is a function of the stamps
    alone, so every copy holding the same events stores the same bytes' meaning.
    """
    top = max(floor, *stamps.values())
    counts = Counter(stamps.values())
    # Ties go to the later stamp, so a row whose fields all share its stamp stays NULL.
    shared = max(counts, key=lambda s: (counts[s], s))
    listed: dict[str, list[Any]] = {n: [s[0], s[1]] for n, s in stamps.items() if s != shared}
    if shared != top:
        listed[SHARED] = [shared[0], shared[1]]
    return top[0], top[1], _clocks_text(listed)


def restamp(entity: Entity, hlc: int, device: str, clocks: str | None, names: Iterable[str],
            stamp: Stamp) -> tuple[int, str, str | None]:
    """:func:`encode_stamps` once an event stamped later than every field of the row sets
    ``names``, without rebuilding every field's stamp while the stamp most fields share
    stays so (numbering runs this for each of an import's 50,000 remarks)."""
    listed: dict[str, list[Any]] = orjson.loads(clocks) if clocks else {}
    shared = listed.pop(SHARED, None) or [hlc, device]
    names = tuple(names)
    for name in names:
        listed.pop(name, None)
    sharing = len(entity.fields) - len(listed) - len(names)
    if sharing <= len(listed) + len(names):  # no longer surely the most: count them all
        stamps = field_stamps(entity, hlc, device, clocks)
        stamps.update(dict.fromkeys(names, stamp))
        return encode_stamps(stamps, floor=(hlc, device))
    for name in names:
        listed[name] = [stamp[0], stamp[1]]
    listed[SHARED] = shared
    return stamp[0], stamp[1], _clocks_text(listed)


def _clocks_text(listed: Mapping[str, list[Any]]) -> str | None:
    return orjson.dumps(listed, option=orjson.OPT_SORT_KEYS).decode() if listed else None


def insert_sql(entity: Entity, names: tuple[str, ...]) -> str:
    """The statement that creates a row from an event carrying ``names`` (see apply)."""
    columns = "".join(f"{name}, " for name in names)
    marks = "?, " * len(names)
    return (
        f"INSERT INTO {entity.table} (id, {columns}hlc, device, clocks)"
        f" VALUES (?, {marks}?, ?, ?)"
    )


def insert_params(event: Event, entity: Entity, fields: Mapping[str, Any]) -> tuple[Any, ...]:
    """The values for :func:`insert_sql`; imports batch these with executemany.

    Fields this event does not carry get the oldest stamp, so that any event
    carrying them (a creation that arrives late) still wins.
    """
    unset = [name for name in entity.fields if name not in fields]
    clocks: dict[str, list[Any]]
    if len(unset) <= len(entity.fields) - len(unset):
        clocks = {name: [0, ""] for name in unset}  # (encode_stamps' form, without its cost)
    else:
        clocks = {name: [event.hlc, event.device] for name in fields}
        clocks[SHARED] = list(_UNSET)
    return (event.entity_id, *fields.values(), event.hlc, event.device, _clocks_text(clocks))


def _apply_revision(conn: sqlite3.Connection, event: Event, fields: Mapping[str, Any]) -> None:
    cur = conn.execute(
        "INSERT OR IGNORE INTO section_revision (id, section_id, title, body, author_id, hlc,"
        " device) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            event.entity_id, fields["section_id"], fields["title"], fields["body"],
            event.author, event.hlc, event.device,
        ),
    )
    if cur.rowcount == 0:
        return
    conn.executemany(
        "INSERT OR IGNORE INTO revision_parent (revision_id, parent_id) VALUES (?, ?)",
        [(event.entity_id, parent) for parent in fields.get("parents") or ()],
    )
    refresh_heads(conn, fields["section_id"])


def section_heads(conn: sqlite3.Connection, section_id: str) -> list[str]:
    """The section's revisions that no other revision follows, the shown one first.

    Every copy orders heads the same way, by (hlc, device) descending, so every
    copy shows the same head first while a conflict stands.
    """
    rows = conn.execute(
        "SELECT r.id FROM section_revision r WHERE r.section_id = ? AND NOT EXISTS"
        " (SELECT 1 FROM revision_parent p JOIN section_revision c ON c.id = p.revision_id"
        "  WHERE p.parent_id = r.id AND c.section_id = r.section_id)"
        " ORDER BY r.hlc DESC, r.device DESC",
        (section_id,),
    ).fetchall()
    return [r[0] for r in rows]


def refresh_heads(conn: sqlite3.Connection, section_id: str) -> None:
    heads = section_heads(conn, section_id)
    if not heads:
        return
    title, body = conn.execute(
        "SELECT title, body FROM section_revision WHERE id = ?", (heads[0],)
    ).fetchone()
    conn.execute(
        "UPDATE section SET head_revision_id = ?, title = ?, body = ?, heads = ? WHERE id = ?",
        (heads[0], title, body, len(heads), section_id),
    )
