"""Moving a section under another parent, by keyboard, renumbers its subtree; one undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kplan_desktop.store import actions, queries
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.sections import MoveSectionDialog, code_under, renumbered
from tests.ui.conftest import SmallPlan


def _places(plan: SmallPlan, *ids: str) -> list[tuple[str | None, str]]:
    with Workspace.open(plan.path) as ws:
        places = queries.section_places(ws, list(ids))
    return [(places[i]["parent_id"], places[i]["code"]) for i in ids]


def test_move_a_goal_under_another_area_with_the_keyboard(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    with Workspace.open(small_plan.path) as ws:
        area2 = actions.add_section(ws, parent_id=None, kind="priority", code="2",
                                    title="Sumanus miestas", body="Skaitmeninės paslaugos.")
        actions.add_section(ws, parent_id=area2, kind="goal", code="2.1",
                            title="Atviri duomenys", body="Duomenys bus atviri.")
    page = window.plan_page
    assert page is not None
    page.reload_tree()
    page.select_section(small_plan.goal_id)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(MoveSectionDialog)
    assert dialog is not None and dialog.isVisible()

    # The section itself and what is under it cannot be its new parent.
    model = dialog.tree.model()
    own = model.index_of(small_plan.goal_id)  # type: ignore[attr-defined]
    dialog.tree.setCurrentIndex(own)
    assert not dialog.ok.isEnabled()
    dialog.tree.setCurrentIndex(model.index_of(area2))  # type: ignore[attr-defined]
    assert dialog.ok.isEnabled()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)

    assert _places(small_plan, small_plan.goal_id, small_plan.indicator_id) == [
        (area2, "2.2"), (small_plan.goal_id, "2.2.1")]
    assert page.section_id == small_plan.goal_id
    assert page.tree.currentIndex().data().startswith("2.2")
    assert "2.2" in window.message_bar.label.text()

    window.action_undo()  # one step puts the whole subtree back
    assert _places(small_plan, small_plan.goal_id, small_plan.indicator_id) == [
        (small_plan.area_id, "1.1"), (small_plan.goal_id, "1.1.1")]
    assert page.tree_model.index_of(small_plan.goal_id).parent().data(
    ).startswith("1")

    # To the top level.
    window.move_section_under(small_plan.goal_id, None)
    parent, code = _places(small_plan, small_plan.goal_id)[0]
    assert parent is None and code == "4"  # after V, 1 and 2


def test_alt_up_moves_a_section_among_its_siblings(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    with Workspace.open(small_plan.path) as ws:
        second = actions.add_section(ws, parent_id=small_plan.area_id, kind="goal", code="1.2",
                                     title="Švarus oras", body="Oras bus švarus.")
    page = window.plan_page
    assert page is not None
    page.reload_tree()
    page.select_section(second)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    with Workspace.open(small_plan.path) as ws:
        assert queries.child_section_ids(ws, small_plan.area_id) == [second, small_plan.goal_id]
    assert page.section_id == second


def test_codes_follow_the_new_parent() -> None:
    assert code_under("2.1", 3) == "2.1.4"
    assert code_under("V", 0) == "1"
    assert code_under("", 2) == "3"
    assert renumbered("1.1.3", "1.1", "2.4") == "2.4.3"
    assert renumbered("1.10", "1.1", "2.4") == "1.10"  # not under 1.1
    assert renumbered("1.1", "1.1", "2.4") == "2.4"
