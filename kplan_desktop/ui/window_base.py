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

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAction, QUndoStack
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
from .dialog_room import keep_room
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
    """A calm message over the window's status bar; errors stay until closed.

    Given a ``host`` (the main window) it lies over the host's foot, where the
    status bar is, instead of taking a place in a layout: showing or hiding it
    never moves the pages (a banner that pushed the table down made clicks land
    on the wrong rows), and a one-line message hides only the status line.
    """

    MARGIN = 0

    def __init__(self, host: QWidget | None = None) -> None:
        super().__init__(host)
        self.setObjectName("messageBar")
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Message"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 2, 4, 2)
        self.label = QLabel()
        self.label.setObjectName("messageText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setObjectName("closeMessage")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close this message"))
        self.close_button.setAccessibleName(self.tr("Close this message"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self._host = host
        if host is not None:
            host.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        """Over the host's foot (the status bar), as wide as the host, as tall as its text."""
        host = self._host
        if host is None:
            return
        width = max(100, host.width() - 2 * self.MARGIN)
        layout = self.layout()
        height = self.close_button.sizeHint().height()
        for _ in range(2):  # the label's width is known once the layout has placed it
            self.setGeometry(self.MARGIN, max(0, host.height() - height - self.MARGIN),
                             width, height)
            if layout is not None:
                layout.activate()
                margins = layout.contentsMargins()
                frame = self.height() - self.contentsRect().height()  # the border
                height = frame + margins.top() + margins.bottom() + max(
                    self.label.heightForWidth(self.label.width()),
                    self.close_button.sizeHint().height())
            if isinstance(host, QMainWindow) and not host.statusBar().isHidden():
                height = max(height, host.statusBar().height())  # the status line whole
        self.setGeometry(self.MARGIN, max(0, host.height() - height - self.MARGIN),
                         width, height)
        self.raise_()

    def show_text(self, text: str, *, error: bool) -> None:
        colour = ("#fef2f2; color: #991b1b; border: 1px solid #fca5a5" if error
                  else "#ecfdf5; color: #065f46; border: 1px solid #6ee7b7")
        self.setStyleSheet(f"#messageBar {{ background: {colour} }}")
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.show()
        self._place()
        if error:
            self._timer.stop()
            # A screen reader says an error at once; a success waits to be read.
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))
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
        keep_room(dialog)
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
