"""The window and the command line work on one file at once: the window shows what the
other changed (SQLite's data_version, polled), and tells its own writes from theirs."""

from __future__ import annotations

import subprocess
import sys

from pytestqt.qtbot import QtBot

from kplan_desktop.store import actions
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui.main_window import OUTSIDE_POLL_MS, MainWindow
from tests.ui.conftest import SmallPlan

WAIT_MS = OUTSIDE_POLL_MS * 4


def _remarks_shown(window: MainWindow, qtbot: QtBot) -> int:
    window.act_show_remarks.trigger()
    page = window.remarks_page
    assert page is not None
    qtbot.waitUntil(lambda: page.loaded and not page.loading)
    return page.total


def test_a_remark_written_by_another_connection_appears(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    assert _remarks_shown(window, qtbot) == 3
    page = window.remarks_page
    assert page is not None
    with Workspace.open(small_plan.path) as other:  # a second program's connection
        actions.add_remark(other, section_id=small_plan.goal_id, remark_type="general",
                           text="Iš kitos programos: reikia daugiau suolų.")
    qtbot.waitUntil(lambda: page.total == 4 and page.model.rowCount() == 4, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "4 remarks" in window._status.text(), timeout=WAIT_MS)


def test_the_command_line_changing_the_file_is_shown_in_the_plan(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    plan = window.plan_page
    assert plan is not None
    plan.select_section(small_plan.goal_id)
    assert plan.remarks_model.rowCount() == 3
    done = subprocess.run(
        [sys.executable, "-m", "kplan_desktop", "remark", "add", str(small_plan.path),
         "--section", "1.1", "--type", "editorial", "--text", "Iš terminalo."],
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: plan.remarks_model.rowCount() == 4, timeout=WAIT_MS)


def test_the_windows_own_background_write_keeps_the_undo_history(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    plan = window.plan_page
    assert plan is not None
    plan.select_section(small_plan.goal_id)
    # An undoable change made here; then a write of the window's own worker.
    assert window.move_section_under(small_plan.goal_id, None)
    assert window.undo_stack.count() == 1
    wrote: list[str] = []
    window.ops.run_on_workspace(
        small_plan.path,
        lambda ws, _p: actions.save_response_template(ws, title="Pritarta", text="Pritarta."),
        on_success=wrote.append)
    qtbot.waitUntil(lambda: bool(wrote) and not window.ops.busy)
    qtbot.wait(OUTSIDE_POLL_MS * 2)
    assert window.undo_stack.count() == 1  # not taken for another program's change
    # Another program's change empties it: the undo was written against the file as it was.
    with Workspace.open(small_plan.path) as other:
        actions.save_response_template(other, title="Kita", text="Kita.")
    qtbot.waitUntil(lambda: window.undo_stack.count() == 0, timeout=WAIT_MS)
