"""The attendance sheet's data (documents/attendance.py), read from a real workspace: who is
on it, what each cell says, the totals."""

from __future__ import annotations

from pathlib import Path

import pytest

from kplan_desktop.core.errors import InvalidInput, NotFound
from kplan_desktop.core.model import Role
from kplan_desktop.documents.attendance import build_attendance
from kplan_desktop.store import actions
from tests.helpers import make_plan


def test_sheet_of_a_year(tmp_path: Path) -> None:
    ws = make_plan(tmp_path / "plan.kplan")
    try:
        group = actions.add_group(ws, code="APL", name="Aplinkos darbo grupė")
        ona = actions.add_person(ws, full_name="Ona Šaulienė", group_id=group,
                                 role=Role.CHAIR, since="2025-01-01")
        left = actions.add_person(ws, full_name="Algis Buvęs", group_id=group,
                                  since="2024-01-01")
        later = actions.add_person(ws, full_name="Vėlesnis Narys", group_id=group,
                                   since="2027-01-01")
        guest = actions.add_person(ws, full_name="Svečias Kitas")  # no membership
        membership = ws.conn.execute("SELECT id FROM membership WHERE person_id = ?",
                                     (left,)).fetchone()[0]
        actions.end_membership(ws, membership, "2026-03-31")
        first = actions.add_meeting(ws, group_id=group, date="2026-02-01",
                                    present=[ona, guest], absent=[left])
        second = actions.add_meeting(ws, group_id=group, date="2026-06-01", present=[ona])
        actions.add_meeting(ws, group_id=group, date="2025-12-31", present=[ona, left])
        deleted = actions.add_meeting(ws, group_id=group, date="2026-07-01", present=[ona])
        actions.update_meeting(ws, deleted, {"deleted": 1})

        sheet = build_attendance(ws, group, 2026)
    finally:
        ws.close()
    assert [m.id for m in sheet.meetings] == [first, second]  # the year's, not deleted
    # Members of the year (one who left stays), anyone marked; not one who joins later.
    assert [p.full_name for p in sheet.members] == [
        "Algis Buvęs", "Ona Šaulienė", "Svečias Kitas"]
    assert later not in {p.person_id for p in sheet.members}
    assert {p.full_name: p.role for p in sheet.members}["Svečias Kitas"] == ""
    assert sheet.mark(left, first) is False
    assert sheet.mark(left, second) is None  # not recorded: no longer a member
    assert sheet.mark(guest, first) is True
    assert sheet.member_total(ona) == 2 and sheet.member_total(left) == 0
    assert sheet.meeting_total(first) == 2 and sheet.meeting_total(second) == 1
    assert sheet.total == 3


def test_sheet_refuses_what_it_cannot_be(tmp_path: Path) -> None:
    ws = make_plan(tmp_path / "plan.kplan")
    try:
        group = actions.add_group(ws, code="APL", name="Aplinkos darbo grupė")
        with pytest.raises(InvalidInput):
            build_attendance(ws, group, 226)
        with pytest.raises(NotFound):
            build_attendance(ws, "0190a000-0000-7000-8000-000000000000", 2026)
        empty = build_attendance(ws, group, 2026)
        assert empty.meetings == () and empty.total == 0
    finally:
        ws.close()


def test_a_mark_taken_back_is_not_recorded_and_only_marks_are_allowed(tmp_path: Path) -> None:
    """Undo of a first mark writes "not marked" (-1): the sheet, the minutes' lists and the
    command line read nothing for it; the permission table refuses anything but a mark."""
    from kplan_desktop.core.model import Actor, GroupKind, Membership
    from kplan_desktop.core.permissions import NOT_MARKED, Change, judge
    from kplan_desktop.store import queries

    ws = make_plan(tmp_path / "p.kplan")
    try:
        group = actions.add_group(ws, code="APL", name="Aplinka")
        person = actions.add_person(ws, full_name="Jonas Petraitis", group_id=group,
                                    since="2024-01-01")
        meeting = actions.add_meeting(ws, group_id=group, date="2024-03-15")
        actions.update_meeting(ws, meeting, {}, present=[person])
        actions.update_meeting(ws, meeting, {}, unmarked=[person])
        assert queries.attendance(ws, meeting) == []
        assert ws.conn.execute("SELECT present FROM attendance").fetchone()[0] == NOT_MARKED
        sheet = build_attendance(ws, group, 2024)
        assert sheet.marks == {}
        actions.update_meeting(ws, meeting, {}, absent=[person])  # marked again later
        assert [a["present"] for a in queries.attendance(ws, meeting)] == [0]
        # Taking back a mark never made writes nothing.
        other = actions.add_meeting(ws, group_id=group, date="2024-04-15")
        actions.update_meeting(ws, other, {}, unmarked=[person])
        assert ws.conn.execute("SELECT COUNT(*) FROM attendance WHERE meeting_id = ?",
                               (other,)).fetchone()[0] == 0
    finally:
        ws.close()
    secretary = Actor("p", (Membership(group, GroupKind.THEMATIC, Role.SECRETARY),))
    for mark, allowed in ((1, True), (0, True), (-1, True), (2, False), ("1", False),
                          (None, False)):
        change = Change("attendance", "a", {"present": mark}, existing={"meeting_id": "m"},
                        groups=frozenset({group}))
        assert (judge(secretary, change) is None) == allowed, mark
