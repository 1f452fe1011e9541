"""The main window's pages other than the plan, made when first shown; switching pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from .window_base import WindowBase

if TYPE_CHECKING:
    from .commands import Runner
    from .dashboard import DashboardPage
    from .records import RecordsPage
    from .remarks_page import RemarksPage
    from .sync_page import SyncPage


class PageActions(WindowBase):
    """The View menu's pages; opening stays quick, each page is built on first use."""

    run_command_work: Runner  # the background commands' runner (window_remarks)

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

    def _remarks_page(self) -> RemarksPage | None:
        if self.remarks_page is None and self.ws is not None:
            from .remarks_page import RemarksPage

            page = RemarksPage(self.ws, self.ops)
            page.remark_changed.connect(self._remark_changed)
            page.counts_changed.connect(lambda *_: self._update_status())
            page.detail.edit_requested.connect(self.guarded(self.action_edit_remark))
            page.detail.withdraw_requested.connect(self.guarded(self.action_withdraw_remark))
            page.detail.compare_requested.connect(self.guarded(self.action_compare_text))
            page.detail.answer_requested.connect(self.guarded(self.action_answer_remarks))
            self.remarks_page = page
            self._add_page(page)
        return self.remarks_page

    def _dashboard_page(self) -> DashboardPage | None:
        if self.dashboard_page is None and self.ws is not None:
            from .dashboard import DashboardPage

            self.dashboard_page = DashboardPage(self.ws)
            self.dashboard_page.section_chosen.connect(self.guarded(self.show_section))
            self._add_page(self.dashboard_page)
        return self.dashboard_page

    def _records_page(self) -> RecordsPage | None:
        if self.records_page is None and self.ws is not None and self.actor is not None:
            from .commands import BackgroundRecordCommand, Work
            from .records import RecordsPage

            ws = self.ws

            def background(name: str, do: Work, undo: Work) -> BackgroundRecordCommand:
                return BackgroundRecordCommand(ws, name, self._changed, self._command_failed,
                                               self.run_command_work, self.undo_stack, do,
                                               undo)

            self.records_page = RecordsPage(self.ws, self.actor, self._record,
                                            self._open_dialog, ops=self.ops,
                                            tell=self.show_message, background=background)
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

    def show_section(self, section_id: str) -> None:
        if self.plan_page is None:
            return
        self.action_show_plan()
        self.plan_page.select_section(section_id)

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

    def action_import_roster(self) -> None:
        """File > Import members: the records page's import, for the group chosen there."""
        self.action_show_records()
        if self.records_page is not None:
            self.records_page.action_import_roster()
