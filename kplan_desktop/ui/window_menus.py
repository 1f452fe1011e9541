"""The main window's actions, menus and toolbar: made once, when the window is.

Every action runs its ``action_*`` method through the window's one guard, so an
error is a sentence in the window. Translated in the context "MainWindow" (see
:mod:`.window_base`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from .icons import IconLoader
from .toolbar import FittingToolBar
from .window_base import WindowBase

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate


class MenuMaker(WindowBase):
    """The window's QActions (``act_*``), its menu bar and its toolbar."""

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        # Every action runs through the one guard: an error is a sentence in the window.
        action.triggered.connect(lambda _checked=False: self._guard(slot))
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        # The slots live in the other mixins; the window is all of them.
        w = cast("MainWindow", self)
        a = self._action
        SK = QKeySequence.StandardKey
        self.act_new_plan = a("newPlan", translate("MainWindow", "&New plan…"), w.action_new_plan)
        self.act_open = a(
            "openWorkspace",
            translate("MainWindow", "&Open workspace…"),
            w.action_open_workspace,
            SK.Open,
        )
        self.act_demo = a(
            "openDemo", translate("MainWindow", "Open the &demo plan"), w.action_open_demo
        )
        self.act_close = a(
            "closeWorkspace",
            translate("MainWindow", "&Close workspace"),
            w.action_close_workspace,
            SK.Close,
        )
        self.act_quit = a("quit", translate("MainWindow", "&Quit"), w.action_quit, SK.Quit)
        self.act_join = a(
            "joinPlan", translate("MainWindow", "&Join a plan from a bundle…"), w.action_join_plan
        )
        self.act_export_remarks = a(
            "exportRemarks",
            translate("MainWindow", "E&xport remarks…"),
            w.action_export_remarks,
            "Ctrl+E",
            translate("MainWindow", "The consolidated remarks as DOCX or PDF (Ctrl+E)"),
        )
        self.act_export_draft = a(
            "exportDraft",
            translate("MainWindow", "Export the &draft with remarks…"),
            w.action_export_draft,
        )
        self.act_import_draft = a(
            "importDraft", translate("MainWindow", "&Import a new draft…"), w.action_import_draft
        )
        self.act_import_answers = a(
            "importAnswers", translate("MainWindow", "Import consultants' &answers…"),
            w.action_import_answers,
            tip=translate("MainWindow", "The answers the consultants wrote into the remarks"
                          " table (XLSX or DOCX), previewed before they are written"),
        )
        self.act_import_roster = a(
            "importRoster",
            translate("MainWindow", "Import &members…"),
            w.action_import_roster,
            tip=translate(
                "MainWindow", "Members of the selected group from a spreadsheet (XLSX or CSV)"
            ),
        )
        self.act_import_bundle = a(
            "importBundle", translate("MainWindow", "Import &bundles…"), w.action_import_bundle
        )
        self.act_export_bundle = a(
            "exportBundle", translate("MainWindow", "Export a b&undle…"), w.action_export_bundle
        )

        self.act_undo = a("undo", translate("MainWindow", "&Undo"), w.action_undo, SK.Undo)
        self.act_redo = a("redo", translate("MainWindow", "&Redo"), w.action_redo, SK.Redo)
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(w._undo_state)
        self.undo_stack.canRedoChanged.connect(w._undo_state)
        self.undo_stack.undoTextChanged.connect(lambda _t: w._undo_state())
        self.undo_stack.redoTextChanged.connect(lambda _t: w._undo_state())

        self.act_write_remark = a(
            "writeRemark",
            translate("MainWindow", "&Write a remark…"),
            w.action_write_remark,
            "Ctrl+M",
            translate("MainWindow", "Write a remark on the selected passage (Ctrl+M)"),
        )
        self.act_edit_remark = a(
            "editRemark",
            translate("MainWindow", "&Edit my remark…"),
            w.action_edit_remark,
            "Ctrl+Shift+E",
        )
        self.act_withdraw_remark = a(
            "withdrawRemark",
            translate("MainWindow", "W&ithdraw my remark"),
            w.action_withdraw_remark,
        )
        self.act_compare = a(
            "compareText", translate("MainWindow", "&Old and new text…"), w.action_compare_text
        )

        self.act_answer = a(
            "answerRemarks",
            translate("MainWindow", "&Answer remarks…"),
            w.action_answer_remarks,
            "Ctrl+Shift+A",
            translate("MainWindow", "Set the status and response of the selected remarks"),
        )
        self.act_find = a(
            "findRemarks", translate("MainWindow", "&Find remarks…"), w.action_find, SK.Find
        )

        self.act_edit_section = a(
            "editSection", translate("MainWindow", "&Edit section…"), w.action_edit_section, "F2"
        )
        self.act_history = a(
            "sectionHistory",
            translate("MainWindow", "&History and differences…"),
            w.action_section_history,
            "Ctrl+H",
        )
        self.act_move_up = a(
            "moveSectionUp", translate("MainWindow", "Move &up"), w.action_move_section_up, "Alt+Up"
        )
        self.act_move_down = a(
            "moveSectionDown",
            translate("MainWindow", "Move &down"),
            w.action_move_section_down,
            "Alt+Down",
        )
        self.act_move_to = a(
            "moveSectionTo",
            translate("MainWindow", "&Move to…"),
            w.action_move_section_to,
            "Ctrl+Shift+M",
            translate(
                "MainWindow",
                "Move the section, with everything under it, under another section (Ctrl+Shift+M)",
            ),
        )

        self.page_group = QActionGroup(self)
        self.act_show_plan = a(
            "showPlan", translate("MainWindow", "&Plan"), w.action_show_plan, "Ctrl+1"
        )
        self.act_show_remarks = a(
            "showRemarks", translate("MainWindow", "All &remarks"), w.action_show_remarks, "Ctrl+2"
        )
        self.act_show_dashboard = a(
            "showDashboard",
            translate("MainWindow", "&Dashboard"),
            w.action_show_dashboard,
            "Ctrl+3",
        )
        self.act_show_records = a(
            "showRecords",
            translate("MainWindow", "&Groups and meetings"),
            w.action_show_records,
            "Ctrl+4",
        )
        self.act_show_sync = a(
            "showSync",
            translate("MainWindow", "&Sync"),
            w.action_show_sync,
            "Ctrl+5",
            translate("MainWindow", "Send and receive bundles, trust, conflicts (Ctrl+5)"),
        )
        for act in self._page_actions():
            act.setCheckable(True)
            self.page_group.addAction(act)
        self.act_show_identity = a(
            "showIdentity",
            translate("MainWindow", "&Identity…"),
            w.action_show_identity,
            "Ctrl+I",
            translate("MainWindow", "This copy's person, device and key fingerprint (Ctrl+I)"),
        )

        self.act_larger = a(
            "textLarger", translate("MainWindow", "&Larger text"), w.action_text_larger, SK.ZoomIn
        )
        self.act_smaller = a(
            "textSmaller",
            translate("MainWindow", "&Smaller text"),
            w.action_text_smaller,
            SK.ZoomOut,
        )
        self.act_reset_text = a(
            "textReset", translate("MainWindow", "&Normal text size"), w.action_text_reset, "Ctrl+0"
        )
        self.act_about = a("about", translate("MainWindow", "&About KPlan"), w.action_about)
        IconLoader().apply(self.actions())  # one icon per action: icons.ACTION_ICONS

    def _page_actions(self) -> list[QAction]:
        return [
            self.act_show_plan,
            self.act_show_remarks,
            self.act_show_dashboard,
            self.act_show_records,
            self.act_show_sync,
        ]

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.file_menu.addActions([self.act_new_plan, self.act_open, self.act_demo])
        self.recent_menu = QMenu(translate("MainWindow", "Open &recent"), self)
        self.file_menu.addMenu(self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addAction(self.act_join)
        self.file_menu.addSeparator()
        self.file_menu.addActions(
            [self.act_export_remarks, self.act_export_draft, self.act_import_draft,
             self.act_import_answers, self.act_import_roster]
        )
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.act_import_bundle, self.act_export_bundle])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_close)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)

        self.edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        self.edit_menu.addActions([self.act_undo, self.act_redo])

        self.remark_menu = bar.addMenu(translate("MainWindow", "&Remarks"))
        self.remark_menu.addActions(
            [
                self.act_write_remark,
                self.act_edit_remark,
                self.act_withdraw_remark,
                self.act_compare,
            ]
        )
        self.remark_menu.addSeparator()
        self.remark_menu.addActions([self.act_answer, self.act_find])

        self.section_menu = bar.addMenu(translate("MainWindow", "&Section"))
        self.section_menu.addActions([self.act_edit_section, self.act_history])
        self.section_menu.addSeparator()
        self.section_menu.addActions([self.act_move_up, self.act_move_down, self.act_move_to])

        self.view_menu = bar.addMenu(translate("MainWindow", "&View"))
        self.view_menu.addActions(self._page_actions())
        self.view_menu.addAction(self.act_show_identity)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.act_larger, self.act_smaller, self.act_reset_text])

        self.help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self.help_menu.addAction(self.act_about)

        # Icons and words while they fit, icons alone when not: never actions behind "»".
        self.toolbar = FittingToolBar(translate("MainWindow", "Main"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.toolbar.addActions(self._page_actions())
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.act_write_remark, self.act_answer, self.act_edit_section])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.act_undo, self.act_redo])
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding,
            spacer.sizePolicy().verticalPolicy().Preferred,
        )
        self.toolbar.addWidget(spacer)
        self.text_size_button = QToolButton()
        self.text_size_button.setText(translate("MainWindow", "Aa"))
        self.text_size_button.setToolTip(translate("MainWindow", "Text size"))
        self.text_size_button.setAccessibleName(translate("MainWindow", "Text size"))
        self.text_size_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        size_menu = QMenu(self.text_size_button)
        size_menu.addActions([self.act_larger, self.act_smaller, self.act_reset_text])
        self.text_size_button.setMenu(size_menu)
        self.toolbar.addWidget(self.text_size_button)

    def _fill_recent_menu(self) -> None:
        w = cast("MainWindow", self)
        self.recent_menu.clear()
        for path in self.settings.recent:
            act = self.recent_menu.addAction(str(path))
            act.triggered.connect(
                lambda _c=False, p=path: self._guard(lambda: w.open_workspace_safely(p))
            )
        self.recent_menu.setEnabled(bool(self.settings.recent))
