"""Who may change what, and how a remark's status may move. Plain functions.

The store calls these before every write and on every imported event, so the
GUI, the command line and sync all obey one set of rules.
"""

from __future__ import annotations

from .errors import InvalidInput, InvalidTransition, PermissionDenied
from .model import DECISIONS, Actor, RemarkStatus, Role

_OPEN = frozenset({RemarkStatus.NEW, RemarkStatus.UNDER_REVIEW})

#: Statuses a group officer may set, from each status.
_OFFICER_MOVES: dict[RemarkStatus, frozenset[RemarkStatus]] = {
    RemarkStatus.NEW: frozenset({RemarkStatus.UNDER_REVIEW, *DECISIONS}),
    RemarkStatus.UNDER_REVIEW: frozenset(DECISIONS),
    # A decision may be revised, or the remark reopened for review.
    **{d: frozenset({RemarkStatus.UNDER_REVIEW, *DECISIONS}) for d in DECISIONS},
    RemarkStatus.WITHDRAWN: frozenset(),
}

#: Statuses whose response must give the reasons (motyvai).
NEEDS_RESPONSE = frozenset({RemarkStatus.REJECTED, RemarkStatus.PARTLY_ACCEPTED})


def allowed_answers(current: RemarkStatus) -> frozenset[RemarkStatus]:
    """The statuses an officer may set on a remark now in ``current``."""
    return _OFFICER_MOVES[current]


def check_transition(
    current: RemarkStatus, new: RemarkStatus, *, by_author: bool, response: str
) -> None:
    """Raise InvalidTransition unless ``current -> new`` is a legal move."""
    if new == current:
        return
    if by_author and new is RemarkStatus.WITHDRAWN:
        if current not in _OPEN:
            raise InvalidTransition(
                "A remark that has been answered can no longer be withdrawn."
            )
        return
    if by_author and current is RemarkStatus.WITHDRAWN and new is RemarkStatus.NEW:
        return
    if new not in _OFFICER_MOVES[current]:
        raise InvalidTransition(
            "A remark cannot go from “{old}” to “{new}”.", old=current.value, new=new.value
        )
    check_response(new, response)


def check_response(new: RemarkStatus, response: str) -> None:
    """A rejection or partial acceptance gives its reasons (the answer dialog asks first)."""
    if new in NEEDS_RESPONSE and not response.strip():
        raise InvalidTransition(
            "A rejected or partly accepted remark needs a response giving the reasons."
        )


def may_answer(actor: Actor, remark_group: str | None, section_group: str | None) -> bool:
    """Status and response: officers of the remark's or the section's group, or coordination."""
    return actor.coordinates or actor.officer_of(remark_group) or actor.officer_of(section_group)


def check_answer(actor: Actor, remark_group: str | None, section_group: str | None) -> None:
    if not may_answer(actor, remark_group, section_group):
        raise PermissionDenied(
            "Only the secretary or chair of the remark's group can answer remarks."
        )


def may_edit_remark(actor: Actor, author_id: str) -> bool:
    """Remark content is its author's alone, whatever their role."""
    return actor.person_id == author_id


def check_edit_remark(actor: Actor, author_id: str, status: RemarkStatus) -> None:
    if not may_edit_remark(actor, author_id):
        raise PermissionDenied("You can change only your own remarks.")
    if status not in _OPEN:
        raise InvalidTransition("A remark that has been answered can no longer be edited.")


def may_write_remarks(actor: Actor) -> bool:
    """Anyone in a group may give remarks (observers and consultants read only)."""


    return any(m.role not in (Role.OBSERVER, Role.CONSULTANT) for m in actor.memberships)


def check_remark_text(text: str) -> None:
    """A remark says something (the remark dialog asks first)."""
    if not text.strip():
        raise InvalidInput("The remark is empty; write what you want to say.")


def may_edit_section(actor: Actor, responsible_group: str | None) -> bool:
    return actor.coordinates or actor.officer_of(responsible_group)


def check_edit_section(actor: Actor, responsible_group: str | None) -> None:
    if not may_edit_section(actor, responsible_group):
        raise PermissionDenied(
            "Only the secretary or chair of the responsible group can change this section."
        )


def may_keep_records(actor: Actor, group_id: str | None) -> bool:
    """Members, meetings, attendance and mandate of a group."""
    return actor.coordinates or actor.officer_of(group_id)


def check_keep_records(actor: Actor, group_id: str | None) -> None:
    if not may_keep_records(actor, group_id):
        raise PermissionDenied("Only the group's secretary or chair can change its records.")


def check_coordinate(actor: Actor) -> None:
    """Plan-wide records: the plan, new groups, review rounds."""
    if not actor.coordinates:
        raise PermissionDenied(
            "Only the secretary or chair of the coordination group can change this."
        )
