"""Judging a change against the one table (core.permissions), from what the workspace holds.

Local writes (``Writer.put``) and imported events (the importer) both call
:func:`judge_event`, so both are judged by the same rows with the same facts.

Remarks have rules that depend on their state (an answered remark cannot be
rewritten by its author). For every copy to reach the same verdict whatever
order events arrive in, a remark's events are judged in (hlc, device) order:
when an event arrives older than what the remark already holds, the remark is
replayed from its log in that order (:func:`replay_remark`).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from ..core.grammar import GENDERS
from ..core.ids import derived_id
from ..core.model import (
    Actor,
    GroupKind,
    Membership,
    RemarkStatus,
    RemarkType,
    Role,
    SectionKind,
    SectionState,
)
from ..core.permissions import Change, Refused, answer_of, judge
from . import events

ActorOf = Callable[[str], Actor]

#: The columns a judgement reads of a record as it stands.
_COLUMNS: dict[str, str] = {
    "remark": "author_id, group_id, status, response, responded_by, responded_at, section_id,"
              " number",
    "person": "public_key, fingerprint",
    "membership": "group_id, person_id",
    "meeting": "group_id",
    "attendance": "meeting_id",
    "section": "responsible_group_id",
}


def founding_group_id(plan_id: str) -> str:
    """The coordination group the founder makes with the plan."""
    return derived_id("kplan-founding-group", plan_id)


def founding_membership_id(plan_id: str) -> str:
    """The founder's membership (secretary) of that group."""
    return derived_id("kplan-founding-membership", plan_id)


def plan_id_for(founder_key: str, device: str, person: str, nonce: str) -> str:
    """A plan's id is derived from its founder's key, device and person: only the holder
    of that key can write the plan's founding record, so nobody else can be its founder."""
    return derived_id("kplan-plan", founder_key, device, person, nonce)


def actor_of(conn: sqlite3.Connection, person_id: str, today: str | None = None) -> Actor:
    """The person with the memberships in force today."""
    today = today or time.strftime("%Y-%m-%d")
    rows = conn.execute(
        "SELECT m.group_id, g.kind, m.role FROM membership m"
        " JOIN work_group g ON g.id = m.group_id"
        " WHERE m.person_id = ? AND m.deleted = 0 AND g.archived = 0"
        " AND (m.until = '' OR m.until >= ?) AND (m.since = '' OR m.since <= ?)"
        " ORDER BY g.kind DESC, g.code",
        (person_id, today, today),
    ).fetchall()
    return Actor(person_id, tuple(Membership(g, GroupKind(k), Role(r)) for g, k, r in rows))


def _one(conn: sqlite3.Connection, sql: str, *args: Any) -> Any:
    row = conn.execute(sql, args).fetchone()
    return row[0] if row else None


def founder(conn: sqlite3.Connection, plan_id: str) -> str | None:
    """The person who founded the plan, as its founding record proves (see plan_id_for)."""
    for device, author, body in conn.execute(
        "SELECT e.device, e.author, e.body FROM event e WHERE e.entity = 'plan'"
        " AND e.entity_id = ? AND e.seq = 1 AND e.prev IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM refused_event r WHERE r.id = e.id)", (plan_id,)
    ):
        fields = json.loads(body).get("fields", {})
        key = str(fields.get("founder_key", ""))
        if device_key(conn, device) == key and plan_id == plan_id_for(
            key, device, author, str(fields.get("nonce", ""))
        ):
            return str(author)
        if _one(conn, "SELECT value FROM meta WHERE key = 'legacy_founder_device'") == device:
            return str(author)  # a plan made before plan ids were derived (schema 3)
    return None


def device_key(conn: sqlite3.Connection, device: str) -> str | None:
    """The key a device signs with: bound at its first accepted feed, for ever."""
    key = _one(conn, "SELECT public_key FROM device_key WHERE device_id = ?", device)
    return None if key is None else str(key)


