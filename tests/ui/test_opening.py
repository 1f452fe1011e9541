"""Opening a workspace: one window per file, and a large new file checked off the UI thread."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kplan_desktop.ui import main_window
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.settings import Settings
from tests.ui.conftest import SmallPlan


def test_a_second_window_on_the_same_workspace_is_told(
    qtbot: QtBot, window: MainWindow, settings: Settings, small_plan: SmallPlan
) -> None:
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    assert not second.open_workspace(small_plan.path)
    assert second.ws is None
    assert "already open in another KPlan window" in second.message_bar.label.text()
    # Once the first window lets go, the second may open it.
    window.close()
    assert second.open_workspace(small_plan.path)
    assert second.ws is not None
    second.close()


def test_a_large_file_from_elsewhere_is_checked_in_the_background(
    qtbot: QtBot, settings: Settings, small_plan: SmallPlan, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A copy at a new path has not been checked here; every file counts as large.
    copied = tmp_path / "received" / "plan.kplan"
    copied.parent.mkdir()
    shutil.copy(small_plan.path, copied)
    monkeypatch.setattr(main_window, "_CHECK_IN_BACKGROUND_BYTES", 0)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.open_workspace(copied)
    assert win.ws is None  # not yet: the check runs in a worker
    qtbot.waitUntil(lambda: win.ws is not None, timeout=10_000)
    assert win.plan_page is not None
    assert not win.ws.needs_first_open_check()
    win.close()
