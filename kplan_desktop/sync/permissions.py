"""Who may have made an imported event: the rules of core.rules, judged per event.

An import checks each event against the materialized state as a local write
is checked (the author's memberships, the remark's author and group). Status
moves are not re-judged here: a concurrent edit and answer must merge the same
way on every copy whichever arrives first, so only *who* may change *what* is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from ..core import rules
from ..core.errors import KPlanError
from ..core.model import Actor

#: References each entity's fields make; the referenced record must be here first.
REFERENCES: dict[str, dict[str, str]] = {
    "membership": {"group_id": "work_group", "person_id": "person"},
    "meeting": {"group_id": "work_group"},
    "attendance": {"meeting_id": "meeting", "person_id": "person"},
    "section": {"parent_id": "section", "responsible_group_id": "work_group"},
    "section_revision": {"section_id": "section"},
    "remark": {
        "section_id": "section", "revision_id": "section_revision", "author_id": "person",
        "group_id": "work_group", "round_id": "review_round",
    },
}

#: Fields a creating event always carries; a change to a record not here yet waits for it.
CREATION: dict[str, frozenset[str]] = {
    "plan": frozenset({"title"}),
    "person": frozenset({"full_name"}),
    "work_group": frozenset({"code", "kind"}),
    "membership": frozenset({"group_id", "person_id"}),
    "meeting": frozenset({"group_id"}),
    "attendance": frozenset({"meeting_id", "person_id"}),
    "review_round": frozenset({"name"}),
    "section": frozenset({"kind"}),
    "section_revision": frozenset({"section_id", "title", "body"}),
    "remark": frozenset({"section_id", "author_id"}),
    "response_template": frozenset({"title"}),
}

_REMARK_ANSWER = frozenset({"status", "response", "responded_by", "responded_at"})
_AUTHOR_STATUSES = frozenset({"withdrawn", "new"})


class Refused(KPlanError):
    """The event breaks its author's permissions; ``reason`` says how (a template, so the
    Sync page can translate it)."""

    @property
    def reason(self) -> str:
        return str(self)


def row(conn: sqlite3.Connection, table: str, entity_id: str, columns: str) -> Any:
    return conn.execute(f"SELECT {columns} FROM {table} WHERE id = ?", (entity_id,)).fetchone()


def check(
    conn: sqlite3.Connection,
    entity: str,
    entity_id: str,
    fields: dict[str, Any],
    author: str,
    actor_of: Callable[[str], Actor],
) -> None:
    """Raise Refused unless ``author`` may make this change now."""
    actor = actor_of(author)
    if entity == "remark":
        _check_remark(conn, entity_id, fields, author, actor)
    elif entity in ("plan", "review_round"):
        _need(actor.coordinates, Refused("only the coordination group's officers may change it"))
    elif entity == "person":
        _need(
            author == entity_id or actor.coordinates or bool(actor.officer_groups),
            Refused("only officers may change other people's records"),
        )
    elif entity == "response_template":
        _need(actor.coordinates or bool(actor.officer_groups),
              Refused("only officers keep templates"))
    elif entity == "work_group":
        existing = row(conn, "work_group", entity_id, "id")
        if existing is None or {"archived", "code", "kind"} & fields.keys():
            _need(actor.coordinates, Refused("only the coordination group's officers may do this"))
        else:
            _need(rules.may_keep_records(actor, entity_id), Refused("not an officer of that group"))
    elif entity in ("membership", "meeting"):
        existing = row(conn, entity, entity_id, "group_id")
        for group in {existing[0] if existing else None, fields.get("group_id")} - {None}:
            _need(rules.may_keep_records(actor, group), Refused("not an officer of that group"))
        if existing is None and fields.get("group_id") is None:
            _need(actor.coordinates, Refused("not an officer of that group"))
    elif entity == "attendance":
        existing = row(conn, "attendance", entity_id, "meeting_id")
        meeting_id = existing[0] if existing else fields.get("meeting_id")
        meeting = row(conn, "meeting", str(meeting_id), "group_id")
        _need(
            rules.may_keep_records(actor, meeting[0] if meeting else None),
            Refused("not an officer of the meeting's group"),
        )
    elif entity == "section":
        existing = row(conn, "section", entity_id, "responsible_group_id")
        groups = set()
        if existing is not None:
            groups.add(existing[0])
        if existing is None or "responsible_group_id" in fields:
            groups.add(fields.get("responsible_group_id"))
        for group in groups:
            _need(rules.may_edit_section(actor, group),
                  Refused("not an officer of the section's group"))
    elif entity == "section_revision":
        section = row(conn, "section", str(fields.get("section_id")), "responsible_group_id")
        _need(
            rules.may_edit_section(actor, section[0] if section else None),
            Refused("not an officer of the section's group"),
        )


def _need(condition: bool, refusal: Refused) -> None:
    if not condition:
        raise refusal


def _check_remark(
    conn: sqlite3.Connection, remark_id: str, fields: dict[str, Any], author: str, actor: Actor
) -> None:
    existing = conn.execute(
        "SELECT r.author_id, r.group_id, s.responsible_group_id FROM remark r"
        " LEFT JOIN section s ON s.id = r.section_id WHERE r.id = ?",
        (remark_id,),
    ).fetchone()
    if existing is None:
        _need(fields.get("author_id") == author,
              Refused("a remark written under someone else's name"))
        _need(rules.may_write_remarks(actor),
              Refused("the author is not a member who may give remarks"))
        if fields.get("status", "new") != "new" or fields.get("response"):
            section = row(conn, "section", str(fields.get("section_id")),
                          "responsible_group_id")
            _need(
                rules.may_answer(actor, fields.get("group_id"), section[0] if section else None),
                Refused("an answer set by someone who may not answer"),
            )
        return
    remark_author, group, section_group = existing
    content = fields.keys() - _REMARK_ANSWER
    if content:
        _need(author == remark_author, Refused("a change to someone else's remark"))
        _need(fields.get("author_id", remark_author) == remark_author,
              Refused("a remark moved to another author"))
    answer = fields.keys() & _REMARK_ANSWER
    if answer:
        by_author = (
            author == remark_author and answer == {"status"}
            and fields["status"] in _AUTHOR_STATUSES
        )
        _need(
            by_author or rules.may_answer(actor, group, section_group),
            Refused("a status or response set by someone who may not answer"),
        )


def missing_reference(
    conn: sqlite3.Connection,
    entity: str,
    fields: dict[str, Any],
    exists: Callable[[str, str], bool],
) -> str | None:
    """The first record this event refers to that is not here yet, as 'table id'."""
    for name, table in REFERENCES.get(entity, {}).items():
        value = fields.get(name)
        if isinstance(value, str) and not exists(table, value):
            return f"{table} {value}"
    if entity == "section_revision":
        for parent in fields.get("parents") or ():
            if isinstance(parent, str) and not exists("section_revision", parent):
                return f"section_revision {parent}"
    del conn
    return None
