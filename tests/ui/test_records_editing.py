"""Editing the group records from the window as a secretary does: the page's toolbar
buttons, Enter and double-click on a row, the right-click menu; each change one undo step.

The plan's creator is the coordination group's secretary, who may keep every group's
records and add and archive groups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QToolBar,
    QToolButton,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kplan_desktop.core.model import Role
from kplan_desktop.store import actions, queries
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.record_dialogs import (
    EndMembershipDialog,
    GroupDialog,
    MeetingDialog,
    MemberDialog,
)
from kplan_desktop.ui.records import RecordsPage
from kplan_desktop.ui.settings import Settings

from .conftest import SmallPlan, build_small_plan

D = TypeVar("D", bound=QDialog)
YESTERDAY = (dt.date.today() - dt.timedelta(days=1)).isoformat()


@pytest.fixture(name="plan")
def plan_fixture(tmp_path: Path) -> SmallPlan:
    """The small plan, with a second member (the chair) and one meeting both attended."""
    small = build_small_plan(tmp_path / "plan.kplan", n_remarks=1)
    with Workspace.open(small.path) as ws:
        chair = actions.add_person(ws, full_name="Žydrūnė Šaulienė",
                                   email="zydrune.sauliene@kaunas.lt", group_id=small.group_id,
                                   role=Role.CHAIR, since="2024-01-01")
        actions.add_meeting(ws, group_id=small.group_id, date="2024-03-15", place="Rotušė",
                            agenda="1. Vizija", present=[chair, small.expert_id])
    return small


@pytest.fixture(name="page")
def page_fixture(qtbot: QtBot, settings: Settings, plan: SmallPlan) -> Iterator[RecordsPage]:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.open_workspace(plan.path)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.action_show_records()
    records = win.records_page
    assert records is not None
    records.show_group(plan.group_id)
    yield records
    win.close()


def _window(page: RecordsPage) -> MainWindow:
    window = page.window()
    assert isinstance(window, MainWindow)
    return window


def _dialog(page: RecordsPage, kind: type[D], qtbot: QtBot) -> D:
    """The dialog of ``kind`` open now (one closed before may wait to be deleted)."""

    def shown() -> list[D]:
        return [d for d in page.findChildren(kind) if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def _ok(dialog: QDialog, qtbot: QtBot) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _retype(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Select all and type (Lithuanian letters: QTest's key clicks take ASCII only)."""
    widget.setFocus()
    widget.selectAll()
    if isinstance(widget, QLineEdit):
        widget.insert(text)
    else:
        widget.insertPlainText(text)


def _click_toolbar(page: RecordsPage, bar_name: str, action_name: str, qtbot: QtBot) -> None:
    bar = page.findChild(QToolBar, bar_name)
    assert bar is not None
    action = next(a for a in bar.actions() if a.objectName() == action_name)
    button = bar.widgetForAction(action)
    assert isinstance(button, QToolButton) and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _row_point(view: QTableView, row: int) -> QPoint:
    return view.visualRect(view.model().index(row, 0)).center()


def _right_click_menu(view: QTableView, row: int) -> QMenu:
    """Right-click the row: the context menu event a mouse sends to the view."""
    pos = _row_point(view, row)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                              view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    menu = view.findChild(QMenu, f"{view.objectName()}Menu")
    assert menu is not None and menu.isVisible()
    return menu


def _choose(menu: QMenu, action_name: str) -> None:
    action = next(a for a in menu.actions() if a.objectName() == action_name)
    assert action.isEnabled()
    action.trigger()
    menu.close()


def _row_of(view: QTableView, text: str) -> int:
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == text:
            return row
    raise AssertionError(f"{text} is not listed")


def _members(plan: SmallPlan) -> dict[str, dict[str, object]]:
    with Workspace.open(plan.path) as ws:
        return {str(m["full_name"]): m for m in queries.members(ws, plan.group_id)}


def _group_names(plan: SmallPlan) -> dict[str, str]:
    with Workspace.open(plan.path) as ws:
        return {str(g["code"]): str(g["name"]) for g in queries.groups(ws)}


# --- groups ----------------------------------------------------------------------------------


