"""What every part of the main window shares: its state, its messages, and small helpers.

The main window is one class put together from a few mixins by what they do
(:mod:`.window_file`, :mod:`.window_remarks`, :mod:`.window_sections`,
:mod:`.window_pages`); each derives from :class:`WindowBase`, which declares the
state and the methods one part uses from another, so each part type-checks alone.

The mixins translate with ``translate("MainWindow", ...)``, not ``self.tr``:
lupdate names a ``self.tr`` string by the class it is written in, while at run
time Qt looks it up by the window's class, MainWindow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from ..core import rules
from ..core.model import Actor
from ..store.workspace import Workspace
from .app import TextScaler, lazy_module
from .errors import show_error
from .operations import Operations
from .settings import Settings

if TYPE_CHECKING:
    from ..sync.instance import InstanceLock
    from ..sync.keys import KeyStore
    from . import commands
    from .dashboard import DashboardPage
    from .keys import PassphraseAsker
    from .plan_page import PlanPage
    from .records import RecordsPage
    from .remarks_page import RemarksPage
    from .sync_page import SyncPage
    from .welcome import WelcomePage
else:
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


class WindowBase(QMainWindow):
    """The main window's state and shared helpers; MainWindow fills in the rest."""

    # --- state (set by MainWindow.__init__)
    settings: Settings
    scaler: TextScaler | None
    ws: Workspace | None
    _lock: InstanceLock | None
    actor: Actor | None
    ops: Operations
    undo_stack: QUndoStack
    command_running: bool
    _info: dict[str, Any] | None
    message_bar: MessageBar
    stack: QStackedWidget
    welcome: WelcomePage
    toolbar: QToolBar
    plan_page: PlanPage | None
    remarks_page: RemarksPage | None
    dashboard_page: DashboardPage | None
    records_page: RecordsPage | None
    sync_page: SyncPage | None
    pages: list[QWidget]
    _asker: PassphraseAsker | None
    act_undo: QAction
    act_redo: QAction
    act_show_plan: QAction
    act_show_remarks: QAction
    act_show_dashboard: QAction
    act_show_records: QAction
    act_show_sync: QAction

    # --- what one part calls in another (defined in main_window and the mixins)
    open_workspace: Callable[..., bool]
    _close_workspace: Callable[[], None]
    _show_welcome: Callable[[], None]
    _changed: Callable[[str, Sequence[str]], None]
    _remark_changed: Callable[[], None]
    _update_status: Callable[..., None]
    _update_actions: Callable[[], None]
    _synced: Callable[[], None]
    _remarks_page: Callable[[], RemarksPage | None]
    _sync_page: Callable[[], SyncPage | None]
    action_show_plan: Callable[[], None]
    action_show_remarks: Callable[[], None]
    action_show_sync: Callable[[], None]
    action_edit_remark: Callable[[], None]
    action_withdraw_remark: Callable[[], None]
    action_compare_text: Callable[[], None]
    action_answer_remarks: Callable[[], None]
    action_join_plan: Callable[..., None]
    show_section: Callable[[str], None]
    keystore: Callable[[], KeyStore]
    demo_path: Callable[[], Path]

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

    def guarded(self, fn: Callable[..., Any]) -> Callable[..., None]:
        """``fn`` for a signal to call through :meth:`_guard`: what a slot raises is shown,
        not printed on stderr where no user looks."""

        def slot(*args: Any) -> None:
            self._guard(lambda: fn(*args))

        return slot

    def _command_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _push(self, command: commands.StoreCommand) -> bool:
        try:
            return commands.push_command(self.undo_stack, command)
        except Exception as exc:
            show_error(self, exc)
            return False

    def _open_dialog(self, dialog: QDialog, on_accept: Callable[[], Any]) -> QDialog:
        """Window-modal and not blocking: the event loop (and the tests) go on."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.guarded(on_accept))
        dialog.open()
        return dialog

    def _record(self, name: str, do: Callable[[], Any], undo: Callable[[], Any]) -> bool:
        if self.ws is None:
            return False
        return self._push(commands.RecordCommand(self.ws, name, self._changed,
                                                 self._command_failed, do, undo))

    # --- what is selected, and what the actor may do with it

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

    def _section_for_editing(self) -> dict[str, Any] | None:
        page = self.plan_page
        if (self.ws is None or page is None or self._active_page() is not page
                or page.section_view.section is None or self.actor is None):
            return None
        section = page.section_view.section
        if not rules.may_edit_section(self.actor, section.get("responsible_group_id")):
            return None
        return section
