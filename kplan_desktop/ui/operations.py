"""Long work off the UI thread, with progress, cancel, and callbacks back on the UI thread.

Modelled on Anki's ``aqt.operations``: the caller hands over a function that
does the work and two callbacks; the work runs in a thread pool, the
callbacks run on the UI thread when it ends. The work function receives
``progress(done, total) -> bool``; it returns False once the user cancelled,
and the work should then stop (raising :class:`Cancelled` or returning early).

SQLite connections belong to one thread, so work on a workspace goes through
:meth:`Operations.run_on_workspace`, which opens the worker's own
:class:`~kplan_desktop.store.workspace.Workspace` and closes it afterwards.
Work that may write says so (``readonly=False``): the window then tells its own
writes from another program's (:attr:`Operations.writing`, :attr:`Operations.wrote`).

A callback that raises is shown in the window like a failed work, never left to
stderr.

Example::

    ops = Operations(window)
    ops.run_on_workspace(
        path,
        lambda ws, progress: queries.remark_ids(ws, flt),
        on_success=model.set_ids,
        label=window.tr("Filtering remarks…"),
    )
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..store.workspace import Workspace

T = TypeVar("T")

#: What the work function receives: report ``done`` of ``total``; False means "stop now".
Progress = Callable[[int, int], bool]

#: How long work may run before its progress dialog appears (a short job shows none).
PROGRESS_DELAY_MS = 400
#: Progress is passed to the UI thread at most this often, so a tight loop cannot flood it.
_PROGRESS_INTERVAL_S = 0.05


class Cancelled(Exception):
    """Raised by work that noticed the user cancelled it; not an error to report."""


class _Bridge(QObject):
    """Lives on the UI thread; signals emitted from the worker are queued to it."""

    finished = Signal(object)  # the result
    failed = Signal(object)  # the exception
    progressed = Signal(int, int)


class Task(QObject, Generic[T]):
    """One piece of background work: cancel it, ask whether it is done."""

    def __init__(
        self,
        work: Callable[[Progress], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None,
        on_cancelled: Callable[[], None] | None,
        parent: QObject,
        report: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self._on_cancelled = on_cancelled
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self._report = report or on_failure
        self.done = False
        #: The work may write to the workspace (run_on_workspace without readonly).
        self.writes = False
        self.bridge = _Bridge(self)
        queued = Qt.ConnectionType.QueuedConnection
        self.bridge.finished.connect(self._succeeded, queued)
        self.bridge.failed.connect(self._failed, queued)
        self.bridge.progressed.connect(self._progressed, queued)
        self.dialog: QProgressDialog | None = None

    # --- on the worker thread ----------------------------------------------------------------

    def progress(self, done: int, total: int) -> bool:
        """Given to the work function; thread-safe."""
        now = time.monotonic()
        if done >= total or now - self._last_progress >= _PROGRESS_INTERVAL_S:
            self._last_progress = now
            self.bridge.progressed.emit(done, total)
        return not self._cancel.is_set()

    def execute(self) -> None:
        try:
            result = self._work(self.progress)
        except BaseException as exc:  # delivered to the UI thread; nothing may escape a worker
            self.bridge.failed.emit(exc)
        else:
            self.bridge.finished.emit(result)

    # --- on the UI thread ----------------------------------------------------------------------

    def cancel(self) -> None:
        """Ask the work to stop; its success callback will not run."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _end(self) -> None:
        self.done = True
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _call(self, callback: Callable[..., None], *args: Any) -> None:
        """Run a callback; its own error is shown like the work's (Qt would only print it)."""
        try:
            callback(*args)
        except Exception as exc:
            self._report(exc)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self._end()
        if self.cancelled:
            if self._on_cancelled is not None:
                self._call(self._on_cancelled)
            return
        self._call(self._on_success, result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._end()
        if isinstance(exc, Cancelled) or self.cancelled:
            if self._on_cancelled is not None:
                self._call(self._on_cancelled)
            return
        self._call(self._on_failure, exc)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self.done:
            return
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, total))
        if self._on_progress is not None:
            self._call(self._on_progress, done, total)


class _Runnable(QRunnable):
    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task.execute()


class Operations(QObject):
    """Runs a window's long work in a thread pool. One per window; pass it where needed."""

    #: Work that may have written to a workspace has ended (on the UI thread, after its
    #: callback): what changed in the file since is another program's.
    wrote = Signal()

    def __init__(self, window: QWidget | None, pool: QThreadPool | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._pool = pool or QThreadPool(self)
        self._tasks: set[Task[Any]] = set()

    def run(
        self,
        work: Callable[[Progress], T],
        *,
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        label: str | None = None,
        writes: bool = False,
    ) -> Task[T]:
        """Start ``work(progress)`` in the pool; callbacks arrive on the UI thread.

        With a ``label`` a progress dialog with a Cancel button appears when the
        work takes longer than a moment. Failures go to ``on_failure``, by default
        shown in the window (see :mod:`.errors`). ``writes``: the work may write to a
        workspace; :attr:`wrote` is emitted when it has ended.
        """
        if on_failure is None:
            on_failure = self._show_failure
        task: Task[T] = Task(work, on_success, on_failure, on_progress, on_cancelled, self,
                             report=self._show_failure)
        self._tasks.add(task)

        def forget() -> None:
            self._tasks.discard(task)
            task.deleteLater()

        task.bridge.finished.connect(forget, Qt.ConnectionType.QueuedConnection)
        task.bridge.failed.connect(forget, Qt.ConnectionType.QueuedConnection)
        if writes:
            task.writes = True
            # Connected after the callbacks, so it comes after them.
            task.bridge.finished.connect(lambda _r: self.wrote.emit(),
                                         Qt.ConnectionType.QueuedConnection)
            task.bridge.failed.connect(lambda _e: self.wrote.emit(),
                                       Qt.ConnectionType.QueuedConnection)
        if label is not None:
            self._attach_dialog(task, label)
        self._pool.start(_Runnable(task))
        return task

    def run_on_workspace(
        self,
        path: Path,
        work: Callable[[Workspace, Progress], T],
        *,
        readonly: bool = False,
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        label: str | None = None,
    ) -> Task[T]:
        """As :meth:`run`, with the worker's own connection to the workspace at ``path``."""

        def with_workspace(progress: Progress) -> T:
            with Workspace.open(path, readonly=readonly) as ws:
                return work(ws, progress)

        return self.run(
            with_workspace,
            on_success=on_success,
            on_failure=on_failure,
            on_progress=on_progress,
            on_cancelled=on_cancelled,
            label=label,
            writes=not readonly,
        )

    @property
    def busy(self) -> bool:
        return any(not t.done for t in self._tasks)

    @property
    def writing(self) -> bool:
        """Is work that may write to a workspace under way?"""
        return any(t.writes and not t.done for t in self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (closing the window, tests); True if it is."""
        return bool(self._pool.waitForDone(msecs))

    def _attach_dialog(self, task: Task[Any], label: str) -> None:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._window)
        dialog.setWindowTitle(label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)
        task.dialog = dialog
        # QProgressDialog only times its appearance from setValue; start that clock now.
        def start_clock() -> None:
            if task.dialog is not None:
                task.dialog.setValue(0)

        QTimer.singleShot(0, start_clock)

    def _show_failure(self, exc: BaseException) -> None:
        from .errors import show_error

        show_error(self._window, exc)
