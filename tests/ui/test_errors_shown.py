"""No failure is silent: what an action, a worker's callback or any slot raises is shown in
the window with its sentence, never only printed on stderr."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import NoReturn

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from kplan_desktop.core.logs import log_path
from kplan_desktop.store import queries
from kplan_desktop.store.errors import WorkspaceDamaged
from kplan_desktop.ui.app import install_excepthook
from kplan_desktop.ui.main_window import MainWindow
from tests.ui.conftest import SmallPlan

DAMAGED = "is damaged; restore it from a backup copy."


def _shown(window: MainWindow) -> str:
    return window.message_bar.label.text() if window.message_bar.isVisible() else ""


def test_ctrl_e_on_a_damaged_file_says_so(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def malformed(*_a: object, **_k: object) -> NoReturn:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(queries, "groups", malformed)  # the export dialog reads the groups
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: DAMAGED in _shown(window))
    assert str(window.ws.path if window.ws else "") in _shown(window)


def test_a_refusal_raised_in_an_action_is_its_sentence(
        window: MainWindow, small_plan: SmallPlan, monkeypatch: pytest.MonkeyPatch) -> None:
    def damaged(*_a: object, **_k: object) -> NoReturn:
        raise WorkspaceDamaged("The workspace {path} is damaged; restore it from a backup"
                               " copy.", path=str(small_plan.path))

    monkeypatch.setattr(queries, "revisions", damaged)
    assert window.plan_page is not None
    window.plan_page.select_section(small_plan.goal_id)
    assert window.act_history.isEnabled()
    window.act_history.trigger()
    assert _shown(window) == (f"The workspace {small_plan.path} is damaged; restore it from a"
                              " backup copy.")


def test_a_bug_in_an_action_is_shown_as_a_bug_and_logged(
        window: MainWindow, small_plan: SmallPlan, monkeypatch: pytest.MonkeyPatch) -> None:
    def bug(*_a: object, **_k: object) -> NoReturn:
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(queries, "revisions", bug)
    assert window.plan_page is not None
    window.plan_page.select_section(small_plan.goal_id)
    window.act_history.trigger()
    assert "RuntimeError" in _shown(window) and str(log_path()) in _shown(window)
    assert "a bug of ours" in log_path().read_text(encoding="utf-8")


def test_a_worker_callback_that_raises_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    def callback(_result: int) -> NoReturn:
        raise RuntimeError("the callback failed")

    window.ops.run(lambda _progress: 1, on_success=callback)
    qtbot.waitUntil(lambda: "RuntimeError" in _shown(window))


def test_what_no_one_caught_is_shown_by_the_apps_hook(qtbot: QtBot, window: MainWindow) -> None:
    """A slot outside the actions (a timer here) raising: Qt hands it to sys.excepthook."""

    def slot() -> NoReturn:
        raise WorkspaceDamaged("The workspace {path} is damaged; restore it from a backup"
                               " copy.", path="x.kplan")

    previous = install_excepthook(window)  # in place of pytest-qt's, which fails the test
    try:
        QTimer.singleShot(0, slot)
        qtbot.waitUntil(lambda: DAMAGED in _shown(window))
    finally:
        sys.excepthook = previous


def test_the_open_workspace_is_not_read_as_a_file_to_import(
        window: MainWindow, small_plan: SmallPlan, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read through a plain descriptor, its closing would drop the window's SQLite locks."""
    monkeypatch.setattr("kplan_desktop.ui.window_file.QFileDialog.getOpenFileName",
                        lambda *_a, **_k: (str(small_plan.path), ""))
    window.act_import_draft.trigger()
    assert "is the workspace itself, not a file to import." in _shown(window)
    window.message_bar.hide()
    window.open_bundle(Path(f"{small_plan.path}-wal"))
    assert "is the workspace itself, not a file to import." in _shown(window)


def test_the_open_workspace_is_not_read_as_consultants_answers(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    window.import_answers_from(small_plan.path)
    qtbot.waitUntil(lambda: "is the workspace itself, not a file to import." in _shown(window),
                    timeout=10_000)
