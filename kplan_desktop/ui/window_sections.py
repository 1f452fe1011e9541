"""The main window's section actions: edit, history, and moving sections in the tree."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt

from ..store import queries
from .app import lazy_module
from .window_base import WindowBase

if TYPE_CHECKING:  # imported when first used
    from . import commands
else:
    commands = lazy_module("kplan_desktop.ui.commands")

#: Strings keep the main window's context (see window_base).
translate = QCoreApplication.translate


class SectionActions(WindowBase):
    """What a group's officers do to the plan's sections; each change one step to undo."""

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
                    ws, translate("MainWindow", "edit a section's text"), self._changed,
                    self._command_failed, sid, (section["title"], section["body"]),
                    (title, body)))
            scalars = {"state": dialog.state.currentData(), "code": dialog.code.text().strip()}
            after = {k: v for k, v in scalars.items() if v != section[k]}
            if after:
                before = {k: section[k] for k in after}
                self._push(commands.UpdateSection(
                    ws, translate("MainWindow", "change a section"), self._changed,
                    self._command_failed, [(sid, before, after)]))
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
        self._push(commands.UpdateSection(self.ws, translate("MainWindow", "move a section"),
                                          self._changed, self._command_failed, changes))

    def action_move_section_up(self) -> None:
        self._move_section(-1)

    def action_move_section_down(self) -> None:
        self._move_section(+1)

    def action_move_section_to(self) -> None:
        section = self._section_for_editing()
        if section is None or self.ws is None:
            return
        from .plan_tree import PlanTreeModel
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
        if not self._push(commands.UpdateSection(ws, translate("MainWindow", "move a section"),
                                                 self._changed, self._command_failed, changes)):
            return False
        self.show_message(translate("MainWindow", "Moved; it is now {code}.").format(
            code=new_code), error=False)
        return True
