"""Every change a user can make, as one function: check the rules, then write events.

The GUI, the command line and the demo all call these, so each change obeys
the same rules of :mod:`kplan_desktop.core.rules` wherever it comes from.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from ..core import rules
from ..core.errors import (
    InvalidInput,
    InvalidTransition,
    KPlanError,
    NotFound,
    PermissionDenied,
)
from ..core.ids import derived_id, uuid7
from ..core.model import (
    Actor,
    GroupKind,
    RemarkStatus,
    RemarkType,
    Role,
    SectionKind,
    SectionState,
)
from . import permissions
from .workspace import Workspace, Writer

#: Told ``(done, total)`` by a long change; answering False stops it (nothing is written).
Progress = Callable[[int, int], bool]


class Cancelled(KPlanError):
    """A long change stopped by its user; its transaction was rolled back."""


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise Cancelled("Stopped; nothing was changed.")


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@contextlib.contextmanager
def _writing(ws: Workspace, writer: Writer | None, actor: Actor) -> Iterator[Writer]:
    """The caller's open writer (a draft import: all in one transaction), else a new one."""
    if writer is not None:
        yield writer
    else:
        with ws.write(actor) as w:
            yield w


def _row(ws: Workspace, sql: str, *args: Any) -> Any:
    return ws.conn.execute(sql, args).fetchone()


# --- the plan and this copy -------------------------------------------------------------------


def init_plan(
    ws: Workspace,
    *,
    device_id: str,
    person_id: str,
    title: str,
    full_name: str,
    email: str,
    public_key: str,
    fingerprint: str,
    nonce: str | None = None,
    period: str = "",
    organisation: str = "",
    coordination_code: str = "KDG",
    coordination_name: str = "Koordinacinė darbo grupė",
    is_demo: bool = False,
) -> str:
    """Make a new plan in an empty workspace; its creator is the coordination secretary.

    The plan's id is derived from the creator's key (store.permissions.plan_id_for), so
    no one else can ever pass for its founder. Returns the plan's id.
    """
    if not title.strip():
        raise InvalidInput("The plan needs a title.")
    if not full_name.strip():
        raise InvalidInput("Your name is needed: it stands under every remark you write.")
    nonce = nonce or uuid7()
    plan_id = permissions.plan_id_for(public_key, device_id, person_id, nonce)
    with ws.raw_transaction() as conn:
        conn.execute(
            "INSERT INTO local_identity (singleton, plan_id, device_id, person_id, fingerprint,"
            " public_key, is_demo) VALUES (1, ?, ?, ?, ?, ?, ?)",
            (plan_id, device_id, person_id, fingerprint, public_key, int(is_demo)),
        )
        conn.execute(
            "INSERT INTO device_key (device_id, public_key, person_id) VALUES (?, ?, ?)",
            (device_id, public_key, person_id),
        )
    group_id = permissions.founding_group_id(plan_id)
    with ws.write() as w:
        w.put("plan", plan_id, {"title": title.strip(), "period": period, "languages": "lt,en",
                                "founder_key": public_key, "nonce": nonce})
        w.put(
            "person",
            person_id,
            {
                "full_name": full_name.strip(),
                "email": email.strip(),
                "organisation": organisation,
                "public_key": public_key,
                "fingerprint": fingerprint,
            },
        )
        w.put(
            "work_group",
            group_id,
            {
                "code": coordination_code,
                "name": coordination_name,
                "kind": GroupKind.COORDINATION.value,
                "mandate": "",
                "archived": 0,
            },
        )
        _put_membership(w, permissions.founding_membership_id(plan_id), group_id, person_id,
                        Role.SECRETARY, "", "")
    return plan_id


