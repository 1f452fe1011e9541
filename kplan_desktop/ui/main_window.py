"""The main window: the welcome screen, or a workspace's pages with menus and toolbar.

Every user action is one small ``action_*`` method; the menu, the toolbar and
the shortcut all call it, and the tests call it (or press its key) too. The
actions live in mixins by what they do (see :mod:`.window_base`); this module
makes the window, its actions and menus, and opens and closes the workspace.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import rules
from ..store import queries
from ..store.workspace import Workspace
from ..sync.instance import lock_workspace
from .answers_import_dialog import AnswersActions
from .app import TextScaler
from .columns import manage_columns
from .errors import show_error
from .operations import Operations, Progress
from .plan_page import PlanPage
from .settings import Settings
from .welcome import WelcomePage
from .window_base import MessageBar
from .window_file import FileActions
from .window_identity import IdentityActions
from .window_menus import MenuMaker
from .window_pages import PageActions
from .window_remarks import RemarkActions
from .window_sections import SectionActions

#: Files at least this large get their first-open check off the UI thread.
_CHECK_IN_BACKGROUND_BYTES = 32 * 1024 * 1024
#: How often the window looks whether another program changed its workspace.
OUTSIDE_POLL_MS = 1500


class MainWindow(MenuMaker, FileActions, RemarkActions, SectionActions, PageActions,
                 IdentityActions, AnswersActions):
    """One window, one workspace at a time."""

    def __init__(self, settings: Settings, scaler: TextScaler | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.scaler = scaler
        self.ws = None
        #: One window per workspace: held while it is open here.
        self._lock = None
        self.actor = None
        self.ops = Operations(self)
        self.undo_stack = QUndoStack(self)
        self.command_running = False  # a background change is on its way to the file
        self._info = None  # the plan's counts, read in the background
        self.setWindowTitle(self.tr("KPlan Desktop"))
        self._restore_geometry()

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(6, 4, 6, 0)
        column.setSpacing(4)
        self.message_bar = MessageBar(self)  # over the status bar: moves nothing
        self.stack = QStackedWidget()
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        # Column titles whole, widths set by hand kept per table (when its page first shows).
        self.stack.currentChanged.connect(
            lambda _i: manage_columns(self.stack.currentWidget(), self.settings))

        self.welcome = WelcomePage(can_join=True)
        self.welcome.join_plan.connect(self.guarded(self.action_join_plan))
        self.welcome.new_plan.connect(self.guarded(self.action_new_plan))
        self.welcome.open_file.connect(self.guarded(self.action_open_workspace))
        self.welcome.open_demo.connect(self.guarded(self.action_open_demo))
        self.welcome.open_recent.connect(self.guarded(self.open_workspace_safely))
        self.stack.addWidget(self.welcome)
        self.plan_page = None
        self.remarks_page = None
        self.dashboard_page = None
        self.records_page = None
        self.sync_page = None
        self.pages = []
        self._asker = None

        self._make_actions()
        self._make_menus()
        self._status = QLabel()
        self.statusBar().addWidget(self._status, 1)
        # The command line or a second copy may write the file while it is open here.
        self._data_version = 0
        self._outside_timer = QTimer(self)
        self._outside_timer.setInterval(OUTSIDE_POLL_MS)
        self._outside_timer.timeout.connect(self.guarded(self._look_outside))
        self.ops.wrote.connect(self.guarded(self._rebase_outside))
        self._show_welcome()

    # --- workspace

    def _show_welcome(self) -> None:
        self.welcome.set_recent([p for p in self.settings.recent if p.exists()])
        self.stack.setCurrentWidget(self.welcome)
        self.toolbar.hide()
        self._update_actions()
        self._status.setText("")
        self.setWindowTitle(self.tr("KPlan Desktop"))

    def open_workspace(self, path: Path, *, checked: bool = False) -> bool:
        """Open the workspace at ``path`` in this window; False (and a sentence) if it can't.

        A large file this copy has not opened at this path before is first checked
        (SQLite's quick_check reads all of it) in the background; the window opens it
        when the check is done, and True here means "on its way".
        """
        if self.ws is not None and self.ws.path.resolve() == Path(path).resolve():
            return True
        lock = None
        try:
            ws = Workspace.open(path, check=False)
            try:
                lock = lock_workspace(path)
                if ws.needs_first_open_check() and not checked:
                    if Path(path).stat().st_size < _CHECK_IN_BACKGROUND_BYTES:
                        ws.run_first_open_check()
                    else:
                        ws.close()
                        lock.release()
                        self._check_then_open(Path(path))
                        return True
            except BaseException:
                ws.close()
                if lock is not None:
                    lock.release()
                raise
        except Exception as exc:
            show_error(self, exc)
            if not path.exists():
                self.settings.forget(path)
            return False
        self._close_workspace()
        self._lock = lock
        self.ws = ws
        self.actor = ws.actor()
        self.settings.remember(path)
        self._build_pages(ws)
        plan = queries.plan(ws)
        self.setWindowTitle(f"{plan['title'] or path.stem} — {self.tr('KPlan Desktop')}")
        self.toolbar.show()
        self.message_bar.hide()
        if ws.on_network_drive():
            self.show_message(self.tr(
                "This workspace is on a network drive, where it can be damaged by two"
                " programs writing at once. Keep it on this computer's disk and share"
                " bundles instead."))
        self._update_actions()
        self._update_status()
        self._data_version = ws.data_version()
        self._outside_timer.start()
        return True

    def _check_then_open(self, path: Path) -> None:
        def check(progress: Progress) -> None:
            progress(0, 0)
            Workspace.open(path).close()  # runs and records the first-open check

        def checked(_none: None) -> None:
            self.open_workspace(path, checked=True)

        def failed(exc: BaseException) -> None:
            show_error(self, exc)

        self.ops.run(
            check, on_success=checked, on_failure=failed,
            label=self.tr("Checking {name} before opening it…").format(name=path.name),
        )

    def _build_pages(self, ws: Workspace) -> None:
        self.plan_page = PlanPage(ws)
        self.plan_page.remark_changed.connect(self._remark_changed)
        self.plan_page.section_view.selection_changed.connect(lambda _s: self._update_actions())
        self.plan_page.detail.edit_requested.connect(self.guarded(self.action_edit_remark))
        self.plan_page.detail.withdraw_requested.connect(
            self.guarded(self.action_withdraw_remark))
        self.plan_page.detail.compare_requested.connect(self.guarded(self.action_compare_text))
        self.pages = [self.plan_page]
        self.stack.addWidget(self.plan_page)
        self.stack.setCurrentWidget(self.plan_page)
        self.act_show_plan.setChecked(True)
        first = self.plan_page.tree_model.index(0, 0)
        if first.isValid():
            self.plan_page.tree.expand(first)
            self.plan_page.tree.setCurrentIndex(first)
        self.plan_page.tree.setFocus()

    def _close_workspace(self) -> None:
        self._outside_timer.stop()
        self.ops.cancel_all()
        self.ops.wait()
        self.undo_stack.clear()
        for page in self.pages:
            detach = getattr(page, "detach", None)
            if detach is not None:
                detach()
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = []
        self.plan_page = None
        self.remarks_page = None
        self.dashboard_page = None
        self.records_page = None
        self.sync_page = None
        if self.ws is not None:
            self.ws.close()
            self.ws = None
            self._info = None
            self.actor = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # --- changes made by another program

    def _look_outside(self) -> None:
        """SQLite's data_version on the window's connection moves with every commit made
        elsewhere: the window's own workers, the command line, another copy."""
        ws = self.ws
        if ws is None or self.command_running or self.ops.writing:
            return  # our own write is on its way; when it ends the count is taken again
        try:
            version = ws.data_version()
        except Exception:
            self._outside_timer.stop()  # said once (by the guard), not every poll
            raise
        if version != self._data_version:
            self._data_version = version
            self._outside_changed()

    def _rebase_outside(self) -> None:
        """Our own background write ended: what it changed is shown by its own callback."""
        if self.ws is not None:
            self._data_version = self.ws.data_version()

    def _outside_changed(self) -> None:
        """Another program changed the file: show it as after a sync import (which also
        empties the undo history, written against the file as it was)."""
        if self.ws is None:
            return
        self.actor = self.ws.actor()  # memberships may have changed too
        self._synced()


    def _remark_changed(self) -> None:
        remark = self.current_remark()
        page = self._active_page()
        detail = getattr(page, "detail", None)
        if detail is not None:
            detail.show_remark(
                remark,
                may_edit=remark is not None and self.may_edit(remark),
                may_answer=remark is not None and self.may_answer(remark),
            )
        self._update_actions()

    def _update_actions(self) -> None:
        open_ws = self.ws is not None
        self.act_close.setEnabled(open_ws)
        writer = open_ws and self.actor is not None and rules.may_write_remarks(self.actor)
        on_plan = self.plan_page is not None and self._active_page() is self.plan_page
        self.act_write_remark.setVisible(writer)
        self.act_write_remark.setEnabled(
            writer and on_plan and self.plan_page is not None
            and self.plan_page.section_id is not None)
        remark = self.current_remark() if open_ws else None
        mine_open = (remark is not None and self.may_edit(remark)
                     and remark["status"] in ("new", "under_review"))
        self.act_edit_remark.setEnabled(mine_open)
        self.act_withdraw_remark.setEnabled(mine_open)
        self.act_compare.setEnabled(remark is not None and bool(remark["text_changed"]))
        officer = self.actor is not None and bool(
            self.actor.coordinates or self.actor.officer_groups)
        self.act_answer.setVisible(open_ws and officer)
        self.act_answer.setEnabled(open_ws and officer and bool(self.selected_remark_ids()))
        self.act_find.setEnabled(open_ws)
        section = self._section_for_editing()
        for act in (self.act_edit_section, self.act_move_up, self.act_move_down,
                    self.act_move_to):
            act.setVisible(open_ws and officer)
            act.setEnabled(section is not None)
        self.act_history.setEnabled(
            on_plan and self.plan_page is not None and self.plan_page.section_id is not None)
        for act in self._page_actions():
            act.setEnabled(open_ws)
        for act in (self.act_export_remarks, self.act_export_draft, self.act_import_bundle,
                    self.act_export_bundle):
            act.setEnabled(open_ws)
        may_import_draft = open_ws and self.actor is not None and self.actor.coordinates
        self.act_import_draft.setVisible(bool(may_import_draft))
        self.act_import_draft.setEnabled(bool(may_import_draft))
        self.act_import_answers.setVisible(bool(open_ws and officer))
        self.act_import_answers.setEnabled(bool(open_ws and officer))

    def _update_status(self, *, recount: bool = True) -> None:
        """The status bar; the plan's counts are read again off the UI thread (a full count
        of 50,000 remarks is a noticeable pause) and the line is redrawn when they arrive."""
        if self.ws is None:
            return
        parts = []
        page = self.remarks_page
        if page is not None and self._active_page() is page and not page.loading:
            parts.append(self.tr("%n of {total} remark(s) shown", "", page.model.total).format(
                total=page.total))
        info = self._info
        if info is not None:
            by_status = info["remarks_by_status"]
            open_count = by_status.get("new", 0) + by_status.get("under_review", 0)
            parts.append(self.tr("{sections} sections · {remarks} remarks, {open} open").format(
                sections=info["sections"], remarks=info["remarks"], open=open_count))
        parts.append(self.ws.path.name)  # the whole path, too long at large text, in the tip
        self._status.setText(" · ".join(parts))
        self._status.setToolTip(str(self.ws.path))
        if recount:
            ws = self.ws

            def counted(info: dict[str, Any]) -> None:
                if self.ws is ws:
                    self._info = info
                    self._update_status(recount=False)

            self.ops.run_on_workspace(ws.path, lambda w, _p: queries.info(w), readonly=True,
                                      on_success=counted, on_failure=lambda _e: None)

    def _changed(self, kind: str, ids: Sequence[str]) -> None:
        """After any change (done, undone, redone): show the files's new state."""
        if self.plan_page is not None:
            if kind == "tree":
                self.plan_page.reload_tree()
            self.plan_page.refresh_section()
        for page in self.pages:
            refresh = getattr(page, "refresh_after_change", None)
            if refresh is not None and page is not self.plan_page:
                refresh(kind, ids)
        self._remark_changed()
        self._update_status()

    def _restore_geometry(self) -> None:
        """Where and how large the window was when last closed; the first time 1400x880,
        grown with a large text size as far as the screen allows."""
        saved = self.settings.window_state("geometry")
        if saved is not None and self.restoreGeometry(saved):
            return
        width, height = 1400, 880
        pct = self.scaler.pct if self.scaler is not None else 100
        screen = QGuiApplication.primaryScreen()
        if screen is not None and pct > 100:
            area = screen.availableGeometry()
            width = max(width, min(int(area.width() * 0.95), width * pct // 100))
            height = max(height, min(int(area.height() * 0.95), height * pct // 100))
        self.resize(width, height)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_window_state("geometry", self.saveGeometry())
        self._close_workspace()
        self.settings.sync()
        super().closeEvent(event)


    # --- view

    def action_text_larger(self) -> None:
        if self.scaler is not None:
            self.scaler.larger()

    def action_text_smaller(self) -> None:
        if self.scaler is not None:
            self.scaler.smaller()

    def action_text_reset(self) -> None:
        if self.scaler is not None:
            self.scaler.reset()

    def action_about(self) -> None:
        from .about import AboutDialog, build_info

        AboutDialog(self, build_info()).open()  # deletes itself when closed

    def context_point(self) -> QPoint:
        return self.rect().center()
