"""Empty lists say why, search matches are marked, a new remark is shown where it lands."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from kplan_desktop.store import actions
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui.dialogs import RemarkDialog
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.remarks_page import RemarksPage
from kplan_desktop.ui.search_highlight import MARK_BACKGROUND, highlighted_html, match_spans
from kplan_desktop.ui.settings import Settings
from tests.ui.conftest import SmallPlan, build_small_plan
from tests.ui.test_flows import _ok, _type


def test_matches_follow_the_search_rule() -> None:
    text = "Ąžuolynų apsauga: ąžuolai ir AŽUOLAS, bet ne pražuolė."
    assert match_spans(text, "azuol") == [(0, 5), (18, 23), (29, 34)]
    assert match_spans(text, "APSAUG ąžuol") == [(0, 5), (9, 15), (18, 23), (29, 34)]
    assert match_spans(text, "žuol") == []  # not from the middle of "ąžuolai"
    assert match_spans(text, "uol") == []  # a word is found by its beginning only
    assert match_spans(text, "  ") == []
    assert highlighted_html("a <b> ąžuolas", "azuolas").endswith(
        f"<span style='background:{MARK_BACKGROUND}; color:#111827'>ąžuolas</span>")
    assert "&lt;b&gt;" in highlighted_html("a <b> ąžuolas", "azuolas")


def _remarks(qtbot: QtBot, window: MainWindow) -> RemarksPage:
    window.action_show_remarks()
    page = window.remarks_page
    assert page is not None
    qtbot.waitUntil(lambda: not page.loading)
    return page


def _marked_pixels(page: RemarksPage) -> int:
    image = page.table.viewport().grab().toImage()
    mark = QColor(MARK_BACKGROUND)
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixelColor(x, y) == mark)


def test_nothing_found_says_for_what_and_offers_everything_back(
        qtbot: QtBot, window: MainWindow) -> None:
    page = _remarks(qtbot, window)
    assert not page.empty.isVisible()
    qtbot.keyClicks(page.filters.search, "baobabas")
    qtbot.waitUntil(lambda: not page.loading and page.model.total == 0)
    assert page.empty.isVisible()
    assert page.empty.label.text() == "Nothing found for “baobabas”"
    assert page.empty.clear_button.isVisible()
    assert page.empty.geometry() == page.table.viewport().rect()
    page.empty.clear_button.click()
    qtbot.waitUntil(lambda: not page.loading and page.model.total == 3)
    assert not page.empty.isVisible()
    assert page.filters.search.text() == ""

    page.filters.set_value("status", "accepted")
    qtbot.waitUntil(lambda: not page.loading and page.model.total == 0)
    assert page.empty.label.text() == "No remark matches these filters."
    page.empty.clear_button.click()
    qtbot.waitUntil(lambda: not page.loading and page.model.total == 3)


def test_search_matches_are_marked_in_the_table_and_the_detail(
        qtbot: QtBot, window: MainWindow) -> None:
    page = _remarks(qtbot, window)
    assert _marked_pixels(page) == 0
    qtbot.keyClicks(page.filters.search, "finansav")
    qtbot.waitUntil(lambda: not page.loading and page.model.total == 3)
    qtbot.waitUntil(lambda: _marked_pixels(page) > 20)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.remark is not None)
    assert MARK_BACKGROUND in page.detail.view.toHtml()
    assert "trūksta finansavimo šaltinio" in page.detail.view.toPlainText()
    page.filters.clear()
    qtbot.waitUntil(lambda: not page.loading and page.highlight.search == "")
    page.table.viewport().repaint()
    assert _marked_pixels(page) == 0


def test_a_new_remark_is_selected_and_in_view(
        qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    plan: SmallPlan = build_small_plan(tmp_path / "many.kplan", n_remarks=1)
    with Workspace.open(plan.path) as ws:
        expert = ws.actor(plan.expert_id)
        for i in range(60):
            actions.add_remark(ws, section_id=plan.goal_id, remark_type="general",
                               text=f"Ankstesnė pastaba {i}.", actor=expert)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.open_workspace(plan.path)
    page = win.plan_page
    assert page is not None
    page.select_section(plan.goal_id)
    win.action_write_remark()
    dialog = win.findChild(RemarkDialog)
    assert dialog is not None
    _type(dialog.text, "Naujausia pastaba apie ąžuolus.")
    _ok(dialog, qtbot)
    qtbot.waitUntil(lambda: (win.current_remark() or {}).get("text")
                    == "Naujausia pastaba apie ąžuolus.")
    row = page.remarks.currentIndex().row()
    assert row > 50  # far down the list ...
    visible = page.remarks.viewport().rect()
    assert visible.intersects(page.remarks.visualRect(page.remarks.currentIndex()))  # ... shown
    win.close()
