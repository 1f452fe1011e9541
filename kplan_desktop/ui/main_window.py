"""The main window: the welcome screen, or a workspace's pages with menus and toolbar.

Every user action is one small ``action_*`` method; the menu, the toolbar and
the shortcut all call it, and the tests call it (or press its key) too.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import rules
from ..core.model import Actor, RemarkStatus
from ..store import queries
from ..store.workspace import Workspace
from ..sync.instance import InstanceLock, lock_workspace
from .app import TextScaler, lazy_module
from .errors import show_error
from .operations import Operations, Progress
from .plan_page import PlanPage
from .settings import Settings
from .welcome import WelcomePage

#: Files at least this large get their first-open check off the UI thread.
_CHECK_IN_BACKGROUND_BYTES = 32 * 1024 * 1024

if TYPE_CHECKING:  # imported when first used: the first window opens sooner without them
    from ..store import actions
    from ..sync.keys import KeyStore
    from . import commands
    from .dashboard import DashboardPage
    from .dialogs import AnswerDialog
    from .keys import PassphraseAsker
    from .records import RecordsPage
    from .remarks_page import RemarksPage
    from .sync_page import SyncPage
else:
    actions = lazy_module("kplan_desktop.store.actions")
    commands = lazy_module("kplan_desktop.ui.commands")


class MessageBar(QFrame):
    """A calm inline message above the pages; errors stay until closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        self.label = QLabel()
        self.label.setObjectName("messageText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close this message"))
        close.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_text(self, text: str, *, error: bool) -> None:
        colour = "#fef2f2; color: #991b1b" if error else "#ecfdf5; color: #065f46"
        self.setStyleSheet(f"#messageBar {{ background: {colour}; border-radius: 4px }}")
        self.label.setText(text)
        self.show()
        if error:
            self._timer.stop()
        else:
            self._timer.start(6000)


