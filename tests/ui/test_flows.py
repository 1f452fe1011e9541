"""The desktop's flows, driven as a user would, then checked in the workspace file."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPlainTextEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kplan_desktop.core.model import Role
from kplan_desktop.store import actions, queries
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui.dialogs import AnswerDialog, RemarkDialog
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.records import MeetingDialog
from kplan_desktop.ui.sections import HistoryDialog, SectionEditDialog
from kplan_desktop.ui.settings import Settings
from tests.ui.conftest import GOAL_BODY, SmallPlan


def _ok(dialog: RemarkDialog | AnswerDialog | SectionEditDialog | MeetingDialog,
        qtbot: QtBot) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def _type(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Type text with Lithuanian letters (QTest's key clicks take ASCII only)."""
    widget.setFocus()
    widget.insert(text) if isinstance(widget, QLineEdit) else widget.insertPlainText(text)


def _remarks_in_file(plan: SmallPlan) -> dict[str, dict[str, object]]:
    with Workspace.open(plan.path) as ws:
        return queries.remark_rows(ws, queries.remark_ids(ws))


def test_select_text_press_ctrl_m_and_the_remark_is_in_the_file(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    quote = "viešasis transportas"
    start = GOAL_BODY.index(quote)
    page.section_view.select_passage(start, start + len(quote))
    page.section_view.text.setFocus()
    qtbot.keyClick(page.section_view.text, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(RemarkDialog)
    assert dialog is not None and dialog.isVisible()
    assert quote in dialog.findChild(type(page.remarks_label), "quotedPassage").text()
    dialog.type.setCurrentIndex(dialog.type.findData("editorial"))
    _type(dialog.text, "Transportas bus elektrinis, ne be taršos.")
    _type(dialog.proposed, "važiuos be išmetamųjų teršalų")
    _ok(dialog, qtbot)

    mine = [r for r in _remarks_in_file(small_plan).values()
            if r["text"] == "Transportas bus elektrinis, ne be taršos."]
    assert len(mine) == 1
    remark = mine[0]
    assert remark["quote"] == quote
    assert (remark["quote_start"], remark["quote_end"]) == (start, start + len(quote))
    assert remark["type"] == "editorial"
    assert remark["proposed"] == "važiuos be išmetamųjų teršalų"
    with Workspace.open(small_plan.path) as ws:
        section = queries.section(ws, small_plan.goal_id)
        assert section is not None
        assert remark["revision_id"] == section["head_revision_id"]
    assert page.remarks_model.rowCount() == 4
    assert page.current_remark_id() == remark["id"]

    # Undo withdraws it (a new event), redo brings it back.
    window.undo_stack.undo()
    assert _remarks_in_file(small_plan)[str(remark["id"])]["status"] == "withdrawn"
    window.undo_stack.redo()
    assert _remarks_in_file(small_plan)[str(remark["id"])]["status"] == "new"


def test_own_remarks_are_editable_others_are_not(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    page.remarks.selectRow(0)  # the expert's remark: the secretary may answer, not edit
    assert not window.act_edit_remark.isEnabled()
    assert page.detail.edit.isHidden()
    assert not page.detail.answer.isHidden()
    window.action_write_remark()
    dialog = window.findChild(RemarkDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.text, "Mano pastaba.")
    _ok(dialog, qtbot)
    assert window.act_edit_remark.isEnabled()
    window.action_edit_remark()
    edit = [d for d in window.findChildren(RemarkDialog) if d.isVisible()][-1]
    edit.text.selectAll()
    qtbot.keyClicks(edit.text, "Mano pataisyta pastaba.")
    _ok(edit, qtbot)
    texts = {r["text"] for r in _remarks_in_file(small_plan).values()}
    assert "Mano pataisyta pastaba." in texts and "Mano pastaba." not in texts
    window.action_withdraw_remark()
    withdrawn = [r for r in _remarks_in_file(small_plan).values()
                 if r["text"] == "Mano pataisyta pastaba."]
    assert withdrawn[0]["status"] == "withdrawn"


def test_an_expert_is_not_offered_answering(
        qtbot: QtBot, settings: Settings, small_plan: SmallPlan) -> None:
    # An expert's own copy: the identity is the expert.
    with Workspace.open(small_plan.path) as ws, ws.raw_transaction() as conn:
        conn.execute("UPDATE local_identity SET person_id = ?", (small_plan.expert_id,))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.open_workspace(small_plan.path)
    page = win.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    page.remarks.selectRow(0)
    assert not win.act_answer.isVisible()
    assert page.detail.answer.isHidden()
    assert not page.detail.edit.isHidden()  # their own remark
    assert not win.act_edit_section.isVisible()
    win.close()


def test_filter_all_remarks_and_answer_many_at_once(
        qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow,
        small_plan: SmallPlan) -> None:
    with Workspace.open(small_plan.path) as ws:
        actions.add_remark(ws, section_id=small_plan.area_id, remark_type="general",
                           text="Ąžuolynų apsauga turi būti atskiras tikslas.")
    window.action_show_remarks()
    page = window.remarks_page
    assert page is not None
    qtbot.waitUntil(lambda: not page.loading)
    assert page.model.total == 4
    qtmodeltester.check(page.model)

    page.filters.set_value("type", "technical")
    qtbot.waitUntil(lambda: not page.loading and page.model.total == 3)
    assert "3 of 4" in page.count_label.text()
    assert "3 of 4" in window._status.text()
    page.filters.clear()
    qtbot.waitUntil(lambda: not page.loading and page.model.total == 4)
    qtbot.keyClicks(page.filters.search, "azuolyn")  # diacritics-blind
    qtbot.waitUntil(lambda: not page.loading and page.model.total == 1, timeout=3000)
    page.filters.clear()
    qtbot.waitUntil(lambda: not page.loading and page.model.total == 4)
    page.filters.set_value("section", small_plan.goal_id)
    qtbot.waitUntil(lambda: not page.loading and page.model.total == 3)

    page.table.selectAll()
    assert len(window.selected_remark_ids()) == 3
    assert window.act_answer.isEnabled()
    window.action_answer_remarks()
    qtbot.waitUntil(lambda: window.findChild(AnswerDialog) is not None)
    dialog = window.findChild(AnswerDialog)
    assert dialog is not None
    dialog.status.setCurrentIndex(dialog.status.findData("rejected"))
    _type(dialog.response, "Finansavimas numatytas priemonių plane.")
    _ok(dialog, qtbot)
    qtbot.waitUntil(lambda: not window.command_running)
    answered = [r for r in _remarks_in_file(small_plan).values()
                if r["id"] in small_plan.remark_ids]
    assert {r["status"] for r in answered} == {"rejected"}
    assert {r["response"] for r in answered} == {"Finansavimas numatytas priemonių plane."}
    assert page.model.index(0, 2).data() == "rejected"
    # Undo puts the earlier answers back, as new events.
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not window.command_running)
    assert {r["status"] for r in _remarks_in_file(small_plan).values()} == {"new"}


def test_sorting_by_a_column_asks_for_the_order(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    window.action_show_remarks()
    page = window.remarks_page
    assert page is not None
    qtbot.waitUntil(lambda: not page.loading)
    with Workspace.open(small_plan.path) as ws:
        actions.answer_remark(ws, small_plan.remark_ids[1], "accepted", "Gerai.")
    page.reload()
    qtbot.waitUntil(lambda: not page.loading)
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # status
    qtbot.waitUntil(lambda: not page.loading)
    assert page.model.index(0, 2).data() == "accepted"
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not page.loading)
    assert page.model.index(0, 2).data() == "new"


def test_edit_a_section_and_see_the_diff(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    window.action_edit_section()
    dialog = window.findChild(SectionEditDialog)
    assert dialog is not None
    new_body = GOAL_BODY.replace("dešimt tūkstančių ąžuolų", "dvidešimt tūkstančių liepų")
    dialog.body.setPlainText(new_body)
    dialog.state.setCurrentIndex(dialog.state.findData("in_review"))
    _ok(dialog, qtbot)
    with Workspace.open(small_plan.path) as ws:
        section = queries.section(ws, small_plan.goal_id)
        assert section is not None
        assert section["body"] == new_body
        assert section["state"] == "in_review"
        assert len(queries.revisions(ws, small_plan.goal_id)) == 2
    assert page.section_view.text.toPlainText() == new_body
    # The remarks on the old text now say so, and show old and new side by side.
    page.remarks.selectRow(0)
    remark = page.current_remark()
    assert remark is not None and remark["text_changed"]
    assert "changed since" in page.detail.view.toPlainText()
    window.action_history = window.action_section_history
    window.action_section_history()
    history = window.findChild(HistoryDialog)
    assert history is not None
    text = history.diff.toPlainText()
    assert "dešimt tūkstančių ąžuolų" in text and "dvidešimt tūkstančių liepų" in text
    assert history.list_model.rowCount() == 2
    history.close()
    # Undo makes a third revision with the earlier text.
    window.undo_stack.undo()  # the state
    window.undo_stack.undo()  # the text
    with Workspace.open(small_plan.path) as ws:
        section = queries.section(ws, small_plan.goal_id)
        assert section is not None and section["body"] == GOAL_BODY
        assert len(queries.revisions(ws, small_plan.goal_id)) == 3


def test_move_a_section_in_the_tree(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    with Workspace.open(small_plan.path) as ws:
        second = actions.add_section(ws, parent_id=small_plan.area_id, kind="goal", code="1.2",
                                     title="Švarus oras", body="Oras bus švarus.")
    page = window.plan_page
    assert page is not None
    page.tree_model.reload()
    page.select_section(second)
    window.action_move_section_up()
    with Workspace.open(small_plan.path) as ws:
        assert queries.child_section_ids(ws, small_plan.area_id) == [second, small_plan.goal_id]
    assert page.section_id == second


def test_add_a_meeting_with_attendance(
        qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow,
        small_plan: SmallPlan) -> None:
    window.action_show_records()
    records = window.records_page
    assert records is not None
    for row in range(records.groups.rowCount()):
        if records.groups.row_at(row)["code"] == "APL":  # type: ignore[index]
            records.group_view.selectRow(row)
    assert records.group_id == small_plan.group_id
    assert records.members.rowCount() == 1
    records.action_add_meeting()
    dialog = window.findChild(MeetingDialog)
    assert dialog is not None
    qtmodeltester.check(dialog.attendance)
    dialog.date.setDate(QDate(2024, 3, 15))
    _type(dialog.place, "Rotušė, 2 salė")
    _type(dialog.agenda, "1. Pastabų svarstymas")
    qtbot.keyClicks(dialog.decisions, "Nutarta pritarti.")
    dialog.attendance.setData(dialog.attendance.index(0), Qt.CheckState.Unchecked,
                              Qt.ItemDataRole.CheckStateRole)
    _ok(dialog, qtbot)
    with Workspace.open(small_plan.path) as ws:
        meetings = queries.meetings(ws, small_plan.group_id)
        assert len(meetings) == 1
        meeting = meetings[0]
        assert (meeting["date"], meeting["place"], meeting["decisions"]) == (
            "2024-03-15", "Rotušė, 2 salė", "Nutarta pritarti.")
        present = queries.attendance(ws, str(meeting["id"]))
        assert [(p["person_id"], p["present"]) for p in present] == [(small_plan.expert_id, 0)]
    assert records.meetings.rowCount() == 1
    assert "Rotušė" in records.meeting_detail.toPlainText()
    qtmodeltester.check(records.meetings)
    qtmodeltester.check(records.groups)
    window.undo_stack.undo()
    with Workspace.open(small_plan.path) as ws:
        assert queries.meetings(ws, small_plan.group_id) == []


def test_dashboard_counts(window: MainWindow, small_plan: SmallPlan,
                          qtmodeltester: ModelTester) -> None:
    window.action_show_dashboard()
    dash = window.dashboard_page
    assert dash is not None
    assert dash.top.row_at(0)["n"] == 3  # type: ignore[index]
    assert dash.by_type.row_at(0)["type"] == "technical"  # type: ignore[index]
    qtmodeltester.check(dash.by_group)
    qtmodeltester.check(dash.rounds)


def test_text_size_actions_scale_the_font(
        qtbot: QtBot, settings: Settings, small_plan: SmallPlan) -> None:
    from kplan_desktop.ui.app import TextScaler

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    try:
        scaler = TextScaler(app, settings, None)
        base = app.font().pointSizeF()
        win = MainWindow(settings, scaler)
        qtbot.addWidget(win)
        win.act_larger.trigger()
        assert app.font().pointSizeF() > base
        assert settings.text_size == 115
        win.act_reset_text.trigger()
        assert app.font().pointSizeF() == base
        for_run = TextScaler(app, settings, 160)
        assert abs(app.font().pointSizeF() - base * 1.6) < 0.01
        for_run.larger()
        assert settings.text_size == 100  # --text-size is for one run only
    finally:
        app.setFont(original)


def test_a_member_is_added(qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    from kplan_desktop.ui.records import MemberDialog

    window.action_show_records()
    records = window.records_page
    assert records is not None
    records.show_group(small_plan.group_id)
    records.action_add_member()
    dialog = window.findChild(MemberDialog)
    assert dialog is not None
    _type(dialog.name, "Ona Kazlauskienė")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.CHAIR.value))
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Ok).click()
    with Workspace.open(small_plan.path) as ws:
        roles = {m["full_name"]: m["role"] for m in queries.members(ws, small_plan.group_id)}
    assert roles["Ona Kazlauskienė"] == "chair"