def test_groups_added_renamed_and_archived(
        qtbot: QtBot, qtmodeltester: ModelTester, page: RecordsPage, plan: SmallPlan) -> None:
    window = _window(page)
    # Toolbar: a new group.
    _click_toolbar(page, "groupToolbar", "addGroup", qtbot)
    dialog = _dialog(page, GroupDialog, qtbot)
    _ok(dialog, qtbot)  # nothing typed: the dialog stays open, the store untouched
    assert dialog.isVisible() and "SOC" not in _group_names(plan)
    _retype(dialog.code, "SOC")
    _retype(dialog.name, "Socialinės aplinkos darbo grupė")
    _ok(dialog, qtbot)
    assert _group_names(plan)["SOC"] == "Socialinės aplinkos darbo grupė"
    assert "Socialinės aplinkos darbo grupė" in [
        page.groups.row_at(r)["name"] for r in range(page.groups.rowCount())]  # type: ignore[index]
    qtmodeltester.check(page.groups)
    window.undo_stack.undo()
    assert "SOC" not in _group_names(plan)
    window.undo_stack.redo()
    assert "SOC" in _group_names(plan)

    # Enter on a row: rename it.
    row = _row_of(page.group_view, "APL")
    page.group_view.setFocus()
    page.group_view.setCurrentIndex(page.groups.index(row, 0))
    qtbot.keyClick(page.group_view, Qt.Key.Key_Return)
    dialog = _dialog(page, GroupDialog, qtbot)
    assert dialog.name.text() == "Aplinkos darbo grupė"
    _retype(dialog.name, "Aplinkosaugos ir klimato darbo grupė")
    _ok(dialog, qtbot)
    assert _group_names(plan)["APL"] == "Aplinkosaugos ir klimato darbo grupė"
    assert "Aplinkosaugos ir klimato" in page.title.text()
    window.undo_stack.undo()
    assert _group_names(plan)["APL"] == "Aplinkos darbo grupė"

    # The right-click menu: archive; the group leaves the list, its records stay.
    menu = _right_click_menu(page.group_view, _row_of(page.group_view, "APL"))
    _choose(menu, "archiveGroup")
    assert "APL" not in _group_names(plan)
    assert "archived" in window.message_bar.label.text().lower()
    with Workspace.open(plan.path) as ws:
        assert len(queries.members(ws, plan.group_id)) == 2
        assert len(queries.meetings(ws, plan.group_id)) == 1
    window.undo_stack.undo()
    assert "APL" in _group_names(plan)
    stack = window.undo_stack  # one step each (the undone rename gave way to the archive)
    assert [stack.text(i) for i in range(stack.count())] == ["add a group", "archive the group"]


def test_archived_group_shown_on_request_and_restored(
        qtbot: QtBot, page: RecordsPage, plan: SmallPlan) -> None:
    window = _window(page)
    view = page.group_view
    _choose(_right_click_menu(view, _row_of(view, "APL")), "archiveGroup")
    assert "APL" not in _group_names(plan)
    with pytest.raises(AssertionError):
        _row_of(view, "APL")  # hidden by default
    page.show_archived.click()  # "Show archived groups"
    row = _row_of(view, "APL")
    assert page.groups.index(row, 1).data() == "Aplinkos darbo grupė (archived)"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(view, row))
    assert page.group_id == plan.group_id
    assert page.act_restore_group.isVisible() and not page.act_archive_group.isVisible()
    assert "archived" in page.title.text()
    # Enter opens its edit, as on any group.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    _dialog(page, GroupDialog, qtbot).reject()
    # The toolbar: restore; one undoable step.
    _click_toolbar(page, "groupToolbar", "restoreGroup", qtbot)
    assert _group_names(plan)["APL"] == "Aplinkos darbo grupė"
    assert "works again" in window.message_bar.label.text()
    row = _row_of(view, "APL")
    assert page.groups.index(row, 1).data() == "Aplinkos darbo grupė"
    assert page.act_archive_group.isVisible() and not page.act_restore_group.isVisible()
    assert "archived" not in page.title.text()
    with Workspace.open(plan.path) as ws:  # its records came back with it
        assert len(queries.members(ws, plan.group_id)) == 2
        assert len(queries.meetings(ws, plan.group_id)) == 1
    stack = window.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "archive the group", "restore the group"]
    stack.undo()
    assert "APL" not in _group_names(plan)
    stack.redo()
    assert "APL" in _group_names(plan)
    # From the context menu too, once archived again.
    for name in ("archiveGroup", "restoreGroup"):
        qtbot.waitUntil(lambda: view.findChild(QMenu) is None)  # a closed menu is gone
        _choose(_right_click_menu(view, _row_of(view, "APL")), name)
    assert "APL" in _group_names(plan)


