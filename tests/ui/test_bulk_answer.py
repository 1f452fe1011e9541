"""Answering 2,000 remarks at once runs off the UI thread: progress, cancel, one undo step."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from kplan_desktop.core.ids import uuid7
from kplan_desktop.store import queries
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui import operations
from kplan_desktop.ui.dialogs import AnswerDialog
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.settings import Settings
from tests.ui.conftest import SmallPlan, build_small_plan
from tests.ui.test_flows import _ok, _type

N = 2000


@pytest.fixture
def big_plan(tmp_path: Path) -> SmallPlan:
    """The small plan with N of the expert's remarks, the rest written in one transaction
    (as an imported bundle would: 2,000 single writes would make the test slow)."""
    plan = build_small_plan(tmp_path / "big.kplan", n_remarks=1)
    with Workspace.open(plan.path) as ws:
        first = ws.conn.execute("SELECT * FROM remark").fetchone()
        columns = [d[0] for d in ws.conn.execute("SELECT * FROM remark").description]
        fields = {c: v for c, v in zip(columns, first, strict=True)
                  if c not in ("id", "hlc", "device", "deleted", "number", "renumbered_from")}
        with ws.write(ws.actor(str(fields["author_id"]))) as w:  # as the expert herself
            for i in range(1, N):
                rid = uuid7()
                w.put("remark", rid, {**fields, "text": f"Pastaba {i}."})
                plan.remark_ids.append(rid)
    return plan


@pytest.fixture
def big_window(qtbot: QtBot, settings: Settings, big_plan: SmallPlan,
               monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(operations, "PROGRESS_DELAY_MS", 0)  # the dialog at once
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.open_workspace(big_plan.path)
    yield win
    win.close()


def _statuses(plan: SmallPlan) -> dict[str, int]:
    with Workspace.open(plan.path) as ws:
        return dict(ws.conn.execute(
            "SELECT status, count(*) FROM remark GROUP BY status").fetchall())


def _answer_dialog(window: MainWindow) -> AnswerDialog | None:
    shown = [d for d in window.findChildren(AnswerDialog) if d.isVisible()]
    return shown[-1] if shown else None


def _answer_all(qtbot: QtBot, window: MainWindow, status: str) -> None:
    window.action_answer_remarks()
    qtbot.waitUntil(lambda: _answer_dialog(window) is not None)
    dialog = _answer_dialog(window)
    assert dialog is not None
    dialog.status.setCurrentIndex(dialog.status.findData(status))
    _type(dialog.response, "Informacija bus įvertinta rengiant priemonių planą.")
    _ok(dialog, qtbot)


def _progress(qtbot: QtBot, window: MainWindow, label: str) -> QProgressDialog:
    """The progress dialog of the change under way (not of reading the selection)."""

    def find() -> QProgressDialog | None:
        for dialog in window.findChildren(QProgressDialog):
            if dialog.labelText().startswith(label):
                return dialog
        return None

    qtbot.waitUntil(lambda: find() is not None)
    found = find()
    assert found is not None
    return found


def _cancel(qtbot: QtBot, progress: QProgressDialog) -> None:
    button = progress.findChild(QPushButton)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


class GapMeter:
    """The longest time the UI thread went without running a 5 ms timer."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.ticks = 0
        self.started = self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self.ticks += 1
        self._last = now


def test_bulk_answer_of_2000_remarks_cancels_whole_and_undoes_in_one_step(
        qtbot: QtBot, big_window: MainWindow, big_plan: SmallPlan) -> None:
    window = big_window
    window.action_show_remarks()
    page = window.remarks_page
    assert page is not None
    qtbot.waitUntil(lambda: not page.loading and page.model.total == N, timeout=5000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.selected_remark_ids()) == N  # every remark found, not only those shown

    # Cancel while it runs: the transaction is rolled back, nothing is half-answered.
    _answer_all(qtbot, window, "noted")
    assert window.command_running
    progress = _progress(qtbot, window, "Answering")
    qtbot.waitUntil(lambda: progress.value() > 0, timeout=5000)
    _cancel(qtbot, progress)
    qtbot.waitUntil(lambda: not window.command_running, timeout=10_000)
    assert _statuses(big_plan) == {"new": N}
    assert window.undo_stack.count() == 0
    assert "nothing was changed" in window.message_bar.label.text()

    # Let it finish: every remark answered, the window kept painting meanwhile.
    meter = GapMeter()
    _answer_all(qtbot, window, "noted")
    qtbot.waitUntil(lambda: not window.command_running, timeout=20_000)
    meter.timer.stop()
    assert _statuses(big_plan) == {"noted": N}
    # Done on the UI thread, the whole answer would be one long gap. On a busy machine
    # every gap grows, so the gap is judged against the time the whole answer took.
    elapsed = time.perf_counter() - meter.started
    assert meter.longest < max(0.15, elapsed * 0.6), (
        f"the window froze for {meter.longest * 1000:.0f} of {elapsed * 1000:.0f} ms")
    assert meter.ticks >= 5  # the event loop kept running while the answer was written
    assert window.undo_stack.count() == 1
    assert page.model.index(0, 2).data() == "noted"

    # One undo puts all 2,000 earlier answers back; redo answers them again.
    window.action_undo()
    assert not window.act_undo.isEnabled()  # one change at a time
    qtbot.waitUntil(lambda: not window.command_running, timeout=20_000)
    assert _statuses(big_plan) == {"new": N}
    assert window.undo_stack.index() == 0
    window.action_redo()
    qtbot.waitUntil(lambda: not window.command_running, timeout=20_000)
    assert _statuses(big_plan) == {"noted": N}
    assert window.undo_stack.index() == 1
    with Workspace.open(big_plan.path) as ws:
        assert queries.count_remarks(ws, queries.RemarkFilter(statuses=("noted",))) == N


def test_a_cancelled_undo_keeps_its_place_on_the_stack(
        qtbot: QtBot, big_window: MainWindow, big_plan: SmallPlan) -> None:
    window = big_window
    window.action_show_remarks()
    page = window.remarks_page
    assert page is not None
    qtbot.waitUntil(lambda: not page.loading and page.model.total == N, timeout=5000)
    page.table.selectAll()
    _answer_all(qtbot, window, "accepted")
    qtbot.waitUntil(lambda: not window.command_running, timeout=20_000)
    assert _statuses(big_plan) == {"accepted": N}

    window.action_undo()
    progress = _progress(qtbot, window, "Undoing")
    qtbot.waitUntil(lambda: progress.value() > 0, timeout=5000)
    _cancel(qtbot, progress)
    qtbot.waitUntil(lambda: not window.command_running, timeout=10_000)
    assert _statuses(big_plan) == {"accepted": N}
    assert window.undo_stack.index() == 1  # still undoable
    assert window.act_undo.isEnabled()