def _put_membership(
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


# --- remarks -------------------------------------------------------------------------------------


def _current_round(ws: Workspace, today: str) -> str | None:
    row = _row(
        ws,
        "SELECT id FROM review_round WHERE deleted = 0 AND opens <= ? AND (closes = '' OR"
        " closes >= ?) ORDER BY opens DESC LIMIT 1",
        today,
        today,
    ) or _row(ws, "SELECT id FROM review_round WHERE deleted = 0 ORDER BY opens DESC LIMIT 1")
    return row[0] if row else None


def locate_quote(body: str, quote: str, start: int | None = None) -> tuple[int, int]:
    """Where the quoted passage stands in the text; the given start wins if it still fits."""
    if start is not None and body[start : start + len(quote)] == quote:
        return start, start + len(quote)
    found = body.find(quote)
    if found < 0:
        raise InvalidInput("The quoted passage does not occur in the section's text.")
    return found, found + len(quote)


def add_remark(
    ws: Workspace,
    *,
    section_id: str,
    remark_type: RemarkType | str,
    text: str,
    quote: str = "",
    quote_start: int | None = None,
    proposed: str = "",
    justification: str = "",
    round_id: str | None = None,
    actor: Actor | None = None,
    remark_id: str | None = None,
    created_at: str | None = None,
) -> str:
    """Write a new remark on the section's current text; returns its id."""
    actor = actor or ws.actor()
    if not rules.may_write_remarks(actor):
        raise PermissionDenied("Only members of a working group can write remarks.")
    if not text.strip():
        raise InvalidInput("The remark is empty; write what you want to say.")
    remark_type = _remark_type(remark_type)
    section = _row(ws, "SELECT head_revision_id, body FROM section WHERE id = ?", section_id)
    if section is None:
        raise NotFound("There is no such section in this plan.")
    start = end = None
    if quote:
        start, end = locate_quote(section[1], quote, quote_start)
    created_at = created_at or utc_now()
    remark_id = remark_id or uuid7()
    with ws.write(actor) as w:
        w.put(
            "remark",
            remark_id,
            {
                "section_id": section_id,
                "revision_id": section[0],
                "quote": quote,
                "quote_start": start,
                "quote_end": end,
                "author_id": actor.person_id,
                "group_id": actor.home_group,
                "round_id": round_id or _current_round(ws, created_at[:10]),
                "type": remark_type.value,
                "text": text.strip(),
                "proposed": proposed.strip(),
                "justification": justification.strip(),
                "created_at": created_at,
                "status": RemarkStatus.NEW.value,
                "response": "",
                "responded_by": None,
                "responded_at": None,
            },
        )
    return remark_id


def _remark_type(value: RemarkType | str) -> RemarkType:
    try:
        return RemarkType(value)
    except ValueError:
        raise InvalidInput(
            "“{value}” is not a remark type; use general, technical or editorial.", value=value
        ) from None


def _status(value: RemarkStatus | str) -> RemarkStatus:
    try:
        return RemarkStatus(value)
    except ValueError:
        names = ", ".join(s.value for s in RemarkStatus)
        raise InvalidInput("“{value}” is not a status; use one of {names}.", value=value,
                           names=names) from None


def _remark(ws: Workspace, remark_id: str) -> Any:
    row = _row(
        ws,
        "SELECT r.author_id, r.group_id, s.responsible_group_id, r.status, r.response"
        " FROM remark r JOIN section s ON s.id = r.section_id WHERE r.id = ?",
        remark_id,
    )
    if row is None:
        raise NotFound("There is no remark {id} in this plan.", id=remark_id)
    return row


def answer_remarks(
    ws: Workspace,
    remark_ids: Sequence[str],
    status: RemarkStatus | str,
    response: str | None = None,
    *,
    actor: Actor | None = None,
    responded_at: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Set one status and response on many remarks in one transaction; returns how many.

    ``progress`` hears how far it got; when it answers False the whole change is
    rolled back and :class:`Cancelled` raised.
    """
    actor = actor or ws.actor()
    new = _status(status)
    if new is RemarkStatus.WITHDRAWN:
        raise InvalidTransition("Only the author can withdraw a remark.")
    responded_at = responded_at or utc_now()
    total = len(remark_ids)
    with ws.write(actor) as w:
        for done, remark_id in enumerate(remark_ids):
            if done % 50 == 0:
                _tick(progress, done, total)
            _, group, section_group, current, old_response = _remark(ws, remark_id)
            rules.check_answer(actor, group, section_group)
            text = old_response if response is None else response.strip()
            rules.check_transition(RemarkStatus(current), new, by_author=False, response=text)
            w.put(
                "remark",
                remark_id,
                {
                    "status": new.value,
                    "response": text,
                    "responded_by": actor.person_id,
                    "responded_at": responded_at,
                },
            )
        _tick(progress, total, total)
    return len(remark_ids)


def answer_remark(
    ws: Workspace,
    remark_id: str,
    status: RemarkStatus | str,
    response: str | None = None,
    *,
    actor: Actor | None = None,
) -> None:
    answer_remarks(ws, [remark_id], status, response, actor=actor)


def restore_answer(
    ws: Workspace,
    remark_id: str,
    *,
    status: RemarkStatus | str,
    response: str,
    responded_by: str | None,
    responded_at: str | None,
    actor: Actor | None = None,
) -> None:
    """Put back an answer as it was before (undo): a new event with the earlier values.

    An undo may need a move the rules do not offer forwards (back to "new"), so
    only the permission is checked here, and a withdrawn remark stays withdrawn.
    """
    actor = actor or ws.actor()
    _, group, section_group, current, _ = _remark(ws, remark_id)
    rules.check_answer(actor, group, section_group)
    if RemarkStatus(current) is RemarkStatus.WITHDRAWN:
        raise InvalidTransition("The author has withdrawn this remark meanwhile.")
    with ws.write(actor) as w:
        w.put(
            "remark",
            remark_id,
            {"status": _status(status).value, "response": response,
             "responded_by": responded_by, "responded_at": responded_at},
        )


def restore_answers(
    ws: Workspace,
    earlier: Sequence[Mapping[str, Any]],
    *,
    actor: Actor | None = None,
    progress: Progress | None = None,
) -> int:
    """Put back many earlier answers (undo of a bulk answer) in one transaction.

    ``earlier``: rows with id, status, response, responded_by, responded_at. A
    remark its author withdrew meanwhile stays withdrawn (skipped). Returns how
    many were put back; cancelling through ``progress`` rolls all of it back.
    """
    actor = actor or ws.actor()
    total = len(earlier)
    restored = 0
    with ws.write(actor) as w:
        for done, row in enumerate(earlier):
            if done % 50 == 0:
                _tick(progress, done, total)
            remark_id = str(row["id"])
            _, group, section_group, current, _ = _remark(ws, remark_id)
            rules.check_answer(actor, group, section_group)
            if RemarkStatus(current) is RemarkStatus.WITHDRAWN:
                continue
            w.put(
                "remark",
                remark_id,
                {"status": _status(row["status"]).value, "response": row["response"],
                 "responded_by": row["responded_by"], "responded_at": row["responded_at"]},
            )
            restored += 1
        _tick(progress, total, total)
    return restored


_EDITABLE_REMARK_FIELDS = frozenset({"type", "text", "proposed", "justification"})


def edit_remark(
    ws: Workspace, remark_id: str, changes: Mapping[str, Any], *, actor: Actor | None = None
) -> None:
    """Change the author's own remark while it is unanswered."""
    actor = actor or ws.actor()
    unknown = set(changes) - _EDITABLE_REMARK_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    author, _, _, current, _ = _remark(ws, remark_id)
    rules.check_edit_remark(actor, author, RemarkStatus(current))
    fields = dict(changes)
    if "type" in fields:
        fields["type"] = _remark_type(fields["type"]).value
    if "text" in fields and not str(fields["text"]).strip():
        raise InvalidInput("The remark is empty; write what you want to say.")
    with ws.write(actor) as w:
        w.put("remark", remark_id, fields)


def withdraw_remark(ws: Workspace, remark_id: str, *, actor: Actor | None = None) -> None:
    set_own_remark_status(ws, remark_id, RemarkStatus.WITHDRAWN, actor=actor)


def set_own_remark_status(
    ws: Workspace, remark_id: str, status: RemarkStatus, *, actor: Actor | None = None
) -> None:
    """The author withdraws a remark, or takes a withdrawal back (to new)."""
    actor = actor or ws.actor()
    author, _, _, current, response = _remark(ws, remark_id)
    if not rules.may_edit_remark(actor, author):
        raise PermissionDenied("You can withdraw only your own remarks.")
    rules.check_transition(RemarkStatus(current), status, by_author=True, response=response)
    with ws.write(actor) as w:
        w.put("remark", remark_id, {"status": status.value})


# --- sections ------------------------------------------------------------------------------------


def add_section(
    ws: Workspace,
    *,
    parent_id: str | None,
    kind: SectionKind | str,
    code: str,
    title: str,
    body: str = "",
    responsible_group_id: str | None = None,
    position: int | None = None,
    unit: str = "",
    baseline: str = "",
    target: str = "",
    state: SectionState = SectionState.DRAFT,
    actor: Actor | None = None,
    writer: Writer | None = None,
) -> str:
    """A new section with its first revision; returns its id."""
    actor = actor or ws.actor()
    group = responsible_group_id
    if group is None and parent_id is not None:
        parent = _row(ws, "SELECT responsible_group_id FROM section WHERE id = ?", parent_id)
        group = parent[0] if parent else None
    rules.check_edit_section(actor, group)
    if position is None:
        position = _row(
            ws,
            "SELECT COALESCE(MAX(position) + 1, 0) FROM section WHERE parent_id IS ?",
            parent_id,
        )[0]
    section_id = uuid7()
    with _writing(ws, writer, actor) as w:
        w.put(
            "section",
            section_id,
            {
                "parent_id": parent_id,
                "position": position,
                "kind": SectionKind(kind).value,
                "code": code,
                "responsible_group_id": group,
                "state": state.value,
                "unit": unit,
                "baseline": baseline,
                "target": target,
                "deleted": 0,
            },
        )
        w.put(
            "section_revision",
            uuid7(),
            {"section_id": section_id, "parents": [], "title": title, "body": body},
        )
    return section_id


def _section_group(ws: Workspace, section_id: str) -> Any:
    row = _row(
        ws, "SELECT responsible_group_id, head_revision_id FROM section WHERE id = ?", section_id
    )
    if row is None:
        raise NotFound("There is no such section in this plan.")
    return row


def revise_section(
    ws: Workspace,
    section_id: str,
    *,
    title: str,
    body: str,
    parents: Sequence[str] | None = None,
    actor: Actor | None = None,
    writer: Writer | None = None,
) -> str | None:
    """A new revision of the section's title and body; None when nothing changed.

    ``parents`` defaults to the shown head; resolving a conflict names both heads.
    With ``writer`` the change joins that open transaction (a draft import).
    """
    actor = actor or ws.actor()
    group, head = _section_group(ws, section_id)
    rules.check_edit_section(actor, group)
    current = _row(ws, "SELECT title, body FROM section WHERE id = ?", section_id)
    if parents is None and (current[0], current[1]) == (title, body):
        return None
    revision_id = uuid7()
    fields = {
        "section_id": section_id,
        "parents": list(parents) if parents is not None else ([head] if head else []),
        "title": title,
        "body": body,
    }
    with _writing(ws, writer, actor) as w:
        w.put("section_revision", revision_id, fields)
    return revision_id


_SECTION_SCALARS = frozenset(
    {"parent_id", "position", "kind", "code", "responsible_group_id", "state", "unit",
     "baseline", "target", "deleted"}
)


def update_section(
    ws: Workspace, section_id: str, changes: Mapping[str, Any], *, actor: Actor | None = None,
    writer: Writer | None = None,
) -> None:
    """Change a section's state, code, place in the tree or indicator fields.

    With ``writer`` the change joins that open transaction (a draft import).
    """
    actor = actor or ws.actor()
    unknown = set(changes) - _SECTION_SCALARS
    if unknown:
        raise ValueError(f"not a section field: {sorted(unknown)}")
    group, _ = _section_group(ws, section_id)
    rules.check_edit_section(actor, group)
    if "responsible_group_id" in changes:
        rules.check_edit_section(actor, changes["responsible_group_id"])
    fields = dict(changes)
    if "state" in fields:
        fields["state"] = SectionState(fields["state"]).value
    with _writing(ws, writer, actor) as w:
        w.put("section", section_id, fields)


# --- group records -------------------------------------------------------------------------------


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
            _put_membership(w, uuid7(), group_id, person_id, role, since, "")
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
        _put_membership(w, membership_id, group_id, person_id, Role(role), since, until)
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


def _check_date(value: str) -> None:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            "“{value}” is not a date; write it as 2024-03-15.", value=value
        ) from None


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


def add_round(
    ws: Workspace,
    *,
    name: str,
    opens: str,
    closes: str,
    draft_revision: str = "",
    actor: Actor | None = None,
) -> str:
    actor = actor or ws.actor()
    rules.check_coordinate(actor)
    _check_date(opens)
    _check_date(closes)
    if closes < opens:
        raise InvalidInput("A review round cannot close before it opens.")
    round_id = uuid7()
    with ws.write(actor) as w:
        w.put(
            "review_round",
            round_id,
            {"name": name, "draft_revision": draft_revision, "opens": opens, "closes": closes,
             "deleted": 0},
        )
    return round_id


def update_round(
    ws: Workspace, round_id: str, changes: Mapping[str, Any], *, actor: Actor | None = None
) -> None:
    actor = actor or ws.actor()
    rules.check_coordinate(actor)
    if set(changes) - {"name", "draft_revision", "opens", "closes", "deleted"}:
        raise ValueError("not a round field")
    with ws.write(actor) as w:
        w.put("review_round", round_id, dict(changes))


def save_response_template(
    ws: Workspace,
    *,
    title: str,
    text: str,
    status: str = "",
    template_id: str | None = None,
    actor: Actor | None = None,
) -> str:
    actor = actor or ws.actor()
    if not (actor.coordinates or actor.officer_groups):
        raise PermissionDenied("Only secretaries and chairs keep response templates.")
    template_id = template_id or uuid7()
    with ws.write(actor) as w:
        w.put("response_template", template_id,
              {"title": title, "status": status, "text": text, "deleted": 0})
    return template_id