class MainWindow(QMainWindow):
    """One window, one workspace at a time."""

    def __init__(self, settings: Settings, scaler: TextScaler | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.scaler = scaler
        self.ws: Workspace | None = None
        #: One window per workspace: held while it is open here.
        self._lock: InstanceLock | None = None
        self.actor: Actor | None = None
        self.ops = Operations(self)
        self.undo_stack = QUndoStack(self)
        self.command_running = False  # a background change is on its way to the file
        self._info: dict[str, Any] | None = None  # the plan's counts, read in the background
        self.setWindowTitle(self.tr("KPlan Desktop"))
        self.resize(1400, 880)

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(6, 4, 6, 0)
        column.setSpacing(4)
        self.message_bar = MessageBar()
        column.addWidget(self.message_bar)
        self.stack = QStackedWidget()
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.welcome = WelcomePage(can_join=True)
        self.welcome.join_plan.connect(self.action_join_plan)
        self.welcome.new_plan.connect(self.action_new_plan)
        self.welcome.open_file.connect(self.action_open_workspace)
        self.welcome.open_demo.connect(self.action_open_demo)
        self.welcome.open_recent.connect(self.open_workspace)
        self.stack.addWidget(self.welcome)
        self.plan_page: PlanPage | None = None
        self.remarks_page: RemarksPage | None = None
        self.dashboard_page: DashboardPage | None = None
        self.records_page: RecordsPage | None = None
        self.sync_page: SyncPage | None = None
        self.pages: list[QWidget] = []
        self._asker: PassphraseAsker | None = None

        self._make_actions()
        self._make_menus()
        self._status = QLabel()
        self.statusBar().addWidget(self._status, 1)
        self._show_welcome()

    # --- messages (see errors.MessageArea)

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message_bar.show_text(text, error=error)

    def _guard(self, fn: Callable[[], Any]) -> Any:
        """Run a user action; an error becomes a sentence in the window."""
        try:
            return fn()
        except Exception as exc:
            show_error(self, exc)
            return None

    # --- actions

    def _action(self, name: str, text: str, slot: Callable[[], Any],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        a = self._action
        SK = QKeySequence.StandardKey
        self.act_new_plan = a("newPlan", self.tr("&New plan…"), self.action_new_plan)
        self.act_open = a("openWorkspace", self.tr("&Open workspace…"),
                          self.action_open_workspace, SK.Open)
        self.act_demo = a("openDemo", self.tr("Open the &demo plan"), self.action_open_demo)
        self.act_close = a("closeWorkspace", self.tr("&Close workspace"),
                           self.action_close_workspace, SK.Close)
        self.act_quit = a("quit", self.tr("&Quit"), self.action_quit, SK.Quit)
        self.act_join = a("joinPlan", self.tr("&Join a plan from a bundle…"),
                          self.action_join_plan)
        self.act_export_remarks = a(
            "exportRemarks", self.tr("E&xport remarks…"), self.action_export_remarks, "Ctrl+E",
            self.tr("The consolidated remarks as DOCX or PDF (Ctrl+E)"))
        self.act_export_draft = a("exportDraft", self.tr("Export the &draft with remarks…"),
                                  self.action_export_draft)
        self.act_import_draft = a("importDraft", self.tr("&Import a new draft…"),
                                  self.action_import_draft)
        self.act_import_bundle = a("importBundle", self.tr("Import &bundles…"),
                                   self.action_import_bundle)
        self.act_export_bundle = a("exportBundle", self.tr("Export a b&undle…"),
                                   self.action_export_bundle)

        self.act_undo = a("undo", self.tr("&Undo"), self.action_undo, SK.Undo)
        self.act_redo = a("redo", self.tr("&Redo"), self.action_redo, SK.Redo)
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self._undo_state)
        self.undo_stack.canRedoChanged.connect(self._undo_state)
        self.undo_stack.undoTextChanged.connect(lambda _t: self._undo_state())
        self.undo_stack.redoTextChanged.connect(lambda _t: self._undo_state())

        self.act_write_remark = a(
            "writeRemark", self.tr("&Write a remark…"), self.action_write_remark, "Ctrl+M",
            self.tr("Write a remark on the selected passage (Ctrl+M)"))
        self.act_edit_remark = a("editRemark", self.tr("&Edit my remark…"),
                                 self.action_edit_remark, "Ctrl+Shift+E")
        self.act_withdraw_remark = a("withdrawRemark", self.tr("W&ithdraw my remark"),
                                     self.action_withdraw_remark)
        self.act_compare = a("compareText", self.tr("&Old and new text…"),
                             self.action_compare_text)

        self.act_answer = a("answerRemarks", self.tr("&Answer remarks…"),
                            self.action_answer_remarks, "Ctrl+Shift+A",
                            self.tr("Set the status and response of the selected remarks"))
        self.act_find = a("findRemarks", self.tr("&Find remarks…"), self.action_find,
                          SK.Find)

        self.act_edit_section = a("editSection", self.tr("&Edit section…"),
                                  self.action_edit_section, "F2")
        self.act_history = a("sectionHistory", self.tr("&History and differences…"),
                             self.action_section_history, "Ctrl+H")
        self.act_move_up = a("moveSectionUp", self.tr("Move &up"), self.action_move_section_up,
                             "Alt+Up")
        self.act_move_down = a("moveSectionDown", self.tr("Move &down"),
                               self.action_move_section_down, "Alt+Down")
        self.act_move_to = a("moveSectionTo", self.tr("&Move to…"), self.action_move_section_to,
                             "Ctrl+Shift+M",
                             self.tr("Move the section, with everything under it, under"
                                     " another section (Ctrl+Shift+M)"))

        self.page_group = QActionGroup(self)
        self.act_show_plan = a("showPlan", self.tr("&Plan"), self.action_show_plan, "Ctrl+1")
        self.act_show_remarks = a("showRemarks", self.tr("All &remarks"),
                                  self.action_show_remarks, "Ctrl+2")
        self.act_show_dashboard = a("showDashboard", self.tr("&Dashboard"),
                                    self.action_show_dashboard, "Ctrl+3")
        self.act_show_records = a("showRecords", self.tr("&Groups and meetings"),
                                  self.action_show_records, "Ctrl+4")
        self.act_show_sync = a("showSync", self.tr("&Sync"), self.action_show_sync, "Ctrl+5",
                               self.tr("Send and receive bundles, trust, conflicts (Ctrl+5)"))
        for act in self._page_actions():
            act.setCheckable(True)
            self.page_group.addAction(act)

        self.act_larger = a("textLarger", self.tr("&Larger text"), self.action_text_larger,
                            SK.ZoomIn)
        self.act_smaller = a("textSmaller", self.tr("&Smaller text"),
                             self.action_text_smaller, SK.ZoomOut)
        self.act_reset_text = a("textReset", self.tr("&Normal text size"),
                                self.action_text_reset, "Ctrl+0")
        self.act_about = a("about", self.tr("&About KPlan"), self.action_about)

    def _page_actions(self) -> list[QAction]:
        return [self.act_show_plan, self.act_show_remarks, self.act_show_dashboard,
                self.act_show_records, self.act_show_sync]

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addActions([self.act_new_plan, self.act_open, self.act_demo])
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.file_menu.addMenu(self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addAction(self.act_join)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.act_export_remarks, self.act_export_draft,
                                   self.act_import_draft])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.act_import_bundle, self.act_export_bundle])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_close)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addActions([self.act_undo, self.act_redo])

        self.remark_menu = bar.addMenu(self.tr("&Remarks"))
        self.remark_menu.addActions([self.act_write_remark, self.act_edit_remark,
                                     self.act_withdraw_remark, self.act_compare])
        self.remark_menu.addSeparator()
        self.remark_menu.addActions([self.act_answer, self.act_find])

        self.section_menu = bar.addMenu(self.tr("&Section"))
        self.section_menu.addActions([self.act_edit_section, self.act_history])
        self.section_menu.addSeparator()
        self.section_menu.addActions([self.act_move_up, self.act_move_down, self.act_move_to])

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addActions(self._page_actions())
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.act_larger, self.act_smaller, self.act_reset_text])

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.act_about)

        self.toolbar = QToolBar(self.tr("Main"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.toolbar.addActions(self._page_actions())
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.act_write_remark, self.act_answer, self.act_edit_section])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.act_undo, self.act_redo])
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        self.toolbar.addWidget(spacer)
        self.text_size_button = QToolButton()
        self.text_size_button.setText(self.tr("Aa"))
        self.text_size_button.setToolTip(self.tr("Text size"))
        self.text_size_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        size_menu = QMenu(self.text_size_button)
        size_menu.addActions([self.act_larger, self.act_smaller, self.act_reset_text])
        self.text_size_button.setMenu(size_menu)
        self.toolbar.addWidget(self.text_size_button)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent:
            act = self.recent_menu.addAction(str(path))
            act.triggered.connect(lambda _c=False, p=path: self.open_workspace(p))
        self.recent_menu.setEnabled(bool(self.settings.recent))

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
        self.plan_page.detail.edit_requested.connect(self.action_edit_remark)
        self.plan_page.detail.withdraw_requested.connect(self.action_withdraw_remark)
        self.plan_page.detail.compare_requested.connect(self.action_compare_text)
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

    # --- state of the actions (what a role may not do is not offered)

    def _active_page(self) -> QWidget | None:
        page = self.stack.currentWidget()
        return page if page in self.pages else None

    def current_remark(self) -> dict[str, Any] | None:
        page = self._active_page()
        getter = getattr(page, "current_remark", None)
        return getter() if getter is not None else None

    def selected_remark_ids(self) -> list[str]:
        page = self._active_page()
        getter = getattr(page, "selected_remark_ids", None)
        return list(getter()) if getter is not None else []

    def may_answer(self, remark: dict[str, Any]) -> bool:
        return self.actor is not None and rules.may_answer(
            self.actor, remark.get("group_id"), remark.get("section_group_id"))

    def may_edit(self, remark: dict[str, Any]) -> bool:
        return self.actor is not None and rules.may_edit_remark(self.actor, remark["author_id"])

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

    def _update_status(self, *, recount: bool = True) -> None:
        """The status bar; the plan's counts are read again off the UI thread (a full count
        of 50,000 remarks is a noticeable pause) and the line is redrawn when they arrive."""
        if self.ws is None:
            return
        parts = []
        page = self.remarks_page
        if page is not None and self._active_page() is page and not page.loading:
            parts.append(self.tr("{shown} of {total} remarks shown").format(
                shown=page.model.total, total=page.total))
        info = self._info
        if info is not None:
            by_status = info["remarks_by_status"]
            open_count = by_status.get("new", 0) + by_status.get("under_review", 0)
            parts.append(self.tr("{sections} sections · {remarks} remarks, {open} open").format(
                sections=info["sections"], remarks=info["remarks"], open=open_count))
        parts.append(str(self.ws.path))
        self._status.setText(" · ".join(parts))
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

    def _push(self, command: commands.StoreCommand) -> bool:
        try:
            return commands.push_command(self.undo_stack, command)
        except Exception as exc:
            show_error(self, exc)
            return False

    def _open_dialog(self, dialog: QDialog, on_accept: Callable[[], Any]) -> QDialog:
        """Window-modal and not blocking: the event loop (and the tests) go on."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(on_accept)
        dialog.open()
        return dialog

    # --- file

    def action_new_plan(self) -> None:
        from .dialogs import NewPlanDialog

        folder = self.settings.last.parent if self.settings.last else Path.home()
        dialog = NewPlanDialog(self, folder)

        def create() -> None:
            from ..sync.identity import new_plan

            path = Path(dialog.path.text()).expanduser()
            ws = self._guard(lambda: new_plan(
                path, title=dialog.title.text(), full_name=dialog.name.text(),
                email=dialog.email.text(), keystore=self.keystore()))
            if ws is not None:
                ws.close()
                self.open_workspace(path)

        self._open_dialog(dialog, create)

    def action_open_workspace(self) -> None:
        start = str(self.settings.last.parent) if self.settings.last else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a workspace"), start,
            self.tr("KPlan workspaces (*.kplan);;All files (*)"))
        if chosen:
            self.open_workspace(Path(chosen))

    def demo_path(self) -> Path:
        from ..core.paths import data_dir

        return data_dir() / "demo.kplan"

    def action_open_demo(self) -> None:
        path = self.demo_path()
        if path.exists():
            self.open_workspace(path)
            return
        try:
            from ..demo.generate import build_demo
        except ImportError:
            self.show_message(self.tr("The demo plan is not part of this build."))
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        self.ops.run(
            lambda progress: build_demo(path, progress=progress),
            on_success=lambda _summary: self._open_quietly(path),
            label=self.tr("Making the demo plan…"),
        )

    def _open_quietly(self, path: Path) -> None:
        self.open_workspace(path)

    # --- keys, bundles and documents

    def keystore(self) -> KeyStore:
        """This window's key store: the keyring, else a key file (passphrase asked)."""
        from .keys import PassphraseAsker, gui_keystore

        if self._asker is None:
            self._asker = PassphraseAsker(self)
        return gui_keystore(self._asker)

    def action_join_plan(self, bundle: Path | None = None) -> None:
        from .dialogs import JoinPlanDialog

        folder = self.settings.last.parent if self.settings.last else Path.home()
        dialog = JoinPlanDialog(self, folder, bundle)

        def join() -> None:
            from ..sync.identity import join_plan

            path = Path(dialog.path.text()).expanduser()
            source = Path(dialog.bundle.text()).expanduser()
            name, email = dialog.name.text(), dialog.email.text()
            keystore = self.keystore()

            def work(_progress: Progress) -> tuple[str, str]:
                ws, report = join_plan(path, source, full_name=name, email=email,
                                       keystore=keystore)
                ws.close()
                return report.signer_name, report.signer_fingerprint

            def joined(signer: tuple[str, str]) -> None:
                if self.open_workspace(path):
                    self.show_message(self.tr(
                        "You joined the plan. The bundle was signed by {name}, fingerprint"
                        " {fingerprint}: check it with them.").format(
                            name=signer[0], fingerprint=signer[1]), error=False)

            self.ops.run(work, on_success=joined, label=self.tr("Joining the plan…"))

        self._open_dialog(dialog, join)

    def open_bundle(self, path: Path) -> None:
        """The app was opened on a .kplanbundle: import it, or join its plan."""
        if self.ws is None:
            self.action_join_plan(path)
            return
        page = self._sync_page()
        if page is not None:
            self.action_show_sync()
            page.import_files([path])

    def action_import_bundle(self) -> None:
        page = self._sync_page()
        if page is not None:
            self.action_show_sync()
            page.import_button.click()

    def action_export_bundle(self) -> None:
        page = self._sync_page()
        if page is not None:
            self.action_show_sync()
            page.export_button.click()

    def action_export_remarks(self) -> None:
        if self.ws is None:
            return
        from .export_dialog import ExportDialog

        folder = self.settings.last.parent if self.settings.last else Path.home()
        dialog = ExportDialog(self.ws, self.ops, self, folder=folder)
        dialog.exported.connect(lambda path, n: self.show_message(
            self.tr("{n} remarks written to {path}.").format(n=n, path=path), error=False))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def action_export_draft(self) -> None:
        if self.ws is None:
            return
        start = self.ws.path.with_name(self.ws.path.stem + "-projektas.docx")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the draft with remarks"), str(start),
            self.tr("Word documents (*.docx)"))
        if chosen:
            self.export_draft_to(Path(chosen))

    def export_draft_to(self, path: Path) -> None:
        """The plan's text with every remark as a Word comment, written in a worker."""
        if self.ws is None:
            return
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")

        def work(ws: Workspace, progress: Progress) -> int:
            from ..documents.draft_export import export_draft

            return export_draft(ws, path, progress=progress)

        self.ops.run_on_workspace(
            self.ws.path, work, readonly=True,
            on_success=lambda n: self.show_message(
                self.tr("The draft with {n} remarks as comments is in {path}.").format(
                    n=n, path=path), error=False),
            label=self.tr("Writing the draft…"))

    def action_import_draft(self) -> None:
        if self.ws is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a new draft from the consultants"), str(self.ws.path.parent),
            self.tr("Word documents (*.docx)"))
        if chosen:
            self.import_draft_from(Path(chosen))

    def import_draft_from(self, path: Path) -> None:
        """Sections added and changed by the document's headings, in one transaction."""
        if self.ws is None:
            return

        def work(ws: Workspace, progress: Progress) -> Any:
            from ..documents.draft_import import import_draft

            return import_draft(ws, path, progress)

        def imported(report: Any) -> None:
            self._synced()
            self.show_message(self.tr(
                "Imported {name}: {added} added, {changed} changed, {removed} not in the"
                " document; {flagged} remarks are on text that changed.").format(
                    name=path.name, added=len(report.added), changed=len(report.changed),
                    removed=len(report.removed), flagged=report.remarks_flagged), error=False)

        self.ops.run_on_workspace(self.ws.path, work, on_success=imported,
                                  label=self.tr("Importing the draft…"))

    def action_close_workspace(self) -> None:
        self._close_workspace()
        self.settings.clear_last()
        self._show_welcome()

    def action_quit(self) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._close_workspace()
        self.settings.sync()
        super().closeEvent(event)

    # --- remarks

    def action_write_remark(self) -> None:
        page = self.plan_page
        if self.ws is None or page is None or page.section_id is None:
            return
        if self.actor is None or not rules.may_write_remarks(self.actor):
            return
        from .dialogs import RemarkDialog

        section = page.section_view.section or {}
        passage = page.section_view.selected_passage()
        quote, start = passage if passage else ("", None)
        label = f"{section.get('code', '')} {section.get('title', '')}".strip()
        dialog = RemarkDialog(self, section_label=label, quote=quote)
        ws, section_id = self.ws, page.section_id

        def save() -> None:
            values = dialog.values()
            fields = {"section_id": section_id, "remark_type": values["type"],
                      "text": values["text"], "proposed": values["proposed"],
                      "justification": values["justification"], "quote": quote,
                      "quote_start": start}
            command = commands.AddRemark(ws, self.tr("write a remark"), self._changed,
                                         self._command_failed, fields)
            if self._push(command):
                page.reload_remarks(keep=command.ids[0])
                self.show_message(self.tr("Your remark is saved."), error=False)

        self._open_dialog(dialog, save)

    def _command_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # --- undo, and changes that run in the background

    def _undo_state(self) -> None:
        stack, idle = self.undo_stack, not self.command_running
        undo, redo = stack.undoText(), stack.redoText()
        self.act_undo.setEnabled(idle and stack.canUndo())
        self.act_redo.setEnabled(idle and stack.canRedo())
        self.act_undo.setText(self.tr("&Undo: {what}").format(what=undo) if undo
                              else self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo: {what}").format(what=redo) if redo
                              else self.tr("&Redo"))

    def action_undo(self) -> None:
        if not self.command_running:
            self.undo_stack.undo()

    def action_redo(self) -> None:
        if not self.command_running:
            self.undo_stack.redo()

    def run_command_work(self, work: commands.Work, label: str,
                         done: Callable[[bool], None]) -> None:
        """The runner of background commands: one at a time, with progress and cancel."""
        if self.ws is None or self.command_running:
            done(False)
            return
        self.command_running = True
        self._undo_state()
        committed = False

        def tracked(ws: Workspace, progress: Progress) -> Any:
            nonlocal committed
            result = work(ws, progress)
            committed = True  # past this point a late Cancel cannot undo the commit
            return result

        def finish(ok: bool) -> None:
            self.command_running = False
            self._undo_state()
            done(ok)

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            finish(False)

        def cancelled() -> None:
            if committed:
                finish(True)
                return
            self.show_message(self.tr("Stopped; nothing was changed."), error=False)
            finish(False)

        self.ops.run_on_workspace(self.ws.path, tracked, on_success=lambda _r: finish(True),
                                  on_failure=failed, on_cancelled=cancelled, label=label)

    def action_edit_remark(self) -> None:
        remark = self.current_remark()
        if self.ws is None or remark is None or not self.may_edit(remark):
            return
        from .dialogs import RemarkDialog

        label = f"{remark['section_code']} {remark['section_title']}"
        dialog = RemarkDialog(self, section_label=label, quote=str(remark["quote"] or ""),
                              values=remark)
        ws = self.ws

        def save() -> None:
            after = {k: v for k, v in dialog.values().items() if v != remark[k]}
            if not after:
                return
            before = {k: remark[k] for k in after}
            self._push(commands.EditRemark(ws, self.tr("edit a remark"), self._changed,
                                           self._command_failed, remark["id"], before, after))

        self._open_dialog(dialog, save)

    def action_withdraw_remark(self) -> None:
        remark = self.current_remark()
        if self.ws is None or remark is None or not self.may_edit(remark):
            return
        self._push(commands.WithdrawRemark(self.ws, self.tr("withdraw a remark"), self._changed,
                                           self._command_failed, remark["id"]))

    def action_compare_text(self) -> None:
        remark = self.current_remark()
        if self.ws is None or remark is None or not remark["text_changed"]:
            return
        from .dialogs import CompareDialog, diff_html

        then = queries.revision(self.ws, remark["revision_id"]) or {"body": "", "title": ""}
        now = queries.section(self.ws, remark["section_id"]) or {"body": "", "title": ""}
        body = diff_html(str(then["body"]), str(now["body"]),
                         old_label=self.tr("When the remark was made"),
                         new_label=self.tr("Now"))
        quote = str(remark["quote"] or "")
        if quote:
            body = (f"<p><b>{html.escape(self.tr('Quoted passage'))}:</b> "
                    f"<i>“{html.escape(quote)}”</i></p>" + body)
        dialog = CompareDialog(self, self.tr("Text changed since the remark"), body)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def action_answer_remarks(self) -> None:
        ids = self.selected_remark_ids()
        if self.ws is None or self.actor is None or not ids:
            return
        actor = self.actor

        def answerable(ws: Workspace, _progress: Progress) -> list[dict[str, Any]]:
            rows = queries.remark_rows(ws, ids)
            return [rows[i] for i in ids if i in rows and rows[i]["status"] != "withdrawn"
                    and rules.may_answer(actor, rows[i]["group_id"],
                                         rows[i]["section_group_id"])]

        # Thousands of selected remarks take a moment to read: not on the UI thread.
        self.ops.run_on_workspace(self.ws.path, answerable, readonly=True,
                                  on_success=self._ask_answer,
                                  label=self.tr("Reading the selected remarks…"))

    def _ask_answer(self, mine: list[dict[str, Any]]) -> None:
        if self.ws is None:
            return
        from .dialogs import AnswerDialog, answerable_statuses

        if not mine:
            self.show_message(self.tr("You cannot answer the selected remarks: only the"
                                      " secretary or chair of their group can."))
            return
        allowed = set(answerable_statuses())
        for row in mine:
            allowed &= {s.value for s in rules.allowed_answers(RemarkStatus(row["status"]))}
        ordered = [s for s in answerable_statuses() if s in allowed]
        if not ordered:
            self.show_message(self.tr("The selected remarks cannot all take the same answer."))
            return
        templates = self._templates()
        dialog = AnswerDialog(self, count=len(mine), allowed=ordered, templates=templates,
                              current=mine[0] if len(mine) == 1 else None)
        ws = self.ws
        dialog.save_template.clicked.connect(lambda: self._save_template(dialog))

        def save() -> None:
            status, response = dialog.values()
            name = (self.tr("answer {n} remarks").format(n=len(mine)) if len(mine) > 1
                    else self.tr("answer a remark"))
            command = commands.AnswerRemarks(
                ws, name, self._changed, self._command_failed, self.run_command_work,
                self.undo_stack, mine, status, response)

            def done(ok: bool) -> None:
                if ok:
                    self.show_message(
                        self.tr("Answer saved for {n} remarks.").format(n=len(mine))
                        if len(mine) > 1 else self.tr("Answer saved."), error=False)

            command.start(self.tr("Answering {n} remarks…").format(n=len(mine)), done)

        self._open_dialog(dialog, save)

    def _templates(self) -> list[dict[str, Any]]:
        if self.ws is None:
            return []
        cur = self.ws.conn.execute(
            "SELECT id, title, status, text FROM response_template WHERE deleted = 0"
            " ORDER BY title")
        return [{"id": r[0], "title": r[1], "status": r[2], "text": r[3]} for r in cur]

    def _save_template(self, dialog: AnswerDialog) -> None:
        if self.ws is None:
            return
        status, text = dialog.values()
        if not text:
            self.show_message(self.tr("Write the response first; then keep it as a template."))
            return
        title = " ".join(text.split()[:6])
        ws = self.ws
        if self._guard(lambda: actions.save_response_template(
                ws, title=title, text=text, status=status)):
            dialog.template.addItem(title, "")
            self.show_message(self.tr("The response is kept as the template “{title}”.")
                              .format(title=title), error=False)

    def action_find(self) -> None:
        if self._remarks_page() is None or self.remarks_page is None:
            return
        self.action_show_remarks()
        self.remarks_page.filters.search.setFocus()
        self.remarks_page.filters.search.selectAll()

    # --- sections

    def _section_for_editing(self) -> dict[str, Any] | None:
        page = self.plan_page
        if (self.ws is None or page is None or self._active_page() is not page
                or page.section_view.section is None or self.actor is None):
            return None
        section = page.section_view.section
        if not rules.may_edit_section(self.actor, section.get("responsible_group_id")):
            return None
        return section

    def show_section(self, section_id: str) -> None:
        if self.plan_page is None:
            return
        self.action_show_plan()
        self.plan_page.select_section(section_id)

    def action_edit_section(self) -> None:
        section = self._section_for_editing()
        if section is None or self.ws is None:
            return
        from .sections import SectionEditDialog

        dialog = SectionEditDialog(self, section)
        ws, sid = self.ws, str(section["id"])

        def save() -> None:
            title, body = dialog.title.text().strip(), dialog.body.toPlainText()
            if (title, body) != (section["title"], section["body"]):
                self._push(commands.ReviseSection(
                    ws, self.tr("edit a section's text"), self._changed, self._command_failed,
                    sid, (section["title"], section["body"]), (title, body)))
            scalars = {"state": dialog.state.currentData(), "code": dialog.code.text().strip()}
            after = {k: v for k, v in scalars.items() if v != section[k]}
            if after:
                before = {k: section[k] for k in after}
                self._push(commands.UpdateSection(
                    ws, self.tr("change a section"), self._changed, self._command_failed,
                    [(sid, before, after)]))
                if "code" in after and self.plan_page is not None:
                    self.plan_page.tree_model.refresh_section(sid)

        self._open_dialog(dialog, save)

    def action_section_history(self) -> None:
        page = self.plan_page
        if self.ws is None or page is None or page.section_view.section is None:
            return
        from .sections import HistoryDialog

        section = page.section_view.section
        dialog = HistoryDialog(self, section, queries.revisions(self.ws, str(section["id"])))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _move_section(self, step: int) -> None:
        section = self._section_for_editing()
        if section is None or self.ws is None or self.plan_page is None:
            return
        siblings = queries.child_section_ids(self.ws, section["parent_id"])
        here = siblings.index(section["id"])
        there = here + step
        if not 0 <= there < len(siblings):
            return
        order = list(siblings)
        order[here], order[there] = order[there], order[here]
        positions = {sid: i for i, sid in enumerate(order)}
        current = {sid: int(self.ws.conn.execute(
            "SELECT position FROM section WHERE id = ?", (sid,)).fetchone()[0])
            for sid in siblings}
        changes = [(sid, {"position": current[sid]}, {"position": positions[sid]})
                   for sid in siblings if current[sid] != positions[sid]]
        self._push(commands.UpdateSection(self.ws, self.tr("move a section"), self._changed,
                                          self._command_failed, changes))

    def action_move_section_up(self) -> None:
        self._move_section(-1)

    def action_move_section_down(self) -> None:
        self._move_section(+1)

    def action_move_section_to(self) -> None:
        section = self._section_for_editing()
        if section is None or self.ws is None:
            return
        from .models import PlanTreeModel
        from .sections import MoveSectionDialog

        ws, sid = self.ws, str(section["id"])
        subtree = queries.subtree_ids(ws, sid)
        model = PlanTreeModel(ws)
        dialog = MoveSectionDialog(self, model, section, forbidden=set(subtree))
        model.setParent(dialog)
        self._open_dialog(dialog, lambda: self.move_section_under(sid, dialog.target()))

    def move_section_under(self, section_id: str, parent_id: str | None) -> bool:
        """Make ``section_id`` the last child of ``parent_id`` (None: the top level) and
        renumber its subtree after its new parent; one step to undo."""
        from .sections import code_under, renumbered

        if self.ws is None or self.plan_page is None:
            return False
        ws = self.ws
        subtree = queries.subtree_ids(ws, section_id)
        if parent_id in subtree:
            return False
        places = queries.section_places(ws, subtree)
        moved = places[section_id]
        if moved["parent_id"] == parent_id:
            return False
        siblings = queries.section_places(ws, queries.child_section_ids(ws, parent_id))
        parent = queries.section_places(ws, [parent_id]).get(parent_id) if parent_id else None
        position = max((int(p["position"]) for p in siblings.values()), default=-1) + 1
        old_code = str(moved["code"] or "")
        new_code = code_under(str(parent["code"] or "") if parent else "", len(siblings))
        changes: list[tuple[str, dict[str, Any], dict[str, Any]]] = [(
            section_id,
            {"parent_id": moved["parent_id"], "position": moved["position"], "code": old_code},
            {"parent_id": parent_id, "position": position, "code": new_code})]
        for sid in subtree[1:]:
            code = str(places[sid]["code"] or "")
            if renumbered(code, old_code, new_code) != code:
                changes.append((sid, {"code": code},
                                {"code": renumbered(code, old_code, new_code)}))
        if not self._push(commands.UpdateSection(ws, self.tr("move a section"), self._changed,
                                                 self._command_failed, changes)):
            return False
        self.show_message(self.tr("Moved; it is now {code}.").format(code=new_code), error=False)
        return True

    # --- records

    def _record(self, name: str, do: Callable[[], Any], undo: Callable[[], Any]) -> bool:
        if self.ws is None:
            return False
        return self._push(commands.RecordCommand(self.ws, name, self._changed,
                                                 self._command_failed, do, undo))

    # --- pages

    def _show_page(self, page: QWidget | None, action: QAction) -> None:
        if page is None:
            return
        self.stack.setCurrentWidget(page)
        action.setChecked(True)
        self._remark_changed()
        self._update_status()

    def _add_page(self, page: QWidget) -> None:
        self.pages.append(page)
        self.stack.addWidget(page)

    # The pages other than the plan are made when first shown: opening stays quick.

    def _remarks_page(self) -> RemarksPage | None:
        if self.remarks_page is None and self.ws is not None:
            from .remarks_page import RemarksPage

            page = RemarksPage(self.ws, self.ops)
            page.remark_changed.connect(self._remark_changed)
            page.counts_changed.connect(lambda *_: self._update_status())
            page.detail.edit_requested.connect(self.action_edit_remark)
            page.detail.withdraw_requested.connect(self.action_withdraw_remark)
            page.detail.compare_requested.connect(self.action_compare_text)
            page.detail.answer_requested.connect(self.action_answer_remarks)
            self.remarks_page = page
            self._add_page(page)
        return self.remarks_page

    def _dashboard_page(self) -> DashboardPage | None:
        if self.dashboard_page is None and self.ws is not None:
            from .dashboard import DashboardPage

            self.dashboard_page = DashboardPage(self.ws)
            self.dashboard_page.section_chosen.connect(self.show_section)
            self._add_page(self.dashboard_page)
        return self.dashboard_page

    def _records_page(self) -> RecordsPage | None:
        if self.records_page is None and self.ws is not None and self.actor is not None:
            from .records import RecordsPage

            self.records_page = RecordsPage(self.ws, self.actor, self._record,
                                            self._open_dialog)
            self._add_page(self.records_page)
        return self.records_page

    def _sync_page(self) -> SyncPage | None:
        if self.sync_page is None and self.ws is not None:
            from .sync_page import SyncPage

            self.sync_page = SyncPage(self.ws.path, self.ops, keystore=self.keystore())
            self.sync_page.changed.connect(self._synced)
            self._add_page(self.sync_page)
        return self.sync_page

    def _synced(self) -> None:
        """A bundle was imported or a conflict resolved: everything shown may be old."""
        if self.plan_page is not None:
            self.plan_page.reload_tree()
        self._changed("remark", [])
        if self.remarks_page is not None and self.remarks_page.loaded:
            self.remarks_page.reload()
        self.undo_stack.clear()  # the file moved on under the undo history

    def action_show_sync(self) -> None:
        self._show_page(self._sync_page(), self.act_show_sync)

    def action_show_plan(self) -> None:
        self._show_page(self.plan_page, self.act_show_plan)

    def action_show_remarks(self) -> None:
        self._show_page(self._remarks_page(), self.act_show_remarks)

    def action_show_dashboard(self) -> None:
        self._show_page(self._dashboard_page(), self.act_show_dashboard)

    def action_show_records(self) -> None:
        self._show_page(self._records_page(), self.act_show_records)

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
        from .. import __version__

        self.show_message(
            self.tr("KPlan Desktop {version}: offline review of a strategic development plan"
                    " by its working groups.").format(version=__version__), error=False)

    def context_point(self) -> QPoint:
        return self.rect().center()
