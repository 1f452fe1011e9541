"""Changes to the group records: groups, people, memberships, meetings, attendance.

Each checks the rules, then writes its events in one transaction; ``Writer.put``
judges every event by the permission table, as an import judges the same event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..core import rules
from ..core.errors import InvalidInput, KPlanError, NotFound, PermissionDenied
from ..core.grammar import Gender, guess_gender, parse_gender
from ..core.ids import derived_id, uuid7
from ..core.model import Actor, GroupKind, Role
from ..core.permissions import ABSENT, NOT_MARKED, PRESENT
from .action_common import Progress, tick
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
    fields = dict(changes)
    for key in ("name", "code"):
        if key in fields:
            fields[key] = str(fields[key]).strip()
            if not fields[key]:
                raise InvalidInput("A group needs a code and a name.")
    if "archived" in fields:
        fields["archived"] = int(bool(fields["archived"]))
    _check_code_free(ws, group_id, fields)
    with ws.write(actor) as w:
        w.put("work_group", group_id, fields)


def _check_code_free(ws: Workspace, group_id: str, fields: Mapping[str, Any]) -> None:
    """A group working again, or renamed, may not take the code of another working group."""
    row = _row(ws, "SELECT code, archived FROM work_group WHERE id = ?", group_id)
    if row is None:
        raise NotFound("There is no such group.")
    code = fields.get("code", row[0])
    if fields.get("archived", row[1]) or ("code" not in fields and "archived" not in fields):
        return
    if _row(ws, "SELECT 1 FROM work_group WHERE code = ? AND archived = 0 AND id != ?",
            code, group_id):
        raise InvalidInput("There is already a group with the code {code}.", code=code)


def add_person(
    ws: Workspace,
    *,
    full_name: str,
    email: str = "",
    organisation: str = "",
    group_id: str | None = None,
    role: Role = Role.EXPERT,
    since: str = "",
    gender: Gender | str | None = None,
    actor: Actor | None = None,
) -> str:
    """A new person, made a member of ``group_id`` when given. ``gender`` None: guessed
    from the name (see core.grammar)."""
    actor = actor or ws.actor()
    if group_id is not None:
        rules.check_keep_records(actor, group_id)
    elif not (actor.coordinates or actor.officer_groups):
        raise PermissionDenied("Only a group's secretary or chair can add people.")
    if not full_name.strip():
        raise InvalidInput("A person needs a name.")
    if since:
        _check_date(since)
    person_id = uuid7()
    with ws.write(actor) as w:
        w.put(
            "person",
            person_id,
            {"full_name": full_name.strip(), "email": email.strip(),
             "organisation": organisation.strip(), "public_key": "", "fingerprint": "",
             **gender_field(full_name, gender)},
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
        for person_id, here in _marks(present, absent, ()):
            _put_attendance(w, meeting_id, person_id, here)
    return meeting_id


def _marks(present: Sequence[str], absent: Sequence[str],
           unmarked: Sequence[str]) -> list[tuple[str, int]]:
    return ([(p, PRESENT) for p in present] + [(p, ABSENT) for p in absent]
            + [(p, NOT_MARKED) for p in unmarked])


def _put_attendance(w: Writer, meeting_id: str, person_id: str, present: int) -> None:
    attendance_id = derived_id("attendance", meeting_id, person_id)
    # Once made, an attendance's meeting and person never change: only "present" is set.
    if _attendance_exists(w, meeting_id, person_id):
        w.put("attendance", attendance_id, {"present": present})
    else:
        w.put("attendance", attendance_id,
              {"meeting_id": meeting_id, "person_id": person_id, "present": present})


def update_meeting(
    ws: Workspace,
    meeting_id: str,
    changes: Mapping[str, Any],
    *,
    present: Sequence[str] = (),
    absent: Sequence[str] = (),
    unmarked: Sequence[str] = (),
    actor: Actor | None = None,
) -> None:
    """Change a meeting and mark who was there or not, in one transaction. ``unmarked``:
    people whose mark is taken back (undo of a first mark), as if never marked."""
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
        if changes:
            w.put("meeting", meeting_id, dict(changes))
        for person_id, here in _marks(present, absent, unmarked):
            if here != NOT_MARKED or _attendance_exists(w, meeting_id, person_id):
                _put_attendance(w, meeting_id, person_id, here)


def _attendance_exists(w: Writer, meeting_id: str, person_id: str) -> bool:
    return w.conn.execute("SELECT 1 FROM attendance WHERE id = ?", (
        derived_id("attendance", meeting_id, person_id),)).fetchone() is not None


def set_attendance(
    ws: Workspace, meeting_id: str, person_id: str, present: bool, *, actor: Actor | None = None
) -> None:
    """Mark one person present or absent: a meeting update that changes nothing else."""
    people = [person_id]
    update_meeting(ws, meeting_id, {}, present=people if present else (),
                   absent=() if present else people, actor=actor)


# --- people and their memberships ------------------------------------------------------------

_PERSON_FACTS = frozenset({"full_name", "email", "organisation", "gender"})


def gender_field(full_name: str, gender: Gender | str | None) -> dict[str, str]:
    """A new person's gender field: as given, else guessed from the name. Left out when
    unspecified (the column's default), so copies of an older version still take it."""
    chosen = guess_gender(full_name) if gender is None else parse_gender(str(gender))
    return {} if chosen is Gender.UNSPECIFIED else {"gender": chosen.value}


def _person_changes(changes: Mapping[str, Any]) -> dict[str, str]:
    unknown = set(changes) - _PERSON_FACTS
    if unknown:
        raise ValueError(f"not a person field: {sorted(unknown)}")
    fields = {k: str(v).strip() for k, v in changes.items()}
    if "full_name" in fields and not fields["full_name"]:
        raise InvalidInput("A person needs a name.")
    if "gender" in fields:
        fields["gender"] = parse_gender(fields["gender"]).value
    return fields


def _check_person_officer(ws: Workspace, actor: Actor, person_id: str) -> None:
    """The person themself, the coordination officers, or an officer of one of their groups
    (the permission table's rule, said as a sentence before anything is written)."""
    if actor.coordinates or actor.person_id == person_id:
        return
    groups = {r[0] for r in ws.conn.execute(
        "SELECT group_id FROM membership WHERE person_id = ? AND deleted = 0", (person_id,))}
    if not actor.officer_groups & groups:
        raise PermissionDenied(
            "Only the secretary or chair of one of this person's groups can change their"
            " record.")


def update_person(
    ws: Workspace, person_id: str, changes: Mapping[str, Any], *, actor: Actor | None = None
) -> None:
    """Change a person's name, e-mail, organisation or gender."""
    if _row(ws, "SELECT 1 FROM person WHERE id = ?", person_id) is None:
        raise NotFound("There is no such person in this plan.")
    actor = actor or ws.actor()
    fields = _person_changes(changes)
    _check_person_officer(ws, actor, person_id)
    with ws.write(actor) as w:
        if fields:
            w.put("person", person_id, fields)


def current_membership(ws: Workspace, group_id: str, person_id: str, today: str) -> str | None:
    """The person's membership of the group in force on ``today`` (or starting later), if any."""
    found = ws.conn.execute(
        "SELECT id FROM membership WHERE group_id = ? AND person_id = ? AND deleted = 0"
        " AND (until = '' OR until >= ?) ORDER BY since DESC, id DESC",
        (group_id, person_id, today),
    ).fetchall()
    return str(found[0][0]) if found else None


def _membership(ws: Workspace, membership_id: str) -> Any:
    row = _row(ws, "SELECT group_id, person_id, since, until, deleted FROM membership"
               " WHERE id = ?", membership_id)
    if row is None or row[4]:
        raise NotFound("There is no such membership.")
    return row


def update_member(
    ws: Workspace,
    membership_id: str,
    *,
    membership: Mapping[str, Any] | None = None,
    person: Mapping[str, Any] | None = None,
    actor: Actor | None = None,
) -> None:
    """Change a membership (role, since, until) and its person's record in one transaction."""
    group_id, person_id, since, until, _ = _membership(ws, membership_id)
    actor = actor or ws.actor()
    rules.check_keep_records(actor, group_id)
    m_fields = dict(membership or {})
    if set(m_fields) - {"role", "since", "until"}:
        raise ValueError("not a membership field")
    if "role" in m_fields:
        m_fields["role"] = _role(m_fields["role"]).value
    for key in ("since", "until"):
        if m_fields.get(key):
            _check_date(m_fields[key])
    _check_span(m_fields.get("since", since), m_fields.get("until", until))
    p_fields = _person_changes(person or {})
    if p_fields:
        _check_person_officer(ws, actor, person_id)
    with ws.write(actor) as w:
        if m_fields:
            w.put("membership", membership_id, m_fields)
        if p_fields:
            w.put("person", person_id, p_fields)


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise InvalidInput("“{value}” is not a role; use one of {names}.", value=value,
                           names=names) from None


def _check_span(since: str, until: str) -> None:
    if since and until and until < since:
        raise InvalidInput("A membership cannot end ({until}) before it starts ({since}).",
                           until=until, since=since)


def change_role(
    ws: Workspace, membership_id: str, role: Role | str, *, actor: Actor | None = None
) -> None:
    update_member(ws, membership_id, membership={"role": role}, actor=actor)


def end_membership(
    ws: Workspace, membership_id: str, until: str, *, actor: Actor | None = None
) -> None:
    """The member leaves the group on ``until``: the person, their remarks and the
    attendance of past meetings stay; the group's rights end after that day."""
    update_member(ws, membership_id, membership={"until": until}, actor=actor)


def remove_membership(ws: Workspace, membership_id: str, *, actor: Actor | None = None) -> None:
    """A membership added by mistake: marked deleted, as if it had never been (the
    person stays; an event cannot be taken back, so the row is kept, flagged)."""
    group_id, _, _, _, _ = _membership(ws, membership_id)
    actor = actor or ws.actor()
    rules.check_keep_records(actor, group_id)
    with ws.write(actor) as w:
        w.put("membership", membership_id, {"deleted": 1})


def add_member(
    ws: Workspace,
    *,
    group_id: str,
    person_id: str,
    role: Role | str = Role.EXPERT,
    since: str = "",
    today: str,
    actor: Actor | None = None,
) -> str:
    """A person joins a group; refused when they are a member of it already."""
    if current_membership(ws, group_id, person_id, today) is not None:
        raise InvalidInput("This person is already a member of the group; change their"
                           " membership instead.")
    if since:
        _check_date(since)
    return add_membership(ws, group_id=group_id, person_id=person_id, role=_role(role),
                          since=since, actor=actor)


# --- rosters -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RosterChange:
    """One row of a roster as a change: a new person, a new membership, or changes.

    ``person_id`` None: a new person; ``membership_id`` None: a new membership of the
    group. ``person`` and ``membership`` hold only the fields to set.
    """

    person_id: str | None
    membership_id: str | None
    person: Mapping[str, str]
    membership: Mapping[str, str]


class RosterOutdated(KPlanError):
    """The workspace changed between the roster's preview and its import."""


def apply_roster(
    ws: Workspace, group_id: str, changes: Sequence[RosterChange], *, since: str = "",
    actor: Actor | None = None, progress: Progress | None = None,
) -> int:
    """Apply a roster's previewed changes in one transaction; returns the events written.

    The preview was read before this transaction: what it relied on (a person's e-mail
    still free, a membership still in force) is checked again inside it, and a changed
    workspace refuses the whole import.
    """
    actor = actor or ws.actor()
    rules.check_keep_records(actor, group_id)
    written = 0
    total = len(changes)
    with ws.write(actor) as w:
        for done, change in enumerate(changes):
            if done % 50 == 0:
                tick(progress, done, total)
            person_id = change.person_id
            if person_id is None:
                email = change.person.get("email", "")
                if email and _row(ws, "SELECT 1 FROM person WHERE lower(email) = lower(?)",
                                  email):
                    raise RosterOutdated("The workspace changed since the preview; run the"
                                         " import again.")
                person_id = uuid7()
                w.put("person", person_id,
                      {"full_name": "", "email": "", "organisation": "", "public_key": "",
                       "fingerprint": "",
                       **gender_field(change.person.get("full_name", ""), None),
                       **change.person})
                written += 1
            if change.membership_id is None:
                role = Role(change.membership.get("role", Role.EXPERT.value))
                put_membership(w, uuid7(), group_id, person_id, role, since, "")
                written += 1
            else:
                state = _row(ws, "SELECT deleted FROM membership WHERE id = ?",
                             change.membership_id)
                if state is None or state[0]:
                    raise RosterOutdated("The workspace changed since the preview; run the"
                                         " import again.")
                if change.membership:
                    w.put("membership", change.membership_id, dict(change.membership))
                    written += 1
            # After the membership: the group's officer may then change the person's record.
            if change.person_id is not None and change.person:
                w.put("person", person_id, dict(change.person))
                written += 1
        tick(progress, total, total)
    return written


# --- a roster import as one undoable step ------------------------------------------------------


@dataclass(frozen=True)
class RosterUndo:
    """What a roster import changed, to write it back (undo) and again (redo).

    New people stay when undone (a person is never deleted: others' events may name
    them); their new memberships are marked deleted, as a membership added by mistake.
    """

    group_id: str
    new_memberships: tuple[str, ...]
    #: (membership id, role before, role after)
    roles: tuple[tuple[str, str, str], ...]
    #: (person id, fields before, fields after)
    people: tuple[tuple[str, Mapping[str, str], Mapping[str, str]], ...]


def _group_memberships(ws: Workspace, group_id: str) -> set[str]:
    return {str(r[0]) for r in ws.conn.execute(
        "SELECT id FROM membership WHERE group_id = ?", (group_id,))}


def apply_roster_undoable(
    ws: Workspace, group_id: str, changes: Sequence[RosterChange], *, since: str = "",
    actor: Actor | None = None, progress: Progress | None = None,
) -> tuple[int, RosterUndo]:
    """:func:`apply_roster`, and what it changed as a :class:`RosterUndo`."""
    known = _group_memberships(ws, group_id)
    roles: list[tuple[str, str, str]] = []
    people: list[tuple[str, Mapping[str, str], Mapping[str, str]]] = []
    for change in changes:
        if change.membership_id is not None and "role" in change.membership:
            found = _row(ws, "SELECT role FROM membership WHERE id = ?", change.membership_id)
            if found is not None:
                roles.append((change.membership_id, str(found[0]),
                              str(change.membership["role"])))
        if change.person_id is not None and change.person:
            fields = sorted(set(change.person) & _PERSON_FACTS)
            found = _row(ws, f"SELECT {', '.join(fields)} FROM person WHERE id = ?",
                         change.person_id) if fields else None
            if found is not None:
                people.append((change.person_id, dict(zip(fields, map(str, found), strict=True)),
                               {k: str(change.person[k]) for k in fields}))
    written = apply_roster(ws, group_id, changes, since=since, actor=actor, progress=progress)
    made = tuple(sorted(_group_memberships(ws, group_id) - known))
    return written, RosterUndo(group_id, made, tuple(roles), tuple(people))


def revert_roster(ws: Workspace, undo: RosterUndo, *, actor: Actor | None = None,
                  progress: Progress | None = None) -> None:
    """Write back what a roster import changed, in one transaction."""
    actor = actor or ws.actor()
    rules.check_keep_records(actor, undo.group_id)
    tick(progress, 0, 1)
    with ws.write(actor) as w:
        # The people first, while their memberships still make the officer theirs.
        for person_id, before, _ in undo.people:
            w.put("person", person_id, dict(before))
        for membership_id, before_role, _ in undo.roles:
            w.put("membership", membership_id, {"role": before_role})
        for membership_id in undo.new_memberships:
            w.put("membership", membership_id, {"deleted": 1})


def reapply_roster(ws: Workspace, undo: RosterUndo, *, actor: Actor | None = None,
                   progress: Progress | None = None) -> None:
    """Make a reverted roster import again, in one transaction."""
    actor = actor or ws.actor()
    rules.check_keep_records(actor, undo.group_id)
    tick(progress, 0, 1)
    with ws.write(actor) as w:
        for membership_id in undo.new_memberships:
            w.put("membership", membership_id, {"deleted": 0})
        for membership_id, _, after_role in undo.roles:
            w.put("membership", membership_id, {"role": after_role})
        for person_id, _, after in undo.people:
            w.put("person", person_id, dict(after))
