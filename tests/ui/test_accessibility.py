"""Everything reachable from the keyboard and named for a screen reader.

Each page and dialog is opened as a user opens it; its focusable controls are
looked up in the accessibility tree (QAccessible), where each needs a name;
menu items, dialog buttons and form labels need an Alt+letter; Tab walks the
main page in reading order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from kplan_desktop.ui.dialogs import CompareDialog, JoinPlanDialog
from kplan_desktop.ui.focus_ring import install_focus_ring
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.settings import Settings
from tests.ui.a11y_checks import (
    menu_items_without_mnemonic,
    missing_mnemonics,
    unnamed_controls,
)
from tests.ui.conftest import SmallPlan


def _settle(qtbot: QtBot) -> None:
    qtbot.wait(1)
    QApplication.processEvents()


def test_welcome_page_is_named_and_has_mnemonics(qtbot: QtBot, settings: Settings) -> None:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert unnamed_controls(win) == []
    assert missing_mnemonics(win.welcome) == []
    assert menu_items_without_mnemonic(win.menuBar()) == []
    win.close()


PAGES = ["plan", "remarks", "dashboard", "records", "sync"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_named(qtbot: QtBot, window: MainWindow, small_plan: SmallPlan,
                             page: str) -> None:
    getattr(window, f"action_show_{page}")()
    if page == "plan":
        assert window.plan_page is not None
        window.plan_page.select_section(small_plan.goal_id)
        window.plan_page.remarks.selectRow(0)
    _settle(qtbot)
    shown = window.stack.currentWidget()
    assert shown is not None
    assert unnamed_controls(window) == []
    assert missing_mnemonics(shown) == []
    assert menu_items_without_mnemonic(window.menuBar()) == []


def _open(window: MainWindow, small_plan: SmallPlan, name: str) -> None:
    """Open the dialog ``name`` the way a user does."""
    page = window.plan_page
    assert page is not None
    openers: dict[str, Callable[[], object]] = {
        "write remark": window.action_write_remark,
        "answer": window.action_answer_remarks,
        "edit remark": window.action_edit_remark,
        "edit section": window.action_edit_section,
        "history": window.action_section_history,
        "move section": window.action_move_section_to,
        "export": window.action_export_remarks,
        "new plan": window.action_new_plan,
        "join plan": lambda: JoinPlanDialog(window, Path.home()).open(),
        "compare": lambda: CompareDialog(window, "Compare", "<p>a</p>").open(),
        "identity": window.action_show_identity,
    }
    if name in ("write remark", "answer", "edit remark", "edit section", "history",
                "move section"):
        page.select_section(small_plan.goal_id)
        page.remarks.selectRow(0)
    if name in RECORD_DIALOGS:
        window.action_show_records()
        records = window.records_page
        assert records is not None
        records.show_group(small_plan.group_id)
        if name in ("edit member", "end membership"):
            records.member_view.selectRow(0)
        getattr(records, RECORD_DIALOGS[name])()
        return
    openers[name]()


#: The group records' dialogs, by the page action that opens each.
RECORD_DIALOGS = {"add meeting": "action_add_meeting", "add member": "action_add_member",
                  "add group": "action_add_group", "add round": "action_add_round",
                  "edit mandate": "action_edit_mandate", "edit member": "action_edit_member",
                  "end membership": "action_end_membership", "attendance": "action_attendance"}


DIALOGS = ["write remark", "answer", "edit section", "history", "move section", "export",
           "new plan", "join plan", "compare", "identity", *RECORD_DIALOGS]


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_is_named_and_has_mnemonics(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan, name: str) -> None:
    _open(window, small_plan, name)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QDialog)))
    dialog = [d for d in window.findChildren(QDialog) if d.isVisible()][-1]
    _settle(qtbot)
    assert unnamed_controls(dialog) == []
    assert missing_mnemonics(dialog) == []
    dialog.reject()


def _tab_order(start: QWidget, steps: int) -> list[QWidget]:
    seen = []
    widget: QWidget | None = start
    for _ in range(steps):
        assert widget is not None
        widget = widget.nextInFocusChain()
        while widget is not None and not (
                widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.focusProxy() is None):
            widget = widget.nextInFocusChain()
        if widget is None or widget in seen:
            break
        seen.append(widget)
    return seen


def test_tab_walks_the_plan_page_in_reading_order(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    page.remarks.selectRow(0)
    _settle(qtbot)
    order = _tab_order(page.tree, 30)
    names = [w.objectName() for w in order]
    # The tree, then the section's text, then its remarks, then the remark in full.
    for earlier, later in (("planTree", "sectionText"), ("sectionText", "sectionRemarks"),
                           ("sectionRemarks", "remarkDetail")):
        assert earlier in names or earlier == "planTree", names
        assert later in names, names
        first = -1 if earlier == "planTree" else names.index(earlier)
        assert first < names.index(later), names
    # Every control Tab reaches lies inside the window, shown.
    assert all(w.window() is window for w in order)


def test_tab_walks_the_remarks_page_from_search_to_detail(
        qtbot: QtBot, window: MainWindow) -> None:
    window.action_show_remarks()
    page = window.remarks_page
    assert page is not None
    qtbot.waitUntil(lambda: not page.loading)
    _settle(qtbot)
    order = _tab_order(page.filters.search, 30)
    names = [w.objectName() for w in order]
    positions = [names.index(n) for n in ("filter_group", "filter_status", "allRemarks",
                                          "remarkDetail")]
    assert positions == sorted(positions), names


def test_a_focused_list_or_text_pane_gets_a_visible_ring(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ring = install_focus_ring(app)
    page = window.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    page.remarks.setFocus()
    qtbot.waitUntil(lambda: ring.target is page.remarks)
    image = page.remarks.grab().toImage()
    highlight = page.remarks.palette().highlight().color()
    edge = [image.pixelColor(x, 1) for x in range(10, image.width() - 10)]
    assert sum(1 for c in edge if c == highlight) > len(edge) * 0.8  # a solid line on top
    page.section_view.text.setFocus()
    qtbot.waitUntil(lambda: ring.target is page.section_view.text)
    page.remarks.selectRow(0)
    assert page.detail.answer.isVisible()
    page.detail.answer.setFocus()  # a button keeps Fusion's own focus frame
    qtbot.waitUntil(lambda: ring.target is None)


def test_every_window_action_is_in_a_menu(window: MainWindow) -> None:
    """The toolbar is not in the Tab chain: what it offers must also be in the menus
    (Alt+letter, then arrows), so that no action needs a mouse."""
    in_menus: set[str] = set()

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            in_menus.add(action.objectName())
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions())

    walk(window.menuBar().actions())
    named = {a.objectName() for a in window.actions() if a.objectName()}
    assert named - in_menus == set()
    toolbar = {a.objectName() for a in window.toolbar.actions() if a.objectName()}
    assert toolbar <= in_menus
