"""Every change a user can make, as one function: check the rules, then write events.

The GUI, the command line and the demo all call these, so each change obeys
the same rules of :mod:`kplan_desktop.core.rules` wherever it comes from.

This module keeps the plan, remarks, review rounds and response templates; the
sections are in :mod:`.section_actions`, the group records in :mod:`.record_actions`.
Their names are imported here too (``__all__``), so ``actions.add_group`` stays the
one way in for callers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..core import rules
from ..core.errors import (
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
)
from ..core.ids import uuid7
from ..core.model import (
    Actor,
    GroupKind,
    RemarkStatus,
    RemarkType,
    Role,
)
from . import permissions, remark_numbers
from .action_common import Cancelled, Progress, check_date, utc_now
from .action_common import row as _row
from .action_common import tick as _tick
from .record_actions import (
    RosterChange,
    add_group,
    add_meeting,
    add_member,
    add_membership,
    add_person,
    apply_roster,
    change_role,
    current_membership,
    end_membership,
    gender_field,
    put_membership,
    remove_membership,
    set_attendance,
    update_group,
    update_meeting,
    update_member,
    update_membership,
    update_person,
)
from .section_actions import add_section, revise_section, update_section
from .workspace import Workspace

__all__ = [
    "Cancelled",
    "Progress",
    "RosterChange",
    "add_group",
    "add_meeting",
    "add_member",
    "add_membership",
    "add_person",
    "add_remark",
    "add_round",
    "add_section",
    "answer_remark",
    "answer_remarks",
    "apply_roster",
    "change_role",
    "current_membership",
    "edit_remark",
    "end_membership",
    "gender_field",
    "init_plan",
    "locate_quote",
    "remove_membership",
    "restore_answer",
    "restore_answers",
    "revise_section",
    "save_response_template",
    "set_attendance",
    "set_own_remark_status",
    "update_group",
    "update_meeting",
    "update_member",
    "update_membership",
    "update_person",
    "update_round",
    "update_section",
    "utc_now",
    "withdraw_remark",
]


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
                **gender_field(full_name, None),
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
        put_membership(w, permissions.founding_membership_id(plan_id), group_id, person_id,
                        Role.SECRETARY, "", "")
    return plan_id



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
    rules.check_remark_text(text)
    remark_type = _remark_type(remark_type)
    section = _row(ws, "SELECT head_revision_id, body, deleted FROM section WHERE id = ?",
                   section_id)
    if section is None:
        raise NotFound("There is no such section in this plan.")
    if section[2]:
        raise InvalidInput(
            "This section was removed from the latest draft; write the remark on the section"
            " that took its place."
        )
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
        remark_numbers.number_remarks(w)  # a secretary's copy numbers it at once
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
    if "text" in fields:
        rules.check_remark_text(str(fields["text"]))
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


# --- review rounds and response templates --------------------------------------------------------


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
    check_date(opens)
    check_date(closes)
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
