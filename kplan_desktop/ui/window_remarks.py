"""The main window's remark actions (write, edit, withdraw, answer, find) and undo."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt

from ..core import rules
from ..core.model import RemarkStatus
from ..store import queries
from ..store.workspace import Workspace
from .app import lazy_module
from .errors import show_error
from .locale_text import quoted_text
from .operations import Progress
from .window_base import WindowBase

if TYPE_CHECKING:  # imported when first used
    from ..store import actions
    from . import commands
    from .dialogs import AnswerDialog
else:
    actions = lazy_module("kplan_desktop.store.actions")
    commands = lazy_module("kplan_desktop.ui.commands")

#: Strings keep the main window's context (see window_base).
translate = QCoreApplication.translate


class RemarkActions(WindowBase):
    """Remarks, their answers, and the undo stack their changes go on."""

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
            command = commands.AddRemark(ws, translate("MainWindow", "write a remark"),
                                         self._changed, self._command_failed, fields)
            if self._push(command):
                page.reload_remarks(keep=command.ids[0])
                self.show_message(translate("MainWindow", "Your remark is saved."), error=False)

        self._open_dialog(dialog, save)

    # --- undo, and changes that run in the background

    def _undo_state(self) -> None:
        stack, idle = self.undo_stack, not self.command_running
        undo, redo = stack.undoText(), stack.redoText()
        self.act_undo.setEnabled(idle and stack.canUndo())
        self.act_redo.setEnabled(idle and stack.canRedo())
        self.act_undo.setText(translate("MainWindow", "&Undo: {what}").format(what=undo) if undo
                              else translate("MainWindow", "&Undo"))
        self.act_redo.setText(translate("MainWindow", "&Redo: {what}").format(what=redo) if redo
                              else translate("MainWindow", "&Redo"))

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
            self.show_message(translate("MainWindow", "Stopped; nothing was changed."),
                              error=False)
            finish(False)

        self.ops.run_on_workspace(self.ws.path, tracked, on_success=lambda _r: finish(True),
                                  on_failure=failed, on_cancelled=cancelled, label=label)

    # --- one's own remarks

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
            self._push(commands.EditRemark(ws, translate("MainWindow", "edit a remark"),
                                           self._changed, self._command_failed, remark["id"],
                                           before, after))

        self._open_dialog(dialog, save)

    def action_withdraw_remark(self) -> None:
        remark = self.current_remark()
        if self.ws is None or remark is None or not self.may_edit(remark):
            return
        self._push(commands.WithdrawRemark(self.ws, translate("MainWindow", "withdraw a remark"),
                                           self._changed, self._command_failed, remark["id"]))

    def action_compare_text(self) -> None:
        remark = self.current_remark()
        if self.ws is None or remark is None or not remark["text_changed"]:
            return
        from .dialogs import CompareDialog, diff_html

        then = queries.revision(self.ws, remark["revision_id"]) or {"body": "", "title": ""}
        now = queries.section(self.ws, remark["section_id"]) or {"body": "", "title": ""}
        body = diff_html(str(then["body"]), str(now["body"]),
                         old_label=translate("MainWindow", "When the remark was made"),
                         new_label=translate("MainWindow", "Now"))
        quote = str(remark["quote"] or "")
        if quote:
            body = (f"<p><b>{html.escape(translate('MainWindow', 'Quoted passage'))}:</b> "
                    f"<i>{quoted_text(html.escape(quote))}</i></p>" + body)
        dialog = CompareDialog(self, translate("MainWindow", "Text changed since the remark"),
                               body)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # --- answering

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
                                  label=translate("MainWindow", "Reading the selected remarks…"))

    def _ask_answer(self, mine: list[dict[str, Any]]) -> None:
        if self.ws is None:
            return
        from .dialogs import AnswerDialog, answerable_statuses

        if not mine:
            self.show_message(translate(
                "MainWindow", "You cannot answer the selected remarks: only the"
                " secretary or chair of their group can."))
            return
        allowed = set(answerable_statuses())
        for row in mine:
            allowed &= {s.value for s in rules.allowed_answers(RemarkStatus(row["status"]))}
        ordered = [s for s in answerable_statuses() if s in allowed]
        if not ordered:
            self.show_message(translate(
                "MainWindow", "The selected remarks cannot all take the same answer."))
            return
        templates = self._templates()
        dialog = AnswerDialog(self, remarks=mine, allowed=ordered, templates=templates,
                              current=mine[0] if len(mine) == 1 else None)
        ws = self.ws
        dialog.save_template.clicked.connect(lambda: self._save_template(dialog))

        def save() -> None:
            status, response = dialog.values()
            name = (translate("MainWindow", "answer %n remark(s)", None, len(mine))
                    if len(mine) > 1 else translate("MainWindow", "answer a remark"))
            command = commands.AnswerRemarks(
                ws, name, self._changed, self._command_failed, self.run_command_work,
                self.undo_stack, mine, status, response)

            def done(ok: bool) -> None:
                if ok:
                    self.show_message(
                        translate("MainWindow", "Answer saved for %n remark(s).", None,
                                  len(mine))
                        if len(mine) > 1 else translate("MainWindow", "Answer saved."),
                        error=False)

            command.start(translate("MainWindow", "Answering %n remark(s)…", None, len(mine)),
                          done)

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
            self.show_message(translate(
                "MainWindow", "Write the response first; then keep it as a template."))
            return
        title = " ".join(text.split()[:6])
        ws = self.ws
        if self._guard(lambda: actions.save_response_template(
                ws, title=title, text=text, status=status)):
            dialog.template.addItem(title, "")
            self.show_message(
                translate("MainWindow", "The response is kept as the template “{title}”.")
                .format(title=title), error=False)

    def action_find(self) -> None:
        if self._remarks_page() is None or self.remarks_page is None:
            return
        self.action_show_remarks()
        self.remarks_page.filters.search.setFocus()
        self.remarks_page.filters.search.selectAll()