def _founding(
    conn: sqlite3.Connection, plan_id: str, entity: str, entity_id: str,
    fields: Mapping[str, Any], author: str, device: str, signing_key: str,
) -> bool:
    if entity == "plan":
        return (
            entity_id == plan_id and signing_key != ""
            and fields.get("founder_key") == signing_key
            and plan_id == plan_id_for(signing_key, device, author, str(fields.get("nonce", "")))
        )
    if entity == "work_group" and entity_id == founding_group_id(plan_id):
        return founder(conn, plan_id) == author
    if entity == "membership" and entity_id == founding_membership_id(plan_id):
        return (
            fields.get("group_id") == founding_group_id(plan_id)
            and founder(conn, plan_id) == author
        )
    return False


def existing(conn: sqlite3.Connection, entity: str, entity_id: str) -> dict[str, Any] | None:
    columns = _COLUMNS.get(entity, "id")
    cur = conn.execute(f"SELECT {columns} FROM {entity} WHERE id = ?", (entity_id,))
    row = cur.fetchone()
    if row is None:
        return None
    return {d[0]: v for d, v in zip(cur.description, row, strict=True)}


def _groups(
    conn: sqlite3.Connection, entity: str, entity_id: str, fields: Mapping[str, Any],
    record: Mapping[str, Any] | None,
) -> frozenset[str | None]:
    old = record or {}
    if entity == "remark":
        section = old.get("section_id", fields.get("section_id"))
        return frozenset({_one(conn, "SELECT responsible_group_id FROM section WHERE id = ?",
                               section)})
    if entity in ("membership", "meeting"):
        return frozenset(g for g in (old.get("group_id"), fields.get("group_id")) if g)
    if entity == "attendance":
        meeting = old.get("meeting_id", fields.get("meeting_id"))
        return frozenset({_one(conn, "SELECT group_id FROM meeting WHERE id = ?", meeting)})
    if entity == "section":
        groups: set[str | None] = set()
        if record is not None:
            groups.add(old.get("responsible_group_id"))
        if record is None or "responsible_group_id" in fields:
            groups.add(fields.get("responsible_group_id"))
        return frozenset(groups)
    if entity == "section_revision":
        return frozenset({_one(conn, "SELECT responsible_group_id FROM section WHERE id = ?",
                               fields.get("section_id"))})
    if entity == "person":
        return frozenset(r[0] for r in conn.execute(
            "SELECT group_id FROM membership WHERE person_id = ? AND deleted = 0", (entity_id,)
        ))
    if entity == "work_group":
        return frozenset({entity_id})
    return frozenset()


def change_for(
    conn: sqlite3.Connection, event: events.Event, signing_key: str, signing_fingerprint: str,
) -> Change:
    """Everything the table needs to judge ``event``, read from the workspace."""
    record = existing(conn, event.entity, event.entity_id)
    fields = {k: v for k, v in event.fields.items() if k in events.ENTITIES[event.entity].fields}
    change = Change(
        entity=event.entity,
        entity_id=event.entity_id,
        fields=fields,
        existing=record,
        groups=_groups(conn, event.entity, event.entity_id, fields, record),
        signing_key=signing_key,
        signing_fingerprint=signing_fingerprint,
        founding=record is None and _founding(
            conn, event.plan, event.entity, event.entity_id, event.fields, event.author,
            event.device, signing_key,
        ),
    )
    if (
        record is not None and event.entity == "remark"
        and not _ANSWER_FIELDS.isdisjoint(fields)
        and change.value("responded_by") not in (None, event.author)
    ):
        change = replace(change, earlier_answers=_earlier_answers(conn, event))
    return change


_NOTHING_NOT_NULL: set[tuple[str, str]] = set()


def _not_null(conn: sqlite3.Connection, table: str) -> set[tuple[str, str]]:
    """The table's columns that may not hold NULL (asked only of a change holding one)."""
    return {(table, col[1]) for col in conn.execute(f"PRAGMA table_info({table})") if col[3]}


_ANSWER_FIELDS = frozenset({"status", "response", "responded_by", "responded_at"})


