"""Changes to the group records: groups, people, memberships, meetings, attendance.

Each checks the rules, then writes its events in one transaction; ``Writer.put``
judges every event by the permission table, as an import judges the same event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..core import rules
from ..core.errors import InvalidInput, NotFound, PermissionDenied
from ..core.ids import derived_id, uuid7
from ..core.model import Actor, GroupKind, Role
from .action_common import check_date as _check_date
from .action_common import row as _row
from .workspace import Workspace, Writer


def put_membership(
    w: Writer, mid: str, group_id: str, person_id: str, role: Role, since: str, until: str
) -> None:
    w.put(
        "membership",
        mid,
        {
            "group_id": group_id,
            "person_id": person_id,
            "role": role.value,
            "since": since,
            "until": until,
            "deleted": 0,
        },
    )


def add_group(
    ws: Workspace,
    *,
    code: str,
    name: str,
    kind: GroupKind = GroupKind.THEMATIC,
    mandate: str = "",
    actor: Actor | None = None,
) -> str:
    actor = actor or ws.actor()
    rules.check_coordinate(actor)
    if not code.strip() or not name.strip():
        raise InvalidInput("A group needs a code and a name.")
    if _row(ws, "SELECT 1 FROM work_group WHERE code = ? AND archived = 0", code.strip()):
        raise InvalidInput("There is already a group with the code {code}.", code=code)
    group_id = uuid7()
    with ws.write(actor) as w:
        w.put(
            "work_group",
            group_id,
            {"code": code.strip(), "name": name.strip(), "kind": kind.value,
             "mandate": mandate, "archived": 0},
        )
    return group_id


def update_group(
    ws: Workspace, group_id: str, changes: Mapping[str, Any], *, actor: Actor | None = None
) -> None:
    actor = actor or ws.actor()
    rules.check_keep_records(actor, group_id)
    if set(changes) - {"name", "mandate", "archived", "code"}:
        raise ValueError("not a group field")
    if "archived" in changes or "code" in changes:
        rules.check_coordinate(actor)
    with ws.write(actor) as w:
        w.put("work_group", group_id, dict(changes))


def add_person(
    ws: Workspace,
    *,
    full_name: str,
    email: str = "",
    organisation: str = "",
    group_id: str | None = None,
    role: Role = Role.EXPERT,
    since: str = "",
    actor: Actor | None = None,
) -> str:
    """A new person, made a member of ``group_id`` when given."""
    actor = actor or ws.actor()
    if group_id is not None:
        rules.check_keep_records(actor, group_id)
    elif not (actor.coordinates or actor.officer_groups):
        raise PermissionDenied("Only a group's secretary or chair can add people.")
    if not full_name.strip():
        raise InvalidInput("A person needs a name.")
    person_id = uuid7()
    with ws.write(actor) as w:
        w.put(
            "person",
            person_id,
            {"full_name": full_name.strip(), "email": email.strip(),
             "organisation": organisation.strip(), "public_key": "", "fingerprint": ""},
        )
        if group_id is not None:
            put_membership(w, uuid7(), group_id, person_id, role, since, "")
    return person_id


def add_membership(
    ws: Workspace,
    *,
    group_id: str,
    person_id: str,
    role: Role | str,
    since: str = "",
    until: str = "",
    actor: Actor | None = None,
) -> str:
    actor = actor or ws.actor()
    rules.check_keep_records(actor, group_id)
    membership_id = uuid7()
    with ws.write(actor) as w:
        put_membership(w, membership_id, group_id, person_id, Role(role), since, until)
    return membership_id


def update_membership(
    ws: Workspace, membership_id: str, changes: Mapping[str, Any], *, actor: Actor | None = None
) -> None:
    row = _row(ws, "SELECT group_id FROM membership WHERE id = ?", membership_id)
    if row is None:
        raise NotFound("There is no such membership.")
    actor = actor or ws.actor()
    rules.check_keep_records(actor, row[0])
    if set(changes) - {"role", "since", "until", "deleted"}:
        raise ValueError("not a membership field")
    fields = dict(changes)
    if "role" in fields:
        fields["role"] = Role(fields["role"]).value
    with ws.write(actor) as w:
        w.put("membership", membership_id, fields)


def add_meeting(
    ws: Workspace,
    *,
    group_id: str,
    date: str,
    place: str = "",
    agenda: str = "",
    minutes: str = "",
    decisions: str = "",
    present: Sequence[str] = (),
    absent: Sequence[str] = (),
    actor: Actor | None = None,
    meeting_id: str | None = None,
) -> str:
    actor = actor or ws.actor()
    rules.check_keep_records(actor, group_id)
    _check_date(date)
    meeting_id = meeting_id or uuid7()
    with ws.write(actor) as w:
        w.put(
            "meeting",
            meeting_id,
            {"group_id": group_id, "date": date, "place": place, "agenda": agenda,
             "minutes": minutes, "decisions": decisions, "deleted": 0},
        )
        for person_id, here in [(p, 1) for p in present] + [(p, 0) for p in absent]:
            _put_attendance(w, meeting_id, person_id, here)
    return meeting_id


def _put_attendance(w: Writer, meeting_id: str, person_id: str, present: int) -> None:
    w.put(
        "attendance",
        derived_id("attendance", meeting_id, person_id),
        {"meeting_id": meeting_id, "person_id": person_id, "present": present},
    )


def update_meeting(
    ws: Workspace, meeting_id: str, changes: Mapping[str, Any], *, actor: Actor | None = None
) -> None:
    row = _row(ws, "SELECT group_id FROM meeting WHERE id = ?", meeting_id)
    if row is None:
        raise NotFound("There is no such meeting.")
    actor = actor or ws.actor()
    rules.check_keep_records(actor, row[0])
    if set(changes) - {"date", "place", "agenda", "minutes", "decisions", "deleted"}:
        raise ValueError("not a meeting field")
    if "date" in changes:
        _check_date(changes["date"])
    with ws.write(actor) as w:
        w.put("meeting", meeting_id, dict(changes))


def set_attendance(
    ws: Workspace, meeting_id: str, person_id: str, present: bool, *, actor: Actor | None = None
) -> None:
    row = _row(ws, "SELECT group_id FROM meeting WHERE id = ?", meeting_id)
    if row is None:
        raise NotFound("There is no such meeting.")
    actor = actor or ws.actor()
    rules.check_keep_records(actor, row[0])
    with ws.write(actor) as w:
        _put_attendance(w, meeting_id, person_id, int(present))