def test_restored_group_may_not_take_a_working_groups_code(
        qtbot: QtBot, page: RecordsPage, plan: SmallPlan) -> None:
    """A new group took the code of the archived one: restoring it is refused, unchanged."""
    with Workspace.open(plan.path) as ws:
        actions.update_group(ws, plan.group_id, {"archived": 1})
        actions.add_group(ws, code="APL", name="Nauja aplinkos grupė")
    page.show_archived.setChecked(True)
    page.show_group(plan.group_id)
    page.action_restore_group()
    assert "already a group with the code APL" in _window(page).message_bar.label.text()
    assert _group_names(plan)["APL"] == "Nauja aplinkos grupė"
    assert _window(page).undo_stack.count() == 0


# --- members ---------------------------------------------------------------------------------


def test_member_edited_by_double_click_and_undone(
        qtbot: QtBot, page: RecordsPage, plan: SmallPlan) -> None:
    view = page.member_view
    row = _row_of(view, "Jonas Petraitis")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(view, row))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(view, row))
    dialog = _dialog(page, MemberDialog, qtbot)
    assert dialog.name.text() == "Jonas Petraitis"
    assert not dialog.until_enabled.isChecked()
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SECRETARY.value))
    _retype(dialog.organisation, "Kauno technologijos universitetas")
    dialog.until_enabled.setChecked(True)
    dialog.until.setDate(QDate(2030, 12, 31))
    _ok(dialog, qtbot)
    jonas = _members(plan)["Jonas Petraitis"]
    assert (jonas["role"], jonas["until"], jonas["organisation"]) == (
        "secretary", "2030-12-31", "Kauno technologijos universitetas")
    assert jonas["since"] == ""  # his unknown start stays unknown: no date was picked
    assert page.members.row_at(page.member_view.currentIndex().row())[  # type: ignore[index]
        "full_name"] == "Jonas Petraitis"  # the edited member stays selected
    _window(page).undo_stack.undo()  # one step: the membership and the person together
    jonas = _members(plan)["Jonas Petraitis"]
    assert (jonas["role"], jonas["until"], jonas["organisation"]) == ("expert", "", "")


def test_membership_ended_keeps_the_person_and_history(
        qtbot: QtBot, page: RecordsPage, plan: SmallPlan) -> None:
    view = page.member_view
    view.setCurrentIndex(page.members.index(_row_of(view, "Jonas Petraitis"), 0))
    _click_toolbar(page, "memberToolbar", "endMembership", qtbot)
    dialog = _dialog(page, EndMembershipDialog, qtbot)
    dialog.until.setDate(QDate.fromString(YESTERDAY, "yyyy-MM-dd"))
    _ok(dialog, qtbot)
    assert _members(plan)["Jonas Petraitis"]["until"] == YESTERDAY
    # Current members by default; everyone who was, on request.
    shown = [page.members.row_at(r)["full_name"]  # type: ignore[index]
             for r in range(page.members.rowCount())]
    assert shown == ["Žydrūnė Šaulienė"]
    page.show_former.click()
    shown = [page.members.row_at(r)["full_name"]  # type: ignore[index]
             for r in range(page.members.rowCount())]
    assert sorted(shown) == ["Jonas Petraitis", "Žydrūnė Šaulienė"]
    with Workspace.open(plan.path) as ws:
        assert queries.person(ws, plan.expert_id) is not None
        assert len(queries.remark_ids(ws)) == 1
        meeting = queries.meetings(ws, plan.group_id)[0]
        attended = {a["person_id"]: a["present"] for a in queries.attendance(ws, meeting["id"])}
        assert attended[plan.expert_id] == 1
    _window(page).undo_stack.undo()
    assert _members(plan)["Jonas Petraitis"]["until"] == ""


