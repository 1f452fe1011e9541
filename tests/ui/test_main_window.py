"""The first window: plan tree, section text with highlighted remarks, the section's remarks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.models import ID_ROLE
from kplan_desktop.ui.plan_tree import PlanTreeModel
from kplan_desktop.ui.remark_table import RemarkTableModel
from kplan_desktop.ui.settings import Settings
from tests.ui.conftest import GOAL_BODY, SmallPlan, build_small_plan


def _select_goal(window: MainWindow, plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    page.select_section(plan.goal_id)
    assert page.section_id == plan.goal_id


def test_tree_shows_the_plan_with_remark_counts(window: MainWindow, small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    model = page.tree_model
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert top == ["V  Vizija", "1  Žalias miestas"]
    area = model.index(1, 0)
    assert model.hasChildren(area)
    page.tree.expand(area)
    goal = model.index(0, 0, area)
    assert goal.data() == "1.1  Daugiau medžių"
    assert goal.siblingAtColumn(PlanTreeModel.REMARKS).data() == "3"
    assert goal.siblingAtColumn(PlanTreeModel.GROUP).data() == "Aplinkos darbo grupė"


def test_selecting_a_section_shows_its_text_and_remarks(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    area = page.tree_model.index(1, 0)
    page.tree.expand(area)
    goal = page.tree_model.index(0, 0, area)
    page.tree.setCurrentIndex(goal)  # as a click on the item does
    assert goal.data(ID_ROLE) == small_plan.goal_id
    assert page.section_view.text.toPlainText() == GOAL_BODY
    assert "Daugiau medžių" in page.section_view.heading.text()
    assert page.remarks_model.rowCount() == 3
    assert "3" in page.remarks_label.text()
    # The quoted passage is highlighted, with the remark as its tooltip.
    start = GOAL_BODY.index("dešimt tūkstančių ąžuolų")
    view = page.section_view

    def painted(position: int) -> bool:
        return any(sel.cursor.selectionStart() <= position < sel.cursor.selectionEnd()
                   and sel.format.background().style() != Qt.BrushStyle.NoBrush
                   for sel in view.text.extraSelections())

    assert painted(start + 3)
    assert not painted(2)
    assert "trūksta finansavimo" in (view.passage_tooltip(start + 3) or "")
    assert view.passage_tooltip(2) is None
    # Choosing a remark shows it in full.
    page.remarks.selectRow(0)
    assert "trūksta finansavimo šaltinio" in page.detail.view.toPlainText()
    assert "dešimt tūkstančių ąžuolų" in page.detail.view.toPlainText()


def test_an_indicator_shows_unit_baseline_and_target(
        window: MainWindow, small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    page.select_section(small_plan.indicator_id)
    view = page.section_view
    assert not view.indicator.isHidden()
    assert (view.unit.text(), view.baseline.text(), view.target.text()) == (
        "vnt.", "1 200 (2022)", "10 000")
    page.select_section(small_plan.goal_id)
    assert view.indicator.isHidden()


def test_models_pass_the_model_tester(
        qtmodeltester: ModelTester, window: MainWindow, small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    _select_goal(window, small_plan)
    qtmodeltester.check(page.tree_model)
    qtmodeltester.check(page.remarks_model)


def test_the_remarks_model_reads_only_the_rows_on_screen(
        qtmodeltester: ModelTester, tmp_path: Path) -> None:
    plan = build_small_plan(tmp_path / "many.kplan", n_remarks=1)
    ws = Workspace.open(plan.path)
    try:
        ids = [f"id-{i:05d}" for i in range(5_000)]  # ids only: rows are read on demand
        model = RemarkTableModel(ws, batch=200, page_size=100, cache_pages=4)
        model.set_ids(ids)
        assert model.total == 5_000
        assert model.rowCount() == 200
        assert model.canFetchMore()
        model.fetchMore()
        assert model.rowCount() == 400
        model.index(350, 3).data()
        assert model.rows_read == 100  # one page
        model.set_ids(plan.remark_ids)
        qtmodeltester.check(model)
    finally:
        ws.close()


def test_the_last_workspace_reopens_and_is_recent(
        qtbot: QtBot, settings: Settings, small_plan: SmallPlan) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    assert first.open_workspace(small_plan.path)
    first.close()
    assert settings.last == small_plan.path.resolve()
    assert small_plan.path.resolve() in settings.recent


def test_a_file_that_is_not_a_workspace_is_one_sentence(
        qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    bad = tmp_path / "notes.kplan"
    bad.write_text("just some notes", encoding="utf-8")
    assert not win.open_workspace(bad)
    assert win.stack.currentWidget() is win.welcome
    assert win.message_bar.isVisible()
    assert win.message_bar.label.text() == f"{bad} is not a KPlan workspace."


def test_the_window_comes_back_where_and_as_large_as_it_was(
        qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(701, 503)  # (within the offscreen screen: Qt keeps a window on it)
    first.close()
    again = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (701, 503)