def _earlier_answers(conn: sqlite3.Connection, event: events.Event) -> frozenset[tuple[Any, ...]]:
    """The answers given to the remark before ``event`` (by stamp), each by the officer it
    names, as an undo may put one back (only asked for such an answer: rare)."""
    found = set()
    for body, hlc, device in conn.execute(
        "SELECT e.body, e.hlc, e.device FROM event e WHERE e.entity = 'remark'"
        " AND e.entity_id = ? AND e.author != '' AND NOT EXISTS"
        " (SELECT 1 FROM refused_event r WHERE r.id = e.id)", (event.entity_id,)
    ):
        if (hlc, device) >= event.stamp:
            continue
        earlier = events.parse(bytes(body))
        if earlier.fields.get("responded_by") == earlier.author:
            found.add(answer_of(Change("remark", event.entity_id, earlier.fields)))
    return frozenset(found)


def judge_event(
    conn: sqlite3.Connection, event: events.Event, actor: ActorOf, signing_key: str,
    signing_fingerprint: str,
) -> Refused | None:
    """The table's verdict on ``event`` as the workspace stands now."""
    return judge(actor(event.author), change_for(conn, event, signing_key, signing_fingerprint))


def arrives_late(conn: sqlite3.Connection, event: events.Event) -> bool:
    """Is there a later change of this remark than ``event``, applied or refused for the
    remark's state? Either way the remark is replayed in stamp order: a change refused
    because the remark was answered may stand once an earlier reopening arrives."""
    if event.entity != "remark":
        return False
    row = conn.execute(
        "SELECT hlc, device FROM remark WHERE id = ?", (event.entity_id,)
    ).fetchone()
    if row is None:
        return False
    if (row[0], row[1]) > event.stamp:  # a row's own stamp is its latest change
        return True
    return conn.execute(
        "SELECT 1 FROM event e JOIN refused_event r ON r.id = e.id AND r.by_state"
        " WHERE e.entity = 'remark' AND e.entity_id = ? AND (e.hlc, e.device) > (?, ?)"
        " LIMIT 1", (event.entity_id, event.hlc, event.device)).fetchone() is not None


def replay_remark(
    conn: sqlite3.Connection, remark_id: str, actor: ActorOf
) -> dict[str, Refused | None]:
    """Make the remark again from its logged events in (hlc, device) order, judging each
    against the state before it; returns the verdict per event id (None: applied).

    Events refused for who wrote them (not for the remark's state) stay refused.
    """
    rows = conn.execute(
        "SELECT e.body, r.reason, r.by_state FROM event e"
        " LEFT JOIN refused_event r ON r.id = e.id"
        " WHERE e.entity = 'remark' AND e.entity_id = ?", (remark_id,)
    ).fetchall()
    replayed = sorted(
        (events.parse(bytes(body)) for body, reason, by_state in rows
         if reason is None or by_state),
        key=lambda e: e.stamp,
    )
    conn.execute("DELETE FROM remark WHERE id = ?", (remark_id,))
    verdicts: dict[str, Refused | None] = {}
    accepted_before = {body_id for body_id in (
        events.parse(bytes(body)).id for body, reason, _ in rows if reason is None)}
    for event in replayed:
        refusal = judge_event(conn, event, actor, "", "")
        # Only the remark's state is judged again: who may write it was judged when the
        # event came (roles change over time; an old answer stays its officer's).
        if refusal is None or (event.id in accepted_before and not refusal.by_state):
            conn.execute("DELETE FROM refused_event WHERE id = ?", (event.id,))
            events.apply(conn, event)
            verdicts[event.id] = None
        else:
            conn.execute(
                "INSERT OR REPLACE INTO refused_event (id, reason, by_state) VALUES (?, ?, ?)",
                (event.id, str(refusal), int(refusal.by_state)),
            )
            verdicts[event.id] = refusal
    return verdicts