def test_member_added_by_mistake_removed_from_the_menu(
        qtbot: QtBot, page: RecordsPage, plan: SmallPlan) -> None:
    menu = _right_click_menu(page.member_view, _row_of(page.member_view, "Jonas Petraitis"))
    _choose(menu, "removeMember")
    assert "Jonas Petraitis" not in _members(plan)
    with Workspace.open(plan.path) as ws:
        assert queries.person(ws, plan.expert_id) is not None  # the person stays
    _window(page).undo_stack.undo()
    assert "Jonas Petraitis" in _members(plan)


# --- meetings --------------------------------------------------------------------------------


def test_meeting_edited_with_enter_and_undone(
        qtbot: QtBot, qtmodeltester: ModelTester, page: RecordsPage, plan: SmallPlan) -> None:
    page.tabs.setCurrentIndex(2)
    view = page.meeting_view
    view.setFocus()
    view.setCurrentIndex(page.meetings.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Enter)
    dialog = _dialog(page, MeetingDialog, qtbot)
    qtmodeltester.check(dialog.attendance)
    assert dialog.place.text() == "Rotušė"
    everyone = {dialog.attendance.value_at(r) for r in range(dialog.attendance.rowCount())}
    assert plan.expert_id in everyone and len(everyone) == 2
    assert set(dialog.attendance.checked) == everyone  # both were present
    _retype(dialog.place, "Rotušė, 2 salė")
    _retype(dialog.minutes, "Aptarta vizija.")
    _retype(dialog.decisions, "Nutarta pritarti vizijai.")
    row = dialog.attendance.row_of(plan.expert_id)
    dialog.attendance.setData(dialog.attendance.index(row), Qt.CheckState.Unchecked,
                              Qt.ItemDataRole.CheckStateRole)
    _ok(dialog, qtbot)
    with Workspace.open(plan.path) as ws:
        meeting = queries.meetings(ws, plan.group_id)[0]
        attended = {a["person_id"]: a["present"] for a in queries.attendance(ws, meeting["id"])}
    assert (meeting["place"], meeting["minutes"], meeting["decisions"]) == (
        "Rotušė, 2 salė", "Aptarta vizija.", "Nutarta pritarti vizijai.")
    assert attended[plan.expert_id] == 0
    assert "Nutarta pritarti vizijai." in page.meeting_detail.toPlainText()
    _window(page).undo_stack.undo()
    with Workspace.open(plan.path) as ws:
        meeting = queries.meetings(ws, plan.group_id)[0]
        attended = {a["person_id"]: a["present"] for a in queries.attendance(ws, meeting["id"])}
    assert (meeting["place"], meeting["minutes"], meeting["decisions"]) == ("Rotušė", "", "")
    assert attended[plan.expert_id] == 1


def test_meeting_added_by_mistake_removed_from_the_menu(
        qtbot: QtBot, page: RecordsPage, plan: SmallPlan) -> None:
    page.tabs.setCurrentIndex(2)
    view = page.meeting_view
    _choose(_right_click_menu(view, _row_of(view, "2024-03-15")), "removeMeeting")
    assert page.meetings.rowCount() == 0
    assert "no longer listed" in _window(page).message_bar.label.text()
    with Workspace.open(plan.path) as ws:
        assert queries.meetings(ws, plan.group_id) == []
    _window(page).undo_stack.undo()
    assert _row_of(view, "2024-03-15") == 0
    with Workspace.open(plan.path) as ws:  # back with its attendance
        (meeting,) = queries.meetings(ws, plan.group_id)
        assert len(queries.attendance(ws, meeting["id"])) == 2
    # The toolbar too.
    view.setCurrentIndex(page.meetings.index(0, 0))
    _click_toolbar(page, "meetingToolbar", "removeMeeting", qtbot)
    assert page.meetings.rowCount() == 0
    assert _window(page).undo_stack.text(_window(page).undo_stack.index() - 1) == (
        "remove a meeting added by mistake")


