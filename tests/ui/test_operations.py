"""Background work: results, failures, progress and cancel reach the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from kplan_desktop.core.errors import InvalidInput
from kplan_desktop.store import queries
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui.errors import error_text, show_error
from kplan_desktop.ui.operations import Cancelled, Operations, Progress
from tests.helpers import make_plan


def _ui_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_result_arrives_on_the_ui_thread(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    ops = Operations(window)
    worker_threads: list[int] = []
    seen: list[tuple[int, bool]] = []

    def work(progress: Progress) -> int:
        worker_threads.append(threading.get_ident())
        return 6 * 7

    ops.run(work, on_success=lambda r: seen.append((r, QThread.currentThread() is _ui_thread())))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(42, True)]
    assert worker_threads and worker_threads[0] != threading.get_ident()


def test_failure_goes_to_the_failure_callback(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    ops = Operations(window)
    errors: list[BaseException] = []

    def work(progress: Progress) -> None:
        raise InvalidInput("The remark is empty; write what you want to say.")

    ops.run(work, on_success=lambda r: None, on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], InvalidInput)
    assert not ops.busy


def test_cancel_stops_the_work_and_skips_success(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    ops = Operations(window)
    started = threading.Event()
    steps: list[int] = []
    results: list[object] = []
    cancelled: list[bool] = []
    reported: list[tuple[int, int]] = []

    def work(progress: Progress) -> str:
        started.set()
        for i in range(10_000):
            steps.append(i)
            if not progress(i, 10_000):
                raise Cancelled
            threading.Event().wait(0.001)
        return "finished"

    task = ops.run(work, on_success=results.append, on_cancelled=lambda: cancelled.append(True),
                   on_progress=lambda d, t: reported.append((d, t)))
    assert started.wait(5)
    qtbot.waitUntil(lambda: bool(reported))
    task.cancel()
    qtbot.waitUntil(lambda: bool(cancelled))
    assert results == []
    assert len(steps) < 10_000
    assert reported[0][1] == 10_000


def test_workspace_work_opens_its_own_connection(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "plan.kplan"
    make_plan(path).close()
    window = QMainWindow()
    qtbot.addWidget(window)
    ops = Operations(window)
    titles: list[str] = []
    ops.run_on_workspace(path, lambda ws, progress: queries.plan(ws)["title"],
                         readonly=True, on_success=titles.append)
    qtbot.waitUntil(lambda: bool(titles))
    assert titles == ["Kauno strateginis plėtros planas"]
    with Workspace.open(path) as ws:  # the worker closed its connection: the file is free
        assert queries.info(ws)["groups"] == 1


def test_a_users_error_is_one_sentence(qtbot: QtBot) -> None:
    exc = InvalidInput("“{value}” is not a date; write it as 2024-03-15.", value="rytoj")
    assert error_text(exc) == "“rytoj” is not a date; write it as 2024-03-15."


def test_a_bug_is_logged_and_shown_with_the_log_path(qtbot: QtBot, data_dir: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        text = show_error(window, exc)
    log = data_dir / "logs" / "kplan.log"
    assert str(log) in text
    assert "Traceback" not in text
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert str(log) in box.text()
    box.close()