def judge_local(
    conn: sqlite3.Connection, event: events.Event, actor: ActorOf, signing_key: str,
    signing_fingerprint: str,
) -> None:
    """Raise Refused unless this copy's user may make the change (``Writer.put``): a
    malformed value, as an import would refuse it, or what the table refuses."""
    table = events.ENTITIES[event.entity].table
    not_null = _not_null(conn, table) if None in event.fields.values() else _NOTHING_NOT_NULL
    wrong = malformed(event, not_null)
    if wrong is not None:
        raise wrong
    if arrives_late(conn, event):
        return  # judged in (hlc, device) order by apply's replay
    refusal = judge_event(conn, event, actor, signing_key, signing_fingerprint)
    if refusal is not None:
        raise refusal


def apply(conn: sqlite3.Connection, event: events.Event, actor: ActorOf) -> Refused | None:
    """Apply a judged, logged event; a remark's event older than what the remark holds
    replays the remark (see the module docstring). Returns this event's refusal, if the
    replay refused it."""
    if arrives_late(conn, event):
        return replay_remark(conn, event.entity_id, actor).get(event.id)
    events.apply(conn, event)
    return None


# --- malformed values --------------------------------------------------------------------------
# Judged for local writes (judge_local) and imported events (sync.event_checks) alike.

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
#: Fields stored in INTEGER columns: text there stays text (SQLite keeps what it cannot
#: convert), and whatever reads the column as a number then fails on every copy.
_INTEGERS: dict[str, frozenset[str]] = {
    "work_group": frozenset({"archived"}),
    "membership": frozenset({"deleted"}),
    "meeting": frozenset({"deleted"}),
    "attendance": frozenset({"present"}),
    "review_round": frozenset({"deleted"}),
    "section": frozenset({"position", "deleted"}),
    "remark": frozenset({"quote_start", "quote_end", "number", "renumbered_from"}),
    "response_template": frozenset({"deleted"}),
}
_NO_INTEGERS: frozenset[str] = frozenset()
_NOT_INTEGERS = (str, float)
MALFORMED = Refused("malformed changes")


#: The enumerated fields of each table, with their values.
_ENUMS_BY_TABLE: dict[str, dict[str, frozenset[str]]] = {}
for (_table, _name), _values in _ENUMS.items():
    _ENUMS_BY_TABLE.setdefault(_table, {})[_name] = _values
_NO_ENUMS: dict[str, frozenset[str]] = {}
#: How the characters of CONTROL_CHARACTERS can look in an event's JSON: escaped (as
#: canonical JSON writes control characters, or as a forger may write any character), or
#: U+FFFE and U+FFFF as raw UTF-8. A body with none of these holds none of them.
_ESCAPED, _FFFE_FFFF = b"\\u", b"\xef\xbf"  # (U+FFC0 to U+FFFF begin so in UTF-8)
#: Each entity's fields as a set: ``in`` a tuple of nineteen costs a scan, per field.
_FIELDS = {name: frozenset(entity.fields) for name, entity in events.ENTITIES.items()}


def malformed(e: events.Event, not_null: set[tuple[str, str]]) -> Refused | None:
    """Why the event's fields cannot be stored (a wrong type, an unknown value, a character
    no document can hold), if so. Per field of a bulk import: kept to a few lookups."""
    entity = events.ENTITIES[e.entity]
    if not e.entity_id or len(e.entity_id) > 100:
        return MALFORMED
    allowed_fields = _FIELDS[e.entity]
    table = entity.table
    enums = _ENUMS_BY_TABLE.get(table, _NO_ENUMS)
    integers = _INTEGERS.get(table, _NO_INTEGERS)
    # Only a body with an escaped control character can hold one: the regex runs rarely.
    body = e.body
    controls = _ESCAPED in body or _FFFE_FFFF in body
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
    fields = e.fields
    for name in integers:  # a few per table: cheaper here than a look per field above
        if name in fields and type(fields[name]) in _NOT_INTEGERS:
            return MALFORMED
    if table == "section_revision" and not (
        type(e.fields.get("title")) is str and type(e.fields.get("body")) is str
        and type(e.fields.get("section_id")) is str
        and type(e.fields.get("parents", [])) is list
    ):
        return MALFORMED
    return None
