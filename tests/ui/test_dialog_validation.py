"""A dialog with a problem stays open, marks the field, and moves the focus there."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kplan_desktop.store import queries
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui.dialogs import AnswerDialog, RemarkDialog
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.records import MemberDialog, RoundDialog
from kplan_desktop.ui.sections import SectionEditDialog
from tests.ui.conftest import SmallPlan
from tests.ui.test_flows import _ok, _type


def _problem(field: QWidget) -> str:
    """The sentence shown under ``field``, or "" when it is not marked."""
    wrapper = field.parentWidget()
    note = wrapper.findChild(QLabel, "fieldProblem") if wrapper is not None else None
    if note is None or not note.isVisible() or not field.property("invalid"):
        return ""
    return note.text()


def _statuses(plan: SmallPlan) -> set[str]:
    with Workspace.open(plan.path) as ws:
        return {str(r["status"]) for r in queries.remark_rows(ws, plan.remark_ids).values()}


def _open_answer(qtbot: QtBot, window: MainWindow, plan: SmallPlan, rows: int) -> AnswerDialog:
    page = window.plan_page
    assert page is not None
    page.select_section(plan.goal_id)
    if rows == 1:
        page.remarks.selectRow(0)
    else:
        page.remarks.selectAll()
    window.action_answer_remarks()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AnswerDialog)))
    return next(d for d in window.findChildren(AnswerDialog) if d.isVisible())


def test_rejecting_without_reasons_keeps_the_bulk_dialog_open(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    dialog = _open_answer(qtbot, window, small_plan, rows=3)
    dialog.status.setCurrentIndex(dialog.status.findData("rejected"))
    _ok(dialog, qtbot)
    assert dialog.isVisible()  # not closed, and the error is not in the main window
    assert "reasons" in _problem(dialog.response)
    assert dialog.response.hasFocus() or dialog.focusWidget() is dialog.response
    assert not window.message_bar.isVisible()
    assert _statuses(small_plan) == {"new"}

    _type(dialog.response, "Finansavimas numatytas priemonių plane.")
    assert _problem(dialog.response) == ""  # typing takes the mark away
    _ok(dialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: not window.command_running)
    assert _statuses(small_plan) == {"rejected"}


def test_accepting_needs_no_reasons(qtbot: QtBot, window: MainWindow,
                                    small_plan: SmallPlan) -> None:
    dialog = _open_answer(qtbot, window, small_plan, rows=1)
    dialog.status.setCurrentIndex(dialog.status.findData("accepted"))
    _ok(dialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: not window.command_running)
    assert "accepted" in _statuses(small_plan)


def test_the_answer_dialog_shows_the_remark_it_answers(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    dialog = _open_answer(qtbot, window, small_plan, rows=1)
    shown = dialog.answered.toPlainText()
    assert "Pastaba" in shown and "trūksta finansavimo šaltinio" in shown  # the text
    assert "dešimt tūkstančių ąžuolų" in shown  # the quoted passage
    assert "Jonas Petraitis" in shown  # the author
    assert "1.1" in shown
    dialog.reject()
    several = _open_answer(qtbot, window, small_plan, rows=3)
    listed = several.answered.toPlainText()
    assert all(f"Pastaba {i}" in listed for i in range(3))
    assert listed.count("Jonas Petraitis") == 3


def test_an_empty_remark_is_not_saved_and_the_dialog_says_why(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    window.action_write_remark()
    dialog = window.findChild(RemarkDialog)
    assert dialog is not None
    _type(dialog.text, "   ")
    _ok(dialog, qtbot)
    assert dialog.isVisible()
    assert "empty" in _problem(dialog.text)
    assert not window.message_bar.isVisible()


def test_a_section_needs_its_title(qtbot: QtBot, window: MainWindow,
                                  small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    window.action_edit_section()
    dialog = window.findChild(SectionEditDialog)
    assert dialog is not None
    dialog.title.clear()
    _ok(dialog, qtbot)
    assert dialog.isVisible()
    assert _problem(dialog.title)
    with Workspace.open(small_plan.path) as ws:
        assert (queries.section(ws, small_plan.goal_id) or {})["title"] == "Daugiau medžių"


def test_member_and_round_dialogs_check_before_closing(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    from PySide6.QtCore import QDate

    member = MemberDialog(window)
    qtbot.addWidget(member)
    member.open()
    _ok(member, qtbot)  # type: ignore[arg-type]
    assert member.isVisible() and _problem(member.name)
    _type(member.name, "Ona Kazlauskienė")
    assert _problem(member.name) == ""

    round_dialog = RoundDialog(window)
    qtbot.addWidget(round_dialog)
    round_dialog.open()
    _type(round_dialog.name, "2 svarstymo etapas")
    round_dialog.opens.setDate(QDate(2025, 3, 1))
    round_dialog.closes.setDate(QDate(2025, 2, 1))
    _ok(round_dialog, qtbot)  # type: ignore[arg-type]
    assert round_dialog.isVisible()
    assert "close before it opens" in _problem(round_dialog.closes)
    round_dialog.closes.setDate(QDate(2025, 4, 1))
    _ok(round_dialog, qtbot)  # type: ignore[arg-type]
    assert not round_dialog.isVisible()


def test_many_selected_remarks_are_listed_compactly(qtbot: QtBot) -> None:
    remarks = [{"id": str(i), "section_code": "2.1", "author_name": "Ona Kazlauskienė",
                "text": f"Pastaba {i}: " + "labai ilgas tekstas " * 20, "status": "new"}
               for i in range(60)]
    dialog = AnswerDialog(None, allowed=["accepted", "rejected"], templates=[],
                          current=None, remarks=remarks)
    qtbot.addWidget(dialog)
    listed = dialog.answered.toPlainText()
    assert "Pastaba 49:" in listed and "Pastaba 50:" not in listed
    assert "and 10 more" in listed
    assert "One answer for the 60 selected remark(s)." in [
        label.text() for label in dialog.findChildren(QLabel)]
    # One line each: long texts are cut, so the list stays short.
    assert max(len(line) for line in listed.splitlines()) < 200