def test_undoing_a_first_attendance_leaves_nobody_marked(
        qtbot: QtBot, page: RecordsPage, plan: SmallPlan, tmp_path: Path) -> None:
    """A meeting with no attendance yet: marking it, then Undo, leaves nobody marked, here
    and in a copy that receives the plan's bundle (the mark and its undo both travel)."""
    with Workspace.open(plan.path) as ws:
        meeting_id = actions.add_meeting(ws, group_id=plan.group_id, date="2024-05-10",
                                         place="Seniūnija")
    page.show_group(plan.group_id)
    page.tabs.setCurrentIndex(2)
    view = page.meeting_view
    view.setFocus()
    view.setCurrentIndex(page.meetings.index(_row_of(view, "2024-05-10"), 0))
    assert "Jonas" not in page.meeting_detail.toPlainText()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = _dialog(page, MeetingDialog, qtbot)
    assert not dialog.attendance.checked  # nobody marked yet
    dialog.attendance.setData(dialog.attendance.index(dialog.attendance.row_of(plan.expert_id)),
                              Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    _ok(dialog, qtbot)

    def marks(ws: Workspace) -> dict[str, int]:
        return {str(a["full_name"]): int(a["present"])
                for a in queries.attendance(ws, meeting_id)}

    with Workspace.open(plan.path) as ws:
        assert marks(ws) == {"Jonas Petraitis": 1, "Žydrūnė Šaulienė": 0}
    detail = page.meeting_detail.toPlainText()
    assert "Present" in detail and "Jonas Petraitis" in detail
    _window(page).undo_stack.undo()
    with Workspace.open(plan.path) as ws:
        assert marks(ws) == {}
    view.setCurrentIndex(page.meetings.index(_row_of(view, "2024-05-10"), 0))
    detail = page.meeting_detail.toPlainText()
    assert "Jonas Petraitis" not in detail and "Absent" not in detail
    assert page.meeting_detail.toPlainText().startswith("2024-05-10")

    # Another copy joins from the secretary's full bundle: nobody marked there either.
    from tests.unit.sync_support import Copy, Plan

    with Workspace.open(plan.path) as ws:
        secretary = Plan(Copy(ws, "Rūta"), plan.group_id, plan.goal_id, tmp_path)
        other = secretary.join("Ona Onaitienė", "ona@example.lt")
    try:
        assert other.ws.conn.execute("SELECT COUNT(*) FROM attendance WHERE meeting_id = ?",
                                     (meeting_id,)).fetchone()[0] == 2  # the rows travel...
        assert marks(other.ws) == {}  # ...saying nobody is marked
        assert queries.attendance(other.ws, meeting_id) == []
    finally:
        other.ws.close()


def test_a_reader_is_offered_no_editing(qtbot: QtBot, page: RecordsPage) -> None:
    """An expert of the group sees the records; the editing actions are not enabled."""
    expert = page.ws.actor(page.members.row_at(  # type: ignore[index]
        _row_of(page.member_view, "Jonas Petraitis"))["person_id"])
    page.actor = expert
    page.show_group(str(page.group_id))
    for action in (page.act_add_member, page.act_edit_member, page.act_end_member,
                   page.act_remove_member, page.act_import_roster, page.act_add_meeting,
                   page.act_edit_meeting, page.act_remove_meeting, page.act_rename_group,
                   page.act_add_group, page.act_archive_group, page.act_restore_group):
        assert not action.isEnabled(), action.objectName()
    assert page.act_minutes.isEnabled() and page.act_attendance.isEnabled()
    page.action_edit_member()  # Enter on a row does nothing for a reader
    assert page.findChild(MemberDialog) is None
    window = _window(page)
    window.act_import_roster.trigger()  # File > Import members… says why not
    assert "secretary or chair" in window.message_bar.label.text()


def test_someone_already_in_the_plan_joins_as_themself(
        qtbot: QtBot, page: RecordsPage, plan: SmallPlan) -> None:
    """The coordination secretary (ruta@example.lt) joins the group: no second person."""
    with Workspace.open(plan.path) as ws:
        people = len(queries.people(ws))
    _click_toolbar(page, "memberToolbar", "addMember", qtbot)
    dialog = _dialog(page, MemberDialog, qtbot)
    _retype(dialog.name, "Rūta Žemaitienė")
    _retype(dialog.email, "RUTA@example.lt")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.OBSERVER.value))
    _ok(dialog, qtbot)
    assert _members(plan)["Rūta Žemaitienė"]["role"] == "observer"
    with Workspace.open(plan.path) as ws:
        assert len(queries.people(ws)) == people
    assert "already in the plan" in _window(page).message_bar.label.text()
    _window(page).undo_stack.undo()
    assert "Rūta Žemaitienė" not in _members(plan)
    _window(page).undo_stack.redo()
    assert "Rūta Žemaitienė" in _members(plan)
